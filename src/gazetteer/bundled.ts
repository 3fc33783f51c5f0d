import commonWords from '../../lexicons/common-words.txt';
import functionWords from '../../lexicons/function-words.txt';
import institutions from '../../lexicons/institutions.jsonl';
import locations from '../../lexicons/locations.jsonl';
import organizations from '../../lexicons/organizations.jsonl';
import persons from '../../lexicons/persons.jsonl';
import prebuiltIndex from 'kashif:prebuilt-index';
import triggers from '../../lexicons/triggers.jsonl';

/** The lexicons shipped with the package, embedded at build time (file name, JSONL text). */
export const BUNDLED_LEXICONS: readonly (readonly [string, string])[] = [
  ['locations.jsonl', locations],
  ['persons.jsonl', persons],
  ['organizations.jsonl', organizations],
];

/**
 * The index of the bundled lexicons, built with the package (base64 of `indexToBytes`), or
 * `null` where the sources run unbuilt (tests, scripts): then it is built at load.
 */
export const BUNDLED_INDEX: string | null = prebuiltIndex;

/** The national-institution patterns shipped with the package. */
export const BUNDLED_INSTITUTIONS: readonly [string, string] = ['institutions.jsonl', institutions];

/** The trigger words of the context rules. */
export const BUNDLED_TRIGGERS: readonly [string, string] = ['triggers.jsonl', triggers];

/** Arabic function words, as written, one per line (`#` comments): never names on their own. */
export const BUNDLED_FUNCTION_WORDS: string = functionWords;

/** Everyday Arabic words, normalised, one per line (from the annotated corpora: see NOTICE). */
export const BUNDLED_COMMON_WORDS: string = commonWords;
