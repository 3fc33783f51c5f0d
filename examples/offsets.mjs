// Normalisation that never loses your offsets: match on the folded text, report on yours.
//   node examples/offsets.mjs
import { normalize, tokenize } from 'kashif';

const input = '\u200Fقالت الخارجيّـــة الأذربيجانيّة: ﻻ تراجع';
const n = normalize(input);
console.log('normalised:', n.text);
for (const token of tokenize(n)) {
  const { start, end } = n.toSource(token.start, token.end);
  console.log(`${token.kind.padEnd(12)} ${JSON.stringify(token.text)} ← ${JSON.stringify(input.slice(start, end))} [${start}, ${end})`);
}
