#!/usr/bin/env node
// Loading the bundled lexicons: time and heap of Gazetteer.bundled() in fresh processes, through
// the built package as a user imports it (median of 5 runs).
//   npm run build && node --expose-gc scripts/bench-load.mjs
import { execFileSync } from 'node:child_process';

const probe = `
  const { Gazetteer } = await import('kashif');
  globalThis.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const g = Gazetteer.bundled();
  const ms = performance.now() - t0;
  globalThis.gc?.();
  const heap = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  console.log(JSON.stringify({ ms, heap, entities: g.size }));
`;
const runs = [];
for (let i = 0; i < 5; i++) {
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', probe], { encoding: 'utf8' });
  runs.push(JSON.parse(out.trim().split('\n').pop()));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = median(runs.map((r) => r.ms));
const heap = median(runs.map((r) => r.heap));
console.log(`Gazetteer.bundled(): ${runs[0].entities} entities, load ${ms.toFixed(0)} ms (median of ${runs.length} fresh processes; needs < 200), heap +${heap.toFixed(1)} MB (needs < 100)`);
process.exit(ms < 200 && heap < 100 ? 0 : 1);
