import { spawn, spawnSync } from 'node:child_process';
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

describe('the HTTP service example', () => {
  it('answers POSTed text with mentions as JSON, to a TypeScript client', async () => {
    const service = spawn(process.execPath, [join(root, 'examples', 'http-service.mjs')], { cwd: root, env: { ...process.env, PORT: '0' } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        service.stdout.on('data', (chunk: Buffer) => {
          const match = /http:\/\/\S+/.exec(chunk.toString());
          if (match) resolve(match[0]);
        });
        service.on('exit', (code) => reject(new Error(`http-service.mjs exited with ${code}`)));
      });
      const client = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'examples', 'http-client.ts'), url], { cwd: root, encoding: 'utf8' });
      expect(client.stderr).toBe('');
      expect(client.status).toBe(0);
      expect(client.stdout).toMatch(/^PERSON +عبد الفتاح السيسي +\[21, 38\) +abdel_fattah_el_sisi +offsets ok$/m);
      expect(client.stdout).not.toContain('OFFSETS WRONG');

      const bad = await fetch(new URL('/extract', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":5}' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toBe('kashif: extract() expects a string, but received a number (5)');
      const plain = await fetch(new URL('/extract', url), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'زار الوفد باكو' });
      expect(((await plain.json()) as { mentions: { text: string }[] }).mentions.map((m) => m.text)).toEqual(['باكو']);
    } finally {
      service.kill();
    }
  }, 60_000);
});
