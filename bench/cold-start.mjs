#!/usr/bin/env node
// One cold start, in the fresh process this script is: import the tool's packages, build it
// (for the peers: read the bundled lexicons and load them), and make the first call on one
// sentence. Prints one JSON line: milliseconds from just before the import to the end of the
// first call (Node's own start-up, about 40 ms, is not included), and the memory held after a
// full GC. run.mjs starts it several times per tool; run it alone with
//   node --expose-gc bench/cold-start.mjs TOOL_ID        (TOOL_ID from bench/lib/tools.mjs, or "none")
// "kashif-gazetteer" measures Gazetteer.bundled() alone, after the import.
import { TOOLS } from './lib/tools.mjs';

const id = process.argv[2];
const SENTENCE = 'قال الرئيس الأذري إلهام علييف إن العملية في قره باغ انتهت.';

const gc = globalThis.gc ?? (() => {});
const kashif = id === 'kashif-gazetteer' ? await import('kashif') : null;
gc();
const before = process.memoryUsage();
const t0 = performance.now();
let ms = 0;
let result = 0;
if (kashif) {
  result = kashif.Gazetteer.bundled().size;
  ms = performance.now() - t0;
} else if (id !== 'none') {
  const factory = TOOLS[id];
  if (!factory) throw new Error(`bench: no tool named ${JSON.stringify(id)}; expected one of ${Object.keys(TOOLS).join(', ')}`);
  const tool = await factory.create();
  result = await tool.run(tool.prepare(SENTENCE));
  ms = performance.now() - t0;
}
gc();
const m = process.memoryUsage();
const MB = 2 ** 20;
console.log(JSON.stringify({
  id,
  ms,
  heapMb: (m.heapUsed + m.arrayBuffers) / MB,
  heapDeltaMb: (m.heapUsed + m.arrayBuffers - before.heapUsed - before.arrayBuffers) / MB,
  rssMb: m.rss / MB,
  result,
}));
