/** The three kinds of named entity kashif finds. */
export type EntityType = 'PERSON' | 'LOCATION' | 'ORGANIZATION';

export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'LOCATION', 'ORGANIZATION'];

/** A real-world entity as the gazetteer knows it. Frozen: safe to share and compare by `id`. */
export interface Entity {
  /** Stable key, ours: lower-case snake_case of the English name (`nikol_pashinyan`, `baku_az`). */
  readonly id: string;
  readonly type: EntityType;
  /** `country`, `city`, `ministry`, `head of state`… */
  readonly subtype: string;
  readonly name: { readonly ar: string; readonly en: string };
  /** The attested spellings, as written. */
  readonly variants: readonly string[];
  /** ISO 3166-1 alpha-2 of the country the entity belongs to, where known. */
  readonly country?: string;
  /** Wikidata QID, where a data source gives it. */
  readonly wikidata?: string;
  /** GeoNames id, where a data source gives it. */
  readonly geonames?: number;
}

/** How a mention was found. */
export type MentionSource = 'lexicon' | 'pattern' | 'rule' | 'propagation' | 'model';

/** One entity mention in the caller's text. */
export interface Mention {
  /** UTF-16 offset of the first code unit, into the caller's string. */
  readonly start: number;
  /** UTF-16 offset just past the last code unit (exclusive). */
  readonly end: number;
  /** Always `input.slice(start, end)`. */
  readonly text: string;
  readonly type: EntityType;
  /** The linked entity, or `null` when the mention was found but could not be linked. */
  readonly entity: Entity | null;
  /** Confidence, 0–1. */
  readonly score: number;
  readonly source: MentionSource;
}
