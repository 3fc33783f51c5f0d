import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import './run-id.js';

/** The project root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Builds the package (dist/) once per test run, however many test files ask and in whatever
 * order: the first takes a lock and builds, the others wait for it. `npm test` on a fresh clone
 * so needs no earlier step.
 */
export function ensureBuilt(): void {
  const runId = inject('runId');
  const lock = join(root, 'node_modules', '.kashif-build-lock');
  const stamp = join(root, 'node_modules', '.kashif-build-stamp');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (stale(lock) || Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (read(stamp) !== runId) {
      execFileSync(process.execPath, [join(root, 'node_modules/tsup/dist/cli-default.js')], { cwd: root, stdio: 'pipe' });
      writeFileSync(stamp, runId);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function stale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > 180_000;
  } catch {
    return false;
  }
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
