/**
 * The tagger's label set: BIO over PER, LOC and ORG, in a fixed order (the order is part of the
 * model file format).
 */

/** Label names, indexed by label code. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'] as const;

/** A label name. */
export type Label = (typeof LABELS)[number];

/** Number of labels. */
export const NUM_LABELS = LABELS.length;

/** Label code of O. */
export const LABEL_O = 0;

/** Entity types in label order: code 2t+1 is B-type, 2t+2 is I-type. */
export const ENTITY_TYPES = ['PER', 'LOC', 'ORG'] as const;

/** An entity type of the tagger. */
export type EntityType = (typeof ENTITY_TYPES)[number];

/** True for I-X codes. */
export const isInside = (y: number): boolean => y > 0 && (y & 1) === 0;

/**
 * Whether label `cur` may follow label `prev` (`prev` = -1 at the start of a sequence): I-X only
 * after B-X or I-X.
 */
export function allowedTransition(prev: number, cur: number): boolean {
  if (!isInside(cur)) return true;
  return prev === cur || prev === cur - 1;
}

/** Label code of a label name, or -1. */
export function labelCode(name: string): number {
  return (LABELS as readonly string[]).indexOf(name);
}

/** A half-open token span with its type. */
export interface TokenSpan {
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
}

/**
 * Entity spans of a label-code sequence, conlleval style: a span starts at B-X, or at an I-X that
 * does not continue a span of type X, and runs over the I-X after it.
 *
 * @example
 * labelSpans([0, 1, 2, 0, 3]); // [{type:'PER',start:1,end:3}, {type:'LOC',start:4,end:5}]
 */
export function labelSpans(codes: ArrayLike<number>, from = 0, to = codes.length): TokenSpan[] {
  const out: TokenSpan[] = [];
  let type = -1;
  let start = 0;
  for (let i = from; i <= to; i++) {
    const y = i < to ? codes[i]! : 0;
    const t = y === 0 ? -1 : (y - 1) >> 1;
    const continues = isInside(y) && t === type;
    if (type >= 0 && !continues) {
      out.push({ type: ENTITY_TYPES[type]!, start: start - from, end: i - from });
      type = -1;
    }
    if (y !== 0 && !continues) {
      type = t;
      start = i;
    }
  }
  return out;
}
