/**
 * The per-token hot path: find the longest name that starts at a token, trying each reading of
 * the token (whole, then after each proclitic), without slicing strings or allocating.
 */
import { isDash } from '../gazetteer/index-build.js';
import type { StringTable } from '../gazetteer/string-table.js';
import type { TokenTrie } from '../gazetteer/token-trie.js';
import { normalize, type NormalizedText } from '../normalize/index.js';
import { FLAG_LINE_BREAK, Kind, scan, type TokenTable } from '../tokenize/scan.js';
import { ALEF, FEH, LAM, WAW } from '../tokenize/letters.js';

export interface TokenIndex {
  readonly vocab: StringTable;
  readonly trie: TokenTrie;
}

/**
 * Adds a phrase (normalised and tokenised like running text) to an index; returns the trie node
 * where it ends, or -1 for a phrase with no tokens.
 */
export function addPhrase(index: TokenIndex, phrase: string, value = 0): number {
  const t = scan(normalize(phrase).text);
  const path: number[] = [];
  for (let i = 0; i < t.count; i++) path.push(index.vocab.intern(t.text.slice(t.start[i]!, t.end[i]!)));
  return path.length === 0 ? -1 : index.trie.add(path, value);
}

/**
 * Prepositions (normalised): no proclitic follows one (في باردو is Bardo, not ب + Ordu), and the
 * word after one is a noun, not an adjective (في سورية is Syria).
 */
const PREPOSITIONS = ['في', 'من', 'الي', 'عن', 'مع', 'بين', 'حول', 'داخل', 'خارج', 'نحو', 'تجاه', 'ضد', 'عبر', 'لدي', 'منذ'];
const ALI = 'علي';

/**
 * Token i follows a preposition (في، من، وفي، فمن…) on the same line. على (folded onto علي) counts
 * only with `ali`: علي is also the name Ali, which a name with و may follow (علي وعمر).
 */
export function afterPreposition(t: TokenTable, i: number, ali = false): boolean {
  if (i === 0 || t.kind[i - 1] !== Kind.Word || (t.flags[i]! & FLAG_LINE_BREAK) !== 0) return false;
  let s = t.start[i - 1]!;
  const e = t.end[i - 1]!;
  const c = t.text.charCodeAt(s);
  if ((c === WAW || c === FEH) && e - s >= 3) s++;
  for (const p of PREPOSITIONS) if (e - s === p.length && t.text.startsWith(p, s)) return true;
  return ali && e - s === 3 && t.text.startsWith(ALI, s);
}

/** The best match found by {@link longestMatch}; reused between calls. */
export interface Match {
  /** Trie node of the name, -1 if none. */
  node: number;
  /** Token just past the name. */
  last: number;
  /** Where the name starts in the normalised text (after the proclitic). */
  start: number;
}

/**
 * Finds the longest path from token `i` whose end node passes `accept`, over tokens below
 * `limit` (a line break ends a name). Readings: the whole token first, then each stem after
 * proclitics (a later reading must be strictly longer to win: the whole word is preferred), and
 * for ل + ال with the alef dropped the stem with its alef restored.
 * `readings` limits the readings: `whole` only the whole token; `keepArticle` never reads a stem
 * from which the article ال was stripped (for trigger words: الاتحاد is not اتحاد).
 * Returns `out` (its `node` is -1 when nothing matched).
 */
export function longestMatch(
  index: TokenIndex,
  t: TokenTable,
  i: number,
  limit: number,
  accept: (node: number) => boolean,
  out: Match,
  readings: 'all' | 'whole' | 'keepArticle' = 'all',
): Match {
  out.node = -1;
  out.last = i;
  out.start = t.start[i]!;
  const text = t.text;
  const end = t.end[i]!;
  const start = t.start[i]!;
  let mask = readings === 'whole' ? 0 : t.stems[i]!;
  // After a preposition only the article may come off (في الدوحة): في باردو is Bardo, not ب + Ordu.
  if (mask !== 0 && afterPreposition(t, i)) mask &= text.startsWith('ال', start) ? 1 << 2 : 0;
  const elided = t.elided[i]!;
  for (let k = 0; k < 8; k++) {
    if (k > 0 && (mask & (1 << k)) === 0) continue;
    if (readings === 'keepArticle' && k >= 2 && (k === elided + 1 || (text.charCodeAt(start + k - 2) === ALEF && text.charCodeAt(start + k - 1) === LAM))) continue;
    for (let alef = 0; alef < (k > 0 && k === elided ? 2 : 1); alef++) {
      let node = index.trie.child(0, index.vocab.find(text, start + k, end, alef ? ALEF : -1));
      let j = i + 1;
      while (node >= 0) {
        if ((out.node < 0 || j > out.last) && accept(node)) {
          out.node = node;
          out.last = j;
          out.start = start + k;
        }
        // Next token, skipping a dash inside a name (غينيا-بيساو).
        while (j < limit && t.kind[j] === Kind.Punctuation && isDash(text.charCodeAt(t.start[j]!))) j++;
        if (j >= limit || (t.flags[j]! & FLAG_LINE_BREAK) !== 0) break;
        const token = index.vocab.find(text, t.start[j]!, t.end[j]!, -1);
        node = token < 0 ? -1 : index.trie.child(node, token);
        j++;
      }
    }
  }
  return out;
}

/**
 * Token i is على، إلى or حتى, which normalise onto علي (Ali), الي, حتي: the caller's letters tell
 * them apart — the prepositions end in alef maksura ى, the name in yeh.
 */
export function isFoldedPreposition(normalized: NormalizedText, t: TokenTable, i: number): boolean {
  const s = t.start[i]!;
  const n = t.end[i]! - s;
  const folded = (n === 3 && (t.text.startsWith('علي', s) || t.text.startsWith('الي', s))) || (n === 4 && t.text.startsWith('حتي', s));
  if (!folded) return false;
  const { start, end } = normalized.toSource(s, t.end[i]!);
  for (let k = end - 1; k >= start; k--) {
    const c = normalized.source.charCodeAt(k);
    if (c === 0x649) return true; // ALEF MAKSURA
    if (c === 0x64a) return false; // YEH
  }
  return false;
}
