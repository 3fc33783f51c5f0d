import { describe } from './errors.js';
import { ENTITY_TYPES, type EntityType, type Mention } from './types.js';

/** One gold mention, as in `*.gold.jsonl` (see the annotation guidelines). */
export interface GoldMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: EntityType;
  /** The gold entity key: two mentions with the same key are the same entity. */
  readonly entity: string;
}

/** A document to score: its text, its gold mentions, and the regions not scored. */
export interface GoldDocument {
  readonly name: string;
  readonly text: string;
  readonly gold: readonly GoldMention[];
  readonly ignore: readonly (readonly [number, number])[];
}

export interface Prf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly gold: number;
  readonly predicted: number;
  readonly correct: number;
}

/** Scores of a run over gold documents. */
export interface Evaluation {
  /** Exact span and type. */
  readonly strict: Readonly<Record<EntityType | 'ALL', Prf>>;
  /** Overlapping span and same type. */
  readonly lenient: Readonly<Record<EntityType | 'ALL', Prf>>;
  /** Pairwise linking over leniently matched mentions: do two share an entity id exactly when gold says so? */
  readonly linking: Prf;
  /** Misses and spurious mentions (strict), one line each: `doc: missed TYPE «text» @offset`. */
  readonly errors: readonly string[];
  readonly documents: number;
}

/**
 * Parses a `*.gold.jsonl` file: one mention per line, or `{"ignore": [start, end]}`.
 * Throws with `name:line` on a malformed line.
 */
export function parseGold(jsonl: string, text: string, name = '<gold>'): GoldDocument {
  const gold: GoldMention[] = [];
  const ignore: (readonly [number, number])[] = [];
  jsonl.split('\n').forEach((line, n) => {
    if (line.trim() === '') return;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`kashif: ${name}:${n + 1}: invalid JSON (${(error as Error).message})`);
    }
    if (Array.isArray(o.ignore)) {
      ignore.push([Number(o.ignore[0]), Number(o.ignore[1])]);
      return;
    }
    if (typeof o.start !== 'number' || typeof o.end !== 'number' || !ENTITY_TYPES.includes(o.type as EntityType)) {
      throw new Error(`kashif: ${name}:${n + 1}: expected {start, end, text, type, entity}, got ${describe(o)}`);
    }
    gold.push({ start: o.start, end: o.end, text: String(o.text ?? ''), type: o.type as EntityType, entity: String(o.entity ?? '') });
  });
  return { name, text, gold, ignore };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

function prf(correct: number, predicted: number, gold: number): Prf {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, predicted, correct };
}

/**
 * Scores an extractor against gold documents, as `../shared/tools/score.mjs` does: strict and
 * lenient P/R/F per type, and pairwise linking.
 *
 * @example
 * const doc = parseGold('{"start":0,"end":4,"text":"باكو","type":"LOCATION","entity":"baku"}', 'باكو مدينة');
 * evaluate([doc], extract).strict.ALL.f1; // 1
 */
export function evaluate(documents: readonly GoldDocument[], extractFn: (text: string) => readonly Mention[]): Evaluation {
  const keys = [...ENTITY_TYPES, 'ALL'] as const;
  const counts = {
    strict: Object.fromEntries(keys.map((k) => [k, { c: 0, p: 0, g: 0 }])),
    lenient: Object.fromEntries(keys.map((k) => [k, { c: 0, p: 0, g: 0 }])),
  } as Record<'strict' | 'lenient', Record<string, { c: number; p: number; g: number }>>;
  const linked: (readonly [string, string | null])[] = [];
  const errors: string[] = [];
  for (const doc of documents) {
    const ignored = doc.ignore.map(([start, end]) => ({ start, end }));
    const pred = extractFn(doc.text).filter((m) => !ignored.some((r) => overlaps(r, m)));
    for (const mode of ['strict', 'lenient'] as const) {
      const used = new Set<number>();
      const matchOf = new Map<GoldMention, Mention>();
      for (const g of doc.gold) {
        const j = pred.findIndex(
          (p, i) => !used.has(i) && p.type === g.type && (mode === 'strict' ? p.start === g.start && p.end === g.end : overlaps(p, g)),
        );
        if (j >= 0) {
          used.add(j);
          matchOf.set(g, pred[j]!);
        }
      }
      for (const k of keys) {
        const inK = (x: { type: EntityType }): boolean => k === 'ALL' || x.type === k;
        const c = counts[mode][k]!;
        c.g += doc.gold.filter(inK).length;
        c.p += pred.filter(inK).length;
        c.c += doc.gold.filter((g) => inK(g) && matchOf.has(g)).length;
      }
      if (mode === 'lenient') for (const [g, p] of matchOf) linked.push([g.entity, p.entity?.id ?? null]);
      if (mode === 'strict') {
        for (const g of doc.gold) if (!matchOf.has(g)) errors.push(`${doc.name}: missed ${g.type} «${g.text}» @${g.start}`);
        const hit = new Set(matchOf.values());
        for (const p of pred) if (!hit.has(p)) errors.push(`${doc.name}: spurious ${p.type} «${p.text}» @${p.start}`);
      }
    }
  }
  let both = 0;
  let samePred = 0;
  let sameGold = 0;
  for (let i = 0; i < linked.length; i++) {
    for (let j = i + 1; j < linked.length; j++) {
      const g = linked[i]![0] === linked[j]![0];
      const p = linked[i]![1] !== null && linked[i]![1] === linked[j]![1];
      if (g) sameGold++;
      if (p) samePred++;
      if (g && p) both++;
    }
  }
  const table = (mode: 'strict' | 'lenient'): Record<EntityType | 'ALL', Prf> =>
    Object.fromEntries(keys.map((k) => [k, prf(counts[mode][k]!.c, counts[mode][k]!.p, counts[mode][k]!.g)])) as Record<EntityType | 'ALL', Prf>;
  return { strict: table('strict'), lenient: table('lenient'), linking: prf(both, samePred, sameGold), errors, documents: documents.length };
}
