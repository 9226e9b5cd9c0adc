// The dashboard and the popup in real Chromium, on a log filled by browsing the fixture pages: the
// numbers, charts and "waiting for an answer" list checked against the log itself, filters and
// search, the popup's counts and its jump to a waiting post, CSV and JSON export, import into a
// fresh browser (same dashboard, no duplicates, a bad file changes nothing), a reload and a
// browser restart on the same profile, settings and "Forget everything". (These use Playwright's
// downloads and file chooser; in Firefox, log.mjs covers the log and a11y.mjs/i18n.mjs the pages.)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { withBrowser } from '../support/session.mjs';
import { launchChromium } from '../support/browsers.mjs';
import { openCardFor, insertAndWait, readyAtLeast, overlay } from './suite.mjs';

/** Every entry of the log, read straight from IndexedDB in an extension page. */
const readLog = () => new Promise((resolve, reject) => {
  const open = indexedDB.open('hattip-log');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const get = open.result.transaction('mentions').objectStore('mentions').getAll();
    get.onsuccess = () => { open.result.close(); resolve(get.result); };
  };
});
/** Resolves once `check()` (in node) is true; fails after `timeout` naming what it waited for. */
async function until(check, what, timeout = 15000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const dashboardState = () => ({
  totals: Object.fromEntries([...document.querySelectorAll('[data-total]')].map((d) => [d.dataset.total, Number(d.textContent.replace(/\D/g, ''))])),
  waiting: [...document.querySelectorAll('#waiting li[data-key]')].map((li) => li.dataset.key),
  share: hattipDashboard.chartData('c-share'),
  intents: hattipDashboard.chartData('c-intent'),
  status: document.getElementById('status').textContent,
});

const intentOf = (e) => e.actions.corrected?.intent ?? e.intent;
const isWaiting = (e) => ['question', 'complaint'].includes(intentOf(e)) && e.actions.inserted === null && e.actions.copied === null && e.actions.dismissed === null;
function countBy(entries, key) {
  const m = new Map();
  for (const e of entries) m.set(key(e), (m.get(key(e)) ?? 0) + 1);
  return m;
}
/** The dashboard's charts and totals must say what the log says. */
function assertMatchesLog(state, log) {
  assert.equal(state.totals.total, log.length);
  const waiting = log.filter(isWaiting).sort((a, b) => a.firstSeen - b.firstSeen);
  assert.equal(state.totals.waiting, waiting.length);
  assert.deepEqual(state.waiting, waiting.slice(0, 8).map((e) => e.key), 'the oldest eight, then "Show all"');
  assert.equal(state.totals.answered, log.filter((e) => e.actions.inserted !== null || e.actions.copied !== null).length);
  const brands = countBy(log, (e) => e.brand);
  assert.deepEqual(Object.fromEntries(state.share.labels.map((b, i) => [b, state.share.datasets[0].data[i]])), Object.fromEntries(brands));
  const intents = countBy(log, intentOf);
  assert.equal(state.intents.labels.length, intents.size);
  assert.deepEqual(state.intents.datasets[0].data.reduce((a, b) => a + b, 0), log.length);
}

async function openDashboard(browser) {
  const dash = await browser.extensionPage('dashboard.html');
  await dash.waitFor(() => document.documentElement.dataset.ready === 'true' || null);
  return dash;
}

async function download(dash, button) {
  const [file] = await Promise.all([dash.page.waitForEvent('download'), dash.page.click(button)]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

describe('Hat Tip dashboard and popup (Chromium)', () => {
  let fresh;
  let x;
  let dash;
  const env = withBrowser(launchChromium, {}, async ({ server, browser }) => {
    const blog = await browser.newPage();
    await blog.goto(`${server.origin}/wordpress/`);
    await blog.waitFor(readyAtLeast, 1);
    await blog.close();
    x = await browser.newPage();
    await x.goto(`${server.origin}/x/`);
    await x.waitFor(readyAtLeast, 5);
    await openCardFor(x, '(question)');
    assert.match(await insertAndWait(x), /^Inserted/);
    await x.clickOverlay('[role="dialog"] [data-action="close"]');
    await x.clickPage('#layers [data-testid="app-bar-close"]');
    dash = await openDashboard(browser);
  });
  after(() => fresh?.close());

  test('numbers, charts and the waiting list are those of the log; filters and search narrow them', async () => {
    const log = await dash.evaluate(readLog);
    assert.ok(log.length >= 6, `the X page and the blog filled the log (${log.length})`);
    const kai = log.find((e) => e.author.handle === 'kai_dev');
    assert.ok(kai.actions.inserted > 0, 'the insert is recorded');
    assert.equal(kai.permalink, `${env.server.origin}/kai_dev/status/3`, "the post's own link, from the <time> around its date");
    assert.equal(kai.postedAt, Date.UTC(2026, 10, 1) + 3 * 3_600_000);
    assert.equal(log.find((e) => e.author.handle === 'anaruiz').reach.verified, true);
    assertMatchesLog(await dash.evaluate(dashboardState), log);

    await dash.page.selectOption('#f-brand', 'Zephyr Air');
    const zephyr = log.filter((e) => e.brand === 'Zephyr Air');
    await dash.waitFor((n) => Number(document.querySelector('[data-total="total"]').textContent) === n || null, zephyr.length);
    assertMatchesLog(await dash.evaluate(dashboardState), zephyr);
    await dash.page.selectOption('#f-brand', '');
    await dash.page.fill('#f-search', 'bag');
    const bag = log.filter((e) => /bag/i.test(e.text));
    assert.ok(bag.length >= 1);
    await dash.waitFor((n) => Number(document.querySelector('[data-total="total"]').textContent) === n || null, bag.length);
    await dash.page.fill('#f-search', '');
    await dash.waitFor((n) => Number(document.querySelector('[data-total="total"]').textContent) === n || null, log.length);
    assert.deepEqual(dash.errors, []);
  });

  test("the popup counts this page's mentions and opens a waiting one", async () => {
    // After a reload the page knows from the log which posts were answered.
    await x.goto(`${env.server.origin}/x/`);
    await x.waitFor(readyAtLeast, 5);
    const tabId = await dash.evaluate((origin) => chrome.tabs.query({ url: `${origin}/x/` }).then((t) => t[0].id), env.server.origin);
    const popup = await env.browser.newPage();
    await popup.goto(env.browser.extensionUrl(`popup.html?tab=${tabId}`));
    const line = await popup.waitFor(() => document.getElementById('page-count').textContent || null);
    const log = await dash.evaluate(readLog);
    const onX = log.filter((e) => e.platform === 'x');
    assert.equal(line, `On this page: ${onX.length} mentions, ${onX.filter(isWaiting).length} waiting for an answer.`);
    const counts = await popup.waitFor(() => document.getElementById('log-counts').textContent || null);
    assert.equal(counts, `Seen today: ${log.length} mentions; this week: ${log.length} mentions; in the log: ${log.length} mentions.`);
    const first = await popup.evaluate(() => document.querySelector('#page-waiting button').textContent);
    const waitingAuthor = onX.filter(isWaiting)[0].author.name;
    assert.ok(first.includes(waitingAuthor), first);
    await popup.page.click('#page-waiting button');
    const card = await x.waitFor(() => {
      const dialog = document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]');
      return dialog ? dialog.querySelector('[data-field="author"]').textContent : null;
    });
    assert.ok(card.startsWith(waitingAuthor), card);
    assert.equal((await x.evaluate(overlay)).card.intent, onX.filter(isWaiting)[0].intent);
    await x.clickOverlay('[role="dialog"] [data-action="close"]');
  });

  test('CSV and JSON export; import into a fresh browser shows the same dashboard, without duplicates; a bad file changes nothing', async () => {
    const log = await dash.evaluate(readLog);
    const csv = await download(dash, '#export-csv');
    assert.match(csv.name, /^hattip-mentions-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.ok(csv.text.startsWith('\ufefffirst_seen,'));
    assert.equal(csv.text.trimEnd().split('\r\n').length, 1 + log.length, 'a header and one line per mention');
    const json = await download(dash, '#export-json');
    assert.equal(JSON.parse(json.text).mentions.length, log.length);

    fresh = await launchChromium();
    const other = await openDashboard(fresh);
    assert.equal((await other.evaluate(dashboardState)).totals.total, 0);
    const bad = JSON.parse(json.text);
    bad.mentions[1].sentiment.score = 3;
    await other.page.setInputFiles('#import', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const refused = await other.waitFor(() => /refused/.test(document.getElementById('status').textContent) && document.getElementById('status').textContent);
    assert.match(refused, /mentions\[1\]\.sentiment\.score: 3 is not a score/);
    assert.match(refused, /unchanged/);
    assert.equal((await other.evaluate(readLog)).length, 0);

    await other.page.setInputFiles('#import', { name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
    await other.waitFor(() => /^Imported/.test(document.getElementById('status').textContent) || null);
    const theirs = await other.evaluate(dashboardState);
    const ours = await dash.evaluate(dashboardState);
    assert.deepEqual({ ...theirs, status: '' }, { ...ours, status: '' });
    assertMatchesLog(theirs, await other.evaluate(readLog));

    await other.page.setInputFiles('#import', { name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
    const again = await other.waitFor(() => /^Imported/.test(document.getElementById('status').textContent) && / 0 new/.test(document.getElementById('status').textContent) && document.getElementById('status').textContent);
    assert.match(again, new RegExp(`${log.length} merged`));
    assert.equal((await other.evaluate(readLog)).length, log.length);
    assert.deepEqual(other.errors, []);
  });

  test('a reload and a browser restart (the extension loaded again) lose nothing; texts can be dropped; Forget everything empties the log', async () => {
    const before = await dash.evaluate(readLog);
    await dash.page.reload();
    await dash.waitFor(() => document.documentElement.dataset.ready === 'true' || null);
    assert.equal((await dash.evaluate(dashboardState)).totals.total, before.length);

    // The browser restarts on the same profile and loads the extension again from disk (what an
    // update does): the log is all there.
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hattip-restart-'));
    try {
      let again = await launchChromium({ profile });
      const first = await openDashboard(again);
      await first.page.setInputFiles('#import', { name: 'log.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'hattip-mention-log', version: 1, mentions: before })) });
      await first.waitFor(() => /^Imported/.test(document.getElementById('status').textContent) || null);
      await again.close();
      again = await launchChromium({ profile });
      const restarted = await openDashboard(again);
      const byKey = (a, b) => a.key.localeCompare(b.key);
      assert.deepEqual((await restarted.evaluate(readLog)).sort(byKey), [...before].sort(byKey));
      await again.close();
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
    }

    assert.ok(before.some((e) => e.text));
    await dash.page.uncheck('#keep-text');
    await until(async () => {
      const all = await dash.evaluate(readLog);
      return all.length > 0 && all.every((e) => e.text === null);
    }, 'every stored text is dropped');

    await dash.page.click('#forget');
    assert.match(await dash.evaluate(() => document.getElementById('forget').textContent), /Press again to forget all \d+ mentions/);
    await dash.page.click('#forget');
    await dash.waitFor(() => document.getElementById('status').textContent === 'The mention log is empty.' || null);
    assert.equal((await dash.evaluate(readLog)).length, 0);
    assert.equal((await dash.evaluate(dashboardState)).totals.total, 0);
  });

  test('when storage refuses the log, the popup says so and Hat Tip goes on working', async () => {
    const full = await launchChromium();
    try {
      const popup = await full.newPage();
      await popup.goto(full.extensionUrl('popup.html'));
      const cdp = await full.context.newCDPSession(popup.page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: full.extensionUrl('').replace(/\/$/, ''), quotaSize: 1 });
      const page = await full.newPage();
      await page.goto(`${env.server.origin}/x/`);
      assert.equal(await page.waitFor(readyAtLeast, 5), 5, 'every mention still highlighted');
      await popup.page.reload();
      const problem = await popup.waitFor(() => {
        const p = document.getElementById('log-problem');
        return !p.hidden && p.textContent;
      });
      assert.match(problem, /^The mention log is full/);
      const card = await openCardFor(page, '(praise)');
      assert.equal(card.act, 'thank', 'the card works without the log');
      assert.deepEqual(page.errors.filter((e) => !/mention log/.test(e)), []);
    } finally {
      await full.close();
    }
  });
});
