/**
 * Feature templates of the sequence tagger, hashed straight from char codes into rows of a
 * fixed-size weight table (the hashing trick). No string is built per token: every value is an
 * FNV-1a hash over a slice of the normalised text, mixed with the template id.
 *
 * The text must be normalised with `normalize()` (the default profile) before it reaches the
 * extractor, at training and at run time alike.
 */
import { scan } from '../tokenize/scan.js';
import { TRIGGER_SPORTS } from './triggers.js';
import { ALEF, FEH, HEH, LAM, NOON, TEH, WAW, YEH } from '../tokenize/letters.js';

// ---------------------------------------------------------------------------------------------
// Hint bits

/**
 * Bits of the per-token hint byte a caller may pass (`hints[i]`, indexed like the tokens):
 *
 * | bit | value | meaning |
 * |---|---|---|
 * | 0 | 1 | the token lies inside a PERSON lexicon match (clitics stripped) |
 * | 1 | 2 | inside a LOCATION lexicon match |
 * | 2 | 4 | inside an ORGANIZATION lexicon match |
 * | 3 | 8 | the token (or its stem after proclitics) is a known person-name token |
 * | 4 | 16 | a trigger word (title, place noun, organisation head) stands right before it |
 * | 5 | 32 | a lexicon match begins at this token (tells B from I in adjacent matches) |
 *
 * Bits 3 and 4 are also computed by the model itself from the name-token and trigger lists it
 * carries, and OR-ed with the caller's; a caller with no gazetteer passes nothing (all zero).
 */
export const HINT_PERSON = 1;
export const HINT_LOCATION = 2;
export const HINT_ORGANIZATION = 4;
export const HINT_NAME_TOKEN = 8;
export const HINT_TRIGGER = 16;
export const HINT_MATCH_START = 32;
/** All defined hint bits. */
export const HINT_MASK = 63;

// ---------------------------------------------------------------------------------------------
// Hashing

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The char code a hash sees: Latin folded to lower case, every ASCII digit to 0. */
function fold(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c | 0x20;
  if (c >= 0x31 && c <= 0x39) return 0x30;
  return c;
}

/** FNV-1a over `text[s, e)` with {@link fold}. */
export function hashSlice(text: string, s: number, e: number): number {
  let h = FNV_OFFSET;
  for (let j = s; j < e; j++) h = Math.imul(h ^ fold(text.charCodeAt(j)), FNV_PRIME);
  return h;
}

/**
 * Hash of a whole (normalised) word, as the extractor computes it for a token. Used to build
 * the word sets carried in the model.
 *
 * @example
 * wordHash('القاهره') === hashSlice('في القاهره', 3, 10); // true
 */
export function wordHash(word: string): number {
  return hashSlice(word, 0, word.length);
}

/** Hash of ال followed by `text[s, e)`: the article restored after the elision of لل (للامم → الامم). */
function hashWithArticle(text: string, s: number, e: number): number {
  let h = Math.imul(Math.imul(FNV_OFFSET ^ 0x627, FNV_PRIME) ^ 0x644, FNV_PRIME);
  for (let j = s; j < e; j++) h = Math.imul(h ^ fold(text.charCodeAt(j)), FNV_PRIME);
  return h;
}

/** Murmur3's finaliser: spreads every input bit over the low bits the table index keeps. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Hash of an ordered pair of hashes. */
function pair(a: number, b: number): number {
  return (fmix(a) + Math.imul(b, 0x27d4eb2d)) | 0;
}

/**
 * Row of the weight table for template `t` with value hash `v`, in a table of `2^bits` rows.
 *
 * @example
 * featureRow(T.WORD, wordHash('الرئيس'), 20); // a row in [0, 2^20)
 */
export function featureRow(t: number, v: number, bits: number): number {
  return fmix(v ^ Math.imul(t + 1, 0x9e3779b1)) >>> (32 - bits);
}

/** Hash of a pair of value hashes, for tests of the pair templates. */
export const pairHash = pair;

// ---------------------------------------------------------------------------------------------
// Word sets

/**
 * An immutable set of word hashes with a small value each (open addressing over an Int32Array).
 * Holds the person-name tokens (value 1) and the trigger words (value = trigger class).
 */
export class WordSet {
  private readonly keys: Int32Array;
  private readonly values: Uint8Array;
  private readonly mask: number;
  /** Number of distinct hashes. */
  readonly size: number;

  constructor(entries: Iterable<readonly [hash: number, value: number]>) {
    const list = [...entries];
    let cap = 16;
    while (cap < list.length * 2) cap <<= 1;
    this.keys = new Int32Array(cap);
    this.values = new Uint8Array(cap);
    this.mask = cap - 1;
    let size = 0;
    for (const [h, v] of list) {
      const key = h | 0 || 1; // 0 marks an empty slot
      let j = fmix(key) & this.mask;
      while (this.keys[j] !== 0 && this.keys[j] !== key) j = (j + 1) & this.mask;
      if (this.keys[j] === 0) size++;
      this.keys[j] = key;
      this.values[j] = v;
    }
    this.size = size;
  }

  /** The value stored for a hash, 0 when absent. */
  get(h: number): number {
    const key = h | 0 || 1;
    let j = fmix(key) & this.mask;
    for (;;) {
      const k = this.keys[j]!;
      if (k === key) return this.values[j]!;
      if (k === 0) return 0;
      j = (j + 1) & this.mask;
    }
  }

  /** The (hash, value) pairs, sorted by hash: the form stored in a model file. */
  entries(): [number, number][] {
    const out: [number, number][] = [];
    for (let j = 0; j < this.keys.length; j++) if (this.keys[j] !== 0) out.push([this.keys[j]!, this.values[j]!]);
    return out.sort((a, b) => a[0] - b[0]);
  }
}

// ---------------------------------------------------------------------------------------------
// Templates

/** Template ids. Changing a template or a value changes the features: bump {@link FEATURE_SET_VERSION}. */
export const T = {
  BIAS: 0,
  /** the normalised word */
  WORD: 1,
  /** the stem after each candidate proclitic split (and ال + stem after an elided لل) */
  STEM: 2,
  /** the stem after the longest candidate split (the word itself when there is none) */
  DEEP: 3,
  /** the proclitics removed by the longest split */
  CLITIC: 4,
  /** first two / three letters of the deepest stem */
  PRE2: 5,
  PRE3: 6,
  /** last one to four letters of the word */
  SUF1: 7,
  SUF2: 8,
  SUF3: 9,
  SUF4: 10,
  /** script and shape × length bucket */
  SHAPE: 11,
  /** ending class (nisba ي/ية/يون, plural, dual, ة) × article */
  MORPH: 12,
  PREV_WORD: 13,
  NEXT_WORD: 14,
  PREV2_WORD: 15,
  NEXT2_WORD: 16,
  PREV_DEEP: 17,
  NEXT_DEEP: 18,
  /** previous word + this word; this word + next word */
  PREV_BIGRAM: 19,
  NEXT_BIGRAM: 20,
  PREV_SUF2: 21,
  NEXT_SUF2: 22,
  PREV_SHAPE: 23,
  NEXT_SHAPE: 24,
  /** the hint byte of this token, of the previous and of the next */
  HINT: 25,
  PREV_HINT: 26,
  NEXT_HINT: 27,
  /** each set hint bit on its own */
  HINT_BIT: 28,
  /** trigger class of this token, of the previous, of the one before that */
  TRIGGER: 29,
  PREV_TRIGGER: 30,
  PREV2_TRIGGER: 31,
  /** position in the sentence: first, second, later */
  POSITION: 32,
  PREV_MORPH: 33,
  NEXT_MORPH: 34,
  /** previous deepest stem + this deepest stem */
  PREV_DEEP_BIGRAM: 35,
  /** letter trigrams of the deepest stem, with ^ and $ at its edges */
  CHAR3: 36,
  /** trigger class of the next token and of the one after it (a name before its title) */
  NEXT_TRIGGER: 37,
  NEXT2_TRIGGER: 38,
  /** first letter and first four letters of the deepest stem; its length (capped at 12) */
  PRE1: 39,
  PRE4: 40,
  STEM_LEN: 41,
  /** deepest stem two tokens back and two ahead; this deepest stem + the next one */
  PREV2_DEEP: 42,
  NEXT2_DEEP: 43,
  NEXT_DEEP_BIGRAM: 44,
  /** hint byte pairs: previous + this, this + next; trigger class before × this hint byte */
  HINT_PREV_PAIR: 45,
  HINT_NEXT_PAIR: 46,
  TRIGGER_HINT: 47,
  /** proclitics of the previous and of the next token (وجون after a name, ب before a place) */
  PREV_CLITIC: 48,
  NEXT_CLITIC: 49,
  /** in a sentence with a sports word: the hint byte, the deepest stem (a city's name may be its club) */
  SPORTS_HINT: 50,
  SPORTS_DEEP: 51,
} as const;

/** Version of the feature templates; a model file records it and is refused when it differs. */
export const FEATURE_SET_VERSION = 3;

/** Most features one token can fire. */
export const MAX_FEATURES_PER_TOKEN = 96;

/** Shapes: the value of the SHAPE template is shape × 16 + min(length, 15). */
export const SHAPE_ARABIC = 1;
export const SHAPE_LATIN_LOWER = 2;
export const SHAPE_LATIN_CAPITALISED = 3;
export const SHAPE_LATIN_UPPER = 4;
export const SHAPE_NUMBER = 5;
export const SHAPE_MIXED = 6;
export const SHAPE_PUNCTUATION = 7;
export const SHAPE_OTHER = 8;

/** Ending classes: the value of the MORPH template is class × 2 + (1 if the article was split off). */
export const MORPH_NONE = 0;
export const MORPH_NISBA_PLURAL = 1; // يون، يين
export const MORPH_NISBA_FEMININE = 2; // ية (ية folded to يه)
export const MORPH_NISBA = 3; // ي
export const MORPH_FEMININE_PLURAL = 4; // ات
export const MORPH_PLURAL = 5; // ون، ين
export const MORPH_DUAL = 6; // ان
export const MORPH_FEMININE = 7; // ة (folded to ه)

/** Ending class of the stem `text[s, e)`; stems shorter than three letters have none. */
export function morphClass(text: string, s: number, e: number): number {
  const len = e - s;
  if (len < 3) return MORPH_NONE;
  const c1 = text.charCodeAt(e - 1);
  const c2 = text.charCodeAt(e - 2);
  const c3 = len >= 4 ? text.charCodeAt(e - 3) : 0;
  if (c1 === NOON && (c2 === WAW || c2 === YEH)) return c3 === YEH ? MORPH_NISBA_PLURAL : MORPH_PLURAL;
  if (c1 === HEH && c2 === YEH) return MORPH_NISBA_FEMININE;
  if (c1 === YEH) return MORPH_NISBA;
  if (c1 === TEH && c2 === ALEF) return MORPH_FEMININE_PLURAL;
  if (c1 === NOON && c2 === ALEF) return MORPH_DUAL;
  if (c1 === HEH) return MORPH_FEMININE;
  return MORPH_NONE;
}

/** Shape of `text[s, e)`. */
export function shapeOf(text: string, s: number, e: number): number {
  let arabic = 0;
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let other = 0;
  for (let j = s; j < e; j++) {
    const c = text.charCodeAt(j);
    if (c >= 0x621 && c <= 0x64a) arabic++;
    else if (c >= 0x41 && c <= 0x5a) upper++;
    else if (c >= 0x61 && c <= 0x7a) lower++;
    else if (c >= 0x30 && c <= 0x39) digit++;
    else if ((c >= 0x660 && c <= 0x6ff) || (c >= 0xfb50 && c <= 0xfeff)) arabic++;
    else if (c >= 0xc0 && c < 0x250) lower++;
    else other++;
  }
  const len = e - s;
  if (arabic === len) return SHAPE_ARABIC;
  if (upper + lower === len) {
    if (lower === 0) return SHAPE_LATIN_UPPER;
    return upper > 0 && text.charCodeAt(s) <= 0x5a ? SHAPE_LATIN_CAPITALISED : SHAPE_LATIN_LOWER;
  }
  if (digit > 0 && digit + other === len) return SHAPE_NUMBER;
  if (other === len) return SHAPE_PUNCTUATION;
  if (arabic + upper + lower + digit === len) return SHAPE_MIXED;
  return SHAPE_OTHER;
}

/** True for a token that ends a sentence: . ! ? ؟ … */
function endsSentence(text: string, s: number, e: number): boolean {
  if (e - s !== 1) return false;
  const c = text.charCodeAt(s);
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x61f || c === 0x2026;
}

const BOS = 0x5b0f5b0f | 0;
const UNK = 0x7e57ab1e | 0;
const EOS = 0x0e05e05 | 0;

// ---------------------------------------------------------------------------------------------
// Extraction

/** What the extractor needs from a model: the table size and the word lists the model carries. */
export interface FeatureConfig {
  /** log2 of the number of rows in the weight table. */
  readonly bits: number;
  /** Known person-name tokens (value 1). */
  readonly names: WordSet;
  /** Trigger words (value = trigger class 1–3, OR-ed with 8 for a sports word). */
  readonly triggers: WordSet;
}

/**
 * Turns a range of tokens into feature rows, reusing its buffers: after `extract()`, token `i`
 * of the range (0-based) fired rows `rows[i * MAX_FEATURES_PER_TOKEN + k]` for `k < counts[i]`.
 * Not re-entrant: one extractor per tagger.
 */
export class FeatureExtractor {
  rows = new Int32Array(0);
  counts = new Uint8Array(0);
  /** The hint byte each token of the last range saw (the caller's OR the model's bits). */
  hints = new Uint8Array(0);
  private word = new Int32Array(0);
  private deep = new Int32Array(0);
  private suf2 = new Int32Array(0);
  /** Hash of each token's proclitics (the empty string's when none). */
  private clitic = new Int32Array(0);
  private shape = new Uint8Array(0);
  private morph = new Uint8Array(0);
  private trigger = new Uint8Array(0);
  private position = new Uint8Array(0);
  private stemScratch = new Uint8Array(0);
  private readonly bits: number;
  private readonly shift: number;

  constructor(readonly config: FeatureConfig) {
    if (!(config.bits >= 8 && config.bits <= 26)) throw new RangeError(`kashif: feature bits must be 8–26, got ${config.bits}`);
    this.bits = config.bits;
    this.shift = 32 - config.bits;
  }

  private ensure(n: number): void {
    if (this.counts.length >= n) return;
    const cap = Math.max(n, this.counts.length * 2, 64);
    this.rows = new Int32Array(cap * MAX_FEATURES_PER_TOKEN);
    this.counts = new Uint8Array(cap);
    this.hints = new Uint8Array(cap);
    this.word = new Int32Array(cap);
    this.deep = new Int32Array(cap);
    this.suf2 = new Int32Array(cap);
    this.clitic = new Int32Array(cap);
    this.shape = new Uint8Array(cap);
    this.morph = new Uint8Array(cap);
    this.trigger = new Uint8Array(cap);
    this.position = new Uint8Array(cap);
    this.stemScratch = new Uint8Array(cap);
  }

  /** Row of template `t` with value `v` (inlined by hand in the hot loop below). */
  private row(t: number, v: number): number {
    return fmix(v ^ Math.imul(t + 1, 0x9e3779b1)) >>> this.shift;
  }

  /**
   * Extracts the features of tokens `from … to-1` (`starts`/`ends` index `text`; `stems` is the
   * tokeniser's stem mask per token, computed here when absent; `hints` the caller's hint bytes;
   * `unknown[i - from] = 1` hides the identity of a token, for word dropout at training).
   * Returns the number of tokens.
   */
  extract(
    text: string,
    starts: Int32Array,
    ends: Int32Array,
    from: number,
    to: number,
    hints?: Uint8Array,
    stems?: Uint8Array,
    unknown?: Uint8Array,
  ): number {
    const n = to - from;
    if (n <= 0) return 0;
    this.ensure(n);
    const { names, triggers } = this.config;
    const rows = this.rows;
    const counts = this.counts;
    const word = this.word;
    const deep = this.deep;
    const suf2 = this.suf2;
    const clitic = this.clitic;
    const shape = this.shape;
    const morph = this.morph;
    const trigger = this.trigger;
    const position = this.position;
    const hint = this.hints;
    const shift = this.shift;
    let stemMask = stems;
    let stemBase = from;
    if (!stemMask) {
      stemMask = this.stemScratch;
      stemBase = 0;
      for (let i = 0; i < n; i++) stemMask[i] = stemsOf(text, starts[from + i]!, ends[from + i]!);
    }

    // Pass 1: per-token values, and the token's own features.
    let pos = 0;
    let sports = 0;
    for (let i = 0; i < n; i++) {
      const s = starts[from + i]!;
      const e = ends[from + i]!;
      const base = i * MAX_FEATURES_PER_TOKEN;
      let k = 0;
      const wh = hashSlice(text, s, e);
      // Training may hide a word's identity (word dropout), so that context and spelling learn
      // to carry words never seen in training.
      const unk = unknown !== undefined && unknown[i] === 1;
      word[i] = unk ? UNK : wh;
      let name = names.get(wh);
      let trig = triggers.get(wh);
      rows[base + k++] = fmix(0 ^ Math.imul(T.BIAS + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix(word[i]! ^ Math.imul(T.WORD + 1, 0x9e3779b1)) >>> shift;

      // Stems after each candidate proclitic split.
      const mask = stemMask[i + stemBase]!;
      let dk = 0;
      let dh = wh;
      for (let b = 1; b < 8; b++) {
        if ((mask & (1 << b)) === 0) continue;
        dk = b;
        const sh = hashSlice(text, s + b, e);
        dh = sh;
        if (name === 0) name = names.get(sh);
        if (trig === 0) trig = triggers.get(sh);
        if (!unk) rows[base + k++] = fmix(sh ^ Math.imul(T.STEM + 1, 0x9e3779b1)) >>> shift;
      }
      const ds = s + dk;
      let article = 0;
      if (dk > 0) {
        const p1 = text.charCodeAt(ds - 1);
        const p2 = dk >= 2 ? text.charCodeAt(ds - 2) : 0;
        if (p1 === LAM && p2 === ALEF) article = 1;
        else if (p1 === LAM && p2 === LAM) {
          // لل + stem: the article's alef was dropped after the preposition ل (للامم → الامم).
          const c0 = text.charCodeAt(s);
          if (dk === 2 || (dk === 3 && (c0 === WAW || c0 === FEH))) {
            article = 1;
            const ah = hashWithArticle(text, ds, e);
            if (name === 0) name = names.get(ah);
            if (!unk) rows[base + k++] = fmix(ah ^ Math.imul(T.STEM + 1, 0x9e3779b1)) >>> shift;
          }
        }
      }
      if (unk) dh = UNK;
      deep[i] = dh;
      rows[base + k++] = fmix(dh ^ Math.imul(T.DEEP + 1, 0x9e3779b1)) >>> shift;
      const ch = hashSlice(text, s, ds);
      clitic[i] = ch;
      rows[base + k++] = fmix(ch ^ Math.imul(T.CLITIC + 1, 0x9e3779b1)) >>> shift;

      // Prefixes of the deepest stem, suffixes of the word.
      const len = e - ds;
      if (len > 2) {
        rows[base + k++] = fmix(hashSlice(text, ds, ds + 2) ^ Math.imul(T.PRE2 + 1, 0x9e3779b1)) >>> shift;
        if (len > 3) rows[base + k++] = fmix(hashSlice(text, ds, ds + 3) ^ Math.imul(T.PRE3 + 1, 0x9e3779b1)) >>> shift;
      }
      if (len > 1) rows[base + k++] = fmix(hashSlice(text, ds, ds + 1) ^ Math.imul(T.PRE1 + 1, 0x9e3779b1)) >>> shift;
      if (len > 4) rows[base + k++] = fmix(hashSlice(text, ds, ds + 4) ^ Math.imul(T.PRE4 + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((len < 12 ? len : 12) ^ Math.imul(T.STEM_LEN + 1, 0x9e3779b1)) >>> shift;
      let rh = FNV_OFFSET;
      let s2 = 0;
      for (let j = 1; j <= 4 && j < len; j++) {
        rh = Math.imul(rh ^ fold(text.charCodeAt(e - j)), FNV_PRIME);
        if (j === 2) s2 = rh;
        rows[base + k++] = fmix(rh ^ Math.imul(T.SUF1 + j, 0x9e3779b1)) >>> shift; // T.SUF1 … T.SUF4
      }
      suf2[i] = s2;
      // Letter trigrams of the deepest stem, with its edges (^ab … yz$): the texture of a
      // transliterated name or a root pattern.
      if (len >= 2 && len <= 20) {
        let c0 = 0x5e;
        let c1 = fold(text.charCodeAt(ds));
        for (let j = ds + 1; j <= e; j++) {
          const c2 = j < e ? fold(text.charCodeAt(j)) : 0x24;
          const g = Math.imul(Math.imul(Math.imul(FNV_OFFSET ^ c0, FNV_PRIME) ^ c1, FNV_PRIME) ^ c2, FNV_PRIME);
          rows[base + k++] = fmix(g ^ Math.imul(T.CHAR3 + 1, 0x9e3779b1)) >>> shift;
          c0 = c1;
          c1 = c2;
        }
      }

      const sp = shapeOf(text, s, e);
      shape[i] = sp;
      rows[base + k++] = fmix(((sp << 4) | (e - s < 15 ? e - s : 15)) ^ Math.imul(T.SHAPE + 1, 0x9e3779b1)) >>> shift;
      const mc = (morphClass(text, ds, e) << 1) | article;
      morph[i] = mc;
      rows[base + k++] = fmix(mc ^ Math.imul(T.MORPH + 1, 0x9e3779b1)) >>> shift;

      if (trig & TRIGGER_SPORTS) sports = 1;
      trig &= TRIGGER_SPORTS - 1;
      trigger[i] = trig;
      rows[base + k++] = fmix(trig ^ Math.imul(T.TRIGGER + 1, 0x9e3779b1)) >>> shift;

      position[i] = pos < 2 ? pos : 2;
      pos = endsSentence(text, s, e) ? 0 : pos + 1;

      let h = hints ? hints[from + i]! & HINT_MASK : 0;
      if (name !== 0) h |= HINT_NAME_TOKEN;
      hint[i] = h;
      counts[i] = k;
    }
    // Bit 4: a trigger right before.
    for (let i = 1; i < n; i++) if (trigger[i - 1] !== 0) hint[i]! |= HINT_TRIGGER;

    // Pass 2: context features.
    for (let i = 0; i < n; i++) {
      const base = i * MAX_FEATURES_PER_TOKEN;
      let k = counts[i]!;
      const wp = i > 0 ? word[i - 1]! : BOS;
      const wn = i + 1 < n ? word[i + 1]! : EOS;
      const wp2 = i > 1 ? word[i - 2]! : BOS;
      const wn2 = i + 2 < n ? word[i + 2]! : EOS;
      const dp = i > 0 ? deep[i - 1]! : BOS;
      const dn = i + 1 < n ? deep[i + 1]! : EOS;
      rows[base + k++] = fmix(wp ^ Math.imul(T.PREV_WORD + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix(wn ^ Math.imul(T.NEXT_WORD + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix(wp2 ^ Math.imul(T.PREV2_WORD + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix(wn2 ^ Math.imul(T.NEXT2_WORD + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix(dp ^ Math.imul(T.PREV_DEEP + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix(dn ^ Math.imul(T.NEXT_DEEP + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix(pair(wp, word[i]!) ^ Math.imul(T.PREV_BIGRAM + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix(pair(word[i]!, wn) ^ Math.imul(T.NEXT_BIGRAM + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix(pair(dp, deep[i]!) ^ Math.imul(T.PREV_DEEP_BIGRAM + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i > 0 ? suf2[i - 1]! : BOS) ^ Math.imul(T.PREV_SUF2 + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i + 1 < n ? suf2[i + 1]! : EOS) ^ Math.imul(T.NEXT_SUF2 + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i > 0 ? shape[i - 1]! : 15) ^ Math.imul(T.PREV_SHAPE + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i + 1 < n ? shape[i + 1]! : 15) ^ Math.imul(T.NEXT_SHAPE + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i > 0 ? morph[i - 1]! : 255) ^ Math.imul(T.PREV_MORPH + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i + 1 < n ? morph[i + 1]! : 255) ^ Math.imul(T.NEXT_MORPH + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i > 0 ? trigger[i - 1]! : 255) ^ Math.imul(T.PREV_TRIGGER + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i > 1 ? trigger[i - 2]! : 255) ^ Math.imul(T.PREV2_TRIGGER + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i + 1 < n ? trigger[i + 1]! : 255) ^ Math.imul(T.NEXT_TRIGGER + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i + 2 < n ? trigger[i + 2]! : 255) ^ Math.imul(T.NEXT2_TRIGGER + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix(position[i]! ^ Math.imul(T.POSITION + 1, 0x9e3779b1)) >>> shift;
      const h = hint[i]!;
      rows[base + k++] = fmix(h ^ Math.imul(T.HINT + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i > 0 ? hint[i - 1]! : 255) ^ Math.imul(T.PREV_HINT + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i + 1 < n ? hint[i + 1]! : 255) ^ Math.imul(T.NEXT_HINT + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i > 1 ? deep[i - 2]! : BOS) ^ Math.imul(T.PREV2_DEEP + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i + 2 < n ? deep[i + 2]! : EOS) ^ Math.imul(T.NEXT2_DEEP + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix(pair(deep[i]!, dn) ^ Math.imul(T.NEXT_DEEP_BIGRAM + 1, 0x9e3779b1)) >>> shift;
      // Hint conjunctions: where a lexicon match begins or ends, and a match right after a trigger.
      const hp = i > 0 ? hint[i - 1]! : 255;
      const hn = i + 1 < n ? hint[i + 1]! : 255;
      rows[base + k++] = fmix(((hp << 8) | h) ^ Math.imul(T.HINT_PREV_PAIR + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix(((h << 8) | hn) ^ Math.imul(T.HINT_NEXT_PAIR + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((((i > 0 ? trigger[i - 1]! : 255) << 8) | h) ^ Math.imul(T.TRIGGER_HINT + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i > 0 ? clitic[i - 1]! : BOS) ^ Math.imul(T.PREV_CLITIC + 1, 0x9e3779b1)) >>> shift;
      rows[base + k++] = fmix((i + 1 < n ? clitic[i + 1]! : EOS) ^ Math.imul(T.NEXT_CLITIC + 1, 0x9e3779b1)) >>> shift;
      for (let b = 0; b < 6; b++) if (h & (1 << b)) rows[base + k++] = fmix(b ^ Math.imul(T.HINT_BIT + 1, 0x9e3779b1)) >>> shift;
      if (sports) {
        rows[base + k++] = fmix(h ^ Math.imul(T.SPORTS_HINT + 1, 0x9e3779b1)) >>> shift;
        rows[base + k++] = fmix(deep[i]! ^ Math.imul(T.SPORTS_DEEP + 1, 0x9e3779b1)) >>> shift;
      }
      counts[i] = k;
    }
    return n;
  }

  /** The rows token `i` of the last range fired, for tests and debugging. */
  rowsOf(i: number): number[] {
    const base = i * MAX_FEATURES_PER_TOKEN;
    return Array.from(this.rows.subarray(base, base + this.counts[i]!));
  }

  /** Row of template `t` with value hash `v` in this extractor's table. */
  rowFor(t: number, v: number): number {
    return this.row(t, v);
  }

  /** log2 of the table size. */
  get tableBits(): number {
    return this.bits;
  }
}

/**
 * The tokeniser's stem mask of one token (slow path, allocates: used only when the caller has
 * no token table).
 */
export function stemsOf(text: string, s: number, e: number): number {
  const t = scan(text.slice(s, e));
  return t.count > 0 && t.start[0] === 0 ? t.stems[0]! : 0;
}
