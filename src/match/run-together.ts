/**
 * Words run together: a missing space before the article glues two words of a name into one
 * token (وزارةالدفاع، الاتحادالأوروبي). Such a token, unknown as a whole, is split at an inner ال
 * where both halves are words the gazetteer spells names with.
 */
import { allocate, FLAG_JOINED, Kind, proclitics, type TokenTable } from '../tokenize/scan.js';
import { ALEF, LAM } from '../tokenize/letters.js';

const MIN_PART = 3;

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
export function splitRunTogether(t: TokenTable, isNameWord: IsNameWord): TokenTable {
  let splits: number[] | undefined; // [token, split offset] pairs
  for (let i = 0; i < t.count; i++) {
    const s = t.start[i]!;
    const e = t.end[i]!;
    if (t.kind[i] !== Kind.Word || e - s < 2 * MIN_PART + 2 || known(isNameWord, t, s, e, t.stems[i]!)) continue;
    for (let p = s + MIN_PART; p <= e - MIN_PART - 2; p++) {
      if (t.text.charCodeAt(p) !== ALEF || t.text.charCodeAt(p + 1) !== LAM) continue;
      if (!isNameWord(t.text, p, e)) continue;
      const probe = allocate(t.text, 1);
      proclitics(t.text, s, p, probe, 0);
      if (!known(isNameWord, t, s, p, probe.stems[0]!)) continue;
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
