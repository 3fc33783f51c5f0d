import fc from 'fast-check';

/**
 * Pieces of the messy Arabic that real pages carry: letters with and without hamza, clitics,
 * diacritics, tatweel, ZWNJ and bidi marks, presentation forms, Persian letters, digits,
 * punctuation, Latin, emoji and lone surrogates.
 */
const PIECES = [
  'ا', 'أ', 'إ', 'آ', 'ٱ', 'ب', 'ت', 'ة', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض',
  'ط', 'ظ', 'ع', 'غ', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي', 'ى', 'ئ', 'ؤ', 'ء',
  'و', 'ف', 'ب', 'ل', 'ال', 'لل', 'وال', 'بال',
  '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B', '\u0670', '\u06E1', '\u0640', '\u0640\u0640',
  '\u200C', '\u200D', '\u200F', '\u200E', '\u202B', '\u202C', '\u2067', '\uFEFF',
  'ﻻ', 'ﺃ', 'ﺑ', 'ﻪ', 'ﷲ', 'ﷺ', '\uFE70', 'ک', 'ی', 'ۀ', 'ڤ',
  '٠', '١', '٢', '۳', '0', '7', ',', '.',
  ' ', ' ', ' ', '\n', '،', '؛', '؟', '«', '»', '“', '”', '(', ')', '-', '#', '@', '_',
  'a', 'B', 'CNN', 'the', 'https://x.co/a', 'ə', 'ş',
  '😀', '\uD83D', '\uDE00', '\uD800', '\u0000',
];

/** Random strings made of {@link PIECES}. */
export function arabicHeavyString(maxPieces = 40): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...PIECES), { maxLength: maxPieces }).map((parts) => parts.join(''));
}
