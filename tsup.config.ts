import { defineConfig, type Options } from 'tsup';

const library: Options = {
  entry: { index: 'src/index.ts' },
  dts: true,
  sourcemap: true,
  target: 'node18',
};

export default defineConfig([
  { ...library, format: ['esm'], clean: true },
  // franc is ESM-only: the CommonJS build carries its own copy so `require('kashif')` works on
  // Node 18, which cannot require an ES module.
  { ...library, format: ['cjs'], noExternal: ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space'] },
  { entry: { cli: 'src/cli.ts' }, format: ['esm'], target: 'node18', banner: { js: '#!/usr/bin/env node' } },
]);
