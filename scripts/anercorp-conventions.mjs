#!/usr/bin/env node
// What kashif's guidelines cost on ANERcorp test: the conll.mjs score of the built package with
// all its mentions; then without the national institutions that the guidelines tag and ANERcorp
// leaves untagged (الجيش اللبناني، الحكومة السودانية: the `pattern` mentions); then with places
// also cut to ANERcorp's spans, as its train split writes them (never read from test): the
// descriptor before a place outside (قطاع غزة, and جمهورية where kashif keeps it inside because
// the rest is no name of the country: جمهورية أفريقيا الوسطى; O B-LOC 47 times in train), a
// venue's head (مطار، مسجد، استاد: outside the name after it 48 times in train, inside twice),
// and the epithet or adjective after it (مكة المكرمة، الصين الشعبية، إيران الإسلامية: B-LOC O 53
// times). Reporting only: nothing is tuned on it.
//   npm run build && node scripts/anercorp-conventions.mjs [--shared DIR]
import { extract } from '../dist/index.js';
import { loadConll, sharedDir } from '../bench/lib/corpus.mjs';
import { scoreConll } from '../bench/lib/scoring.mjs';

const conll = loadConll(sharedDir(process.argv));
if (!conll) {
  console.log('anercorp-conventions: skipped, ANERcorp test is not beside the project (../shared/data/anercorp)');
  process.exit(0);
}
const mentions = conll.sentences.map((s) => extract(s.text));
const notPattern = (m) => m.source !== 'pattern';

/** A place cut to ANERcorp's span: without the descriptor or venue head before it, or the epithet after it. */
function anercorpPlace(m) {
  if (m.type !== 'LOCATION') return m;
  let { start, end, text } = m;
  const lead = /^(?:قطاع|دولة|جمهورية|مطار|ملعب|استاد|ستاد|قصر|جامع|مسجد|كنيسة|كاتدرائية|ميدان|معبر|جسر) /u.exec(text);
  if (lead) {
    start += lead[0].length;
    text = text.slice(lead[0].length);
  }
  const trail = / (?:المكرمة|الشعبية|ال[إا]سلامية)$/u.exec(text);
  if (trail) {
    end -= trail[0].length;
    text = text.slice(0, -trail[0].length);
  }
  return lead || trail ? { ...m, start, end, text } : m;
}
const f1 = (r) => (100 * r.f).toFixed(1);
for (const [label, convert] of [
  ['every mention', (ms) => ms],
  ['without national institutions', (ms) => ms.filter(notPattern)],
  ['… and with ANERcorp’s place spans', (ms) => ms.filter(notPattern).map(anercorpPlace)],
]) {
  const kept = mentions.map(convert);
  const left = mentions.flat().length - kept.flat().length;
  const cut = kept.flat().filter((m) => !mentions.flat().includes(m)).length;
  const r = scoreConll(conll.sentences, kept);
  const types = Object.entries(r.byType).map(([t, x]) => `${t} ${f1(x)}`).join(' · ');
  const notes = [left && `${left} mentions left out`, cut && `${cut} places cut`].filter(Boolean).join(', ');
  console.log(`${label.padEnd(36)} ${types} · micro ${f1(r)}${notes ? ` (${notes})` : ''}`);
}
