import { hintMatches } from '../src/extract/model.js';
import { Gazetteer } from '../src/gazetteer/index.js';
import { matchLexicon } from '../src/match/lexicon.js';
import type { Span } from '../src/match/span.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { scan } from '../src/tokenize/scan.js';
import {
  encodeModel,
  EntityScorer,
  FeatureExtractor,
  HINT_LOCATION,
  HINT_MATCH_START,
  HINT_NAME_TOKEN,
  HINT_TRIGGER,
  hintBytes,
  LABELS,
  labelCode,
  labelSpans,
  nameGaps,
  MORPH_NISBA,
  MORPH_NISBA_FEMININE,
  MORPH_NISBA_PLURAL,
  parseConll,
  aqmarLabel,
  prepareWords,
  T,
  Tagger,
  trainPerceptron,
  TRIGGER_PERSON,
  TRIGGER_SPORTS,
  viterbi,
  ViterbiScratch,
  WordSet,
  wordHash,
  type FeatureConfig,
  type TrainingSentence,
} from '../src/model/index.js';

const ROOT = join(import.meta.dirname, '..');
const SHIPPED = join(ROOT, 'lexicons', 'tagger.bin');
const L = LABELS.length;

const config = (names: readonly string[] = [], titles: readonly string[] = []): FeatureConfig => ({
  bits: 18,
  names: new WordSet(names.map((w) => [wordHash(normalize(w).text), 1])),
  triggers: new WordSet(titles.map((w) => [wordHash(normalize(w).text), TRIGGER_PERSON])),
});

/** Rows fired by token `i` of `words`, and the extractor that fired them. */
function rowsOf(words: readonly string[], i: number, cfg = config(), hints?: readonly number[]) {
  const fx = new FeatureExtractor(cfg);
  const p = prepareWords(words);
  fx.extract(p.text, p.starts, p.ends, 0, words.length, hints ? Uint8Array.from(hints) : undefined, p.stems);
  return { rows: fx.rowsOf(i), fx };
}

interface FeatureCase {
  readonly words: readonly string[];
  readonly token: number;
  /** Template and the normalised string (or number) whose hash is its value. */
  readonly fires: readonly (readonly [template: number, value: string | number])[];
  readonly why: string;
}

const FEATURE_CASES: readonly FeatureCase[] = [
  {
    words: ['زار', 'بالقاهرة'],
    token: 1,
    fires: [[T.STEM, 'القاهره'], [T.STEM, 'قاهره'], [T.DEEP, 'قاهره'], [T.WORD, 'بالقاهره']],
    why: 'each candidate stem after a proclitic split fires (ب, then ب + ال), the word itself too',
  },
  {
    words: ['للأمم', 'المتحدة'],
    token: 0,
    fires: [[T.STEM, 'الامم']],
    why: 'after لل the article is restored, so للأمم shares the stem feature of الأمم',
  },
  {
    words: ['الحكومة', 'المصرية'],
    token: 1,
    fires: [[T.MORPH, (MORPH_NISBA_FEMININE << 1) | 1]],
    why: 'a feminine nisba ending ية after the article fires its ending class',
  },
  {
    words: ['مسؤول', 'أمريكي'],
    token: 1,
    fires: [[T.MORPH, MORPH_NISBA << 1]],
    why: 'a nisba ي without article fires its class with the article bit clear',
  },
  {
    words: ['المسؤولون', 'الأمريكيون'],
    token: 1,
    fires: [[T.MORPH, (MORPH_NISBA_PLURAL << 1) | 1]],
    why: 'a plural nisba يون is told apart from a plain plural ون',
  },
  {
    words: ['قال', 'أحمد'],
    token: 1,
    fires: [[T.PREV_WORD, 'قال'], [T.WORD, 'احمد']],
    why: 'the previous word is a feature, and words are hashed after normalisation (أ → ا)',
  },
  {
    words: ['في', 'القاهرة'],
    token: 1,
    fires: [[T.PRE1, 'ق'], [T.PRE4, 'قاهر'], [T.STEM_LEN, 5], [T.PREV_CLITIC, '']],
    why: 'the first one and four letters of the deepest stem and its length fire; a bare previous word has no proclitics',
  },
  {
    words: ['وصل', 'الوفد', 'بالقاهرة', 'امس'],
    token: 1,
    fires: [[T.NEXT_CLITIC, 'بال'], [T.NEXT2_DEEP, 'امس']],
    why: 'the proclitics of the next token (a preposition before a place) and the stem two tokens ahead fire',
  },
];

describe('feature extraction', () => {
  for (const c of FEATURE_CASES) {
    it(c.why, () => {
      const { rows, fx } = rowsOf(c.words, c.token);
      for (const [t, v] of c.fires) {
        const value = typeof v === 'number' ? v : wordHash(v);
        expect(rows, `${c.words.join(' ')}: template ${t} = ${String(v)}`).toContain(fx.rowFor(t, value));
      }
    });
  }

  it('marks a known name token, also behind a clitic, and a token right after a trigger word', () => {
    const cfg = config(['جون'], ['الرئيس']);
    const fx = new FeatureExtractor(cfg);
    const p = prepareWords(['قال', 'والرئيس', 'وجون', 'سميث']);
    fx.extract(p.text, p.starts, p.ends, 0, 4, undefined, p.stems);
    expect(fx.hints[2]! & HINT_NAME_TOKEN).toBe(HINT_NAME_TOKEN);
    expect(fx.hints[2]! & HINT_TRIGGER).toBe(HINT_TRIGGER);
    expect(fx.hints[3]! & HINT_NAME_TOKEN).toBe(0);
    expect(fx.hints[0]).toBe(0);
  });

  it('passes the caller hint bits through to the hint features', () => {
    const { rows, fx } = rowsOf(['في', 'باكو'], 1, config(), [0, HINT_LOCATION | HINT_MATCH_START]);
    expect(rows).toContain(fx.rowFor(T.HINT, HINT_LOCATION | HINT_MATCH_START));
    expect(rows).toContain(fx.rowFor(T.HINT_BIT, 1));
  });

  it('pairs the hint byte with its neighbours’ and with the trigger class before', () => {
    const h = HINT_LOCATION | HINT_MATCH_START;
    const { rows, fx } = rowsOf(['في', 'باكو', 'امس'], 1, config(), [0, h, 0]);
    expect(rows).toContain(fx.rowFor(T.HINT_PREV_PAIR, h));
    expect(rows).toContain(fx.rowFor(T.HINT_NEXT_PAIR, h << 8));
    expect(rows).toContain(fx.rowFor(T.TRIGGER_HINT, h));
  });

  it('gives every token of a sentence with a sports word the sports features, and none elsewhere', () => {
    const cfg: FeatureConfig = { ...config(), triggers: new WordSet([[wordHash('مباراه'), TRIGGER_SPORTS]]) };
    const h = HINT_LOCATION | HINT_MATCH_START;
    const sport = rowsOf(['فاز', 'هامبورغ', 'في', 'مباراة', 'امس'], 1, cfg, [0, h, 0, 0, 0]);
    expect(sport.rows).toContain(sport.fx.rowFor(T.SPORTS_HINT, h));
    expect(sport.rows).toContain(sport.fx.rowFor(T.SPORTS_DEEP, wordHash('هامبورغ')));
    expect(sport.rows).toContain(sport.fx.rowFor(T.TRIGGER, 0)); // the flag is not a trigger class
    const plain = rowsOf(['زار', 'هامبورغ', 'في', 'رحلة', 'امس'], 1, cfg, [0, h, 0, 0, 0]);
    expect(plain.rows).not.toContain(plain.fx.rowFor(T.SPORTS_HINT, h));
  });

  it('fires the same rows for a slice of a longer text as for the words alone', () => {
    const text = normalize('قبل ذلك، قال الرئيس إن الوفد وصل إلى بغداد').text;
    const t = scan(text);
    const fx = new FeatureExtractor(config());
    fx.extract(text, t.start, t.end, 3, t.count, undefined, t.stems);
    const sliced = fx.rowsOf(2);
    const words = Array.from({ length: t.count - 3 }, (_, i) => text.slice(t.start[i + 3], t.end[i + 3]));
    expect(rowsOf(words, 2).rows).toEqual(sliced);
  });

  it('computes the stem masks itself when the caller has none', () => {
    const p = prepareWords(['وبالقاهرة', 'اليوم']);
    const a = new FeatureExtractor(config());
    const b = new FeatureExtractor(config());
    a.extract(p.text, p.starts, p.ends, 0, 2, undefined, p.stems);
    b.extract(p.text, p.starts, p.ends, 0, 2);
    expect(b.rowsOf(0)).toEqual(a.rowsOf(0));
  });
});

describe('viterbi', () => {
  const trans = new Float64Array((L + 1) * L);
  const decode = (emit: number[][]): string[] => {
    const out = new Uint8Array(emit.length);
    viterbi(emit.length, Float64Array.from(emit.flat()), trans, out, 0, new ViterbiScratch());
    return Array.from(out, (y) => LABELS[y]!);
  };

  it('takes the best label per token when nothing is forbidden', () => {
    //            O  B-PER I-PER B-LOC I-LOC B-ORG I-ORG
    expect(decode([
      [0, 5, 0, 1, 0, 0, 0],
      [0, 0, 4, 0, 0, 0, 0],
      [3, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 2, 0, 0, 0],
    ])).toEqual(['B-PER', 'I-PER', 'O', 'B-LOC']);
  });

  it('never starts with I-X, nor puts I-X after O or after another type', () => {
    expect(decode([
      [1, 0, 5, 0, 0, 0, 0], // I-PER first: forbidden
      [3, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 9], // I-ORG after O: forbidden, so the token before becomes B-ORG
    ])).toEqual(['O', 'B-ORG', 'I-ORG']);
    expect(decode([
      [1, 0, 5, 0, 0, 0, 0],
      [9, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 5], // now keeping O before it is worth more than I-ORG
    ])).toEqual(['O', 'O', 'O']);
    expect(decode([
      [0, 4, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 6, 0, 0], // I-LOC after B-PER is forbidden: B-LOC I-LOC (6) beats B-PER O (4)
      [0, 0, 0, 0, 0, 0, 0],
    ])).toEqual(['B-LOC', 'I-LOC', 'O']);
  });

  it('trades a weak emission for a strong transition', () => {
    const t = new Float64Array((L + 1) * L);
    t[1 * L + 2] = 10; // B-PER → I-PER
    const out = new Uint8Array(2);
    viterbi(2, Float64Array.from([0, 3, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0]), t, out, 0, new ViterbiScratch());
    expect(Array.from(out, (y) => LABELS[y])).toEqual(['B-PER', 'I-PER']);
  });
});

describe('nameGaps', () => {
  /** Best score over every allowed label sequence, with token `fixed` forced to O when given. */
  const brute = (n: number, emit: Float64Array, trans: Float64Array, fixed = -1): number => {
    let best = -Infinity;
    const walk = (i: number, prev: number, score: number): void => {
      if (i === n) {
        best = Math.max(best, score);
        return;
      }
      for (let y = 0; y < L; y++) {
        if (i === fixed && y !== 0) continue;
        const inside = y > 0 && y % 2 === 0;
        if (inside && prev !== y && prev !== y - 1) continue; // I-X only after B-X or I-X
        walk(i + 1, y, score + emit[i * L + y]! + trans[(i === 0 ? L : prev) * L + y]!);
      }
    };
    walk(0, -1, 0);
    return best;
  };
  const scores = (k: number) => fc.array(fc.integer({ min: -20, max: 20 }), { minLength: k, maxLength: k }).map((a) => Float64Array.from(a));

  it('is the best score minus the best score with that token outside any name, exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(fc.constant(n), scores(n * L), scores((L + 1) * L))), ([n, emit, trans]) => {
        const scratch = new ViterbiScratch();
        const labels = new Uint8Array(n);
        const gaps = new Float32Array(n);
        viterbi(n, emit, trans, labels, 0, scratch);
        nameGaps(n, emit, trans, gaps, 0, scratch);
        const best = brute(n, emit, trans);
        for (let i = 0; i < n; i++) {
          expect(gaps[i]).toBeCloseTo(best - brute(n, emit, trans, i), 4);
          if (labels[i] === 0) expect(gaps[i]).toBeCloseTo(0, 4); // a token the best reading leaves out
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** A toy corpus: the word after «الرئيس» is a person, the word after «مدينة» a place. */
function toyCorpus(): TrainingSentence[] {
  const people = ['زيد', 'عمرو', 'خالد', 'سلمان', 'طارق', 'ماجد', 'نبيل', 'هشام'];
  const places = ['حلب', 'تونس', 'مراكش', 'صنعاء', 'وهران', 'اربد'];
  const verbs = ['وصل', 'غادر', 'زار', 'تحدث'];
  const out: TrainingSentence[] = [];
  for (let i = 0; i < 64; i++) {
    const words = [verbs[i % 4]!, 'الرئيس', people[i % 8]!, 'الى', 'مدينة', places[i % 6]!, 'امس'];
    const labels = ['O', 'O', 'B-PER', 'O', 'O', 'B-LOC', 'O'];
    out.push({ ...prepareWords(words), labels: Uint8Array.from(labels, labelCode) });
  }
  return out;
}

describe('training', () => {
  it('learns a toy pattern and applies it to names it never saw', () => {
    const model = trainPerceptron(toyCorpus(), { config: config(), epochs: 5, seed: 1 });
    const tagger = Tagger.fromFloat(model);
    expect(tagger.tag(['غادر', 'الرئيس', 'فريد', 'الى', 'مدينة', 'دمشق', 'امس'])).toEqual(['O', 'O', 'B-PER', 'O', 'O', 'B-LOC', 'O']);
  });

  it('is deterministic for a seed', () => {
    const a = trainPerceptron(toyCorpus(), { config: config(), epochs: 2, seed: 7, wordDropout: 0.5 });
    const b = trainPerceptron(toyCorpus(), { config: config(), epochs: 2, seed: 7, wordDropout: 0.5 });
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
  });

  it('survives the model file round trip with the same tags', () => {
    const model = trainPerceptron(toyCorpus(), { config: config(['فريد']), epochs: 3, seed: 2 });
    const bytes = encodeModel(model, { metadata: { note: 'toy' } });
    const loaded = Tagger.fromBytes(bytes);
    const words = ['وصل', 'الرئيس', 'فريد', 'الى', 'مدينة', 'حمص', 'امس'];
    expect(loaded.tag(words)).toEqual(Tagger.fromFloat(model).tag(words));
    expect(loaded.metadata).toEqual({ note: 'toy' });
    expect(loaded.config.names.get(wordHash('فريد'))).toBe(1);
  });

  it('refuses a file that is not a model, with a kashif: error', () => {
    expect(() => Tagger.fromBytes(new Uint8Array(32))).toThrow(/^kashif: not a tagger model/);
    const bytes = encodeModel(trainPerceptron(toyCorpus(), { config: config(), epochs: 1, seed: 1 }));
    expect(() => Tagger.fromBytes(bytes.subarray(0, bytes.length - 3))).toThrow(/^kashif: /);
  });
});

describe('hints and scoring', () => {
  it('takes its hints from the extractor’s lexicon matches, through clitics and across tokens', () => {
    const g = Gazetteer.fromEntries([
      { id: 'cairo', type: 'LOCATION', name: { ar: 'القاهرة' } },
      { id: 'un', type: 'ORGANIZATION', name: { ar: 'الأمم المتحدة' } },
    ]);
    const p = prepareWords(['أقام', 'بالقاهرة', 'وقالت', 'للأمم', 'المتحدة']);
    const spans: Span[] = [];
    matchLexicon(g.index, scan(p.text), new Uint8Array(5), spans);
    const found = hintMatches(spans);
    expect(found).toEqual([
      { start: 1, end: 2, bit: HINT_LOCATION },
      { start: 3, end: 5, bit: 4 },
    ]);
    expect(Array.from(hintBytes(found, 5))).toEqual([0, HINT_LOCATION | HINT_MATCH_START, 0, 4 | HINT_MATCH_START, 4]);
  });

  it('scores exact spans only, conlleval style', () => {
    const s = new EntityScorer();
    const code = (xs: string[]) => xs.map(labelCode);
    s.add(code(['B-PER', 'I-PER', 'O', 'B-LOC']), code(['B-PER', 'O', 'O', 'B-LOC']));
    const r = s.report();
    expect(r.PER.f1).toBe(0);
    expect(r.LOC.f1).toBe(1);
    expect(r.micro.precision).toBe(0.5);
    expect(labelSpans(code(['O', 'I-ORG', 'I-ORG']))).toEqual([{ type: 'ORG', start: 1, end: 3 }]);
  });

  it('cleans AQMAR stray tags', () => {
    const s = parseConll('أ OO\nب I--ORG\nج B-MIS1\nد IO\nه I-PER\n', aqmarLabel);
    expect(s[0]!.labels).toEqual(['O', 'B-ORG', 'O', 'O', 'B-PER']);
  });
});

describe.skipIf(!existsSync(SHIPPED))('the shipped model (lexicons/tagger.bin)', () => {
  const tagger = Tagger.fromBytes(new Uint8Array(readFileSync(SHIPPED)));

  it('is under 5 MB and says where its data came from', () => {
    expect(readFileSync(SHIPPED).length).toBeLessThan(5 * 2 ** 20);
    expect(String(tagger.metadata['licence'])).toMatch(/ANERcorp.*CC BY-SA 4\.0.*AQMAR.*CC BY-SA 3\.0/);
  });

  it('tags people after a title, and places after a preposition, in a sentence of our own', () => {
    const words = ['قال', 'الرئيس', 'الأمريكي', 'جو', 'بايدن', 'إن', 'الوفد', 'وصل', 'إلى', 'القاهرة', 'أمس', '.'];
    const tags = tagger.tag(words);
    expect(tags.slice(3, 5)).toEqual(['B-PER', 'I-PER']);
    expect(tags[9]).toBe('B-LOC');
    expect(tags[0]).toBe('O');
  });

  it('tags a token table without allocating per call and agrees with tag()', () => {
    const text = normalize('التقى وزير الخارجية سامح شكري نظيره الأردني أيمن الصفدي في عمان يوم الأحد .').text;
    const t = scan(text);
    const out = new Uint8Array(t.count);
    tagger.tagTable(t, 0, t.count, out);
    const words = Array.from({ length: t.count }, (_, i) => text.slice(t.start[i], t.end[i]));
    expect(Array.from(out, (y) => LABELS[y])).toEqual(tagger.tag(words));
    expect(labelSpans(out).filter((s) => s.type === 'PER')).toHaveLength(2);
  });

  it('works without hints and with them', () => {
    const words = ['وصل', 'الوفد', 'إلى', 'باكو', 'أمس'];
    expect(tagger.tag(words, [0, 0, 0, HINT_LOCATION | HINT_MATCH_START, 0])[3]).toBe('B-LOC');
    expect(tagger.tag(words)).toHaveLength(5);
  });
});

describe.skipIf(!existsSync(join(ROOT, 'lexicons', 'name-tokens.txt')))('the name-token list', () => {
  const names = new Set(readFileSync(join(ROOT, 'lexicons', 'name-tokens.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')));

  it('holds names and no common Arabic words', () => {
    expect(names.has('محمد')).toBe(true);
    for (const common of ['من', 'في', 'الي', 'علي', 'عن', 'ان', 'هذا', 'قال', 'كان', 'بعد', 'مع', 'كل']) expect(names.has(common), common).toBe(false);
  });

  it('is normalised and deduplicated', () => {
    for (const n of [...names].slice(0, 2000)) expect(normalize(n).text).toBe(n);
  });
});
