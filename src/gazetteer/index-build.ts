/**
 * The gazetteer's index, built from lexicon entries: one vocabulary of normalised tokens, one
 * trie of names over it, and what each name's end node holds. No data is imported here, so the
 * build (tsup.config.ts) can run it to ship the index prebuilt.
 */
import { normalize } from '../normalize/index.js';
import { Kind, scan } from '../tokenize/scan.js';
import type { Entity } from '../types.js';
import { inflectDemonym } from './demonyms.js';
import type { LexiconEntry } from './lexicon.js';
import { StringTable } from './string-table.js';
import { TokenTrie } from './token-trie.js';

/** Bits of a packed trie value (`flags << 24 | entity index`). */
export const VALUE_GENERATED = 1; // reached only through a generated spelling
export const VALUE_COMMON = 2; // the spelling is also an everyday word
export const VALUE_AMBIGUOUS = 4; // the spelling is knowingly shared with another entity
export const VALUE_DEMONYM = 8; // a nationality adjective of the place, not a name

const DEFAULT_PRIOR: Readonly<Record<string, number>> = {
  country: 0.9,
  territory: 0.7,
  region: 0.7,
  continent: 0.8,
  city: 0.5,
  admin1: 0.4,
};

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

/** The trie node where the one-word name `text[start, end)` (normalised) ends, or -1 if no name is spelled so. */
export function oneWordName(index: GazetteerIndex, text: string, start: number, end: number): number {
  const id = index.vocab.find(text, start, end, -1);
  const node = id < 0 ? -1 : index.trie.child(0, id);
  return node >= 0 && (index.nodeKinds[node]! & NODE_NAME) !== 0 ? node : -1;
}

export function mergeById(entries: readonly LexiconEntry[]): LexiconEntry[] {
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

export function freezeEntity(entry: LexiconEntry): Entity {
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
export function buildIndex(entries: readonly LexiconEntry[]): GazetteerIndex {
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
  return assembleIndex({ vocab, trie, entries, priors, nodeKinds, vocabKinds });
}

/** An index from its tables; its entities are made from the entries on first use. */
export function assembleIndex(parts: Omit<GazetteerIndex, 'entity'>): GazetteerIndex {
  const made: (Entity | undefined)[] = new Array<Entity | undefined>(parts.entries.length);
  const entity = (e: number): Entity => (made[e] ??= freezeEntity(parts.entries[e]!));
  return { ...parts, entity };
}

/** Hyphen-minus, hyphen, en dash: غينيا-بيساو and غينيا بيساو are one name. */
export const isDash = (c: number): boolean => c === 0x2d || c === 0x2010 || c === 0x2013;
