// News monitoring: which entities an article (a file, or standard input) talks about, most
// mentioned first, with every spelling the writer used for each.
//   node examples/entity-counts.mjs article.txt
//   cat article.txt | node examples/entity-counts.mjs
import { readFileSync } from 'node:fs';
import { extract } from 'kashif';

const [file] = process.argv.slice(2);
let text;
try {
  text = readFileSync(file ?? 0, 'utf8');
} catch (error) {
  console.error(`entity-counts: cannot read ${file ?? 'standard input'}: ${error.message}`);
  process.exit(2);
}

const byEntity = new Map();
for (const m of extract(text)) {
  const key = m.entity?.id ?? `${m.type}:${m.text}`;
  const row = byEntity.get(key) ?? { type: m.type, name: m.entity?.name.en || m.text, count: 0, spellings: new Set() };
  row.count++;
  row.spellings.add(m.text);
  byEntity.set(key, row);
}
for (const [id, row] of [...byEntity].sort((a, b) => b[1].count - a[1].count)) {
  console.log(`${String(row.count).padStart(3)}  ${row.type.padEnd(12)} ${row.name}  (${id})  ${[...row.spellings].join(' / ')}`);
}
