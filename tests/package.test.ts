import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The built package, checked the way users meet it: `import` and `require` through the
 * `exports` map, the declaration files, and the `kashif` command. Builds first, so `npm test`
 * on a fresh clone needs no earlier step.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = (args: string[]): string => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

describe('the built package', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'node_modules/tsup/dist/cli-default.js')], { cwd: root, stdio: 'pipe' });
  }, 120_000);

  it('is importable as an ES module through its exports', () => {
    const out = node(['--input-type=module', '-e', "import { normalize } from 'kashif'; console.log(normalize('أذربيجان').text)"]);
    expect(out.trim()).toBe('اذربيجان');
  });

  it('is requirable as CommonJS through its exports', () => {
    const out = node(['-e', "const { normalize, languageSegments } = require('kashif'); console.log(normalize('قرة').text, languageSegments('قال: the army has left the town today.').length)"]);
    expect(out.trim()).toBe('قره 1');
  });

  it('ships declarations for both module systems', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, Record<string, { types: string; default: string }>>;
    };
    for (const condition of ['import', 'require']) {
      const entry = pkg.exports['.']?.[condition];
      expect(entry && existsSync(join(root, entry.types)) && existsSync(join(root, entry.default))).toBe(true);
    }
  });
});
