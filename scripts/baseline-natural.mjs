#!/usr/bin/env node
// A baseline for the dev corpus: what a generic JavaScript toolkit gives with the very same
// lexicons. natural's tokenizers (its Persian AggressiveTokenizer is the one that keeps Arabic
// letters; WordTokenizer drops them) and an exact, longest-first lookup of every spelling as
// written — no normalisation, no clitics, no context. Then kashif on the same documents.
//   npm run build && node scripts/baseline-natural.mjs [DOCS_DIR]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, extract, Gazetteer, parseGold } from 'kashif';

process.env.DOTENV_CONFIG_QUIET = 'true'; // natural loads dotenv, which would print a banner
const { default: natural } = await import('natural');

const dir = process.argv[2] ?? '../shared/corpus/dev';
if (!existsSync(dir)) {
  console.log(`baseline: skipped, ${dir} is not here`);
  process.exit(0);
}
const docs = readdirSync(dir)
  .filter((f) => f.endsWith('.txt') && existsSync(join(dir, f.replace(/\.txt$/, '.gold.jsonl'))))
  .map((f) => parseGold(readFileSync(join(dir, f.replace(/\.txt$/, '.gold.jsonl')), 'utf8'), readFileSync(join(dir, f), 'utf8'), f));

// Every spelling of every entity, as written, keyed by its first word.
const byFirst = new Map();
for (const entry of Gazetteer.bundled().entries()) {
  for (const spelling of new Set([entry.name.ar, ...(entry.variants ?? [])])) {
    const words = spelling.split(/\s+/);
    if (!byFirst.has(words[0])) byFirst.set(words[0], []);
    byFirst.get(words[0]).push({ words, type: entry.type, id: entry.id });
  }
}

function baseline(tokenizer) {
  return (text) => {
    // natural returns strings without offsets: find each in the text, left to right.
    const tokens = [];
    let at = 0;
    for (const word of tokenizer.tokenize(text)) {
      const start = text.indexOf(word, at);
      if (start < 0) continue;
      tokens.push({ word, start, end: start + word.length });
      at = start + word.length;
    }
    const mentions = [];
    for (let i = 0; i < tokens.length; i++) {
      const options = (byFirst.get(tokens[i].word) ?? []).filter((o) => o.words.every((w, k) => tokens[i + k]?.word === w));
      const best = options.sort((a, b) => b.words.length - a.words.length)[0];
      if (!best) continue;
      const last = tokens[i + best.words.length - 1];
      const start = tokens[i].start;
      mentions.push({ start, end: last.end, text: text.slice(start, last.end), type: best.type, entity: { id: best.id }, score: 1, source: 'lexicon' });
      i += best.words.length - 1;
    }
    return mentions;
  };
}

const pct = (x) => (100 * x).toFixed(1);
const line = (name, r) =>
  console.log(`${name.padEnd(46)} strict F1 ${pct(r.strict.ALL.f1)} · lenient F1 ${pct(r.lenient.ALL.f1)} · link F1 ${pct(r.linking.f1)}`);
line('natural WordTokenizer + lexicon lookup', evaluate(docs, baseline(new natural.WordTokenizer())));
line('natural AggressiveTokenizerFa + lexicon lookup', evaluate(docs, baseline(new natural.AggressiveTokenizerFa())));
line('kashif extract()', evaluate(docs, (text) => extract(text)));
