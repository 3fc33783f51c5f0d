import { BUNDLED_FUNCTION_WORDS } from '../gazetteer/bundled.js';
import { NODE_DEMONYM, NODE_NAME, VALUE_COMMON, VALUE_DEMONYM, VALUE_GENERATED, type GazetteerIndex } from '../gazetteer/index-build.js';
import { StringTable } from '../gazetteer/string-table.js';
import { normalize } from '../normalize/index.js';
import { Kind, type TokenTable } from '../tokenize/scan.js';
import type { Entity } from '../types.js';
import type { Span } from './span.js';
import { afterPreposition, longestMatch, type Match } from './walk.js';

let functionWords: StringTable | undefined;

/** Token i is a function word (فإن، كان، أن): never a name on its own, whatever the lexicon spells so. */
export function isFunctionWord(t: TokenTable, i: number): boolean {
  if (!functionWords) {
    functionWords = new StringTable();
    for (const line of BUNDLED_FUNCTION_WORDS.split('\n')) {
      const word = line.trim();
      if (word && !word.startsWith('#')) functionWords.intern(normalize(word).text);
    }
  }
  return functionWords.find(t.text, t.start[i]!, t.end[i]!, -1) >= 0;
}

/** Countries whose places have Arabic names of their own (ISO 3166-1 alpha-2). */
const ARABIC_SPEAKING = new Set(['AE', 'BH', 'DJ', 'DZ', 'EG', 'EH', 'IQ', 'JO', 'KM', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SO', 'SY', 'TN', 'YE']);

/** Whether places of this country (ISO alpha-2) have Arabic names of their own. */
export const isArabicSpeaking = (country: string | undefined): boolean => country !== undefined && ARABIC_SPEAKING.has(country);

/** Places with a lower prior than this (towns, by population) need support when named by one word. */
const SMALL_PLACE_PRIOR = 0.45;

/** Scores of lexicon matches by how the spelling is known. */
const SCORE_ATTESTED = 0.95;
const SCORE_GENERATED = 0.8;

/**
 * Every longest lexicon name in the token table, as candidate spans. `skip[i]` set: token i is in
 * a foreign stretch and starts nothing. A name that is only known as an everyday word, or is
 * spelled like a nationality adjective, is marked `needsSupport` — and so is a one-word name
 * whose word or stem `isEveryday` (البيت and للبيت are «the house» before they are Elbit; فلكيا
 * is «astronomically», not ف + ل + Kia), whatever the lexicon marks.
 */
export function matchLexicon(
  index: GazetteerIndex,
  t: TokenTable,
  skip: Uint8Array,
  out: Span[],
  isEveryday?: (text: string, start: number, end: number) => boolean,
): void {
  const { trie, nodeKinds, priors } = index;
  const accept = (node: number): boolean => (nodeKinds[node]! & NODE_NAME) !== 0;
  const match: Match = { node: -1, last: 0, start: 0 };
  for (let i = 0; i < t.count; i++) {
    const kind = t.kind[i];
    if ((kind !== Kind.Word && kind !== Kind.Latin) || skip[i]) continue;
    longestMatch(index, t, i, t.count, accept, match, 'keepArticle');
    if (match.node < 0 || (match.last === i + 1 && isFunctionWord(t, i))) continue;
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
      // A name spelled like a nationality adjective (السوداني: al-Sudani or Sudanese; سورية: Syria
      // or Syrian) needs support too — except a place after a preposition or with one attached
      // (في سورية، وسورية), where an adjective cannot stand.
      needsSupport:
        ((nodeKinds[match.node]! & NODE_DEMONYM) !== 0 && !(best.entity.type === 'LOCATION' && (match.start > t.start[i]! || afterPreposition(t, i, true)))) ||
        // Whether a spelling is an everyday word does not depend on which entity it names.
        found.some((f) => f.flags & VALUE_COMMON) ||
        (match.last - i === 1 && isEveryday !== undefined && (isEveryday(t.text, t.start[i]!, t.end[i]!) || isEveryday(t.text, match.start, t.end[i]!))) ||
        // A small foreign town known by one word (أنان، فيردر، ديربي) is more often a surname or
        // a club: it needs the context to say it is a place. Arab towns are named in Arabic, and
        // Arabic news names them often (الخليل، الطائف، الرمادي).
        (match.last - i === 1 &&
          best.entity.type === 'LOCATION' &&
          best.prior < SMALL_PLACE_PRIOR &&
          !isArabicSpeaking(best.entity.country)),
    });
    // A name inside a longer one is not looked up again from its inner tokens.
    i = match.last - 1;
  }
}
