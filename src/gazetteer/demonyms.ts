/**
 * Nationality adjectives: the lexicon stores the masculine singular (أذربيجاني) and irregular
 * plurals (أرمن); the regular forms are derived here.
 */

const NISBA_ENDINGS = ['', 'ة', 'ون', 'ين', 'ان', 'ات'] as const;

/**
 * The written forms of a demonym: a nisba adjective ending in ي takes ة، ون، ين، ان، ات; every
 * form also takes the article. In a two-word demonym (كوري شمالي) every word agrees.
 *
 * @example
 * inflectDemonym('أذري'); // ['أذري', 'الأذري', 'أذرية', 'الأذرية', 'أذريون', …]
 */
export function inflectDemonym(base: string): string[] {
  const words = base.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return [];
  const endings = words[words.length - 1]!.endsWith('ي') ? NISBA_ENDINGS : [''];
  const out: string[] = [];
  for (const ending of endings) {
    const inflected = words.map((w) => (w.endsWith('ي') ? w + ending : w));
    out.push(inflected.join(' '));
    out.push(inflected.map((w) => (w.startsWith('ال') ? w : `ال${w}`)).join(' '));
  }
  return [...new Set(out)];
}
