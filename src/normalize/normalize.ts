import { assertString } from '../errors.js';
import { compiledProfile, DROP_CONTROL, DROP_MARK, profileKey, type NormalizeOptions } from './char-map.js';

/** A span of UTF-16 offsets, `end` exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The result of {@link normalize}: the caller's string, the matchable text, and the exact map
 * between them.
 */
export interface NormalizedText {
  /** The caller's string, untouched. */
  readonly source: string;
  /** The normalised text. */
  readonly text: string;
  /**
   * Maps a span of `text` to the span of `source` it came from, in O(1). Marks and tatweel
   * removed after a letter belong to that letter; invisible controls belong to no letter, so a
   * span never starts or ends on one. Offsets are clamped to `[0, text.length]`.
   */
  toSource(start: number, end: number): Span;
}

/** Per output character, where it came from in the source (start inclusive, end exclusive). */
interface OffsetArrays {
  readonly sourceStart: Int32Array;
  readonly sourceEnd: Int32Array;
}

class Normalized implements NormalizedText {
  constructor(
    readonly source: string,
    readonly text: string,
    /** @internal */ readonly offsets: OffsetArrays | null, // null: text === source, identity map
  ) {}

  toSource(start: number, end: number): Span {
    const n = this.text.length;
    let s = clampOffset(start, n);
    let e = clampOffset(end, n);
    if (e < s) [s, e] = [e, s];
    if (!this.offsets) return { start: s, end: e };
    const a = s < n ? this.offsets.sourceStart[s]! : this.source.length;
    if (s === e) return { start: a, end: a };
    return { start: a, end: this.offsets.sourceEnd[e - 1]! };
  }
}

function clampOffset(x: number, n: number): number {
  if (!(x > 0)) return 0; // also NaN
  if (x >= n) return n;
  return Math.floor(x);
}

const CHUNK = 8192;
let decoder: InstanceType<typeof TextDecoder> | undefined;

/** Builds a string from UTF-16 code units, keeping lone surrogates as they are. */
function fromCodeUnits(units: Uint16Array, wellFormed: boolean): string {
  if (wellFormed && typeof TextDecoder !== 'undefined') {
    decoder ??= new TextDecoder('utf-16le', { ignoreBOM: true });
    return decoder.decode(units);
  }
  let out = '';
  for (let i = 0; i < units.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Normalises Arabic text for matching and keeps an exact map back to the caller's string.
 *
 * The default profile removes tashkeel, tatweel, Quranic marks and invisible bidi/zero-width
 * controls; folds أ إ آ ٱ → ا, ى → ي, ة → ه, Persian letters and presentation forms; and turns
 * Arabic-Indic digits into ASCII. Each rule can be switched off in `options`.
 * Never throws on a string (lone surrogates pass through unchanged).
 *
 * @example
 * const n = normalize('قالت الخارجيّة الأذربيجانيـة');
 * n.text;              // 'قالت الخارجيه الاذربيجانيه'
 * n.toSource(5, 13);   // { start: 5, end: 14 }: 'الخارجيّة' with its shadda
 */
export function normalize(input: string, options?: NormalizeOptions): NormalizedText {
  assertString(input, 'normalize()');
  const { table, expansions } = compiledProfile(profileKey(options));
  const n = input.length;
  let capacity = n;
  let units: Uint16Array = new Uint16Array(capacity);
  let sourceStart: Int32Array = new Int32Array(capacity);
  let sourceEnd: Int32Array = new Int32Array(capacity);
  let k = 0;
  let changed = 0;
  let surrogates = false;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    const m = table[c]!;
    if (m >= 0) {
      if (k === capacity) {
        capacity = capacity * 2 + 16;
        ({ units, sourceStart, sourceEnd } = grow(units, sourceStart, sourceEnd, capacity));
      }
      units[k] = m;
      sourceStart[k] = i;
      sourceEnd[k] = i + 1;
      k++;
      changed |= m ^ c;
      if ((m & 0xf800) === 0xd800) surrogates = true;
    } else if (m === DROP_MARK) {
      if (k > 0) sourceEnd[k - 1] = i + 1;
      changed = 1;
    } else if (m === DROP_CONTROL) {
      changed = 1;
    } else {
      const out = expansions.get(c)!;
      if (k + out.length > capacity) {
        capacity = capacity * 2 + out.length + 16;
        ({ units, sourceStart, sourceEnd } = grow(units, sourceStart, sourceEnd, capacity));
      }
      for (let j = 0; j < out.length; j++) {
        units[k] = out.charCodeAt(j);
        sourceStart[k] = i;
        sourceEnd[k] = i + 1;
        k++;
      }
      changed = 1;
    }
  }
  if (changed === 0) return new Normalized(input, input, null);
  const wellFormed = !surrogates || !LONE_SURROGATE.test(input);
  const text = fromCodeUnits(units.subarray(0, k), wellFormed);
  return new Normalized(input, text, { sourceStart, sourceEnd });
}

function grow(
  units: Uint16Array,
  sourceStart: Int32Array,
  sourceEnd: Int32Array,
  capacity: number,
): { units: Uint16Array; sourceStart: Int32Array; sourceEnd: Int32Array } {
  const u = new Uint16Array(capacity);
  u.set(units);
  const s = new Int32Array(capacity);
  s.set(sourceStart);
  const e = new Int32Array(capacity);
  e.set(sourceEnd);
  return { units: u, sourceStart: s, sourceEnd: e };
}
