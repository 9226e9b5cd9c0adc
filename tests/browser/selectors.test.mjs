// The site table (extension/content/sites.js) against the fixture pages, in the style of
// refined-github's selectors.test.ts: for every fixture, which adapter the page gets and, part
// by part, how many posts, texts, authors, Reply controls and ready reply boxes it must find
// (tests/selectors.json). A redesign that breaks a selector fails here, naming the fixture and
// the part. Every part of every site must be pinned by at least one fixture. Runs the adapter
// code in plain Chromium (no extension needed: it is the same code the content script runs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startServer } from '../support/server.mjs';
import { SITES } from '../../extension/content/sites.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'selectors.json'), 'utf8'));

describe('the site table finds what each fixture holds', () => {
  let server;
  let browser;
  let probe;
  before(async () => {
    const out = await build({ entryPoints: [path.join(root, 'tests', 'support', 'selector-counts.js')], bundle: true, format: 'iife', write: false, logLevel: 'error' });
    probe = out.outputFiles[0].text;
    server = await startServer();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const fixture of EXPECTED.fixtures) {
    test(`${fixture.page}${fixture.frame ? ` (frame ${fixture.frame})` : ''}`, async () => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}${fixture.page}`);
      let target = page;
      if (fixture.frame) {
        for (let i = 0; i < 100 && !page.frames().some((f) => f.url().includes(fixture.frame)); i++) await page.waitForTimeout(50);
        target = page.frames().find((f) => f.url().includes(fixture.frame));
        await target.waitForLoadState('load');
      }
      // The fixture apps render after load: wait until the page shows what the fixture names.
      if (fixture.ready) await target.waitForSelector(fixture.ready, { state: 'attached' });
      const counts = await target.evaluate(`${probe}; __hattipCounts()`);
      const { page: _p, frame: _f, ready: _r, note: _n, ...expected } = fixture;
      assert.deepEqual(counts, expected);
      await page.close();
    });
  }

  test('every part of every site is pinned by a fixture', () => {
    const pinned = new Set(EXPECTED.fixtures.flatMap((f) => Object.keys(f.parts).map((kind) => `${f.site}/${kind}`)));
    const missing = SITES.flatMap((s) => (s.structural ? ['article', 'comment'] : s.parts.map((p) => p.kind)).map((k) => `${s.name}/${k}`))
      .filter((k) => !pinned.has(k) && !k.startsWith('comment-frame/'));
    assert.deepEqual(missing, []);
    const frames = EXPECTED.fixtures.filter((f) => f.site === 'comment-frame').map((f) => f.frameComposers);
    assert.ok(frames.length >= 2 && frames.every((n) => n === 1), 'each comment-form frame fixture has its one reply box');
  });
});
