import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, root } from './support/built.js';

/**
 * The built package, checked the way users meet it: `import` and `require` through the
 * `exports` map, the declaration files, and the packed tarball installed into a fresh project.
 * Builds first, so `npm test` on a fresh clone needs no earlier step.
 */
const node = (args: string[]): string => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

beforeAll(ensureBuilt, 180_000);

describe('the built package', () => {
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

describe('the built declarations', () => {
  it('type-check in a strict consumer project that imports the package', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kashif-consumer-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'kashif'), 'dir');
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, module: 'node16', moduleResolution: 'node16', target: 'es2022', noEmit: true, skipLibCheck: false, types: [] },
        files: ['consumer.ts'],
      }),
    );
    writeFileSync(
      join(dir, 'consumer.ts'),
      [
        "import { extract, createExtractor, Gazetteer, normalize, type Mention } from 'kashif';",
        "const mentions: Mention[] = extract('قال الرئيس إلهام علييف');",
        'const first: string | undefined = mentions[0]?.entity?.name.en;',
        "const mine = createExtractor({ gazetteer: Gazetteer.bundled().extend([{ id: 'x', type: 'PERSON', name: { ar: 'س' } }]), model: false });",
        "const n = normalize('باكو').toSource(0, 4).end;",
        'export { first, mine, n };',
      ].join('\n'),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);
});

describe('the packed tarball', () => {
  const npm = (args: string[], cwd: string): string =>
    execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

  it('holds only what users need, installs into a fresh project, and works from ESM, CommonJS, strict TypeScript (nodenext) and the bin', () => {
    const work = mkdtempSync(join(tmpdir(), 'kashif-tarball-'));
    const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root)) as { filename: string; files: { path: string }[] }[];
    const paths = packed!.files.map((f) => f.path);
    expect(paths.filter((p) => !/^(dist\/|lexicons\/|package\.json$|README\.md$|LICENSE$)/.test(p))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/browser.js', 'dist/cli.js', 'dist/cli-worker.js', 'lexicons/NOTICE', 'LICENSE']));

    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    npm(['install', '--prefer-offline', join(work, packed!.filename)], app);

    const sentence = 'قال الرئيس إلهام علييف في باكو';
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', `import { extract } from 'kashif'; console.log(extract('${sentence}').map((m) => m.entity?.id).join(' '))`], { cwd: app, encoding: 'utf8' });
    expect(esm.trim()).toBe('ilham_aliyev baku_az');
    const cjs = execFileSync(process.execPath, ['-e', `console.log(require('kashif').extract('${sentence}').length)`], { cwd: app, encoding: 'utf8' });
    expect(cjs.trim()).toBe('2');
    const browser = execFileSync(process.execPath, ['--input-type=module', '-e', `import { extract } from 'kashif/browser'; console.log(extract('${sentence}').length)`], { cwd: app, encoding: 'utf8' });
    expect(browser.trim()).toBe('2');
    const bin = execFileSync(join(app, 'node_modules', '.bin', 'kashif'), ['extract', '--format', 'table'], { cwd: app, encoding: 'utf8', input: sentence });
    expect(bin).toContain('ilham_aliyev');

    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: false, types: [] }, files: ['esm.ts', 'cjs.cts'] }),
    );
    writeFileSync(join(app, 'esm.ts'), "import { extract, type Mention } from 'kashif';\nexport const m: Mention[] = extract('باكو');\n");
    writeFileSync(join(app, 'cjs.cts'), "import kashif = require('kashif');\nexport const n: number = kashif.normalize('باكو').text.length;\n");
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 240_000);

  it('passes publint and Are the Types Wrong (node16 for the main entry, ESM-only for kashif/browser)', () => {
    const bin = (name: string): string => join(root, 'node_modules', '.bin', name);
    expect(execFileSync(bin('publint'), ['--strict'], { cwd: root, encoding: 'utf8' })).toMatch(/All good!/);
    execFileSync(bin('attw'), ['--pack', '.', '--profile', 'node16', '--exclude-entrypoints', './browser'], { cwd: root, encoding: 'utf8' });
    execFileSync(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--entrypoints', './browser'], { cwd: root, encoding: 'utf8' });
  }, 240_000);
});
