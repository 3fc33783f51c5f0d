import { NODE_NAME, VALUE_COMMON, VALUE_DEMONYM, VALUE_GENERATED, type GazetteerIndex } from '../gazetteer/gazetteer.js';
import { Kind, type TokenTable } from '../tokenize/scan.js';
import type { Entity } from '../types.js';
import type { Span } from './span.js';
import { longestMatch, type Match } from './walk.js';

/** Scores of lexicon matches by how the spelling is known. */
const SCORE_ATTESTED = 0.95;
const SCORE_GENERATED = 0.8;

/**
 * Every longest lexicon name in the token table, as candidate spans. `skip[i]` set: token i is in
 * a foreign stretch and starts nothing. A name that is only known as an everyday word is marked
 * `needsSupport`.
 */
export function matchLexicon(index: GazetteerIndex, t: TokenTable, skip: Uint8Array, out: Span[]): void {
  const { trie, nodeKinds, priors } = index;
  const accept = (node: number): boolean => (nodeKinds[node]! & NODE_NAME) !== 0;
  const match: Match = { node: -1, last: 0, start: 0 };
  for (let i = 0; i < t.count; i++) {
    const kind = t.kind[i];
    if ((kind !== Kind.Word && kind !== Kind.Latin) || skip[i]) continue;
    longestMatch(index, t, i, t.count, accept, match, 'keepArticle');
    if (match.node < 0) continue;
    // The entities named here (never the demonym values), best prior first.
    const found: { entity: Entity; prior: number; flags: number }[] = [];
    for (let v = 0; v < trie.valueCount(match.node); v++) {
      const value = trie.value(match.node, v);
      const flags = value >>> 24;
      if (flags & VALUE_DEMONYM) continue;
      const e = value & 0xffffff;
      found.push({ entity: index.entity(e), prior: priors[e]!, flags });
    }
    found.sort((a, b) => b.prior - a.prior || (a.entity.id < b.entity.id ? -1 : 1));
    const best = found[0]!;
    const generated = found.every((f) => f.flags & VALUE_GENERATED);
    out.push({
      first: i,
      last: match.last,
      start: match.start,
      end: t.end[match.last - 1]!,
      type: best.entity.type,
      entity: best.entity,
      alternatives: found.map((f) => ({ entity: f.entity, prior: f.prior })),
      score: generated ? SCORE_GENERATED : SCORE_ATTESTED,
      source: 'lexicon',
      needsSupport: found.every((f) => f.flags & VALUE_COMMON),
    });
    // A name inside a longer one is not looked up again from its inner tokens.
    i = match.last - 1;
  }
}
