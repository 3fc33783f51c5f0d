import { assertString } from '../errors.js';
import { normalize } from '../normalize/index.js';
import { FLAG_LINE_BREAK, Kind, scan, type TokenTable } from '../tokenize/scan.js';
import type { Entity } from '../types.js';
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

/** The matching index: token vocabulary, the trie of names, per-entity priors (not part of the public API). */
export interface GazetteerIndex {
  readonly vocab: StringTable;
  readonly trie: TokenTrie;
  /** The merged entries, in id order; entity number e is `entries[e]`. */
  readonly entries: readonly LexiconEntry[];
  /** Entity number e as a frozen `Entity` (made on first use, then shared). */
  entity(e: number): Entity;
  readonly priors: Float64Array;
  /** Per trie node: NODE_NAME if a name ends there, NODE_DEMONYM if a nationality adjective does. */
  readonly nodeKinds: Uint8Array;
  /** Per vocabulary token: VOCAB_PERSON if it is a word of some person's name. */
  readonly vocabKinds: Uint8Array;
}

export const NODE_NAME = 1;
export const NODE_DEMONYM = 2;
export const VOCAB_PERSON = 1;

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
  #byId: ReadonlyMap<string, number> | undefined;
  /** @internal */
  readonly index: GazetteerIndex;

  private constructor(entries: readonly LexiconEntry[]) {
    this.index = buildIndex(entries);
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
  const variants = entry.variants?.includes(entry.name.ar) ? entry.variants : [entry.name.ar, ...(entry.variants ?? [])];
  const entity: { -readonly [K in keyof Entity]: Entity[K] } = {
    id: entry.id,
    type: entry.type,
    subtype: entry.subtype ?? '',
    name: Object.freeze({ ar: entry.name.ar, en: entry.name.en ?? '' }),
    variants: Object.freeze([...new Set(variants)]),
  };
  if (entry.country !== undefined) entity.country = entry.country;
  if (entry.wikidata !== undefined) entity.wikidata = entry.wikidata;
  if (entry.geonames !== undefined) entity.geonames = entry.geonames;
  return Object.freeze(entity);
}

/**
 * Builds the index in one pass: every spelling of every entity goes on its own line of one big
 * string, which is normalised and tokenised once (much faster than per spelling). The spellings
 * an entry marks as common or ambiguous go on lines of their own too, so that marks compare
 * normalised keys without normalising anything twice. Entity objects are made only when a match
 * needs them.
 */
function buildIndex(entries: readonly LexiconEntry[]): GazetteerIndex {
  const priors = new Float64Array(entries.length);
  const lines: string[] = [];
  const lineValues: number[] = [];
  const lineMarks: number[] = []; // 0: a spelling; VALUE_COMMON / VALUE_AMBIGUOUS: a mark
  const push = (spelling: string, value: number, mark = 0): void => {
    if (spelling.includes('\n')) return;
    lines.push(spelling);
    lineValues.push(value);
    lineMarks.push(mark);
  };
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e]!;
    priors[e] = entry.prior ?? DEFAULT_PRIOR[entry.subtype ?? ''] ?? 0.5;
    push(entry.name.ar, e);
    for (const v of entry.variants ?? []) if (v !== entry.name.ar) push(v, e);
    for (const v of entry.generated ?? []) push(v, (VALUE_GENERATED << 24) | e);
    for (const d of entry.demonyms ?? []) for (const form of inflectDemonym(d)) push(form, (VALUE_DEMONYM << 24) | e);
    for (const c of entry.common ?? []) push(c, e, VALUE_COMMON);
    for (const a of entry.ambiguous ?? []) push(a, e, VALUE_AMBIGUOUS);
  }
  const normalized = normalize(lines.join('\n')).text;
  // Marks, keyed by entity and normalised spelling, applied to that entity's spellings.
  const keys = normalized.split('\n');
  const marks = new Map<string, number>();
  lineMarks.forEach((mark, line) => {
    if (mark === 0) return;
    const k = `${lineValues[line]! & 0xffffff}\u0000${keys[line]!.trim()}`;
    marks.set(k, (marks.get(k) ?? 0) | mark);
  });
  if (marks.size > 0) {
    lineMarks.forEach((mark, line) => {
      if (mark !== 0) return;
      const flags = marks.get(`${lineValues[line]! & 0xffffff}\u0000${keys[line]!.trim()}`);
      if (flags) lineValues[line] = lineValues[line]! | (flags << 24);
    });
  }
  const vocab = new StringTable();
  const trie = new TokenTrie();
  const personTokens: number[] = [];
  const t = scan(normalized);
  const text = t.text;
  let path: number[] = [];
  let line = 0;
  let pathLine = 0;
  let previousEnd = 0;
  const flush = (): void => {
    if (path.length === 0) return;
    const value = lineValues[pathLine]!;
    trie.add(path, value);
    if (entries[value & 0xffffff]!.type === 'PERSON' && ((value >>> 24) & VALUE_DEMONYM) === 0) personTokens.push(...path);
    path = [];
  };
  for (let i = 0; i < t.count; i++) {
    const start = t.start[i]!;
    let breaks = 0;
    for (let k = previousEnd; k < start; k++) if (text.charCodeAt(k) === 0x0a) breaks++;
    if (breaks > 0) {
      flush();
      line += breaks;
    }
    pathLine = line;
    previousEnd = t.end[i]!;
    if (lineMarks[line] !== 0 || (t.kind[i] === Kind.Punctuation && isDash(text.charCodeAt(start)))) continue;
    path.push(vocab.intern(text.slice(start, previousEnd)));
  }
  flush();
  trie.freeze();
  const nodeKinds = new Uint8Array(trie.nodeCount);
  for (let node = 0; node < trie.nodeCount; node++) {
    for (let i = 0; i < trie.valueCount(node); i++) {
      nodeKinds[node] = nodeKinds[node]! | ((trie.value(node, i) >>> 24) & VALUE_DEMONYM ? NODE_DEMONYM : NODE_NAME);
    }
  }
  const vocabKinds = new Uint8Array(vocab.size);
  for (const token of personTokens) vocabKinds[token] = VOCAB_PERSON;
  const made: (Entity | undefined)[] = new Array<Entity | undefined>(entries.length);
  const entity = (e: number): Entity => (made[e] ??= freezeEntity(entries[e]!));
  return { vocab, trie, entries, entity, priors, nodeKinds, vocabKinds };
}

/** Hyphen-minus, hyphen, en dash: غينيا-بيساو and غينيا بيساو are one name. */
export const isDash = (c: number): boolean => c === 0x2d || c === 0x2010 || c === 0x2013;
