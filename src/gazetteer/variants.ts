/**
 * The variant generator: spellings a name will meet in Arabic text beyond the ones the normaliser
 * already folds (أ/إ/آ/ا, ة/ه, ى/ي, ک/ك, ڤ/ف, پ/ب are the same key after `normalize`, so they
 * are never generated). Used at build time (`npm run lexicons`) to fill the lexicons'
 * `generated` field, where every output is checked against common Arabic words first.
 */
import { normalize } from '../normalize/index.js';

export interface VariantOptions {
  /** The English (Latin) form of the name: decides which transliteration rules apply (g, ts/tz, -yev). */
  readonly en?: string;
  /**
   * The name is a transliterated foreign name (ستولتنبرغ), not Arabic (غزة): letters that only
   * render a foreign sound may vary. Default: false.
   */
  readonly foreign?: boolean;
  /** At most this many variants (default 12). */
  readonly max?: number;
}

/** Words that join the next word into one compound, written with or without a space. */
const COMPOUND_HEADS = ['عبد', 'أبو', 'ابو', 'نيو', 'سان', 'لوس', 'سانت', 'بور', 'أبي', 'ابي'];

/**
 * A hard foreign g — before a, o, u, a consonant or at the end (Gantz, Guterres, Herzog), not gh
 * and not the soft g of Gianni or George (always ج): Egyptian writers use ج, Levantine and Gulf
 * writers غ.
 */
const G_SOUND = /g(?![hiey])/i;

/**
 * Spellings of `name` that Arabic writers produce, most likely first.
 *
 * - hamza seats written plainly: ئ → ي, ؤ → و (الجزائر → الجزاير);
 * - compounds with and without the space: عبد الله / عبدالله، أبو ظبي / أبوظبي، نيو يورك / نيويورك;
 * - foreign names: g as غ or ج (غوتيريش / جوتيريش; the COLING 2018 Wikidata tokens write a
 *   foreign initial g as غ 880 times, ج 406, ق 50, so ق is not generated); ts/tz as تس or تز
 *   (شولتس / شولتز); -yev as ييف or يف (حاجييف / حاجيف); one medial long vowel ي dropped
 *   (بلينكن / بلنكن).
 *
 * @example
 * spellingVariants('أنطونيو غوتيريش', { en: 'António Guterres', foreign: true });
 * // ['أنطونيو جوتيريش', 'أنطنيو غوتيريش', …]
 */
export function spellingVariants(name: string, options: VariantOptions = {}): string[] {
  const max = options.max ?? 12;
  const en = options.en ?? '';
  const seen = new Set([normalize(name).text]);
  const out: string[] = [];
  const push = (v: string): void => {
    const key = normalize(v).text;
    if (key.trim() === '' || seen.has(key)) return;
    seen.add(key);
    out.push(v);
  };

  // Compounds, joined and split.
  for (const head of COMPOUND_HEADS) {
    push(name.replace(new RegExp(`(^|\\s)${head} (?=\\p{L})`, 'gu'), `$1${head}`));
    // Split again: before the article (عبدالله → عبد الله), or any word after أبو (أبوظبي).
    const rest = head.endsWith('بو') ? '\\p{L}{3}' : 'ال\\p{L}{2}';
    push(name.replace(new RegExp(`(^|\\s)${head}(?=${rest})`, 'gu'), `$1${head} `));
  }
  // Hamza seats written plainly.
  if (name.includes('ئ')) push(name.replaceAll('ئ', 'ي'));
  if (name.includes('ؤ')) push(name.replaceAll('ؤ', 'و'));

  if (options.foreign) {
    if (G_SOUND.test(en)) {
      if (name.includes('غ')) push(name.replaceAll('غ', 'ج'));
      if (name.includes('ج')) push(name.replaceAll('ج', 'غ'));
    }
    if (/ts|tz|z/i.test(en)) {
      if (name.includes('تس')) push(name.replaceAll('تس', 'تز'));
      if (name.includes('تز')) push(name.replaceAll('تز', 'تس'));
    }
    if (/[iy]ev\b/i.test(en)) {
      push(name.replace(/ييف(?=\s|$)/gu, 'يف'));
      push(name.replace(/([^ي\s])يف(?=\s|$)/gu, '$1ييف'));
    }
    for (const v of [...out, name]) for (const d of droppedLongVowels(v)) push(d);
  }
  return out.slice(0, max);
}

/** Each word of 5+ letters with one medial ي dropped (not next to another vowel letter). */
function droppedLongVowels(name: string): string[] {
  const out: string[] = [];
  const words = name.split(' ');
  words.forEach((word, w) => {
    if (word.length < 5) return;
    for (let i = 2; i < word.length - 2; i++) {
      const c = word[i]!;
      if (c !== 'ي') continue;
      if ('اويى'.includes(word[i - 1]!) || 'اويىةه'.includes(word[i + 1]!)) continue;
      const next = [...words];
      next[w] = word.slice(0, i) + word.slice(i + 1);
      out.push(next.join(' '));
    }
  });
  return out;
}
