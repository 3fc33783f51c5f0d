import type { Entity, EntityType, MentionSource } from '../types.js';

/**
 * A candidate mention over the normalised text, before resolution. Offsets are into the
 * normalised text (`start` is after any proclitic); tokens are indices into the token table.
 */
export interface Span {
  /** First token (the one that may carry a proclitic). */
  readonly first: number;
  /** Token just past the last one. */
  readonly last: number;
  readonly start: number;
  readonly end: number;
  type: EntityType;
  entity: Entity | null;
  /** Every entity the spelling may name (ambiguous keys), with the lexicon's prior, best first. */
  alternatives: readonly Alternative[];
  score: number;
  readonly source: MentionSource;
  /** The spelling is also an everyday word: kept only with contextual support. */
  needsSupport: boolean;
  /** Institution pattern id (`ministry_of_defence`) when a pattern found it but could not link it yet. */
  institution?: string;
}

export interface Alternative {
  readonly entity: Entity;
  readonly prior: number;
}

/** Rank of a source when two candidates cover the same tokens (lower wins): curated knowledge first. */
export const SOURCE_RANK: Readonly<Record<MentionSource, number>> = {
  lexicon: 0,
  pattern: 1,
  rule: 2,
  propagation: 3,
  model: 4,
};
