/**
 * Gazetteer hints as the tagger reads them: lexicon matches over token ranges, turned into one
 * byte of bits per token. The matches come from the extractor's own lexicon matcher, at run time
 * and at training alike (scripts/train.ts), so the tagger learns the hints it will see.
 */
import { HINT_MATCH_START } from './features.js';

/** A lexicon match over tokens `start … end-1`, with the HINT_* bits of its types. */
export interface HintMatch {
  readonly start: number;
  readonly end: number;
  readonly bit: number;
}

/**
 * Hint bytes from matches. With `keep` given, each match is kept only when `keep()` returns true
 * (random dropout at training).
 */
export function hintBytes(matches: readonly HintMatch[], n: number, keep?: () => boolean, into?: Uint8Array): Uint8Array {
  const out = into ?? new Uint8Array(n);
  out.fill(0, 0, n);
  for (const m of matches) {
    if (keep && !keep()) continue;
    for (let i = m.start; i < m.end; i++) out[i]! |= m.bit;
    out[m.start]! |= HINT_MATCH_START;
  }
  return out;
}
