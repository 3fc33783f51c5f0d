import { assertString } from '../errors.js';
import type { NormalizedText } from '../normalize/index.js';
import { KIND_NAMES, scan } from './scan.js';

/** What a token is: Arabic-script word, Latin-script word, number, punctuation, symbol, URL, #hashtag or @handle. */
export type TokenKind = (typeof KIND_NAMES)[number];

/** A token with its offsets into the string that was tokenised. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: TokenKind;
  /**
   * Offsets where a stem may start after proclitics (و ف, ب ك ل and their combinations, the
   * article ال), ascending. Only candidates: the tokeniser does not decide that a clitic is one
   * (والي، بلال، فلسطين are words); the matcher accepts a split only when the stem is a known name.
   */
  readonly stemStarts: readonly number[];
  /**
   * Where ل + ال met and the article's alef was dropped (للأمم): the offset of the article's ل.
   * A stem read from here is the article plus the rest (الأمم). Absent otherwise.
   */
  readonly elidedArticle?: number;
}

/**
 * Splits text into tokens with offsets. Arabic punctuation (، ؛ ؟ « » “ ”) splits tokens; URLs,
 * #hashtags and @handles are single tokens; a change between Arabic and Latin script splits a
 * word (لـCNN → ل، CNN). Given a {@link NormalizedText}, the offsets index its `text`
 * (map them back with `toSource`).
 *
 * @example
 * tokenize('وقالت الخارجية، #كاراباخ').map((t) => [t.text, t.kind]);
 * // [['وقالت','word'], ['الخارجية','word'], ['،','punctuation'], ['#كاراباخ','hashtag']]
 */
export function tokenize(input: string | NormalizedText): Token[] {
  const text = typeof input === 'object' && input !== null && typeof input.text === 'string' ? input.text : input;
  assertString(text, 'tokenize()');
  const table = scan(text);
  const tokens: Token[] = [];
  for (let i = 0; i < table.count; i++) {
    const start = table.start[i]!;
    const end = table.end[i]!;
    const mask = table.stems[i]!;
    const stemStarts: number[] = [];
    for (let k = 1; k < 8; k++) if (mask & (1 << k)) stemStarts.push(start + k);
    const elided = table.elided[i]!;
    tokens.push({
      start,
      end,
      text: text.slice(start, end),
      kind: KIND_NAMES[table.kind[i]!]!,
      stemStarts,
      ...(elided > 0 ? { elidedArticle: start + elided } : {}),
    });
  }
  return tokens;
}
