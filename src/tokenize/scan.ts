/**
 * The tokeniser's engine: one pass over a string, writing tokens into typed arrays (no object
 * per token). The public `tokenize()` wraps this table into `Token` objects; the extractor reads
 * the table directly.
 */
import { CharClass, charClasses } from './char-class.js';
import { ALEF, BEH, FEH, KAF, LAM, WAW } from './letters.js';

/** Token kinds, as stored in the table. */
export const enum Kind {
  Word = 0,
  Latin = 1,
  Number = 2,
  Punctuation = 3,
  Symbol = 4,
  Url = 5,
  Hashtag = 6,
  Mention = 7,
}

export const KIND_NAMES = ['word', 'latin', 'number', 'punctuation', 'symbol', 'url', 'hashtag', 'mention'] as const;

/** Bit in `TokenTable.flags`: a line break stands between this token and the one before. */
export const FLAG_LINE_BREAK = 1;
/** Bit in `TokenTable.flags`: there is no space between this token and the one before. */
export const FLAG_JOINED = 2;

export interface TokenTable {
  readonly text: string;
  count: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /** Bit k (1–4) set: a candidate stem starts at `start + k`, after proclitics. */
  stems: Uint8Array;
  /** k > 0: the ل at `start + k` is the article's, its alef dropped after the preposition ل (للأمم). */
  elided: Uint8Array;
  flags: Uint8Array;
}

const MIN_STEM = 2;

const isWordClass = (cls: number): boolean =>
  cls === CharClass.ArabicLetter ||
  cls === CharClass.LatinLetter ||
  cls === CharClass.OtherLetter ||
  cls === CharClass.Mark ||
  cls === CharClass.Digit ||
  cls === CharClass.Joiner;

export function allocate(text: string, capacity: number): TokenTable {
  return {
    text,
    count: 0,
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    kind: new Uint8Array(capacity),
    stems: new Uint8Array(capacity),
    elided: new Uint8Array(capacity),
    flags: new Uint8Array(capacity),
  };
}

function grow(t: TokenTable): void {
  const capacity = t.start.length * 2 + 16;
  const next = allocate(t.text, capacity);
  next.start.set(t.start);
  next.end.set(t.end);
  next.kind.set(t.kind);
  next.stems.set(t.stems);
  next.elided.set(t.elided);
  next.flags.set(t.flags);
  Object.assign(t, next, { count: t.count });
}

/**
 * Candidate stem starts after the proclitics و ف, then ب ك ل, then the article ال (or the
 * article's ل after ل, its alef dropped: للأمم). Writes the bit mask and the elided-article offset.
 */
export function proclitics(text: string, s: number, e: number, t: TokenTable, i: number): void {
  let mask = 0;
  let elided = 0;
  const len = e - s;
  for (let h = s; h <= s + 1; h++) {
    if (h > s) {
      const conj = text.charCodeAt(s);
      if ((conj !== WAW && conj !== FEH) || len - 1 < MIN_STEM) break;
      mask |= 1 << 1;
    }
    const c = text.charCodeAt(h);
    if ((c === BEH || c === KAF || c === LAM) && e - (h + 1) >= MIN_STEM) {
      mask |= 1 << (h + 1 - s);
      if (c === LAM && text.charCodeAt(h + 1) === LAM && e - (h + 2) >= MIN_STEM) {
        elided = h + 1 - s;
        mask |= 1 << (h + 2 - s);
      } else if (text.charCodeAt(h + 1) === ALEF && text.charCodeAt(h + 2) === LAM && e - (h + 3) >= MIN_STEM) {
        mask |= 1 << (h + 3 - s);
      }
    }
    if (c === ALEF && text.charCodeAt(h + 1) === LAM && e - (h + 2) >= MIN_STEM) mask |= 1 << (h + 2 - s);
  }
  t.stems[i] = mask;
  t.elided[i] = elided;
}

/** Characters that may end a URL only if more URL follows (a sentence's full stop, a closing quote). */
const URL_TRAILING = new Set(['.', ',', '،', '؛', ':', ';', '!', '?', '؟', '"', "'", '»', ')', ']', '}', '”']);

function urlEnd(text: string, i: number, classes: Uint8Array): number {
  const n = text.length;
  let j = i;
  while (j < n) {
    const cls = classes[text.charCodeAt(j)]!;
    if (cls === CharClass.Space || cls === CharClass.Newline) break;
    j++;
  }
  while (j > i && URL_TRAILING.has(text[j - 1]!)) j--;
  return j;
}

function startsUrl(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 0x68 && c !== 0x48 && c !== 0x77 && c !== 0x57 && c !== 0x70) return false; // h H w W p
  const head = text.slice(i, i + 20).toLowerCase();
  return (
    head.startsWith('http://') ||
    head.startsWith('https://') ||
    head.startsWith('www.') ||
    head.startsWith('pic.twitter.com/')
  );
}

const isNumberSeparator = (c: number): boolean => c === 0x2e || c === 0x2c || c === 0x66b || c === 0x66c; // . , ٫ ٬
const isLatinJoiner = (c: number): boolean => c === 0x27 || c === 0x2019 || c === 0x2d; // ' ’ -

/** Token i of the table is the one character with code `c` (a bracket, a dash). */
export function isCharToken(t: TokenTable, i: number, c: number): boolean {
  return i < t.count && t.end[i]! - t.start[i]! === 1 && t.text.charCodeAt(t.start[i]!) === c;
}

/** Scans `text` into a token table. Linear; never throws. */
export function scan(text: string): TokenTable {
  const classes = charClasses();
  const n = text.length;
  const t = allocate(text, Math.max(16, n >> 2));
  let lineBreak = false;
  let joined = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = classes[c]!;
    if (cls === CharClass.Space) {
      i++;
      joined = false;
      continue;
    }
    if (cls === CharClass.Newline) {
      lineBreak = true;
      joined = false;
      i++;
      continue;
    }
    let kind: Kind;
    let j = i + 1;
    if (startsUrl(text, i)) {
      kind = Kind.Url;
      j = urlEnd(text, i, classes);
    } else if ((c === 0x23 || c === 0x40 || c === 0xff03) && i + 1 < n && (isWordClass(classes[text.charCodeAt(i + 1)]!) || text.charCodeAt(i + 1) === 0x5f)) {
      kind = c === 0x40 ? Kind.Mention : Kind.Hashtag;
      while (j < n && (isWordClass(classes[text.charCodeAt(j)]!) || text.charCodeAt(j) === 0x5f)) j++;
    } else if (isWordClass(cls)) {
      let arabic = cls === CharClass.ArabicLetter || cls === CharClass.OtherLetter;
      let latin = cls === CharClass.LatinLetter;
      let script = arabic ? 1 : latin ? 2 : 0; // script of the last letter: a change of script splits
      while (j < n) {
        const d = text.charCodeAt(j);
        const dc = classes[d]!;
        if (dc === CharClass.ArabicLetter || dc === CharClass.OtherLetter) {
          if (script === 2) break;
          script = 1;
          arabic = true;
        } else if (dc === CharClass.LatinLetter) {
          if (script === 1) break;
          script = 2;
          latin = true;
        } else if (dc === CharClass.Mark || dc === CharClass.Digit || dc === CharClass.Joiner) {
          // part of the word
        } else if (
          j + 1 < n &&
          ((isNumberSeparator(d) && classes[text.charCodeAt(j - 1)] === CharClass.Digit && classes[text.charCodeAt(j + 1)] === CharClass.Digit) ||
            (isLatinJoiner(d) && script !== 1 && classes[text.charCodeAt(j + 1)] === CharClass.LatinLetter))
        ) {
          // 1,800 · 3.5 · O'Brien · Coca-Cola
        } else break;
        j++;
      }
      kind = arabic ? Kind.Word : latin ? Kind.Latin : Kind.Number;
    } else if (cls === CharClass.HighSurrogate && i + 1 < n && classes[text.charCodeAt(i + 1)] === CharClass.LowSurrogate) {
      kind = Kind.Symbol;
      j = i + 2;
    } else {
      kind = cls === CharClass.Punctuation ? Kind.Punctuation : Kind.Symbol;
    }
    if (t.count === t.start.length) grow(t);
    const k = t.count++;
    t.start[k] = i;
    t.end[k] = j;
    t.kind[k] = kind;
    t.flags[k] = (lineBreak ? FLAG_LINE_BREAK : 0) | (joined ? FLAG_JOINED : 0);
    if (kind === Kind.Word) proclitics(text, i, j, t, k);
    else {
      t.stems[k] = 0;
      t.elided[k] = 0;
    }
    lineBreak = false;
    joined = true;
    i = j;
  }
  return t;
}
