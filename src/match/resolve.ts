import { SOURCE_RANK, type Span } from './span.js';

/**
 * Keeps a non-overlapping set of candidates, deterministically: longest first (in tokens), then
 * earliest, then by source (lexicon, pattern, rule, propagation, model), then higher score, then
 * type and id. Returns them in text order.
 */
export function resolveOverlaps(spans: readonly Span[], tokenCount: number): Span[] {
  const order = [...spans].sort(
    (a, b) =>
      b.last - b.first - (a.last - a.first) ||
      a.start - b.start ||
      SOURCE_RANK[a.source] - SOURCE_RANK[b.source] ||
      b.score - a.score ||
      (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) ||
      ((a.entity?.id ?? '') < (b.entity?.id ?? '') ? -1 : (a.entity?.id ?? '') > (b.entity?.id ?? '') ? 1 : 0),
  );
  const taken = new Uint8Array(tokenCount);
  const kept: Span[] = [];
  for (const span of order) {
    let free = true;
    for (let i = span.first; i < span.last && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = span.first; i < span.last; i++) taken[i] = 1;
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}
