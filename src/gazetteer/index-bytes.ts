/**
 * The gazetteer index as bytes, so the package can ship it prebuilt (built by tsup.config.ts from
 * the same lexicons) and load it without re-normalising every spelling. The entries themselves
 * still come from the bundled JSONL; the bytes carry a hash of their ids and are refused when
 * the entries differ, in which case the index is built as usual.
 *
 * Layout, little-endian, each section aligned to 8 bytes:
 * | u32 magic `KSGX` | u32 version | u32 entry count | u32 FNV-1a of the ids joined by \n |
 * | u32 n, u16 × n: the vocabulary, tokens joined by \n |
 * | u32 nodes, u32 edges, i32 × 3 × edges: (node, token, child) |
 * | u32 pairs, i32 × 2 × pairs: (node, value) in node order |
 * | f64 × entries: priors | u8 × nodes: node kinds | u8 × vocabulary: token kinds |
 */
import { hashRange, StringTable } from './string-table.js';
import { TokenTrie } from './token-trie.js';
import { assembleIndex, type GazetteerIndex } from './index-build.js';
import type { LexiconEntry } from './lexicon.js';

const MAGIC = 0x5847534b; // 'KSGX'
const VERSION = 1;

function idsHash(entries: readonly LexiconEntry[]): number {
  const ids = entries.map((e) => e.id).join('\n');
  return hashRange(ids, 0, ids.length, -1);
}

const align8 = (n: number): number => (n + 7) & ~7;

/** The index as bytes. */
export function indexToBytes(index: GazetteerIndex): Uint8Array {
  const vocab = index.vocab.all().join('\n');
  const edges = index.trie.edgeTriples();
  const pairs = index.trie.valuePairs();
  const nodes = index.trie.nodeCount;
  const sizes = [16, 4 + vocab.length * 2, 8 + edges.length * 4, 4 + pairs.length * 4, index.priors.length * 8, nodes, index.vocabKinds.length];
  const bytes = new Uint8Array(sizes.reduce((n, s) => n + align8(s), 0));
  const view = new DataView(bytes.buffer);
  let at = 0;
  const section = (size: number): number => {
    const start = at;
    at += align8(size);
    return start;
  };
  let o = section(sizes[0]!);
  view.setUint32(o, MAGIC, true);
  view.setUint32(o + 4, VERSION, true);
  view.setUint32(o + 8, index.entries.length, true);
  view.setUint32(o + 12, idsHash(index.entries), true);
  o = section(sizes[1]!);
  view.setUint32(o, vocab.length, true);
  for (let i = 0; i < vocab.length; i++) view.setUint16(o + 4 + i * 2, vocab.charCodeAt(i), true);
  o = section(sizes[2]!);
  view.setUint32(o, nodes, true);
  view.setUint32(o + 4, edges.length / 3, true);
  new Int32Array(bytes.buffer, o + 8, edges.length).set(edges);
  o = section(sizes[3]!);
  view.setUint32(o, pairs.length / 2, true);
  new Int32Array(bytes.buffer, o + 4, pairs.length).set(pairs);
  o = section(sizes[4]!);
  new Float64Array(bytes.buffer, o, index.priors.length).set(index.priors);
  o = section(sizes[5]!);
  bytes.set(index.nodeKinds, o);
  o = section(sizes[6]!);
  bytes.set(index.vocabKinds, o);
  return bytes;
}

/**
 * The index of `entries` from bytes made by {@link indexToBytes}, or `null` when the bytes are
 * not an index of these very entries (then build it instead).
 */
export function indexFromBytes(source: Uint8Array, entries: readonly LexiconEntry[]): GazetteerIndex | null {
  // A fresh, aligned copy: typed-array views need their element alignment.
  const bytes = new Uint8Array(source);
  if (bytes.length < 16) return null;
  const view = new DataView(bytes.buffer);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) return null;
  if (view.getUint32(8, true) !== entries.length || view.getUint32(12, true) !== idsHash(entries)) return null;
  let at = 16;
  const vocabLength = view.getUint32(at, true);
  const units = new Uint16Array(bytes.buffer, at + 4, vocabLength);
  let vocabText = '';
  for (let i = 0; i < units.length; i += 8192) vocabText += String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]);
  at += align8(4 + vocabLength * 2);
  const nodes = view.getUint32(at, true);
  const edgeCount = view.getUint32(at + 4, true);
  const edges = new Int32Array(bytes.buffer, at + 8, edgeCount * 3);
  at += align8(8 + edgeCount * 12);
  const pairCount = view.getUint32(at, true);
  const pairs = new Int32Array(bytes.buffer, at + 4, pairCount * 2);
  at += align8(4 + pairCount * 8);
  const priors = new Float64Array(bytes.buffer, at, entries.length);
  at += align8(entries.length * 8);
  const nodeKinds = bytes.subarray(at, at + nodes);
  at += align8(nodes);
  const vocab = StringTable.from(vocabLength === 0 ? [] : vocabText.split('\n'));
  const vocabKinds = bytes.subarray(at, at + vocab.size);
  return assembleIndex({ vocab, trie: TokenTrie.restore(nodes, edges, pairs), entries, priors, nodeKinds, vocabKinds });
}
