/**
 * Training a linear-chain CRF over the same hashed features: stochastic gradient descent on the
 * log-likelihood with an L2 penalty (weight decay kept as one global scale, so a step touches only
 * the rows the sentence fired), forward-backward in log space over the allowed transitions.
 * Deterministic for a given seed.
 */
import { FeatureExtractor, hashSlice, MAX_FEATURES_PER_TOKEN } from './features.js';
import { allowedTransition, NUM_LABELS } from './labels.js';
import { seededRandom, type FloatModel, type TrainingSentence, type TrainOptions } from './perceptron.js';
import { emissions } from './score.js';

const L = NUM_LABELS;

/** Options of {@link trainCrf}: those of the perceptron plus the SGD settings. */
export interface CrfOptions extends TrainOptions {
  /** L2 strength per sentence, λ (default 1 / number of sentences × 1). */
  readonly l2?: number;
  /** Initial learning rate η0; η_t = η0 / (1 + t / decay). */
  readonly rate?: number;
  /** Steps (sentences) over which the rate halves (default: one epoch). */
  readonly decay?: number;
}

const logSumExp = (a: number, b: number): number => {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
};

/**
 * Trains a CRF by SGD. Returns the model after the last epoch.
 *
 * @example
 * const model = trainCrf(sentences, { config, epochs: 10, seed: 1, rate: 0.1 });
 */
export function trainCrf(sentences: readonly TrainingSentence[], options: CrfOptions): FloatModel {
  const { config, epochs } = options;
  const rowsN = 1 << config.bits;
  const v = new Float64Array(rowsN * L);
  const tv = new Float64Array((L + 1) * L);
  const allowed = new Uint8Array((L + 1) * L);
  for (let p = 0; p <= L; p++) for (let y = 0; y < L; y++) allowed[p * L + y] = allowedTransition(p === L ? -1 : p, y) ? 1 : 0;
  const fx = new FeatureExtractor(config);
  const random = seededRandom(options.seed);
  const order = Array.from(sentences, (_, i) => i);
  const wordDropout = options.wordDropout ?? 0;
  let unknownBuf = new Uint8Array(0);
  // Word frequencies, for word dropout: a word seen f times is hidden with probability α / (α + f).
  const frequency = new Map<number, number>();
  if (wordDropout > 0) {
    for (const s of sentences) {
      for (let i = 0; i < s.labels.length; i++) {
        const h = hashSlice(s.text, s.starts[i]!, s.ends[i]!);
        frequency.set(h, (frequency.get(h) ?? 0) + 1);
      }
    }
  }
  const lambda = options.l2 ?? 1 / sentences.length;
  const rate0 = options.rate ?? 0.05;
  const decay = options.decay ?? sentences.length;
  let scale = 1;
  let step = 0;
  let emit = new Float64Array(0);
  let alpha = new Float64Array(0);
  let beta = new Float64Array(0);
  const trans = new Float64Array((L + 1) * L);

  const snapshot = (): FloatModel => {
    const weights = new Float32Array(rowsN * L);
    for (let j = 0; j < weights.length; j++) weights[j] = v[j]! * scale;
    const transitions = new Float64Array((L + 1) * L);
    for (let j = 0; j < transitions.length; j++) transitions[j] = allowed[j] ? tv[j]! : 0;
    return { config, weights, transitions };
  };

  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let j = order.length - 1; j > 0; j--) {
      const k = Math.floor(random() * (j + 1));
      const t = order[j]!;
      order[j] = order[k]!;
      order[k] = t;
    }
    for (const index of order) {
      const s = sentences[index]!;
      const n = s.labels.length;
      if (n === 0) continue;
      const hints = options.hintsFor?.(index, epoch, random);
      let unknown: Uint8Array | undefined;
      if (wordDropout > 0) {
        if (unknownBuf.length < n) unknownBuf = new Uint8Array(n * 2);
        unknown = unknownBuf;
        for (let i = 0; i < n; i++) {
          const f = frequency.get(hashSlice(s.text, s.starts[i]!, s.ends[i]!)) ?? 0;
          unknown[i] = random() < wordDropout / (wordDropout + f) ? 1 : 0;
        }
      }
      fx.extract(s.text, s.starts, s.ends, 0, n, hints, s.stems, unknown);
      if (emit.length < n * L) {
        emit = new Float64Array(n * L * 2);
        alpha = new Float64Array(n * L * 2);
        beta = new Float64Array(n * L * 2);
      }
      emissions(fx.rows, fx.counts, n, v, emit);
      for (let j = 0; j < n * L; j++) emit[j]! *= scale;
      for (let j = 0; j < trans.length; j++) trans[j] = allowed[j] ? tv[j]! : -Infinity;
      // Forward.
      for (let y = 0; y < L; y++) alpha[y] = trans[L * L + y]! + emit[y]!;
      for (let i = 1; i < n; i++) {
        for (let y = 0; y < L; y++) {
          let acc = -Infinity;
          for (let p = 0; p < L; p++) acc = logSumExp(acc, alpha[(i - 1) * L + p]! + trans[p * L + y]!);
          alpha[i * L + y] = acc + emit[i * L + y]!;
        }
      }
      let logZ = -Infinity;
      for (let y = 0; y < L; y++) logZ = logSumExp(logZ, alpha[(n - 1) * L + y]!);
      // Backward.
      for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = 0;
      for (let i = n - 2; i >= 0; i--) {
        for (let p = 0; p < L; p++) {
          let acc = -Infinity;
          for (let y = 0; y < L; y++) acc = logSumExp(acc, trans[p * L + y]! + emit[(i + 1) * L + y]! + beta[(i + 1) * L + y]!);
          beta[i * L + p] = acc;
        }
      }
      // Step: decay all weights (through the scale), then add the gradient.
      const rate = rate0 / (1 + step / decay);
      step++;
      scale *= 1 - rate * lambda;
      if (scale < 1e-6) {
        for (let j = 0; j < v.length; j++) v[j]! *= scale;
        scale = 1;
      }
      const g = rate / scale;
      const gold = s.labels;
      for (let i = 0; i < n; i++) {
        const base = i * MAX_FEATURES_PER_TOKEN;
        const end = base + fx.counts[i]!;
        const gi = gold[i]!;
        for (let y = 0; y < L; y++) {
          const marginal = Math.exp(alpha[i * L + y]! + beta[i * L + y]! - logZ);
          const d = ((y === gi ? 1 : 0) - marginal) * g;
          if (d === 0) continue;
          for (let k = base; k < end; k++) v[fx.rows[k]! * L + y]! += d;
        }
        // Transitions into token i.
        if (i === 0) {
          for (let y = 0; y < L; y++) {
            if (!allowed[L * L + y]) continue;
            const marginal = Math.exp(alpha[y]! + beta[y]! - logZ);
            tv[L * L + y]! += rate * ((y === gi ? 1 : 0) - marginal);
          }
        } else {
          const gp = gold[i - 1]!;
          for (let p = 0; p < L; p++) {
            const ap = alpha[(i - 1) * L + p]!;
            if (ap === -Infinity) continue;
            for (let y = 0; y < L; y++) {
              if (!allowed[p * L + y]) continue;
              const marginal = Math.exp(ap + trans[p * L + y]! + emit[i * L + y]! + beta[i * L + y]! - logZ);
              tv[p * L + y]! += rate * ((p === gp && y === gi ? 1 : 0) - marginal);
            }
          }
        }
      }
    }
    options.onEpoch?.(epoch, snapshot());
  }
  return snapshot();
}
