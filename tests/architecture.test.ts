import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layers import only downward, so the folder tree shows the architecture:
 * types/errors/base64 ← normalize ← tokenize ← gazetteer ← match ← model ← extract/evaluate ← index ← cli.
 */
const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const LAYERS = ['types', 'errors', 'normalize', 'tokenize', 'gazetteer', 'match', 'model', 'extract', 'evaluate', 'index', 'cli'];

function layerOf(file: string): number {
  const top = relative(src, file).split(/[\\/]/)[0]!.replace(/(\.d)?\.ts$/, '');
  const layer = { types: 0, errors: 0, assets: 0, base64: 0 }[top as 'types'] ?? LAYERS.indexOf(top);
  if (layer < 0) throw new Error(`no layer for ${file}`);
  return top === 'evaluate' ? LAYERS.indexOf('extract') : layer;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

describe('architecture', () => {
  it('every import points to the same layer or one below it', () => {
    const upward: string[] = [];
    let checked = 0;
    for (const file of files(src)) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)) {
        const target = join(dirname(file), spec!.replace(/\.js$/, '.ts'));
        if (target.endsWith('.jsonl') || target.endsWith('.txt') || target.endsWith('.bin')) continue;
        const resolved = readdirSync(dirname(target)).includes(target.split(/[\\/]/).pop()!) ? target : join(target.replace(/\.ts$/, ''), 'index.ts');
        checked++;
        if (layerOf(resolved) > layerOf(file)) upward.push(`${relative(src, file)} → ${spec}`);
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(upward).toEqual([]);
    expect(layerOf(join(src, 'match', 'rules.ts'))).toBeGreaterThan(layerOf(join(src, 'gazetteer', 'gazetteer.ts')));
  });

  it('only the CLI touches the file system or the process', () => {
    const offenders = files(src)
      .filter((f) => layerOf(f) !== LAYERS.indexOf('cli'))
      .filter((f) => /from 'node:|process\.(argv|exit|stdin|stdout)/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(src, f));
    expect(offenders).toEqual([]);
  });

  it('the CLI uses only the public API, as users do', () => {
    const cli = files(join(src, 'cli'));
    const reachesIn = cli.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.\.\/[^']+)'/gm)].map((m) => m[1]!).filter((spec) => spec !== '../index.js').map((spec) => `${relative(src, f)} → ${spec}`),
    );
    expect(cli.length).toBeGreaterThan(3);
    expect(reachesIn).toEqual([]);
  });
});
