import { describe, expectTypeOf, it } from 'vitest';
import { createExtractor, extract, Gazetteer, normalize, tokenize, type Entity, type EntityType, type Mention } from '../src/index.js';

/** The public types as a strict consumer sees them (checked by `npm run typecheck`). */
describe('public types', () => {
  it('extract returns mentions with typed fields', () => {
    expectTypeOf(extract).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(extract('')).toEqualTypeOf<Mention[]>();
    expectTypeOf<Mention['type']>().toEqualTypeOf<EntityType>();
    expectTypeOf<Mention['entity']>().toEqualTypeOf<Entity | null>();
    expectTypeOf<Mention['source']>().toEqualTypeOf<'lexicon' | 'pattern' | 'rule' | 'propagation' | 'model'>();
  });

  it('options are checked', () => {
    expectTypeOf(createExtractor).parameter(0).toMatchTypeOf<{ gazetteer?: Gazetteer; model?: boolean } | undefined>();
    // @ts-expect-error: not an entity type
    extract('', { types: ['PLACE'] });
  });

  it('entities are read-only', () => {
    expectTypeOf<Entity['variants']>().toEqualTypeOf<readonly string[]>();
    const e = {} as Entity;
    // @ts-expect-error: frozen, read-only
    e.id = 'x';
  });

  it('normalize keeps its map and tokenize takes either form', () => {
    expectTypeOf(normalize('').toSource(0, 1)).toEqualTypeOf<{ readonly start: number; readonly end: number }>();
    expectTypeOf(tokenize).parameter(0).toEqualTypeOf<string | ReturnType<typeof normalize>>();
  });
});
