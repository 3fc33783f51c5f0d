import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLexicon, type LexiconEntry } from '../src/gazetteer/index.js';
import { parseInstitutions } from '../src/match/institutions.js';
import { parseTriggers } from '../src/match/rules.js';
import { normalize } from '../src/normalize/index.js';

/**
 * Every line of every shipped lexicon, checked as data: it parses, its type fits its file, ids
 * are unique across files, no spelling normalises to nothing, and a normalised spelling shared
 * by two entities is marked ambiguous by both.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'lexicons');
const FILES = { 'locations.jsonl': 'LOCATION', 'persons.jsonl': 'PERSON', 'organizations.jsonl': 'ORGANIZATION' } as const;

const lexicons = Object.entries(FILES).map(([file, type]) => ({
  file,
  type,
  entries: parseLexicon(readFileSync(join(root, file), 'utf8'), file),
}));
const all: (LexiconEntry & { file: string })[] = lexicons.flatMap(({ file, entries }) => entries.map((e) => ({ ...e, file })));
const key = (s: string): string => normalize(s).text.trim();

describe('shipped lexicons', () => {
  it.each(lexicons)('$file: every line parses and has the type of its file', ({ entries, type }) => {
    expect(entries.length).toBeGreaterThan(0);
    const wrong = entries.filter((e) => e.type !== type).map((e) => e.id);
    expect(wrong).toEqual([]);
  });

  it('ids are unique across all files and are lower-case snake_case', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const e of all) {
      if (seen.has(e.id)) duplicates.push(`${e.id} (${seen.get(e.id)} and ${e.file})`);
      seen.set(e.id, e.file);
    }
    expect(duplicates).toEqual([]);
    expect(all.filter((e) => !/^[a-z0-9]+(?:_[a-z0-9]+)*$/.test(e.id)).map((e) => e.id)).toEqual([]);
  });

  it('every entry has a subtype, an English name, its Arabic name among its variants, and a source', () => {
    const bad = all.filter(
      (e) => !e.subtype || !e.name.en || !(e.variants ?? []).includes(e.name.ar) || (!e.src?.length && !e.seen),
    );
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('no spelling is empty after normalisation or carries an attached clitic-only word', () => {
    const empty = all.flatMap((e) => [...(e.variants ?? []), ...(e.generated ?? []), ...(e.demonyms ?? [])].filter((v) => key(v) === '').map((v) => `${e.id}: «${v}»`));
    expect(empty).toEqual([]);
  });

  it('wikidata and geonames ids have their sources’ shapes, and only places carry demonyms', () => {
    expect(all.filter((e) => e.wikidata !== undefined && !/^Q[1-9]\d*$/.test(e.wikidata)).map((e) => e.id)).toEqual([]);
    expect(all.filter((e) => e.wikidata !== undefined && e.type === 'PERSON').map((e) => e.id)).toEqual([]);
    expect(all.filter((e) => e.demonyms?.length && e.type !== 'LOCATION').map((e) => e.id)).toEqual([]);
  });

  it('`common` and `ambiguous` name spellings the entry has', () => {
    const bad = all.flatMap((e) => {
      const own = new Set([...(e.variants ?? []), ...(e.generated ?? [])].map(key));
      return [...(e.common ?? []), ...(e.ambiguous ?? [])].filter((v) => !own.has(key(v))).map((v) => `${e.id}: «${v}»`);
    });
    expect(bad).toEqual([]);
  });

  it('a normalised spelling shared by two entities is marked ambiguous by both', () => {
    const owners = new Map<string, Set<string>>();
    const marked = new Map<string, Set<string>>();
    for (const e of all) {
      for (const v of [...(e.variants ?? []), ...(e.generated ?? [])]) {
        const k = key(v);
        if (!owners.has(k)) owners.set(k, new Set());
        owners.get(k)!.add(e.id);
      }
      marked.set(e.id, new Set((e.ambiguous ?? []).map(key)));
    }
    const unmarked: string[] = [];
    for (const [k, ids] of owners) {
      if (ids.size < 2) continue;
      for (const id of ids) if (!marked.get(id)!.has(k)) unmarked.push(`«${k}»: ${id} (shared with ${[...ids].filter((x) => x !== id).join(', ')})`);
    }
    expect(unmarked).toEqual([]);
  });

  it('meets the coverage floor of the issue', () => {
    const count = (type: string, subtype?: string): number => all.filter((e) => e.type === type && (!subtype || e.subtype === subtype)).length;
    expect(count('LOCATION', 'country')).toBeGreaterThanOrEqual(190);
    expect(count('LOCATION', 'city')).toBeGreaterThanOrEqual(6000);
    expect(count('LOCATION', 'admin1')).toBeGreaterThanOrEqual(700);
    expect(count('PERSON')).toBeGreaterThanOrEqual(1500);
    expect(count('ORGANIZATION')).toBeGreaterThanOrEqual(1000);
  });

  it('the pattern and trigger files parse', () => {
    const institutions = parseInstitutions(readFileSync(join(root, 'institutions.jsonl'), 'utf8'), 'institutions.jsonl');
    expect(new Set(institutions.map((p) => p.id)).size).toBe(institutions.length);
    expect(parseTriggers(readFileSync(join(root, 'triggers.jsonl'), 'utf8'), 'triggers.jsonl').length).toBeGreaterThan(0);
  });

  it('NOTICE carries the attribution of every source', () => {
    const notice = readFileSync(join(root, 'NOTICE'), 'utf8');
    for (const source of ['GeoNames', 'Natural Earth', "Who's On First", 'Unicode', 'ANERcorp', 'AQMAR']) expect(notice).toContain(source);
  });
});

describe('organisation spellings keep descriptors outside', () => {
  const DESCRIPTORS = ['حركة', 'تنظيم', 'جماعة', 'شركة', 'مجموعة', 'نادي', 'قناة', 'صحيفة', 'جريدة', 'وكالة', 'موقع', 'منصة', 'مجلة', 'شبكة', 'تلفزيون'];
  it('no spelling is a descriptor before another spelling of the same body (unless that one is an everyday word)', () => {
    const bad = all
      .filter((e) => e.type === 'ORGANIZATION')
      .flatMap((e) => {
        const own = new Set((e.variants ?? []).map(key));
        const common = new Set((e.common ?? []).map(key));
        return (e.variants ?? [])
          .filter((v) => v !== e.name.ar)
          .filter((v) => {
            const [head, ...rest] = v.split(' ');
            const bare = key(rest.join(' '));
            return DESCRIPTORS.includes(head!) && rest.length > 0 && own.has(bare) && !common.has(bare);
          })
          .filter((v) => !/^وكالة المخابرات/.test(v)) // the Central Intelligence *Agency*: وكالة is its head
          .map((v) => `${e.id}: «${v}»`);
      });
    expect(bad).toEqual([]);
  });
});

describe('country spellings keep state descriptors outside', () => {
  it('no country spelling is دولة/جمهورية/مملكة/إمارة before another spelling of the same country', () => {
    const DESCRIPTORS = new Set(['دولة', 'جمهورية', 'مملكة', 'إمارة'].map(key));
    const bad = all
      .filter((e) => e.type === 'LOCATION')
      .flatMap((e) => {
        const own = [e.name.ar, ...(e.variants ?? [])].map(key);
        return own
          .filter((k) => {
            const [head, ...rest] = k.split(' ');
            const bare = rest.join(' ');
            return DESCRIPTORS.has(head!) && rest.length > 0 && own.some((o) => o === bare || bare.startsWith(`${o} `));
          })
          .map((k) => `${e.id}: «${k}»`);
      });
    expect(bad).toEqual([]);
  });
});

describe('organisation spellings keep descriptors outside', () => {
  it('no spelling is a descriptor (نادي، شركة، مجموعة) before another spelling of the same body', () => {
    const triggers = parseTriggers(readFileSync(join(root, 'triggers.jsonl'), 'utf8'), 'triggers.jsonl');
    const descriptors = new Set(triggers.filter((t) => t.kind === 'descriptor').flatMap((t) => t.phrases.map(key)));
    expect(descriptors.has(key('نادي'))).toBe(true);
    const bad = all
      .filter((e) => e.type === 'ORGANIZATION')
      .flatMap((e) => {
        const own = new Set([e.name.ar, ...(e.variants ?? [])].map(key));
        return [...own]
          .filter((k) => {
            const [head, ...rest] = k.split(' ');
            return descriptors.has(head!) && own.has(rest.join(' '));
          })
          .map((k) => `${e.id}: «${k}»`);
      });
    expect(bad).toEqual([]);
  });
});

