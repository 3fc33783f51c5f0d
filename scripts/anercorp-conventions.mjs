#!/usr/bin/env node
// What kashif's guidelines cost on ANERcorp: the conll.mjs score of the built package with all
// its mentions, then without the national institutions that the guidelines tag and ANERcorp
// leaves untagged (الجيش اللبناني، الحكومة السودانية: the `pattern` mentions). Reporting only:
// nothing is tuned on it.
//   npm run build && node scripts/anercorp-conventions.mjs [../shared/data/anercorp/test.txt]
import { existsSync, readFileSync } from 'node:fs';
import { extract } from '../dist/index.js';

const file = process.argv[2] ?? '../shared/data/anercorp/test.txt';
if (!existsSync(file)) {
  console.log(`anercorp-conventions: skipped, ${file} is not here`);
  process.exit(0);
}
const TAG = { PERS: 'PER', PER: 'PER', LOC: 'LOC', ORG: 'ORG' };
const OUR = { PERSON: 'PER', LOCATION: 'LOC', ORGANIZATION: 'ORG' };
const TYPES = ['PER', 'LOC', 'ORG', 'ALL'];

// Sentences of "token tag" lines, as conll.mjs reads them.
const sentences = readFileSync(file, 'utf8')
  .split(/\n\s*\n/)
  .filter((s) => s.trim())
  .map((s) =>
    s.split('\n').filter((l) => l.trim()).map((l) => {
      const i = l.lastIndexOf(' ');
      const [bio, type] = l.slice(i + 1).trim().split('-');
      return { tok: l.slice(0, i), bio: TAG[type] ? bio : 'O', type: TAG[type] ?? null };
    }),
  );

/** Exact spans of a BIO sequence, as "TYPE:start:end". */
function spans(labels) {
  const out = [];
  let open = null;
  labels.forEach(([bio, type], i) => {
    if (open && (bio !== 'I' || type !== open.type)) {
      out.push(open);
      open = null;
    }
    if (bio === 'B' || (bio === 'I' && !open)) open = { type, start: i, end: i + 1 };
    else if (bio === 'I') open.end = i + 1;
  });
  if (open) out.push(open);
  return out.map((s) => `${s.type}:${s.start}:${s.end}`);
}

function score(keep) {
  const c = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, np: 0, ng: 0 }]));
  let left = 0;
  for (const sent of sentences) {
    const offsets = [];
    let text = '';
    for (const w of sent) {
      if (text) text += ' ';
      offsets.push([text.length, text.length + w.tok.length]);
      text += w.tok;
    }
    const pred = sent.map(() => ['O', null]);
    for (const m of extract(text)) {
      if (!OUR[m.type]) continue;
      if (!keep(m)) {
        left++;
        continue;
      }
      let first = true;
      offsets.forEach(([a, b], i) => {
        if (a < m.end && m.start < b && pred[i][0] === 'O') {
          pred[i] = [first ? 'B' : 'I', OUR[m.type]];
          first = false;
        }
      });
    }
    const gold = new Set(spans(sent.map((w) => [w.bio, w.type])));
    for (const s of spans(pred)) {
      const t = s.split(':')[0];
      for (const k of [t, 'ALL']) {
        c[k].np++;
        if (gold.has(s)) c[k].tp++;
      }
    }
    for (const s of gold) for (const k of [s.split(':')[0], 'ALL']) c[k].ng++;
  }
  const f = ({ tp, np, ng }) => (np && ng && tp ? (200 * tp) / (np + ng) : 0).toFixed(1);
  return `${TYPES.map((t) => `${t === 'ALL' ? 'micro' : t} ${f(c[t])}`).join(' · ')}${left ? ` (${left} mentions left out)` : ''}`;
}

console.log(`every mention:                      ${score(() => true)}`);
console.log(`without national institutions:      ${score((m) => m.source !== 'pattern')}`);
