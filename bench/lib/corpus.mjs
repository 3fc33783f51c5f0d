// The texts the benchmark runs on: the shared dev articles with their gold annotations and the
// ANERcorp test sentences, both from ../shared beside the project; when ../shared is absent, a
// small sample written for this benchmark (below), without gold, so no F1 is computed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The shared folder: `--shared DIR`, `$KASHIF_SHARED`, or ../shared beside the project. */
export function sharedDir(argv = process.argv) {
  const i = argv.indexOf('--shared');
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1]);
  return resolve(process.env.KASHIF_SHARED ?? join(ROOT, '..', 'shared'));
}

/**
 * Dev articles as `{ name, text, gold, ignore }` (gold and ignore are null for the built-in
 * sample) and where they came from.
 */
export function loadDevDocs(shared) {
  const dir = join(shared, 'corpus', 'dev');
  if (existsSync(dir)) {
    const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    if (names.length) {
      const docs = names.map((name) => {
        const text = readFileSync(join(dir, name), 'utf8');
        const goldPath = join(dir, name.replace(/\.txt$/, '.gold.jsonl'));
        if (!existsSync(goldPath)) return { name, text, gold: null, ignore: null };
        const lines = readFileSync(goldPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
        return {
          name,
          text,
          gold: lines.filter((l) => !l.ignore),
          ignore: lines.filter((l) => l.ignore).map((l) => ({ start: l.ignore[0], end: l.ignore[1] })),
        };
      });
      return { docs, source: dir, builtIn: false };
    }
  }
  return { docs: SAMPLE.map((text, i) => ({ name: `sample-${i + 1}`, text, gold: null, ignore: null })), source: 'built-in sample (bench/lib/corpus.mjs)', builtIn: true };
}

/**
 * ANERcorp test sentences (CoNLL `token TAG` lines, blank line between sentences) as
 * `{ text, tokens: [{ start, end, bio, type }] }`, the tokens joined by single spaces as
 * ../shared/tools/conll.mjs does; null when the file is absent.
 */
export function loadConll(shared) {
  const file = join(shared, 'data', 'anercorp', 'test.txt');
  if (!existsSync(file)) return null;
  const TAG = { PERS: 'PER', PER: 'PER', LOC: 'LOC', ORG: 'ORG' };
  const sentences = [];
  let cur = [];
  const flush = () => {
    if (!cur.length) return;
    let text = '';
    const tokens = [];
    for (const w of cur) {
      if (text) text += ' ';
      tokens.push({ start: text.length, end: text.length + w.tok.length, bio: w.bio, type: w.type });
      text += w.tok;
    }
    sentences.push({ text, tokens });
    cur = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const i = line.lastIndexOf(' ');
    const [bio, type] = line.slice(i + 1).trim().split('-');
    cur.push({ tok: line.slice(0, i), bio: TAG[type] ? bio : 'O', type: TAG[type] ?? null });
  }
  flush();
  return { sentences, source: file };
}

/** `docs` (strings) concatenated with blank lines and repeated or cut to exactly `chars`. */
export function textOfLength(docs, chars) {
  const joined = docs.join('\n\n');
  return joined.repeat(Math.ceil(chars / joined.length)).slice(0, chars);
}

// Written for this benchmark (not taken from any corpus): three short news items with the
// spellings kashif is built for — hamza forms, diacritics, tatweel, attached clitics.
const SAMPLE = [
  `باكو — أعلنت وزارة الخارجية الأذربيجانية يوم الإثنين أنّ الرئيس إلهام علييف سيستقبل الأمين العام للأمم المتحدة أنطونيو غوتيريش في العاصمة باكو الأسبوع المقبل، لبحث ملفّ إعادة الإعمار في إقليم قره باغ.
وقال المتحدث باسم الوزارة إن الزيارة تأتي بعد محادثات جرت في موسكو بين وزيري خارجية أذربيجان وأرمينيا برعاية روسية، وإن الجانبين اتفقا على مواصلة الحوار في جنيف.
وفي يريفان، قال رئيس الوزراء الأرميني نيكول باشينيان أمام البرلمان إن حكومته «مستعدة لتوقيع اتفاق سلام دائم»، فيما دعا الاتحاد الأوروبي الطرفين إلى ضبط النفس.
وكانت قوات حفظ السلام الروسية قد انسحبت من مدينة خانكيندي، التي يسميها الأرمن ستيباناكيرت، بحسب وكالة تاس للأنباء.`,
  `القاهرة — استقبل الرئيس المصري عبد الفتاح السيسي في قصر الاتحادية وفداً من صندوق النقد الدولي، وبحث معه برنامج الإصلاح الاقتصادي وسعر صرف الجنيه.
وقالت رئاسة الجمهورية في بيانٍ إن اللقاء تناول أيضاً الأوضاع في قطاع غزة والسودان وليبيا، وجهود جامعة الدول العربية لوقف إطلاق النار.
ونقلت وكالة رويترز عن مسؤول في وزارة المالية المصرية أن القاهرة تتوقع صرف الشريحة المقبلة قبل نهاية العام، بعد موافقة المجلس التنفيذي للصندوق في واشنطن.
ومن المقرر أن يزور وزير الخارجية الأمريكي الرياض والدوحة وعمّان خلال جولة في المنطقة تبدأ الأحد.`,
  `بيروت ـ قالت مصادر في الجيش اللبناني إن وحدات منه انتشرت جنوبَ نهر الليطاني بالتنسيق مع قوة الأمم المتحدة المؤقتة في لبنان (اليونيفيل).
وأكد رئيس مجلس النواب نبيه بري أن «لبنان ملتزم بالقرار 1701»، بينما طالبت فرنسا والولايات المتحدة بتسريع تشكيل الحكومة.
وفي دمشق، أعلنت وزارة الدفاع السورية أن طائرات مسيّرة استهدفت مواقع قرب حلب وإدلب، في حين قالت أنقرة إن الجيش التركي لم يشارك في العملية.
وعلى صعيد آخر، فاز نادي الأهلي المصري على الزمالك بهدفين مقابل هدف في نهائي الكأس الذي أقيم في استاد القاهرة الدولي.`,
];
