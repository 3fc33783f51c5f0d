#!/usr/bin/env node
// One point of the lexicon-size curve, in a fresh process: N synthetic entries
// (bench/lib/synthetic.mjs) → Gazetteer.fromEntries → createExtractor({ gazetteer }), then the
// time to extract from a fixed text with and without the tagger. Prints one JSON line with the
// build time, the memory the entries, gazetteer and extractors hold after a full GC, and the extraction times (median
// of several calls). run.mjs starts it once per size, with a larger heap for the large ones:
//   node --expose-gc --max-old-space-size=4096 bench/lexicon-size.mjs N|bundled [--chars C] [--shared DIR]
import { Gazetteer, createExtractor } from 'kashif';
import { loadDevDocs, sharedDir, textOfLength } from './lib/corpus.mjs';
import { median } from './lib/measure.mjs';
import { syntheticEntries, vocabulary } from './lib/synthetic.mjs';

const bundled = process.argv[2] === 'bundled'; // the shipped gazetteer instead, for reference
const n = bundled ? 0 : Number(process.argv[2]);
const argChars = process.argv.indexOf('--chars');
const chars = argChars >= 0 ? Number(process.argv[argChars + 1]) : 2 ** 19;
const samples = 3;
if (!bundled && (!Number.isInteger(n) || n < 1)) throw new Error(`bench: expected a number of entries, got ${process.argv[2]}`);

const { docs } = loadDevDocs(sharedDir());
const text = textOfLength(docs.map((d) => d.text), chars);
const gc = globalThis.gc ?? (() => {});

const vocab = vocabulary(text);
gc();
const before = process.memoryUsage();
let entries = bundled ? null : syntheticEntries(n, vocab);
const t0 = performance.now();
const gazetteer = bundled ? Gazetteer.bundled() : Gazetteer.fromEntries(entries);
const buildGazetteerMs = performance.now() - t0;
const rules = createExtractor({ gazetteer, model: false });
const full = createExtractor({ gazetteer });
full.extract('قال الرئيس');
const buildMs = performance.now() - t0;
entries = null;
gc();
const after = process.memoryUsage();

const time = (ex) => {
  let found = ex.extract(text).length; // warm-up
  const times = [];
  for (let s = 0; s < samples; s++) {
    const t = performance.now();
    found = ex.extract(text).length;
    times.push(performance.now() - t);
  }
  return { ms: median(times), found };
};
const withoutModel = time(rules);
const withModel = time(full);
const MB = 2 ** 20;
console.log(JSON.stringify({
  entries: gazetteer.size,
  buildGazetteerMs,
  buildMs,
  heapMb: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / MB,
  rssMb: after.rss / MB,
  chars: text.length,
  rulesMs: withoutModel.ms,
  rulesFound: withoutModel.found,
  modelMs: withModel.ms,
  modelFound: withModel.found,
}));
