/**
 * What the package embeds of a lexicon: each JSONL line without the fields only curators read
 * (`src`, `seen`), so the bundle carries knowledge, not provenance (the files in `lexicons/`
 * keep it). Used by the build (tsup), the tests (vitest) and scripts (data-hooks.mjs) alike.
 */
const CURATION_FIELDS = new Set(['src', 'seen']);

/**
 * @param {string} jsonl
 * @returns {string}
 */
export function compactLexicon(jsonl) {
  const out = [];
  for (const line of jsonl.split('\n')) {
    if (line.trim() === '') {
      out.push('');
      continue;
    }
    try {
      const entry = JSON.parse(line);
      out.push(JSON.stringify(entry, (key, value) => (CURATION_FIELDS.has(key) ? undefined : value)));
    } catch {
      out.push(line); // left for the parser to report with its file:line
    }
  }
  return out.join('\n');
}
