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
  /**
   * Step size: 'perceptron' (default) adds ±1 per wrong token; 'pa' takes the passive-aggressive
   * step (1-best MIRA), the smallest that makes the gold sequence win by its Hamming loss, capped at `C`.
   */
  readonly update?: 'perceptron' | 'pa';
  /** Cap of the passive-aggressive step (default 1). */
  readonly C?: number;
  /** Cost-augmented decoding at training: this much is added to every non-gold label's score (default 0). */
  readonly cost?: number;
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
  const pa = options.update === 'pa';
  const capC = options.C ?? 1;
  const cost = options.cost ?? 0;

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
      const gold = s.labels;
      if (cost !== 0) for (let i = 0; i < n; i++) for (let y = 0; y < L; y++) if (y !== gold[i]) emit[i * L + y]! += cost;
      viterbi(n, emit, tw, pred, 0, scratch);
      let step = 1;
      if (pa) {
        // Margin of the prediction over gold (raw scores), Hamming loss, and |Δφ|².
        let loss = 0;
        let margin = 0;
        let norm = 0;
        let pg: number = L;
        let pp: number = L;
        for (let i = 0; i < n; i++) {
          const g = gold[i]!;
          const p = pred[i]!;
          if (g !== p) {
            loss++;
            margin += emit[i * L + p]! - cost - emit[i * L + g]!;
            norm += 2 * fx.counts[i]!;
          }
          if (g !== p || pg !== pp) {
            margin += tw[pp * L + p]! - tw[pg * L + g]!;
            norm += 2;
          }
          pg = g;
          pp = p;
        }
        if (loss === 0) {
          c++;
          continue;
        }
        step = Math.min(capC, Math.max(0, (loss + margin) / norm));
      }
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
            w[r + g]! += step;
            u[r + g]! += c * step;
            w[r + p]! -= step;
            u[r + p]! -= c * step;
          }
        }
        if (g !== p || prevG !== prevP) {
          tw[prevG * L + g]! += step;
          tu[prevG * L + g]! += c * step;
          tw[prevP * L + p]! -= step;
          tu[prevP * L + p]! -= c * step;
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
