// Teaching kashif your own entities and spellings, without changing anything global.
//   node examples/own-gazetteer.mjs
import { createExtractor, Gazetteer } from 'kashif';

const gazetteer = Gazetteer.bundled().extend([
  // A company the bundled lexicons do not know, with the spellings your sources use.
  { id: 'acme_industries', type: 'ORGANIZATION', subtype: 'company', name: { ar: 'أكمي للصناعات', en: 'Acme Industries' }, variants: ['أكمي'] },
  // One more spelling for a known place.
  { id: 'stepanakert', type: 'LOCATION', name: { ar: 'ستيباناكيرت' }, variants: ['ستيبانكرت'] },
]);
const { extract } = createExtractor({ gazetteer });

for (const m of extract('أعلنت أكمي أرباحها، وافتتحت فرعا في ستيبانكرت.')) {
  console.log(m.text, m.type, m.entity?.id);
}
// The bundled gazetteer is unchanged:
console.log(Gazetteer.bundled().lookup('أكمي').length === 0 ? 'bundled gazetteer untouched' : 'changed?');
