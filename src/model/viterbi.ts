/**
 * First-order Viterbi decoding over the BIO labels, with I-X allowed only after B-X or I-X (and
 * never first).
 */
import { allowedTransition, LABEL_O, NUM_LABELS } from './labels.js';

const L = NUM_LABELS;

/** For each label, the labels that may precede it (built once). */
const PREDECESSORS: readonly Int8Array[] = Array.from({ length: L }, (_, cur) =>
  Int8Array.from(Array.from({ length: L }, (_, p) => p).filter((p) => allowedTransition(p, cur))),
);
const MAY_START: readonly boolean[] = Array.from({ length: L }, (_, cur) => allowedTransition(-1, cur));
/** For each label, the labels that may follow it. */
const SUCCESSORS: readonly Int8Array[] = Array.from({ length: L }, (_, prev) =>
  Int8Array.from(Array.from({ length: L }, (_, c) => c).filter((c) => allowedTransition(prev, c))),
);
/** Scratch of {@link nameGaps}: emission plus backward score of each label at the next token. */
const AHEAD = new Float64Array(L);

/** Scratch buffers of {@link viterbi}; reuse one per caller to decode without allocating. */
export class ViterbiScratch {
  delta = new Float64Array(0);
  back = new Uint8Array(0);
  /** Backward scores of {@link nameGaps}. */
  beta = new Float64Array(0);

  ensure(n: number): void {
    if (this.back.length >= n * L) return;
    const cap = Math.max(n, 64, (this.back.length / L) * 2) * L;
    this.delta = new Float64Array(cap);
    this.back = new Uint8Array(cap);
  }
}

/**
 * Best label sequence for `n` tokens.
 *
 * - `emit[i * L + y]`: score of label y at token i;
 * - `trans[p * L + y]`: score of label y after label p; row `L` (`trans[L * L + y]`) scores the first label;
 * - writes the labels to `out[outFrom + i]`.
 *
 * @example
 * // two tokens, all scores 0 but "B-PER then I-PER" favoured
 * viterbi(2, emit, trans, out, 0, new ViterbiScratch());
 */
export function viterbi(
  n: number,
  emit: Float64Array,
  trans: Float64Array,
  out: Uint8Array,
  outFrom: number,
  scratch: ViterbiScratch,
): void {
  if (n <= 0) return;
  scratch.ensure(n);
  const delta = scratch.delta;
  const back = scratch.back;
  const startRow = L * L;
  for (let y = 0; y < L; y++) delta[y] = MAY_START[y] ? emit[y]! + trans[startRow + y]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    const cur = i * L;
    for (let y = 0; y < L; y++) {
      const preds = PREDECESSORS[y]!;
      let best = -Infinity;
      let arg = 0;
      for (let q = 0; q < preds.length; q++) {
        const p = preds[q]!;
        const v = delta[prev + p]! + trans[p * L + y]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[cur + y] = best + emit[cur + y]!;
      back[cur + y] = arg;
    }
  }
  const last = (n - 1) * L;
  let y = 0;
  let best = -Infinity;
  for (let k = 0; k < L; k++) {
    if (delta[last + k]! > best) {
      best = delta[last + k]!;
      y = k;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[outFrom + i] = y;
    y = back[i * L + y]!;
  }
}

/**
 * How sure the decoding just made by {@link viterbi} (same `n`, `emit`, `trans` and `scratch`) is
 * that each token belongs to a name: `gap[outFrom + i]` = the best sequence's score minus the best
 * score of any sequence that labels token i `O` (0 where the best sequence does). Exact
 * max-marginals, from one backward pass; allocates nothing once the scratch has grown.
 */
export function nameGaps(n: number, emit: Float64Array, trans: Float64Array, gap: Float32Array, outFrom: number, scratch: ViterbiScratch): void {
  if (n <= 0) return;
  const delta = scratch.delta;
  if (scratch.beta.length < n * L) scratch.beta = new Float64Array(scratch.delta.length);
  const beta = scratch.beta;
  const ahead = AHEAD;
  const last = (n - 1) * L;
  let best = -Infinity;
  for (let y = 0; y < L; y++) {
    beta[last + y] = 0;
    if (delta[last + y]! > best) best = delta[last + y]!;
  }
  for (let i = n - 2; i >= 0; i--) {
    const cur = i * L;
    const next = cur + L;
    for (let z = 0; z < L; z++) ahead[z] = emit[next + z]! + beta[next + z]!;
    for (let y = 0; y < L; y++) {
      const succ = SUCCESSORS[y]!;
      let b = -Infinity;
      for (let q = 0; q < succ.length; q++) {
        const z = succ[q]!;
        const v = trans[y * L + z]! + ahead[z]!;
        if (v > b) b = v;
      }
      beta[cur + y] = b;
    }
  }
  for (let i = 0; i < n; i++) gap[outFrom + i] = best - (delta[i * L + LABEL_O]! + beta[i * L + LABEL_O]!);
}
