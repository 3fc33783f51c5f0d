#!/usr/bin/env node
// kashif against the libraries people would use instead, side by side in one run on the same
// text, and the scaling curves. Run from the project's root:
//
//   npm run bench                 # builds the package, then: node --expose-gc bench/run.mjs
//   npm run bench -- --quick      # a smaller, noisier run (about 30 s), for the smoke test
//   npm run bench -- --readme     # and put the tables and the plot into README.md's performance section
//   node --expose-gc bench/run.mjs [--quick] [--shared DIR] [--out DIR]
//
// What it measures, on the shared dev articles (../shared/corpus/dev, repeated to a few MB)
// and the ANERcorp test sentences (../shared/data/anercorp/test.txt), for each tool of
// bench/lib/tools.mjs (kashif extract with and without the tagger, kashif normalize, @nlpjs/ner
// and wink-ner with kashif's bundled gazetteer, modern-ahocorasick and a bare Aho–Corasick DFA
// over the same spellings on normalised text, a bare per-character table pass):
//   - throughput: MB/s of UTF-16 text and documents/s, median of several rounds after warm-ups;
//   - cold start: import + build + first call in a fresh process (median of several), and the
//     memory held afterwards (JS heap + ArrayBuffers, after a full GC);
//   - accuracy, for the tools that produce mentions: dev strict / lenient / linking F1 with
//     ../shared/tools/score.mjs semantics, ANERcorp micro F1 with conll.mjs semantics;
//   - curves: time against text length (1 KB to 10 MB in one call) and against lexicon size
//     (1k to 1M synthetic entries, each size in its own process with a 4 GB heap).
// It prints markdown tables and writes bench/results/{results.md,results.json,scaling.svg}; with
// --readme it also replaces README.md's section between <!-- bench:start --> and <!-- bench:end -->.
// Without ../shared it runs on a sample written for the benchmark and says so (no F1).
// The figures are printed, never asserted.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Gazetteer } from 'kashif';
import { loadConll, loadDevDocs, sharedDir, textOfLength } from './lib/corpus.mjs';
import { mb, median, sink, throughput, timeCall } from './lib/measure.mjs';
import { scoreConll, scoreDocuments } from './lib/scoring.mjs';
import { scalingSvg } from './lib/svg.mjs';
import { TOOLS, gazetteerSpellings, readLexiconEntries } from './lib/tools.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const outDir = resolve(argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : join(ROOT, 'bench', 'results'));
const shared = sharedDir(process.argv);
const log = (...a) => console.error('bench:', ...a);

const CONFIG = quick
  ? { devChars: 150_000, budgetMs: 250, rounds: 3, coldRuns: 1, conllLimit: 150, textKb: [1, 10, 100, 1024], lexiconSizes: [1_000, 10_000], curveSamples: 1 }
  : { devChars: 2_000_000, budgetMs: 2_000, rounds: 7, coldRuns: 7, conllLimit: Infinity, textKb: [1, 3, 10, 32, 100, 316, 1024, 3238, 10240], lexiconSizes: [1_000, 10_000, 100_000, 1_000_000], curveSamples: 3 };

const started = new Date();
const load0 = os.loadavg();
const t00 = performance.now();

// ---- texts and gazetteer -----------------------------------------------------------------
const dev = loadDevDocs(shared);
const conll = loadConll(shared);
const conllSentences = conll ? conll.sentences.slice(0, CONFIG.conllLimit) : null;
const devTexts = dev.docs.map((d) => d.text);
const hasGold = dev.docs.every((d) => d.gold);
log(`dev: ${dev.docs.length} documents from ${dev.source}; ANERcorp: ${conll ? `${conllSentences.length} sentences` : 'absent'}`);

const lexicon = readLexiconEntries();
const spellings = gazetteerSpellings(lexicon);
const spellingCount = spellings.reduce((n, e) => n + e.spellings.length, 0);
const everydayCount = spellingCount - gazetteerSpellings(lexicon, { everyday: false }).reduce((n, e) => n + e.spellings.length, 0);
const bundledSize = Gazetteer.bundled().size;
const bundledIds = new Set(Gazetteer.bundled().entries().map((e) => e.id));
const sameEntities = lexicon.length === bundledSize && lexicon.every((e) => bundledIds.has(e.id));

const ORDER = ['kashif-extract', 'kashif-rules', 'kashif-normalize', 'nlpjs', 'wink', 'modern-ahocorasick', 'aho-corasick-floor', 'table-floor'];
const SHORT = {
  'kashif-extract': 'kashif extract',
  'kashif-rules': 'kashif extract, model: false',
  'kashif-normalize': 'kashif normalize',
  'nlpjs': '@nlpjs/ner',
  'wink': 'wink-ner',
  'modern-ahocorasick': 'modern-ahocorasick',
  'aho-corasick-floor': 'Aho–Corasick floor',
  'table-floor': 'table-pass floor',
};
const rows = Object.fromEntries(ORDER.map((id) => [id, { id, label: TOOLS[id].label, kind: TOOLS[id].kind }]));

// ---- accuracy ----------------------------------------------------------------------------
async function mentionsOf(tool, texts) {
  const out = [];
  for (const t of texts) out.push(await tool.mentions(t));
  return out;
}
const notes = [];
for (const id of ORDER) {
  if (TOOLS[id].kind === 'normalizer') continue;
  log(`accuracy: ${id}`);
  const tool = await TOOLS[id].create();
  if (hasGold) rows[id].dev = scoreDocuments(dev.docs, await mentionsOf(tool, devTexts));
  if (conllSentences) rows[id].conll = scoreConll(conllSentences, await mentionsOf(tool, conllSentences.map((s) => s.text)));
  if (hasGold && !id.startsWith('kashif')) {
    const plain = await TOOLS[id].create({ everyday: false });
    rows[id].devWithoutEveryday = scoreDocuments(dev.docs, await mentionsOf(plain, devTexts));
  }
}
if (hasGold) {
  const asIs = await TOOLS.nlpjs.create({ asIs: true });
  rows.nlpjs.devAsIs = scoreDocuments(dev.docs, await mentionsOf(asIs, devTexts));
}

// The scoring here is a copy of score.mjs; check it against score.mjs itself on kashif.
let scoreCheck = null;
const scoreTool = join(shared, 'tools', 'score.mjs');
if (hasGold) {
  try {
    const out = execFileSync(process.execPath, [scoreTool, '--docs', join(shared, 'corpus', 'dev')], { cwd: ROOT, encoding: 'utf8' });
    const m = out.match(/strict F1 ([\d.]+) · lenient F1 ([\d.]+) · link F1 ([\d.]+)/);
    const mine = rows['kashif-extract'].dev;
    const ours = [mine.strict.f, mine.lenient.f, mine.link.f].map((x) => (100 * x).toFixed(1));
    scoreCheck = m ? { theirs: m.slice(1, 4), ours, agree: m.slice(1, 4).join() === ours.join() } : null;
  } catch (e) {
    scoreCheck = { error: String(e.message ?? e).split('\n')[0] };
  }
}

// ---- throughput --------------------------------------------------------------------------
const gc = globalThis.gc ?? (() => {});
for (const id of ORDER) {
  log(`throughput: ${id}`);
  let tool = await TOOLS[id].create();
  const isAsync = id === 'nlpjs';
  const opts = { budgetMs: CONFIG.budgetMs, rounds: CONFIG.rounds, isAsync };
  const devInputs = devTexts.map((t) => tool.prepare(t));
  // Sizes are those of the original text, also for the scan floors whose input is normalised.
  rows[id].devSpeed = await throughput(tool.run, devInputs, { ...opts, sizes: devTexts.map((t) => t.length), targetChars: CONFIG.devChars });
  if (conllSentences) {
    const inputs = conllSentences.map((s) => tool.prepare(s.text));
    rows[id].conllSpeed = await throughput(tool.run, inputs, { ...opts, sizes: conllSentences.map((s) => s.text.length), targetChars: CONFIG.devChars });
  }
  tool = null;
  gc();
}

// ---- cold start --------------------------------------------------------------------------
function child(script, args, nodeArgs = []) {
  const out = execFileSync(process.execPath, ['--expose-gc', ...nodeArgs, join(ROOT, 'bench', script), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop());
}
const coldOf = (id) => {
  const runs = [];
  for (let i = 0; i < CONFIG.coldRuns; i++) runs.push(child('cold-start.mjs', [id]));
  return { ms: median(runs.map((r) => r.ms)), heapMb: median(runs.map((r) => r.heapMb)), heapDeltaMb: median(runs.map((r) => r.heapDeltaMb)), rssMb: median(runs.map((r) => r.rssMb)) };
};
log('cold starts');
const emptyProcess = coldOf('none');
const gazetteerLoad = coldOf('kashif-gazetteer');
for (const id of ORDER) rows[id].cold = coldOf(id);

// ---- curves ------------------------------------------------------------------------------
log('time against text length');
const CURVE_TOOLS = ['kashif-extract', 'kashif-rules', 'kashif-normalize', 'aho-corasick-floor', 'table-floor'];
const curveTools = {};
for (const id of CURVE_TOOLS) curveTools[id] = await TOOLS[id].create();
// Warm-up on one text of the middle size, so the small sizes are not measured while compiling.
const warmText = textOfLength(devTexts, 2 ** 18);
for (const id of CURVE_TOOLS) for (let i = 0; i < 3; i++) sink.value += curveTools[id].run(curveTools[id].prepare(warmText));
const textCurve = [];
for (const kb of CONFIG.textKb) {
  const chars = Math.round((kb * 1024) / 2);
  const text = textOfLength(devTexts, chars);
  const point = { bytes: chars * 2, ms: {} };
  for (const id of CURVE_TOOLS) {
    const tool = curveTools[id];
    const input = tool.prepare(text);
    point.ms[id] = timeCall(tool.run, input, { samples: CONFIG.curveSamples, minMs: 40 });
  }
  textCurve.push(point);
  log(`  ${kb} KB: ${CURVE_TOOLS.map((id) => `${id} ${point.ms[id].toFixed(2)} ms`).join(', ')}`);
}
for (const id of CURVE_TOOLS) delete curveTools[id];
gc();

log('time against lexicon size');
const lexiconChars = quick ? 2 ** 17 : 2 ** 19; // 256 KB or 1 MB of UTF-16 text
const lexArgs = ['--chars', String(lexiconChars), '--shared', shared];
const lexiconCurve = [];
for (const n of CONFIG.lexiconSizes) {
  const r = child('lexicon-size.mjs', [String(n), ...lexArgs], ['--max-old-space-size=4096']);
  lexiconCurve.push({ n, ...r });
  log(`  ${n} entries: build ${r.buildMs.toFixed(0)} ms, +${r.heapMb.toFixed(0)} MB, extract ${r.rulesMs.toFixed(0)} / ${r.modelMs.toFixed(0)} ms`);
}
const lexiconBundled = child('lexicon-size.mjs', ['bundled', ...lexArgs]);

// ---- report ------------------------------------------------------------------------------
const f1 = (x) => (100 * x).toFixed(1);
const num = (x, d = 1) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(d) : x.toPrecision(2 + (d > 1 ? 1 : 0)));
const cpu = os.cpus();
const machine = `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ${os.platform()} ${os.release()}, Node ${process.version}`;
const load1 = os.loadavg();
let revision = 'unknown revision';
try {
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'lexicons'], { cwd: ROOT, encoding: 'utf8' }).trim();
  revision = `kashif ${head}${dirty ? ' + uncommitted changes in src/ or lexicons/' : ''}`;
} catch {
  // not a git checkout
}
const lines = [];
const say = (s = '') => lines.push(s);

say(`### kashif and the alternatives, one run`);
say();
say(`${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${revision} · ${machine} · load average ${load0[0].toFixed(1)} at start, ${load1[0].toFixed(1)} at end${quick ? ' · **quick mode: small samples, noisy figures**' : ''}`);
say();
say(`Text: ${dev.builtIn ? '**the built-in sample of bench/lib/corpus.mjs (../shared is absent: no F1)**' : `${dev.docs.length} dev articles (${relative(ROOT, dev.source)}), repeated`}; ${conll ? `${conllSentences.length} ANERcorp test sentences, tokens joined by spaces` : 'no ANERcorp (absent)'}. MB = 2^20 bytes of UTF-16 text as held in memory. Gazetteer of every peer: the ${lexicon.length.toLocaleString('en')} entities of kashif's bundled lexicons${sameEntities ? ' (the same ids as `Gazetteer.bundled()`)' : ' (**differs from Gazetteer.bundled()**)'} with their ${spellingCount.toLocaleString('en')} spellings (name, variants, generated).`);
say();
const head = ['tool', 'dev MB/s', 'articles/s', 'ANERcorp MB/s', 'sentences/s', 'cold start ms', 'memory MB', 'dev F1 strict / lenient / link', 'ANERcorp F1'];
say(`| ${head.join(' | ')} |`);
say(`|${head.map((_, i) => (i ? '---:' : '---')).join('|')}|`);
for (const id of ORDER) {
  const r = rows[id];
  const cells = [
    `${SHORT[id]}`,
    num(r.devSpeed.mbPerS),
    num(r.devSpeed.docsPerS),
    r.conllSpeed ? num(r.conllSpeed.mbPerS) : '–',
    r.conllSpeed ? num(r.conllSpeed.docsPerS) : '–',
    r.cold.ms.toFixed(0),
    Math.max(0, r.cold.heapDeltaMb).toFixed(1),
    r.dev ? `${f1(r.dev.strict.f)} / ${f1(r.dev.lenient.f)} / ${f1(r.dev.link.f)}` : '–',
    r.conll ? f1(r.conll.f) : '–',
  ];
  say(`| ${cells.join(' | ')} |`);
}
say();
say(`- kashif extract: the default \`extract\` (lexicons, patterns, rules, learned tagger); model: false: \`createExtractor({ model: false })\` (lexicons, patterns, rules). ` +
  `@nlpjs/ner: enum entities (one per kashif entity, its spellings as texts, exact match, threshold 1), fed sentence by sentence (it compares every span of words of an input with its dictionary: quadratic per call), with its own NFD normalisation applied beforehand so its spans land on the right words (see caveats). ` +
  `wink-ner: \`learn\` of every spelling, \`recognize\` over wink-tokenizer tokens; its tokens have no offsets, so each is found in the text with indexOf from the previous one. ` +
  `The two Aho–Corasick rows scan kashif-normalised text (normalising is not timed: it is the kashif normalize row) for every normalised spelling, keep whole-word matches leftmost-longest, and map back with \`toSource\` for F1.`);
say(`- Throughput: median of ${CONFIG.rounds} rounds after 2 warm-up passes; one round is the dev articles repeated to ${num(mb(CONFIG.devChars))} MB, or fewer repetitions for tools that would take more than ${CONFIG.budgetMs / 1000} s a round: ${ORDER.map((id) => `${SHORT[id]} ${num(rows[id].devSpeed.roundMb, 2)} MB`).join(', ')}.${conllSentences ? ` ANERcorp: one call per sentence, the sentences repeated in the same way (or an even sample of them for tools too slow for one pass in the budget): ${ORDER.map((id) => `${SHORT[id]} ${num(rows[id].conllSpeed.roundMb, 2)} MB`).join(', ')}.` : ''}`);
say(`- Cold start: a fresh \`node\` process imports the packages, builds (peers: read lexicons/*.jsonl and load them), and makes a first call on one sentence; median of ${CONFIG.coldRuns}. Node's own start-up (about 40 ms) is not included. The scan rows import kashif for normalize. Memory: JS heap + ArrayBuffers held after a full GC, above an empty process (${emptyProcess.heapMb.toFixed(1)} MB). Loading the bundled gazetteer alone (\`Gazetteer.bundled()\`, after the import): ${gazetteerLoad.ms.toFixed(0)} ms, +${gazetteerLoad.heapDeltaMb.toFixed(1)} MB.`);
if (hasGold) {
  const pe = ['nlpjs', 'wink', 'modern-ahocorasick', 'aho-corasick-floor'].map((id) => `${SHORT[id]} ${f1(rows[id].devWithoutEveryday.strict.f)}`).join(', ');
  say(`- F1: dev with score.mjs semantics${scoreCheck?.agree ? ` (this copy agrees with ../shared/tools/score.mjs on kashif: ${scoreCheck.theirs.join(' / ')})` : scoreCheck ? ` (**check against score.mjs: ${JSON.stringify(scoreCheck)}**)` : ''}; ANERcorp micro PER/LOC/ORG with conll.mjs semantics. The peers get every spelling, including the ${everydayCount} that the lexicons mark as everyday words (kashif matches those only with support from context); without them their dev strict F1 is ${pe}. @nlpjs/ner given the raw text, offsets as it reports them: dev strict F1 ${f1(rows.nlpjs.devAsIs.strict.f)}.`);
}
say();

// Ratios.
const k = rows['kashif-extract'];
const kr = rows['kashif-rules'];
const kn = rows['kashif-normalize'];
const ratio = (a, b) => a / b;
const times = (x) => (x >= 1 ? `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}× faster` : `${(1 / x) >= 10 ? (1 / x).toFixed(0) : (1 / x).toFixed(1)}× slower`);
say(`### Ratios (dev MB/s)`);
say();
say(`| | kashif extract | kashif extract, model: false |`);
say(`|---|---:|---:|`);
for (const id of ['nlpjs', 'wink', 'modern-ahocorasick']) {
  say(`| vs ${SHORT[id]} | ${times(ratio(k.devSpeed.mbPerS, rows[id].devSpeed.mbPerS))} | ${times(ratio(kr.devSpeed.mbPerS, rows[id].devSpeed.mbPerS))} |`);
}
for (const id of ['aho-corasick-floor', 'table-floor']) {
  say(`| vs ${SHORT[id]} | 1/${(rows[id].devSpeed.mbPerS / k.devSpeed.mbPerS).toFixed(0)} of its speed | 1/${(rows[id].devSpeed.mbPerS / kr.devSpeed.mbPerS).toFixed(0)} |`);
}
say(`| kashif normalize vs table-pass floor | 1/${(rows['table-floor'].devSpeed.mbPerS / kn.devSpeed.mbPerS).toFixed(1)} of its speed | |`);
say();

// Curves.
say(`### Time against text length (one call on a text of that size)`);
say();
say(`| text | ${CURVE_TOOLS.map((id) => SHORT[id]).join(' | ')} |`);
say(`|---|${CURVE_TOOLS.map(() => '---:').join('|')}|`);
const fmtBytes = (b) => (b >= 2 ** 20 ? `${(b / 2 ** 20).toFixed(b >= 10 * 2 ** 20 ? 0 : 1)} MB` : `${(b / 1024).toFixed(0)} KB`);
const fmtMs = (x) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(3));
for (const p of textCurve) say(`| ${fmtBytes(p.bytes)} | ${CURVE_TOOLS.map((id) => `${fmtMs(p.ms[id])} ms`).join(' | ')} |`);
const at = (kb) => textCurve.find((p) => Math.abs(p.bytes - kb * 1024) < 4);
const p1 = at(1024), p10 = at(10240);
if (p1 && p10) say(`\n10 MB against 1 MB: ${CURVE_TOOLS.map((id) => `${SHORT[id]} ×${(p10.ms[id] / p1.ms[id]).toFixed(1)}`).join(', ')} (linear is ×10).`);
const pMax = textCurve[textCurve.length - 1];
const pSmall = textCurve.find((p) => p.bytes >= 100 * 1024) ?? textCurve[0];
say(`\nms per MB from ${fmtBytes(pSmall.bytes)} to ${fmtBytes(pMax.bytes)}: ${CURVE_TOOLS.slice(0, 2).map((id) => `${SHORT[id]} ${(pSmall.ms[id] / mb(pSmall.bytes / 2)).toFixed(0)} → ${(pMax.ms[id] / mb(pMax.bytes / 2)).toFixed(0)}`).join('; ')}.`);
say();
say(`### Time against lexicon size (${fmtBytes(lexiconChars * 2)} of dev text, one call; each size in a fresh process with --max-old-space-size=4096)`);
say();
say(`| entries | build (fromEntries + createExtractor) | memory MB | extract, model: false | extract (default) | mentions (model: false / default) |`);
say(`|---|---:|---:|---:|---:|---:|`);
for (const r of [...lexiconCurve, { ...lexiconBundled, n: `bundled (${lexiconBundled.entries.toLocaleString('en')} real)` }]) {
  say(`| ${typeof r.n === 'number' ? r.n.toLocaleString('en') + ' synthetic' : r.n} | ${r.buildMs.toFixed(0)} ms | ${r.heapMb.toFixed(0)} | ${r.rulesMs.toFixed(0)} ms | ${r.modelMs.toFixed(0)} ms | ${r.rulesFound.toLocaleString('en')} / ${r.modelFound.toLocaleString('en')} |`);
}
say();
say(`Synthetic entries (bench/lib/synthetic.mjs): 2–3 word names, half of them starting with a word of the text, the rest pseudo-words; built in the child, not timed. Memory: JS heap + ArrayBuffers of the entries, gazetteer and two extractors after a full GC. The bundled row builds nothing: its index ships prebuilt.`);
say();
const totalS = (performance.now() - t00) / 1000;
say(`Whole run: ${totalS.toFixed(0)} s (plus the build). Sink ${sink.value > 0 ? 'non-zero' : 'ZERO'}.`);

const markdown = lines.join('\n');
console.log(markdown);

mkdirSync(outDir, { recursive: true });
const svg = scalingSvg({
  textCurve: [
    ...CURVE_TOOLS.map((id) => ({ label: SHORT[id], points: textCurve.map((p) => [p.bytes, p.ms[id]]) })),
    { label: 'slope 1 (linear)', dashed: true, colour: '#999', points: [[textCurve[0].bytes, textCurve[0].ms['kashif-extract']], [pMax.bytes, (textCurve[0].ms['kashif-extract'] * pMax.bytes) / textCurve[0].bytes]] },
  ],
  lexiconCurve: [
    { label: 'kashif extract', points: lexiconCurve.map((r) => [r.n, r.modelMs]) },
    { label: 'kashif extract, model: false', points: lexiconCurve.map((r) => [r.n, r.rulesMs]) },
  ],
  caption: `kashif ${quick ? '(quick run) ' : ''}· ${started.toISOString().slice(0, 10)} · ${machine} · right: ${fmtBytes(lexiconChars * 2)} of text per call`,
});
writeFileSync(join(outDir, 'scaling.svg'), svg);
writeFileSync(join(outDir, 'results.md'), markdown + '\n');
writeFileSync(join(outDir, 'results.json'), JSON.stringify({ started, machine, quick, load: [load0, load1], config: CONFIG, rows, textCurve, lexiconCurve, lexiconBundled, emptyProcess, gazetteerLoad, scoreCheck, source: { dev: dev.builtIn ? 'built-in' : relative(ROOT, dev.source), conll: conll ? relative(ROOT, conll.source) : null } }, null, 1) + '\n');
log(`wrote ${relative(ROOT, outDir)}/results.md, results.json, scaling.svg`);

// --readme: the README's performance section becomes this run's tables and plot.
if (argv.includes('--readme')) {
  const readmePath = join(ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const [open, close] = ['<!-- bench:start -->', '<!-- bench:end -->'];
  const a = readme.indexOf(open);
  const b = readme.indexOf(close);
  if (quick || a < 0 || b < a) {
    log(quick ? 'README left alone: a quick run is too noisy to publish' : `README left alone: it has no ${open} … ${close} section`);
  } else {
    const plot = `![Time against text length, and extraction time against lexicon size](${relative(ROOT, join(outDir, 'scaling.svg'))})`;
    writeFileSync(readmePath, `${readme.slice(0, a + open.length)}\n${markdown.replace(/^### /gm, '#### ')}\n\n${plot}\n${readme.slice(b)}`);
    log('README.md: the performance section now shows this run');
  }
}
