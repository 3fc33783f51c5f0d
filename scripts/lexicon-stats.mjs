#!/usr/bin/env node
// What the shipped lexicons hold: entities per type and subtype, spellings per entity (attested
// and generated), and the share with Wikidata and GeoNames ids.
//   node scripts/lexicon-stats.mjs
import { readFileSync } from 'node:fs';

const files = ['locations.jsonl', 'persons.jsonl', 'organizations.jsonl'];
for (const file of files) {
  const entries = readFileSync(new URL(`../lexicons/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const bySubtype = new Map();
  for (const e of entries) bySubtype.set(e.subtype, (bySubtype.get(e.subtype) ?? 0) + 1);
  const attested = entries.reduce((n, e) => n + e.variants.length, 0);
  const generated = entries.reduce((n, e) => n + (e.generated?.length ?? 0), 0);
  const demonyms = entries.reduce((n, e) => n + (e.demonyms?.length ?? 0), 0);
  const withSeen = entries.filter((e) => e.seen?.length || e.src?.length).length;
  console.log(`${file}: ${entries.length} entities`);
  console.log(
    `  spellings per entity: ${(attested / entries.length).toFixed(2)} attested + ${(generated / entries.length).toFixed(2)} generated` +
      (demonyms ? `; ${demonyms} demonyms` : '') +
      `; with a source or an attestation: ${withSeen}` +
      `; wikidata ${entries.filter((e) => e.wikidata).length}, geonames ${entries.filter((e) => e.geonames).length}`,
  );
  console.log(`  ${[...bySubtype].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${n}`).join(' · ')}`);
}
