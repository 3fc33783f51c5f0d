import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';
import { compactLexicon } from './scripts/lexicon/compact-lexicon.mjs';
import { indexToBytes } from './src/gazetteer/index-bytes.js';
import { buildIndex, mergeById } from './src/gazetteer/index-build.js';
import { parseLexicon } from './src/gazetteer/lexicon.js';

/** The bundled lexicons, in the order src/gazetteer/bundled.ts lists them. */
const BUNDLED = ['locations.jsonl', 'persons.jsonl', 'organizations.jsonl'];

/** The gazetteer index of the bundled lexicons, built once per build (base64 of its bytes). */
let prebuilt: Promise<string> | undefined;
function prebuiltIndex(): Promise<string> {
  prebuilt ??= (async () => {
    const texts = await Promise.all(BUNDLED.map(async (file) => [file, compactLexicon(await readFile(`lexicons/${file}`, 'utf8'))] as const));
    const entries = mergeById(texts.flatMap(([file, text]) => parseLexicon(text, file)));
    return Buffer.from(indexToBytes(buildIndex(entries))).toString('base64');
  })();
  return prebuilt;
}

/** Embeds `lexicons/*.jsonl` as text (without curation-only fields), `lexicons/*.txt` as text, `*.bin` as base64. */
const embedData: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'kashif-embed-data',
  setup(build) {
    build.onResolve({ filter: /^kashif:prebuilt-index$/ }, () => ({ path: 'prebuilt-index', namespace: 'kashif' }));
    build.onLoad({ filter: /.*/, namespace: 'kashif' }, async () => ({
      contents: `export default ${JSON.stringify(await prebuiltIndex())};`,
      loader: 'js',
    }));
    build.onLoad({ filter: /\.jsonl$/ }, async (args) => ({
      contents: `export default ${JSON.stringify(compactLexicon(await readFile(args.path, 'utf8')))};`,
      loader: 'js',
    }));
    build.onLoad({ filter: /lexicons\/[^/]+\.txt$/ }, async (args) => ({
      contents: `export default ${JSON.stringify(await readFile(args.path, 'utf8'))};`,
      loader: 'js',
    }));
    build.onLoad({ filter: /\.bin$/ }, async (args) => ({
      contents: `export default ${JSON.stringify((await readFile(args.path)).toString('base64'))};`,
      loader: 'js',
    }));
  },
};

/** The CLI and its worker import the library's own built entry (`dist/index.js`), never a second copy of it. */
const libraryExternal: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'kashif-cli-uses-library',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: './index.js', external: true }));
  },
};

/** Arabic stays Arabic in the output (UTF-8), not six-byte `\uXXXX` escapes: a third of the size. */
const utf8: Options['esbuildOptions'] = (options) => {
  options.charset = 'utf8';
};

const library: Options = {
  entry: { index: 'src/index.ts' },
  esbuildOptions: utf8,
  dts: true,
  sourcemap: false, // maps would carry the embedded lexicons a second time
  target: 'node18',
  esbuildPlugins: [embedData],
};

export default defineConfig([
  { ...library, format: ['esm'], clean: true },
  // franc is ESM-only: the CommonJS build carries its own copy so `require('kashif')` works on
  // Node 18, which cannot require an ES module.
  { ...library, format: ['cjs'], noExternal: ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space'] },
  // One self-contained ES module for browsers (lexicons and tagger inside, franc inlined): what
  // `kashif/browser` resolves to, and what examples/browser uses.
  {
    entry: { browser: 'src/index.ts' },
    format: ['esm'],
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    noExternal: [/.*/],
    esbuildOptions: utf8,
    esbuildPlugins: [embedData],
  },
  {
    entry: { cli: 'src/cli/main.ts', 'cli-worker': 'src/cli/worker.ts' },
    format: ['esm'],
    target: 'node18',
    banner: { js: '#!/usr/bin/env node' },
    esbuildPlugins: [libraryExternal],
  },
]);
