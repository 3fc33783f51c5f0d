import { assertString } from '../errors.js';
import { normalize } from '../normalize/index.js';
import { FLAG_LINE_BREAK, Kind, scan, type TokenTable } from '../tokenize/scan.js';
import type { Entity } from '../types.js';
import { decodeBase64 } from '../base64.js';
import { BUNDLED_INDEX, BUNDLED_LEXICONS } from './bundled.js';
import { indexFromBytes } from './index-bytes.js';
import {
  buildIndex,
  isDash,
  mergeById,
  VALUE_AMBIGUOUS,
  VALUE_COMMON,
  VALUE_DEMONYM,
  VALUE_GENERATED,
  type GazetteerIndex,
} from './index-build.js';
import { parseLexicon, validateEntry, type LexiconEntry } from './lexicon.js';
import { ALEF } from '../tokenize/letters.js';

/** One entity a spelling may refer to, with what the lexicon says about that spelling. */
export interface Candidate {
  readonly entity: Entity;
  /** 0–1: how likely this entity is meant, from the lexicon (ambiguous keys rank by it). */
  readonly prior: number;
  /** The spelling is known only from the variant generator. */
  readonly generated: boolean;
  /** The spelling is also an everyday word (أمل، صور): needs context to be a name. */
  readonly common: boolean;
  /** The spelling is knowingly shared with other entities (عمان: Oman and Amman). */
  readonly ambiguous: boolean;
}

let bundled: Gazetteer | undefined;

/** The entries of the bundled lexicons, merged by id, in id order. */
export function bundledEntries(): LexiconEntry[] {
  return mergeById(BUNDLED_LEXICONS.flatMap(([file, text]) => parseLexicon(text, file)));
}

/**
 * An immutable gazetteer of people, places and organisations, indexed by the normalised forms of
 * every spelling. Extending it returns a new gazetteer; nothing global changes.
 *
 * @example
 * const g = Gazetteer.fromEntries([
 *   { id: 'stepanakert', type: 'LOCATION', name: { ar: 'ستيباناكيرت', en: 'Stepanakert' }, variants: ['خانكيندي'] },
 * ]);
 * g.lookup('بخانكيندي')[0]?.entity.id; // 'stepanakert'
 */
export class Gazetteer {
  #byId: ReadonlyMap<string, number> | undefined;
  /** @internal */
  readonly index: GazetteerIndex;

  private constructor(entries: readonly LexiconEntry[], index?: GazetteerIndex) {
    this.index = index ?? buildIndex(entries);
  }

  /**
   * Builds a gazetteer from lexicon entries. Entries that share an `id` are merged: spelling
   * lists are joined, later scalar fields win.
   */
  static fromEntries(entries: Iterable<LexiconEntry>): Gazetteer {
    const list: LexiconEntry[] = [];
    let n = 0;
    for (const entry of entries) list.push(validateEntry(entry, '<entries>', ++n));
    return new Gazetteer(mergeById(list));
  }

  /**
   * The gazetteer built from the lexicons shipped with the package (built once, then shared:
   * it is immutable).
   *
   * @example
   * Gazetteer.bundled().lookup('وأذربيجان')[0]?.entity.id; // 'azerbaijan'
   */
  static bundled(): Gazetteer {
    if (!bundled) {
      const entries = bundledEntries();
      // The package ships the index prebuilt; where it does not fit these entries, build it.
      const prebuilt = BUNDLED_INDEX ? indexFromBytes(decodeBase64(BUNDLED_INDEX), entries) : null;
      bundled = new Gazetteer(entries, prebuilt ?? undefined);
    }
    return bundled;
  }

  /** Parses JSONL lexicon text (errors name `file:line`) into a gazetteer. */
  static parse(jsonl: string, file?: string): Gazetteer {
    return new Gazetteer(mergeById(parseLexicon(jsonl, file)));
  }

  /** Number of entities. */
  get size(): number {
    return this.index.entries.length;
  }

  /** The entity with this id, if any. */
  entity(id: string): Entity | undefined {
    this.#byId ??= new Map(this.index.entries.map((entry, e) => [entry.id, e]));
    const e = this.#byId.get(id);
    return e === undefined ? undefined : this.index.entity(e);
  }

  /** Every entity, in id order. */
  *entities(): IterableIterator<Entity> {
    for (let e = 0; e < this.index.entries.length; e++) yield this.index.entity(e);
  }

  /** The entries this gazetteer was built from (merged by id). */
  entries(): readonly LexiconEntry[] {
    return this.index.entries;
  }

  /** A new gazetteer with both sets of entities (same ids merge; `other` wins on scalar fields). */
  merge(other: Gazetteer): Gazetteer {
    return new Gazetteer(mergeById([...this.index.entries, ...other.index.entries]));
  }

  /**
   * A new gazetteer with these entities added; an entry whose `id` exists adds its spellings to
   * that entity.
   *
   * @example
   * const mine = Gazetteer.bundled().extend([
   *   { id: 'baku_az', type: 'LOCATION', name: { ar: 'باكو' }, variants: ['باكوو'] },
   * ]);
   */
  extend(entries: Iterable<LexiconEntry>): Gazetteer {
    const list: LexiconEntry[] = [];
    let n = 0;
    for (const entry of entries) list.push(validateEntry(entry, '<extend>', ++n));
    return new Gazetteer(mergeById([...this.index.entries, ...list]));
  }

  /**
   * Every entity that `text` may name, best prior first. `text` is normalised like running text,
   * and a proclitic on its first word is accepted (وأذربيجان، بالكرملين، للأمم المتحدة).
   * Nationality adjectives are not names: use {@link demonymOf}.
   *
   * @example
   * Gazetteer.bundled().lookup('عمان').map((c) => c.entity.id); // ['oman', 'amman_jo']
   */
  lookup(text: string): Candidate[] {
    assertString(text, 'Gazetteer.lookup()');
    return this.#candidates(text, false);
  }

  /**
   * The places a nationality adjective belongs to (الأذربيجانية → Azerbaijan).
   *
   * @example
   * Gazetteer.bundled().demonymOf('الروسية')[0]?.entity.id; // 'russia'
   */
  demonymOf(text: string): Candidate[] {
    assertString(text, 'Gazetteer.demonymOf()');
    return this.#candidates(text, true);
  }

  #candidates(text: string, demonyms: boolean): Candidate[] {
    return lookupIndex(this.index, text, demonyms);
  }
}

/** The candidates of a whole string in an index (names, or nationality adjectives). */
export function lookupIndex(index: GazetteerIndex, text: string, demonyms: boolean): Candidate[] {
  const t = scan(normalize(text).text);
  if (t.count === 0) return [];
  const out = new Map<number, Candidate>();
  const readings: [number, number][] = [];
  forEachReading(t, 0, (start, prefix) => readings.push([start, prefix]));
  // A span that starts at the article's ل, its alef dropped after ل (لأمم المتحدة, as the
  // guidelines cut للأمم المتحدة), reads as the article.
  if (t.text.charCodeAt(0) === 0x644 && t.text.charCodeAt(1) !== 0x644) readings.push([0, ALEF]);
  for (const [start, prefix] of readings) {
    const node = walk(index, t, 0, start, prefix, t.count);
    if (node < 0) continue;
    for (let i = 0; i < index.trie.valueCount(node); i++) {
      const value = index.trie.value(node, i);
      const flags = value >>> 24;
      if (((flags & VALUE_DEMONYM) !== 0) !== demonyms) continue;
      const e = value & 0xffffff;
      const previous = out.get(e);
      // A spelling reached both directly and through a clitic split keeps its best reading.
      if (previous && !previous.generated) continue;
      out.set(e, {
        entity: index.entity(e),
        prior: index.priors[e]!,
        generated: (flags & VALUE_GENERATED) !== 0,
        common: (flags & VALUE_COMMON) !== 0,
        ambiguous: (flags & VALUE_AMBIGUOUS) !== 0,
      });
    }
  }
  return [...out.values()].sort((a, b) => b.prior - a.prior || (a.entity.id < b.entity.id ? -1 : 1));
}

/**
 * Calls `visit(stemStart, prefix)` for each reading of token `i`: the whole token, then each
 * stem after proclitics; for ل + ال with the alef dropped, also the stem with its alef restored
 * (`prefix` = ا).
 */
export function forEachReading(t: TokenTable, i: number, visit: (start: number, prefix: number) => void): void {
  const start = t.start[i]!;
  visit(start, -1);
  const mask = t.stems[i]!;
  if (mask === 0) return;
  const elided = t.elided[i]!;
  for (let k = 1; k < 8; k++) {
    if ((mask & (1 << k)) === 0) continue;
    visit(start + k, -1);
    if (k === elided) visit(start + k, ALEF);
  }
}

/**
 * Walks the trie from token `i` (read from `stemStart`, with `prefix`) through the following
 * tokens up to `limit`, and returns the node reached at exactly `limit`, or -1.
 */
function walk(index: GazetteerIndex, t: TokenTable, i: number, stemStart: number, prefix: number, limit: number): number {
  let node = index.trie.child(0, index.vocab.find(t.text, stemStart, t.end[i]!, prefix));
  for (let j = i + 1; j < limit && node >= 0; j++) {
    if (t.flags[j]! & FLAG_LINE_BREAK) return -1;
    if (t.kind[j] === Kind.Punctuation && isDash(t.text.charCodeAt(t.start[j]!))) continue;
    const token = index.vocab.find(t.text, t.start[j]!, t.end[j]!, -1);
    node = token < 0 ? -1 : index.trie.child(node, token);
  }
  return node;
}

