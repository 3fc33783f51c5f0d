import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Progress } from '../src/cli/progress.js';
import { ensureBuilt, root } from './support/built.js';

/**
 * The `kashif` command, run as users run it: the built bin in a child process, with files,
 * folders and standard input of our own sentences.
 */
const cli = join(root, 'dist', 'cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
function run(args: string[], input = ''): Run {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', input, maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const NEWS = 'قال الرئيس الأذري إلهام علييف في باكو إن وزارة الدفاع الأذربيجانية أنهت العملية.\nورد رئيس الوزراء نيكول باشينيان من يريفان.';
const SPORT = 'فاز الأهلي على الزمالك في القاهرة.';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'kashif-cli-'));
  mkdirSync(join(dir, 'news', 'b', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'news', 'a.txt'), NEWS);
  writeFileSync(join(dir, 'news', 'b', 'c.txt'), SPORT);
  writeFileSync(join(dir, 'news', 'b', 'deeper', 'd.txt'), `\uFEFF${SPORT}`); // with a byte-order mark
  writeFileSync(join(dir, 'news', 'notes.md'), 'باكو'); // not .txt: not read
}, 180_000);

interface Line {
  file: string;
  start: number;
  end: number;
  text: string;
  type: string;
  entity: string | null;
  name: { ar: string; en: string } | null;
  source: string;
}
const lines = (stdout: string): Line[] => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);

describe('kashif extract', () => {
  it('prints one JSON line per mention, with the file, offsets into the file and the link', () => {
    const file = join(dir, 'news', 'a.txt');
    const r = run(['extract', file]);
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((l) => [l.text, l.entity])).toEqual([
      ['إلهام علييف', 'ilham_aliyev'],
      ['باكو', 'baku_az'],
      ['وزارة الدفاع الأذربيجانية', 'ministry_of_defence_azerbaijan'],
      ['نيكول باشينيان', 'nikol_pashinyan'],
      ['يريفان', 'yerevan_am'],
    ]);
    for (const l of out) {
      expect(l.file).toBe(file);
      expect(NEWS.slice(l.start, l.end)).toBe(l.text);
    }
    expect(out[1]!.name).toEqual({ ar: 'باكو', en: 'Baku' });
  });

  it('reads standard input, given as - or by default, and filters by type', () => {
    for (const args of [['extract', '--types', 'location'], ['extract', '-', '--types=LOCATION']]) {
      const r = run(args, NEWS);
      expect(r.status).toBe(0);
      expect(lines(r.stdout).map((l) => [l.file, l.text])).toEqual([
        ['-', 'باكو'],
        ['-', 'يريفان'],
      ]);
    }
  });

  it('walks folders recursively, .txt only, in sorted order, counting a byte-order mark in offsets', () => {
    const r = run(['extract', join(dir, 'news'), '--workers', '1']);
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect([...new Set(out.map((l) => l.file.slice(dir.length + 1)))]).toEqual(['news/a.txt', 'news/b/c.txt', 'news/b/deeper/d.txt']);
    const withBom = out.filter((l) => l.file.endsWith('d.txt'));
    expect(withBom[0]).toMatchObject({ text: 'الأهلي', start: 5 });
  });

  it('gives the same output, in the same order, with a pool of worker threads', () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < 60; i++) writeFileSync(join(many, `${String(i).padStart(3, '0')}.txt`), i % 3 ? NEWS : SPORT);
    const one = run(['extract', many, '--workers', '1']);
    const pool = run(['extract', many, '--workers', '3']);
    expect(pool.status).toBe(0);
    expect(pool.stderr).toBe(''); // no progress bar when stderr is not a terminal
    expect(lines(one.stdout)).toHaveLength(20 * 3 + 40 * 5);
    expect(pool.stdout).toBe(one.stdout);
  });

  it('--format json is one JSON document: files with their mentions and entities', () => {
    const r = run(['extract', join(dir, 'news', 'a.txt'), join(dir, 'news', 'b', 'c.txt'), '--format', 'json']);
    expect(r.status).toBe(0);
    const docs = JSON.parse(r.stdout) as { file: string; mentions: { text: string; entity: { id: string; name: { en: string } } | null }[] }[];
    expect(docs.map((d) => d.mentions.length)).toEqual([5, 3]);
    expect(docs[0]!.mentions[0]!.entity).toMatchObject({ id: 'ilham_aliyev', name: { en: 'Ilham Aliyev' } });
  });

  it('--format conll tags every token BIO, a blank line between sentences', () => {
    const r = run(['extract', '--format', 'conll'], 'وصل نيكول باشينيان إلى موسكو. وعاد إلى يريفان');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(['وصل\tO', 'نيكول\tB-PER', 'باشينيان\tI-PER', 'إلى\tO', 'موسكو\tB-LOC', '.\tO', '', 'وعاد\tO', 'إلى\tO', 'يريفان\tB-LOC', '', ''].join('\n'));
  });

  it('--format conll tags a token that carries a clitic by the mention inside it, and marks documents', () => {
    const r = run(['extract', '--format', 'conll', join(dir, 'news', 'b', 'c.txt'), '-'], 'زار وباكو');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('-DOCSTART-'))).toHaveLength(2);
    expect(r.stdout).toContain('وباكو\tB-LOC');
  });

  it('--format brat counts offsets in code points (brat counts characters) and carries the links', () => {
    const text = '😀 التقى إلهام علييف';
    const r = run(['extract', '--format', 'brat'], text);
    expect(r.status).toBe(0);
    const [t1, note] = r.stdout.trim().split('\n');
    const [start, end] = t1!.split('\t')[1]!.split(' ').slice(1).map(Number);
    expect([...text].slice(start, end).join('')).toBe('إلهام علييف');
    expect(t1).toBe(`T1\tPERSON ${start} ${end}\tإلهام علييف`);
    expect(note).toBe('#1\tAnnotatorNotes T1\tilham_aliyev Ilham Aliyev');
  });

  it('--format brat --out DIR writes NAME.ann beside a copy of NAME.txt, keeping the folder tree', () => {
    const out = join(dir, 'brat');
    const r = run(['extract', join(dir, 'news'), '--format', 'brat', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(out, 'b', 'c.txt'), 'utf8')).toBe(SPORT);
    expect(readFileSync(join(out, 'b', 'c.ann'), 'utf8')).toMatch(/^T1\tORGANIZATION 4 10\tالأهلي\n/);
    expect(existsSync(join(out, 'a.ann'))).toBe(true);
  });

  it('--format html writes one self-contained right-to-left page with a legend and offsets on every highlight', () => {
    const r = run(['extract', '--format', 'html'], `${NEWS}\r\n<b>&</b>`);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(r.stdout).not.toMatch(/<script|<link|src=|href=/); // nothing outside the page
    expect(r.stdout).toContain('class="legend"');
    expect(r.stdout).toContain('<mark class="PERSON" data-start="18" data-end="29" data-type="PERSON" data-entity="ilham_aliyev" data-name="إلهام علييف · Ilham Aliyev"');
    expect(r.stdout).toContain('&#13;\n&#60;b&#62;&#38;&#60;/b&#62;');
  });

  it('--format table groups mentions by entity, with counts and every spelling', () => {
    const r = run(['extract', '--format', 'table'], 'وصل نيكول باشينيان إلى موسكو. وقال باشينيان إن موسكو شريك.');
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^count\s+type\s+entity\s+name\s+spellings$/);
    expect(rows[1]).toMatch(/^\s*2\s+LOCATION\s+moscow_ru\s+Moscow\s+موسكو$/);
    expect(rows[2]).toMatch(/^\s*2\s+PERSON\s+nikol_pashinyan\s+Nikol Pashinyan\s+نيكول باشينيان \(1\) · باشينيان \(1\)$/);
    expect(rows.at(-1)).toBe('2 entities, 4 mentions in 1 document');
  });

  it('--min-score and --no-model narrow what is printed', () => {
    const all = lines(run(['extract'], NEWS).stdout);
    expect(lines(run(['extract', '--min-score', '1'], NEWS).stdout).length).toBeLessThan(all.length);
    const text = 'وقال المتحدث سامي أبو زهري إن الحركة سترد.';
    const withModel = lines(run(['extract'], text).stdout);
    const without = lines(run(['extract', '--no-model'], text).stdout);
    expect(without.every((l) => l.source !== 'model')).toBe(true);
    expect(without.length).toBeLessThanOrEqual(withModel.length);
  });

  it('stops quietly when the reader stops early (| head)', () => {
    const many = join(dir, 'many');
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${cli}" extract "${many}" --workers 1 | head -n 1 >/dev/null`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('the README', () => {
  it('runs its main job as written: npx kashif extract examples/news --format table', () => {
    const r = spawnSync('npx', ['--no-install', 'kashif', 'extract', 'examples/news', '--format', 'table'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^count\s+files\s+type/);
    expect(r.stdout).toMatch(/\n\s+3\s+1\s+LOCATION\s+nagorno_karabakh\s+Nagorno-Karabakh\s+/);
    expect(r.stdout).toMatch(/ mentions in 3 documents\n$/);
  });
});

describe('the other commands', () => {
  it('normalize prints the matching text; --keep switches rules off', () => {
    expect(run(['normalize'], 'القاهرةُ الكُبرى').stdout).toBe('القاهره الكبري');
    expect(run(['normalize', '--keep', 'teh-marbuta,alef-maksura'], 'القاهرةُ الكُبرى').stdout).toBe('القاهرة الكبرى');
  });

  it('eval --gold scores against gold files and fails below the bar', () => {
    const gold = join(dir, 'gold');
    mkdirSync(gold);
    writeFileSync(join(gold, 'a.txt'), 'زار الوفد باكو');
    writeFileSync(join(gold, 'a.gold.jsonl'), '{"start":10,"end":14,"text":"باكو","type":"LOCATION","entity":"baku"}\n');
    const ok = run(['eval', '--gold', gold, '--min-strict', '0.9']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('strict F1 100.0');
    writeFileSync(join(gold, 'a.gold.jsonl'), '{"start":0,"end":3,"text":"زار","type":"PERSON","entity":"x"}\n');
    expect(run(['eval', '--gold', gold, '--min-strict', '0.9', '--no-model']).status).toBe(1);
  });

  it('lexicon lookup lists the entities a spelling may name, with your lexicon added', () => {
    const oman = run(['lexicon', 'lookup', 'عُمان']);
    expect(oman.status).toBe(0);
    expect(lines(oman.stdout).map((c) => (c as unknown as { id: string }).id)).toEqual(expect.arrayContaining(['oman', 'amman_jo']));
    const mine = join(dir, 'mine.jsonl');
    writeFileSync(mine, '{"id":"acme","type":"ORGANIZATION","name":{"ar":"أكمي","en":"Acme"}}\n');
    expect(run(['lexicon', 'lookup', 'أكمي']).status).toBe(1);
    expect(run(['lexicon', 'lookup', 'أكمي', '--lexicon', mine]).stdout).toContain('"id":"acme"');
  });

  it('lexicon validate reports every error with its line, and exits 1', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"id":"x","type":"PLACE","name":{"ar":"س"}}\n{"id":"y","type":"LOCATION","name":{"ar":"واي"}}\n\nnot json\n');
    const r = run(['lexicon', 'validate', bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${bad}:1: expected "type" to be one of PERSON, LOCATION, ORGANIZATION`);
    expect(r.stdout).toContain(`${bad}:4: invalid JSON`);
    expect(r.stdout).toContain(`${bad}: 1 entries, 2 errors`);
    expect(run(['lexicon', 'validate', join(root, 'lexicons', 'persons.jsonl')]).status).toBe(0);
  });

  it('lexicon validate notes a spelling that already names another entity, without failing', () => {
    const mine = join(dir, 'shared-spelling.jsonl');
    writeFileSync(mine, '{"id":"oman_hotel","type":"ORGANIZATION","name":{"ar":"عُمان","en":"Oman Hotel"}}\n{"id":"oman_daily","type":"ORGANIZATION","name":{"ar":"عمان"},"ambiguous":["عمان"]}\n');
    const r = run(['lexicon', 'validate', mine]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${mine}:1: note: 'عُمان' also names oman, amman_jo`);
    expect(r.stdout).not.toContain(`${mine}:2:`); // marked ambiguous: meant
  });

  it('lexicon stats counts the bundled entities per type and subtype', () => {
    const r = run(['lexicon', 'stats']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^bundled lexicons: \d+ entities\n {2}PERSON \d+: spellings per entity/);
    expect(r.stdout).toMatch(/LOCATION \d+: .*wikidata \d+; geonames \d+\n {4}city \d+/);
  });

  it.each(['extract', 'normalize', 'eval', 'lexicon'])('%s --help explains the command', (command) => {
    const r = run([command, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^usage: kashif ${command}`));
  });

  it('prints its version, and its usage when called bare (exit 2)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(run(['--version']).stdout.trim()).toBe(pkg.version);
    const bare = run([]);
    expect(bare.status).toBe(2);
    expect(bare.stdout).toContain('usage: kashif <command>');
  });
});

describe('mistakes get one line on stderr and exit code 2', () => {
  it.each([
    { args: ['frobnicate'], message: /^kashif: unknown command 'frobnicate'/, why: 'a typo in the command' },
    { args: ['extract', '/no/such/file.txt'], message: /^kashif: no such file or folder: \/no\/such\/file\.txt$/, why: 'a missing file fails before any output' },
    { args: ['extract', '--format', 'xml'], message: /^kashif: unknown format 'xml' \(expected jsonl, json, conll, brat, html, table\)$/, why: 'an unknown format' },
    { args: ['extract', '--types', 'PLACE'], message: /^kashif: unknown type 'PLACE'/, why: 'an unknown type' },
    { args: ['extract', '--min-score'], message: /^kashif: --min-score needs a value$/, why: 'an option without its value' },
    { args: ['extract', '--min-score', '2'], message: /^kashif: --min-score expects a number from 0 to 1, got '2'$/, why: 'a value out of range' },
    { args: ['extract', '--workers', '0'], message: /^kashif: --workers expects a whole number from 1/, why: 'no workers' },
    { args: ['extract', '--colour'], message: /^kashif: unknown option --colour for 'extract'/, why: 'an unknown option' },
    { args: ['extract', '--format', 'brat', 'DIR'], message: /^kashif: brat writes one \.ann per document/, why: 'brat of several documents needs a folder to write to', dir: true },
    { args: ['extract', '--out', '/tmp/x'], message: /^kashif: --out DIR goes with --format brat/, why: '--out only makes sense for brat' },
    { args: ['eval', '--gold', '/no/such/dir'], message: /^kashif: no such folder/, why: 'a missing gold folder' },
    { args: ['lexicon', 'frob'], message: /^kashif: unknown lexicon command 'frob'/, why: 'an unknown lexicon command' },
    { args: ['lexicon', 'lookup'], message: /^kashif: lexicon lookup needs the TEXT/, why: 'nothing to look up' },
    { args: ['normalize', '--keep', 'vowels'], message: /^kashif: unknown rule 'vowels' for --keep/, why: 'an unknown normalisation rule' },
  ])('$why: $args', ({ args, message, dir: useDir }) => {
    const r = run(useDir ? args.map((a) => (a === 'DIR' ? join(dir, 'news') : a)) : args);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.status).toBe(2);
  });

  it('a file that is not UTF-8 gets its line; the other files are still processed', () => {
    const mixed = join(dir, 'mixed');
    mkdirSync(mixed);
    writeFileSync(join(mixed, 'a.txt'), Buffer.from([0xc7, 0xe1, 0xd1, 0xc6, 0xed, 0xd3])); // windows-1256
    writeFileSync(join(mixed, 'b.txt'), SPORT);
    const r = run(['extract', mixed, '--workers', '2']);
    expect(r.stderr).toBe(`kashif: ${join(mixed, 'a.txt')} is not UTF-8 text (convert it, e.g. iconv -f WINDOWS-1256 -t UTF-8)\n`);
    expect(lines(r.stdout).map((l) => l.text)).toEqual(['الأهلي', 'الزمالك', 'القاهرة']);
    expect(r.status).toBe(2);
  });
});

describe('the progress bar', () => {
  const stream = (isTTY: boolean): { isTTY: boolean; columns: number; out: string; write(s: string): boolean } => ({
    isTTY,
    columns: 100,
    out: '',
    write(s: string) {
      this.out += s;
      return true;
    },
  });

  it('draws on a terminal once the run has lasted half a second, at most ten times a second, and clears itself', () => {
    let now = 0;
    const tty = stream(true);
    const bar = new Progress(tty, 4, undefined, () => now);
    bar.tick(1000); // at 0 ms: too early to bother
    expect(tty.out).toBe('');
    now = 600;
    bar.tick(1000);
    now = 650;
    bar.tick(1000); // 50 ms after the last draw: skipped
    expect(tty.out.match(/\r/g)).toHaveLength(1);
    expect(tty.out).toMatch(/^\rkashif \[█+░+\] 2\/4 files · 0\.0 MB · 0\.0 MB\/s\u001b\[K$/);
    bar.finish();
    expect(tty.out.endsWith('\r\u001b[K')).toBe(true);
  });

  it('prints nothing when standard error is not a terminal', () => {
    let now = 0;
    const piped = stream(false);
    const bar = new Progress(piped, 4, undefined, () => now);
    for (let i = 0; i < 4; i++) {
      now += 1000;
      bar.tick(10);
    }
    bar.finish();
    expect(piped.out).toBe('');
  });

  const hasScript = spawnSync('script', ['--version']).status === 0; // util-linux's pseudo-terminal
  it.skipIf(!hasScript)('under a real terminal, the bar never reaches the output', () => {
    const many = join(dir, 'many');
    const out = join(dir, 'tty-out.jsonl');
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${cli}" extract "${many}" --workers 1 > "${out}"`, '/dev/null'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(lines(readFileSync(out, 'utf8'))).toHaveLength(260);
  });
});
