/**
 * Trigger words the tagger knows by class: titles that precede a person's name, nouns that
 * precede a place name, and heads that begin an organisation's name. Written as in ordinary
 * text; the training script normalises them and folds their hashes into the model file, so the
 * model carries the list it was trained with. Clitics are found by the tokeniser's stem
 * candidates (والرئيس → الرئيس), so each word is listed once with and without the article
 * only where both forms occur before names.
 */

/** Trigger classes, as stored in the model file. */
export const TRIGGER_PERSON = 1;
export const TRIGGER_LOCATION = 2;
export const TRIGGER_ORGANIZATION = 3;
/**
 * Flag OR-ed into a trigger word's stored value: a sports word (مباراة، الدوري: the one-word
 * phrases of the `sports` line of `lexicons/triggers.jsonl`). A sentence with one is about sport,
 * where a city's name is often its club (ليون، هامبورغ).
 */
export const TRIGGER_SPORTS = 8;

/** Titles and roles that often come right before a person's name. */
export const PERSON_TRIGGERS: readonly string[] = [
  'الرئيس', 'رئيس', 'الرئيسة', 'رئيسة', 'الملك', 'الملكة', 'الأمير', 'الأميرة', 'أمير', 'الشيخ', 'الشيخة', 'السيد',
  'السيدة', 'الدكتور', 'الدكتورة', 'د', 'الوزير', 'وزير', 'الوزيرة', 'وزيرة', 'المستشار', 'المستشارة', 'الجنرال',
  'العقيد', 'اللواء', 'العميد', 'الفريق', 'المشير', 'الرائد', 'النقيب', 'النائب', 'النائبة', 'الزعيم', 'الأمين', 'الأستاذ',
  'المهندس', 'الحاج', 'الأب', 'البابا', 'الإمام', 'القاضي', 'المدرب', 'اللاعب', 'الكاتب', 'الكاتبة', 'الفنان', 'الفنانة',
  'الشاعر', 'الممثل', 'الممثلة', 'المخرج', 'المطرب', 'المطربة', 'المغني', 'المغنية', 'المتحدث', 'المبعوث', 'السفير',
  'الناطق', 'المدير', 'مدير', 'نائب', 'زعيم', 'قائد', 'القائد', 'المرشح', 'المرشحة', 'الصحفي', 'الصحافي', 'الصحفية',
  'المحامي', 'الكاردينال', 'المطران', 'الحاخام', 'الداعية', 'البروفيسور', 'المفتي', 'السلطان', 'الخليفة', 'المرحوم',
  'الراحل', 'الراحلة', 'الشهيد', 'العاهل', 'ولي', 'المندوب', 'المفوض', 'الموفد', 'الحارس', 'المهاجم',
  'النجم', 'النجمة', 'الروائي', 'الفيلسوف', 'المؤرخ', 'الباحث', 'السيناتور', 'المحافظ', 'حاكم',
  'الحاكم', 'المتحدثة', 'الأسقف', 'القس', 'سماحة', 'فخامة', 'معالي', 'سعادة', 'جلالة', 'سمو',
];

/** Nouns that often come right before a place name. */
export const LOCATION_TRIGGERS: readonly string[] = [
  'مدينة', 'المدينة', 'بلدة', 'قرية', 'محافظة', 'ولاية', 'إقليم', 'منطقة', 'عاصمة', 'العاصمة', 'جزيرة', 'جزر', 'نهر',
  'بحر', 'جبل', 'جبال', 'مقاطعة', 'دولة', 'شمال', 'جنوب', 'شرق', 'غرب', 'وسط', 'شمالي', 'جنوبي', 'شرقي', 'غربي', 'مخيم',
  'ميناء', 'مطار', 'حي', 'ضاحية', 'بحيرة', 'خليج', 'صحراء', 'وادي', 'سهل', 'هضبة', 'قضاء', 'ناحية', 'إمارة', 'مملكة',
  'جمهورية', 'شارع', 'ساحة', 'مضيق', 'قناة', 'أنحاء', 'ضواحي', 'حدود', 'أراضي', 'سواحل',
];

/** Heads that often begin an organisation's name. */
export const ORGANIZATION_TRIGGERS: readonly string[] = [
  'شركة', 'حزب', 'جامعة', 'وكالة', 'منظمة', 'مؤسسة', 'جمعية', 'اتحاد', 'مجلس', 'بنك', 'مصرف', 'نادي', 'صحيفة',
  'جريدة', 'قناة', 'هيئة', 'جبهة', 'حركة', 'لجنة', 'محكمة', 'مجموعة', 'معهد', 'مركز', 'رابطة', 'نقابة', 'اتحادات',
  'مجلة', 'إذاعة', 'تلفزيون', 'منتدى', 'صندوق', 'برنامج', 'الأمم', 'جيش', 'قوات', 'كتائب', 'ائتلاف', 'تحالف', 'مكتب',
  'دائرة', 'سلطة', 'مصلحة', 'كلية', 'أكاديمية', 'مستشفى', 'فريق', 'منتخب', 'وزارة', 'الحزب', 'الجامعة', 'الشركة',
  'الوكالة', 'المنظمة', 'المجلس', 'الاتحاد', 'البنك', 'النادي', 'الصحيفة', 'الجريدة', 'الهيئة', 'الجبهة', 'الحركة',
  'اللجنة', 'المحكمة', 'المعهد', 'المركز',
];

