import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'node_modules/tsup/dist/cli-default.js')], { cwd: root, stdio: 'pipe' });
}, 120_000);

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

describe('the example scripts', () => {
  it.each([
    ['basic.mjs', '', 'ministry_of_defence_azerbaijan'],
    ['entity-counts.mjs', 'وصل نيكول باشينيان إلى موسكو. وقال باشينيان إن', 'نيكول باشينيان / باشينيان'],
    ['own-gazetteer.mjs', '', 'bundled gazetteer untouched'],
    ['offsets.mjs', '', '"ﻻ"'],
  ])('%s runs against the built package', (script, input, expected) => {
    const r = spawnSync(process.execPath, [join(root, 'examples', script)], { cwd: root, encoding: 'utf8', input });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(expected);
  });
});

describe('the kashif command', () => {
  const cli = join(root, 'dist', 'cli.js');
  const run = (args: string[], input?: string): { status: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', input: input ?? '' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('extracts from a file as JSON lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kashif-'));
    const file = join(dir, 'news.txt');
    writeFileSync(file, 'قال الرئيس الأذري إلهام علييف في باكو');
    const { status, stdout } = run(['extract', file]);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; entity: string });
    expect(lines.map((l) => [l.text, l.entity])).toEqual([['إلهام علييف', 'ilham_aliyev'], ['باكو', 'baku_az']]);
  });

  it('extracts from standard input, filtered by type', () => {
    const { status, stdout } = run(['extract', '--types', 'location'], 'قال الرئيس الأذري إلهام علييف في باكو');
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('scores against gold files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kashif-gold-'));
    writeFileSync(join(dir, 'a.txt'), 'زار الوفد باكو');
    writeFileSync(join(dir, 'a.gold.jsonl'), '{"start":10,"end":14,"text":"باكو","type":"LOCATION","entity":"baku"}\n');
    const ok = run(['eval', dir, '--min-strict', '0.9']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('strict F1 100.0');
    writeFileSync(join(dir, 'a.gold.jsonl'), '{"start":0,"end":3,"text":"زار","type":"PERSON","entity":"x"}\n');
    expect(run(['eval', dir, '--min-strict', '0.9']).status).toBe(1);
  });

  it.each([
    [['frobnicate'], /^kashif: unknown command 'frobnicate'/],
    [['extract', '/no/such/file.txt'], /^kashif: no such file: \/no\/such\/file\.txt/],
    [['extract', '--types', 'PLACE'], /^kashif: unknown type 'PLACE'/],
    [['extract', '--min-score'], /^kashif: --min-score needs a value/],
    [['eval', '/no/such/dir'], /^kashif: no such folder/],
    [['lookup'], /^kashif: lookup needs the TEXT/],
  ])('answers a mistake (%j) with one line and exit code 2', (args, message) => {
    const { status, stderr } = run(args);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints its version', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(run(['--version']).stdout.trim()).toBe(pkg.version);
  });
});
