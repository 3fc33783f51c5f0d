/** Emission scores: the sum of each fired row's weights, per label. */
import { MAX_FEATURES_PER_TOKEN } from './features.js';
import { NUM_LABELS } from './labels.js';

const L = NUM_LABELS;

/**
 * Writes `emit[i * L + y]` = Σ weights[row * L + y] over the rows token i fired, for `n` tokens.
 * Seven labels, unrolled: one cache line per row.
 */
export function emissions(
  rows: Int32Array,
  counts: Uint8Array,
  n: number,
  weights: Float32Array | Float64Array | Int16Array | Int8Array,
  emit: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const base = i * MAX_FEATURES_PER_TOKEN;
    const end = base + counts[i]!;
    let e0 = 0;
    let e1 = 0;
    let e2 = 0;
    let e3 = 0;
    let e4 = 0;
    let e5 = 0;
    let e6 = 0;
    for (let k = base; k < end; k++) {
      const r = rows[k]! * L;
      e0 += weights[r]!;
      e1 += weights[r + 1]!;
      e2 += weights[r + 2]!;
      e3 += weights[r + 3]!;
      e4 += weights[r + 4]!;
      e5 += weights[r + 5]!;
      e6 += weights[r + 6]!;
    }
    const o = i * L;
    emit[o] = e0;
    emit[o + 1] = e1;
    emit[o + 2] = e2;
    emit[o + 3] = e3;
    emit[o + 4] = e4;
    emit[o + 5] = e5;
    emit[o + 6] = e6;
  }
}
