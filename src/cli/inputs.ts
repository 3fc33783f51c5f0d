/**
 * Where the text comes from: files, folders (walked lazily, so a folder of 10,000 articles is
 * never listed or read at once) and standard input.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { UsageError } from './args.js';

/** One document to read: a file path, or `null` for standard input. */
export interface Input {
  /** As shown in the output: the path as given or as found under a folder, or `-`. */
  readonly name: string;
  readonly path: string | null;
  /** Below the folder it was found in (the file's own name when given directly). */
  readonly relative: string;
}

/**
 * Checks every argument first (so a typo fails before any output), then yields the documents:
 * files as given, `.txt` files under folders recursively in sorted order, `-` for standard input.
 * No argument means standard input.
 */
export function checkInputs(args: readonly string[], stdinIsTerminal: boolean): readonly string[] {
  if (args.length === 0) {
    if (stdinIsTerminal) throw new UsageError('give a FILE or FOLDER, or pipe text to standard input');
    return ['-'];
  }
  if (args.filter((a) => a === '-').length > 1) throw new UsageError("standard input ('-') can be read only once");
  for (const arg of args) {
    if (arg === '-') continue;
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      throw new UsageError(`no such file or folder: ${arg}`);
    }
    if (!stat.isFile() && !stat.isDirectory()) throw new UsageError(`${arg} is neither a file nor a folder`);
  }
  return args;
}

/** The documents named by checked arguments, lazily. */
export function* walkInputs(args: readonly string[]): Generator<Input> {
  for (const arg of args) {
    if (arg === '-') yield { name: '-', path: null, relative: 'stdin.txt' };
    else if (statSync(arg).isFile()) yield { name: arg, path: arg, relative: basename(arg) };
    else yield* walkFolder(arg, arg);
  }
}

function* walkFolder(dir: string, root: string): Generator<Input> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    throw new UsageError(`cannot read folder ${dir}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFolder(path, root);
    else if (entry.name.endsWith('.txt') && (entry.isFile() || (entry.isSymbolicLink() && isFile(path)))) yield { name: path, path, relative: relative(root, path) };
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * A file's text. UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are
 * read; anything else is a {@link UsageError}. A byte-order mark is kept as U+FEFF, so offsets
 * count it, as `readFileSync(file, 'utf8')` would.
 */
export function readText(path: string, name: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UsageError(`cannot read ${name}`);
  }
  return decode(bytes, name);
}

/** Decodes bytes as {@link readText} does. */
export function decode(bytes: Uint8Array, name: string): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UsageError(`${name} is not UTF-8 text (convert it, e.g. iconv -f WINDOWS-1256 -t UTF-8)`);
  }
}

/** All of standard input, decoded as {@link readText} does. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return decode(Buffer.concat(chunks), 'standard input');
}
