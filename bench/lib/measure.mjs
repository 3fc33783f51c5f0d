// Timing helpers: medians of rounds after warm-ups, with every result added to a sink that is
// printed, so no call can be optimised away.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** UTF-16 megabytes (2^20 bytes) of `chars` code units, as the text is held in memory. */
export const mb = (chars) => (chars * 2) / 2 ** 20;

export const sink = { value: 0 };

/** Milliseconds of one pass of `run` over `inputs` (awaiting each call when `isAsync`). */
export async function pass(run, inputs, isAsync) {
  let acc = 0;
  const t0 = performance.now();
  if (isAsync) for (const x of inputs) acc += await run(x);
  else for (const x of inputs) acc += run(x);
  const ms = performance.now() - t0;
  sink.value += acc;
  return ms;
}

/**
 * Throughput of `run` over documents `base` whose original lengths (UTF-16 code units) are
 * `sizes`. After warm-ups on (up to 100 of) them, one round is the documents repeated up to
 * `targetChars`, fewer times when a round would take more than `budgetMs` (slow tools), or for
 * tools too slow for one whole pass, an even sample of them (every k-th); the round is timed
 * `rounds` times, each after a full GC when --expose-gc is on. Returns MB/s and documents/s (medians) and how much text one round held.
 */
export async function throughput(run, base, { sizes, targetChars, budgetMs, rounds, warmups = 2, isAsync = false }) {
  const sampleIdx = base.slice(0, 100).map((_, i) => i);
  const sample = sampleIdx.map((i) => base[i]);
  const sampleChars = sampleIdx.reduce((n, i) => n + sizes[i], 0);
  for (let i = 0; i < warmups; i++) await pass(run, sample, isAsync);
  const perChar = (await pass(run, sample, isAsync)) / sampleChars;
  const baseChars = sizes.reduce((n, x) => n + x, 0);
  const passMs = perChar * baseChars;
  let items = [];
  if (passMs <= budgetMs) {
    const reps = Math.max(1, Math.min(Math.ceil(targetChars / baseChars), Math.floor(budgetMs / passMs)));
    for (let r = 0; r < reps; r++) base.forEach((_, i) => items.push(i));
  } else {
    const stride = Math.ceil(passMs / budgetMs);
    items = base.map((_, i) => i).filter((i) => i % stride === 0);
  }
  const inputs = items.map((i) => base[i]);
  const roundChars = items.reduce((n, i) => n + sizes[i], 0);
  const times = [];
  for (let r = 0; r < rounds; r++) {
    globalThis.gc?.(); // each round starts from a clean heap; collections during it count
    times.push(await pass(run, inputs, isAsync));
  }
  const ms = median(times);
  return {
    mbPerS: mb(roundChars) / (ms / 1000),
    docsPerS: inputs.length / (ms / 1000),
    roundMb: mb(roundChars),
    docs: inputs.length,
    sampled: items.length < base.length,
    rounds,
    spread: (Math.max(...times) - Math.min(...times)) / ms,
  };
}

/** Median milliseconds of one call of `fn(input)`, repeated so each sample lasts ≥ `minMs`. */
export function timeCall(fn, input, { samples = 3, minMs = 30 } = {}) {
  let t0 = performance.now();
  sink.value += fn(input);
  const first = performance.now() - t0;
  const reps = Math.max(1, Math.ceil(minMs / Math.max(first, 1e-3)));
  const out = [];
  for (let s = 0; s < samples; s++) {
    t0 = performance.now();
    for (let r = 0; r < reps; r++) sink.value += fn(input);
    out.push((performance.now() - t0) / reps);
  }
  return median(out);
}
