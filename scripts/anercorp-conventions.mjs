#!/usr/bin/env node
// What kashif's guidelines cost on ANERcorp test: the conll.mjs score of the built package with
// all its mentions, then without the national institutions that the guidelines tag and ANERcorp
// leaves untagged (الجيش اللبناني، الحكومة السودانية: the `pattern` mentions). Reporting only:
// nothing is tuned on it.
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
const f1 = (r) => (100 * r.f).toFixed(1);
for (const [label, keep] of [
  ['every mention', () => true],
  ['without national institutions', (m) => m.source !== 'pattern'],
]) {
  const kept = mentions.map((ms) => ms.filter(keep));
  const left = mentions.flat().length - kept.flat().length;
  const r = scoreConll(conll.sentences, kept);
  const types = Object.entries(r.byType).map(([t, x]) => `${t} ${f1(x)}`).join(' · ');
  console.log(`${label.padEnd(31)} ${types} · micro ${f1(r)}${left ? ` (${left} mentions left out)` : ''}`);
}
