/**
 * Document-level consistency: a name found once is found everywhere in the document, and after
 * a full person's name (نيكول باشينيان) the surname alone (باشينيان) is the same person.
 */
import { StringTable } from '../gazetteer/string-table.js';
import { TokenTrie } from '../gazetteer/token-trie.js';
import { Kind, type TokenTable } from '../tokenize/scan.js';
import type { Span } from './span.js';
import { longestMatch, type Match, type TokenIndex } from './walk.js';

const SCORE_REPEAT = 0.85;
const SCORE_SURNAME = 0.8;

/**
 * Adds, for the tokens no kept span covers, the repetitions of kept names: every name found by
 * a rule, and the surname (last word, three letters or more, not an everyday word) of every
 * person named in full. Returns all spans in text order.
 */
export function propagate(kept: readonly Span[], t: TokenTable, skip: Uint8Array, isCommon: (t: TokenTable, i: number) => boolean): Span[] {
  const index: TokenIndex = { vocab: new StringTable(), trie: new TokenTrie() };
  const seeds: Span[] = [];
  const surname: boolean[] = [];
  const addPath = (first: number, last: number, start: number, seed: Span, partial: boolean): void => {
    const path: number[] = [];
    for (let i = first; i < last; i++) {
      if (t.kind[i] === Kind.Punctuation) return; // names with punctuation inside are not repeated
      path.push(index.vocab.intern(t.text.slice(i === first ? start : t.start[i]!, t.end[i]!)));
    }
    index.trie.add(path, seeds.length);
    seeds.push(seed);
    surname.push(partial);
  };
  for (const span of kept) {
    if (span.source === 'rule' || span.source === 'model') addPath(span.first, span.last, span.start, span, false);
    const last = span.last - 1;
    if (span.type === 'PERSON' && span.last - span.first >= 2 && t.end[last]! - t.start[last]! >= 3 && !isCommon(t, last)) {
      addPath(last, span.last, t.start[last]!, span, true);
    }
  }
  if (seeds.length === 0) return [...kept];
  index.trie.freeze();

  const taken = new Uint8Array(t.count);
  for (const span of kept) for (let i = span.first; i < span.last; i++) taken[i] = 1;
  const out = [...kept];
  const match: Match = { node: -1, last: 0, start: 0 };
  const accept = (node: number): boolean => index.trie.valueCount(node) > 0;
  for (let i = 0; i < t.count; i++) {
    if (taken[i] || skip[i] || t.kind[i] !== Kind.Word) continue;
    const m = longestMatch(index, t, i, t.count, accept, match, 'keepArticle');
    if (m.node < 0) continue;
    let free = true;
    for (let j = i; j < m.last && free; j++) if (taken[j] || skip[j]) free = false;
    if (!free) continue;
    // Several seeds may share a spelling: the first one found in the text wins.
    const s = index.trie.value(m.node, 0);
    const seed = seeds[s]!;
    out.push({
      first: i,
      last: m.last,
      start: m.start,
      end: t.end[m.last - 1]!,
      type: seed.type,
      entity: seed.entity,
      alternatives: seed.entity ? [{ entity: seed.entity, prior: 1 }] : [],
      score: surname[s] ? SCORE_SURNAME : SCORE_REPEAT,
      source: 'propagation',
      needsSupport: false,
    });
    for (let j = i; j < m.last; j++) taken[j] = 1;
    i = m.last - 1;
  }
  return out.sort((a, b) => a.start - b.start);
}
