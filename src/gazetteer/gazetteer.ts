import { assertString } from '../errors.js';
import { normalize } from '../normalize/index.js';
import { FLAG_LINE_BREAK, Kind, scan, type TokenTable } from '../tokenize/scan.js';
import type { Entity, EntityType } from '../types.js';
import { BUNDLED_LEXICONS } from './bundled.js';
import { inflectDemonym } from './demonyms.js';
import { parseLexicon, validateEntry, type LexiconEntry } from './lexicon.js';
import { StringTable } from './string-table.js';
import { TokenTrie } from './token-trie.js';

/** Bits of a packed trie value (`flags << 24 | entity index`). */
export const VALUE_GENERATED = 1; // reached only through a generated spelling
export const VALUE_COMMON = 2; // the spelling is also an everyday word
export const VALUE_AMBIGUOUS = 4; // the spelling is knowingly shared with another entity
export const VALUE_DEMONYM = 8; // a nationality adjective of the place, not a name

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

const DEFAULT_PRIOR: Readonly<Record<string, number>> = {
  country: 0.9,
  territory: 0.7,
  region: 0.7,
  continent: 0.8,
  city: 0.5,
  admin1: 0.4,
};

const ALEF = 0x627;

/** The matching index: token vocabulary, the trie of names, per-entity priors. @internal */
export interface GazetteerIndex {
  readonly vocab: StringTable;
  readonly trie: TokenTrie;
  readonly entities: readonly Entity[];
  readonly priors: Float64Array;
  /** Length in tokens of the longest name. */
  readonly maxTokens: number;
  /** Per trie node: NODE_NAME if a name ends there, NODE_DEMONYM if a nationality adjective does. */
  readonly nodeKinds: Uint8Array;
}

export const NODE_NAME = 1;
export const NODE_DEMONYM = 2;

let bundled: Gazetteer | undefined;

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
  readonly #entries: readonly LexiconEntry[];
  readonly #byId: ReadonlyMap<string, Entity>;
  /** @internal */
  readonly index: GazetteerIndex;

  private constructor(entries: readonly LexiconEntry[]) {
    this.#entries = entries;
    const { index, byId } = buildIndex(entries);
    this.index = index;
    this.#byId = byId;
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
    bundled ??= new Gazetteer(mergeById(BUNDLED_LEXICONS.flatMap(([file, text]) => parseLexicon(text, file))));
    return bundled;
  }

  /** Parses JSONL lexicon text (errors name `file:line`) into a gazetteer. */
  static parse(jsonl: string, file?: string): Gazetteer {
    return new Gazetteer(mergeById(parseLexicon(jsonl, file)));
  }

  /** Number of entities. */
  get size(): number {
    return this.index.entities.length;
  }

  /** The entity with this id, if any. */
  entity(id: string): Entity | undefined {
    return this.#byId.get(id);
  }

  /** Every entity, in id order. */
  entities(): IterableIterator<Entity> {
    return this.index.entities.values();
  }

  /** The entries this gazetteer was built from (merged by id). */
  entries(): readonly LexiconEntry[] {
    return this.#entries;
  }

  /** A new gazetteer with both sets of entities (same ids merge; `other` wins on scalar fields). */
  merge(other: Gazetteer): Gazetteer {
    return new Gazetteer(mergeById([...this.#entries, ...other.#entries]));
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
    return new Gazetteer(mergeById([...this.#entries, ...list]));
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

/** The candidates of a whole string in an index (names, or nationality adjectives). @internal */
export function lookupIndex(index: GazetteerIndex, text: string, demonyms: boolean): Candidate[] {
  const t = scan(normalize(text).text);
  if (t.count === 0) return [];
  const out = new Map<number, Candidate>();
  forEachReading(t, 0, (start, prefix) => {
    const node = walk(index, t, 0, start, prefix, t.count);
    if (node < 0) return;
    for (let i = 0; i < index.trie.valueCount(node); i++) {
      const value = index.trie.value(node, i);
      const flags = value >>> 24;
      if (((flags & VALUE_DEMONYM) !== 0) !== demonyms) continue;
      const e = value & 0xffffff;
      const previous = out.get(e);
      // A spelling reached both directly and through a clitic split keeps its best reading.
      if (previous && !previous.generated) continue;
      out.set(e, {
        entity: index.entities[e]!,
        prior: index.priors[e]!,
        generated: (flags & VALUE_GENERATED) !== 0,
        common: (flags & VALUE_COMMON) !== 0,
        ambiguous: (flags & VALUE_AMBIGUOUS) !== 0,
      });
    }
  });
  return [...out.values()].sort((a, b) => b.prior - a.prior || (a.entity.id < b.entity.id ? -1 : 1));
}

/**
 * Calls `visit(stemStart, prefix)` for each reading of token `i`: the whole token, then each
 * stem after proclitics; for ل + ال with the alef dropped, also the stem with its alef restored
 * (`prefix` = ا). @internal
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
 * tokens up to `limit`, and returns the node reached at exactly `limit`, or -1. @internal
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

function mergeById(entries: readonly LexiconEntry[]): LexiconEntry[] {
  const byId = new Map<string, LexiconEntry>();
  for (const entry of entries) {
    const previous = byId.get(entry.id);
    if (!previous) {
      byId.set(entry.id, entry);
      continue;
    }
    const union = (a?: readonly string[], b?: readonly string[]): string[] | undefined =>
      a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : undefined;
    const merged: Record<string, unknown> = { ...previous, ...entry, name: { ...previous.name, ...entry.name } };
    for (const key of ['variants', 'generated', 'demonyms', 'ambiguous', 'common', 'src', 'seen'] as const) {
      const list = union(previous[key], entry[key]);
      if (list) merged[key] = list;
    }
    byId.set(entry.id, merged as unknown as LexiconEntry);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function freezeEntity(entry: LexiconEntry): Entity {
  const variants = [...new Set([entry.name.ar, ...(entry.variants ?? [])])];
  return Object.freeze({
    id: entry.id,
    type: entry.type as EntityType,
    subtype: entry.subtype ?? '',
    name: Object.freeze({ ar: entry.name.ar, en: entry.name.en ?? '' }),
    variants: Object.freeze(variants),
    ...(entry.country !== undefined ? { country: entry.country } : {}),
    ...(entry.wikidata !== undefined ? { wikidata: entry.wikidata } : {}),
    ...(entry.geonames !== undefined ? { geonames: entry.geonames } : {}),
  });
}

/**
 * Builds the index in one pass: every spelling of every entity goes on its own line of one big
 * string, which is normalised and tokenised once (much faster than per spelling).
 */
function buildIndex(entries: readonly LexiconEntry[]): { index: GazetteerIndex; byId: Map<string, Entity> } {
  const entities: Entity[] = [];
  const priors = new Float64Array(entries.length);
  const byId = new Map<string, Entity>();
  const lines: string[] = [];
  const lineValues: number[] = [];
  entries.forEach((entry, e) => {
    const entity = freezeEntity(entry);
    entities.push(entity);
    byId.set(entity.id, entity);
    priors[e] = entry.prior ?? DEFAULT_PRIOR[entity.subtype] ?? 0.5;
    // Common and ambiguous marks are given on spellings as written; they hold for the normalised key.
    const key = (spelling: string): string => normalize(spelling).text;
    const common = entry.common?.length ? new Set(entry.common.map(key)) : undefined;
    const ambiguous = entry.ambiguous?.length ? new Set(entry.ambiguous.map(key)) : undefined;
    const add = (spelling: string, flags: number): void => {
      if (spelling.includes('\n')) return;
      if (common || ambiguous) {
        const k = key(spelling);
        if (common?.has(k)) flags |= VALUE_COMMON;
        if (ambiguous?.has(k)) flags |= VALUE_AMBIGUOUS;
      }
      lines.push(spelling);
      lineValues.push((flags << 24) | e);
    };
    for (const v of entity.variants) add(v, 0);
    for (const v of entry.generated ?? []) add(v, VALUE_GENERATED);
    for (const d of entry.demonyms ?? []) for (const form of inflectDemonym(d)) add(form, VALUE_DEMONYM);
  });
  const vocab = new StringTable();
  const trie = new TokenTrie();
  const t = scan(normalize(lines.join('\n')).text);
  let maxTokens = 0;
  let path: number[] = [];
  let line = 0;
  let pathLine = 0;
  let previousEnd = 0;
  const flush = (): void => {
    if (path.length > 0) {
      trie.add(path, lineValues[pathLine]!);
      maxTokens = Math.max(maxTokens, path.length);
    }
    path = [];
  };
  for (let i = 0; i < t.count; i++) {
    const start = t.start[i]!;
    let breaks = 0;
    for (let k = previousEnd; k < start; k++) if (t.text.charCodeAt(k) === 0x0a) breaks++;
    if (breaks > 0) {
      flush();
      line += breaks;
    }
    pathLine = line;
    previousEnd = t.end[i]!;
    if (t.kind[i] === Kind.Punctuation && isDash(t.text.charCodeAt(start))) continue;
    path.push(vocab.intern(t.text.slice(start, previousEnd)));
  }
  flush();
  trie.freeze();
  const nodeKinds = new Uint8Array(trie.nodeCount);
  for (let node = 0; node < trie.nodeCount; node++) {
    for (let i = 0; i < trie.valueCount(node); i++) {
      nodeKinds[node] = nodeKinds[node]! | ((trie.value(node, i) >>> 24) & VALUE_DEMONYM ? NODE_DEMONYM : NODE_NAME);
    }
  }
  return { index: { vocab, trie, entities, priors, maxTokens, nodeKinds }, byId };
}

/** Hyphen-minus, hyphen, en dash: غينيا-بيساو and غينيا بيساو are one name. @internal */
export const isDash = (c: number): boolean => c === 0x2d || c === 0x2010 || c === 0x2013;
