#!/usr/bin/env node
// extract() throughput through the built package, with and without the learned tagger, over the
// shared dev articles (or our own sample when ../shared is absent), and a linearity check:
// 10 MB of text should take about ten times 1 MB.
//   npm run build && node scripts/bench-extract.mjs [DOCS_DIR]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExtractor, extract } from 'kashif';

const dir = process.argv[2] ?? '../shared/corpus/dev';
const docs = existsSync(dir)
  ? readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'))
  : ['قالت وزارة الدفاع الأذربيجانية إن قوات حفظ السلام الروسية انسحبت من مدينة خانكيندي، وفق وكالة «تاس». وقال الرئيس إلهام علييف في باكو إن العملية انتهت.\n'.repeat(40)];
const corpus = [];
while (corpus.reduce((n, d) => n + d.length, 0) < 3e6) corpus.push(...docs);
const chars = corpus.reduce((n, d) => n + d.length, 0);
const mb = (chars * 2) / 2 ** 20;

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function rate(run) {
  for (const d of docs) run(d); // warm-up
  const times = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (const d of corpus) run(d);
    times.push(performance.now() - t0);
  }
  return mb / (median(times) / 1000);
}
const withoutModel = createExtractor({ model: false });
console.log(`corpus: ${(chars / 1e6).toFixed(1)} M chars (${existsSync(dir) ? dir : 'built-in sample'}), UTF-16 ${mb.toFixed(1)} MB`);
console.log(`extract, lexicons + patterns + rules:        ${rate((d) => withoutModel.extract(d)).toFixed(2)} MB/s (needs ≥ 5)`);
console.log(`extract, with the learned tagger (default): ${rate((d) => extract(d)).toFixed(2)} MB/s (needs ≥ 2)`);

const one = docs.join('\n').repeat(Math.ceil(500_000 / docs.join('\n').length)).slice(0, 500_000);
const ten = one.repeat(10);
const time = (s) => {
  const t0 = performance.now();
  extract(s);
  return performance.now() - t0;
};
time(one);
const t1 = median([time(one), time(one), time(one)]);
const t10 = median([time(ten), time(ten), time(ten)]);
console.log(`linearity: 1 MB in ${t1.toFixed(0)} ms, 10 MB in ${t10.toFixed(0)} ms (×${(t10 / t1).toFixed(1)}, linear is ×10)`);
