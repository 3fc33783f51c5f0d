// Node module hooks that load data files the way the build embeds them: `*.jsonl` lexicons as
// text (without curation-only fields), `*.bin` as base64. Lets scripts run TypeScript sources
// directly: node --import tsx --import ./scripts/data-hooks.mjs scripts/x.ts
import { readFile } from 'node:fs/promises';
import { register } from 'node:module';

if (!globalThis.__kashifDataHooks) {
  globalThis.__kashifDataHooks = true;
  register(import.meta.url, { data: { hooksOnly: true } });
}

export async function resolve(specifier, context, nextResolve) {
  // Scripts run the sources: the gazetteer index is built at load.
  if (specifier === 'kashif:prebuilt-index') return { url: 'data:text/javascript,export default null;', shortCircuit: true };
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url.endsWith('.jsonl')) {
    const { compactLexicon } = await import('./lexicon/compact-lexicon.mjs');
    const text = compactLexicon(await readFile(new URL(url), 'utf8'));
    return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
  }
  if (/lexicons\/[^/]+\.txt$/.test(url)) {
    const text = await readFile(new URL(url), 'utf8');
    return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
  }
  if (url.endsWith('.bin')) {
    const base64 = (await readFile(new URL(url))).toString('base64');
    return { format: 'module', source: `export default ${JSON.stringify(base64)};`, shortCircuit: true };
  }
  return nextLoad(url, context);
}
