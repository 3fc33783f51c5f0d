import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';
import { compactLexicon } from './scripts/lexicon/compact-lexicon.mjs';

/** The same embedding of data files as the build (tsup.config.ts), for tests that import src/. */
const embedData: Plugin = {
  name: 'kashif-embed-data',
  enforce: 'pre',
  // Tests run the sources: the gazetteer index is built at load, as for a user's own lexicons
  // (tests/gazetteer.test.ts checks the prebuilt bytes against it).
  resolveId(id) {
    return id === 'kashif:prebuilt-index' ? '\0kashif:prebuilt-index' : undefined;
  },
  load(id) {
    if (id === '\0kashif:prebuilt-index') return 'export default null;';
    if (id.endsWith('.jsonl')) return `export default ${JSON.stringify(compactLexicon(readFileSync(id, 'utf8')))};`;
    if (/lexicons\/[^/]+\.txt$/.test(id)) return `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`;
    if (id.endsWith('.bin')) return `export default ${JSON.stringify(readFileSync(id).toString('base64'))};`;
    return undefined;
  },
};

export default defineConfig({
  plugins: [embedData],
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/run-id.ts'],
    testTimeout: 60_000,
  },
});
