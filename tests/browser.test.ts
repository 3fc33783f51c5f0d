/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, root } from './support/built.js';

/**
 * The HTML view (`kashif extract --format html`) and the browser example, in a real browser:
 * Debian's Chromium driven by playwright-core. `.ci/run` installs Chromium; elsewhere, without
 * it, these tests are skipped (and say so). Screenshots go to test-results/.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const shots = join(root, 'test-results');

describe('a browser to test in', () => {
  it.runIf(process.env.CI)('is installed in CI (.ci/run installs Debian chromium)', () => {
    expect(hasChromium, `no Chromium at ${CHROMIUM}`).toBe(true);
  });
  it.skipIf(process.env.CI || hasChromium)(`is missing here (${CHROMIUM}): the browser checks are skipped`, () => {});
});

let browser: Browser;
beforeAll(async () => {
  if (!hasChromium) return;
  ensureBuilt();
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

/** Our own documents: news, and text that tries to break the page (CRLF, emoji, markup, bidi marks, English). */
const TRICKY = '\u200Fقال <b>الرئيس</b> & إلهام علييف 😀 في باكو:\r\n"we will talk to Pashinyan" — ورد نيكول باشينيان من يريفان.\r\n';

describe.skipIf(!hasChromium)('the HTML view in Chromium', () => {
  it('highlights every mention where its offsets say, keeps the text whole, and names the entity on hover', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kashif-html-'));
    writeFileSync(join(dir, 'tricky.txt'), TRICKY);
    const inputs = [join(root, 'examples', 'news', 'caucasus.txt'), join(dir, 'tricky.txt')];
    const html = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'extract', '--format', 'html', ...inputs], { encoding: 'utf8' });
    expect(html.status).toBe(0);
    const page = join(dir, 'view.html');
    writeFileSync(page, html.stdout);

    const tab = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await tab.goto(pathToFileURL(page).href);
    expect(await tab.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await tab.locator('.legend li').count()).toBe(4);

    const sections = await tab.evaluate(() =>
      [...document.querySelectorAll('section')].map((section) => {
        const doc = section.querySelector('.doc')!;
        const text = doc.textContent ?? '';
        // Where the offsets fall in the rendered text, as a DOM Range over the text nodes.
        const rangeAt = (start: number, end: number): Range => {
          const range = document.createRange();
          const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
          let at = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = node.textContent!.length;
            if (start >= at && start <= at + length) range.setStart(node, start - at);
            if (end >= at && end <= at + length) {
              range.setEnd(node, end - at);
              break;
            }
            at += length;
          }
          return range;
        };
        const marks = [...doc.querySelectorAll('mark')].map((mark) => {
          const start = Number(mark.dataset.start);
          const end = Number(mark.dataset.end);
          const a = mark.getBoundingClientRect();
          const b = rangeAt(start, end).getBoundingClientRect();
          return {
            text: mark.textContent,
            slice: text.slice(start, end),
            type: mark.dataset.type,
            entity: mark.dataset.entity ?? null,
            offBy: Math.max(Math.abs(a.left - b.left), Math.abs(a.right - b.right), Math.abs(a.top - b.top)),
            visible: a.width > 0 && a.height > 0,
          };
        });
        return { text, marks };
      }),
    );

    const { extract } = (await import(pathToFileURL(join(root, 'dist', 'index.js')).href)) as typeof import('../src/index.js');
    inputs.forEach((file, i) => {
      const original = readFileSync(file, 'utf8');
      const mentions = extract(original);
      const shown = sections[i]!;
      expect(shown.text).toBe(original);
      expect(shown.marks.map((m) => [m.text, m.type, m.entity])).toEqual(mentions.map((m) => [m.text, m.type, m.entity?.id ?? null]));
      for (const m of shown.marks) {
        expect(m.slice).toBe(m.text);
        expect(m.visible).toBe(true);
        expect(m.offBy).toBeLessThan(4); // the highlight box is the box of the text at those offsets (give or take its padding)
      }
    });

    const aliyev = tab.locator('mark[data-entity="ilham_aliyev"]').first();
    const tip = (): Promise<{ display: string; content: string }> =>
      aliyev.evaluate((el) => {
        const style = getComputedStyle(el, '::after');
        return { display: style.display, content: style.content };
      });
    expect((await tip()).display).toBe('none');
    await aliyev.hover();
    const shownTip = await tip();
    expect(shownTip.display).toBe('block');
    expect(shownTip.content).toContain('Ilham Aliyev');

    const file = join(shots, 'html-view.png');
    await tab.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(20_000);
    await tab.close();
  }, 120_000);
});

describe.skipIf(!hasChromium)('the browser example', () => {
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill();
  });

  it('runs kashif/browser in the page: highlights from offsets, and a new text on click', async () => {
    server = spawn(process.execPath, [join(root, 'examples', 'browser', 'serve.mjs')], { cwd: root, env: { ...process.env, PORT: '0' } });
    const url = await new Promise<string>((resolve, reject) => {
      server!.stdout!.on('data', (chunk: Buffer) => {
        const match = /http:\/\/\S+/.exec(chunk.toString());
        if (match) resolve(match[0]);
      });
      server!.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
    });

    const tab = await browser.newPage({ viewport: { width: 900, height: 900 } });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(url);
    await tab.waitForFunction(() => /mentions in/.test(document.getElementById('status')!.textContent ?? ''));
    const check = (): Promise<{ text: string; slice: string; type: string }[]> =>
      tab.evaluate(() => {
        const text = (document.getElementById('text') as HTMLTextAreaElement).value;
        return [...document.querySelectorAll('#out mark')].map((m) => ({
          text: m.textContent ?? '',
          slice: text.slice(Number((m as HTMLElement).dataset.start), Number((m as HTMLElement).dataset.end)),
          type: (m as HTMLElement).dataset.type ?? '',
        }));
      });
    const first = await check();
    expect(first.map((m) => m.text)).toEqual(expect.arrayContaining(['إلهام علييف', 'باكو', 'خانكيندي', 'أنطونيو غوتيريش']));
    for (const m of first) expect(m.slice).toBe(m.text);

    await tab.fill('#text', 'وصل نيكول باشينيان إلى موسكو');
    await tab.click('#run');
    expect((await check()).map((m) => [m.text, m.type])).toEqual([
      ['نيكول باشينيان', 'PERSON'],
      ['موسكو', 'LOCATION'],
    ]);
    expect(errors).toEqual([]);
    await tab.screenshot({ path: join(shots, 'browser-example.png') });
    await tab.close();
  }, 120_000);
});
