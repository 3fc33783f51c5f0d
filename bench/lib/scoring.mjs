// Scoring, reimplemented from ../shared/tools/score.mjs and ../shared/tools/conll.mjs: those are
// command-line scripts that import the package's extract() themselves and export nothing, so
// their logic is copied here (same matching, same order, same formulas) to score any tool's
// mentions. run.mjs checks this copy against score.mjs on kashif's own output when ../shared
// is present.

const TYPES = ['PERSON', 'LOCATION', 'ORGANIZATION'];

function prf(tp, np, ng) {
  const p = np ? tp / np : 0;
  const r = ng ? tp / ng : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/**
 * score.mjs semantics over documents `{ text, gold, ignore }` and, per document, the mentions
 * `{ start, end, type, id }` a tool found: strict (exact span and type) and lenient (overlap and
 * type) F1 over all three types, and pairwise linking F1 over the lenient matches. Gold mentions
 * are matched in file order to the first unused prediction, as score.mjs does.
 */
export function scoreDocuments(docs, mentionsPerDoc) {
  const count = { strict: { tp: 0, np: 0, ng: 0 }, lenient: { tp: 0, np: 0, ng: 0 } };
  const linked = [];
  let offsetErrors = 0;
  docs.forEach((doc, d) => {
    const gold = doc.gold.filter((l) => TYPES.includes(l.type));
    const pred = mentionsPerDoc[d]
      .filter((m) => TYPES.includes(m.type))
      .filter((m) => !doc.ignore.some((r) => overlaps(r, m)));
    for (const m of pred) if (m.text !== undefined && doc.text.slice(m.start, m.end) !== m.text) offsetErrors++;
    for (const k of ['strict', 'lenient']) {
      const usedP = new Set();
      const matchOf = new Map();
      for (const g of gold) {
        const j = pred.findIndex((p, i) => !usedP.has(i) && p.type === g.type &&
          (k === 'strict' ? p.start === g.start && p.end === g.end : overlaps(p, g)));
        if (j >= 0) {
          usedP.add(j);
          matchOf.set(g, pred[j]);
        }
      }
      count[k].ng += gold.length;
      count[k].np += pred.length;
      count[k].tp += matchOf.size;
      if (k === 'lenient') for (const [g, p] of matchOf) linked.push([g.entity, p.id ?? null]);
    }
  });
  let both = 0, samePred = 0, sameGold = 0;
  for (let i = 0; i < linked.length; i++) {
    for (let j = i + 1; j < linked.length; j++) {
      const g = linked[i][0] === linked[j][0];
      const p = linked[i][1] !== null && linked[i][1] === linked[j][1];
      if (g) sameGold++;
      if (p) samePred++;
      if (g && p) both++;
    }
  }
  return {
    strict: prf(count.strict.tp, count.strict.np, count.strict.ng),
    lenient: prf(count.lenient.tp, count.lenient.np, count.lenient.ng),
    link: prf(both, samePred, sameGold),
    predicted: count.strict.np,
    gold: count.strict.ng,
    offsetErrors,
  };
}

const CONLL_TYPE = { PERSON: 'PER', LOCATION: 'LOC', ORGANIZATION: 'ORG' };

function spans(labels) {
  const out = [];
  let open = null;
  labels.forEach(([bio, type], i) => {
    if (open && (bio !== 'I' || type !== open.type)) {
      out.push(open);
      open = null;
    }
    if (bio === 'B' || (bio === 'I' && !open)) open = { type, start: i, end: i + 1 };
    else if (bio === 'I') open.end = i + 1;
  });
  if (open) out.push(open);
  return out.map((s) => `${s.type}:${s.start}:${s.end}`);
}

/**
 * conll.mjs semantics: each token takes the type of the first mention that overlaps it (B on the
 * mention's first such token, I after), then entity-level micro F1 over PER/LOC/ORG, and the
 * same per type in `byType`.
 */
export function scoreConll(sentences, mentionsPerSentence) {
  const count = Object.fromEntries(['PER', 'LOC', 'ORG', 'ALL'].map((t) => [t, { tp: 0, np: 0, ng: 0 }]));
  const add = (key, type, hit) => {
    for (const k of [type, 'ALL']) {
      count[k][key]++;
      if (hit) count[k].tp++;
    }
  };
  sentences.forEach((sent, s) => {
    const mentions = mentionsPerSentence[s].filter((m) => CONLL_TYPE[m.type]);
    const pred = sent.tokens.map(() => ['O', null]);
    for (const m of mentions) {
      let first = true;
      sent.tokens.forEach(({ start, end }, i) => {
        if (start < m.end && m.start < end && pred[i][0] === 'O') {
          pred[i] = [first ? 'B' : 'I', CONLL_TYPE[m.type]];
          first = false;
        }
      });
    }
    const g = new Set(spans(sent.tokens.map((t) => [t.bio, t.type])));
    for (const x of spans(pred)) add('np', x.split(':')[0], g.has(x));
    for (const x of g) add('ng', x.split(':')[0], false);
  });
  const f = (t) => prf(count[t].tp, count[t].np, count[t].ng);
  return { ...f('ALL'), byType: { PER: f('PER'), LOC: f('LOC'), ORG: f('ORG') } };
}
