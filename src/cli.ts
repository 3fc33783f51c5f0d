/**
 * The `kashif` command. Uses only the package's public API, as a user would. Mistakes get one
 * line on stderr and a non-zero exit, never a stack trace.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { evaluate, extract, Gazetteer, normalize, parseGold, type EntityType, type GoldDocument } from './index.js';

const USAGE = `usage: kashif <command> [options]

commands:
  extract [FILE]        print the mentions in FILE (or standard input) as JSON lines
      --types T,T         only these types (PERSON, LOCATION, ORGANIZATION)
      --min-score S       drop mentions scored below S (0-1)
  eval [DIR]            score against gold *.gold.jsonl files (default ../shared/corpus/dev)
      --verbose           list every miss and spurious mention
      --min-strict F --min-lenient F --min-link F   exit 1 unless these hold
  normalize [FILE]      print the normalised text of FILE (or standard input)
  lookup TEXT           print the entities a spelling may name
  --help, --version`;

class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  args.splice(i, 2);
  return value;
}

function flag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
}

function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${name} expects a number from 0 to 1, got '${value}'`);
  return n;
}

function readInput(file: string | undefined): string {
  if (file !== undefined && file !== '-') {
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    if (statSync(file).isDirectory()) throw new UsageError(`${file} is a folder, not a file`);
    return readFileSync(file, 'utf8');
  }
  if (process.stdin.isTTY) throw new UsageError('give a FILE, or pipe text to standard input');
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

function rejectExtra(args: string[]): void {
  const extra = args.find((a) => a.startsWith('--'));
  if (extra) throw new UsageError(`unknown option ${extra}`);
}

const TYPES: readonly EntityType[] = ['PERSON', 'LOCATION', 'ORGANIZATION'];

function runExtract(args: string[]): number {
  const typesArg = option(args, '--types');
  const minScore = number(option(args, '--min-score'), '--min-score');
  rejectExtra(args);
  const types = typesArg?.split(',').map((t) => t.trim().toUpperCase());
  const bad = types?.find((t) => !TYPES.includes(t as EntityType));
  if (bad !== undefined) throw new UsageError(`unknown type '${bad}' (expected PERSON, LOCATION or ORGANIZATION)`);
  if (args.length > 1) throw new UsageError('extract takes one FILE');
  const text = readInput(args[0]);
  const out: string[] = [];
  for (const m of extract(text, { ...(types ? { types: types as EntityType[] } : {}), ...(minScore !== undefined ? { minScore } : {}) })) {
    out.push(JSON.stringify({ start: m.start, end: m.end, text: m.text, type: m.type, entity: m.entity?.id ?? null, score: m.score, source: m.source }));
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function runEval(args: string[]): number {
  const verbose = flag(args, '--verbose');
  const mins = {
    strict: number(option(args, '--min-strict'), '--min-strict') ?? 0,
    lenient: number(option(args, '--min-lenient'), '--min-lenient') ?? 0,
    link: number(option(args, '--min-link'), '--min-link') ?? 0,
  };
  rejectExtra(args);
  const dir = args[0] ?? '../shared/corpus/dev';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no such folder: ${dir}`);
  const docs: GoldDocument[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const goldPath = join(dir, file.replace(/\.txt$/, '.gold.jsonl'));
    if (!existsSync(goldPath)) continue;
    docs.push(parseGold(readFileSync(goldPath, 'utf8'), readFileSync(join(dir, file), 'utf8'), basename(file)));
  }
  if (docs.length === 0) throw new UsageError(`no NAME.txt with NAME.gold.jsonl in ${dir}`);
  const result = evaluate(docs, (text) => extract(text));
  if (verbose) for (const e of result.errors) console.log(e);
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
  const ok = result.strict.ALL.f1 >= mins.strict && result.lenient.ALL.f1 >= mins.lenient && result.linking.f1 >= mins.link;
  return ok ? 0 : 1;
}

function runNormalize(args: string[]): number {
  rejectExtra(args);
  if (args.length > 1) throw new UsageError('normalize takes one FILE');
  process.stdout.write(normalize(readInput(args[0])).text);
  return 0;
}

function runLookup(args: string[]): number {
  rejectExtra(args);
  if (args.length === 0) throw new UsageError('lookup needs the TEXT to look up');
  const candidates = Gazetteer.bundled().lookup(args.join(' '));
  for (const c of candidates) {
    console.log(JSON.stringify({ id: c.entity.id, type: c.entity.type, subtype: c.entity.subtype, name: c.entity.name, prior: c.prior, ambiguous: c.ambiguous, common: c.common, generated: c.generated }));
  }
  return candidates.length ? 0 : 1;
}

function main(argv: string[]): number {
  const args = [...argv];
  const command = args.shift();
  switch (command) {
    case 'extract':
      return runExtract(args);
    case 'eval':
      return runEval(args);
    case 'normalize':
      return runNormalize(args);
    case 'lookup':
      return runLookup(args);
    case '--version':
    case '-v':
      console.log(process.env.npm_package_version ?? readVersion());
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command '${command}' (try: kashif --help)`);
  }
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message.replace(/^kashif: /, '') : String(error);
  process.stderr.write(`kashif: ${message.split('\n')[0]}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
