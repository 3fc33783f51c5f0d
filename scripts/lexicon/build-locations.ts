/**
 * Builds lexicons/locations.jsonl from the gazetteer sources in ../shared/data/gazetteer/ and the
 * hand-curated scripts/lexicon/curated-locations.jsonl.
 *
 *   npx tsx scripts/lexicon/build-locations.ts
 *
 * Deterministic: the same inputs give a byte-identical file, sorted by id. Every spelling
 * comparison goes through the library's own `normalize()`, so the keys checked here are the
 * keys the gazetteer will build at load time.
 *
 * Steps: countries and territories (CLDR + Natural Earth + GeoNames) → first-level divisions
 * (GeoNames) → cities (GeoNames, QIDs through the Natural Earth crosswalk) → Natural Earth
 * populated places → CLDR exemplar cities → Who's On First (Azerbaijan, Armenia) → ids →
 * curated entries → `common` from corpus counts → `ambiguous` → checks → write.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalize } from '../../src/normalize/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = resolve(ROOT, '../shared');
const GAZ = join(SHARED, 'data/gazetteer');
const CURATED = join(ROOT, 'scripts/lexicon/curated-locations.jsonl');
const OUT = join(ROOT, 'lexicons/locations.jsonl');
const ANERCORP_TRAIN = join(SHARED, 'data/anercorp/train.txt'); // never test.txt
const AQMAR_DIR = join(SHARED, 'data/aqmar');
const DEV_DIR = join(SHARED, 'corpus/dev');

/** Dev-gold spellings that are typos in the dev text, not spellings to learn (بريفان for يريفان). */
const DEV_TYPOS = new Set(['بريفان']);

function fail(message: string): never {
  console.error(`kashif build-locations: ${message}`);
  process.exit(1);
}

if (!existsSync(GAZ)) fail(`gazetteer sources not found at ${GAZ} (expected ../shared/data/gazetteer next to the repo)`);

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

const key = (s: string): string => normalize(s).text.replace(/\s+/g, ' ').trim();

/** Letters of a normalised key, without spaces or punctuation. */
const letterCount = (k: string): number => k.replace(/[^\p{L}]/gu, '').length;

/** ASCII-folded lower-case English name, non-alphanumerics → `_`. */
function slug(en: string): string {
  const folded = en
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıİ]/g, 'i')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/ß/g, 'ss')
    .replace(/[đĐðÐ]/g, 'd')
    .replace(/[þÞ]/g, 'th')
    .replace(/[əƏǝ]/g, 'e')
    .replace(/&/g, ' and ')
    .toLowerCase();
  const s = folded.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return s || 'place';
}

const FORMAT_CONTROLS = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const TASHKEEL = /[\u064B-\u065F\u0670\u0640]/g; // harakat, superscript alef, tatweel
/** Persian/Urdu letters as they appear in the sources, folded to the Arabic letters writers use. */
const PERSIAN_FOLDS: Readonly<Record<string, string>> = {
  'ک': 'ك', // U+06A9 KEHEH
  'ی': 'ي', // U+06CC FARSI YEH
  'ې': 'ي', // U+06D0
  'ۍ': 'ي', // U+06CD
  'ۀ': 'ه', // U+06C0
  'ە': 'ه', // U+06D5
  'ہ': 'ه', // U+06C1
  'ھ': 'ه', // U+06BE
};
const ARABIC_NAME = /^[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]+(?:[ -][\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]+)*$/;

/** Strips marks and controls, folds Persian letters, tidies spaces. */
function tidy(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(FORMAT_CONTROLS, '')
    .replace(TASHKEEL, '')
    .replace(/[کیېۍۀەہھ]/g, (c) => PERSIAN_FOLDS[c] ?? c)
    .replace(/\s*-\s*/g, (m) => (m.trim() === '-' && m.length > 1 ? ' - ' : '-'))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A name as the sources give it → its cleaned form(s); [] when it is not an Arabic-script name. */
function cleanSourceName(raw: string): string[] {
  let s = tidy(raw).replace(/ - /g, ' ');
  const out: string[] = [];
  // "هيبرون (مدينة الخليل)", "ميانمار (بورما)": the parenthesis is a second name or a descriptor.
  const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(s);
  if (paren) {
    s = paren[1]!.trim();
    out.push(...cleanSourceName(paren[2]!));
  }
  // ", X" disambiguators: "ميلواكي، ويسكنسن" → "ميلواكي".
  s = s.split(/\s*[،,]\s*/)[0]!.trim();
  const usable = (x: string): boolean => ARABIC_NAME.test(x) && !GENERIC_WORDS.has(key(x));
  if (!s || !usable(s)) return out.filter(usable);
  return [s, ...out].filter(usable);
}

/** Descriptor words that are never a place name on their own ("الدويم (مدينة)", البلدية for Boujniba). */
const GENERIC_WORDS = new Set(
  ['مدينة', 'محافظة', 'مقاطعة', 'ولاية', 'إقليم', 'منطقة', 'بلدية', 'إمارة', 'شعبية', 'كانتون', 'قضاء', 'ناحية', 'جمهورية', 'منطقة إدارية خاصة', 'عاصمة', 'العاصمة', 'قرية', 'بلدة', 'البلدية', 'المحافظة', 'المقاطعة', 'الولاية', 'المنطقة', 'القرية', 'البلدة'].map(
    (w) => normalize(w).text,
  ),
);

/** Admin prefixes removed from source names (normalised, so محافظه and مُحَافَظَة match too). */
const ADMIN_PREFIXES = new Set(
  ['مدينة', 'محافظة', 'مقاطعة', 'ولاية', 'إقليم', 'منطقة', 'بلدية', 'إمارة', 'شعبية', 'كانتون', 'قضاء', 'ناحية', 'أبرشية'].map(key),
);
/** Prefixes that are also removed, but only from first-level divisions (جمهورية كومي → كومي). */
const ADMIN1_ONLY_PREFIXES = new Set(['جمهورية'].map(key));
/** A prefix is kept when what follows is only a direction word (إقليم شمالي is a name, شمالي is not). */
const DIRECTION_WORDS = new Set(
  [
    'شمالي', 'جنوبي', 'شرقي', 'غربي', 'الشمالي', 'الجنوبي', 'الشرقي', 'الغربي', 'الشمالية', 'الجنوبية',
    'الشرقية', 'الغربية', 'الوسطى', 'الأوسط', 'الوسطي', 'العاصمة', 'الساحلية', 'الداخلية',
  ].map(key),
);

/**
 * Splits an admin prefix off a name: `{ bare, prefixed }`, or null when there is none to strip.
 * `keepPrefix` (English "Kuwait City", "Isa Town") keeps مدينة as part of the name.
 */
function stripAdminPrefix(name: string, admin1: boolean, keepCityPrefix: boolean): { bare: string; prefixed: string } | null {
  const words = name.split(' ');
  if (words.length < 2) return null;
  const first = key(words[0]!);
  const isPrefix = ADMIN_PREFIXES.has(first) || (admin1 && ADMIN1_ONLY_PREFIXES.has(first));
  if (!isPrefix) return null;
  if (keepCityPrefix && first === key('مدينة')) return null;
  const bare = words.slice(1).join(' ');
  if (words.length === 2 && DIRECTION_WORDS.has(key(bare))) return null;
  return { bare, prefixed: name };
}

// ---------------------------------------------------------------------------------------------
// Reading sources
// ---------------------------------------------------------------------------------------------

type Row = Record<string, string>;

function readTsv(rel: string): Row[] {
  const path = join(GAZ, rel);
  if (!existsSync(path)) fail(`missing source file ${path}`);
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0]!.split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    const row: Row = {};
    header.forEach((h, i) => (row[h] = cells[i] ?? ''));
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// Corpus statistics (ANERcorp train + AQMAR; never ANERcorp test)
// ---------------------------------------------------------------------------------------------

type TagClass = 'O' | 'LOC' | 'NAME';
interface Counts {
  O: number;
  LOC: number;
  NAME: number;
}

interface CorpusStats {
  /** Per normalised stem (token minus any proclitics, with or without the article). */
  stems: Map<string, Counts>;
  /** Per bare token (normalised, no clitic stripping): counts of the token as written. */
  tokens: Map<string, Counts>;
  /** Normalised LOC spans as written in the corpora (proclitics of the first token removed). */
  locSpans: Set<string>;
  /** Normalised token sequences of the raw text (for attestation of multi-word forms). */
  totalTokens: number;
}

const PROCLITICS: string[] = (() => {
  const out = new Set<string>();
  for (const c of ['', 'و', 'ف']) {
    for (const p of ['', 'ب', 'ك', 'ل']) {
      for (const a of ['', 'ال']) {
        const pre = p === 'ل' && a === 'ال' ? `${c}لل` : `${c}${p}${a}`;
        if (pre) out.add(pre);
      }
    }
  }
  return [...out].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
})();

/** Every reading of a token as proclitics + stem; with the article both with and without it. */
function stemsOf(tok: string): Set<string> {
  const out = new Set<string>([tok]);
  for (const pre of PROCLITICS) {
    if (!tok.startsWith(pre) || tok.length - pre.length < 2) continue;
    const stem = tok.slice(pre.length);
    out.add(stem);
    if (pre.endsWith('ال') || pre.endsWith('لل')) out.add(`ال${stem}`);
  }
  return out;
}

function tagClass(tag: string): TagClass {
  if (tag === 'O' || tag === 'OO') return 'O';
  if (/^[BI]-LOC$/.test(tag)) return 'LOC';
  return 'NAME';
}

function readConll(path: string): { tok: string; tag: string }[][] {
  const sentences: { tok: string; tag: string }[][] = [];
  let cur: { tok: string; tag: string }[] = [];
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const t = line.trim();
    if (!t) {
      if (cur.length) sentences.push(cur);
      cur = [];
      continue;
    }
    const i = t.lastIndexOf(' ');
    if (i <= 0) continue;
    cur.push({ tok: t.slice(0, i), tag: t.slice(i + 1) });
  }
  if (cur.length) sentences.push(cur);
  return sentences;
}

function corpusStats(): CorpusStats {
  const files: string[] = [];
  if (existsSync(ANERCORP_TRAIN)) files.push(ANERCORP_TRAIN);
  if (existsSync(AQMAR_DIR)) {
    for (const f of readdirSync(AQMAR_DIR).sort()) if (f.endsWith('.txt')) files.push(join(AQMAR_DIR, f));
  }
  if (files.length === 0) fail('no corpus found for the common-word counts (../shared/data/anercorp/train.txt, ../shared/data/aqmar/)');
  const stems = new Map<string, Counts>();
  const tokens = new Map<string, Counts>();
  const locSpans = new Set<string>();
  let totalTokens = 0;
  const bump = (m: Map<string, Counts>, k: string, c: TagClass): void => {
    let e = m.get(k);
    if (!e) m.set(k, (e = { O: 0, LOC: 0, NAME: 0 }));
    e[c]++;
  };
  for (const file of files) {
    for (const sent of readConll(file)) {
      const norm = sent.map((t) => key(t.tok));
      let span: string[] | null = null;
      const flush = (): void => {
        if (span && span.length) {
          const [first, ...rest] = span;
          for (const s of stemsOf(first!)) locSpans.add([s, ...rest].join(' '));
        }
        span = null;
      };
      sent.forEach((t, i) => {
        const k = norm[i]!;
        totalTokens++;
        const c = tagClass(t.tag);
        bump(tokens, k, c);
        for (const s of stemsOf(k)) bump(stems, s, c);
        if (t.tag === 'B-LOC') {
          flush();
          span = [k];
        } else if (t.tag === 'I-LOC' && span) {
          (span as string[]).push(k);
        } else flush();
      });
      flush();
    }
  }
  return { stems, tokens, locSpans, totalTokens };
}

// ---------------------------------------------------------------------------------------------
// The entity model
// ---------------------------------------------------------------------------------------------

interface Place {
  /** Internal key of the first source record (`cc:AZ`, `gn:587084`, `a1:AZ.35`, `ne:…`, `wof:…`). */
  readonly ref: string;
  kind: 'country' | 'region' | 'admin1' | 'city' | 'wof' | 'curated';
  subtype: string;
  nameAr: string;
  nameEn: string;
  /** Id stem: countries and regions `slug(en)`, others `slug(en)_cc`. */
  idBase: string;
  /** Suffix used when the id base collides (`_<geonameid>`, `_<admin1 code>`, …). */
  idSuffix: string;
  /** Forced id (hand-curated ids of source places, see ID_OVERRIDES). */
  fixedId?: string;
  id?: string;
  variants: string[];
  demonyms: string[];
  common: Set<string>;
  ambiguous: Set<string>;
  /** Variants added by the curated file (their collisions must be acknowledged there). */
  curatedVariants: Set<string>;
  curatedAmbiguous: Set<string>;
  country?: string;
  wikidata?: string;
  geonames?: number;
  population: number;
  capital: boolean;
  admin1Capital: boolean;
  prior?: number;
  src: Set<string>;
  seen: Set<string>;
}

function newPlace(init: {
  ref: string;
  kind: Place['kind'];
  subtype: string;
  nameAr: string;
  nameEn: string;
  idBase: string;
  idSuffix: string;
  src?: string;
}): Place {
  return {
    ref: init.ref,
    kind: init.kind,
    subtype: init.subtype,
    nameAr: init.nameAr,
    nameEn: init.nameEn,
    idBase: init.idBase,
    idSuffix: init.idSuffix,
    variants: [],
    demonyms: [],
    common: new Set(),
    ambiguous: new Set(),
    curatedVariants: new Set(),
    curatedAmbiguous: new Set(),
    population: 0,
    capital: false,
    admin1Capital: false,
    src: new Set(init.src ? [init.src] : []),
    seen: new Set(),
  };
}

const places: Place[] = [];
/** Source places without an Arabic-script name, kept for curated entries that supply one. */
const dormant: Place[] = [];
/** Decisions worth reviewing, written to /tmp with --verbose. */
const debug: string[] = [];
const byQid = new Map<string, Place>();
const byGn = new Map<number, Place>();
const byCC = new Map<string, Place>();
const byAdmin1 = new Map<string, Place>();

/** Places whose source id is replaced by the id the dev gold and the curated file use. */
const ID_OVERRIDES: Readonly<Record<string, string>> = {
  'gn:146970': 'stepanakert', // Xankändi/Stepanakert: the gold links both names to `stepanakert`
  'a1:PS.GZ': 'gaza_strip', // GeoNames admin1 "Gaza Strip" (قطاع غزة) is the region the news means
  'a1:PS.WE': 'west_bank',
};

function addVariant(p: Place, v: string): void {
  if (!v || p.variants.includes(v)) return;
  p.variants.push(v);
}

function setQid(p: Place, qid: string | undefined): void {
  if (!qid || !/^Q\d+$/.test(qid)) return;
  if (!p.wikidata) p.wikidata = qid;
  if (!byQid.has(qid)) byQid.set(qid, p);
}

function setGn(p: Place, gn: number | undefined): void {
  if (!gn || !Number.isFinite(gn)) return;
  if (p.geonames === undefined) p.geonames = gn;
  if (!byGn.has(gn)) byGn.set(gn, p);
}

// Corpus LOC spans decide where a prefixed source form ("محافظة البصرة") is kept as a variant:
// only where annotated text writes the prefix inside the place name.
const stats = corpusStats();
const devGold = readDevGold();
const attestedPrefixed = (prefixed: string): boolean => {
  const k = key(prefixed);
  return stats.locSpans.has(k) || devGold.some((g) => key(g.text) === k);
};

/** Adds a source name (cleaned, with its admin prefix handled) to a place. Returns the main form. */
function addSourceName(p: Place, raw: string, opts: { admin1?: boolean; keepCityPrefix?: boolean } = {}): string | undefined {
  let main: string | undefined;
  for (const name of cleanSourceName(raw)) {
    const stripped = p.kind === 'country' || p.kind === 'region' ? null : stripAdminPrefix(name, !!opts.admin1, !!opts.keepCityPrefix);
    if (stripped) {
      addVariant(p, stripped.bare);
      if (attestedPrefixed(stripped.prefixed)) addVariant(p, stripped.prefixed);
      main ??= stripped.bare;
    } else {
      addVariant(p, name);
      main ??= name;
    }
  }
  return main;
}

// ---------------------------------------------------------------------------------------------
// 1. Countries, territories and CLDR regions
// ---------------------------------------------------------------------------------------------

const cldrTerritories = readTsv('cldr/cldr_territories_ar.tsv');
const neCountries = readTsv('naturalearth/ne_50m_admin_0_countries_ar.tsv');
const geonames = readTsv('geonames-ar/geonames_ar.tsv');

/** CLDR codes that are not places (EU, UN, pseudo-locales, unknown) or not useful ones. */
const CLDR_SKIP = new Set(['001', 'EU', 'EZ', 'UN', 'XA', 'XB', 'ZZ', 'QO']);
/** CLDR numeric regions that are continents (the rest are regions). */
const CONTINENTS = new Set(['002', '009', '142', '150', '003', '005', 'AQ']);
/** English names used for ids where CLDR's differs from the usual English name of news. */
const EN_OVERRIDES: Readonly<Record<string, string>> = { TR: 'Turkey' };
/** Natural Earth rows with ISO_A2 = -99, by ADM0_A3. */
const NE_ISO_FIX: Readonly<Record<string, { cc?: string; country?: string; subtype?: string; en?: string }>> = {
  FRA: { cc: 'FR' },
  NOR: { cc: 'NO' },
  SOL: { country: 'SO', subtype: 'territory', en: 'Somaliland' },
  CYN: { country: 'CY', subtype: 'territory', en: 'Northern Cyprus' },
  IOA: { country: 'AU', subtype: 'territory', en: 'Australian Indian Ocean Territories' },
  ATC: { country: 'AU', subtype: 'territory', en: 'Ashmore and Cartier Islands' },
  KAS: { subtype: 'region', en: 'Siachen Glacier' },
};

const cleanEn = (en: string): string =>
  en
    .replace(/\s*\(.*\)\s*/g, ' ')
    .replace(/\s+SAR China$/, '')
    .replace(/&/g, 'and')
    .replace(/\s+/g, ' ')
    .trim();

/** Splits CLDR's "الكونغو - كينشاسا" / "جزر فوكلاند - جزر مالفيناس" into what writers use. */
function cldrForms(ar: string): string[] {
  const parts = tidy(ar).split(' - ');
  if (parts.length !== 2) return [ar];
  const [a, b] = parts as [string, string];
  if (a.split(' ')[0] === b.split(' ')[0]) return [a, b]; // two names of one place
  return [`${a} ${b}`]; // one name written with a dash: تيمور ليشتي، الكونغو كينشاسا
}

const neByCC = new Map<string, Row>();
const neNonIso: Row[] = [];
for (const r of neCountries) {
  const fix = NE_ISO_FIX[r.ADM0_A3!];
  const cc = r.ISO_A2 !== '-99' ? r.ISO_A2! : fix?.cc;
  if (cc) neByCC.set(cc, r);
  else neNonIso.push(r);
}
const neSovereign = (r: Row | undefined): boolean =>
  !!r && ['Sovereign country', 'Country', 'Sovereignty', 'Disputed'].includes(r.TYPE!) && (r.SOVEREIGNT === r.ADMIN || r.TYPE === 'Disputed');

{
  const byCode = new Map<string, Row[]>();
  for (const r of cldrTerritories) {
    if (CLDR_SKIP.has(r.code!)) continue;
    if (!byCode.has(r.code!)) byCode.set(r.code!, []);
    byCode.get(r.code!)!.push(r);
  }
  for (const [code, rows] of byCode) {
    const main = rows.find((r) => !r.alt)!;
    const short = rows.find((r) => r.alt === 'short');
    const numeric = /^\d+$/.test(code);
    const ne = numeric ? undefined : neByCC.get(code);
    const subtype = CONTINENTS.has(code) ? 'continent' : numeric ? 'region' : neSovereign(ne) ? 'country' : 'territory';
    const en = EN_OVERRIDES[code] ?? cleanEn((short ?? main).name_en!);
    const p = newPlace({
      ref: `cc:${code}`,
      kind: numeric || subtype === 'continent' ? 'region' : 'country',
      subtype,
      nameAr: '',
      nameEn: en,
      idBase: slug(en),
      idSuffix: `_${code.toLowerCase()}`,
      src: 'cldr',
    });
    if (!numeric) p.country = code;
    const arForms: string[] = [];
    for (const r of [short, main, ...rows.filter((x) => x !== main && x !== short)]) {
      if (!r) continue;
      arForms.push(...cldrForms(r.name_ar!));
      for (const rv of (r.regional_variants_ar ?? '').split('|').filter(Boolean)) {
        arForms.push(...cldrForms(rv.slice(rv.indexOf(':') + 1)));
      }
    }
    // Parenthesised second names only count for countries ("ميانمار (بورما)"), not descriptors.
    for (const f of arForms) {
      const names = cleanSourceName(f);
      const paren = /\((.*)\)/.exec(f);
      for (const n of names) {
        if (paren && n !== names[0] && (subtype !== 'country' || /منطقة|إدارية/.test(paren[1]!))) continue;
        addVariant(p, n);
      }
    }
    if (ne) {
      p.src.add('naturalearth');
      setQid(p, ne.WIKIDATAID);
      for (const n of cleanSourceName(ne.NAME_AR!)) addVariant(p, n);
    }
    p.nameAr = p.variants[0] ?? '';
    places.push(p);
    if (!numeric) byCC.set(code, p);
  }
  // Natural Earth countries without an ISO code in CLDR (Somaliland, Northern Cyprus…).
  for (const r of neNonIso) {
    const fix = NE_ISO_FIX[r.ADM0_A3!] ?? {};
    const en = fix.en ?? r.NAME_EN!;
    const p = newPlace({
      ref: `ne0:${r.ADM0_A3}`,
      kind: 'country',
      subtype: fix.subtype ?? 'territory',
      nameAr: '',
      nameEn: en,
      idBase: slug(en),
      idSuffix: `_${r.ADM0_A3!.toLowerCase()}`,
      src: 'naturalearth',
    });
    if (fix.country) p.country = fix.country;
    setQid(p, r.WIKIDATAID);
    for (const n of cleanSourceName(r.NAME_AR!)) addVariant(p, n);
    p.nameAr = p.variants[0] ?? '';
    if (p.variants.length) places.push(p);
  }
  // GeoNames country names.
  for (const r of geonames) {
    if (r.kind !== 'country') continue;
    const p = byCC.get(r.key!);
    if (!p) continue;
    p.src.add('geonames');
    for (const n of cleanSourceName(r.name_ar!)) addVariant(p, n);
  }
}

// ---------------------------------------------------------------------------------------------
// 2. First-level divisions (GeoNames admin1)
// ---------------------------------------------------------------------------------------------

for (const r of geonames) {
  if (r.kind !== 'admin1') continue;
  const code = r.key!;
  const cc = r.country!;
  const p = newPlace({
    ref: `a1:${code}`,
    kind: 'admin1',
    subtype: 'admin1',
    nameAr: '',
    nameEn: r.name_en!,
    idBase: `${slug(r.name_en!)}_${cc.toLowerCase()}`,
    idSuffix: `_${slug(code.split('.').slice(1).join('_'))}`,
    src: 'geonames',
  });
  p.country = cc;
  const fixed = ID_OVERRIDES[p.ref];
  if (fixed) p.fixedId = fixed;
  p.nameAr = addSourceName(p, r.name_ar!, { admin1: true }) ?? '';
  if (!p.nameAr) {
    dormant.push(p); // not in Arabic script: a curated entry may supply the name
    continue;
  }
  places.push(p);
  byAdmin1.set(code, p);
}

// ---------------------------------------------------------------------------------------------
// 3. Cities (GeoNames), QIDs from the Natural Earth crosswalk
// ---------------------------------------------------------------------------------------------

const xwalk = readTsv('naturalearth/ne_10m_populated_places_xwalk.tsv');
const qidByGn = new Map<number, string>();
const gnByQid = new Map<string, number>();
{
  // A GeoNames id or QID that appears with two different partners is not trusted.
  const gnSeen = new Map<number, Set<string>>();
  const qSeen = new Map<string, Set<number>>();
  for (const r of xwalk) {
    const gn = Number(r.GEONAMEID);
    const q = r.wikidataid!;
    if (!(gn > 0) || !/^Q\d+$/.test(q)) continue;
    if (!gnSeen.has(gn)) gnSeen.set(gn, new Set());
    gnSeen.get(gn)!.add(q);
    if (!qSeen.has(q)) qSeen.set(q, new Set());
    qSeen.get(q)!.add(gn);
  }
  for (const [gn, qs] of gnSeen) if (qs.size === 1) qidByGn.set(gn, [...qs][0]!);
  for (const [q, gns] of qSeen) if (gns.size === 1) gnByQid.set(q, [...gns][0]!);
}

const foldEn = (s: string): string => slug(s).replace(/_/g, ' ');
const citiesByEn = new Map<string, Place[]>();
const indexCityEn = (p: Place, en: string): void => {
  const k = foldEn(en);
  if (!citiesByEn.has(k)) citiesByEn.set(k, []);
  if (!citiesByEn.get(k)!.includes(p)) citiesByEn.get(k)!.push(p);
};

const keepsCityPrefix = (en: string): boolean => /\b(city|town)\b|^madinat\b/.test(foldEn(en));

const xwalkByGn = new Map<number, Row>();
for (const r of xwalk) if (Number(r.GEONAMEID) > 0) xwalkByGn.set(Number(r.GEONAMEID), r);

let citiesWithoutEnglish = 0;
for (const r of geonames) {
  if (r.kind !== 'city') continue;
  const gn = Number(r.geonameid);
  // A few rows lack the English join: the crosswalk may know the place; otherwise it is skipped.
  if (!r.name_en || !r.country) {
    const x = xwalkByGn.get(gn);
    if (!x || !x.ISO_A2 || x.ISO_A2 === '-99') {
      citiesWithoutEnglish++;
      continue;
    }
    r.name_en = x.NAME_EN || x.NAME!;
    r.country = x.ISO_A2;
    r.population ||= x.POP_MAX!;
  }
  const cc = r.country!;
  const p = newPlace({
    ref: `gn:${gn}`,
    kind: 'city',
    subtype: 'city',
    nameAr: '',
    nameEn: r.name_en!,
    idBase: `${slug(r.name_en!)}_${cc.toLowerCase()}`,
    idSuffix: `_${gn}`,
    src: 'geonames',
  });
  p.country = cc;
  p.population = Number(r.population) || 0;
  p.capital = r.feature_code === 'PPLC';
  p.admin1Capital = r.feature_code === 'PPLA';
  const fixed = ID_OVERRIDES[p.ref];
  if (fixed) p.fixedId = fixed;
  p.nameAr = addSourceName(p, r.name_ar!, { keepCityPrefix: keepsCityPrefix(r.name_en!) }) ?? '';
  if (!p.nameAr) {
    // No Arabic-script name in the source (Şūr for Tyre): a curated entry with this id revives it.
    dormant.push(p);
    p.geonames = gn;
    continue;
  }
  setGn(p, gn);
  const q = qidByGn.get(gn);
  if (q && !byQid.has(q)) {
    setQid(p, q);
    p.src.add('naturalearth');
  }
  places.push(p);
  indexCityEn(p, r.name_en!);
}

// ---------------------------------------------------------------------------------------------
// 4. Natural Earth populated places (Arabic names, QIDs)
// ---------------------------------------------------------------------------------------------

let neMatched = 0;
let neNew = 0;
const neA3toCC = new Map<string, string>();
for (const r of neCountries) {
  const cc = r.ISO_A2 !== '-99' ? r.ISO_A2 : NE_ISO_FIX[r.ADM0_A3!]?.cc;
  if (cc) neA3toCC.set(r.ADM0_A3!, cc);
}
for (const r of readTsv('naturalearth/ne_50m_populated_places_ar.tsv')) {
  const names = cleanSourceName(r.NAME_AR!);
  if (names.length === 0) continue;
  const q = /^Q\d+$/.test(r.WIKIDATAID!) ? r.WIKIDATAID! : undefined;
  const cc = r.ISO_A2 && r.ISO_A2 !== '-99' ? r.ISO_A2 : neA3toCC.get(r.ADM0_A3!);
  let p: Place | undefined = q ? byQid.get(q) : undefined;
  if (p && p.kind !== 'city') p = undefined; // a capital's QID is never the country's
  const xgn = q ? gnByQid.get(q) : undefined;
  if (!p && xgn !== undefined) p = byGn.get(xgn);
  if (!p && xgn !== undefined) {
    // A GeoNames city whose Arabic name was in Latin script (Al Fāshir): Natural Earth names it.
    const d = dormant.find((c) => c.geonames === xgn);
    if (d) {
      dormant.splice(dormant.indexOf(d), 1);
      d.nameAr = names[0]!;
      setGn(d, xgn);
      places.push(d);
      indexCityEn(d, d.nameEn);
      p = d;
    }
  }
  if (!p && cc) {
    const same = (citiesByEn.get(foldEn(r.NAME_EN || r.NAME!)) ?? []).filter((c) => c.country === cc);
    if (same.length === 1) p = same[0];
  }
  if (!p && cc) {
    const k = key(names[0]!);
    const same = places.filter((c) => c.kind === 'city' && c.country === cc && c.variants.some((v) => key(v) === k));
    if (same.length === 1) p = same[0];
  }
  const capital = /^Admin-0 capital/.test(r.FEATURECLA!);
  if (p) {
    neMatched++;
    p.src.add('naturalearth');
    if (q) setQid(p, q);
    for (const n of names) addSourceName(p, n, { keepCityPrefix: keepsCityPrefix(r.NAME_EN!) });
    if (capital && !p.capital) p.capital = true;
    continue;
  }
  if (!cc || cc === 'AQ') continue; // research stations are not news places
  neNew++;
  debug.push(`ne new\t${r.NAME_EN}\t${cc}\t${names.join('|')}\t${q ?? ''}`);
  const en = r.NAME_EN || r.NAME!;
  const np = newPlace({
    ref: `ne:${r.NE_ID}`,
    kind: 'city',
    subtype: 'city',
    nameAr: '',
    nameEn: en,
    idBase: `${slug(en)}_${cc.toLowerCase()}`,
    idSuffix: `_ne${r.NE_ID}`,
    src: 'naturalearth',
  });
  np.country = cc;
  np.population = Number(r.POP_MAX) || 0;
  np.capital = capital;
  np.admin1Capital = /^Admin-1 capital/.test(r.FEATURECLA!);
  np.nameAr = addSourceName(np, names[0]!, { keepCityPrefix: keepsCityPrefix(en) }) ?? '';
  for (const n of names.slice(1)) addSourceName(np, n);
  if (!np.nameAr) continue;
  setQid(np, q);
  if (xgn !== undefined && !byGn.has(xgn)) setGn(np, xgn);
  places.push(np);
  indexCityEn(np, en);
}

// ---------------------------------------------------------------------------------------------
// 5. CLDR exemplar cities (match by English name, with the country where the tz id gives it)
// ---------------------------------------------------------------------------------------------

const ccByEnglish = new Map<string, string>();
for (const r of cldrTerritories) if (/^[A-Z]{2}$/.test(r.code!) && !CLDR_SKIP.has(r.code!)) ccByEnglish.set(foldEn(r.name_en!), r.code!);
for (const r of neCountries) {
  const cc = r.ISO_A2 !== '-99' ? r.ISO_A2! : NE_ISO_FIX[r.ADM0_A3!]?.cc;
  if (cc) for (const n of [r.NAME, r.NAME_EN, r.ADMIN]) if (n) ccByEnglish.set(foldEn(n), cc);
}
/** tz areas that name the country of every zone under them. */
const TZ_COUNTRY_PATHS: readonly (readonly [string, string])[] = [
  ['America/Argentina/', 'AR'],
  ['America/Indiana/', 'US'],
  ['America/Kentucky/', 'US'],
  ['America/North_Dakota/', 'US'],
  ['Australia/', 'AU'],
  ['Arctic/', 'SJ'],
];

/**
 * CLDR exemplar spellings not used: wrong words or typos (سمراء "brunette" for Samara, وينكتون for
 * Moncton, جوني for Juneau), checked against the GeoNames/Natural Earth name of the same city.
 */
const EXEMPLAR_REJECTS = new Set(['سمراء', 'وينكتون', 'لومبباشا', 'برثا', 'أشوا', 'جوني', 'بلم', 'ماشيو', 'كيابا', 'كيشينج', 'برسيبان', 'دارون', 'كريسماس'].map(key));

let exemplarMatched = 0;
let exemplarSkipped = 0;
for (const r of readTsv('cldr/cldr_exemplar_cities_ar.tsv')) {
  const tz = r.tzid!;
  if (tz.startsWith('Antarctica/') || tz.startsWith('Etc/')) {
    exemplarSkipped++;
    continue;
  }
  const en = r.name_en!.split(',')[0]!.trim();
  const names = [r.name_ar!, ...(r.regional_variants_ar ?? '').split('|').filter(Boolean).map((x) => x.slice(x.indexOf(':') + 1))]
    .flatMap((x) => cleanSourceName(x))
    .filter((x) => !EXEMPLAR_REJECTS.has(key(x)));
  if (names.length === 0) {
    exemplarSkipped++;
    continue;
  }
  // A zone named after a country (Asia/Kuwait, America/Panama) gives that country; its city is
  // the capital named like it ("Kuwait City", "Panamá"), never a namesake elsewhere (Jersey City).
  const territoryCC = ccByEnglish.get(foldEn(en));
  const pathCC = TZ_COUNTRY_PATHS.find(([pre]) => tz.startsWith(pre))?.[1];
  const cc = pathCC ?? territoryCC;
  let candidates = [...(citiesByEn.get(foldEn(en)) ?? []), ...(citiesByEn.get(foldEn(`${en} City`)) ?? [])];
  if (cc) candidates = candidates.filter((c) => c.country === cc);
  const arKeys = new Set(names.map(key));
  let chosen: Place | undefined;
  if (candidates.length === 1) {
    const c = candidates[0]!;
    if (territoryCC || c.variants.some((v) => arKeys.has(key(v))) || c.population >= 100_000 || c.capital || c.admin1Capital) chosen = c;
  } else if (candidates.length > 1) {
    const caps = candidates.filter((c) => c.capital);
    const sameAr = candidates.filter((c) => c.variants.some((v) => arKeys.has(key(v))));
    const sorted = [...candidates].sort((a, b) => b.population - a.population);
    if (caps.length === 1) chosen = caps[0];
    else if (sameAr.length === 1) chosen = sameAr[0];
    else if (sorted[0]!.population >= 3 * sorted[1]!.population) chosen = sorted[0];
  }
  if (!chosen && territoryCC && !pathCC && byCC.has(territoryCC)) {
    // A zone named after a country with no city of that name (Europe/Malta, Indian/Maldives):
    // the exemplar is a spelling of the country.
    const t = byCC.get(territoryCC)!;
    for (const n of names) addVariant(t, n);
    exemplarMatched++;
    debug.push(`exemplar → territory\t${tz}\t${names.join('|')}\t→ ${t.ref}`);
    continue;
  }
  if (!chosen) {
    exemplarSkipped++;
    debug.push(`exemplar skipped\t${tz}\t${names.join('|')}\tcandidates=${candidates.map((c) => c.ref).join(',')}`);
    continue;
  }
  exemplarMatched++;
  debug.push(`exemplar matched\t${tz}\t${names.join('|')}\t→ ${chosen.ref} ${chosen.nameEn} ${chosen.country} ${chosen.nameAr}`);
  chosen.src.add('cldr');
  for (const n of names) addSourceName(chosen, n, { keepCityPrefix: keepsCityPrefix(r.name_en!) });
}

// ---------------------------------------------------------------------------------------------
// 6. Who's On First: Azerbaijan and Armenia
// ---------------------------------------------------------------------------------------------

/** WOF names that are typos of a spelling already present (ستيباناكيرت written سيتباناكيرت). */
const WOF_TYPOS = new Set(['سيتباناكيرت'].map(key));
const WOF_SUBTYPES: Readonly<Record<string, string>> = {
  country: 'country',
  macroregion: 'region',
  region: 'admin1',
  county: 'district',
  localadmin: 'city',
  locality: 'city',
  neighbourhood: 'district',
};

let wofMerged = 0;
let wofNew = 0;
{
  const rows = readTsv('wof-az-am/wof_az_am_arabic.tsv');
  // Current records first, so a deprecated duplicate only ever adds names to a live one.
  const ordered = [...rows.filter((r) => r.is_current !== '-1'), ...rows.filter((r) => r.is_current === '-1')];
  for (const r of ordered) {
    const names = [r.ara_preferred, r.arz_preferred, ...(r.ara_variant ?? '').split('|'), ...(r.arz_variant ?? '').split('|')]
      .filter((x): x is string => !!x)
      .filter((x) => !WOF_TYPOS.has(key(x)));
    if (names.length === 0) continue;
    const q = /^Q\d+$/.test(r.wikidata!) ? r.wikidata! : undefined;
    const gn = Number(r.geonames) > 0 ? Number(r.geonames) : undefined;
    const cc = r.country!;
    const subtype = WOF_SUBTYPES[r.placetype!] ?? 'city';
    let p: Place | undefined;
    if (r.placetype === 'country') p = byCC.get(cc);
    if (!p && q) p = byQid.get(q);
    if (!p && gn !== undefined) p = byGn.get(gn);
    if (p && (p.kind === 'country') !== (r.placetype === 'country')) p = undefined;
    if (!p && subtype === 'admin1') {
      // GeoNames admin1 rows carry no geonameid: match on the name within the country.
      const cleaned = names.flatMap((n) => cleanSourceName(n)).map((n) => key(stripAdminPrefix(n, true, false)?.bare ?? n));
      const enK = foldEn(r.name_en_preferred || r.wof_name!);
      const hits = places.filter(
        (c) => c.kind === 'admin1' && c.country === cc && (foldEn(c.nameEn).replace(/ (district|city|region)$/, '') === enK || c.variants.some((v) => cleaned.includes(key(v)))),
      );
      if (hits.length === 1) p = hits[0];
    }
    if (!p && subtype === 'city') {
      // WOF often has the same town twice (a locality with a QID, a localadmin or an older
      // record with only a GeoNames id): one populated place of that name in the country is it.
      const cleaned = new Set(names.flatMap((n) => cleanSourceName(n)).map((n) => key(stripAdminPrefix(n, false, false)?.bare ?? n)));
      const hits = places.filter((c) => (c.kind === 'city' || c.kind === 'wof') && c.subtype === 'city' && c.country === cc && c.variants.some((v) => cleaned.has(key(v))));
      if (hits.length === 1) p = hits[0];
    }
    const keepCity = keepsCityPrefix(r.name_en_preferred || r.wof_name!);
    if (p) {
      wofMerged++;
      p.src.add('wof');
      setQid(p, q);
      setGn(p, gn);
      for (const n of names) addSourceName(p, n, { admin1: subtype === 'admin1', keepCityPrefix: keepCity });
      continue;
    }
    if (r.is_current === '-1') continue; // a deprecated record never makes a new place
    const en = r.name_en_preferred || r.wof_name!;
    const np = newPlace({
      ref: `wof:${r.wof_id}`,
      kind: subtype === 'admin1' ? 'admin1' : 'wof',
      subtype,
      nameAr: '',
      nameEn: en,
      idBase: `${slug(en)}_${cc.toLowerCase()}`,
      idSuffix: gn ? `_${gn}` : `_wof${r.wof_id}`,
      src: 'wof',
    });
    np.country = cc;
    for (const n of names) {
      const m = addSourceName(np, n, { admin1: subtype === 'admin1', keepCityPrefix: keepCity });
      if (!np.nameAr && m) np.nameAr = m;
    }
    if (!np.nameAr) continue;
    wofNew++;
    if (subtype === 'region') np.prior = 0.35; // WOF macroregions are economic regions, rarely meant
    setQid(np, q);
    setGn(np, gn);
    places.push(np);
  }
}

// ---------------------------------------------------------------------------------------------
// 7. Ids
// ---------------------------------------------------------------------------------------------

const KIND_RANK: Readonly<Record<Place['kind'], number>> = { curated: 0, country: 1, region: 2, city: 3, admin1: 4, wof: 5 };
const byId = new Map<string, Place>();
{
  const fixedIds = new Set(places.map((p) => p.fixedId).filter(Boolean));
  const groups = new Map<string, Place[]>();
  for (const p of places) {
    if (p.fixedId) continue;
    if (!groups.has(p.idBase)) groups.set(p.idBase, []);
    groups.get(p.idBase)!.push(p);
  }
  for (const p of places) if (p.fixedId) p.id = p.fixedId;
  for (const [base, group] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    // The plain id goes to the most prominent namesake; the others get their source-id suffix.
    group.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.population - a.population || (a.ref < b.ref ? -1 : 1));
    group.forEach((p, i) => (p.id = i === 0 && !fixedIds.has(base) ? base : `${base}${p.idSuffix}`));
  }
  for (const p of places) {
    if (byId.has(p.id!)) fail(`id collision after suffixing: ${p.id} (${byId.get(p.id!)!.ref}, ${p.ref})`);
    byId.set(p.id!, p);
  }
}
const dormantById = new Map<string, Place>();
for (const p of dormant) {
  const id = byId.has(p.idBase) || dormantById.has(p.idBase) ? `${p.idBase}${p.idSuffix}` : p.idBase;
  p.id = id;
  dormantById.set(id, p);
  debug.push(`dormant\t${id}\t${p.nameEn}\t${p.population}`);
}

// ---------------------------------------------------------------------------------------------
// 8. Curated entries
// ---------------------------------------------------------------------------------------------

interface CuratedEntry {
  id: string;
  type?: string;
  subtype?: string;
  name?: { ar: string; en: string };
  variants?: string[];
  demonyms?: string[];
  common?: string[];
  ambiguous?: string[];
  country?: string;
  prior?: number;
  seen?: string[];
}

/** Curated spellings that start like a proclitic + article (والقوقاز): checked once all names are in. */
const procliticSuspects: { where: string; v: string }[] = [];
let curatedNew = 0;
let curatedMerged = 0;
if (existsSync(CURATED)) {
  const lines = readFileSync(CURATED, 'utf8').split(/\r?\n/);
  const seenIds = new Set<string>();
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `curated-locations.jsonl:${i + 1}`;
    let e: CuratedEntry;
    try {
      e = JSON.parse(line) as CuratedEntry;
    } catch (err) {
      fail(`${where}: expected one JSON object per line, got ${(err as Error).message}`);
    }
    if (!e.id || !/^[a-z0-9]+(_[a-z0-9]+)*$/.test(e.id)) fail(`${where}: expected a snake_case id, got ${JSON.stringify(e.id)}`);
    if (seenIds.has(e.id)) fail(`${where}: id ${e.id} appears twice in the curated file`);
    seenIds.add(e.id);
    if (e.type && e.type !== 'LOCATION') fail(`${where}: expected type LOCATION, got ${e.type}`);
    if (!Array.isArray(e.seen)) fail(`${where}: expected a "seen" array (use [] when unchecked)`);
    for (const v of [...(e.variants ?? []), ...(e.demonyms ?? [])]) {
      if (v !== tidy(v) || !v) fail(`${where}: spelling ${JSON.stringify(v)} has marks, controls or stray spaces`);
    }
    for (const v of e.variants ?? []) if (/^[وفبكل]ال/.test(v)) procliticSuspects.push({ where, v });
    let p = byId.get(e.id);
    const revived = p ? undefined : dormantById.get(e.id);
    if (revived) {
      // A source place whose Arabic name was not in Arabic script: the curated name completes it.
      if (!e.name?.ar) fail(`${where}: ${e.id} revives a source place and needs name.ar`);
      p = revived;
      p.nameAr = e.name.ar;
      if (e.name.en) p.nameEn = e.name.en;
      addVariant(p, e.name.ar);
      p.curatedVariants.add(e.name.ar);
      setGn(p, p.geonames);
      const q = p.geonames !== undefined ? qidByGn.get(p.geonames) : undefined;
      if (q && !byQid.has(q)) {
        setQid(p, q);
        p.src.add('naturalearth');
      }
      places.push(p);
      byId.set(e.id, p);
      curatedMerged++;
    }
    if (!p) {
      if (!e.name?.ar || !e.name.en || !e.subtype) fail(`${where}: a new entry needs name.ar, name.en and subtype`);
      p = newPlace({ ref: `cur:${e.id}`, kind: 'curated', subtype: e.subtype, nameAr: e.name.ar, nameEn: e.name.en, idBase: e.id, idSuffix: '' });
      p.id = e.id;
      if (e.country) p.country = e.country;
      addVariant(p, e.name.ar);
      p.curatedVariants.add(e.name.ar);
      places.push(p);
      byId.set(e.id, p);
      curatedNew++;
    } else if (!revived) {
      curatedMerged++;
      if (e.subtype && e.subtype !== p.subtype) p.subtype = e.subtype;
      if (e.name?.ar) {
        p.nameAr = e.name.ar;
        if (!p.variants.includes(e.name.ar)) p.curatedVariants.add(e.name.ar);
        addVariant(p, e.name.ar);
      }
      if (e.name?.en) p.nameEn = e.name.en;
      if (e.country) p.country = e.country;
    }
    for (const v of e.variants ?? []) {
      if (!p.variants.includes(v)) p.curatedVariants.add(v);
      addVariant(p, v);
    }
    for (const d of e.demonyms ?? []) if (!p.demonyms.includes(d)) p.demonyms.push(d);
    for (const c of e.common ?? []) p.common.add(c);
    for (const a of e.ambiguous ?? []) {
      p.ambiguous.add(a);
      p.curatedAmbiguous.add(key(a));
    }
    if (e.prior !== undefined) p.prior = e.prior;
    for (const s of e.seen ?? []) p.seen.add(s);
  });
}

// A clitic glued to a known name (والقوقاز, بالعراق) is never a spelling of its own.
{
  const known = new Set(places.flatMap((p) => p.variants.map(key)));
  for (const { where, v } of procliticSuspects) {
    if (known.has(key(v.slice(1)))) fail(`${where}: spelling ${JSON.stringify(v)} is ${JSON.stringify(v.slice(1))} with a proclitic`);
  }
}

// ---------------------------------------------------------------------------------------------
// 9. Dropping unusable variants, `common` from corpus counts
// ---------------------------------------------------------------------------------------------

/** Frequent function words and verbs that are also short place names (كان Cannes, وان Van). */
const FUNCTION_WORDS = new Set(
  [
    'في', 'من', 'على', 'إلى', 'عن', 'مع', 'أن', 'إن', 'لا', 'ما', 'قد', 'لم', 'لن', 'ثم', 'أو', 'أم', 'بل', 'هل',
    'كان', 'كانت', 'يكون', 'تكون', 'قال', 'قالت', 'يقول', 'ليس', 'ليست', 'هذا', 'هذه', 'ذلك', 'تلك', 'هناك', 'هنا',
    'منذ', 'بين', 'حتى', 'عند', 'عندما', 'غير', 'لكن', 'إلا', 'كما', 'إذا', 'أما', 'بعد', 'قبل', 'حول', 'دون',
    'خلال', 'ضد', 'نحو', 'لدى', 'أي', 'كل', 'بعض', 'جميع', 'لقد', 'هو', 'هي', 'هم', 'نحن', 'أنا', 'أنت', 'الذي',
    'التي', 'الذين', 'تم', 'يتم', 'أكد', 'أعلن', 'ذكر', 'أضاف', 'أشار', 'وصل', 'جاء', 'أصبح', 'بات', 'ظل', 'صار',
    'زال', 'يمكن', 'يجب', 'سوف', 'عام', 'يوم', 'أيضا', 'فقط', 'جدا', 'نفس', 'ذات', 'الآن', 'اليوم', 'أمس', 'غدا',
    'وان', 'وأن', 'فان', 'بان', 'لان', 'كل', 'مثل', 'تحت', 'فوق', 'أمام', 'وراء', 'عبر', 'ضمن', 'لدى', 'إذ', 'حين',
    'بينما', 'أين', 'متى', 'كيف', 'لماذا', 'ماذا', 'أكثر', 'أقل', 'أول', 'آخر', 'كبير', 'جديد', 'تقع', 'يقع', 'يعد',
    'تعد', 'بلغ', 'أدى', 'رأى', 'بدأ', 'عاد', 'دار', 'سار', 'نال', 'بلا', 'عدة', 'عدد', 'أنه', 'أنها', 'إنه', 'لقاء',
  ].map(key),
);

let droppedShort = 0;
for (const p of places) {
  if (p.kind === 'country' || p.kind === 'region' || p.kind === 'curated') continue;
  const before = p.variants.length;
  p.variants = p.variants.filter((v) => p.curatedVariants.has(v) || letterCount(key(v)) > 2);
  droppedShort += before - p.variants.length;
  if (!p.variants.includes(p.nameAr)) p.nameAr = p.variants[0] ?? '';
}

// A state's descriptor stays outside its name (guideline 3), as ANERcorp and AQMAR both annotate
// it: دولة قطر → قطر, جمهورية مصر العربية → مصر. A source's formal name that is the descriptor
// and another name of the same country is dropped, so the match is the country's usual name.
// Kept where the rest is no name of the country (جمهورية أفريقيا الوسطى, جمهورية الدومينيكان)
// and where the descriptor has the article (المملكة المتحدة, الجمهورية الفرنسية).
const STATE_DESCRIPTORS = new Set(['دولة', 'جمهورية', 'مملكة', 'إمارة'].map(key));
let droppedFormal = 0;
for (const p of places) {
  const keys = p.variants.map(key);
  const before = p.variants.length;
  p.variants = p.variants.filter((_, i) => {
    const words = keys[i]!.split(' ');
    if (words.length < 2 || !STATE_DESCRIPTORS.has(words[0]!)) return true;
    const rest = words.slice(1).join(' ');
    return !keys.some((k) => k === rest || rest.startsWith(`${k} `));
  });
  droppedFormal += before - p.variants.length;
  if (!p.variants.includes(p.nameAr)) p.nameAr = p.variants[0] ?? '';
}
for (let i = places.length - 1; i >= 0; i--) {
  if (places[i]!.variants.length === 0) {
    byId.delete(places[i]!.id!);
    places.splice(i, 1);
  }
}

// Top O stems of the corpora: a short place name that is one of them is an everyday word.
const frequentO = new Set(
  [...stats.tokens]
    .filter(([k]) => letterCount(k) >= 2)
    .sort((a, b) => b[1].O - a[1].O || (a[0] < b[0] ? -1 : 1))
    .slice(0, 400)
    .map(([k]) => k),
);

let commonByCounts = 0;
let commonByWords = 0;
const commonReport: string[] = [];
for (const p of places) {
  const isSovereignLike = p.kind === 'country' || p.kind === 'region';
  for (const v of p.variants) {
    const k = key(v);
    if (k.includes(' ') || k.includes('-')) continue;
    // Countries: only the bare word counts (السورية is the adjective, not the country سورية).
    const c = isSovereignLike ? stats.tokens.get(k) : stats.stems.get(k);
    const O = c?.O ?? 0;
    const LOC = c?.LOC ?? 0;
    let flagged = false;
    if (O >= (isSovereignLike ? 3 : 2) && O > LOC) {
      flagged = true;
      commonByCounts++;
      commonReport.push(`${v}\t${p.id}\tO=${O}\tLOC=${LOC}`);
    } else if (!isSovereignLike && letterCount(k) <= 4 && (FUNCTION_WORDS.has(k) || frequentO.has(k))) {
      flagged = true;
      commonByWords++;
      commonReport.push(`${v}\t${p.id}\tfunction word/frequent (O=${O}, LOC=${LOC})`);
    }
    if (flagged) p.common.add(v);
  }
}

// ---------------------------------------------------------------------------------------------
// 10. Ambiguity: a normalised key of two entities must be listed by both
// ---------------------------------------------------------------------------------------------

const keyOwners = new Map<string, Set<Place>>();
for (const p of places) {
  for (const v of p.variants) {
    const k = key(v);
    if (!keyOwners.has(k)) keyOwners.set(k, new Set());
    keyOwners.get(k)!.add(p);
  }
}
const unacknowledged: string[] = [];
for (const [k, owners] of keyOwners) {
  if (owners.size < 2) continue;
  // A hand-added spelling that collides must say so in the curated file; source collisions
  // (namesake cities, country and capital) are marked here.
  for (const p of owners) {
    const curatedHere = p.variants.some((v) => key(v) === k && p.curatedVariants.has(v));
    if (curatedHere && !p.curatedAmbiguous.has(k)) {
      const others = [...owners].filter((o) => o !== p).map((o) => o.id).sort();
      unacknowledged.push(`${p.id}: "${p.variants.find((v) => key(v) === k)}" is also a name of ${others.join(', ')}`);
    }
  }
  for (const p of owners) for (const v of p.variants) if (key(v) === k) p.ambiguous.add(v);
}
if (unacknowledged.length) {
  fail(`curated spellings shared with other places without "ambiguous":\n  ${unacknowledged.slice(0, 40).join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------
// 11. Priors
// ---------------------------------------------------------------------------------------------

const DEFAULT_PRIOR: Readonly<Record<string, number>> = {
  country: 0.9,
  territory: 0.8,
  continent: 0.9,
  region: 0.75,
  'historic state': 0.7,
  river: 0.7,
  sea: 0.75,
  mountain: 0.6,
  corridor: 0.8,
  venue: 0.6,
  admin1: 0.4,
  district: 0.25,
};
const round2 = (x: number): number => Math.round(x * 100) / 100;
for (const p of places) {
  if (p.prior !== undefined) continue;
  if (p.subtype === 'city') {
    if (p.capital) p.prior = 0.8;
    else {
      const pop = Math.max(p.population, 1000);
      const base = 0.25 + 0.1 * Math.log10(pop / 10_000) + (p.admin1Capital ? 0.05 : 0);
      p.prior = round2(Math.min(0.75, Math.max(0.2, base)));
    }
  } else p.prior = DEFAULT_PRIOR[p.subtype] ?? 0.5;
}

// ---------------------------------------------------------------------------------------------
// 12. Checks and output
// ---------------------------------------------------------------------------------------------

function check(): void {
  const ids = new Set<string>();
  for (const p of places) {
    if (!/^[a-z0-9]+(_[a-z0-9]+)*$/.test(p.id!)) fail(`bad id ${p.id} (${p.ref}, ${p.nameEn})`);
    if (ids.has(p.id!)) fail(`duplicate id ${p.id}`);
    ids.add(p.id!);
    if (!p.nameAr || !p.variants.includes(p.nameAr)) fail(`${p.id}: name.ar must be one of its variants`);
    for (const v of p.variants) if (!key(v)) fail(`${p.id}: variant ${JSON.stringify(v)} is empty once normalised`);
    for (const a of p.ambiguous) if (!p.variants.includes(a)) fail(`${p.id}: ambiguous ${a} is not a variant`);
    for (const c of p.common) if (!p.variants.includes(c)) fail(`${p.id}: common ${c} is not a variant`);
    if (p.country && !/^[A-Z]{2}$/.test(p.country)) fail(`${p.id}: country ${p.country}`);
    if (p.src.size === 0 && p.seen.size === 0 && p.kind !== 'curated') fail(`${p.id}: no src`);
  }
  for (const [k, owners] of keyOwners) {
    if (owners.size < 2) continue;
    for (const p of owners) {
      if (![...p.ambiguous].some((a) => key(a) === k)) fail(`key "${k}" is shared by ${[...owners].map((o) => o.id).join(', ')} but ${p.id} does not list it in ambiguous`);
    }
  }
}
check();

const sortStrings = (xs: Iterable<string>): string[] => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));

function serialise(p: Place): string {
  const variants = [p.nameAr, ...sortStrings(p.variants.filter((v) => v !== p.nameAr))];
  const o: Record<string, unknown> = {
    id: p.id,
    type: 'LOCATION',
    subtype: p.subtype,
    name: { ar: p.nameAr, en: p.nameEn },
    variants,
  };
  if (p.demonyms.length) o.demonyms = p.demonyms;
  if (p.common.size) o.common = sortStrings(p.common);
  if (p.ambiguous.size) o.ambiguous = sortStrings(p.ambiguous);
  if (p.country) o.country = p.country;
  if (p.wikidata) o.wikidata = p.wikidata;
  if (p.geonames !== undefined) o.geonames = p.geonames;
  o.prior = p.prior;
  const src = ['cldr', 'geonames', 'naturalearth', 'wof'].filter((s) => p.src.has(s));
  if (src.length) o.src = src;
  if (p.seen.size || p.kind === 'curated') o.seen = [...p.seen].sort();
  return JSON.stringify(o);
}

places.sort((a, b) => (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0));
const out = places.map(serialise).join('\n') + '\n';
writeFileSync(OUT, out);

// ---------------------------------------------------------------------------------------------
// 13. Dev-gold check: every LOCATION spelling of the dev gold resolves to a place
// ---------------------------------------------------------------------------------------------

interface GoldMention {
  text: string;
  entity: string;
}
function readDevGold(): GoldMention[] {
  if (!existsSync(DEV_DIR)) return [];
  const out: GoldMention[] = [];
  for (const f of readdirSync(DEV_DIR).sort()) {
    if (!f.endsWith('.gold.jsonl')) continue;
    for (const line of readFileSync(join(DEV_DIR, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const g = JSON.parse(line) as { type?: string; text?: string; entity?: string };
      if (g.type === 'LOCATION' && g.text) out.push({ text: g.text, entity: g.entity ?? '' });
    }
  }
  return out;
}

const devMisses: string[] = [];
const devLinks = new Map<string, Set<string>>();
for (const g of devGold) {
  if (DEV_TYPOS.has(g.text)) continue;
  const owners = keyOwners.get(key(g.text));
  if (!owners || owners.size === 0) {
    devMisses.push(`${g.text} (${g.entity})`);
    continue;
  }
  // With several owners the extractor ranks by prior: the top one is the link.
  const top = [...owners].sort((a, b) => (b.prior ?? 0) - (a.prior ?? 0) || (a.id! < b.id! ? -1 : 1))[0]!;
  if (!devLinks.has(g.entity)) devLinks.set(g.entity, new Set());
  devLinks.get(g.entity)!.add(top.id!);
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const bySubtype = new Map<string, number>();
for (const p of places) bySubtype.set(p.subtype, (bySubtype.get(p.subtype) ?? 0) + 1);
const nVariants = places.map((p) => p.variants.length);
const totalVariants = nVariants.reduce((a, b) => a + b, 0);
const maxP = places.reduce((m, p) => (p.variants.length > m.variants.length ? p : m));
const nCommon = places.reduce((a, p) => a + p.common.size, 0);
const nAmbiguous = places.reduce((a, p) => a + p.ambiguous.size, 0);
const verbose = process.argv.includes('--verbose');

console.log(`wrote ${OUT} — ${places.length} entities, ${(Buffer.byteLength(out) / 1024).toFixed(0)} KiB`);
console.log(`  per subtype: ${[...bySubtype].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${n}`).join(', ')}`);
console.log(`  variants: ${totalVariants} (mean ${(totalVariants / places.length).toFixed(2)}, max ${maxP.variants.length} for ${maxP.id})`);
console.log(`  wikidata ${places.filter((p) => p.wikidata).length}, geonames ${places.filter((p) => p.geonames !== undefined).length}`);
console.log(`  Natural Earth places: ${neMatched} merged, ${neNew} new; CLDR exemplar cities: ${exemplarMatched} matched, ${exemplarSkipped} skipped; WOF: ${wofMerged} merged, ${wofNew} new`);
console.log(`  curated: ${curatedNew} new, ${curatedMerged} merged into source places`);
console.log(`  dropped ${droppedShort} city variants of 1–2 letters and ${droppedFormal} formal state names (دولة قطر); ${citiesWithoutEnglish} GeoNames cities skipped (no English name or country)`);
console.log(`  common: ${nCommon} variants flagged (${commonByCounts} mostly O in ANERcorp train + AQMAR (${stats.totalTokens} tokens), ${commonByWords} short function words/frequent tokens, rest curated)`);
console.log(`  ambiguous: ${nAmbiguous} variants on ${places.filter((p) => p.ambiguous.size).length} entities (${[...keyOwners.values()].filter((s) => s.size > 1).length} shared keys)`);
if (verbose) {
  for (const line of commonReport.sort()) debug.push(`common\t${line}`);
  writeFileSync('/tmp/build-locations-debug.txt', debug.join('\n') + '\n');
}
const split = [...devLinks].filter(([, ids]) => ids.size > 1);
console.log(`  dev gold: ${devGold.length} LOCATION mentions, ${devLinks.size} entities, ${devMisses.length} spellings not found, ${split.length} gold entities split over several ids`);
for (const [g, ids] of split) console.log(`    split: ${g} → ${[...ids].join(', ')}`);
if (verbose) for (const [g, ids] of [...devLinks].sort()) console.log(`    link: ${g} → ${[...ids].join(', ')}`);
if (devMisses.length) fail(`dev-gold LOCATION spellings missing from the lexicon: ${[...new Set(devMisses)].join('; ')}`);
