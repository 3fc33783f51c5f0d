/**
 * Arabic names run on through their lineage: ريما بنت بندر بن سلطان بن عبدالعزيز is one name,
 * however many of its links the lexicon knows. A person's span is extended over every
 * «بن / بنت / ابن + name» that follows it, swallowing person spans found inside the chain; the
 * first span's link is kept (the chain names that person, not the ancestors).
 */
import { Kind, type TokenTable } from '../tokenize/scan.js';
import type { Span } from './span.js';

const LINKS = ['بن', 'بنت', 'ابن'];

function isLink(t: TokenTable, i: number): boolean {
  if (i >= t.count || t.kind[i] !== Kind.Word) return false;
  const s = t.start[i]!;
  const n = t.end[i]! - s;
  return LINKS.some((link) => link.length === n && t.text.startsWith(link, s));
}

/** Spans in text order, with each person's span extended over its lineage. */
export function joinLineage(spans: readonly Span[], t: TokenTable, isNameLike: (t: TokenTable, i: number) => boolean): Span[] {
  const out: Span[] = [];
  for (let k = 0; k < spans.length; k++) {
    let span = spans[k]!;
    if (span.type === 'PERSON') {
      let last = span.last;
      // A rule may have stopped right after a link (مصعب بن): the chain goes on from it.
      if (isLink(t, last - 1) && last - 1 > span.first) last--;
      let next = k + 1;
      for (;;) {
        if (!isLink(t, last) || last + 1 >= t.count) break;
        const following = spans[next];
        if (following && following.first === last + 1 && following.type === 'PERSON') {
          last = following.last;
          next++;
        } else if (isNameLike(t, last + 1) && (!following || following.first > last + 1)) {
          last += 2;
        } else break;
      }
      if (last !== span.last) {
        span = { ...span, last, end: t.end[last - 1]! };
        k = next - 1;
      }
    }
    out.push(span);
  }
  return out;
}
