/**
 * Character classes for the tokeniser: one byte per UTF-16 code unit, computed once from
 * Unicode property escapes (never ASCII classes), so the scanning loop is a table lookup.
 */

export const enum CharClass {
  Space = 0,
  Newline = 1,
  ArabicLetter = 2,
  LatinLetter = 3,
  OtherLetter = 4,
  Mark = 5,
  Digit = 6,
  Punctuation = 7,
  Symbol = 8,
  HighSurrogate = 9,
  LowSurrogate = 10,
  Joiner = 11, // ZWNJ / ZWJ kept by a profile that does not strip them: part of the word
}

// Runs (`+`), not single characters: the BMP string is in code-point order, so each match is a
// range of code points, and building the table takes a few thousand matches instead of 60,000.
const CLASS_PATTERNS: readonly (readonly [CharClass, RegExp])[] = [
  [CharClass.Symbol, /[\p{S}\p{No}\p{Co}\p{Cn}\p{Cc}\p{Cf}]+/gu],
  [CharClass.Punctuation, /\p{P}+/gu],
  [CharClass.OtherLetter, /[\p{L}\p{Nl}]+/gu],
  [CharClass.LatinLetter, /\p{Script=Latin}+/gu], // letters only, like Arabic below
  [CharClass.ArabicLetter, /\p{Script=Arabic}+/gu], // letters only: applied where a letter class stands
  [CharClass.Mark, /\p{M}+/gu],
  [CharClass.Digit, /\p{Nd}+/gu],
  [CharClass.Space, /\p{White_Space}+/gu],
];

let table: Uint8Array | undefined;

/** The class of every UTF-16 code unit (later patterns override earlier ones). */
export function charClasses(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(0x10000);
  // Every BMP code point except surrogates, as one string the patterns can scan.
  const codes = new Uint16Array(0x10000 - 0x800);
  let j = 0;
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) codes[j++] = c;
  let all = '';
  for (let i = 0; i < codes.length; i += 8192) {
    all += String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]);
  }
  for (const [cls, pattern] of CLASS_PATTERNS) {
    const refine = cls === CharClass.ArabicLetter || cls === CharClass.LatinLetter;
    for (const m of all.matchAll(pattern)) {
      for (let k = m.index, end = m.index + m[0].length; k < end; k++) {
        const c = all.charCodeAt(k);
        // Script patterns only refine letters: Latin or Arabic punctuation stays punctuation.
        if (!refine || t[c] === CharClass.OtherLetter) t[c] = cls;
      }
    }
  }
  for (let c = 0xd800; c <= 0xdbff; c++) t[c] = CharClass.HighSurrogate;
  for (let c = 0xdc00; c <= 0xdfff; c++) t[c] = CharClass.LowSurrogate;
  for (const c of [0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029]) t[c] = CharClass.Newline;
  t[0x0640] = CharClass.Mark; // TATWEEL is script Common; kept by a profile, it lengthens a word
  t[0x200c] = CharClass.Joiner;
  t[0x200d] = CharClass.Joiner;
  table = t;
  return t;
}
