// A bare Aho–Corasick automaton over UTF-16 code units, written for the benchmark as the floor of
// dictionary matching: one table lookup per character of text, nothing else. The keys are
// compiled into a full DFA (failure links resolved into the transition table) over the alphabet
// the keys use; a character outside that alphabet sends the scan back to the root.
//
// It does what the floor needs and no more: no Unicode segmentation (modern-ahocorasick's
// grapheme-aware matching is measured separately), no normalisation (the text and keys are
// normalised by the caller).

/** Compiles `keys` (non-empty strings). `keyOf(i)` is reported for key index i. */
export function compileAhoCorasick(keys) {
  // Alphabet: code unit → symbol (0 = not in any key).
  const symbol = new Uint16Array(65536);
  let alphabet = 1;
  for (const k of keys) {
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (symbol[c] === 0) symbol[c] = alphabet++;
    }
  }
  // Trie with growable arrays; transitions in a flat Int32Array of states × alphabet.
  let capacity = 1024;
  let next = new Int32Array(capacity * alphabet).fill(-1);
  let states = 1;
  const grow = () => {
    const bigger = new Int32Array(capacity * 2 * alphabet).fill(-1);
    bigger.set(next);
    next = bigger;
    capacity *= 2;
  };
  const terminal = []; // key index ending exactly at a state, or -1
  terminal[0] = -1;
  keys.forEach((k, index) => {
    let s = 0;
    for (let i = 0; i < k.length; i++) {
      const a = symbol[k.charCodeAt(i)];
      let t = next[s * alphabet + a];
      if (t < 0) {
        if (states === capacity) grow();
        t = states++;
        next[s * alphabet + a] = t;
        terminal[t] = -1;
      }
      s = t;
    }
    if (terminal[s] < 0 || keys[terminal[s]].length < k.length) terminal[s] = index;
  });
  // Breadth-first: failure links, output links (nearest proper suffix state with a key), and
  // missing transitions filled from the failure state, which makes the trie a DFA.
  const fail = new Int32Array(states);
  const output = new Int32Array(states).fill(-1);
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  for (let a = 1; a < alphabet; a++) {
    const t = next[a];
    if (t < 0) next[a] = 0;
    else {
      fail[t] = 0;
      queue[tail++] = t;
    }
  }
  next[0] = 0;
  while (head < tail) {
    const s = queue[head++];
    const f = fail[s];
    output[s] = terminal[f] >= 0 ? f : output[f];
    next[s * alphabet] = 0; // symbol 0: a character no key contains
    for (let a = 1; a < alphabet; a++) {
      const i = s * alphabet + a;
      const t = next[i];
      if (t < 0) next[i] = next[f * alphabet + a];
      else {
        fail[t] = next[f * alphabet + a];
        queue[tail++] = t;
      }
    }
  }
  const table = next.subarray(0, states * alphabet);
  const term = Int32Array.from(terminal);
  const lengths = Int32Array.from(keys, (k) => k.length);
  return {
    states,
    alphabet,
    bytes: table.byteLength + term.byteLength + output.byteLength + 65536 * 2,
    /**
     * Calls `hit(keyIndex, start, end)` for every occurrence of every key in `text`
     * (overlaps included), in order of end position.
     */
    scan(text, hit) {
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        s = table[s * alphabet + symbol[text.charCodeAt(i)]];
        for (let o = term[s] >= 0 ? s : output[s]; o > 0; o = output[o]) {
          const k = term[o];
          hit(k, i + 1 - lengths[k], i + 1);
        }
      }
    },
  };
}
