#!/usr/bin/env -S npx tsx
/**
 * Scores the sequence tagger alone (no gazetteer resolution, no rules) on a CoNLL file:
 * entity-level exact span + type, PER/LOC/ORG per type and micro, with and without gazetteer
 * hints (computed from `lexicons/*.jsonl` by the same matcher training uses). Optionally
 * measures tagging speed over real articles.
 *
 *   npx tsx scripts/eval-tagger.ts [FILE] [--model lexicons/tagger.bin] [--hints both|full|none]
 *                                  [--aqmar] [--speed DIR] [--shared DIR]
 *
 * FILE defaults to ANERcorp test (report only: never tune on it).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normalize } from '../src/normalize/index.js';
import { FLAG_LINE_BREAK, scan } from '../src/tokenize/scan.js';
import { anercorpLabel, aqmarLabel, formatReport, parseConll, Tagger } from '../src/model/index.js';
import { evaluate, hintMatchers, parseArgs, prepare, ROOT, sharedDir } from './train.js';

function speed(tagger: Tagger, dir: string): void {
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  const corpus: string[] = [];
  let chars = 0;
  while (chars < 4e6) {
    for (const d of docs) {
      corpus.push(d);
      chars += d.length;
    }
  }
  const mb = (chars * 2) / 2 ** 20;
  // Prepare once (normalise + scan), then time tagging alone and the whole pipeline.
  const prepared = corpus.map((d) => {
    const text = normalize(d).text;
    return { text, table: scan(text) };
  });
  let out = new Uint8Array(1024);
  const tagAll = (): number => {
    let tokens = 0;
    for (const { table } of prepared) {
      if (out.length < table.count) out = new Uint8Array(table.count * 2);
      // Sentences: cut after . ! ? ؟ and at line breaks.
      let from = 0;
      for (let i = 0; i < table.count; i++) {
        const endHere = i + 1 === table.count || (table.flags[i + 1]! & FLAG_LINE_BREAK) !== 0 || /^[.!?؟]$/.test(table.text[table.start[i]!]!) ;
        if (endHere) {
          tagger.tagTable(table, from, i + 1, out);
          from = i + 1;
        }
      }
      tokens += table.count;
    }
    return tokens;
  };
  tagAll(); // warm-up
  const runs: number[] = [];
  let tokens = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    tokens = tagAll();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const ms = runs[2]!;
  const t1 = performance.now();
  for (const d of corpus) {
    const text = normalize(d).text;
    const table = scan(text);
    if (out.length < table.count) out = new Uint8Array(table.count * 2);
    tagger.tagTable(table, 0, table.count, out);
  }
  const pipeline = performance.now() - t1;
  console.log(
    `speed over ${corpus.length} articles, ${mb.toFixed(1)} MB UTF-16, ${tokens} tokens: ` +
      `tagger alone ${(mb / (ms / 1000)).toFixed(1)} MB/s (${((tokens / ms) * 1000 / 1e6).toFixed(2)} M tokens/s); ` +
      `normalise + scan + tag ${(mb / (pipeline / 1000)).toFixed(1)} MB/s`,
  );
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const shared = sharedDir(args);
  const modelPath = resolve(args.get('model') ?? join(ROOT, 'lexicons', 'tagger.bin'));
  const tagger = Tagger.fromBytes(new Uint8Array(readFileSync(modelPath)));
  console.log(`model ${modelPath}: ${(readFileSync(modelPath).length / 2 ** 20).toFixed(2)} MB`);
  const file = args.get('_0') ?? join(shared, 'data', 'anercorp', 'test.txt');
  const sentences = parseConll(readFileSync(file, 'utf8'), args.has('aqmar') ? aqmarLabel : anercorpLabel).map(prepare);
  const mode = args.get('hints') ?? 'both';
  console.log(`${file}: ${sentences.length} sentences`);
  if (mode === 'both' || mode === 'full') {
    const { full, note } = hintMatchers();
    console.log(`\nwith gazetteer hints (${note}):\n${formatReport(evaluate(tagger, sentences, full))}`);
  }
  if (mode === 'both' || mode === 'none') console.log(`\nwithout hints:\n${formatReport(evaluate(tagger, sentences))}`);
  const dir = args.get('speed');
  if (dir) speed(tagger, resolve(dir));
}

main();
