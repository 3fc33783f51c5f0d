import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, root } from './support/built.js';

/** Every example runs with its one command, importing the built package as users do. */
beforeAll(ensureBuilt, 180_000);

describe('the example scripts', () => {
  it.each([
    { script: 'basic.mjs', args: [], input: '', expected: 'ministry_of_defence_azerbaijan', why: 'a sentence: mentions, offsets, links' },
    { script: 'entity-counts.mjs', args: ['examples/news/caucasus.txt'], input: '', expected: 'nagorno_karabakh', why: 'a news file to an entity table' },
    { script: 'entity-counts.mjs', args: [], input: 'وصل نيكول باشينيان إلى موسكو. وقال باشينيان إن', expected: 'نيكول باشينيان / باشينيان', why: 'the same from standard input' },
    { script: 'own-gazetteer.mjs', args: [], input: '', expected: 'bundled gazetteer untouched', why: 'a custom lexicon merged into the bundled one' },
    { script: 'offsets.mjs', args: [], input: '', expected: '"ﻻ"', why: 'normalised matching, offsets on the caller’s text' },
  ])('$script: $why', ({ script, args, input, expected }) => {
    const r = spawnSync(process.execPath, [join(root, 'examples', script), ...args], { cwd: root, encoding: 'utf8', input });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(expected);
  });
});
