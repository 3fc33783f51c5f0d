#!/usr/bin/env node
// Checks lexicons/organizations.jsonl: every line parses, ids are unique snake_case and
// sorted, type is ORGANIZATION, name.ar is among the variants, flags name real variants,
// and a normalised key shared by two entities is listed in `ambiguous` of both.
// Usage: node scripts/lexicon/orgs-check.mjs [path]
import { readFileSync } from 'node:fs';

const path = process.argv[2] ?? new URL('../../lexicons/organizations.jsonl', import.meta.url);
// U+064B..U+0652 harakat, U+0670 superscript alef, U+0640 tatweel
const MARKS = /[\u064B-\u0652\u0670\u0640]/g;
const normalizeKey = (s) =>
  s
    .replace(MARKS, '')
    .replace(/[أإآ]/g, 'ا') // U+0623/U+0625/U+0622 → U+0627 ALEF
    .replace(/ى/g, 'ي') // U+0649 ALEF MAKSURA → U+064A YEH
    .replace(/ة/g, 'ه') // U+0629 TEH MARBUTA → U+0647 HEH
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const errors = [];
const fail = (line, msg) => errors.push(`organizations.jsonl:${line}: ${msg}`);
const lines = readFileSync(path, 'utf8').split('\n');
if (lines.at(-1) === '') lines.pop();

const entities = [];
const ids = new Map();
let previousId = '';
lines.forEach((text, i) => {
  const line = i + 1;
  let e;
  try {
    e = JSON.parse(text);
  } catch (err) {
    fail(line, `expected one JSON object, got ${err.message}`);
    return;
  }
  if (e.type !== 'ORGANIZATION') fail(line, `expected type ORGANIZATION, got ${e.type}`);
  if (typeof e.id !== 'string' || !/^[a-z0-9]+(_[a-z0-9]+)*$/.test(e.id)) fail(line, `id not snake_case: ${e.id}`);
  if (ids.has(e.id)) fail(line, `duplicate id ${e.id} (first on line ${ids.get(e.id)})`);
  ids.set(e.id, line);
  if (e.id <= previousId) fail(line, `ids not sorted: ${e.id} after ${previousId}`);
  previousId = e.id;
  if (typeof e.subtype !== 'string' || !e.subtype) fail(line, 'missing subtype');
  if (!e.name?.ar || !e.name?.en) fail(line, 'name needs ar and en');
  if (!Array.isArray(e.variants) || e.variants.length === 0) fail(line, 'variants must be a non-empty array');
  const variants = e.variants ?? [];
  if (!variants.includes(e.name?.ar)) fail(line, `name.ar ${e.name?.ar} is not in variants`);
  if (new Set(variants).size !== variants.length) fail(line, 'duplicate variant');
  for (const v of variants) {
    if (typeof v !== 'string' || !normalizeKey(v)) fail(line, `empty variant ${JSON.stringify(v)}`);
    else if (MARKS.test(v)) fail(line, `variant with diacritics or tatweel: ${v}`);
    MARKS.lastIndex = 0;
  }
  for (const field of ['common', 'ambiguous']) {
    if (e[field] === undefined) continue;
    if (!Array.isArray(e[field])) fail(line, `${field} must be an array`);
    else for (const v of e[field]) if (!variants.includes(v)) fail(line, `${field} entry ${v} is not a variant`);
  }
  if (e.prior !== undefined && !(typeof e.prior === 'number' && e.prior >= 0 && e.prior <= 1)) fail(line, `prior must be in 0..1, got ${e.prior}`);
  if (e.country !== undefined && !/^[A-Z]{2}$/.test(e.country)) fail(line, `country must be ISO 3166-1 alpha-2, got ${e.country}`);
  if (!Array.isArray(e.seen) && !Array.isArray(e.src)) fail(line, 'needs seen or src');
  if ('wikidata' in e) fail(line, 'no wikidata field in hand-curated entries');
  entities.push({ e, line });
});

const owners = new Map();
for (const { e, line } of entities) {
  for (const v of e.variants ?? []) {
    const key = normalizeKey(v);
    if (!owners.has(key)) owners.set(key, []);
    const list = owners.get(key);
    if (!list.some((o) => o.e === e)) list.push({ e, line, v });
  }
}
for (const [key, list] of owners) {
  if (list.length < 2) continue;
  for (const { e, line } of list) {
    const listed = (e.ambiguous ?? []).some((a) => normalizeKey(a) === key);
    if (!listed) fail(line, `key ${key} is shared with ${list.filter((o) => o.e !== e).map((o) => o.e.id).join(', ')} but not in ambiguous`);
  }
}

if (errors.length) {
  console.error(errors.join('\n'));
  console.error(`kashif: ${errors.length} problem(s) in ${entities.length} organisations`);
  process.exit(1);
}
console.log(`kashif: ${entities.length} organisations OK`);
