/**
 * Choosing by context within a document: which entity an ambiguous spelling names (عمان: Oman
 * or Amman), and whether a spelling that is also an everyday word (حماس، أمل) is a name here.
 */
import type { Span } from './span.js';

/**
 * Picks, for every candidate with several possible entities, the one the rest of the document
 * supports: its lexicon prior, plus 2 when it is named elsewhere without ambiguity, plus 0.25 for
 * each other mention in its country (up to four). Then keeps an everyday-word candidate only if its entity is
 * named elsewhere in the document by a spelling that is not an everyday word (or a trigger
 * already confirmed it). Returns the candidates that remain.
 */
export function applyContext(candidates: readonly Span[]): Span[] {
  const named = new Set<string>();
  const countries = new Map<string, number>();
  for (const span of candidates) {
    if (span.needsSupport || !span.entity || span.alternatives.length > 1) continue;
    named.add(span.entity.id);
    const country = span.entity.country;
    if (country) countries.set(country, (countries.get(country) ?? 0) + 1);
  }
  const kept: Span[] = [];
  for (const span of candidates) {
    if (span.alternatives.length > 1) {
      let best = span.entity!;
      let bestScore = -Infinity;
      for (const { entity, prior } of span.alternatives) {
        const country = entity.country;
        const score =
          prior + (named.has(entity.id) ? 2 : 0) + 0.25 * Math.min(4, country ? (countries.get(country) ?? 0) : 0);
        if (score > bestScore) {
          bestScore = score;
          best = entity;
        }
      }
      span.entity = best;
      span.type = best.type;
    }
    if (span.needsSupport) {
      const supported = span.alternatives.find((a) => named.has(a.entity.id));
      if (!supported) continue;
      span.entity = supported.entity;
      span.type = supported.entity.type;
      span.needsSupport = false;
    }
    kept.push(span);
  }
  return kept;
}
