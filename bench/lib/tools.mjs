// The tools the benchmark compares, each behind one small adapter:
//
//   const tool = await TOOLS[id].create(options);
//   tool.prepare(text)   // untimed preparation (only the scan floors: kashif's normalize)
//   tool.run(prepared)   // the timed work; returns a number to sink (async for nlp.js)
//   tool.mentions(text)  // mentions { start, end, type, id } with offsets into `text` (to score)
//
// Every package is imported inside create(), so a fresh process running create() and one call
// measures a cold start: import + build + first call.
//
// The peers get the gazetteer kashif ships: every entity of lexicons/{persons,locations,
// organizations}.jsonl with its name, variants and generated spellings (demonyms are not names
// of the entity, so they are left out), read from the installed package as a user could.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { compileAhoCorasick } from './aho-corasick.mjs';

const require = createRequire(import.meta.url);
const LEXICON_FILES = ['persons.jsonl', 'locations.jsonl', 'organizations.jsonl'];

/** The bundled lexicon entries, read from the installed package's lexicons/ folder. */
export function readLexiconEntries() {
  const dir = join(dirname(require.resolve('kashif/package.json')), 'lexicons');
  const byId = new Map();
  for (const file of LEXICON_FILES) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const e = JSON.parse(line);
      byId.set(e.id, e);
    }
  }
  return [...byId.values()];
}

/**
 * Spellings per entity as `{ id, type, spellings }`: name.ar, variants and generated spellings,
 * as written. With `everyday: false`, spellings the lexicon marks as everyday words (`common`:
 * أمل، صور، شل), which kashif matches only with support from context, are left out.
 */
export function gazetteerSpellings(entries, { everyday = true } = {}) {
  return entries.map((e) => {
    const common = new Set(everyday ? [] : e.common ?? []);
    const spellings = [...new Set([e.name.ar, ...(e.variants ?? []), ...(e.generated ?? [])])]
      .map((s) => s.trim())
      .filter((s) => s && !common.has(s));
    return { id: e.id, type: e.type, spellings };
  });
}

// Characters that make up words: letters, marks, digits (any script).
const WORD = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (/[\p{L}\p{M}\p{N}]/u.test(String.fromCharCode(c))) WORD[c] = 1;

/**
 * From all occurrences `{ start, end, key }` (any order), those with a non-word character (or
 * the text's edge) on both sides, then leftmost-longest without overlaps.
 */
export function wholeWordLeftmostLongest(text, hits) {
  const ok = hits.filter((h) =>
    (h.start === 0 || !WORD[text.charCodeAt(h.start - 1)]) && (h.end === text.length || !WORD[text.charCodeAt(h.end)]));
  ok.sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let end = 0;
  for (const h of ok) {
    if (h.start < end) continue;
    out.push(h);
    end = h.end;
  }
  return out;
}

/** Normalised keys (kashif's normalize) → the first entity, in lexicon order, spelled so. */
function normalisedKeys(normalize, spellings) {
  const byKey = new Map();
  for (const { id, type, spellings: list } of spellings) {
    for (const s of list) {
      const key = normalize(s).text.trim();
      if (key && !byKey.has(key)) byKey.set(key, { id, type });
    }
  }
  return byKey;
}

/** An adapter whose `run` maps an Aho–Corasick scan of normalised text to mentions. */
function scanAdapter(normalize, scanAll, keyInfo) {
  const select = (normText) => wholeWordLeftmostLongest(normText, scanAll(normText));
  return {
    prepare: (text) => normalize(text).text,
    run: (normText) => select(normText).length,
    mentions(text) {
      const n = normalize(text);
      return select(n.text).map((h) => {
        const { start, end } = n.toSource(h.start, h.end);
        return { start, end, text: text.slice(start, end), ...keyInfo(h.key) };
      });
    },
  };
}

/**
 * Sentences or lines of `text` with their offsets: nlp.js compares every span of words of its
 * input with its dictionary (quadratic in the words of one call), so it gets utterances.
 */
function utterances(text) {
  const out = [];
  const re = /[^\n.!?؟]+[.!?؟]*/g;
  let m;
  while ((m = re.exec(text))) if (m[0].trim()) out.push([m.index, m[0]]);
  return out;
}

/**
 * nlp.js computes word positions on its input but looks words up in `input.normalize('NFD')`
 * with U+0300–U+036F removed and lower-cased; on Arabic, NFD splits أ إ آ ؤ ئ into two code
 * units, so every hamza letter shifts the words that follow and it matches and reports the wrong
 * spans. The adapter gives it that normalisation already applied, character by character (so
 * positions agree), and maps its spans back to the original text.
 */
function nlpjsInput(text) {
  let out = '';
  const source = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    const width = cp > 0xffff ? 2 : 1;
    const d = String.fromCodePoint(cp).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    for (let k = 0; k < d.length; k++) source.push(i);
    out += d;
    i += width;
  }
  source.push(text.length);
  return { text: out, source };
}

export const TOOLS = {
  'kashif-extract': {
    label: 'kashif `extract` (default: lexicons, rules, tagger)',
    kind: 'extractor',
    async create() {
      const { extract } = await import('kashif');
      return { prepare: (t) => t, run: (t) => extract(t).length, mentions: (t) => extract(t).map(kashifMention) };
    },
  },
  'kashif-rules': {
    label: 'kashif `createExtractor({ model: false })` (lexicons, rules)',
    kind: 'extractor',
    async create() {
      const { createExtractor } = await import('kashif');
      const { extract } = createExtractor({ model: false });
      return { prepare: (t) => t, run: (t) => extract(t).length, mentions: (t) => extract(t).map(kashifMention) };
    },
  },
  'kashif-normalize': {
    label: 'kashif `normalize` alone',
    kind: 'normalizer',
    async create() {
      const { normalize } = await import('kashif');
      return { prepare: (t) => t, run: (t) => normalize(t).text.length };
    },
  },
  'nlpjs': {
    label: '@nlpjs/ner 4.27.0, enum entities, exact (threshold 1)',
    kind: 'extractor',
    // asIs: hand it the text unchanged and take its offsets as they come (to show the drift).
    async create({ everyday = true, asIs = false } = {}) {
      const { Ner } = require('@nlpjs/ner');
      const ner = new Ner({ threshold: 1 });
      for (const { id, type, spellings } of gazetteerSpellings(readLexiconEntries(), { everyday })) {
        if (spellings.length) ner.addRuleOptionTexts('ar', type, id, spellings);
      }
      async function mentions(text) {
        const out = [];
        for (const [offset, u] of utterances(text)) {
          const input = asIs ? { text: u, source: null } : nlpjsInput(u);
          const { entities } = await ner.process({ locale: 'ar', text: input.text, threshold: 1 });
          // It reports one edge per entity sharing a spelling (موسكو: four Moscows); like the
          // scans, the adapter keeps the first, in lexicon order, per span and type.
          const seen = new Set();
          for (const e of entities) {
            // nlp.js spans are inclusive of their last character.
            const start = offset + (input.source ? input.source[e.start] : e.start);
            const end = offset + (input.source ? input.source[e.end + 1] : e.end + 1);
            const key = `${start}:${end}:${e.entity}`;
            if (seen.has(key)) continue;
            seen.add(key);
            out.push({ start, end, text: text.slice(start, end), type: e.entity, id: e.option });
          }
        }
        return out;
      }
      return { prepare: (t) => t, run: async (t) => (await mentions(t)).length, mentions };
    },
  },
  'wink': {
    label: 'wink-ner 2.1.0 + wink-tokenizer 5.3.0',
    kind: 'extractor',
    async create({ everyday = true } = {}) {
      const tokenize = require('wink-tokenizer')().tokenize;
      const ner = require('wink-ner')();
      const learn = [];
      for (const { id, type, spellings } of gazetteerSpellings(readLexiconEntries(), { everyday })) {
        for (const text of spellings) learn.push({ text, entityType: type, uid: id });
      }
      ner.learn(learn);
      // wink tokens carry no offsets: each token (and each token merged into an entity) is
      // found in the text with indexOf from the end of the previous one.
      function mentions(text) {
        const out = [];
        let cursor = 0;
        for (const t of ner.recognize(tokenize(text))) {
          let start = -1;
          for (const value of t.originalSeq ?? [t.value]) {
            const at = text.indexOf(value, cursor);
            if (at < 0) continue;
            if (start < 0) start = at;
            cursor = at + value.length;
          }
          if (t.entityType && start >= 0) out.push({ start, end: cursor, text: text.slice(start, cursor), type: t.entityType, id: t.uid });
        }
        return out;
      }
      return { prepare: (t) => t, run: (t) => mentions(t).length, mentions };
    },
  },
  'modern-ahocorasick': {
    label: 'modern-ahocorasick 3.3.0 over normalised text',
    kind: 'scan',
    async create({ everyday = true } = {}) {
      const { default: AhoCorasick } = await import('modern-ahocorasick');
      const { normalize } = await import('kashif');
      const byKey = normalisedKeys(normalize, gazetteerSpellings(readLexiconEntries(), { everyday }));
      const keys = [...byKey.keys()];
      const info = [...byKey.values()];
      const ac = new AhoCorasick(keys);
      const scanAll = (t) => ac.search(t, { strategy: 'all' }).map((m) => ({ start: m.start, end: m.end, key: m.patternIndex }));
      return scanAdapter(normalize, scanAll, (k) => info[k]);
    },
  },
  'aho-corasick-floor': {
    label: 'floor: bare Aho–Corasick DFA over UTF-16 (bench/lib/aho-corasick.mjs), normalised text',
    kind: 'scan',
    async create({ everyday = true } = {}) {
      const { normalize } = await import('kashif');
      const byKey = normalisedKeys(normalize, gazetteerSpellings(readLexiconEntries(), { everyday }));
      const keys = [...byKey.keys()];
      const info = [...byKey.values()];
      const ac = compileAhoCorasick(keys);
      const scanAll = (t) => {
        const hits = [];
        ac.scan(t, (key, start, end) => hits.push({ start, end, key }));
        return hits;
      };
      return scanAdapter(normalize, scanAll, (k) => info[k]);
    },
  },
  'table-floor': {
    label: 'floor: bare per-character table pass (as ../shared/tools/speed.mjs)',
    kind: 'normalizer',
    async create() {
      // The reference pass of ../shared/tools/speed.mjs: one Uint16Array lookup per UTF-16 unit,
      // marks and tatweel dropped, alef forms, alef maksura and teh marbuta folded.
      const table = new Uint16Array(65536).map((_, i) => i);
      for (const c of '\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0640') table[c.charCodeAt(0)] = 0;
      for (const c of 'أإآٱ') table[c.charCodeAt(0)] = 0x627;
      table[0x649] = 0x64a;
      table[0x629] = 0x647;
      const run = (text) => {
        const out = new Uint16Array(text.length);
        let n = 0;
        for (let i = 0; i < text.length; i++) {
          const c = table[text.charCodeAt(i)];
          if (c) out[n++] = c;
        }
        return n;
      };
      return { prepare: (t) => t, run };
    },
  },
};

function kashifMention(m) {
  return { start: m.start, end: m.end, text: m.text, type: m.type, id: m.entity?.id ?? null };
}
