/**
 * The run-time tagger: loads a model from bytes and tags token ranges of normalised text.
 *
 * ## Model file format (`lexicons/tagger.bin`), version 1, little-endian
 *
 * | offset | type | field |
 * |---|---|---|
 * | 0 | 4 bytes | magic `KSHT` |
 * | 4 | u16 | format version (1) |
 * | 6 | u16 | feature-set version (`FEATURE_SET_VERSION` of `features.ts`; a mismatch is refused) |
 * | 8 | u8 | `bits`: the weight table has 2^bits rows |
 * | 9 | u8 | `L`: number of labels (7) |
 * | 10 | u8 | bytes per weight: 1 (Int8) or 2 (Int16) |
 * | 11 | u8 | reserved, 0 |
 * | 12 | f32 | quantisation scale: a stored weight q stands for q × scale |
 * | 16 | u16 + bytes | label names, UTF-8, comma-separated (`O,B-PER,I-PER,B-LOC,I-LOC,B-ORG,I-ORG`) |
 * | … | u32 + bytes | metadata, UTF-8 JSON (licence notice, training data and settings, held-out scores) |
 * | … | f32 × (L+1)·L | transition scores in units of `scale`: row p, column y = y after p; row L = first label |
 * | … | u32 n + i32 × n | hashes (`wordHash`) of the known person-name tokens, ascending |
 * | … | u32 n + i32 × n + u8 × n | hashes of the trigger words, ascending, then their classes (1 person, 2 place, 3 organisation) |
 * | … | u32 n, then n rows | non-zero rows of the weight table, ascending: varint gap from the previous row (first: the row itself), u8 mask of the labels stored, then one weight per set bit (Int8 or Int16) |
 *
 * At load the rows are spread into a dense typed array of 2^bits × L weights (the hashing trick:
 * a feature's row is computed from its template and the hash of its characters).
 */
import { assertString, describe } from '../errors.js';
import { normalize } from '../normalize/index.js';
import {
  FEATURE_SET_VERSION,
  FeatureExtractor,
  type FeatureConfig,
  hashSlice,
  stemsOf,
  WordSet,
} from './features.js';
import { LABELS, NUM_LABELS, type Label } from './labels.js';
import type { FloatModel } from './perceptron.js';
import { emissions } from './score.js';
import { nameGaps, viterbi, ViterbiScratch } from './viterbi.js';

const L = NUM_LABELS;
const MAGIC = 0x5448534b; // 'KSHT' read as a little-endian u32
const FORMAT_VERSION = 1;

/** The columns of a token table the tagger reads (a `TokenTable` from `scan()` fits). */
export interface TokenColumns {
  readonly text: string;
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly stems: Uint8Array;
}

/** What a model file says about itself. */
export type ModelMetadata = Record<string, unknown>;

/**
 * A loaded sequence tagger. Create it with {@link Tagger.fromBytes} (a shipped model) or
 * {@link Tagger.fromFloat} (a model just trained). Not re-entrant: it owns scratch buffers.
 */
export class Tagger {
  private readonly fx: FeatureExtractor;
  private readonly scratch = new ViterbiScratch();
  private emit = new Float64Array(0);

  private constructor(
    readonly config: FeatureConfig,
    private readonly weights: Float32Array | Int16Array | Int8Array,
    private readonly transitions: Float64Array,
    /** The model file's metadata (empty for a model built in memory). */
    readonly metadata: ModelMetadata,
  ) {
    this.fx = new FeatureExtractor(config);
  }

  /** Whether `text[start, end)` (normalised) is one of the person-name tokens the model carries. */
  knowsName(text: string, start: number, end: number): boolean {
    return this.config.names.get(hashSlice(text, start, end)) !== 0;
  }

  /** A tagger over a trained float model (no quantisation). */
  static fromFloat(model: FloatModel, metadata: ModelMetadata = {}): Tagger {
    return new Tagger(model.config, model.weights, model.transitions, metadata);
  }

  /**
   * Loads a model file (see the format above). Throws a `kashif:` error on a malformed or
   * incompatible file.
   *
   * @example
   * const tagger = Tagger.fromBytes(new Uint8Array(await (await fetch('tagger.bin')).arrayBuffer()));
   */
  static fromBytes(bytes: Uint8Array): Tagger {
    if (!(bytes instanceof Uint8Array)) throw new TypeError(`kashif: Tagger.fromBytes() expects a Uint8Array, but received ${describe(bytes)}`);
    const r = new Reader(bytes);
    if (bytes.length < 16 || r.u32() !== MAGIC) throw new Error('kashif: not a tagger model file (expected the magic "KSHT")');
    const version = r.u16();
    if (version !== FORMAT_VERSION) throw new Error(`kashif: tagger model format ${version} is not supported (expected ${FORMAT_VERSION})`);
    const fset = r.u16();
    if (fset !== FEATURE_SET_VERSION) throw new Error(`kashif: tagger model has feature set ${fset}, this library computes ${FEATURE_SET_VERSION}`);
    const bits = r.u8();
    const nLabels = r.u8();
    const width = r.u8();
    r.u8();
    r.f32(); // scale: informational, transitions are stored in the same units as the weights
    const labels = r.string(r.u16());
    if (nLabels !== L || labels !== LABELS.join(',')) throw new Error(`kashif: tagger model labels "${labels}" differ from "${LABELS.join(',')}"`);
    if (width !== 1 && width !== 2) throw new Error(`kashif: tagger model weight width ${width} (expected 1 or 2)`);
    if (bits < 8 || bits > 26) throw new Error(`kashif: tagger model table bits ${bits} out of range`);
    const metadata = JSON.parse(r.string(r.u32())) as ModelMetadata;
    const transitions = new Float64Array((L + 1) * L);
    for (let j = 0; j < transitions.length; j++) transitions[j] = r.f32();
    const nNames = r.u32();
    const names: [number, number][] = [];
    for (let j = 0; j < nNames; j++) names.push([r.i32(), 1]);
    const nTriggers = r.u32();
    const triggerHashes: number[] = [];
    for (let j = 0; j < nTriggers; j++) triggerHashes.push(r.i32());
    const triggers: [number, number][] = triggerHashes.map((h) => [h, r.u8()]);
    const rowsN = 1 << bits;
    const weights = width === 1 ? new Int8Array(rowsN * L) : new Int16Array(rowsN * L);
    const nRows = r.u32();
    let row = 0;
    for (let j = 0; j < nRows; j++) {
      row += r.varint();
      if (row >= rowsN) throw new Error('kashif: tagger model row index out of range');
      const mask = r.u8();
      for (let y = 0; y < L; y++) if (mask & (1 << y)) weights[row * L + y] = width === 1 ? r.i8() : r.i16();
    }
    if (r.offset !== bytes.length) throw new Error(`kashif: tagger model has ${bytes.length - r.offset} trailing bytes`);
    return new Tagger({ bits, names: new WordSet(names), triggers: new WordSet(triggers) }, weights, transitions, metadata);
  }

  /**
   * Tags tokens `from … to-1` of an already normalised `text` as one sequence, writing label codes
   * (indices into `LABELS`) to `out[i]` for each token i — indexed like `starts`. `hints[i]` are
   * the caller's hint bits (see `features.ts`); `stems[i]` the tokeniser's stem masks
   * (`TokenTable.stems`; computed per token, with allocation, when absent). Allocates nothing
   * once its buffers have grown to the longest range seen.
   *
   * @example
   * const nt = normalize('قال الرئيس محمد');
   * const t = scan(nt.text);
   * const out = new Uint8Array(t.count);
   * tagger.tagRange(nt.text, t.start, t.end, 0, t.count, out, undefined, t.stems);
   * out.map((y) => y); // [0, 0, 1]: O O B-PER
   */
  tagRange(
    text: string,
    starts: Int32Array,
    ends: Int32Array,
    from: number,
    to: number,
    out: Uint8Array,
    hints?: Uint8Array,
    stems?: Uint8Array,
    gaps?: Float32Array,
  ): void {
    const n = this.fx.extract(text, starts, ends, from, to, hints, stems);
    if (n <= 0) return;
    if (this.emit.length < n * L) this.emit = new Float64Array(Math.max(n * L, this.emit.length * 2));
    emissions(this.fx.rows, this.fx.counts, n, this.weights, this.emit);
    viterbi(n, this.emit, this.transitions, out, from, this.scratch);
    if (gaps) nameGaps(n, this.emit, this.transitions, gaps, from, this.scratch);
  }

  /**
   * Tags tokens `from … to-1` of a token table from `scan()` over normalised text.
   *
   * @example
   * const t = scan(normalize('زار الوزير القاهرة').text);
   * const out = new Uint8Array(t.count);
   * tagger.tagTable(t, 0, t.count, out);
   */
  tagTable(table: TokenColumns, from: number, to: number, out: Uint8Array, hints?: Uint8Array): void {
    this.tagRange(table.text, table.start, table.end, from, to, out, hints, table.stems);
  }

  /**
   * Tags a sentence given as words (normalised here), one label per word. For tests and small
   * jobs; the extractor uses {@link tagRange}.
   *
   * @example
   * tagger.tag(['قال', 'الرئيس', 'محمد', 'مرسي']); // ['O', 'O', 'B-PER', 'I-PER']
   */
  tag(words: readonly string[], hints?: ArrayLike<number>): Label[] {
    if (!Array.isArray(words)) throw new TypeError(`kashif: tag() expects an array of words, but received ${describe(words)}`);
    const p = prepareWords(words);
    const n = words.length;
    const out = new Uint8Array(n);
    const h = hints ? Uint8Array.from(hints) : undefined;
    this.tagRange(p.text, p.starts, p.ends, 0, n, out, h, p.stems);
    return Array.from(out, (y) => LABELS[y]!);
  }
}

/** Words normalised and joined by spaces, with their boundaries and stem masks. */
export interface PreparedWords {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly stems: Uint8Array;
  /** The normalised words. */
  readonly words: readonly string[];
}

/**
 * Normalises words and lays them out as one text, the way the tagger sees a sentence.
 *
 * @example
 * prepareWords(['بالقاهرة', 'اليوم']).text; // 'بالقاهره اليوم'
 */
export function prepareWords(words: readonly string[]): PreparedWords {
  const n = words.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const stems = new Uint8Array(n);
  const norm: string[] = [];
  let text = '';
  for (let i = 0; i < n; i++) {
    const w = words[i];
    assertString(w, 'tag() word');
    let nw = normalize(w).text;
    if (nw.length === 0) nw = w.length > 0 ? w : '_';
    norm.push(nw);
    if (i > 0) text += ' ';
    starts[i] = text.length;
    text += nw;
    ends[i] = text.length;
    stems[i] = stemsOf(nw, 0, nw.length);
  }
  return { text, starts, ends, stems, words: norm };
}

/** Options of {@link encodeModel}. */
export interface EncodeOptions {
  /** 1: Int8 weights (default), 2: Int16. */
  readonly width?: 1 | 2;
  /** Weights whose absolute value is below this fraction of the largest are dropped (default 0). */
  readonly prune?: number;
  /** Quantile of |weight| mapped to the largest code; larger weights are clipped (default 1). */
  readonly clipQuantile?: number;
  /** JSON-serialisable metadata stored in the file. */
  readonly metadata?: ModelMetadata;
}

/**
 * Quantises a float model and writes it in the model file format.
 *
 * @example
 * writeFileSync('lexicons/tagger.bin', encodeModel(model, { metadata: { licence: 'CC BY-SA 4.0' } }));
 */
export function encodeModel(model: FloatModel, options: EncodeOptions = {}): Uint8Array {
  const width = options.width ?? 1;
  const maxCode = width === 1 ? 127 : 32767;
  const w = model.weights;
  let maxAbs = 0;
  const q = options.clipQuantile ?? 1;
  if (q < 1) {
    const abs: number[] = [];
    for (let j = 0; j < w.length; j++) if (w[j] !== 0) abs.push(Math.abs(w[j]!));
    abs.sort((a, b) => a - b);
    maxAbs = abs[Math.min(abs.length - 1, Math.floor(q * abs.length))] ?? 1;
  } else {
    for (let j = 0; j < w.length; j++) maxAbs = Math.max(maxAbs, Math.abs(w[j]!));
  }
  if (maxAbs === 0) maxAbs = 1;
  const scale = maxAbs / maxCode;
  const threshold = (options.prune ?? 0) * maxAbs;
  const out = new Writer();
  out.u32(MAGIC);
  out.u16(FORMAT_VERSION);
  out.u16(FEATURE_SET_VERSION);
  out.u8(model.config.bits);
  out.u8(L);
  out.u8(width);
  out.u8(0);
  out.f32(scale);
  const labels = new TextEncoder().encode(LABELS.join(','));
  out.u16(labels.length);
  out.bytes(labels);
  const meta = new TextEncoder().encode(JSON.stringify(options.metadata ?? {}));
  out.u32(meta.length);
  out.bytes(meta);
  for (let j = 0; j < (L + 1) * L; j++) out.f32(model.transitions[j]! / scale);
  const names = model.config.names.entries();
  out.u32(names.length);
  for (const [h] of names) out.i32(h);
  const triggers = model.config.triggers.entries();
  out.u32(triggers.length);
  for (const [h] of triggers) out.i32(h);
  for (const [, v] of triggers) out.u8(v);
  const rowsN = 1 << model.config.bits;
  const codes = new Int32Array(L);
  let count = 0;
  const body = new Writer();
  let prev = 0;
  for (let row = 0; row < rowsN; row++) {
    let mask = 0;
    for (let y = 0; y < L; y++) {
      const v = w[row * L + y]!;
      let c = Math.abs(v) < threshold ? 0 : Math.round(v / scale);
      if (c > maxCode) c = maxCode;
      else if (c < -maxCode) c = -maxCode;
      codes[y] = c;
      if (c !== 0) mask |= 1 << y;
    }
    if (mask === 0) continue;
    body.varint(row - prev);
    prev = row;
    body.u8(mask);
    for (let y = 0; y < L; y++) {
      if (!(mask & (1 << y))) continue;
      if (width === 1) body.i8(codes[y]!);
      else body.i16(codes[y]!);
    }
    count++;
  }
  out.u32(count);
  out.bytes(body.finish());
  return out.finish();
}

class Reader {
  offset = 0;
  private readonly view: DataView;
  constructor(private readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  private need(k: number): number {
    const o = this.offset;
    if (o + k > this.data.length) throw new Error('kashif: tagger model file is truncated');
    this.offset = o + k;
    return o;
  }
  u8(): number {
    return this.view.getUint8(this.need(1));
  }
  i8(): number {
    return this.view.getInt8(this.need(1));
  }
  u16(): number {
    return this.view.getUint16(this.need(2), true);
  }
  i16(): number {
    return this.view.getInt16(this.need(2), true);
  }
  u32(): number {
    return this.view.getUint32(this.need(4), true);
  }
  i32(): number {
    return this.view.getInt32(this.need(4), true);
  }
  f32(): number {
    return this.view.getFloat32(this.need(4), true);
  }
  varint(): number {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = this.u8();
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
      if (shift > 35) throw new Error('kashif: tagger model has a malformed varint');
    }
  }
  string(len: number): string {
    const o = this.need(len);
    return new TextDecoder().decode(this.data.subarray(o, o + len));
  }
}

class Writer {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  private len = 0;
  private room(k: number): number {
    if (this.len + k > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + k));
      next.set(this.buf.subarray(0, this.len));
      this.buf = next;
      this.view = new DataView(next.buffer);
    }
    const o = this.len;
    this.len += k;
    return o;
  }
  u8(v: number): void {
    const o = this.room(1);
    this.view.setUint8(o, v);
  }
  i8(v: number): void {
    const o = this.room(1);
    this.view.setInt8(o, v);
  }
  u16(v: number): void {
    const o = this.room(2);
    this.view.setUint16(o, v, true);
  }
  i16(v: number): void {
    const o = this.room(2);
    this.view.setInt16(o, v, true);
  }
  u32(v: number): void {
    const o = this.room(4);
    this.view.setUint32(o, v, true);
  }
  i32(v: number): void {
    const o = this.room(4);
    this.view.setInt32(o, v, true);
  }
  f32(v: number): void {
    const o = this.room(4);
    this.view.setFloat32(o, v, true);
  }
  varint(v: number): void {
    while (v >= 0x80) {
      this.u8((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.u8(v);
  }
  bytes(b: Uint8Array): void {
    const o = this.room(b.length);
    this.buf.set(b, o);
  }
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
