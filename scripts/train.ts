#!/usr/bin/env -S npx tsx
/**
 * Trains the sequence tagger (issue 5) and writes `lexicons/tagger.bin` and
 * `lexicons/name-tokens.txt`. Deterministic for a given seed.
 *
 *   npx tsx scripts/train.ts [--shared DIR] [--epochs N] [--max-epochs N] [--no-aqmar]
 *                            [--bits B] [--seed S] [--seeds N] [--dropout P] [--sentence-dropout P]
 *                            [--copies N] [--from-lexicon P] [--word-dropout A]
 *                            [--update perceptron|pa] [--C C] [--cost X] [--folds K,K…]
 *                            [--select hints|both] [--width 1|2] [--out FILE] [--tune-only] [--tune-out FILE]
 *
 * 1. Tuning: for each held-out tenth of ANERcorp train (`--folds`, default 9,5,2; `--fold K` is
 *    one), train on the rest + AQMAR and score the tenth after every epoch with and without
 *    gazetteer hints; the epoch count is the best mean over the tenths of the mean of both micro
 *    F1 (`--select hints`: by the score with hints alone, which on a flat curve picks a noise peak
 *    and loses ~1.5 without hints). One tenth's curve is flat enough that a retraining after a
 *    small lexicon change picked 10 epochs instead of 7 by noise. With `--seeds N` (default 5), N
 *    models with different seeds are trained and their float weights averaged before
 *    quantisation, at tuning and in the final model alike. `--tune-out FILE` also writes the
 *    tuning model of the first tenth (it never saw that tenth), so the whole extractor can be
 *    tuned on the held-out sentences with `node ../shared/tools/conll.mjs`.
 * 2. Final: retrain on all of ANERcorp train (+ AQMAR) with that many epochs, quantise, write.
 *
 * ANERcorp test is never read here.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hintMatches } from '../src/extract/model.js';
import { BUNDLED_COMMON_WORDS, BUNDLED_TRIGGERS } from '../src/gazetteer/bundled.js';
import { Gazetteer, type LexiconEntry } from '../src/gazetteer/index.js';
import { StringTable } from '../src/gazetteer/string-table.js';
import { matchLexicon } from '../src/match/lexicon.js';
import { parseTriggers } from '../src/match/rules.js';
import type { Span } from '../src/match/span.js';
import { normalize } from '../src/normalize/index.js';
import { scan } from '../src/tokenize/scan.js';
import {
  anercorpLabel,
  aqmarLabel,
  encodeModel,
  EntityScorer,
  formatReport,
  hintBytes,
  labelCode,
  labelSpans,
  LOCATION_TRIGGERS,
  ORGANIZATION_TRIGGERS,
  parseConll,
  PERSON_TRIGGERS,
  TRIGGER_SPORTS,
  prepareWords,
  seededRandom,
  Tagger,
  trainPerceptron,
  TRIGGER_LOCATION,
  TRIGGER_ORGANIZATION,
  TRIGGER_PERSON,
  WordSet,
  wordHash,
  type EntityReport,
  type EntityType,
  type Label,
  type FeatureConfig,
  type FloatModel,
  type HintMatch,
  type LabelledSentence,
  type TrainingSentence,
} from '../src/model/index.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Command-line options: `--name value` or a bare `--flag`. */
export function parseArgs(argv: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      out.set(`_${out.size}`, a);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out.set(a.slice(2), next);
      i++;
    } else out.set(a.slice(2), 'true');
  }
  return out;
}

export function sharedDir(args: Map<string, string>): string {
  return resolve(args.get('shared') ?? process.env['KASHIF_SHARED'] ?? join(ROOT, '..', 'shared'));
}

// ---------------------------------------------------------------------------------------------
// Corpora

export function readAnercorp(shared: string, file: 'train.txt' | 'test.txt'): LabelledSentence[] {
  return parseConll(readFileSync(join(shared, 'data', 'anercorp', file), 'utf8'), anercorpLabel);
}

export function readAqmar(shared: string): LabelledSentence[] {
  const dir = join(shared, 'data', 'aqmar');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return files.flatMap((f) => parseConll(readFileSync(join(dir, f), 'utf8'), aqmarLabel));
}

/** A sentence ready for the trainer, with its normalised tokens. */
export interface Prepared extends TrainingSentence {
  readonly words: readonly string[];
}

export function prepare(s: LabelledSentence): Prepared {
  const p = prepareWords(s.tokens);
  return { ...p, labels: Uint8Array.from(s.labels, (l) => labelCode(l)) };
}

// ---------------------------------------------------------------------------------------------
// Word lists

/** Trigger words (normalised) → class. */
export function triggerSet(): WordSet {
  const values = new Map<number, number>();
  const add = (words: readonly string[], cls: number): void => {
    for (const w of words) values.set(wordHash(normalize(w).text), cls);
  };
  add(ORGANIZATION_TRIGGERS, TRIGGER_ORGANIZATION);
  add(LOCATION_TRIGGERS, TRIGGER_LOCATION);
  add(PERSON_TRIGGERS, TRIGGER_PERSON); // last: a word in two lists keeps the person class
  // Sports words (the extractor's, one word each) keep their class and add the sports flag.
  for (const set of parseTriggers(BUNDLED_TRIGGERS[1], BUNDLED_TRIGGERS[0])) {
    if (set.kind !== 'sports') continue;
    for (const phrase of set.phrases) {
      const w = normalize(phrase).text;
      if (w.includes(' ')) continue;
      const h = wordHash(w);
      values.set(h, (values.get(h) ?? 0) | TRIGGER_SPORTS);
    }
  }
  return new WordSet(values);
}

/**
 * Person-name tokens from the COLING 2018 Wikidata list (CC0): normalised Arabic forms seen at
 * least `minCount` times, at least two letters, minus every form that the labelled corpora
 * show as an ordinary word (as a whole token or a clitic stem, tagged O at least twice and
 * more often O than PER).
 */
export function buildNameTokens(shared: string, corpora: readonly Prepared[], minCount = 2): string[] {
  const file = join(shared, 'data', 'gazetteer', 'coling2018-wd-arabic', 'wd_arabic.normalized.aligned.tokens');
  const counts = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [, letters, count] = line.split('\t');
    if (!letters || !count) continue;
    const form = normalize(letters.replace(/ /g, '')).text;
    counts.set(form, (counts.get(form) ?? 0) + Number(count));
  }
  const asO = new Map<string, number>();
  const asPer = new Map<string, number>();
  for (const s of corpora) {
    for (let i = 0; i < s.words.length; i++) {
      const w = s.words[i]!;
      const y = s.labels[i]!;
      const forms = [w];
      for (let k = 1; k < 8; k++) if (s.stems[i]! & (1 << k)) forms.push(w.slice(k));
      const m = y === 0 ? asO : y === 1 || y === 2 ? asPer : null;
      if (m) for (const f of forms) m.set(f, (m.get(f) ?? 0) + 1);
    }
  }
  const out: string[] = [];
  for (const [form, c] of counts) {
    if (c < minCount || form.length < 2 || !/^[\u0621-\u064a]+$/.test(form)) continue;
    const o = asO.get(form) ?? 0;
    if (o >= 2 && o > (asPer.get(form) ?? 0)) continue;
    out.push(form);
  }
  return out.sort();
}

// ---------------------------------------------------------------------------------------------
// Gazetteer hints

type LexiconLine = LexiconEntry;

/**
 * True for an entry that was probably added because it was seen in the training corpora: no data
 * source (`src`) and seen nowhere but ANERcorp train and AQMAR.
 */
export function minedFromTraining(e: LexiconLine): boolean {
  const seen = e.seen ?? [];
  return (e.src ?? []).length === 0 && seen.includes('anercorp-train') && seen.every((s) => s === 'anercorp-train' || s === 'aqmar');
}

const ENTITY_FILES = ['locations.jsonl', 'persons.jsonl', 'organizations.jsonl'];

/** Every entity entry of `lexicons/` (lines that do not parse are skipped with a warning). */
export function readLexicons(): LexiconLine[] {
  const dir = join(ROOT, 'lexicons');
  const out: LexiconLine[] = [];
  for (const f of ENTITY_FILES.filter((x) => existsSync(join(dir, x)))) {
    const lines = readFileSync(join(dir, f), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        out.push(JSON.parse(line) as LexiconLine);
      } catch {
        console.warn(`warning: ${f}:${i + 1} does not parse, skipped`);
      }
    });
  }
  return out;
}

/**
 * Gazetteer hints for a sentence of normalised words, from the extractor's own lexicon matcher
 * over a gazetteer of `entries` — the very matches the extractor hands the tagger at run time.
 */
export class HintSource {
  private readonly gazetteer: Gazetteer;
  /** The extractor's everyday words: a one-word match on one needs support, and gives no hint. */
  private readonly everyday = new StringTable();

  constructor(entries: readonly LexiconLine[]) {
    this.gazetteer = Gazetteer.fromEntries(entries);
    for (const word of BUNDLED_COMMON_WORDS.split('\n')) if (word) this.everyday.intern(word);
  }

  match(words: readonly string[]): HintMatch[] {
    const text = words.join(' ');
    const t = scan(text);
    // Token of the scan → word of the sentence (a word may hold several tokens: «(د»).
    const wordOf = new Int32Array(t.count);
    let w = 0;
    let wordEnd = words[0]?.length ?? 0;
    for (let i = 0; i < t.count; i++) {
      while (t.start[i]! >= wordEnd && w < words.length - 1) wordEnd += 1 + words[++w]!.length;
      wordOf[i] = w;
    }
    const spans: Span[] = [];
    matchLexicon(this.gazetteer.index, t, new Uint8Array(t.count), spans, (text, start, end) => this.everyday.find(text, start, end, -1) >= 0);
    return hintMatches(spans).map((m) => ({ start: wordOf[m.start]!, end: wordOf[m.end - 1]! + 1, bit: m.bit }));
  }
}

/**
 * The two hint sources: `train` leaves out entries mined from the training corpora (see
 * {@link minedFromTraining}), which would look perfectly predictive there; `full` has everything,
 * as the extractor will at run time.
 */
export function hintMatchers(): { train: HintSource; full: HintSource; clean: LexiconLine[]; note: string } {
  const lex = readLexicons();
  const clean = lex.filter((e) => !minedFromTraining(e));
  const note = `${lex.length} lexicon entries (${lex.length - clean.length} mined from ANERcorp train left out of training hints)`;
  return { train: new HintSource(clean), full: new HintSource(lex), clean, note };
}

// ---------------------------------------------------------------------------------------------
// Augmentation

const LEXICON_TYPES: Record<string, EntityType> = { PERSON: 'PER', LOCATION: 'LOC', ORGANIZATION: 'ORG' };

/** Names by type, as token lists: the lexicon variants (what the gazetteer knows). */
export function lexiconNames(entries: readonly LexiconLine[]): Record<EntityType, string[][]> {
  const out: Record<EntityType, string[][]> = { PER: [], LOC: [], ORG: [] };
  for (const e of entries) {
    const t = LEXICON_TYPES[e.type];
    if (!t) continue;
    for (const v of e.variants ?? []) {
      const toks = v.split(/\s+/).filter(Boolean);
      if (toks.length > 0) out[t].push(toks);
    }
  }
  return out;
}

/**
 * Mention replacement: `copies` new versions of every sentence that has entities, each entity
 * replaced by another of its type, drawn from the lexicon names with probability `fromLexicon`
 * and otherwise from the entities of the training sentences themselves. The contexts stay real;
 * the names change, so the model learns to read the context and the spelling of a name rather
 * than remember the names of its training set.
 */
export function augment(
  sentences: readonly LabelledSentence[],
  names: Record<EntityType, string[][]>,
  copies: number,
  fromLexicon: number,
  seed: number,
): LabelledSentence[] {
  const random = seededRandom(seed);
  const codes = sentences.map((s) => s.labels.map((l) => labelCode(l)));
  const pool: Record<EntityType, string[][]> = { PER: [], LOC: [], ORG: [] };
  sentences.forEach((s, j) => {
    for (const sp of labelSpans(codes[j]!)) pool[sp.type].push(s.tokens.slice(sp.start, sp.end));
  });
  const out: LabelledSentence[] = [];
  for (let c = 0; c < copies; c++) {
    sentences.forEach((s, j) => {
      const spans = labelSpans(codes[j]!);
      if (spans.length === 0) return;
      const tokens: string[] = [];
      const labels: Label[] = [];
      let i = 0;
      for (const sp of spans) {
        for (; i < sp.start; i++) {
          tokens.push(s.tokens[i]!);
          labels.push(s.labels[i]!);
        }
        const source = random() < fromLexicon && names[sp.type].length > 0 ? names[sp.type] : pool[sp.type];
        let rep = source[Math.floor(random() * source.length)]!;
        // Half the time keep a leading و ب ل of the original on the new name (وبوش → وشيراك).
        const first = s.tokens[sp.start]!;
        if (/^[وبل]/.test(first) && first.length > 4 && random() < 0.5) rep = [first[0]! + rep[0]!, ...rep.slice(1)];
        rep.forEach((t, k) => {
          tokens.push(t);
          labels.push(`${k === 0 ? 'B' : 'I'}-${sp.type}`);
        });
        i = sp.end;
      }
      for (; i < s.tokens.length; i++) {
        tokens.push(s.tokens[i]!);
        labels.push(s.labels[i]!);
      }
      out.push({ tokens, labels });
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** Entity scores of a tagger on prepared sentences, with hints from `matcher` or none. */
export function evaluate(tagger: Tagger, sentences: readonly Prepared[], matcher?: HintSource): EntityReport {
  const scorer = new EntityScorer();
  let out = new Uint8Array(256);
  for (const s of sentences) {
    const n = s.labels.length;
    if (out.length < n) out = new Uint8Array(n * 2);
    const hints = matcher ? hintBytes(matcher.match(s.words), n) : undefined;
    tagger.tagRange(s.text, s.starts, s.ends, 0, n, out, hints, s.stems);
    scorer.add(s.labels, out.subarray(0, n));
  }
  return scorer.report();
}

// ---------------------------------------------------------------------------------------------
// Training

/** The held-out scores of one tuning run, epoch by epoch. */
interface FoldCurve {
  readonly fold: number;
  readonly heldOut: readonly Prepared[];
  /** Selection score after each epoch (index epoch − 1). */
  readonly scores: number[];
  readonly reports: { hints: EntityReport; noHints: EntityReport }[];
  /** The averaged float model after each epoch, kept only for the tenth `--tune-out` writes. */
  readonly models: FloatModel[];
}

interface Settings {
  readonly bits: number;
  readonly seed: number;
  /** Probability that a gazetteer match is hidden in a training pass. */
  readonly dropout: number;
  /** Probability that a whole sentence is trained without gazetteer hints. */
  readonly sentenceDropout: number;
  /** Augmented copies of the ANERcorp training sentences (mention replacement). */
  readonly copies: number;
  /** Probability that a replacement name comes from the lexicons rather than the training entities. */
  readonly fromLexicon: number;
  /** Word dropout α of the trainer (0: none). */
  readonly wordDropout: number;
  /** Step size rule of the trainer. */
  readonly update: 'perceptron' | 'pa';
  /** Cap of the passive-aggressive step. */
  readonly C: number;
  /** Cost-augmented decoding at training. */
  readonly cost: number;
}

function train(
  sentences: readonly Prepared[],
  matches: readonly HintMatch[][],
  config: FeatureConfig,
  settings: Settings,
  epochs: number,
  onEpoch?: (epoch: number, model: FloatModel) => void,
): FloatModel {
  const buf = new Uint8Array(4096);
  return trainPerceptron(sentences, {
    config,
    epochs,
    seed: settings.seed,
    wordDropout: settings.wordDropout,
    update: settings.update,
    C: settings.C,
    cost: settings.cost,
    hintsFor: (i, _epoch, random) => {
      const m = matches[i]!;
      if (m.length === 0 || random() < settings.sentenceDropout) return undefined;
      const n = sentences[i]!.labels.length;
      return hintBytes(m, n, () => random() >= settings.dropout, n <= buf.length ? buf : undefined);
    },
    ...(onEpoch ? { onEpoch } : {}),
  });
}

/** Seed of the k-th of several models (the first keeps the base seed). */
const seedOf = (base: number, k: number): number => (k === 0 ? base : (base + Math.imul(k, 0x9e3779b1)) | 0);

/** Adds the weights of `b` to `a`, in place. */
function addModel(a: FloatModel, b: FloatModel): void {
  for (let j = 0; j < a.weights.length; j++) a.weights[j]! += b.weights[j]!;
  for (let j = 0; j < a.transitions.length; j++) a.transitions[j]! += b.transitions[j]!;
}

/** A copy of `m` with every weight times `f`. */
function scaleModel(m: FloatModel, f: number): FloatModel {
  const weights = m.weights.slice();
  for (let j = 0; j < weights.length; j++) weights[j]! *= f;
  const transitions = m.transitions.slice();
  for (let j = 0; j < transitions.length; j++) transitions[j]! *= f;
  return { config: m.config, weights, transitions };
}

const pct = (x: number): string => (100 * x).toFixed(1);
const line = (r: EntityReport): string => `PER ${pct(r.PER.f1)} LOC ${pct(r.LOC.f1)} ORG ${pct(r.ORG.f1)} micro ${pct(r.micro.f1)}`;

export const LICENCE_NOTICE =
  'Trained on ANERcorp (Benajiba, Rosso and Benedí 2007) in the CAMeL Lab train split (Obeid et al. 2020, CAMeL Tools), ' +
  'CC BY-SA 4.0, and on the AQMAR Arabic Wikipedia NER corpus (Mohit et al. 2012), CC BY-SA 3.0. ' +
  'This model file is a derived work of those corpora and is distributed under CC BY-SA 4.0. ' +
  'Person-name tokens from Merhav and Ash (COLING 2018), CC0 1.0.';

async function main(): Promise<void> {
  const t0 = performance.now();
  const args = parseArgs(process.argv.slice(2));
  const shared = sharedDir(args);
  if (!existsSync(join(shared, 'data', 'anercorp', 'train.txt'))) {
    console.error(`train: ${join(shared, 'data', 'anercorp', 'train.txt')} not found (pass --shared DIR or set KASHIF_SHARED)`);
    process.exit(2);
  }
  const useAqmar = !args.has('no-aqmar');
  const settings: Settings = {
    bits: Number(args.get('bits') ?? 20),
    seed: Number(args.get('seed') ?? 20250),
    dropout: Number(args.get('dropout') ?? 0.3),
    sentenceDropout: Number(args.get('sentence-dropout') ?? 0.1),
    copies: Number(args.get('copies') ?? 4),
    fromLexicon: Number(args.get('from-lexicon') ?? 0.3),
    wordDropout: Number(args.get('word-dropout') ?? 0.25),
    update: args.get('update') === 'pa' ? 'pa' : 'perceptron',
    C: Number(args.get('C') ?? 1),
    cost: Number(args.get('cost') ?? 0),
  };
  const width = args.get('width') === '2' ? 2 : 1;
  const maxEpochs = Number(args.get('max-epochs') ?? 15);
  const out = resolve(args.get('out') ?? join(ROOT, 'lexicons', 'tagger.bin'));
  const namesOut = join(ROOT, 'lexicons', 'name-tokens.txt');

  const anerRaw = readAnercorp(shared, 'train.txt');
  const aner = anerRaw.map(prepare);
  const aqmar = useAqmar ? readAqmar(shared).map(prepare) : [];
  const { train: trainMatcher, clean, note } = hintMatchers();
  const names4aug = lexiconNames(clean);
  const seeds = Number(args.get('seeds') ?? 5);
  const select = args.get('select') ?? 'both';
  const allTrain = [...aner, ...aqmar, ...augment(anerRaw, names4aug, settings.copies, settings.fromLexicon, settings.seed).map(prepare)];
  const triggers = triggerSet();
  // Held-out tenths of ANERcorp train (`--folds 9,5,2`, the default; `--fold K` for one): the
  // epoch count is the best of their mean curve, which a single tenth's flat curve decides by noise.
  const foldsArg = args.get('folds') ?? args.get('fold') ?? '9,5,2';
  const folds = foldsArg.split(',').map(Number);
  if (folds.some((f) => !(Number.isInteger(f) && f >= 0 && f <= 9))) {
    console.error(`train: --folds takes tenths 0–9 separated by commas, got "${foldsArg}"`);
    process.exit(2);
  }
  console.log(
    `ANERcorp train ${aner.length} sentences, AQMAR ${aqmar.length}, ${allTrain.length - aner.length - aqmar.length} augmented; ` +
      `${note}; ${triggers.size} trigger words; settings ${JSON.stringify(settings)}; ${seeds} seed(s), epochs chosen by ${select} over held-out tenth(s) ${folds.join(', ')}`,
  );

  /** One tuning run: trains without the tenth `fold` and scores it after every epoch. */
  const tuneFold = (fold: number, keepModels: boolean): FoldCurve => {
    const lo = Math.floor((aner.length * fold) / 10);
    const hi = fold >= 9 ? aner.length : Math.floor((aner.length * (fold + 1)) / 10);
    const heldOut = aner.slice(lo, hi);
    const keptRaw = [...anerRaw.slice(0, lo), ...anerRaw.slice(hi)];
    const kept = [...aner.slice(0, lo), ...aner.slice(hi)];
    const tuneTrain = [...kept, ...aqmar, ...augment(keptRaw, names4aug, settings.copies, settings.fromLexicon, settings.seed).map(prepare)];
    const names = buildNameTokens(shared, [...kept, ...aqmar]);
    const config: FeatureConfig = { bits: settings.bits, names: new WordSet(names.map((w) => [wordHash(w), 1])), triggers };
    const matches = tuneTrain.map((s) => trainMatcher.match(s.words));
    const curve: FoldCurve = { fold, heldOut, scores: [], reports: [], models: [] };
    console.log(`fold ${fold}: tuning on ${kept.length} ANERcorp sentences, ${heldOut.length} held out`);
    const score = (model: FloatModel, epoch: number): void => {
      const tagger = Tagger.fromFloat(model);
      // Held-out hints from the training matcher: the full lexicon holds entries mined from these
      // very sentences.
      const h = evaluate(tagger, heldOut, trainMatcher);
      const nh = evaluate(tagger, heldOut);
      curve.scores[epoch - 1] = select === 'hints' ? h.micro.f1 : (h.micro.f1 + nh.micro.f1) / 2;
      curve.reports[epoch - 1] = { hints: h, noHints: nh };
      if (keepModels) curve.models[epoch - 1] = model;
      console.log(`epoch ${String(epoch).padStart(2)}  held-out with hints: ${line(h)} | no hints: ${line(nh)}  (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    };
    if (seeds === 1) train(tuneTrain, matches, config, settings, maxEpochs, (epoch, model) => score(model, epoch));
    else {
      // Several seeds: the float weights of the seeds' models are averaged epoch by epoch.
      const sums: FloatModel[] = [];
      for (let k = 0; k < seeds; k++) {
        train(tuneTrain, matches, config, { ...settings, seed: seedOf(settings.seed, k) }, maxEpochs, (epoch, model) => {
          const sum = sums[epoch - 1];
          if (!sum) sums[epoch - 1] = { config, weights: model.weights.slice(), transitions: model.transitions.slice() };
          else addModel(sum, model);
          if (k === seeds - 1) score(scaleModel(sums[epoch - 1]!, 1 / seeds), epoch);
        });
      }
    }
    return curve;
  };

  let epochs = Number(args.get('epochs') ?? 0);
  const heldOutReports: { fold: number; hints: EntityReport; noHints: EntityReport }[] = [];
  if (!epochs) {
    const curves: FoldCurve[] = [];
    for (const fold of folds) curves.push(tuneFold(fold, args.has('tune-out') && fold === folds[0]));
    let best = -1;
    for (let e = 1; e <= maxEpochs; e++) {
      const mean = curves.reduce((sum, c) => sum + c.scores[e - 1]!, 0) / curves.length;
      console.log(`epoch ${String(e).padStart(2)}  mean held-out score ${pct(mean)}  (${curves.map((c) => `fold ${c.fold} ${pct(c.scores[e - 1]!)}`).join(', ')})`);
      if (mean > best + 1e-9) {
        best = mean;
        epochs = e;
      }
    }
    for (const c of curves) {
      const r = c.reports[epochs - 1]!;
      heldOutReports.push({ fold: c.fold, ...r });
      console.log(`best: ${epochs} epochs. Fold ${c.fold} held-out, with hints:\n${formatReport(r.hints)}\nwithout hints:\n${formatReport(r.noHints)}`);
    }
    const tuneOut = args.get('tune-out');
    const first = curves[0]!;
    if (tuneOut && first.models[epochs - 1]) {
      const bestModel = first.models[epochs - 1]!;
      const q = Tagger.fromBytes(encodeModel(bestModel, { width }));
      console.log(`fold ${first.fold} quantised (${width === 1 ? 'Int8' : 'Int16'}), with hints: ${line(evaluate(q, first.heldOut, trainMatcher))} | no hints: ${line(evaluate(q, first.heldOut))}`);
      writeFileSync(resolve(tuneOut), encodeModel(bestModel, { width, metadata: { licence: LICENCE_NOTICE, trained: { heldOutExcluded: first.fold, epochs } } }));
    }
    if (args.has('tune-only')) return;
  }

  const names = buildNameTokens(shared, [...aner, ...aqmar]);
  const config: FeatureConfig = { bits: settings.bits, names: new WordSet(names.map((w) => [wordHash(w), 1])), triggers };
  const matches = allTrain.map((s) => trainMatcher.match(s.words));
  let model: FloatModel | undefined;
  for (let k = 0; k < seeds; k++) {
    const m = train(allTrain, matches, config, { ...settings, seed: seedOf(settings.seed, k) }, epochs);
    if (!model) model = m;
    else addModel(model, m);
  }
  model = scaleModel(model!, 1 / seeds);
  const bytes = encodeModel(model, {
    width,
    metadata: {
      licence: LICENCE_NOTICE,
      trained: {
        data: useAqmar ? ['anercorp/train.txt', 'aqmar/*.txt'] : ['anercorp/train.txt'],
        augmentation: 'mention replacement (ANERcorp train entities and lexicon variants)',
        sentences: allTrain.length,
        epochs,
        ...settings,
        seeds,
        nameTokens: names.length,
        hints: note,
      },
      ...(heldOutReports.length > 0
        ? {
            heldOut: heldOutReports.map((r) => ({
              fold: r.fold,
              epoch: epochs,
              withHints: Object.fromEntries(Object.entries(r.hints).map(([k, v]) => [k, +v.f1.toFixed(4)])),
              withoutHints: Object.fromEntries(Object.entries(r.noHints).map(([k, v]) => [k, +v.f1.toFixed(4)])),
            })),
          }
        : {}),
    },
  });
  writeFileSync(out, bytes);
  writeFileSync(
    namesOut,
    `# Person-name tokens (normalised), from Merhav & Ash, COLING 2018 Wikidata name tokens, CC0 1.0. Built by scripts/train.ts.\n${names.join('\n')}\n`,
  );
  console.log(`wrote ${out}: ${(bytes.length / 2 ** 20).toFixed(2)} MB (${bytes.length} bytes); ${namesOut}: ${names.length} tokens`);
  console.log(`training time ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
