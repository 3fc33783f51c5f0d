/**
 * The `kashif` command. Uses only the package's public API, as a user would. Mistakes get one
 * line on stderr and exit code 2, never a stack trace.
 */
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createExtractor,
  evaluate,
  extract,
  Gazetteer,
  LexiconError,
  normalize,
  parseGold,
  parseLexicon,
  type EntityType,
  type GoldDocument,
  type LexiconEntry,
  type NormalizeOptions,
} from '../index.js';
import { choiceOption, numberOption, parseArgs, UsageError } from './args.js';
import { processFile, processText, type DocumentResult, type ExtractSettings } from './document.js';
import { EntityTable, FORMATS } from './formats.js';
import { htmlFoot, htmlHead } from './html.js';
import { checkInputs, readStdin, readText, walkInputs, type Input } from './inputs.js';
import { orderedMap } from './pool.js';
import { Progress } from './progress.js';

const HELP: Record<string, string> = {
  kashif: `usage: kashif <command> [options]

Finds the people, places and organisations in Arabic text.

commands:
  extract [FILE|DIR|-]…   mentions in files, folders (*.txt, recursively) or standard input
  normalize [FILE|-]      the normalised text used for matching
  eval --gold DIR         score against gold NAME.txt + NAME.gold.jsonl files
  lexicon lookup TEXT     the entities a spelling may name
  lexicon validate FILE…  check lexicon files (JSON lines) against the schema
  lexicon stats [FILE…]   what the bundled lexicons (or FILEs) hold

  kashif <command> --help   options of one command
  kashif --version`,
  extract: `usage: kashif extract [FILE|DIR|-]… [options]

Reads files, folders (every .txt below them, in sorted order) and standard input (- or nothing).

  --format F       jsonl (default: one JSON line per mention, with its file), json, conll,
                   brat, html (one self-contained page), table (entities with counts)
  --types T,T      only these types: PERSON, LOCATION, ORGANIZATION
  --min-score S    drop mentions scored below S (0-1)
  --no-model       lexicons, patterns and rules only (faster; no learned tagger)
  --workers N      worker threads for folders and many files (default: the cores available)
  --out DIR        with --format brat: write NAME.ann and NAME.txt per input into DIR
  --no-progress    no progress bar (it shows only when stderr is a terminal)`,
  normalize: `usage: kashif normalize [FILE|-] [--keep RULE,RULE]

Prints the normalised text of FILE (or standard input).

  --keep RULES     rules to switch off: diacritics, tatweel, alef, alef-maksura, teh-marbuta,
                   persian, presentation-forms, digits, controls`,
  eval: `usage: kashif eval --gold DIR [options]

Scores kashif against NAME.txt files with NAME.gold.jsonl gold mentions in DIR.

  --no-model       lexicons, patterns and rules only
  --verbose        list every miss and spurious mention
  --min-strict F --min-lenient F --min-link F   exit 1 unless these F1 scores (0-1) hold`,
  lexicon: `usage: kashif lexicon <lookup|validate|stats> …

  lookup TEXT [--lexicon FILE]   the entities a spelling may name (bundled, plus FILE)
  validate FILE…                 check lexicon files; every error as FILE:LINE: reason
  stats [FILE…]                  entities per type and subtype, spellings, ids`,
};

const TYPES: readonly EntityType[] = ['PERSON', 'LOCATION', 'ORGANIZATION'];

function parseTypes(raw: string | undefined): EntityType[] | undefined {
  if (raw === undefined) return undefined;
  const types = raw.split(',').map((t) => t.trim().toUpperCase());
  const bad = types.find((t) => !TYPES.includes(t as EntityType));
  if (bad !== undefined) throw new UsageError(`unknown type '${bad}' (expected PERSON, LOCATION or ORGANIZATION)`);
  return types as EntityType[];
}

/** Writes to standard output, waiting when the reader is slower than we are. */
async function write(text: string): Promise<void> {
  if (text && !process.stdout.write(text)) await once(process.stdout, 'drain');
}

/** The cores this process may use (`os.availableParallelism` is Node 18.14+). */
function cores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : Math.max(1, os.cpus().length);
}

/** The first `n` items of an iterator, and an iterable of all of them (those first included). */
function peek<T>(items: Iterator<T>, n: number): { first: T[]; all: Iterable<T> } {
  const first: T[] = [];
  for (let r; first.length < n && !(r = items.next()).done; ) first.push(r.value);
  function* all(): Generator<T> {
    yield* first;
    for (let r; !(r = items.next()).done; ) yield r.value;
  }
  return { first, all: all() };
}

async function runExtract(args: readonly string[]): Promise<number> {
  const p = parseArgs(args, { values: ['--format', '--types', '--min-score', '--workers', '--out'], flags: ['--no-model', '--no-progress', '--help'] }, 'extract');
  if (p.flags.has('--help')) return help('extract');
  const format = choiceOption(p, '--format', FORMATS, 'jsonl');
  const types = parseTypes(p.values.get('--types'));
  const minScore = numberOption(p, '--min-score', 0, 1);
  const workers = numberOption(p, '--workers', 1, 1024, true) ?? cores();
  const outDir = p.values.get('--out');
  if (outDir !== undefined && format !== 'brat') throw new UsageError('--out DIR goes with --format brat (other formats write to standard output)');
  const inputArgs = checkInputs(p.positional, process.stdin.isTTY === true);
  const { first, all } = peek(walkInputs(inputArgs), 2);
  if (first.length === 0) throw new UsageError(`no .txt files in ${inputArgs.join(', ')}`);
  const many = first.length > 1;
  if (format === 'brat' && many && outDir === undefined) throw new UsageError('brat writes one .ann per document: with several inputs, give --out DIR');

  const settings: ExtractSettings = { format, model: !p.flags.has('--no-model'), many, ...(types ? { types } : {}), ...(minScore !== undefined ? { minScore } : {}) };
  const showProgress = !p.flags.has('--no-progress') && process.stderr.isTTY === true && many;
  const progress = new Progress(process.stderr, showProgress ? countInputs(inputArgs) : undefined, showProgress);
  const table = new EntityTable();
  const written = new Set<string>();
  let failures = 0;
  let documents = 0;

  if (format === 'json') await write('[\n');
  if (format === 'html') await write(htmlHead(many ? `kashif · ${inputArgs.join(' ')}` : `kashif · ${first[0]!.name === '-' ? 'standard input' : first[0]!.name}`));

  const emit = async (result: DocumentResult, input: Input): Promise<void> => {
    progress.tick(result.chars);
    if (result.error !== undefined) {
      failures++;
      progress.finish();
      process.stderr.write(`kashif: ${result.error}\n`);
      return;
    }
    if (result.table) table.add(result.table);
    else if (outDir !== undefined) failures += writeBrat(outDir, input, result.output, written) ? 0 : 1;
    else await write(format === 'json' && documents > 0 ? `,\n${result.output}` : result.output);
    documents++;
  };

  const pool = many && workers > 1 ? await startPool(workers) : undefined;
  try {
    const runOne = async (input: Input, index: number): Promise<DocumentResult> => {
      if (input.path === null) return processText(input.name, await readStdin(), index, settings);
      if (!pool) return processFile({ name: input.name, path: input.path, index, settings });
      return (pool.run({ name: input.name, path: input.path, index, settings }) as Promise<DocumentResult>).catch((error: unknown) => ({
        output: '',
        chars: 0,
        error: `${input.name}: ${error instanceof Error ? error.message : String(error)}`,
      }));
    };
    await orderedMap(all, runOne, pool ? workers * 4 : 1, emit);
  } finally {
    progress.finish();
    await pool?.destroy();
  }

  if (format === 'json') await write('\n]\n');
  if (format === 'html') await write(htmlFoot());
  if (format === 'table') await write(table.format());
  return failures > 0 ? 2 : 0;
}

async function startPool(workers: number): Promise<{ run(task: unknown): Promise<unknown>; destroy(): Promise<void> }> {
  const { default: Tinypool } = await import('tinypool');
  return new Tinypool({ filename: fileURLToPath(new URL('./cli-worker.js', import.meta.url)), minThreads: 1, maxThreads: workers, idleTimeout: 1000 });
}

function countInputs(args: readonly string[]): number {
  let n = 0;
  for (const _ of walkInputs(args)) n++;
  return n;
}

/** brat wants NAME.ann beside NAME.txt: both go to DIR, under the input's path below its folder. */
function writeBrat(outDir: string, input: Input, ann: string, written: Set<string>): boolean {
  const rel = input.path === null ? 'stdin' : input.relative.replace(/\.txt$/, '');
  if (written.has(rel)) {
    process.stderr.write(`kashif: ${input.name}: another input already wrote ${join(outDir, `${rel}.ann`)}\n`);
    return false;
  }
  written.add(rel);
  const target = join(outDir, rel);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.ann`, ann);
  if (input.path !== null) copyFileSync(input.path, `${target}.txt`);
  return true;
}

function runNormalize(args: readonly string[]): Promise<number> | number {
  const p = parseArgs(args, { values: ['--keep'], flags: ['--help'] }, 'normalize');
  if (p.flags.has('--help')) return help('normalize');
  const RULES: Record<string, keyof NormalizeOptions> = {
    diacritics: 'stripDiacritics',
    tatweel: 'stripTatweel',
    alef: 'foldAlef',
    'alef-maksura': 'foldAlefMaksura',
    'teh-marbuta': 'foldTehMarbuta',
    persian: 'foldPersianLetters',
    'presentation-forms': 'foldPresentationForms',
    digits: 'foldDigits',
    controls: 'stripFormatControls',
  };
  const options: Record<string, boolean> = {};
  for (const rule of p.values.get('--keep')?.split(',') ?? []) {
    const key = RULES[rule.trim()];
    if (!key) throw new UsageError(`unknown rule '${rule}' for --keep (expected ${Object.keys(RULES).join(', ')})`);
    options[key] = false;
  }
  if (p.positional.length > 1) throw new UsageError('normalize takes one FILE');
  const [file] = checkInputs(p.positional, process.stdin.isTTY === true);
  if (file !== '-' && statSync(file!).isDirectory()) throw new UsageError(`${file} is a folder: normalize takes one FILE`);
  const read = file === '-' ? readStdin() : Promise.resolve(readText(file!, file!));
  return read.then(async (text) => {
    await write(normalize(text, options).text);
    return 0;
  });
}

function runEval(args: readonly string[]): number {
  const p = parseArgs(args, { values: ['--gold', '--min-strict', '--min-lenient', '--min-link'], flags: ['--verbose', '--no-model', '--help'] }, 'eval');
  if (p.flags.has('--help')) return help('eval');
  const mins = {
    strict: numberOption(p, '--min-strict', 0, 1) ?? 0,
    lenient: numberOption(p, '--min-lenient', 0, 1) ?? 0,
    link: numberOption(p, '--min-link', 0, 1) ?? 0,
  };
  if (p.positional.length > 1 || (p.positional.length === 1 && p.values.has('--gold'))) throw new UsageError('eval takes one gold folder');
  const dir = p.values.get('--gold') ?? p.positional[0];
  if (dir === undefined) throw new UsageError('eval needs --gold DIR (a folder of NAME.txt and NAME.gold.jsonl)');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no such folder: ${dir}`);
  const docs: GoldDocument[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const goldPath = join(dir, file.replace(/\.txt$/, '.gold.jsonl'));
    if (!existsSync(goldPath)) continue;
    try {
      docs.push(parseGold(readText(goldPath, goldPath), readText(join(dir, file), file), basename(file)));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${goldPath}: ${error instanceof Error ? error.message.replace(/^kashif: /, '') : String(error)}`);
    }
  }
  if (docs.length === 0) throw new UsageError(`no NAME.txt with NAME.gold.jsonl in ${dir}`);
  const extractor = p.flags.has('--no-model') ? createExtractor({ model: false }).extract : extract;
  const result = evaluate(docs, (text) => extractor(text));
  if (p.flags.has('--verbose')) for (const e of result.errors) console.log(e);
  const pct = (x: number): string => (100 * x).toFixed(1);
  for (const mode of ['strict', 'lenient'] as const) {
    const row = (['PERSON', 'LOCATION', 'ORGANIZATION', 'ALL'] as const).map((t) => {
      const s = result[mode][t];
      return `${t} P${pct(s.precision)} R${pct(s.recall)} F${pct(s.f1)} (gold ${s.gold})`;
    });
    console.log(`${mode.padEnd(7)} ${row.join(' | ')}`);
  }
  console.log(`link    pairs P${pct(result.linking.precision)} R${pct(result.linking.recall)} F${pct(result.linking.f1)}`);
  console.log(`strict F1 ${pct(result.strict.ALL.f1)} · lenient F1 ${pct(result.lenient.ALL.f1)} · link F1 ${pct(result.linking.f1)} over ${docs.length} documents`);
  return result.strict.ALL.f1 >= mins.strict && result.lenient.ALL.f1 >= mins.lenient && result.linking.f1 >= mins.link ? 0 : 1;
}

function runLexicon(args: readonly string[]): number {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'lookup':
      return lexiconLookup(rest);
    case 'validate':
      return lexiconValidate(rest);
    case 'stats':
      return lexiconStats(rest);
    case undefined:
    case '--help':
      return help('lexicon', sub === undefined ? 2 : 0);
    default:
      throw new UsageError(`unknown lexicon command '${sub}' (expected lookup, validate or stats)`);
  }
}

function readLexiconFile(file: string): LexiconEntry[] {
  if (!existsSync(file) || statSync(file).isDirectory()) throw new UsageError(`no such file: ${file}`);
  try {
    return parseLexicon(readText(file, file), file);
  } catch (error) {
    if (error instanceof LexiconError) throw new UsageError(error.message.replace(/^kashif: /, ''));
    throw error;
  }
}

function lexiconLookup(args: readonly string[]): number {
  const p = parseArgs(args, { values: ['--lexicon'], flags: ['--help'] }, 'lexicon lookup');
  if (p.flags.has('--help')) return help('lexicon');
  if (p.positional.length === 0) throw new UsageError('lexicon lookup needs the TEXT to look up');
  const own = p.values.get('--lexicon');
  const gazetteer = own === undefined ? Gazetteer.bundled() : Gazetteer.bundled().extend(readLexiconFile(own));
  const candidates = gazetteer.lookup(p.positional.join(' '));
  for (const c of candidates) {
    const e = c.entity;
    console.log(JSON.stringify({ id: e.id, type: e.type, subtype: e.subtype, name: e.name, ...(e.wikidata ? { wikidata: e.wikidata } : {}), prior: c.prior, ambiguous: c.ambiguous, common: c.common, generated: c.generated }));
  }
  if (candidates.length === 0) process.stderr.write(`kashif: no entity is spelled '${p.positional.join(' ')}'\n`);
  return candidates.length ? 0 : 1;
}

/** Every error of every file (not only the first), as `FILE:LINE: reason`. */
function lexiconValidate(args: readonly string[]): number {
  const p = parseArgs(args, { flags: ['--help'] }, 'lexicon validate');
  if (p.flags.has('--help')) return help('lexicon');
  if (p.positional.length === 0) throw new UsageError('lexicon validate needs a FILE');
  let errors = 0;
  for (const file of p.positional) {
    if (!existsSync(file) || statSync(file).isDirectory()) throw new UsageError(`no such file: ${file}`);
    const lines = readText(file, file).split('\n');
    const ids = new Map<string, number>();
    let entries = 0;
    let fileErrors = 0;
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const entry = parseLexicon(line, file)[0]!;
        entries++;
        const earlier = ids.get(entry.id);
        if (earlier !== undefined) console.log(`${file}:${i + 1}: note: id '${entry.id}' also on line ${earlier}; the lines merge`);
        ids.set(entry.id, i + 1);
        for (const note of sharedSpellings(entry)) console.log(`${file}:${i + 1}: note: ${note}`);
      } catch (error) {
        fileErrors++;
        const detail = error instanceof LexiconError ? error.message.replace(`kashif: ${file}:1: `, '') : String(error);
        console.log(`${file}:${i + 1}: ${detail}`);
      }
    });
    console.log(`${file}: ${entries} entries${fileErrors ? `, ${fileErrors} errors` : ', valid'}`);
    errors += fileErrors;
  }
  return errors ? 1 : 0;
}

/**
 * Spellings of `entry` that already name another bundled entity and are not marked `ambiguous`:
 * worth a look (a real second name of both, or a typo of an id?), not an error.
 */
function sharedSpellings(entry: LexiconEntry): string[] {
  const notes: string[] = [];
  const ambiguous = new Set(entry.ambiguous ?? []);
  for (const spelling of new Set([entry.name.ar, ...(entry.variants ?? [])])) {
    if (ambiguous.has(spelling)) continue;
    const key = normalize(spelling).text;
    const others = Gazetteer.bundled()
      .lookup(spelling)
      .filter((c) => c.entity.id !== entry.id && c.entity.variants.some((v) => normalize(v).text === key))
      .map((c) => c.entity.id);
    if (others.length) notes.push(`'${spelling}' also names ${others.join(', ')} (bundled); list it in "ambiguous" if both are meant`);
  }
  return notes;
}

function lexiconStats(args: readonly string[]): number {
  const p = parseArgs(args, { flags: ['--help'] }, 'lexicon stats');
  if (p.flags.has('--help')) return help('lexicon');
  const sets: [string, readonly LexiconEntry[]][] = p.positional.length
    ? p.positional.map((f) => [f, readLexiconFile(f)])
    : [['bundled lexicons', Gazetteer.bundled().entries()]];
  for (const [label, entries] of sets) {
    console.log(`${label}: ${entries.length} entities`);
    for (const type of TYPES) {
      const of = entries.filter((e) => e.type === type);
      if (of.length === 0) continue;
      const subtypes = new Map<string, number>();
      for (const e of of) subtypes.set(e.subtype ?? '-', (subtypes.get(e.subtype ?? '-') ?? 0) + 1);
      const count = (f: (e: LexiconEntry) => number): number => of.reduce((n, e) => n + f(e), 0);
      const perEntity = (n: number): string => (n / of.length).toFixed(2);
      console.log(
        `  ${type} ${of.length}: spellings per entity ${perEntity(count((e) => e.variants?.length ?? 1))} attested + ${perEntity(count((e) => e.generated?.length ?? 0))} generated` +
          `; demonyms ${count((e) => e.demonyms?.length ?? 0)}; wikidata ${count((e) => (e.wikidata ? 1 : 0))}; geonames ${count((e) => (e.geonames ? 1 : 0))}`,
      );
      const top = [...subtypes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      console.log(`    ${top.slice(0, 12).map(([s, n]) => `${s} ${n}`).join(' · ')}${top.length > 12 ? ` · … ${top.length - 12} more subtypes` : ''}`);
    }
  }
  return 0;
}

function help(command: string, code = 0): number {
  console.log(HELP[command]);
  return code;
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'extract':
      return runExtract(args);
    case 'normalize':
      return runNormalize(args);
    case 'eval':
      return runEval(args);
    case 'lexicon':
      return runLexicon(args);
    case '--version':
    case '-v':
      console.log(readVersion());
      return 0;
    case undefined:
      return help('kashif', 2);
    case '--help':
    case '-h':
    case 'help':
      return args[0] && HELP[args[0]] ? help(args[0]) : help('kashif');
    default:
      throw new UsageError(`unknown command '${command}' (try: kashif --help)`);
  }
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A reader that stops early (kashif extract … | head) is not a failure.
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message.replace(/^kashif: /, '') : String(error);
    process.stderr.write(`kashif: ${message.split('\n')[0]}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
