// What a page can see of the shipped package, in real Chromium: the Chrome package from dist/,
// only made to run on the fixture server too (no test hooks), on the X page. The page's own
// script must find no attribute, no open shadow root and no fixed highlight name, while
// the highlights are painted and the buttons are there (read through the DevTools protocol, which
// sees closed shadow roots). The toolbar button says where Hat Tip runs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBrowser } from '../support/session.mjs';
import { launchChromium, SHIPPED_DIR } from '../support/browsers.mjs';

/** In the page: the highlight registry's names with their sizes, once something is painted. */
const painted = () => {
  const names = [...CSS.highlights.keys()];
  const sizes = names.map((n) => CSS.highlights.get(n).size);
  return sizes.some((s) => s > 0) ? Object.fromEntries(names.map((n, i) => [n, sizes[i]])) : null;
};

/** The overlay element's shadow root as DevTools sees it: its type and its buttons' labels. */
async function shadowOf(browser, page) {
  const cdp = await browser.context.newCDPSession(page.page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const find = (node) => (node.localName === 'hattip-overlay' ? node : (node.children ?? []).map(find).find(Boolean));
  const host = find(root);
  const labels = [];
  const walk = (node) => {
    if (node.localName === 'button') {
      const attrs = node.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'aria-label') labels.push(attrs[i + 1]);
    }
    for (const child of node.children ?? []) walk(child);
  };
  for (const shadow of host?.shadowRoots ?? []) walk(shadow);
  await cdp.detach();
  return { type: host?.shadowRoots?.[0]?.shadowRootType ?? null, labels };
}

describe('The shipped package, as a page sees it (Chromium)', () => {
  const env = withBrowser(launchChromium, { extension: SHIPPED_DIR });

  test('X: painted and answered, but the page finds no attribute, no open shadow root and no fixed name', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.origin}/x/`);
    const registry = await page.waitFor(painted);
    const names = Object.keys(registry);
    assert.equal(names.length, 3, JSON.stringify(registry));
    for (const name of names) assert.match(name, /^[a-z]{10}$/);
    const seen = await page.evaluate(() => {
      const host = document.querySelector('hattip-overlay');
      return { shadow: host.shadowRoot === null ? 'hidden' : 'open', attributes: host.getAttributeNames() };
    });
    assert.deepEqual(seen, { shadow: 'hidden', attributes: ['style'] });
    let shadow = await shadowOf(env.browser, page);
    for (const started = Date.now(); !shadow.labels.length && Date.now() - started < 10000;) shadow = await shadowOf(env.browser, page);
    assert.equal(shadow.type, 'closed');
    assert.ok(shadow.labels.some((l) => l.includes('Northwind')), JSON.stringify(shadow.labels));

    // The inserted stylesheet paints the random names: the mention looks different without them.
    const box = await page.evaluate((name) => {
      const r = [...CSS.highlights.get(name)][0].getBoundingClientRect();
      return { x: Math.floor(r.left), y: Math.floor(r.top), width: Math.ceil(r.width), height: Math.ceil(r.height) };
    }, Object.entries(registry).find(([, size]) => size > 0)[0]);
    const withMark = await page.page.screenshot({ clip: box });
    await page.evaluate(() => CSS.highlights.clear());
    const without = await page.page.screenshot({ clip: box });
    assert.notDeepEqual(withMark, without, 'the highlight is painted');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('a comment frame from a host Hat Tip has no permission for is painted with the names content.css styles', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.origin}/disqus/`);
    const frame = await page.frame('disqus-embed');
    const registry = await frame.waitFor(painted);
    assert.ok(registry['h7t-m'] > 0, JSON.stringify(registry));
    await page.close();
  });

  test('the toolbar button says whether Hat Tip runs on the tab, and when it was turned off there; turned on again, the page keeps its highlight names', async () => {
    const x = await env.browser.newPage();
    await x.goto(`${env.server.origin}/x/`);
    const names = Object.keys(await x.waitFor(painted)).sort();
    const popup = await env.browser.newPage();
    await popup.goto(env.browser.extensionUrl('popup.html'));
    const titleOf = (url) => popup.evaluate(async (u) => {
      const [tab] = u ? await chrome.tabs.query({ url: u }) : [await chrome.tabs.getCurrent()];
      return chrome.action.getTitle({ tabId: tab.id });
    }, url);
    assert.equal(await titleOf(`${env.server.origin}/x/`), 'Hat Tip: active on this page');
    assert.equal(await titleOf(null), 'Hat Tip: not running on this page');
    await popup.evaluate((origin) => chrome.storage.local.set({ disabledSites: [origin] }), env.server.origin);
    await popup.waitFor(async (u) => {
      const [tab] = await chrome.tabs.query({ url: u });
      return (await chrome.action.getTitle({ tabId: tab.id })) === 'Hat Tip: turned off on this site' || null;
    }, `${env.server.origin}/x/`);
    await x.waitFor(() => CSS.highlights.size === 0 || null);
    await popup.evaluate(() => chrome.storage.local.remove('disabledSites'));
    // The new session reuses the names the background already styled: no second stylesheet.
    assert.deepEqual(Object.keys(await x.waitFor(painted)).sort(), names);
    for (const p of [x, popup]) await p.close();
  });
});
