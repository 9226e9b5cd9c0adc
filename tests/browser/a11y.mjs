// Hat Tip for someone using the keyboard alone and for axe-core, in every browser: a card
// opened with Alt+Shift+H, the arrow keys between its other replies, Tab to Insert, Escape back
// to the post's button; the options page used by keyboard; no serious or critical axe violation
// on the buttons, the card, the popup, the options page and the dashboard, in light and dark
// colour schemes (a browser each).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBrowser } from '../support/session.mjs';
import { axeViolations } from '../support/axe.mjs';
import { readyAtLeast } from './suite.mjs';

/** What has the focus inside the overlay: the action or field of the focused control. */
const focusedInOverlay = () => {
  const root = document.querySelector('hattip-overlay')?.shadowRoot;
  const el = root?.activeElement;
  if (!el) return null;
  return el.dataset.action ? `${el.dataset.action}${el.dataset.alt ?? el.dataset.post ?? ''}` : el.dataset.field ?? el.tagName;
};
const openCardPost = () => document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]')?.dataset.post ?? null;

export function a11ySuite(kind, launch) {
  describe(`Hat Tip's card by keyboard and axe-core in ${kind}`, () => {
    const env = withBrowser(launch);

    test('keyboard alone: open a card, move between replies, reach Insert, Escape returns to the post', async () => {
      const page = await env.browser.newPage();
      await page.goto(`${env.server.origin}/x/`);
      await page.waitFor(readyAtLeast, 5);
      const keyboard = page.page.keyboard;
      await page.press('Alt+Shift+KeyH');
      const first = await page.waitFor(openCardPost);
      assert.equal(await page.evaluate(focusedInOverlay), 'reply', 'the reply gets the focus');
      await page.press('Alt+Shift+KeyH');
      const second = await page.waitFor((before) => {
        const now = document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]')?.dataset.post;
        return now && now !== before ? now : null;
      }, first);
      assert.notEqual(second, first);

      // Tab from the reply reaches the other replies; the arrows move between them.
      await keyboard.press('Tab');
      assert.equal(await page.evaluate(focusedInOverlay), 'use-alt0');
      await keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(focusedInOverlay), 'use-alt1');
      await keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(focusedInOverlay), 'use-alt0', 'the arrows wrap round');
      await keyboard.press('Enter');
      const chosen = await page.evaluate(() => {
        const root = document.querySelector('hattip-overlay').shadowRoot;
        return [root.querySelector('textarea').value, root.querySelector('[data-alt="0"]').lastChild.textContent];
      });
      assert.equal(chosen[0], chosen[1], 'Enter on an alternative makes it the reply');
      await keyboard.press('Tab');
      await keyboard.press('Tab');
      assert.equal(await page.evaluate(focusedInOverlay), 'insert');

      await keyboard.press('Escape');
      await page.waitFor(() => !document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]') || null);
      assert.equal(await page.evaluate(focusedInOverlay), `open${second}`, "focus is back on the post's button");
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('in a text field Alt+Shift+H is left to the page', async () => {
      const page = await env.browser.newPage();
      await page.goto(`${env.server.origin}/x-status/`);
      await page.waitFor(readyAtLeast, 1);
      await page.page.focus('[data-testid^="tweetTextarea"][contenteditable="true"]');
      await page.press('Alt+Shift+KeyH');
      await page.page.keyboard.press('Escape');
      assert.equal(await page.evaluate(openCardPost), null);
      await page.close();
    });

    test('axe-core: no serious or critical violation on the buttons and an open card', () => axeOnCard(env.browser, env.server));

    test('at 200 % zoom (half the CSS viewport) the card fits the window and scrolls inside', async () => {
      const page = await env.browser.newPage();
      await page.setViewport(550, 450);
      await page.goto(`${env.server.origin}/x/`);
      await page.waitFor(readyAtLeast, 5);
      await page.press('Alt+Shift+KeyH');
      await page.waitFor(openCardPost);
      const fit = await page.evaluate(() => {
        const card = document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]');
        const r = card.getBoundingClientRect();
        return { left: r.left >= 0, right: r.right <= innerWidth, height: r.height <= innerHeight, scrolls: card.scrollHeight > card.clientHeight };
      });
      assert.deepEqual(fit, { left: true, right: true, height: true, scrolls: true });
      await page.close();
    });

    test('the options page by keyboard alone: open a brand, rename it, save', async () => {
      const page = await openReady(env, 'options');
      const brand = await tabUntil(page, () => document.activeElement.matches('fieldset.brand:nth-of-type(2) .brand-toggle'));
      assert.ok(brand, 'Tab reaches the second brand');
      await page.page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.querySelector('fieldset.brand:nth-of-type(2) .brand-toggle').getAttribute('aria-expanded')), 'true');
      assert.ok(await tabUntil(page, () => document.activeElement.matches('fieldset.brand:nth-of-type(2) [data-field="name"]')), 'Tab reaches its name');
      await page.evaluate(() => document.activeElement.select());
      await page.page.keyboard.type('Zephyr Airways');
      assert.ok(await tabUntil(page, () => document.activeElement.id === 'save'), 'Tab reaches Save');
      await page.page.keyboard.press('Enter');
      await page.waitFor(() => (globalThis.browser ?? chrome).storage.local.get('profile').then((r) => r.profile?.brands?.[1]?.name === 'Zephyr Airways' || null));
      assert.match(await page.evaluate(() => document.getElementById('status').textContent), /^Saved 3 brands/);
      await page.close();
    });

    test('the popup, options page and dashboard: no serious or critical violation', () => axeOnPages(env));

    test('axe-core finds a violation where there is one (a button without a name)', async () => {
      const page = await env.browser.newPage();
      await page.goto(`${env.server.origin}/blog/`);
      await page.evaluate(() => document.body.append(Object.assign(document.createElement('button'), { id: 'unnamed' })));
      assert.deepEqual((await axeViolations(page, '#unnamed')).map((v) => v.id), ['button-name']);
      await page.close();
    });
  });

  describe(`Hat Tip's card in a dark colour scheme in ${kind}`, () => {
    const env = withBrowser(launch, { colorScheme: 'dark' });
    test('dark colours, and axe-core finds no serious or critical violation', async () => {
      const page = await axeOnCard(env.browser, env.server, true);
      const colours = await page.evaluate(() => {
        const card = document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]');
        return [getComputedStyle(card).backgroundColor, matchMedia('(prefers-color-scheme: dark)').matches];
      });
      assert.deepEqual(colours, ['rgb(22, 27, 34)', true]);
      await page.close();
    });
    test('the popup, options page and dashboard in dark colours: no serious or critical violation', () => axeOnPages(env));
  });
}

/** Opens a card on the X page by keyboard and checks the overlay with axe-core; the page is
 *  closed unless `keep`. */
async function axeOnCard(browser, server, keep = false) {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/x/`);
  await page.waitFor(readyAtLeast, 5);
  await page.press('Alt+Shift+KeyH');
  await page.waitFor(openCardPost);
  assert.deepEqual(await axeViolations(page, { fromShadowDom: ['hattip-overlay', '.layer'] }), []);
  if (keep) return page;
  await page.close();
  return null;
}

/** What each of Hat Tip's pages shows once it has filled itself in. */
const READY = {
  popup: () => document.getElementById('log-counts').textContent || null,
  options: () => document.querySelector('#brands .brand') && document.documentElement.getAttribute('data-ready'),
  dashboard: () => document.documentElement.dataset.ready === 'true' || null,
};

/** One of Hat Tip's pages (`popup`, `options`, `dashboard`) in a new tab, filled in. */
async function openReady(env, name) {
  const page = await env.browser.extensionPage(`${name}.html`, env.server.origin);
  await page.waitFor(READY[name]);
  return page;
}

/** Checks the popup, the options page and the dashboard with axe-core. */
async function axeOnPages(env) {
  const found = {};
  for (const name of Object.keys(READY)) {
    const page = await openReady(env, name);
    found[name] = await axeViolations(page);
    await page.close();
  }
  assert.deepEqual(found, { popup: [], options: [], dashboard: [] });
}

/** Presses Tab until `reached()` holds in the page (at most 80 times); whether it did. */
async function tabUntil(page, reached) {
  for (let i = 0; i < 80; i++) {
    await page.page.keyboard.press('Tab');
    if (await page.evaluate(reached)) return true;
  }
  return false;
}
