import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, root } from './support/built.js';

/**
 * The benchmark (bench/run.mjs) in its quick mode, through the built package: it must print the
 * comparison table, the ratios and both curves, and write its files. Only the shape is checked;
 * the figures are printed, never asserted. Without ../shared it runs on its built-in sample.
 */
beforeAll(ensureBuilt, 180_000);

describe('npm run bench -- --quick', () => {
  it('prints one row per tool, the ratios and both curves, and writes the plot', () => {
    const out = mkdtempSync(join(tmpdir(), 'kashif-bench-'));
    const stdout = execFileSync(process.execPath, ['--expose-gc', 'bench/run.mjs', '--quick', '--out', out], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    const lines = stdout.split('\n');
    const header = lines.findIndex((l) => l.startsWith('| tool |'));
    expect(header).toBeGreaterThanOrEqual(0);
    const after = lines.slice(header + 2);
    const rows = after.slice(0, after.findIndex((l) => !l.startsWith('|')));
    expect(rows.map((r) => r.split('|')[1]?.trim())).toEqual([
      'kashif extract',
      'kashif extract, model: false',
      'kashif normalize',
      '@nlpjs/ner',
      'wink-ner',
      'modern-ahocorasick',
      'Aho–Corasick floor',
      'table-pass floor',
    ]);
    for (const row of rows) {
      const cells = row.split('|').slice(1, -1).map((c) => c.trim());
      expect(cells).toHaveLength(9);
      for (const speed of cells.slice(1, 3)) expect(Number(speed)).toBeGreaterThan(0);
    }
    expect(stdout).toContain('### Ratios (dev MB/s)');
    expect(stdout).toContain('### Time against text length');
    expect(stdout).toContain('### Time against lexicon size');
    expect(stdout).toMatch(/\| 10,000 synthetic \|/);
    const svg = readFileSync(join(out, 'scaling.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(existsSync(join(out, 'results.json'))).toBe(true);
    if (!existsSync(join(root, '..', 'shared', 'corpus', 'dev'))) expect(stdout).toContain('built-in sample');
  }, 150_000);
});
