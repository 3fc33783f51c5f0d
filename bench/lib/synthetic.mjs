// Synthetic lexicon entries for the lexicon-size curve, from a seeded generator (the same
// entries on every run). Each name has two or three words; half of the names begin with a word
// of the benchmark text itself, so the matcher enters its trie at most words of the text and
// has to walk on before failing — the realistic case for a large gazetteer of people and
// companies sharing first names — while the rest are made of pseudo-words of Arabic letters.

const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
const TYPES = ['PERSON', 'LOCATION', 'ORGANIZATION'];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The distinct Arabic words (three letters or more) of `text`. */
export function vocabulary(text) {
  return [...new Set(text.match(/[\u0621-\u064A]{3,}/g) ?? [])].sort();
}

/** `n` lexicon entries `{ id, type, name: { ar } }`. */
export function syntheticEntries(n, vocab, seed = 7) {
  const random = mulberry32(seed);
  const pseudo = () => {
    let w = '';
    const len = 3 + Math.floor(random() * 5);
    for (let i = 0; i < len; i++) w += LETTERS[Math.floor(random() * LETTERS.length)];
    return w;
  };
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const first = vocab.length && random() < 0.5 ? vocab[Math.floor(random() * vocab.length)] : pseudo();
    const words = random() < 0.5 ? [first, pseudo()] : [first, pseudo(), pseudo()];
    out[i] = { id: `synthetic_${i}`, type: TYPES[i % 3], name: { ar: words.join(' ') } };
  }
  return out;
}
