/**
 * Gazetteer hints for training and evaluation: lexicon variants matched as token n-grams over a
 * normalised sentence, the first token matched whole or through one of its proclitic stems
 * (بالقاهرة → القاهرة). The extractor computes the same bits from its own matcher at run time;
 * this matcher exists so that training sees hints of the same kind.
 */
import { normalize } from '../normalize/index.js';
import { scan } from '../tokenize/scan.js';
import { HINT_LOCATION, HINT_MATCH_START, HINT_ORGANIZATION, HINT_PERSON } from './features.js';

/** The lexicon fields the matcher reads (a line of `lexicons/*.jsonl`). */
export interface HintEntry {
  readonly type: string;
  readonly variants?: readonly string[];
  readonly generated?: readonly string[];
  /** Variants that are everyday words: not matched. */
  readonly common?: readonly string[];
}

/** A lexicon match over tokens `start … end-1`. */
export interface HintMatch {
  readonly start: number;
  readonly end: number;
  /** HINT_PERSON, HINT_LOCATION or HINT_ORGANIZATION. */
  readonly bit: number;
}

const TYPE_BITS: Record<string, number> = {
  PERSON: HINT_PERSON,
  LOCATION: HINT_LOCATION,
  ORGANIZATION: HINT_ORGANIZATION,
};

/** Normalised tokens of a phrase, as the tokeniser splits it. */
function phraseTokens(phrase: string): string[] {
  const text = normalize(phrase).text;
  const t = scan(text);
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) out.push(text.slice(t.start[i], t.end[i]));
  return out;
}

/**
 * Matches lexicon variants over sentences.
 *
 * @example
 * const m = new HintMatcher([{ type: 'LOCATION', variants: ['القاهرة'] }]);
 * m.match(['زار', 'بالقاهره'], [0, 0b100]); // [{ start: 1, end: 2, bit: HINT_LOCATION }]
 */
export class HintMatcher {
  /** First token → the variants (token arrays with type bit) starting with it. */
  private readonly index = new Map<string, { rest: string[]; bit: number }[]>();
  /** Number of distinct (variant, type) pairs indexed. */
  readonly size: number;

  constructor(entries: Iterable<HintEntry>) {
    const seen = new Set<string>();
    for (const e of entries) {
      const bit = TYPE_BITS[e.type];
      if (bit === undefined) continue;
      const common = new Set((e.common ?? []).map((v) => normalize(v).text));
      for (const v of [...(e.variants ?? []), ...(e.generated ?? [])]) {
        const toks = phraseTokens(v);
        const key = toks.join(' ');
        if (toks.length === 0 || common.has(key) || key.length < 2) continue;
        const id = `${bit}\u0000${key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const [first, ...rest] = toks as [string, ...string[]];
        let list = this.index.get(first);
        if (!list) this.index.set(first, (list = []));
        list.push({ rest, bit });
      }
    }
    this.size = seen.size;
  }

  /**
   * Every match in a sentence of normalised tokens. `stems[i]` is the token's stem mask (bit k:
   * a stem starts k characters in); the first token of a match may match through a stem, and
   * also with ال restored after لل.
   */
  match(tokens: readonly string[], stems: ArrayLike<number>): HintMatch[] {
    const out: HintMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      const forms = [tok];
      const mask = stems[i] ?? 0;
      for (let k = 1; k < 8; k++) {
        if (!(mask & (1 << k))) continue;
        const stem = tok.slice(k);
        forms.push(stem);
        if (k >= 2 && tok[k - 1] === 'ل' && tok[k - 2] === 'ل') forms.push(`ال${stem}`);
      }
      for (const form of forms) {
        const list = this.index.get(form);
        if (!list) continue;
        for (const { rest, bit } of list) {
          if (i + rest.length >= tokens.length) continue;
          let ok = true;
          for (let r = 0; r < rest.length; r++) {
            if (tokens[i + 1 + r] !== rest[r]) {
              ok = false;
              break;
            }
          }
          if (ok) out.push({ start: i, end: i + 1 + rest.length, bit });
        }
      }
    }
    return out;
  }
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
