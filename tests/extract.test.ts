import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExtractor, extract, type Mention } from '../src/index.js';
import { Gazetteer } from '../src/gazetteer/index.js';
import { arabicHeavyString } from './arbitraries.js';

/** [text, type, entity id] of each mention; `null` for a mention found but not linked, `*` for any link. */
type Expected = readonly (readonly [string, Mention['type'], string | null])[];

interface Case {
  readonly input: string;
  readonly expected: Expected;
  readonly why: string;
}

const brief = (mentions: readonly Mention[]): Expected => mentions.map((m) => [m.text, m.type, m.entity?.id ?? null] as const);

/**
 * One case per rule of ../shared/corpus/GUIDELINES.md and per extractor behaviour of issue 4.
 * The sentences are ours, written for these tests.
 */
const CASES: readonly Case[] = [
  // 1. Proclitics outside the span.
  { input: 'زار الوفد باكو وأذربيجان', expected: [['باكو', 'LOCATION', 'baku_az'], ['أذربيجان', 'LOCATION', 'azerbaijan']], why: 'و is outside the span' },
  { input: 'القتال بكاراباخ مستمر', expected: [['كاراباخ', 'LOCATION', 'nagorno_karabakh']], why: 'ب is outside the span' },
  { input: 'رسالة للأمم المتحدة', expected: [['لأمم المتحدة', 'ORGANIZATION', 'united_nations']], why: 'ل + ال with the alef dropped: the span starts at the article’s ل' },
  { input: 'وللاتحاد الأوروبي موقف', expected: [['لاتحاد الأوروبي', 'ORGANIZATION', 'european_union']], why: 'و + ل + ال' },
  // 2. The article stays inside.
  { input: 'قال الكرملين إن', expected: [['الكرملين', 'ORGANIZATION', 'kremlin']], why: 'the article is part of the name as written' },
  // 3. Descriptors outside, heads inside.
  { input: 'قال الرئيس الأذري إلهام علييف', expected: [['إلهام علييف', 'PERSON', 'ilham_aliyev']], why: 'a title and a nationality adjective stay outside a person' },
  { input: 'وصل إلى مدينة خانكيندي', expected: [['خانكيندي', 'LOCATION', 'stepanakert']], why: 'مدينة stays outside, and خانكيندي is Stepanakert' },
  { input: 'استقبل أمير دولة قطر وفدا من جمهورية مصر العربية', expected: [['قطر', 'LOCATION', 'qatar'], ['مصر', 'LOCATION', 'egypt']], why: 'a state descriptor stays outside the country, as مدينة does a city' },
  { input: 'وصل الوفد إلى جمهورية أفريقيا الوسطى', expected: [['جمهورية أفريقيا الوسطى', 'LOCATION', 'central_african_republic']], why: 'but جمهورية is inside where the rest is no name of the country' },
  { input: 'بحسب وكالة تاس', expected: [['تاس', 'ORGANIZATION', 'tass']], why: 'وكالة stays outside an agency’s own name' },
  { input: 'قال لشبكة سي إن إن', expected: [['سي إن إن', 'ORGANIZATION', 'cnn']], why: 'شبكة stays outside; the Arabic spelling of CNN' },
  { input: 'سقطت قذيفة قرب نهر الليطاني', expected: [['نهر الليطاني', 'LOCATION', 'litani_river']], why: 'a river keeps its head word' },
  // 4. Nationality adjectives inside institutions; a place after في is its own mention.
  { input: 'أعلنت وزارة الدفاع الأذربيجانية', expected: [['وزارة الدفاع الأذربيجانية', 'ORGANIZATION', 'ministry_of_defence_azerbaijan']], why: 'the adjective says whose ministry it is' },
  { input: 'تقدم الجيش الروسي', expected: [['الجيش الروسي', 'ORGANIZATION', 'armed_forces_russia']], why: 'an army with its nationality' },
  { input: 'انتشرت قوات حفظ السلام الروسية', expected: [['قوات حفظ السلام الروسية', 'ORGANIZATION', 'peacekeeping_forces_russia']], why: 'a named force with its nationality' },
  { input: 'قالت وزارة الدفاع في باكو', expected: [['وزارة الدفاع', 'ORGANIZATION', 'ministry_of_defence_azerbaijan'], ['باكو', 'LOCATION', 'baku_az']], why: 'في + a place is a separate mention, and links the ministry to its country' },
  { input: 'دعت حكومة أرمينيا', expected: [['حكومة أرمينيا', 'ORGANIZATION', 'government_armenia']], why: 'an institution in construct with its country' },
  { input: 'يجتمع مجلس الأمن التابع للأمم المتحدة', expected: [['مجلس الأمن', 'ORGANIZATION', 'united_nations_security_council'], ['لأمم المتحدة', 'ORGANIZATION', 'united_nations']], why: 'a body joined to its parent by التابع ل is two mentions' },
  { input: 'قال وزير الخارجية الأمريكي أنتوني بلينكن', expected: [['أنتوني بلينكن', 'PERSON', 'antony_blinken']], why: 'وزير الخارجية الأمريكي is a title, not the ministry' },
  { input: 'انسحبت القوات الأرمينية', expected: [], why: 'a generic reference with a nationality adjective is not a name' },
  // 5–6. Full names and multi-word places are one mention.
  { input: 'التقى رجب طيب أردوغان', expected: [['رجب طيب أردوغان', 'PERSON', 'recep_tayyip_erdogan']], why: 'a full name is one mention' },
  { input: 'من تل أبيب إلى الضفة الغربية', expected: [['تل أبيب', 'LOCATION', '*'], ['الضفة الغربية', 'LOCATION', 'west_bank']], why: 'multi-word places are one mention' },
  { input: 'الاستقرار في جنوب القوقاز', expected: [['جنوب القوقاز', 'LOCATION', 'south_caucasus']], why: 'a region’s name with جنوب is one place' },
  // 8. Latin names inside Arabic; foreign stretches left alone.
  { input: 'قال لقناة CNN إن', expected: [['CNN', 'ORGANIZATION', 'cnn']], why: 'a Latin name inside an Arabic sentence' },
  {
    input: 'ونشر الحساب: The Azerbaijani army has entered Stepanakert this morning\nوقالت أرمينيا',
    expected: [['أرمينيا', 'LOCATION', 'armenia']],
    why: 'an English sentence is left alone',
  },
  { input: 'وسم #أذربيجان و@baku_news', expected: [], why: 'hashtags and handles are not mentions' },
  // Context rules for names the lexicon lacks.
  { input: 'وأكد النائب محمد العتيبي أن القرار نهائي', expected: [['محمد العتيبي', 'PERSON', null]], why: 'a title before a name the lexicon lacks' },
  { input: 'قصفت الطائرات قرية ديرعمار', expected: [['ديرعمار', 'LOCATION', null]], why: 'a place noun before a place the lexicon lacks' },
  { input: 'قتل ثلاثة مدنيين في مدينة خان العسل', expected: [['خان العسل', 'LOCATION', null]], why: 'a place noun before a two-word name whose second word is definite' },
  { input: 'وصل الوفد إلى بلدة بنت جبيل جنوبي لبنان', expected: [['بنت جبيل', 'LOCATION', 'bint_jbeil_lb'], ['لبنان', 'LOCATION', 'lebanon']], why: 'a two-word name is read whole (Bint Jbeil, not Byblos)' },
  { input: 'وصلت القافلة إلى قرية زردنا الإدلبية', expected: [['زردنا', 'LOCATION', null]], why: 'a nisba adjective after the name describes the place' },
  { input: 'وتقدمت القوات نحو كوباني', expected: [['كوباني', 'LOCATION', 'ayn_al_arab_sy']], why: 'a place’s other name links to the same entity (كوباني = عين العرب)' },
  { input: 'وقال محافظ البنك المركزي علي العلاق إن الدينار مستقر', expected: [['علي العلاق', 'PERSON', null]], why: 'علي written with yeh after a role starts a name when a name word follows' },
  { input: 'وأكد الوزير على ضرورة الإصلاح وعلى عتبة المرحلة', expected: [], why: 'على with alef maksura is the preposition, whatever follows' },
  { input: 'وأكد الوزير علي ضرورة الإصلاح', expected: [], why: 'علي spelled with yeh before an everyday word is the preposition too' },
  { input: 'وقصفت الطائرات مخيم الشاطئ غرب مدينة غزة', expected: [['الشاطئ', 'LOCATION', 'al_shati_camp_ps'], ['غزة', 'LOCATION', 'gaza_strip']], why: 'a camp’s name that is an everyday word (الشاطئ «the beach») is confirmed by the place noun before it, which stays outside' },
  { input: 'وجلس الصيادون على الشاطئ ساعات', expected: [], why: 'the same word without support is the beach' },
  { input: 'ودخلت الشاحنات عبر معبر كرم أبو سالم', expected: [['معبر كرم أبو سالم', 'LOCATION', 'kerem_shalom_crossing']], why: 'a named crossing is a venue with its head inside; أبو سالم there is no person' },
  { input: 'استهدفت الغارات ريف إدلب الجنوبي', expected: [['إدلب', 'LOCATION', 'idlib_sy']], why: 'ريف («the countryside of») is an everyday word that stays outside' },
  { input: 'وصرح الوزير الأول الجزائري نذير العرباوي بأن الحكومة ستطلق برنامجا', expected: [['نذير العرباوي', 'PERSON', '*']], why: 'الوزير الأول is the Maghreb’s prime minister, a title: الأول is no name' },
  { input: 'قال الباحث جون سميث (John Smith) إن النتائج مشجعة', expected: [['جون سميث', 'PERSON', null], ['John Smith', 'PERSON', null]], why: 'a Latin gloss in brackets after a name is a mention of the same person (guideline 8)' },
  { input: 'وقال الرئيس الروسي بوتين (Getty) إن بلاده مستعدة', expected: [['بوتين', 'PERSON', 'vladimir_putin']], why: 'a credit in brackets does not spell the name before it: no gloss' },
  { input: 'وقال اللواء الركن سامي الحسني إن القوات جاهزة', expected: [['سامي الحسني', 'PERSON', null]], why: 'a military rank with الركن («staff») before the name is a title' },
  { input: 'وتوجه الوفد إلى أربيل للقاء رئيس الإقليم', expected: [['أربيل', 'LOCATION', 'erbil_iq']], why: 'the news spelling of Erbil (GeoNames writes إربل) is the city, not its club' },
  { input: 'ونقلت صحيفة الوسيط عن مصادر', expected: [['الوسيط', 'ORGANIZATION', null]], why: 'a newspaper’s name after صحيفة, even an everyday word' },
  { input: 'ونقلت صحيفة البلاد عن مصادر', expected: [['البلاد', 'ORGANIZATION', 'al_bilad']], why: 'a trigger confirms an everyday-word spelling the lexicon has' },
  { input: 'تصدر في البلدة صحيفة يومية ومجلة أسبوعية', expected: [], why: 'an indefinite nisba after a descriptor is an adjective (صحيفة يومية), not the outlet’s name' },
  { input: 'أسس الفنان مركز للإبداعات الفنية في المدينة', expected: [], why: 'a head followed by a preposition is a common noun (مركز للإبداعات), not an institution’s name' },
  { input: 'وقال اللاعب أحمد السعدي خريج أكاديمية النادي', expected: [['أحمد السعدي', 'PERSON', null]], why: 'the tagger trims a name a title rule ran on into the next word (خريج)' },
  { input: 'فاز مونبلييه الفرنسي على ضيفه في مباراة الدوري', expected: [['مونبلييه', 'ORGANIZATION', null]], why: 'in a sports story a city with a masculine nationality adjective is its club, even one the lexicon lacks' },
  { input: 'وصل الوفد إلى مونبلييه الفرنسية لحضور مباراة الدوري', expected: [['مونبلييه', 'LOCATION', 'montpellier_fr']], why: 'with the feminine adjective it stays the city' },
  { input: 'مونبلييه ( فرنسا ) - ليفركوزن ( ألمانيا ) 1 - 0 في مباراة الدوري', expected: [['مونبلييه', 'ORGANIZATION', null], ['فرنسا', 'LOCATION', 'france'], ['ليفركوزن', 'ORGANIZATION', 'bayer_leverkusen'], ['ألمانيا', 'LOCATION', 'germany']], why: 'a city with its country in brackets, in a table of results, is a club' },
  { input: 'يوفنتوس ( إيطاليا ) - ليون ( فرنسا ) 2 - صفر', expected: [['يوفنتوس', 'ORGANIZATION', 'juventus'], ['إيطاليا', 'LOCATION', 'italy'], ['ليون', 'ORGANIZATION', 'olympique_lyonnais'], ['فرنسا', 'LOCATION', 'france']], why: 'a line of results with no sports word: a known club and a score make it sport' },
  { input: 'زار الوزير ليون ( فرنسا ) بين 10 - 12 مايو', expected: [['ليون', 'LOCATION', 'lyon_fr'], ['فرنسا', 'LOCATION', 'france']], why: 'a range of days is no score, and no club stands near: the city' },
  { input: 'أعلن نادي النصر تعاقده مع مدافع جديد', expected: [['النصر', 'ORGANIZATION', 'al_nassr_fc']], why: 'a descriptor stays outside a club’s name (guideline 3) and supports an everyday-word spelling' },
  { input: 'فاز نادي الرياض على ضيفه', expected: [['الرياض', 'ORGANIZATION', 'al_riyadh_sc']], why: 'after نادي a city’s spelling is its club; نادي (also Nadi, Fiji) still works as a descriptor' },
  { input: 'وأغلق سهم أبل على ارتفاع أمس', expected: [['أبل', 'ORGANIZATION', 'apple']], why: 'a share (سهم) is a company’s: the descriptor supports an everyday-word spelling' },
  { input: 'وتراجعت أسهم الشركات الكبرى أمس', expected: [], why: 'an everyday word after أسهم is no company' },
  { input: 'ونقلت صحيفة الرياض عن مصدر مسؤول', expected: [['الرياض', 'ORGANIZATION', 'al_riyadh_newspaper']], why: 'after صحيفة the same spelling is the newspaper' },
  { input: 'وفي مباراة الدوري تعادل الشباب مع الفتح، وفاز التعاون على الرائد', expected: [['الشباب', 'ORGANIZATION', '*'], ['الفتح', 'ORGANIZATION', '*'], ['التعاون', 'ORGANIZATION', '*'], ['الرائد', 'ORGANIZATION', '*']], why: 'in a sports story, clubs named by everyday words that a match joins are the clubs' },
  { input: 'تغلب الهلال على ضيفه الاتحاد في مباراة الدوري، وسجل هدف الهلال الأول لاعب شاب', expected: [['الهلال', 'ORGANIZATION', 'al_hilal_sfc'], ['الاتحاد', 'ORGANIZATION', '*'], ['الهلال', 'ORGANIZATION', 'al_hilal_sfc']], why: 'a club a match named is that club again later in the text' },
  { input: 'وفي مباراة الدوري سدد لاعب الشباب كرة قوية في مرمى التعاون', expected: [['الشباب', 'ORGANIZATION', '*'], ['التعاون', 'ORGANIZATION', '*']], why: 'after a noun of a club’s players or goal (لاعب، مرمى) an everyday word is the club' },
  { input: 'تأهل النادي الأهلي المصري إلى النهائي', expected: [['النادي الأهلي', 'ORGANIZATION', '*']], why: 'the adjective of a club’s own country describes it: المصري there is not the club of Port Said' },
  { input: 'وفاز الأهلي على المصري في الدوري', expected: [['الأهلي', 'ORGANIZATION', '*'], ['المصري', 'ORGANIZATION', '*']], why: 'after a preposition المصري is that club' },
  { input: 'احتفل لاعبو الفريق بالنصر على الهلال في مباراة الدوري', expected: [['الهلال', 'ORGANIZATION', '*']], why: 'behind ب the everyday word is a noun again (بالنصر «with the victory»)' },
  { input: 'أكد وزير الشباب والرياضة أن الوحدة الوطنية أساس الفوز في البطولة وأن المنتخب جاهز للمباراة', expected: [], why: 'in a sports story the same words in other company keep their everyday sense (وزير الشباب، الوحدة الوطنية)' },
  { input: 'وصفها موقع شركته على الإنترنت بأنها الأفخم', expected: [], why: 'a head noun with a possessive pronoun (شركته «his company») names nothing' },
  { input: 'ولما وصلنا إلى القرية تجمع حولنا الأطفال', expected: [], why: 'nor does a head followed by a preposition with a pronoun (تجمع حولنا «gathered around us»)' },
  { input: 'المنامة (بنا) - استقبل وزير الخارجية نظيره العماني', expected: [['المنامة', 'LOCATION', 'manama_bh'], ['بنا', 'ORGANIZATION', 'bahrain_news_agency']], why: 'a dateline names its agency in brackets between the place and a dash, even an everyday word (بنا «with us»)' },
  { input: 'مسقط - العمانية: استقبل السلطان وزير الخارجية', expected: [['مسقط', 'LOCATION', 'muscat_om'], ['العمانية', 'ORGANIZATION', 'oman_news_agency']], why: 'a dateline may name its agency after a dash, before a colon: العمانية there is the agency, not «the Omani»' },
  { input: 'زار الوزير بغداد - العمانية والمغربية الأسبوع الماضي', expected: [['بغداد', 'LOCATION', 'baghdad_iq']], why: 'mid-sentence, a dash and an adjective make no dateline' },
  { input: 'قدمت المطربة اللبنانية فيروز حفلا في بيروت', expected: [['فيروز', 'PERSON', null], ['بيروت', 'LOCATION', 'beirut_lb']], why: 'a name that starts like the conjunction ف keeps its first letter when it is a known name token' },
  { input: 'هبطت الطائرة في مطار بيروت الدولي مساء أمس', expected: [['مطار بيروت الدولي', 'LOCATION', null]], why: 'a named venue is a LOCATION with its head inside (guidelines: استاد برج العرب، قصر قرطاج)' },
  { input: 'استقبل الملك ضيفه في قصر اليمامة بالرياض', expected: [['قصر اليمامة', 'LOCATION', null], ['الرياض', 'LOCATION', 'riyadh_sa']], why: 'a word behind a preposition ends the venue’s name' },
  { input: 'دعا إلى حوار وطني جامع بين الأطراف', expected: [], why: 'a venue head that is also an adjective (جامع «comprehensive») before a preposition names nothing' },
  { input: 'وفازت الروائية العمانية جوخة الحارثي بالجائزة', expected: [['جوخة الحارثي', 'PERSON', null]], why: 'after a title, a family name (ال … ي) after the first name makes a person even when no word is a known name token' },
  { input: 'أفاد مراسلنا بأن الوضع هادئ في العام الهجري الجديد', expected: [], why: 'spellings of names that are everyday words (أفاد «reported», not AFAD; الهجري «of the Hijra») need support' },
  { input: 'وتجمع المحتجون أمام مبنى البلدية', expected: [], why: 'a nominative plural after a head word is the subject of a verb spelled like it (تجمع «gathered»); البلدية is «the municipality», no place' },
  { input: 'وتلا ذلك بيان عن خطر خفي يهدد المنطقة', expected: [], why: 'one-word spellings of small places that are everyday words (تلا «followed», خفي «hidden») need support' },
  { input: 'وصل الوفد إلى فينزويلا أمس', expected: [['فينزويلا', 'LOCATION', null]], why: 'ف is split off a name only before a known word: an unknown spelling keeps its first letter (not ينزويلا)' },
  { input: 'وغرد Donald Trump على حسابه بعد لقائه في Paris', expected: [['Donald Trump', 'PERSON', 'donald_trump'], ['Paris', 'LOCATION', 'paris_fr']], why: 'a known entity in Latin script inside Arabic text, by its English name (guideline 8)' },
  { input: 'وقال Trump إن المفاوضات مستمرة', expected: [], why: 'one Latin word is not enough for a person' },
  { input: 'أقيمت المباراة على ملعب الأمير فيصل بن فهد في الرياض', expected: [['ملعب الأمير فيصل بن فهد', 'LOCATION', null], ['الرياض', 'LOCATION', 'riyadh_sa']], why: 'a venue named after a royal keeps the title and the name inside' },
  { input: 'أقيمت مباراة الدوري في ليون أمس وفاز فيها الفريق', expected: [['ليون', 'LOCATION', 'lyon_fr']], why: 'in a sports story a city after في «in» is the city, not its club' },
  { input: 'وقالت اليونيفيل إن دورياتها مستمرة', expected: [['اليونيفيل', 'ORGANIZATION', 'unifil']], why: 'a name the training corpora tag MISC is no everyday word and needs no support' },
  { input: 'المصدر: عربي21', expected: [['عربي21', 'ORGANIZATION', 'arabi21']], why: 'a news source after «المصدر:»' },
  { input: 'وقال المصدر الأمني إن الجرحى نقلوا إلى المستشفى', expected: [], why: 'without a colon المصدر is «the source» and its adjective no outlet (المصدر الأمني «the security source»)' },
  { input: 'استقبل الرئيس وزير الشؤون الخارجية الفرنسي جان نويل بارو', expected: [['جان نويل بارو', 'PERSON', 'jean_noel_barrot']], why: 'a masculine adjective cannot describe the feminine الخارجية: it is the minister’s, and there is no ministry' },
  { input: 'استقبل الرئيس ضيفه بقصر المرادية أمس', expected: [['قصر المرادية', 'LOCATION', null]], why: 'a definite nisba after a venue head cannot be its adjective (the head is indefinite): it is the name' },
  { input: 'احتشد المصلون في ساحة القديس بطرس', expected: [['ساحة القديس بطرس', 'LOCATION', null]], why: 'a named square is a venue with its head inside (guidelines: squares are LOCATION)' },
  { input: 'انتشرت قوات الأمن في ساحة المدينة', expected: [], why: 'a venue head before an everyday word that may be a place (المدينة «the town», Medina) names nothing' },
  { input: 'نظم الحزب وقفة أمام البرلمان في باردو', expected: [['باردو', 'LOCATION', null]], why: 'no proclitic follows a preposition: في باردو is Bardo, not ب + Ordu' },
  { input: 'أفاد مراسل الجزيرة في الخرطوم بأن الاشتباكات تجددت', expected: [['الجزيرة', 'ORGANIZATION', 'al_jazeera'], ['الخرطوم', 'LOCATION', 'khartoum_sd']], why: 'a correspondent’s outlet: after مراسل the spelling is the channel, not the Sudanese state' },
  { input: 'وأكد مراسل حربي روسي أن القوات تقدمت', expected: [], why: 'مراسل finds no name of its own: it only reads a known spelling as an outlet' },
  { input: 'وقال مصدر دبلوماسي لـ"الشرق الأوسط" إن المفاوضات متعثرة', expected: [['الشرق الأوسط', 'ORGANIZATION', 'asharq_al_awsat']], why: 'a quoted name after a detached لـ is whom one speaks to: the newspaper, not the region' },
  { input: 'وتعهد بالتصدي لـ"الإرهاب" في المنطقة', expected: [], why: 'a quoted everyday word after لـ is no outlet' },
  { input: 'وحضر اللقاء عمرو أديب، وغادة عادل وليلى طاهر', expected: [['عمرو أديب', 'PERSON', 'amr_adib'], ['غادة عادل', 'PERSON', null], ['ليلى طاهر', 'PERSON', null]], why: 'in a list after a person, و + a known first name + a name-like word is the next person' },
  { input: 'والتقى الوزير محمد العتيبي وخالد الدولة', expected: [['محمد العتيبي', 'PERSON', null], ['خالد', 'PERSON', null]], why: 'a first name before an everyday word (الدولة) takes no second word in a list' },
  // Document-level consistency.
  {
    input: 'وأكد النائب محمد العتيبي أن القرار نهائي. وأضاف العتيبي أن',
    expected: [['محمد العتيبي', 'PERSON', null], ['العتيبي', 'PERSON', null]],
    why: 'a surname after the full name found by a rule',
  },
  {
    input: 'قال نيكول باشينيان إن بلاده مستعدة. وأضاف باشينيان',
    expected: [['نيكول باشينيان', 'PERSON', 'nikol_pashinyan'], ['باشينيان', 'PERSON', 'nikol_pashinyan']],
    why: 'a surname links to the full name',
  },
  // Ambiguity by context; everyday words need support.
  { input: 'وصل الملك إلى عمان قادما من الأردن', expected: [['عمان', 'LOCATION', 'amman_jo'], ['الأردن', 'LOCATION', 'jordan']], why: 'عمان near الأردن is Amman' },
  { input: 'زار العاصمة مسقط ثم غادر عمان إلى قطر', expected: [['مسقط', 'LOCATION', 'muscat_om'], ['عمان', 'LOCATION', 'oman'], ['قطر', 'LOCATION', 'qatar']], why: 'عمان with Gulf places is Oman' },
  { input: 'لدينا أمل كبير في السلام', expected: [], why: 'everyday words are not names without support' },
  { input: 'جلست الأسرة في البيت طوال اليوم', expected: [], why: 'a one-word spelling that is an everyday word needs support even where the lexicon does not mark it (البيت is not Elbit)' },
  { input: 'وأفاد مراسلنا بأن الهلال ولد فلكيا', expected: [], why: 'an everyday word is not read as a proclitic before a name either (فلكيا is not ف + ل + Kia)' },
  { input: 'عاد الأب للبيت مساء', expected: [], why: 'nor is an everyday word behind a proclitic (للبيت is «to the house»)' },
  { input: 'وقعت شركة إلبيت الإسرائيلية عقدا', expected: [['إلبيت', 'ORGANIZATION', 'elbit_systems']], why: 'a descriptor before such a spelling supports it' },
  { input: 'سيطرت القوات العراقية على الموصل بعد معارك', expected: [['الموصل', 'LOCATION', 'mosul_iq']], why: 'an Arab town the corpora call an everyday word, supported by an adjective of its country' },
  { input: 'وصل الوفد السعودي إلى الطائف', expected: [['الطائف', 'LOCATION', 'ta_if_sa']], why: 'an Arab town known by one word is a place, however small its prior' },
  { input: 'قتل جندياً أرمينياً', expected: [], why: 'tanween marks an indefinite adjective, not the country' },
  { input: 'قالَ الرئيسُ الفلسطينيُّ محمودُ عباسٌ إنَّ القُدسَ عاصمةُ فلسطينَ', expected: [['محمودُ عباسٌ', 'PERSON', 'mahmoud_abbas'], ['القُدسَ', 'LOCATION', 'jerusalem_il'], ['فلسطينَ', 'LOCATION', 'palestine']], why: 'in fully vowelled text a person’s name takes dammatan or kasratan like any noun; places keep their vowels in the span' },
  { input: 'وانتهكت الطائرات الأراضي السعودية مرارا', expected: [], why: 'a country spelled like its adjective, after a definite noun it agrees with, is the adjective (الأراضي السعودية)' },
  { input: 'وزار الرئيس الأمريكي السعودية الأسبوع الماضي', expected: [['السعودية', 'LOCATION', 'saudi_arabia']], why: 'after a title and a nationality adjective the same spelling is the country' },
  { input: 'وكان قد حذر من ذلك خلال زيارة إلى السعودية في مارس', expected: [['السعودية', 'LOCATION', 'saudi_arabia']], why: 'إلى folds onto الي, which looks definite but is no noun an adjective could agree with' },
  { input: 'ووصل الوفد إلى العاصمة الهندية نيودلهي أمس', expected: [['نيودلهي', 'LOCATION', 'new_delhi_in']], why: 'after a feminine place noun a spelling of a nationality adjective agrees with it (العاصمة الهندية), even where a town bears that spelling (Hindiya, Iraq)' },
  { input: 'وقصفت الصواريخ قاعدة عين الأسد غربي العراق', expected: [['قاعدة عين الأسد', 'LOCATION', 'ain_al_asad_air_base'], ['العراق', 'LOCATION', 'iraq']], why: 'a named military base is a venue with its head inside, and الأسد there is no person' },
  { input: 'ونقل المعتقلون إلى سجن صيدنايا العسكري', expected: [['سجن صيدنايا العسكري', 'LOCATION', 'saydnaya_prison']], why: 'a named prison is a venue' },
  // Noise.
  { input: 'موقف الاتحادالأوروبي من الأزمة', expected: [['الاتحادالأوروبي', 'ORGANIZATION', 'european_union']], why: 'words run together before the article are split' },
  { input: 'واكد نتنياهووزير الدفاع أن العملية مستمرة', expected: [['نتنياهو', 'PERSON', 'benjamin_netanyahu']], why: 'a name glued to an everyday word after a letter that does not join (و) is split' },
  { input: 'وكانت البوصلة تشير إلى الشمال بالاتجاه الصحيح', expected: [], why: 'an ordinary word is not split into a short name and a word (بالاتجاه is not Bala + تجاه)' },
  { input: 'وقالت وزارةالدفاع الأذربيجانية', expected: [['وزارةالدفاع الأذربيجانية', 'ORGANIZATION', 'ministry_of_defence_azerbaijan']], why: 'also inside an institution' },
  { input: 'نتائج الاستقبال والاحتفال بالانتخابات', expected: [], why: 'ordinary words with an inner ال are not split' },
  { input: 'فإن المغرب كان', expected: [['المغرب', 'LOCATION', 'morocco']], why: 'function words are never names (فإن is not Vannes, كان is not Cannes)' },
];

describe('extract: guideline behaviours', () => {
  it.each(CASES)('$why', ({ input, expected }) => {
    const got = brief(extract(input));
    expect(got.length).toBe(expected.length);
    got.forEach(([text, type, id], i) => {
      const [eText, eType, eId] = expected[i]!;
      expect([text, type]).toEqual([eText, eType]);
      if (eId === '*') expect(id).not.toBeNull();
      else expect(id).toBe(eId);
    });
  });

  it('gives every mention its offsets, text, type, entity, score and source', () => {
    const input = 'قال الرئيس الأذري إلهام علييف';
    const [m] = extract(input);
    expect(m).toMatchObject({ start: 18, end: 29, text: 'إلهام علييف', type: 'PERSON', source: 'lexicon' });
    expect(m!.text).toBe(input.slice(m!.start, m!.end));
    expect(m!.entity).toMatchObject({ id: 'ilham_aliyev', name: { en: 'Ilham Aliyev' } });
    expect(m!.score).toBeGreaterThan(0.5);
    expect(m!.score).toBeLessThanOrEqual(1);
  });

  it('keeps offsets on the caller’s text through diacritics, tatweel, bidi marks and presentation forms', () => {
    const input = '\u200Fقال الرئيسُ إلهـــام عَلِيِيف في ﺑﺎﻛﻮ';
    for (const m of extract(input)) expect(input.slice(m.start, m.end)).toBe(m.text);
    expect(extract(input).map((m) => m.text)).toEqual(['إلهـــام عَلِيِيف', 'ﺑﺎﻛﻮ']);
  });

  it('filters by type and score', () => {
    const input = 'قال الرئيس الأذري إلهام علييف في باكو';
    expect(extract(input, { types: ['LOCATION'] }).map((m) => m.type)).toEqual(['LOCATION']);
    expect(extract(input, { minScore: 0.99 })).toEqual([]);
  });

  it('finds with the learned tagger a person no lexicon, rule or title announces, and not without it', () => {
    const input = 'وأوضح كريستوف مولر أن المفاوضات مستمرة';
    expect(extract(input).map((m) => [m.text, m.type, m.source])).toEqual([['كريستوف مولر', 'PERSON', 'model']]);
    expect(extract(input, { model: false })).toEqual([]);
  });

  it('keeps proclitics outside the tagger’s spans too, and repeats its names', () => {
    expect(brief(extract('وكريستوف مولر قال إن المفاوضات مستمرة'))).toEqual([['كريستوف مولر', 'PERSON', null]]);
    expect(brief(extract('وصل سامر العتيبي إلى الرياض. وقال العتيبي إن'))).toEqual([
      ['سامر العتيبي', 'PERSON', null],
      ['الرياض', 'LOCATION', 'riyadh_sa'],
      ['العتيبي', 'PERSON', null],
    ]);
  });

  // Guesses of the tagger that are words, not names: dropped whatever it scores them.
  it.each([
    { input: 'وأكد مستشار رئاسي أذربيجاني، أمس الأربعاء، أن الاتفاق صامد', why: 'indefinite nisba adjectives, one of a known place, agree with a noun' },
    { input: 'وقالت الوكالة إن المدينة تتعرض لقصف أذربيجاني عنيف، وإن الاتصالات مقطوعة', why: 'a nisba of a known place after a noun is its adjective' },
    { input: 'وطالب بسحب الوحدات المسلحة الأجنبية من أراضينا، ونزع سلاحها', why: 'an everyday noun with a possessive suffix (أراضي + نا)' },
    { input: 'وطالب الرئيس بخروج القوات من أراضيهم، ووقف القصف', why: 'the same with هم' },
    { input: 'ووصف المتحدث القرار بأنه غريب ومحير', why: 'an adjective in a quote: the tagger is not sure of it' },
    { input: 'وقال إن الوضع الإنساني في المدينة كارثي، وإن المساعدات لا تصل', why: 'an indefinite nisba of an everyday word (كارثي ← كارثة) is an adjective' },
    { input: 'ووصلت الفرق الطبية إلى المستشفى الميداني في المدينة', why: 'a definite nisba after a definite everyday noun agrees with it (المستشفى الميداني «the field hospital»), though al-Maydani is a surname' },
  ])('finds no name in «$input»: $why', ({ input }) => {
    expect(extract(input)).toEqual([]);
  });

  it('does not take a preposition for a name even where it folds onto one (على → علي)', () => {
    const names = extract('وأكد على نتنياهو أن').map((m) => m.text);
    expect(names).toEqual(['نتنياهو']);
  });

  it('works with a gazetteer of one’s own', () => {
    const gazetteer = Gazetteer.bundled().extend([
      { id: 'acme_industries', type: 'ORGANIZATION', subtype: 'company', name: { ar: 'أكمي للصناعات', en: 'Acme Industries' } },
    ]);
    const { extract: mine } = createExtractor({ gazetteer });
    expect(brief(mine('أعلنت أكمي للصناعات عن أرباحها'))).toEqual([['أكمي للصناعات', 'ORGANIZATION', 'acme_industries']]);
    expect(extract('أعلنت أكمي للصناعات عن أرباحها')).toEqual([]);
  });
});

describe('extract: invariants on random and hostile input', () => {
  const check = (input: string): void => {
    const mentions = extract(input);
    let last = 0;
    for (const m of mentions) {
      expect(m.text).toBe(input.slice(m.start, m.end));
      expect(m.start).toBeGreaterThanOrEqual(last);
      expect(m.end).toBeGreaterThan(m.start);
      last = m.end;
    }
    expect(extract(input)).toEqual(mentions);
  };

  it('returns sorted, disjoint mentions equal to their slices, deterministically', () => {
    const names = fc.constantFrom('أذربيجان', 'وباكو', 'للأمم المتحدة', 'الرئيس', 'نيكول باشينيان', 'وزارة الدفاع', 'الروسية', 'CNN', 'عمان', ' ', '، ');
    fc.assert(fc.property(fc.array(fc.oneof(arabicHeavyString(8), names), { maxLength: 30 }), (parts) => check(parts.join(''))), { numRuns: 300 });
  });

  it.each([
    ['the empty string', ''],
    ['NUL characters', '\u0000باكو\u0000'],
    ['HTML', '<p class="x">قال <b>الكرملين</b> &amp; باكو</p><script>alert(1)</script>'],
    ['lone surrogates', '\uD800باكو\uDFFF أذربيجان\uD83D'],
    ['emoji', '🇦🇿 أذربيجان 😀😀 باكو 👍🏽'],
    ['runs of clitics', 'وبلل وولل فبال للل وال ل و ب'.repeat(200)],
    ['a 200,000-letter word', 'ب'.repeat(200_000)],
  ])('never throws on %s', (_, input) => {
    check(input);
  });

  it('handles 10 MB of text, in time linear in its length', () => {
    const sentence = 'وقالت وزارة الدفاع الأذربيجانية إن الجيش الأرميني قصف مواقع في قره باغ، وفق وكالة تاس. ';
    const oneMb = sentence.repeat(Math.ceil(500_000 / sentence.length));
    const tenMb = oneMb.repeat(10);
    const t0 = performance.now();
    const small = extract(oneMb).length;
    const t1 = performance.now();
    const large = extract(tenMb).length;
    const t2 = performance.now();
    expect(large).toBe(small * 10);
    // Generous bound: a linear pass takes about 10×; this only catches quadratic behaviour.
    expect((t2 - t1) / (t1 - t0)).toBeLessThan(30);
  });

  it.each([42, null, undefined, { text: 'باكو' }, ['باكو']])('throws a TypeError that says what arrived: %s', (value) => {
    expect(() => extract(value as unknown as string)).toThrow(TypeError);
    expect(() => extract(value as unknown as string)).toThrow(/^kashif: extract\(\) expects a string, but received /);
  });
});
