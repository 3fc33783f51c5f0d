/** Command-line arguments: a small, strict parser whose every mistake is a one-line {@link UsageError}. */

/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** The options one command accepts. */
export interface ArgSpec {
  /** Options that take a value: `--types PERSON` or `--types=PERSON`. */
  readonly values?: readonly string[];
  /** Options that stand alone: `--no-model`. */
  readonly flags?: readonly string[];
}

export interface ParsedArgs {
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
  /** Everything else, in order; `-` (standard input) included. After `--`, everything is positional. */
  readonly positional: readonly string[];
}

/** Parses `args` against `spec`; `command` names the command in messages. */
export function parseArgs(args: readonly string[], spec: ArgSpec, command: string): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (spec.flags?.includes(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      flags.add(name);
    } else if (spec.values?.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${name} needs a value`);
      values.set(name, value);
    } else {
      throw new UsageError(`unknown option ${name} for '${command}' (try: kashif ${command} --help)`);
    }
  }
  return { values, flags, positional };
}

/** A number option within [min, max], or `undefined` when absent. */
export function numberOption(parsed: ParsedArgs, name: string, min: number, max: number, integer = false): number | undefined {
  const raw = parsed.values.get(name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${name} expects ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got '${raw}'`);
  }
  return n;
}

/** An option whose value is one of `choices` (case-insensitive), or `fallback`. */
export function choiceOption<T extends string>(parsed: ParsedArgs, name: string, choices: readonly T[], fallback: T): T {
  const raw = parsed.values.get(name);
  if (raw === undefined) return fallback;
  const value = choices.find((c) => c === raw.toLowerCase());
  if (value === undefined) throw new UsageError(`unknown ${name.replace(/^--/, '')} '${raw}' (expected ${choices.join(', ')})`);
  return value;
}
