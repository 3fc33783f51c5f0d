// Checks lexicons/persons.jsonl against the lexicon rules (lexicons/README.md):
// every line parses, ids are unique snake_case and sorted, type PERSON, a known subtype,
// non-empty variants that include name.ar, no diacritics or tatweel, no wikidata field,
// common/ambiguous are subsets of variants, and a normalised key shared by two entities
// is listed in `ambiguous` by both (each with a prior).
// Usage: node scripts/lexicon/persons-check.mjs [path]
import fs from 'node:fs';

const file = process.argv[2] ?? new URL('../../lexicons/persons.jsonl', import.meta.url).pathname;
const SUBTYPES = new Set([
  'head of state', 'head of government', 'foreign minister', 'minister', 'royal', 'politician',
  'militia leader', 'international official', 'spokesperson', 'business', 'athlete', 'coach',
  'journalist', 'religious leader', 'diplomat', 'military',
]);
// The same folding the library applies before lookup: diacritics and tatweel removed,
// alef forms (U+0623 U+0625 U+0622 U+0671) → U+0627, U+0649 → U+064A, U+0629 → U+0647.
const normalise = (s) => s
  .replace(/[\u064B-\u0652\u0670\u0640]/g, '')
  .replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627')
  .replace(/\u0649/g, '\u064A')
  .replace(/\u0629/g, '\u0647')
  .replace(/\s+/g, ' ')
  .trim();

const errors = [];
const ids = new Set();
const keys = new Map();
let previous = '';
const lines = fs.readFileSync(file, 'utf8').split('\n');
lines.forEach((line, i) => {
  if (!line.trim()) return;
  const at = `${file}:${i + 1}`;
  let e;
  try { e = JSON.parse(line); } catch (err) { errors.push(`${at}: not JSON (${err.message})`); return; }
  if (typeof e.id !== 'string' || !/^[a-z0-9]+(_[a-z0-9]+)*$/.test(e.id)) errors.push(`${at}: bad id ${e.id}`);
  if (ids.has(e.id)) errors.push(`${at}: duplicate id ${e.id}`);
  if (e.id <= previous) errors.push(`${at}: not sorted by id (${e.id} after ${previous})`);
  ids.add(e.id); previous = e.id;
  if (e.type !== 'PERSON') errors.push(`${at}: type is ${e.type}, expected PERSON`);
  if (!SUBTYPES.has(e.subtype)) errors.push(`${at}: unknown subtype ${e.subtype}`);
  if ('wikidata' in e) errors.push(`${at}: wikidata field present`);
  if (!e.name?.ar || !e.name?.en) errors.push(`${at}: name.ar and name.en are required`);
  if (!Array.isArray(e.variants) || e.variants.length === 0) { errors.push(`${at}: no variants`); return; }
  if (!e.variants.includes(e.name.ar)) errors.push(`${at}: name.ar not in variants`);
  if (new Set(e.variants).size !== e.variants.length) errors.push(`${at}: duplicate variants`);
  if (!Array.isArray(e.seen) && !Array.isArray(e.src)) errors.push(`${at}: needs seen (or src)`);
  if (e.country !== undefined && !/^[A-Z]{2}$/.test(e.country)) errors.push(`${at}: bad country ${e.country}`);
  for (const v of e.variants) {
    if (/[\u064B-\u0652\u0670\u0640]/.test(v)) errors.push(`${at}: diacritic or tatweel in ${v}`);
    if (!normalise(v)) errors.push(`${at}: empty variant after normalisation`);
  }
  for (const f of ['common', 'ambiguous']) {
    for (const v of e[f] ?? []) if (!e.variants.includes(v)) errors.push(`${at}: ${f} value ${v} not in variants`);
  }
  if (e.prior !== undefined && !(e.prior >= 0 && e.prior <= 1)) errors.push(`${at}: prior out of range`);
  if (e.ambiguous?.length && e.prior === undefined) errors.push(`${at}: ambiguous without prior`);
  const amb = new Set((e.ambiguous ?? []).map(normalise));
  for (const k of new Set(e.variants.map(normalise))) {
    if (!keys.has(k)) keys.set(k, []);
    keys.get(k).push({ id: e.id, ambiguous: amb.has(k) });
  }
});
for (const [k, owners] of keys) {
  if (owners.length > 1 && !owners.every((o) => o.ambiguous)) {
    errors.push(`key «${k}» shared by ${owners.map((o) => o.id + (o.ambiguous ? '' : ' (not marked ambiguous)')).join(', ')}`);
  }
}
if (errors.length) {
  console.error(errors.join('\n'));
  console.error(`persons-check: ${errors.length} error(s) in ${ids.size} entries`);
  process.exit(1);
}
console.log(`persons-check: ${ids.size} entries OK`);
