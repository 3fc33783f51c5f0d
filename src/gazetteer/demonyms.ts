/**
 * Nationality adjectives: the lexicon stores the masculine singular (أذربيجاني) and irregular
 * plurals (أرمن); the regular forms are derived here.
 */

const NISBA_ENDINGS = ['', 'ة', 'ون', 'ين', 'ان', 'ات'] as const;

/**
 * The written forms of a demonym: a nisba adjective ending in ي takes ة، ون، ين، ان، ات; every
 * form also takes the article.
 *
 * @example
 * inflectDemonym('أذري'); // ['أذري', 'الأذري', 'أذرية', 'الأذرية', 'أذريون', …]
 */
export function inflectDemonym(base: string): string[] {
  const stem = base.trim();
  if (stem === '') return [];
  const forms = stem.endsWith('ي') ? NISBA_ENDINGS.map((ending) => stem + ending) : [stem];
  const out: string[] = [];
  for (const form of forms) {
    out.push(form);
    if (!form.startsWith('ال')) out.push(`ال${form}`);
  }
  return out;
}
