import { describe } from '../errors.js';
import { ENTITY_TYPES, type EntityType } from '../types.js';

/**
 * One line of a lexicon file (`lexicons/*.jsonl`), or one entity a user adds at run time.
 * Only `id`, `type` and `name.ar` are required; see `lexicons/README.md` for every field.
 */
export interface LexiconEntry {
  readonly id: string;
  readonly type: EntityType;
  readonly subtype?: string;
  readonly name: { readonly ar: string; readonly en?: string };
  /** Spellings as written; `name.ar` is always one of them. */
  readonly variants?: readonly string[];
  /** Spellings made by the variant generator. */
  readonly generated?: readonly string[];
  /** Places: nationality adjectives (masculine singular, irregular plurals). */
  readonly demonyms?: readonly string[];
  readonly country?: string;
  readonly wikidata?: string;
  readonly geonames?: number;
  /** Variants knowingly shared with another entity. */
  readonly ambiguous?: readonly string[];
  /** Variants that are also everyday words: tagged only with contextual support. */
  readonly common?: readonly string[];
  /** 0–1: how likely this entity is meant when one of its ambiguous keys is seen. */
  readonly prior?: number;
  readonly src?: readonly string[];
  readonly seen?: readonly string[];
}

/** An error in a lexicon line: the message names `file:line`. */
export class LexiconError extends Error {
  override readonly name = 'LexiconError';
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`kashif: ${file}:${line}: ${detail}`);
  }
}

const STRING_LISTS = ['variants', 'generated', 'demonyms', 'ambiguous', 'common', 'src', 'seen'] as const;

/** Checks one parsed object against the schema; returns it typed, or throws a LexiconError. */
export function validateEntry(value: unknown, file: string, line: number): LexiconEntry {
  const fail = (detail: string): never => {
    throw new LexiconError(file, line, detail);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`expected a JSON object, got ${describe(value)}`);
  const o = value as Record<string, unknown>;
  if (typeof o.id !== 'string' || o.id === '') fail(`expected "id" to be a non-empty string, got ${describe(o.id)}`);
  if (!ENTITY_TYPES.includes(o.type as EntityType)) {
    fail(`expected "type" to be one of ${ENTITY_TYPES.join(', ')}, got ${JSON.stringify(o.type) ?? 'nothing'}`);
  }
  const name = o.name as Record<string, unknown> | undefined;
  if (typeof name !== 'object' || name === null || typeof name.ar !== 'string' || name.ar === '') {
    fail(`expected "name" to be { "ar": "…", "en": "…" } with a non-empty "ar"`);
  }
  if (name!.en !== undefined && typeof name!.en !== 'string') fail(`expected "name.en" to be a string, got ${describe(name!.en)}`);
  if (o.subtype !== undefined && typeof o.subtype !== 'string') fail(`expected "subtype" to be a string, got ${describe(o.subtype)}`);
  for (const key of STRING_LISTS) {
    const list = o[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) fail(`expected "${key}" to be an array of strings`);
  }
  for (const key of ['country', 'wikidata'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'string') fail(`expected "${key}" to be a string, got ${describe(o[key])}`);
  }
  if (o.geonames !== undefined && !Number.isInteger(o.geonames)) fail(`expected "geonames" to be an integer, got ${describe(o.geonames)}`);
  if (o.prior !== undefined && !(typeof o.prior === 'number' && o.prior >= 0 && o.prior <= 1)) {
    fail(`expected "prior" to be a number from 0 to 1, got ${describe(o.prior)}`);
  }
  return o as unknown as LexiconEntry;
}

/**
 * Parses JSON lines (blank lines ignored), each checked by `validate`, which throws a
 * {@link LexiconError} naming `file:line` for a line that is not what it should be.
 */
export function parseJsonLines<T>(jsonl: string, file: string, validate: (value: unknown, line: number) => T): T[] {
  const out: T[] = [];
  jsonl.split('\n').forEach((text, n) => {
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new LexiconError(file, n + 1, `invalid JSON (${(error as Error).message})`);
    }
    out.push(validate(value, n + 1));
  });
  return out;
}

/**
 * Parses a JSONL lexicon: one entity per line, blank lines ignored. Errors name `file:line`.
 *
 * @example
 * parseLexicon('{"id":"baku_az","type":"LOCATION","name":{"ar":"باكو","en":"Baku"}}', 'mine.jsonl');
 */
export function parseLexicon(jsonl: string, file = '<lexicon>'): LexiconEntry[] {
  if (typeof jsonl !== 'string') throw new TypeError(`kashif: parseLexicon() expects a string, but received ${describe(jsonl)}`);
  return parseJsonLines(jsonl, file, (value, line) => validateEntry(value, file, line));
}
