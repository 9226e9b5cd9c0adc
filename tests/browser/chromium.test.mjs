// Hat Tip in real Chromium (Debian's /usr/bin/chromium), driven by playwright-core.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { siteSuite, readyAtLeast } from './suite.mjs';
import { withBrowser } from '../support/session.mjs';
import { robustSuite } from './robust.mjs';
import { pagesSuite } from './pages.mjs';
import { logSuite } from './log.mjs';
import { a11ySuite } from './a11y.mjs';
import { i18nSuite } from './i18n.mjs';
import { launchChromium } from '../support/browsers.mjs';

siteSuite('Chromium', launchChromium);
robustSuite('Chromium', launchChromium);
pagesSuite('Chromium', launchChromium);
logSuite('Chromium', launchChromium);
a11ySuite('Chromium', launchChromium);
i18nSuite('Chromium', launchChromium);

// Chrome's service worker comes and goes: terminated (as Chrome does when it is idle), the next
// request wakes it and the page goes on as before.
describe('Chromium: the background stops and restarts while tabs are open', () => {
  const env = withBrowser(launchChromium);
  test('the popup says the engine is running', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.browser.extensionUrl('popup.html'));
    const status = await page.waitFor(() => {
      const t = document.getElementById('engine-status').textContent;
      return t.startsWith('Checking') ? null : t;
    });
    assert.equal(status, 'Engine running (3 brands).');
    await page.close();
  });

  test('a terminated service worker is woken by the next request: new posts are highlighted', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.origin}/x/`);
    await page.waitFor(readyAtLeast, 5);
    await env.browser.terminateWorker();
    await page.evaluate(() => window.__fixture.more(5));
    await page.waitFor(readyAtLeast, 9);
    assert.equal(await page.evaluate(() => CSS.highlights.get('h7t-m').size), 13);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});
