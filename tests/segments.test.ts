import { describe, expect, it } from 'vitest';
import { languageSegments } from '../src/tokenize/index.js';

interface SegmentCase {
  readonly input: string;
  readonly expected: readonly { readonly text: string; readonly lang: string }[];
  readonly why: string;
}

const CASES: readonly SegmentCase[] = [
  {
    input: 'وكتب المراسل: The peacekeepers have left their positions near the town this morning.\nوقالت الوزارة',
    expected: [{ text: 'The peacekeepers have left their positions near the town this morning', lang: 'eng' }],
    why: 'an English sentence inside an Arabic article is a segment',
  },
  {
    input: 'ونشر الحساب: Ordumuz düşmənin mövqelərini tamamilə məhv etdi və irəliləyir\nثم أضاف',
    expected: [{ text: 'Ordumuz düşmənin mövqelərini tamamilə məhv etdi və irəliləyir', lang: 'azj' }],
    why: 'an Azerbaijani sentence is a segment, in Azerbaijani',
  },
  {
    input: 'وأرفق التغريدة بوسوم #Karabakh #Azerbaijan #Armenia',
    expected: [{ text: '#Karabakh #Azerbaijan #Armenia', lang: 'und' }],
    why: 'a run of hashtags is a segment without a language',
  },
  { input: 'قالت شبكة CNN إن', expected: [], why: 'one Latin name inside an Arabic sentence is not a segment' },
  { input: 'التقى Recep Tayyip Erdogan بنظيره', expected: [], why: 'a title-case name run is a name, not a sentence' },
  { input: 'وقال في حسابه على X إن', expected: [], why: 'a one-letter name is not a segment' },
];

describe('languageSegments', () => {
  it.each(CASES)('$why', ({ input, expected }) => {
    expect(languageSegments(input).map((s) => ({ text: input.slice(s.start, s.end), lang: s.lang }))).toEqual(expected);
  });

  it('throws a TypeError for a non-string', () => {
    expect(() => languageSegments(null as unknown as string)).toThrow(/received null/);
  });
});

/**
 * How reliable franc is on short strings, measured rather than assumed. Each sample is a
 * sentence we wrote in that language; the figure is how many franc labels right at each length.
 * Below about eight words franc is wrong often enough that kashif never *decides* anything on
 * its guess: the segment boundaries come from script and token shape, the label is advisory.
 */
describe('languageSegments: franc on short strings', () => {
  const SAMPLES: readonly (readonly [string, string])[] = [
    ['eng', 'the army said that the soldiers had withdrawn from all their positions in the mountains before the talks began'],
    ['eng', 'officials told reporters on Tuesday that the convoy of humanitarian aid would reach the city within two days'],
    ['fra', 'le ministre a déclaré que les négociations reprendraient la semaine prochaine dans la capitale du pays'],
    ['azj', 'prezident bildirib ki ordu bütün mövqelərdən geri çəkilib və danışıqlar gələn həftə davam edəcək'],
    ['tur', 'bakanlık yaptığı açıklamada askerlerin bütün mevzilerden çekildiğini ve görüşmelerin haftaya süreceğini bildirdi'],
    ['spa', 'el gobierno anunció que las conversaciones continuarán la próxima semana en la capital del país vecino'],
  ];

  const accuracyAt = (words: number): number => {
    let right = 0;
    for (const [lang, sentence] of SAMPLES) {
      const text = `قال: ${sentence.split(' ').slice(0, words).join(' ')}`;
      const [segment] = languageSegments(text);
      if (segment?.lang === lang) right++;
    }
    return right / SAMPLES.length;
  };

  // Measured with franc 6.2.0 restricted to the likely languages: 3 words 3/6 right (Azerbaijani
  // read as Italian, Turkish as Indonesian, English as Spanish), 5 words 5/6, 6 words and more 6/6.
  it('labels sentences of six words or more right', () => {
    expect(accuracyAt(6)).toBe(1);
    expect(accuracyAt(20)).toBe(1);
  });

  it('is unreliable on three-word fragments (so nothing depends on the label)', () => {
    expect(accuracyAt(3)).toBeLessThanOrEqual(0.5);
    expect(accuracyAt(5)).toBeGreaterThan(accuracyAt(3));
  });
});
