// The people, places and organisations in a sentence, with their offsets and links.
//   node examples/basic.mjs
import { extract } from 'kashif';

const text = 'قال الرئيس الأذري إلهام علييف إن وزارة الدفاع الأذربيجانية أبلغت قوات حفظ السلام الروسية في خانكيندي، وفق وكالة «تاس».';

for (const m of extract(text)) {
  console.log(`${m.type.padEnd(12)} ${m.text}  [${m.start}, ${m.end})  → ${m.entity?.id ?? '(not linked)'}  ${m.entity?.name.en ?? ''}`);
}
