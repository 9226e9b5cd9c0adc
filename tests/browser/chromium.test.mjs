// Hat Tip in real Chromium (Debian's /usr/bin/chromium), driven by playwright-core.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { siteSuite } from './suite.mjs';
import { launchChromium } from '../support/browsers.mjs';
import { startServer } from '../support/server.mjs';

siteSuite('Chromium', launchChromium, { cspEngine: 'wasm2js' });

// The wasm2js build on a strict-CSP page with one multi-megabyte post: the heap grows while the
// post is analysed, which corrupts data unless the memory-grow patch (scripts/patch-wasm2js.mjs)
// is in place.
describe('wasm2js build with a multi-megabyte page (Chromium)', () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('all 2,000 mentions of a 3 MB tweet are found, at the right places', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/x/?big=1`);
    const size = await page.evaluate(() => document.querySelector('[data-testid="tweetText"]').textContent.length);
    assert.ok(size > 2_500_000, `the tweet is ${size} characters`);
    await page.waitFor(() => Number(document.querySelector('hattip-overlay')?.getAttribute('data-ready')) === 1 || null, undefined, 60000);
    assert.equal(await page.evaluate(() => document.querySelector('hattip-overlay').getAttribute('data-engine')), 'wasm2js');
    const found = await page.evaluate(() => {
      const ranges = [...CSS.highlights.get('h7t-m')];
      return { count: ranges.length, texts: [...new Set(ranges.map((r) => r.toString()))] };
    });
    assert.deepEqual(found, { count: 2000, texts: ['Northwind'] });
    assert.deepEqual(page.errors, []);
  });
});
