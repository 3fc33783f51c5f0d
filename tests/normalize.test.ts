import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, type NormalizeOptions } from '../src/normalize/index.js';
import { tokenize } from '../src/tokenize/index.js';
import { arabicHeavyString } from './arbitraries.js';

interface Case {
  readonly input: string;
  readonly expected: string;
  readonly options?: NormalizeOptions;
  readonly why: string;
}

const CASES: readonly Case[] = [
  { input: 'أذربيجان', expected: 'اذربيجان', why: 'hamza on alef folds to bare alef' },
  { input: 'إسرائيل', expected: 'اسرائيل', why: 'hamza under alef folds; hamza on yeh (ئ) is a letter and stays' },
  { input: 'آرتساخ', expected: 'ارتساخ', why: 'alef with madda folds' },
  { input: 'ٱلله', expected: 'الله', why: 'alef wasla folds' },
  { input: 'موسى', expected: 'موسي', why: 'alef maksura folds to yeh' },
  { input: 'قرة باغ', expected: 'قره باغ', why: 'teh marbuta folds to heh, so قرة and قره meet' },
  { input: 'كَارَابَاخ', expected: 'كاراباخ', why: 'tashkeel is removed' },
  { input: 'هٰذا', expected: 'هذا', why: 'superscript alef U+0670 is removed' },
  { input: 'الرَّحۡمَٰنِ', expected: 'الرحمن', why: 'Quranic marks U+06D6–U+06ED are removed' },
  { input: 'كـــاراباخ', expected: 'كاراباخ', why: 'tatweel is removed' },
  { input: 'کرمانشاه', expected: 'كرمانشاه', why: 'Persian keheh folds to kaf' },
  { input: 'ایران', expected: 'ايران', why: 'Farsi yeh folds to yeh' },
  { input: 'ڤلاديمير', expected: 'فلاديمير', why: 'veh (used for v) folds to feh' },
  { input: 'ﻻ', expected: 'لا', why: 'lam-alef ligature expands to two letters' },
  { input: 'ﺃﺫﺭﺑﻴﺠﺎﻥ', expected: 'اذربيجان', why: 'presentation forms fold to base letters, then alef folds' },
  { input: 'ﷲ', expected: 'الله', why: 'the Allah ligature expands to letters' },
  { input: 'ﷺ', expected: 'ﷺ', why: 'a phrase ligature would put word breaks inside one character: left as a symbol' },
  { input: '٢٠٢٣ و۱۸۰۰', expected: '2023 و1800', why: 'Arabic-Indic and Extended Arabic-Indic digits become ASCII' },
  { input: 'با\u200Fكو', expected: 'باكو', why: 'a right-to-left mark inside a word is removed' },
  { input: '\u202Bباكو\u202C', expected: 'باكو', why: 'bidi embedding controls are removed' },
  { input: 'ب\u200Cا', expected: 'با', why: 'zero-width non-joiner is removed' },
  { input: '\uFEFFباكو', expected: 'باكو', why: 'a byte-order mark is removed' },
  { input: 'CNN و TRT', expected: 'CNN و TRT', why: 'Latin text is untouched (no case folding: X is not x)' },
  { input: '\uD800ب\uDC00', expected: '\uD800ب\uDC00', why: 'lone surrogates pass through unchanged' },
  { input: '😀 باكو', expected: '😀 باكو', why: 'surrogate pairs pass through' },
  { input: '', expected: '', why: 'the empty string normalises to itself' },
  { input: 'قرة', expected: 'قرة', options: { foldTehMarbuta: false }, why: 'display-grade text can keep teh marbuta' },
  { input: 'أذربيجان', expected: 'أذربيجان', options: { foldAlef: false }, why: 'each rule can be switched off' },
  { input: 'كَاراباخ', expected: 'كَاراباخ', options: { stripDiacritics: false }, why: 'diacritics can be kept' },
  { input: 'كـاراباخ', expected: 'كـاراباخ', options: { stripTatweel: false }, why: 'tatweel can be kept' },
  { input: '٢٠', expected: '٢٠', options: { foldDigits: false }, why: 'digits can be kept' },
  { input: 'ﻻ', expected: 'ﻻ', options: { foldPresentationForms: false }, why: 'presentation forms can be kept' },
  { input: 'ک', expected: 'ک', options: { foldPersianLetters: false }, why: 'Persian letters can be kept' },
  { input: 'ا\u200Fب', expected: 'ا\u200Fب', options: { stripFormatControls: false }, why: 'controls can be kept' },
];

describe('normalize', () => {
  it.each(CASES)('$why', ({ input, expected, options }) => {
    expect(normalize(input, options).text).toBe(expected);
  });

  it('keeps the caller string untouched as `source`', () => {
    const input = 'قالت الخارجيّة الأذربيجانيـة';
    expect(normalize(input).source).toBe(input);
  });

  interface SpanCase {
    readonly input: string;
    readonly span: readonly [number, number];
    readonly expected: string;
    readonly why: string;
  }
  const SPANS: readonly SpanCase[] = [
    { input: 'الخارجيّة الروسية', span: [0, 8], expected: 'الخارجيّة', why: 'a shadda after the last-but-one letter stays with it' },
    { input: 'كاراباخَ هنا', span: [0, 7], expected: 'كاراباخَ', why: 'a mark after the last letter belongs to that letter' },
    { input: 'كـــاراباخ', span: [0, 7], expected: 'كـــاراباخ', why: 'tatweel belongs to the letter before it' },
    { input: '\u200Fباكو\u200F', span: [0, 4], expected: 'باكو', why: 'invisible controls around a word belong to no letter' },
    { input: 'ﻻ بد', span: [0, 1], expected: 'ﻻ', why: 'the first letter of an expansion maps to the whole source character' },
    { input: 'ﻻ بد', span: [1, 2], expected: 'ﻻ', why: 'so does the second' },
    { input: 'باكو', span: [2, 2], expected: '', why: 'an empty span maps to an empty span' },
    { input: 'باكو', span: [-5, 99], expected: 'باكو', why: 'offsets out of range are clamped' },
  ];
  it.each(SPANS)('toSource: $why', ({ input, span, expected }) => {
    const n = normalize(input);
    const s = n.toSource(span[0], span[1]);
    expect(input.slice(s.start, s.end)).toBe(expected);
  });

  it.each([42, null, undefined, {}, ['أذربيجان'], Symbol('x')])('throws a TypeError that names what arrived: %s', (value) => {
    expect(() => normalize(value as unknown as string)).toThrow(TypeError);
    expect(() => normalize(value as unknown as string)).toThrow(/^kashif: normalize\(\) expects a string, but received /);
  });

  it('handles a 10 MB string', () => {
    const input = 'وقالت وزارة الدفاع الأذربيجانيّة ﻻ 😀\u200F '.repeat(250_000);
    const n = normalize(input);
    expect(n.text.length).toBeLessThan(input.length);
    const s = n.toSource(n.text.length - 10, n.text.length);
    expect(s.end).toBeLessThanOrEqual(input.length);
  });
});

describe('normalize: the offset map (property tests)', () => {
  it('maps every span in bounds and monotonically', () => {
    fc.assert(
      fc.property(arabicHeavyString(), (input) => {
        const n = normalize(input);
        let lastStart = 0;
        let lastEnd = 0;
        for (let i = 0; i < n.text.length; i++) {
          const s = n.toSource(i, i + 1);
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(input.length);
          expect(s.start).toBeLessThan(s.end);
          expect(s.start).toBeGreaterThanOrEqual(lastStart);
          expect(s.end).toBeGreaterThanOrEqual(lastEnd);
          lastStart = s.start;
          lastEnd = s.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives back, for every word, a source span that normalises to the same word', () => {
    fc.assert(
      fc.property(arabicHeavyString(), (input) => {
        const n = normalize(input);
        for (const token of tokenize(n)) {
          const s = n.toSource(token.start, token.end);
          expect(normalize(input.slice(s.start, s.end)).text).toBe(n.text.slice(token.start, token.end));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and idempotent', () => {
    fc.assert(
      fc.property(arabicHeavyString(), (input) => {
        const once = normalize(input).text;
        expect(normalize(input).text).toBe(once);
        expect(normalize(once).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
