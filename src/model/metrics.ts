/** Entity-level scores, conlleval style: a predicted span counts when its span and type are exact. */
import { ENTITY_TYPES, labelSpans, type EntityType } from './labels.js';

/** Precision, recall and F1 (0–1) with the counts behind them. */
export interface PRF {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly truePositives: number;
  readonly predicted: number;
  readonly gold: number;
}

/** Scores per type and micro-averaged over PER, LOC and ORG. */
export type EntityReport = Record<EntityType | 'micro', PRF>;

const prf = (tp: number, np: number, ng: number): PRF => {
  const precision = np ? tp / np : 0;
  const recall = ng ? tp / ng : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePositives: tp, predicted: np, gold: ng };
};

/**
 * Accumulates exact-span entity matches over sentences.
 *
 * @example
 * const s = new EntityScorer();
 * s.add([1, 2, 0], [1, 2, 0]); // جورج بوش قال
 * s.report().micro.f1; // 1
 */
export class EntityScorer {
  private readonly counts = new Map<string, [number, number, number]>(ENTITY_TYPES.map((t) => [t, [0, 0, 0]]));

  /** Adds one sentence: gold and predicted label codes of the same length. */
  add(gold: ArrayLike<number>, pred: ArrayLike<number>, from = 0, to = gold.length): void {
    const g = new Set(labelSpans(gold, from, to).map((s) => `${s.type}:${s.start}:${s.end}`));
    for (const s of labelSpans(pred, from, to)) {
      const c = this.counts.get(s.type)!;
      c[1]++;
      if (g.has(`${s.type}:${s.start}:${s.end}`)) c[0]++;
    }
    for (const key of g) this.counts.get(key.slice(0, 3))![2]++;
  }

  /** The scores so far. */
  report(): EntityReport {
    let tp = 0;
    let np = 0;
    let ng = 0;
    const out: Partial<Record<EntityType | 'micro', PRF>> = {};
    for (const t of ENTITY_TYPES) {
      const [a, b, c] = this.counts.get(t)!;
      out[t] = prf(a, b, c);
      tp += a;
      np += b;
      ng += c;
    }
    out.micro = prf(tp, np, ng);
    return out as EntityReport;
  }
}

/** One line per type and micro: `PER P/R/F 80.1 / 70.2 / 74.8 (gold 882)`. */
export function formatReport(r: EntityReport): string {
  const pct = (x: number): string => (100 * x).toFixed(1);
  return (['PER', 'LOC', 'ORG', 'micro'] as const)
    .map((t) => `${t.padEnd(5)} P/R/F ${pct(r[t].precision)} / ${pct(r[t].recall)} / ${pct(r[t].f1)}  (gold ${r[t].gold}, predicted ${r[t].predicted})`)
    .join('\n');
}
