/**
 * Choosing by context within a document: which entity an ambiguous spelling names (عمان: Oman
 * or Amman), and whether a spelling that is also an everyday word (حماس، أمل) is a name here.
 */
import type { Span } from './span.js';

/**
 * Picks, for every candidate with several possible entities, the one the rest of the document
 * supports: its lexicon prior, plus 2 when it is named elsewhere without ambiguity, plus 0.25 for
 * each other mention in its country (up to four), plus 1 for a club where a club may stand
 * (`mayBeClub`: in a sports story, ليون the club, not the city, when the text speaks of matches
 * and goals; not after في «in»). Then keeps an everyday-word candidate only
 * with support: its entity named elsewhere by a spelling that is not an everyday word (or
 * confirmed by a trigger), or — for a place that is not one of the most frequent words
 * (`isFrequentWord`: a function word such as كان is never taken for Cannes this way) — another place of its
 * country in the document (مسقط beside عمان), or an adjective of that country
 * (`adjectiveCountries`). Returns the candidates that remain.
 */
export function applyContext(
  candidates: readonly Span[],
  isFrequentWord: (span: Span) => boolean,
  mayBeClub: (span: Span) => boolean = () => false,
  adjectiveCountries: ReadonlySet<string> = new Set(),
): Span[] {
  const named = new Set<string>();
  const countries = new Map<string, number>();
  const count = (span: Span): void => {
    if (!span.entity) return;
    named.add(span.entity.id);
    const country = span.entity.country;
    if (country) countries.set(country, (countries.get(country) ?? 0) + 1);
  };
  for (const span of candidates) if (!span.needsSupport && span.alternatives.length <= 1) count(span);
  for (const span of candidates) {
    if (span.alternatives.length <= 1) continue;
    let best = span.entity!;
    let bestScore = -Infinity;
    const club = mayBeClub(span);
    for (const { entity, prior } of span.alternatives) {
      const country = entity.country;
      const score =
        prior +
        (named.has(entity.id) ? 2 : 0) +
        0.25 * Math.min(4, country ? (countries.get(country) ?? 0) : 0) +
        (club && entity.subtype === 'club' ? 1 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = entity;
      }
    }
    span.entity = best;
    span.type = best.type;
  }
  // Places whose country the document names, after ambiguous spellings have chosen — or speaks
  // of with a nationality adjective (القوات العراقية … الموصل).
  const placesIn = new Set<string>(adjectiveCountries);
  for (const span of candidates) if (!span.needsSupport && span.entity?.type === 'LOCATION' && span.entity.country) placesIn.add(span.entity.country);
  const kept: Span[] = [];
  for (const span of candidates) {
    if (span.needsSupport) {
      const supported =
        span.alternatives.find((a) => named.has(a.entity.id)) ??
        (isFrequentWord(span)
          ? undefined
          : span.alternatives.find((a) => a.entity.type === 'LOCATION' && a.entity.country !== undefined && placesIn.has(a.entity.country)));
      if (!supported) continue;
      span.entity = supported.entity;
      span.type = supported.entity.type;
      span.needsSupport = false;
    }
    kept.push(span);
  }
  return kept;
}
