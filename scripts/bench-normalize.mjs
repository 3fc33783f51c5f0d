#!/usr/bin/env node
// Normaliser throughput over the shared dev articles (or our own sample sentences when
// ../shared is absent), through the built package as a user imports it. Prints MB/s of UTF-16.
//   npm run build && node scripts/bench-normalize.mjs [DOCS_DIR]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize, tokenize } from 'kashif';

const dir = process.argv[2] ?? '../shared/corpus/dev';
const docs = existsSync(dir)
  ? readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'))
  : ['قالت وزارةُ الدفاع الأذربيجانيّة إنّ قوات حفظ السلام الروسية انسحبت من مدينة خانكيندي، وفق وكالة «تاس» للأنباء.\n'.repeat(50)];
const corpus = [];
while (corpus.reduce((n, d) => n + d.length, 0) < 8e6) corpus.push(...docs);
const chars = corpus.reduce((n, d) => n + d.length, 0);
const mb = (chars * 2) / 2 ** 20;

function time(fn) {
  const runs = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[3];
}
let sink = 0;
const ms = time(() => {
  for (const d of corpus) sink += normalize(d).text.length;
});
const tokMs = time(() => {
  for (const d of corpus) sink += tokenize(d).length;
});
console.log(`corpus: ${docs.length} docs repeated to ${(chars / 1e6).toFixed(1)} M chars (${existsSync(dir) ? dir : 'built-in sample'})`);
console.log(`tokenize (Token objects): ${(mb / (tokMs / 1000)).toFixed(1)} MB/s`);
console.log(`normalize: ${(mb / (ms / 1000)).toFixed(1)} MB/s of UTF-16 text on one core (median of 7; sink ${sink > 0})`);
