/**
 * Training: an averaged structured perceptron (Collins 2002) over the hashed features, first-order
 * transitions and constrained Viterbi. Deterministic for a given seed.
 */
import { FeatureExtractor, hashSlice, type FeatureConfig, MAX_FEATURES_PER_TOKEN } from './features.js';
import { NUM_LABELS } from './labels.js';
import { emissions } from './score.js';
import { viterbi, ViterbiScratch } from './viterbi.js';

const L = NUM_LABELS;

/** One training sentence: a normalised text, its token boundaries and stem masks, gold labels. */
export interface TrainingSentence {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** The tokeniser's stem masks (`TokenTable.stems`), one per token. */
  readonly stems: Uint8Array;
  /** Gold label codes (see `LABELS`). */
  readonly labels: Uint8Array;
}

/** A linear model with float weights: what training produces, before quantisation. */
export interface FloatModel {
  readonly config: FeatureConfig;
  /** `weights[row * L + label]`. */
  readonly weights: Float32Array;
  /** `transitions[prev * L + label]`, row L for the first label. */
  readonly transitions: Float64Array;
}

/** Options of {@link trainPerceptron}. */
export interface TrainOptions {
  readonly config: FeatureConfig;
  readonly epochs: number;
  /** Seed of the per-epoch shuffle (and of the `hintsFor` random source). */
  readonly seed: number;
  /**
   * Hint bytes of sentence `index` for this pass (e.g. gazetteer hits with random dropout), or
   * undefined for none. `random` is the trainer's seeded source.
   */
  readonly hintsFor?: (index: number, epoch: number, random: () => number) => Uint8Array | undefined;
  /**
   * Word dropout α (default 0): in each pass a token whose word occurs f times in the training
   * data has its identity (word and stem features) hidden with probability α / (α + f), so that
   * rare words train the features that carry unseen ones.
   */
  readonly wordDropout?: number;
  /** Called after each epoch with the averaged model so far. */
  readonly onEpoch?: (epoch: number, model: FloatModel) => void;
}

/** A seeded 32-bit random source in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trains an averaged structured perceptron. Returns the averaged model after the last epoch.
 *
 * @example
 * const model = trainPerceptron(sentences, { config, epochs: 10, seed: 1 });
 */
export function trainPerceptron(sentences: readonly TrainingSentence[], options: TrainOptions): FloatModel {
  const { config, epochs } = options;
  const rowsN = 1 << config.bits;
  const w = new Float64Array(rowsN * L);
  const u = new Float64Array(rowsN * L); // Σ c·Δ, for the average w − u/c
  const tw = new Float64Array((L + 1) * L);
  const tu = new Float64Array((L + 1) * L);
  const fx = new FeatureExtractor(config);
  const scratch = new ViterbiScratch();
  let emit = new Float64Array(0);
  let pred = new Uint8Array(0);
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
  let c = 1;

  const average = (): FloatModel => {
    const weights = new Float32Array(rowsN * L);
    for (let j = 0; j < weights.length; j++) weights[j] = w[j]! - u[j]! / c;
    const transitions = new Float64Array((L + 1) * L);
    for (let j = 0; j < transitions.length; j++) transitions[j] = tw[j]! - tu[j]! / c;
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
        pred = new Uint8Array(n * 2);
      }
      emissions(fx.rows, fx.counts, n, w, emit);
      viterbi(n, emit, tw, pred, 0, scratch);
      const gold = s.labels;
      let prevG: number = L;
      let prevP: number = L;
      for (let i = 0; i < n; i++) {
        const g = gold[i]!;
        const p = pred[i]!;
        if (g !== p) {
          const base = i * MAX_FEATURES_PER_TOKEN;
          const end = base + fx.counts[i]!;
          for (let k = base; k < end; k++) {
            const r = fx.rows[k]! * L;
            w[r + g]! += 1;
            u[r + g]! += c;
            w[r + p]! -= 1;
            u[r + p]! -= c;
          }
        }
        if (g !== p || prevG !== prevP) {
          tw[prevG * L + g]! += 1;
          tu[prevG * L + g]! += c;
          tw[prevP * L + p]! -= 1;
          tu[prevP * L + p]! -= c;
        }
        prevG = g;
        prevP = p;
      }
      c++;
    }
    options.onEpoch?.(epoch, average());
  }
  return average();
}
