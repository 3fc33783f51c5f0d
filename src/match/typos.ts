/**
 * Typos of names already found in the same document: a word one edit away (a letter changed,
 * added, dropped or two swapped) from a name the document names elsewhere is that name —
 * بريفان beside يريفان, باشنيان beside باشينيان. Only words of five letters or more, not everyday
 * words, and only against names found in this document, so a typo can never introduce a name.
 */
import { Kind, type TokenTable } from '../tokenize/scan.js';
import type { Span } from './span.js';

const MIN_LENGTH = 5;
const SCORE_TYPO = 0.6;

/** Whether a[as, ae) and b[bs, be) are at most one edit apart (Damerau: a swap is one edit). */
export function withinOneEdit(a: string, as: number, ae: number, b: string, bs: number, be: number): boolean {
  const la = ae - as;
  const lb = be - bs;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(as + i) === b.charCodeAt(bs + i)) i++;
  if (i === la && i === lb) return true;
  const rest = (x: number, y: number): boolean => {
    if (ae - (as + x) !== be - (bs + y)) return false;
    for (let k = 0; as + x + k < ae; k++) if (a.charCodeAt(as + x + k) !== b.charCodeAt(bs + y + k)) return false;
    return true;
  };
  if (la === lb) {
    if (rest(i + 1, i + 1)) return true; // substitution
    return (
      i + 1 < la &&
      a.charCodeAt(as + i) === b.charCodeAt(bs + i + 1) &&
      a.charCodeAt(as + i + 1) === b.charCodeAt(bs + i) &&
      rest(i + 2, i + 2) // transposition
    );
  }
  return la > lb ? rest(i + 1, i) : rest(i, i + 1); // deletion, insertion
}

/**
 * Spans for the words no span covers that are one edit from the last word of a linked name in
 * `kept` (after its proclitics, if it has any); `isOrdinary(t, i)` rules out everyday and function
 * words. Unlinked one-word spans one edit from a linked name of their type take its link.
 */
export function findTypos(kept: readonly Span[], t: TokenTable, skip: Uint8Array, isOrdinary: (t: TokenTable, i: number) => boolean): Span[] {
  const text = t.text;
  // The seeds: the last words of linked names, each distinct (word, entity) once — a long
  // document repeats its names, and the work per word must not grow with the repetitions.
  const seeds: { start: number; end: number; span: Span }[] = [];
  const distinct = new Set<string>();
  const taken = new Uint8Array(t.count);
  for (const span of kept) {
    for (let i = span.first; i < span.last; i++) taken[i] = 1;
    const last = span.last - 1;
    const start = last === span.first ? span.start : t.start[last]!;
    if (!span.entity || t.kind[last] !== Kind.Word || t.end[last]! - start < MIN_LENGTH) continue;
    const key = `${span.entity.id}\u0000${text.slice(start, t.end[last]!)}`;
    if (distinct.has(key)) continue;
    distinct.add(key);
    seeds.push({ start, end: t.end[last]!, span });
  }
  if (seeds.length === 0) return [];
  // A name found but not linked (by the tagger, by a rule) one edit from a linked one is linked to it.
  for (const span of kept) {
    if (span.entity || span.last - span.first !== 1 || span.end - span.start < MIN_LENGTH) continue;
    const seed = seeds.find(
      (s) => s.span.type === span.type && !sameRange(text, s.start, s.end, span.start, span.end) && withinOneEdit(text, s.start, s.end, text, span.start, span.end),
    );
    if (seed) span.entity = seed.span.entity;
  }
  const out: Span[] = [];
  for (let i = 0; i < t.count; i++) {
    if (taken[i] || skip[i] || t.kind[i] !== Kind.Word || t.end[i]! - t.start[i]! < MIN_LENGTH || isOrdinary(t, i)) continue;
    const end = t.end[i]!;
    let found: Span | undefined;
    let at = 0;
    // A word with proclitic readings is compared through its stems only (بالدفاع is ب + الدفاع,
    // not a typo of الدفاع).
    const stems = t.stems[i]!;
    for (let k = stems === 0 ? 0 : 1; k < 5 && !found; k++) {
      if (k > 0 && (stems & (1 << k)) === 0) continue;
      const start = t.start[i]! + k;
      if (end - start < MIN_LENGTH) break;
      for (const seed of seeds) {
        const ls = seed.end - seed.start;
        // One edit keeps the length within one, and the first or the last letter.
        if (Math.abs(ls - (end - start)) > 1) continue;
        if (text.charCodeAt(seed.start) !== text.charCodeAt(start) && text.charCodeAt(seed.end - 1) !== text.charCodeAt(end - 1)) continue;
        if (sameRange(text, seed.start, seed.end, start, end)) continue; // a repetition, not a typo
        if (withinOneEdit(text, seed.start, seed.end, text, start, end)) {
          found = seed.span;
          at = start;
          break;
        }
      }
    }
    if (found) out.push({ first: i, last: i + 1, start: at, end, type: found.type, entity: found.entity, alternatives: [], score: SCORE_TYPO, source: 'propagation', needsSupport: false });
  }
  return out;
}

function sameRange(text: string, as: number, ae: number, bs: number, be: number): boolean {
  if (ae - as !== be - bs) return false;
  for (let k = 0; as + k < ae; k++) if (text.charCodeAt(as + k) !== text.charCodeAt(bs + k)) return false;
  return true;
}
