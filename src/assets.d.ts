/** Lexicon files are embedded in the build as text (see tsup.config.ts and vitest.config.ts). */
declare module '*.jsonl' {
  const text: string;
  export default text;
}

/** Binary data files (the tagger model) are embedded as base64 text. */
declare module '*.bin' {
  const base64: string;
  export default base64;
}

/** Word lists (`lexicons/*.txt`) are embedded as text. */
declare module '*.txt' {
  const text: string;
  export default text;
}

/** The gazetteer index of the bundled lexicons, prebuilt by the package build (null elsewhere). */
declare module 'kashif:prebuilt-index' {
  const base64: string | null;
  export default base64;
}
