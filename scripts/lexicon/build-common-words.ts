/**
 * Builds `lexicons/common-words.txt`: everyday Arabic words, normalised, one per line — the
 * tokens that the annotated corpora almost never tag as part of a name. The extractor uses it to
 * tell a name-like word from an ordinary one after a title (الرئيس X) and the variant generator
 * to keep generated spellings off real words.
 *
 * Sources: ANERcorp train (CC BY-SA 4.0) and AQMAR (CC BY-SA 3.0); never ANERcorp test. Plus the
 * generic nouns of curated-common-words.txt.
 *   node --import tsx scripts/lexicon/build-common-words.ts [../shared/data]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '../../src/normalize/index.js';

const data = process.argv[2] ?? '../shared/data';
if (!existsSync(join(data, 'anercorp/train.txt'))) {
  console.error(`build-common-words: ${data}/anercorp/train.txt is not here`);
  process.exit(1);
}
const files = [join(data, 'anercorp/train.txt'), ...readdirSync(join(data, 'aqmar')).filter((f) => f.endsWith('.txt')).map((f) => join(data, 'aqmar', f))];

const outside = new Map<string, number>();
const inside = new Map<string, number>(); // inside any name
const inPerson = new Map<string, number>(); // inside a person's name
for (const file of files) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const i = line.lastIndexOf(' ');
    if (i <= 0) continue;
    const word = normalize(line.slice(0, i).trim()).text;
    if (!/^\p{Script=Arabic}+$/u.test(word)) continue;
    const tag = line.slice(i + 1).trim();
    const inName = /^[BI]-(PERS?|LOC|ORG)$/.test(tag);
    const counts = inName ? inside : outside;
    counts.set(word, (counts.get(word) ?? 0) + 1);
    if (/^[BI]-PERS?$/.test(tag)) inPerson.set(word, (inPerson.get(word) ?? 0) + 1);
  }
}
const MIN_COUNT = 3; // seen as an ordinary word at least this often,
const MAX_PERSON_SHARE = 0.05; // inside a person's name at most this share of the time,
const MAX_NAME_SHARE = 0.5; // and inside any name (البحر الأحمر، مجلس الأمن) at most half the time
const words = [...outside]
  .filter(([w, n]) => {
    const total = n + (inside.get(w) ?? 0);
    return n >= MIN_COUNT && (inPerson.get(w) ?? 0) <= MAX_PERSON_SHARE * total && (inside.get(w) ?? 0) <= MAX_NAME_SHARE * total;
  })
  .map(([w]) => w);
// Curated everyday words the corpora are too small to count (one per line, # comments), and
// names they count as ordinary because ANERcorp tags them MISC (a line `!اليونيفيل`).
const lines = readFileSync(new URL('./curated-common-words.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const curated = lines.filter((l) => !l.startsWith('!')).map((l) => normalize(l).text);
const notCommon = new Set(lines.filter((l) => l.startsWith('!')).map((l) => normalize(l.slice(1)).text));
const all = [...new Set([...words, ...curated])].filter((w) => !notCommon.has(w)).sort();
writeFileSync('lexicons/common-words.txt', `${all.join('\n')}\n`);
console.log(`common-words.txt: ${all.length} words (${all.length - words.length} of them curated)`);
