import { franc } from 'franc';
import { assertString } from '../errors.js';
import { FLAG_LINE_BREAK, Kind, scan, type TokenTable } from './scan.js';

/** A stretch of text that is not Arabic prose: a tweet in English or Azerbaijani, a run of hashtags. */
export interface LanguageSegment {
  readonly start: number;
  readonly end: number;
  /**
   * ISO 639-3 code of the stretch's language as franc detects it (`eng`, `azj`, `fra`, `tur`…),
   * or `und` where the stretch is too short to tell or is only hashtags, handles and links.
   */
  readonly lang: string;
}

/** Languages a foreign stretch inside Arabic news is usually in (franc's guesses are restricted to these). */
const LIKELY_LANGUAGES = [
  'eng', 'fra', 'spa', 'deu', 'ita', 'por', 'nld', 'tur', 'azj', 'rus', 'ukr', 'hye', 'fas', 'heb', 'ind', 'swh',
];

const LOWER_START = /^\p{Ll}/u;

/**
 * Finds the stretches of a token table that are not Arabic prose. A stretch is a run of
 * non-Arabic tokens on one line, between Arabic words; it counts as foreign when it holds two or
 * more #hashtags, or three or more Latin-script words of which one starts in lower case (a
 * sentence, not a name like `Recep Tayyip Erdogan` or `CNN`).
 */
export function foreignSegments(t: TokenTable): LanguageSegment[] {
  const out: LanguageSegment[] = [];
  const { text } = t;
  let i = 0;
  while (i < t.count) {
    if (t.kind[i] === Kind.Word) {
      i++;
      continue;
    }
    // A run of non-Arabic tokens on one line.
    let j = i;
    let latin = 0;
    let lower = 0;
    let hashtags = 0;
    let links = 0;
    let first = -1;
    let last = -1;
    while (j < t.count && t.kind[j] !== Kind.Word && (j === i || (t.flags[j]! & FLAG_LINE_BREAK) === 0)) {
      const kind = t.kind[j]!;
      if (kind === Kind.Latin) {
        latin++;
        if (LOWER_START.test(text.slice(t.start[j]!, t.start[j]! + 1))) lower++;
      } else if (kind === Kind.Hashtag) hashtags++;
      else if (kind === Kind.Url || kind === Kind.Mention) links++;
      if (kind === Kind.Latin || kind === Kind.Hashtag || kind === Kind.Url || kind === Kind.Mention) {
        if (first < 0) first = j;
        last = j;
      }
      j++;
    }
    if (first >= 0 && (hashtags >= 2 || (latin >= 3 && lower >= 1) || (links >= 1 && latin >= 2))) {
      const start = t.start[first]!;
      const end = t.end[last]!;
      const words = [];
      for (let k = first; k <= last; k++) if (t.kind[k] === Kind.Latin) words.push(text.slice(t.start[k]!, t.end[k]!));
      const lang = latin >= 3 ? franc(words.join(' '), { minLength: 10, only: LIKELY_LANGUAGES }) : 'und';
      out.push({ start, end, lang });
    }
    i = j;
  }
  return out;
}

/**
 * Marks the stretches of `text` that are not Arabic prose, so an extractor can leave them alone:
 * English or Azerbaijani tweets embedded in an article, runs of hashtags. Latin names inside
 * Arabic sentences (CNN، TRT) are not stretches. The `lang` label comes from franc and is
 * advisory on short strings: on our test sentences it is right for 3 of 6 three-word fragments
 * (Azerbaijani read as Italian), 5 of 6 at five words, 6 of 6 from six words on. The stretch
 * boundaries never depend on the label.
 *
 * @example
 * languageSegments('قال المتحدث: Russian troops have withdrawn from the region today. ثم غادر');
 * // [{ start: 13, end: 62, lang: 'eng' }]
 */
export function languageSegments(text: string): LanguageSegment[] {
  assertString(text, 'languageSegments()');
  return foreignSegments(scan(text));
}
