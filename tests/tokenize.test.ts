import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { tokenize, type TokenKind } from '../src/tokenize/index.js';
import { arabicHeavyString } from './arbitraries.js';

interface KindCase {
  readonly input: string;
  readonly expected: readonly (readonly [string, TokenKind])[];
  readonly why: string;
}

const KIND_CASES: readonly KindCase[] = [
  {
    input: 'وقالت الخارجية، إن',
    expected: [['وقالت', 'word'], ['الخارجية', 'word'], ['،', 'punctuation'], ['إن', 'word']],
    why: 'the Arabic comma splits tokens',
  },
  {
    input: '«كاراباخ»؛ هل؟',
    expected: [['«', 'punctuation'], ['كاراباخ', 'word'], ['»', 'punctuation'], ['؛', 'punctuation'], ['هل', 'word'], ['؟', 'punctuation']],
    why: 'guillemets, Arabic semicolon and question mark split tokens',
  },
  {
    input: '“باكو”',
    expected: [['“', 'punctuation'], ['باكو', 'word'], ['”', 'punctuation']],
    why: 'curly quotes split tokens',
  },
  {
    input: '#كاراباخ #Karabakh @rd_amz',
    expected: [['#كاراباخ', 'hashtag'], ['#Karabakh', 'hashtag'], ['@rd_amz', 'mention']],
    why: 'hashtags and @handles are single tokens',
  },
  {
    input: 'https://example.com/a?b=1. www.x.com، pic.twitter.com/gzP6ZnbhWz',
    expected: [['https://example.com/a?b=1', 'url'], ['.', 'punctuation'], ['www.x.com', 'url'], ['،', 'punctuation'], ['pic.twitter.com/gzP6ZnbhWz', 'url']],
    why: 'URLs are single tokens without the sentence punctuation after them',
  },
  {
    input: 'شبكة CNN وTRT',
    expected: [['شبكة', 'word'], ['CNN', 'latin'], ['و', 'word'], ['TRT', 'latin']],
    why: 'a change of script splits a word, so a Latin name after a clitic stands alone',
  },
  {
    input: 'عربي21 و1,800 و3.5 2023',
    expected: [['عربي21', 'word'], ['و1,800', 'word'], ['و3.5', 'word'], ['2023', 'number']],
    why: 'digits stay with the letters they touch; separators inside numbers do not split',
  },
  {
    input: "O'Brien Coca-Cola",
    expected: [["O'Brien", 'latin'], ['Coca-Cola', 'latin']],
    why: 'apostrophes and hyphens inside Latin words do not split',
  },
  {
    input: 'مرحبا 😀 $',
    expected: [['مرحبا', 'word'], ['😀', 'symbol'], ['$', 'symbol']],
    why: 'an emoji (a surrogate pair) is one symbol token',
  },
  {
    input: 'Москва 北京',
    expected: [['Москва', 'word'], ['北京', 'word']],
    why: 'letters of other scripts are words',
  },
];

describe('tokenize: kinds and boundaries', () => {
  it.each(KIND_CASES)('$why', ({ input, expected }) => {
    expect(tokenize(input).map((t) => [t.text, t.kind])).toEqual(expected);
  });
});

interface StemCase {
  readonly word: string;
  readonly stems: readonly string[];
  readonly elided?: string;
  readonly why: string;
}

const STEM_CASES: readonly StemCase[] = [
  { word: 'وأذربيجان', stems: ['أذربيجان'], why: 'conjunction و' },
  { word: 'فباكو', stems: ['باكو', 'اكو'], why: 'conjunction ف, then ب (candidates only: the matcher decides)' },
  { word: 'بكاراباخ', stems: ['كاراباخ'], why: 'preposition ب' },
  { word: 'كموسكو', stems: ['موسكو'], why: 'preposition ك' },
  { word: 'لروسيا', stems: ['روسيا'], why: 'preposition ل' },
  { word: 'وبروسيا', stems: ['بروسيا', 'روسيا'], why: 'و + ب' },
  { word: 'ولروسيا', stems: ['لروسيا', 'روسيا'], why: 'و + ل' },
  { word: 'فلروسيا', stems: ['لروسيا', 'روسيا'], why: 'ف + ل' },
  { word: 'وكموسكو', stems: ['كموسكو', 'موسكو'], why: 'و + ك' },
  { word: 'الكرملين', stems: ['كرملين'], why: 'the article ال' },
  { word: 'بالكرملين', stems: ['الكرملين', 'كرملين'], why: 'ب + ال' },
  { word: 'وبالكرملين', stems: ['بالكرملين', 'الكرملين', 'كرملين'], why: 'و + ب + ال' },
  { word: 'للأمم', stems: ['لأمم', 'أمم'], elided: 'لأمم', why: 'ل + ال with the alef dropped: the article’s ل is marked' },
  { word: 'وللأمم', stems: ['للأمم', 'لأمم', 'أمم'], elided: 'لأمم', why: 'و + ل + ال' },
  { word: 'ولد', stems: ['لد'], why: 'a stem keeps at least two letters' },
  { word: 'من', stems: [], why: 'no clitic candidates in a word that does not start with one' },
];

describe('tokenize: proclitic stem candidates', () => {
  it.each(STEM_CASES)('$why: $word', ({ word, stems, elided }) => {
    const [token] = tokenize(word);
    expect(token?.stemStarts.map((s) => word.slice(s))).toEqual(stems);
    expect(token?.elidedArticle === undefined ? undefined : word.slice(token.elidedArticle)).toBe(elided);
  });

  it('offers stems on normalised text too (offsets index its text)', () => {
    const n = normalize('وللأمم المتحدة');
    const [token] = tokenize(n);
    expect(token?.stemStarts.map((s) => n.text.slice(s, token.end))).toEqual(['للامم', 'لامم', 'امم']);
  });
});

describe('tokenize: invariants', () => {
  it('returns ordered, disjoint, in-bounds tokens whose text is their slice', () => {
    fc.assert(
      fc.property(arabicHeavyString(), (input) => {
        let last = 0;
        for (const t of tokenize(input)) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(input.length);
          expect(t.text).toBe(input.slice(t.start, t.end));
          for (const s of t.stemStarts) {
            expect(s).toBeGreaterThan(t.start);
            expect(s).toBeLessThan(t.end);
          }
          last = t.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never splits a surrogate pair', () => {
    fc.assert(
      fc.property(arabicHeavyString(), (input) => {
        for (const t of tokenize(input)) {
          const before = input.charCodeAt(t.start - 1);
          const first = input.charCodeAt(t.start);
          expect(before >= 0xd800 && before <= 0xdbff && first >= 0xdc00 && first <= 0xdfff).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('throws a TypeError for a non-string', () => {
    expect(() => tokenize(7 as unknown as string)).toThrow(/^kashif: tokenize\(\) expects a string, but received a number \(7\)/);
  });
});
