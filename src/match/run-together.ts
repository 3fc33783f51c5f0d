/**
 * Words run together: a missing space glues two words into one token — before the article
 * (وزارةالدفاع، الاتحادالأوروبي), or after a letter that does not join the next one, where the gap
 * is invisible on screen (نتنياهووزير). Such a token, unknown as a whole, is split at an inner ال
 * where both halves are words the gazetteer spells names with; after a non-joining letter, where
 * a whole name is followed by an everyday word.
 */
import { allocate, FLAG_JOINED, Kind, proclitics, type TokenTable } from '../tokenize/scan.js';
import { ALEF, LAM, WAW } from '../tokenize/letters.js';

const MIN_PART = 3;

/** Letters that never join the next one: ا د ذ ر ز و (ة does not either, but it is folded to ه, which does). */
function nonJoining(c: number): boolean {
  return c === ALEF || c === 0x62f || c === 0x630 || c === 0x631 || c === 0x632 || c === WAW;
}

/** Whether `text[start, end)` is a word names are spelled with (in some vocabulary). */
export type IsNameWord = (text: string, start: number, end: number) => boolean;

/** The token's text, or one of its stems after proclitics, is a name word. */
function known(isNameWord: IsNameWord, t: TokenTable, start: number, end: number, stems: number): boolean {
  if (isNameWord(t.text, start, end)) return true;
  for (let k = 1; k < 8; k++) if (stems & (1 << k) && isNameWord(t.text, start + k, end)) return true;
  return false;
}

/**
 * The token table with run-together names split; the same table when there is nothing to split
 * (nearly always). Offsets stay those of the normalised text.
 */
export function splitRunTogether(t: TokenTable, isNameWord: IsNameWord, isEveryday: IsNameWord = () => false, isName: IsNameWord = () => false): TokenTable {
  let splits: number[] | undefined; // [token, split offset] pairs
  let probe: TokenTable | undefined;
  // After a non-joining letter: a whole name that does not start like a proclitic or the article,
  // then an everyday word, both of four letters or more (نتنياهووزير، اوروبااكثر); looser halves
  // split ordinary words (متزوجه، انسابها، بالانهار).
  const glued = (text: string, s: number, p: number, e: number): boolean =>
    p - s >= 4 && e - p >= 4 && nonJoining(text.charCodeAt(p - 1)) && isName(text, s, p) && !isEveryday(text, s, p) && isEveryday(text, p, e);
  for (let i = 0; i < t.count; i++) {
    const s = t.start[i]!;
    const e = t.end[i]!;
    if (t.kind[i] !== Kind.Word || e - s < 2 * MIN_PART || known(isNameWord, t, s, e, t.stems[i]!) || isEveryday(t.text, s, e)) continue;
    for (let p = s + MIN_PART; p <= e - MIN_PART; p++) {
      const article = p <= e - MIN_PART - 2 && t.text.charCodeAt(p) === ALEF && t.text.charCodeAt(p + 1) === LAM;
      if (article ? !isNameWord(t.text, p, e) : !glued(t.text, s, p, e)) continue;
      probe ??= allocate(t.text, 1);
      proclitics(t.text, s, p, probe, 0);
      if (article ? !known(isNameWord, t, s, p, probe.stems[0]!) : probe.stems[0] !== 0) continue;
      (splits ??= []).push(i, p);
      break;
    }
  }
  if (!splits) return t;
  const out = allocate(t.text, t.count + splits.length / 2);
  let next = 0;
  const copy = (i: number, start: number, end: number, flags: number): void => {
    const k = out.count++;
    out.start[k] = start;
    out.end[k] = end;
    out.kind[k] = t.kind[i]!;
    out.flags[k] = flags;
    if (t.kind[i] === Kind.Word) proclitics(t.text, start, end, out, k);
  };
  for (let i = 0; i < t.count; i++) {
    if (next < splits.length && splits[next] === i) {
      const p = splits[next + 1]!;
      copy(i, t.start[i]!, p, t.flags[i]!);
      copy(i, p, t.end[i]!, FLAG_JOINED);
      next += 2;
    } else copy(i, t.start[i]!, t.end[i]!, t.flags[i]!);
  }
  return out;
}
