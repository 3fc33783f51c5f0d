#!/usr/bin/env node
// `npm run eval`: scores the built package on the shared dev corpus, when it is there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const dir = process.argv[2] ?? '../shared/corpus/dev';
if (!existsSync(dir)) {
  console.log(`eval: skipped, ${dir} is not here (it sits beside the project in the team's checkout only)`);
  process.exit(0);
}
const run = spawnSync(process.execPath, ['dist/cli.js', 'eval', dir, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
