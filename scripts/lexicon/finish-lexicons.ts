/**
 * The last step of `npm run lexicons`, over the three entity files:
 *
 * 1. `generated`: spellings from the variant generator (src/gazetteer/variants.ts) for people,
 *    organisations and the better-known places, kept only when every new word is unknown as an
 *    ordinary word — not in lexicons/common-words.txt, never seen untagged in ANERcorp train,
 *    AQMAR or the dev articles — and the spelling names no other entity.
 * 2. `ambiguous`: a normalised spelling shared by entities of different files (a club named
 *    after its city, a surname that is also a town) is marked on both, as the lexicon test requires.
 *
 * Deterministic: the same inputs give byte-identical files.
 *   node --import tsx scripts/lexicon/finish-lexicons.ts [../shared]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spellingVariants } from '../../src/gazetteer/variants.js';
import { normalize } from '../../src/normalize/index.js';

const shared = process.argv[2] ?? '../shared';
if (!existsSync(join(shared, 'data/anercorp/train.txt'))) {
  console.error(`finish-lexicons: ${shared}/data/anercorp/train.txt is not here (needed to keep generated spellings off real words)`);
  process.exit(1);
}

type Entry = Record<string, unknown> & {
  id: string;
  type: string;
  subtype: string;
  name: { ar: string; en?: string };
  variants: string[];
  country?: string;
  prior?: number;
  generated?: string[];
  ambiguous?: string[];
};

const FILES = ['locations.jsonl', 'persons.jsonl', 'organizations.jsonl'];
const files = FILES.map((file) => ({
  file,
  entries: readFileSync(join('lexicons', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Entry),
}));
const key = (s: string): string => normalize(s).text.trim();

// Words seen as ordinary words: the common list, and every untagged token of the corpora.
const common = new Set(readFileSync('lexicons/common-words.txt', 'utf8').split('\n').filter(Boolean));
const ordinary = new Set(common);
const corpusFiles = [
  join(shared, 'data/anercorp/train.txt'),
  ...readdirSync(join(shared, 'data/aqmar')).filter((f) => f.endsWith('.txt')).map((f) => join(shared, 'data/aqmar', f)),
];
for (const file of corpusFiles) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const i = line.lastIndexOf(' ');
    if (i > 0 && line.slice(i + 1).trim() === 'O') ordinary.add(key(line.slice(0, i)));
  }
}
const devDir = join(shared, 'corpus/dev');
if (existsSync(devDir)) {
  for (const f of readdirSync(devDir).filter((f) => f.endsWith('.txt'))) {
    for (const word of key(readFileSync(join(devDir, f), 'utf8')).split(/[^\p{L}\p{N}]+/u)) if (word) ordinary.add(word);
  }
}
// …minus the words of attested names (a name word seen in a headline is still a name word),
// unless the common list has them (الطبي of مجمع الشفاء الطبي is still «medical»).
const nameWords = new Set<string>();
for (const { entries } of files) for (const e of entries) for (const v of e.variants) for (const w of key(v).split(' ')) if (!common.has(w)) nameWords.add(w);

/** Countries whose names are written natively in Arabic: their people's and places' names are not transliterated. */
const ARAB = new Set(['AE', 'BH', 'DZ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SO', 'SY', 'TN', 'YE', 'KM', 'DJ', 'EH']);
const MAX_GENERATED = 6;

const owners = new Map<string, Set<string>>();
for (const { entries } of files) {
  for (const e of entries) {
    for (const v of e.variants) {
      const k = key(v);
      if (!owners.has(k)) owners.set(k, new Set());
      owners.get(k)!.add(e.id);
    }
  }
}

let generatedCount = 0;
for (const { entries } of files) {
  for (const e of entries) {
    const wanted = e.type !== 'LOCATION' || ['country', 'territory', 'region', 'historic state'].includes(e.subtype) || (e.prior ?? 0) >= 0.6;
    const foreign = e.country !== undefined && !ARAB.has(e.country) && e.type !== 'ORGANIZATION';
    const out: string[] = [];
    if (wanted) {
      const own = new Set(e.variants.map(key));
      for (const variant of e.variants) {
        const words = new Set(key(variant).split(' '));
        for (const g of spellingVariants(variant, { ...(e.name.en ? { en: e.name.en } : {}), foreign })) {
          const k = key(g);
          if (own.has(k) || owners.has(k) || out.some((o) => key(o) === k)) continue;
          const fresh = k.split(' ').filter((w) => !words.has(w));
          if (fresh.some((w) => w.length < 3 || (ordinary.has(w) && !nameWords.has(w)))) continue;
          // Only the name's own words may change: an ordinary word in it (شبه جزيرة، هيئة) stays as written.
          const before = key(variant).split(' ');
          const after = k.split(' ');
          if (before.length === after.length && before.some((w, i) => w !== after[i] && ordinary.has(w))) continue;
          out.push(g);
        }
      }
    }
    const kept = out.slice(0, MAX_GENERATED).sort();
    if (kept.length) e.generated = kept;
    else delete e.generated;
    for (const g of kept) {
      const k = key(g);
      if (!owners.has(k)) owners.set(k, new Set());
      owners.get(k)!.add(e.id);
    }
    generatedCount += kept.length;
  }
}

// Shared spellings across files: mark them ambiguous on every owner.
const byId = new Map<string, Entry>();
for (const { entries } of files) for (const e of entries) byId.set(e.id, e);
let marked = 0;
for (const [k, ids] of owners) {
  if (ids.size < 2) continue;
  for (const id of ids) {
    const e = byId.get(id)!;
    const already = new Set((e.ambiguous ?? []).map(key));
    if (already.has(k)) continue;
    const spelling = [...e.variants, ...(e.generated ?? [])].find((v) => key(v) === k)!;
    e.ambiguous = [...(e.ambiguous ?? []), spelling];
    marked++;
  }
}

for (const { file, entries } of files) {
  writeFileSync(join('lexicons', file), `${entries.map((e) => JSON.stringify(e)).join('\n')}\n`);
}
console.log(`finish-lexicons: ${generatedCount} generated spellings, ${marked} shared spellings newly marked ambiguous`);
