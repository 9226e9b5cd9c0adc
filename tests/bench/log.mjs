// The mention log's part of `./build.sh bench`, in the Chromium that has Hat Tip: what logging
// costs the page (a live X-shaped stream with the log on and off, in one run), 100 posts a second
// sustained (LOG_SUSTAIN_S seconds, 600 by default: no entry lost, the page's heap flat), the
// dashboard with 100,000 logged mentions (open, re-filter, CSV export) and the log's size per
// mention with and without the post texts.
import http from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { control } from '../support/browsers.mjs';

const SUSTAIN_S = Number(process.env.LOG_SUSTAIN_S ?? 600);
const RATE = 100;
const KEEP = 300;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A live stream in X's markup: `perTick` new posts on top every 100 ms, each with a mention and
 *  its own status link, the oldest removed beyond KEEP (as a virtualised timeline does). */
const STREAM = `<!doctype html><html><head><meta charset="utf-8"></head><body><main><div id="feed"></div></main><script>
window.__added = 0;
window.startStream = (perTick) => {
  const feed = document.getElementById('feed');
  window.__timer = setInterval(() => {
    for (let k = 0; k < perTick; k++) {
      const i = ++window.__added;
      const a = document.createElement('article');
      a.setAttribute('data-testid', 'tweet');
      a.innerHTML = '<div data-testid="User-Name"><a href="/u' + (i % 97) + '"><span>User ' + (i % 97) + '</span></a>'
        + '<a href="/u' + (i % 97) + '" tabindex="-1"><span>@u' + (i % 97) + '</span></a>'
        + '<a href="/u' + (i % 97) + '/status/' + i + '"><time datetime="2026-11-01T10:00:00Z">1m</time></a></div>'
        + '<div data-testid="tweetText">Loved the Cold Brew Reserve at @northwindcoffee, order ' + i + '</div>'
        + '<div role="group"><button data-testid="reply" aria-label="Reply">r</button></div>';
      feed.prepend(a);
    }
    while (feed.childElementCount > ${KEEP}) feed.lastElementChild.remove();
  }, 100);
};
window.stopStream = () => clearInterval(window.__timer);
</script></body></html>`;

/** In an extension page: the log's entry count. */
const countLog = () => new Promise((resolve) => {
  const open = indexedDB.open('hattip-log');
  open.onsuccess = () => {
    const c = open.result.transaction('mentions').objectStore('mentions').count();
    c.onsuccess = () => { open.result.close(); resolve(c.result); };
  };
});

/** In an extension page: `n` realistic entries written straight into the log (5,000 per
 *  transaction), over the last 90 days, with or without their texts; resolves to their mean size
 *  as UTF-8 JSON (bytes). */
const fillLog = ({ n, withText }) => new Promise((resolve, reject) => {
  const brands = ['Northwind Coffee', 'Zephyr Air', 'Orbit'];
  const sites = ['x.com', 'facebook.com', 'blog.example', 'forum.example', 'news.example'];
  const intents = ['praise', 'complaint', 'question', 'suggestion', 'offensive', 'other'];
  const langs = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'ja'];
  const words = 'lovely great slow delayed refund espresso flight lounge notes sync crema bag crew seat app tags export price staff'.split(' ');
  const now = Date.now();
  const open = indexedDB.open('hattip-log');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    let i = 0;
    let bytes = 0;
    const batch = () => {
      const tx = db.transaction('mentions', 'readwrite');
      const store = tx.objectStore('mentions');
      for (let k = 0; k < 5000 && i < n; k++, i++) {
        const intent = intents[i % 6];
        const seen = now - Math.floor(((i * 7919) % 1000) / 1000 * 90 * 86_400_000);
        const entry = {
          key: (i + 1).toString(16).padStart(32, '0'), brand: brands[i % 3], matched: [brands[i % 3]], site: sites[i % 5],
          platform: i % 5 === 0 ? 'x' : i % 5 === 1 ? 'facebook' : 'blog', url: `https://${sites[i % 5]}/page/${i % 1000}`,
          permalink: `https://${sites[i % 5]}/post/${i}`, author: { name: `Person ${i % 5000}`, handle: `p${i % 5000}` },
          reach: { verified: i % 50 === 0, followers: i % 7 === 0 ? (i * 37) % 100000 : null, group: null },
          postedAt: seen - 3_600_000, firstSeen: seen, lastSeen: seen, seen: 1 + (i % 3), language: langs[i % 8],
          sentiment: { label: intent === 'praise' ? 'positive' : intent === 'complaint' ? 'negative' : 'neutral', score: intent === 'praise' ? 0.6 : intent === 'complaint' ? -0.5 : 0 },
          intent, act: 'thank',
          text: withText ? `${brands[i % 3]} ${words[i % 19]} ${words[(i * 3) % 19]} and the ${words[(i * 7) % 19]} was ${words[(i * 11) % 19]}, post ${i}` : null,
          actions: { inserted: i % 4 === 0 ? seen + 1000 : null, copied: null, dismissed: null, corrected: null },
        };
        bytes += new TextEncoder().encode(JSON.stringify(entry)).length;
        store.put(entry);
      }
      tx.oncomplete = () => (i < n ? batch() : (db.close(), resolve(bytes / n)));
      tx.onerror = () => reject(tx.error);
    };
    batch();
  };
});

/** In the dashboard: choosing a brand, from the input event to the next frame drawn (ms). */
const measureRefilter = () => new Promise((resolve) => {
  const select = document.getElementById('f-brand');
  const t0 = performance.now();
  select.value = select.value === 'Zephyr Air' ? 'Orbit' : 'Zephyr Air';
  select.dispatchEvent(new Event('input', { bubbles: true }));
  requestAnimationFrame(() => resolve(performance.now() - t0));
});

async function extensionPage(browser, file) {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl(file));
  return page;
}

async function forgetLog(browser) {
  const page = await extensionPage(browser, 'popup.html');
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'hattip:log-forget' }));
  await page.close();
}

/** Runs the stream for `seconds` at `perTick` × 10 posts a second; main-thread ms per post. */
async function stream(browser, origin, seconds, perTick, { heap = false } = {}) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${origin}/stream`);
  await page.waitForFunction(() => document.querySelector('hattip-overlay'));
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  const heapKB = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024;
  };
  const t0 = await task();
  await page.evaluate((n) => window.startStream(n), perTick);
  const heaps = [];
  const started = Date.now();
  while (Date.now() - started < seconds * 1000) {
    await page.waitForTimeout(Math.min(30_000, seconds * 1000));
    if (heap) heaps.push({ s: Math.round((Date.now() - started) / 1000), kb: await heapKB() });
  }
  await page.evaluate(() => window.stopStream());
  await page.waitForFunction(() => {
    const host = document.querySelector('hattip-overlay');
    return host && host.hasAttribute('data-ready');
  });
  const added = await page.evaluate(() => window.__added);
  const ms = (await task()) - t0;
  await page.close();
  return { added, ms, perPostMs: ms / added, heaps };
}

/** `controlOrigin`: the fixture server, whose /control/ page changes Hat Tip's storage. */
/** The time source.js takes per post on the stream's markup (2,000 posts), in plain Chromium. */
async function sourceCost(origin) {
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const probe = (await build({ entryPoints: [path.join(dir, 'source-cost.js')], bundle: true, format: 'iife', write: false, logLevel: 'error' })).outputFiles[0].text;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/stream`);
    await page.evaluate(() => { window.startStream(2000); });
    await page.waitForFunction(() => window.__added >= 2000);
    await page.evaluate(() => window.stopStream());
    await page.evaluate(() => { while (document.getElementById('feed').childElementCount < 2000) document.getElementById('feed').append(document.getElementById('feed').firstElementChild.cloneNode(true)); });
    await page.addScriptTag({ content: probe });
    return await page.evaluate(() => window.__timeSources(5));
  } finally {
    await browser.close();
  }
}

export async function logBench(browser, controlOrigin, f1) {
  const server = http.createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(STREAM));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const results = {};

  // 1. What logging costs the page: reading each post's source, timed alone; and the same stream
  // with the log on and off (the whole page's main thread, noisier).
  results.source = await sourceCost(origin);
  const rows = { on: [], off: [] };
  for (let i = 0; i < 3; i++) {
    for (const side of ['off', 'on']) {
      await control(browser, controlOrigin, { hattipTest: 'set', items: { logSettings: { enabled: side === 'on' } } });
      rows[side].push((await stream(browser, origin, 20, 10)).perPostMs);
    }
  }
  results.perPost = { onMs: median(rows.on), offMs: median(rows.off) };
  await forgetLog(browser);

  // 2. Sustained: 100 posts a second; every post logged, the page's heap flat.
  const sustained = await stream(browser, origin, SUSTAIN_S, RATE / 10, { heap: true });
  const admin = await extensionPage(browser, 'popup.html');
  await admin.evaluate(() => chrome.runtime.sendMessage({ type: 'hattip:log-flush' }));
  const logged = await admin.evaluate(countLog);
  results.sustained = { seconds: SUSTAIN_S, added: sustained.added, logged, heaps: sustained.heaps };
  await admin.evaluate(() => chrome.runtime.sendMessage({ type: 'hattip:log-forget' }));

  // 3. The dashboard with 100,000 mentions; 4. the size per mention.
  const size = {};
  for (const withText of [false, true]) {
    await admin.evaluate(() => chrome.runtime.sendMessage({ type: 'hattip:log-forget' }));
    size[withText ? 'withText' : 'withoutText'] = await admin.evaluate(fillLog, { n: 100_000, withText });
  }
  results.sizePerMention = size;
  const open = [];
  const complete = [];
  const refilter = [];
  const refilterAll = [];
  const exportMs = [];
  for (let i = 0; i < 3; i++) {
    const dash = await extensionPage(browser, 'dashboard.html');
    await dash.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60_000 });
    open.push(Number(await dash.evaluate(() => document.documentElement.dataset.firstDrawAt)));
    complete.push(Number(await dash.evaluate(() => document.documentElement.dataset.readyAt)));
    refilter.push(await dash.evaluate(measureRefilter));
    await dash.selectOption('#f-brand', '');
    await dash.selectOption('#f-period', 'all');
    refilterAll.push(await dash.evaluate(measureRefilter));
    const [download] = await Promise.all([dash.waitForEvent('download'), dash.click('#export-csv')]);
    await download.path();
    exportMs.push(Number(await dash.evaluate(() => document.documentElement.dataset.exportMs)));
    await dash.close();
  }
  results.dashboard = { openMs: median(open), completeMs: median(complete), refilterMs: median(refilter), refilterAllMs: median(refilterAll), csvMs: median(exportMs), open, refilter, exportMs };
  await admin.evaluate(() => chrome.runtime.sendMessage({ type: 'hattip:log-forget' }));
  await admin.close();
  await control(browser, controlOrigin, { hattipTest: 'remove', keys: ['logSettings'] });
  server.close();

  const h = results.sustained.heaps;
  console.log('\n## The mention log\n');
  console.log('| what | measured | target |\n|---|---:|---:|');
  console.log(`| reading where a post was seen (source.js), the only page-side work of the log, per post (${results.source.posts} X-shaped posts, ${results.source.withPermalink} with their link found; median of 5 passes) | ${results.source.perPostMs.toFixed(4)} ms | ≤ 0.1 ms |`);
  console.log(`| page main thread per post, log on / off (live X-shaped stream, 100 posts/s for 20 s, median of 3) | ${results.perPost.onMs.toFixed(3)} / ${results.perPost.offMs.toFixed(3)} ms (logging adds ${(results.perPost.onMs - results.perPost.offMs).toFixed(3)} ms) | ≤ 0.1 ms added |`);
  console.log(`| ${SUSTAIN_S} s at 100 posts/s: posts added / entries logged | ${results.sustained.added} / ${results.sustained.logged} | none lost |`);
  console.log(`| page heap after GC at ${h[0]?.s} s / at the end (${h.at(-1)?.s} s) | ${f1(h[0]?.kb)} / ${f1(h.at(-1)?.kb)} KB | flat |`);
  console.log(`| dashboard opens with 100,000 mentions in the log: navigation start → the default period (last 30 days, about 33,000) drawn | ${f1(results.dashboard.openMs)} ms | ≤ 1,000 ms |`);
  console.log(`| … and the whole log read (every period, filter choices) | ${f1(results.dashboard.completeMs)} ms | |`);
  console.log(`| dashboard re-filters by brand (last 30 days), input → next frame | ${f1(results.dashboard.refilterMs)} ms | ≤ 200 ms |`);
  console.log(`| … the same over the whole log (100,000) | ${f1(results.dashboard.refilterAllMs)} ms | ≤ 200 ms |`);
  console.log(`| CSV export of 100,000 mentions | ${f1(results.dashboard.csvMs)} ms | ≤ 3,000 ms |`);
  console.log(`| size of one mention as UTF-8 JSON, without / with its text (mean of 100,000; IndexedDB stores about as much) | ${f1(size.withoutText)} / ${f1(size.withText)} bytes | (reported) |`);
  return results;
}
