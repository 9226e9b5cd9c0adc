// `./build.sh bench`: Hat Tip measured as a user gets it, in one headless Chromium run: the same
// pages loaded with the extension and without it (main-thread time from the page's own
// Performance metrics, long tasks, long animation frames and the share of Hat Tip's script in
// them), highlight latency with the background warm and cold, opening the card, heap per tab,
// the 30,000-word page and an infinite scroll next to mark.js, the mention log (tests/bench/log.mjs),
// the sizes shipped into a page, then the engine alone (tests/bench/engine.mjs). Prints markdown for BENCHMARKS.md and writes
// target/bench/results.json.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { makeProfile, flatTerms, words } from './data.mjs';
import { engineBench } from './engine.mjs';
import { logBench } from './log.mjs';
import { startServer } from '../support/server.mjs';
import { launchChromium, control } from '../support/browsers.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const out = path.join(root, 'target', 'bench');
fs.mkdirSync(out, { recursive: true });
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f1 = (x) => (x == null ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(0));
const results = { date: new Date().toISOString(), runs: RUNS };

// Long tasks and long animation frames, recorded from the start of every page.
const OBSERVE = () => {
  window.__perf = { longTasks: [], frames: [] };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__perf.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        const ours = e.scripts.filter((s) => /^chrome-extension:/.test(s.sourceURL)).reduce((n, s) => n + s.duration, 0);
        window.__perf.frames.push({ duration: e.duration, ours });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch { /* older browsers */ }
};

async function openPage(context) {
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}
const metric = async (cdp, name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value * 1000;
const idleTwice = (page) => page.evaluate(() => new Promise((r) => requestIdleCallback(() => requestIdleCallback(r, { timeout: 1000 }), { timeout: 1000 })));
const hatTipDone = (page, expected, timeout = 180000) => page.waitForFunction((n) => {
  const host = document.querySelector('hattip-overlay');
  if (!host || !host.hasAttribute('data-ready')) return false;
  return n == null || (CSS.highlights.get('h7t-m')?.size ?? 0) >= n;
}, expected, { timeout, polling: 50 });

/** Loads `url` and returns main-thread ms, long tasks and frames once `ready(page)` resolves. */
async function measureLoad(context, url, ready) {
  const { page, cdp } = await openPage(context);
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  await ready(page);
  const wallMs = Date.now() - t0;
  await idleTwice(page);
  const taskMs = await metric(cdp, 'TaskDuration');
  const perf = await page.evaluate(() => window.__perf);
  await page.close();
  return { taskMs, wallMs, maxTask: Math.max(0, ...perf.longTasks), longTasks: perf.longTasks.length,
    maxFrame: Math.max(0, ...perf.frames.map((f) => f.duration)), oursInFrames: Math.max(0, ...perf.frames.map((f) => f.ours)) };
}

// ---- browsers and pages ----
const server = await startServer();
const withExt = await launchChromium();
const plain = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'] });
const plainContext = await plain.newContext({ viewport: { width: 1100, height: 900 } });
const extContext = withExt.context;
console.log(`Chromium ${plain.version()}, ${RUNS} runs per cell (median)\n`);

// ---- 1. page load, with and without Hat Tip ----
const PAGES = [
  ['X fixture (strict CSP)', '/x/', 5],
  ['blog fixture', '/blog/', 2],
  ['X post, one 10 MB text node', '/hostile/?kind=text&shape=x&mb=10', 'all'],
  ['blog post, one 10 MB text node', '/hostile/?kind=text&shape=blog&mb=10', 'all'],
  ['blog with 20,000 comments (read as it scrolls: until the first screens are done)', '/hostile/?kind=comments&n=20000', 'window'],
  ['X timeline with 3,700 mentions (likewise)', '/hostile/?kind=mentions&n=3700', 'window'],
  ['X post nested 5,000 deep', '/hostile/?kind=deep&depth=5000', 'all'],
];
results.load = [];
console.log('## Loading a page with and without Hat Tip\n');
console.log('| page | main thread without ms | with ms | added ms | longest task without / with ms | longest frame without / with ms | Hat Tip script in a long frame, max ms | until all highlighted ms |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [name, url, want] of PAGES) {
  const rows = { without: [], with: [] };
  for (let i = 0; i < RUNS; i++) {
    rows.without.push(await measureLoad(plainContext, server.origin + url, (p) => idleTwice(p)));
    rows.with.push(await measureLoad(extContext, server.origin + url, async (p) => {
      const expected = want === 'all' ? await p.evaluate(() => window.__expected) : null;
      await hatTipDone(p, expected);
      if (typeof want === 'number') await p.waitForFunction((n) => Number(document.querySelector('hattip-overlay').getAttribute('data-ready')) >= n, want);
    }));
  }
  const m = (k, side) => median(rows[side].map((r) => r[k]));
  const row = { name, url, withoutMs: m('taskMs', 'without'), withMs: m('taskMs', 'with'), maxTaskWithout: m('maxTask', 'without'), maxTaskWith: m('maxTask', 'with'),
    maxFrameWithout: m('maxFrame', 'without'), maxFrameWith: m('maxFrame', 'with'), oursInFrames: m('oursInFrames', 'with'), wallMs: m('wallMs', 'with') };
  results.load.push(row);
  console.log(`| ${name} | ${f1(row.withoutMs)} | ${f1(row.withMs)} | ${f1(row.withMs - row.withoutMs)} | ${f1(row.maxTaskWithout)} / ${f1(row.maxTaskWith)} | ${f1(row.maxFrameWithout)} / ${f1(row.maxFrameWith)} | ${f1(row.oursInFrames)} | ${f1(row.wallMs)} |`);
}

// ---- 2. latency: a new post, warm and cold background; the card ----
console.log('\n## Latency on the X fixture\n');
{
  const page = await extContext.newPage();
  await page.goto(`${server.origin}/x/`);
  await hatTipDone(page, 7);
  const appendAndWait = () => page.evaluate(() => new Promise((resolve) => {
    const before = CSS.highlights.get('h7t-m').size;
    const t0 = performance.now();
    window.__fixture.more(3); // three tweets, at least one with a mention
    const tick = () => (CSS.highlights.get('h7t-m').size > before ? resolve(performance.now() - t0) : requestAnimationFrame(tick));
    tick();
  }));
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push(await appendAndWait());
  const cold = [];
  for (let i = 0; i < 3; i++) {
    await withExt.terminateWorker();
    cold.push(await appendAndWait());
  }
  // A real click (Hat Tip ignores a page's .click()), timed from its pointerdown in the page.
  await page.evaluate(() => document.addEventListener('pointerdown', () => { window.__down = performance.now(); }, true));
  const card = [];
  for (let i = 0; i < 5; i++) {
    if (i) await page.locator('hattip-overlay [role="dialog"] [data-action="close"]').click();
    await page.evaluate(() => {
      const root = document.querySelector('hattip-overlay').shadowRoot;
      window.__opened = new Promise((resolve) => {
        const seen = new MutationObserver(() => {
          if (root.querySelector('[role="dialog"]')) { seen.disconnect(); resolve(performance.now() - window.__down); }
        });
        seen.observe(root, { childList: true, subtree: true });
      });
    });
    await page.locator('hattip-overlay button[data-action="open"]').first().click();
    card.push(await page.evaluate(() => window.__opened));
  }
  results.latency = { warmMs: median(warm), coldMs: median(cold), cardMs: median(card), warm, cold, card };
  console.log('| what | median ms | runs |\n|---|---:|---|');
  console.log(`| new post → highlighted, background warm | ${f1(results.latency.warmMs)} | ${warm.map(f1).join(', ')} |`);
  console.log(`| new post → highlighted, service worker terminated first | ${f1(results.latency.coldMs)} | ${cold.map(f1).join(', ')} |`);
  console.log(`| click → card open | ${f1(results.latency.cardMs)} | ${card.map(f1).join(', ')} |`);
  console.log('\n(Measured in the page with requestAnimationFrame polling: times are rounded up to the next frame.)');
  await page.close();
}

// ---- 3. heap per tab ----
{
  const heap = async (context) => {
    const { page, cdp } = await openPage(context);
    await page.goto(`${server.origin}/x/`);
    if (context === extContext) await hatTipDone(page, 7);
    else await idleTwice(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await page.close();
    return usedSize / 1024;
  };
  const without = median(await Promise.all([0, 1, 2].map(() => heap(plainContext))));
  const withHt = median(await Promise.all([0, 1, 2].map(() => heap(extContext))));
  results.heap = { withoutKB: without, withKB: withHt };
  console.log('\n## Heap of one X tab (JS heap of the page and its content scripts, after GC)\n');
  console.log(`| without Hat Tip KB | with KB | added KB |\n|---:|---:|---:|\n| ${f1(without)} | ${f1(withHt)} | ${f1(withHt - without)} |`);
}

// ---- 4. the 30,000-word page and an infinite scroll, next to mark.js ----
const wordsServer = http.createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  if (u.pathname === '/mark.min.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(fs.readFileSync(path.join(root, 'node_modules', 'mark.js', 'dist', 'mark.min.js')));
  const terms = flatTerms(makeProfile(Number(u.searchParams.get('brands'))));
  const w = words(30000, terms, 11);
  const paras = [];
  for (let i = 0; i < 1200; i++) paras.push(`<p>${w.slice(i * 25, i * 25 + 25).join(' ')}</p>`);
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><head><meta charset="utf-8"><script src="/mark.min.js"></script></head><body><main><article>${paras.join('')}</article></main><div id="feed"></div></body></html>`);
});
await new Promise((r) => wordsServer.listen(0, '127.0.0.1', r));
const wordsOrigin = `http://127.0.0.1:${wordsServer.address().port}`;
results.words = [];
results.scroll = [];
console.log('\n## 30,000-word page (1,200 paragraphs) fully highlighted, next to mark.js\n');
console.log('| terms | Hat Tip: main thread added ms | longest task with Hat Tip ms | until all highlighted ms | mentions | mark.js main thread ms | mark.js mentions | mark.js ÷ Hat Tip |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const brands of [1, 100]) {
  const profile = makeProfile(brands);
  const terms = flatTerms(profile);
  await control(withExt, server.origin, { hattipTest: 'set', items: { profile } });
  const url = `${wordsOrigin}/?brands=${brands}`;
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const without = await measureLoad(plainContext, url, (p) => idleTwice(p));
    let count = 0;
    const withHt = await measureLoad(extContext, url, async (p) => {
      await hatTipDone(p, 1);
      count = await p.evaluate(() => CSS.highlights.get('h7t-m').size + (CSS.highlights.get('h7t-f')?.size ?? 0));
    });
    const page = await plainContext.newPage();
    await page.goto(url);
    const mark = await page.evaluate((t) => new Promise((resolve) => setTimeout(() => {
      const t0 = performance.now();
      let n = 0;
      new Mark(document.querySelector('article')).mark(t, { separateWordSearch: false, accuracy: 'exactly', diacritics: true, acrossElements: true, done: (c) => { n = c; } });
      resolve({ ms: performance.now() - t0, count: n });
    }, 0)), terms);
    await page.close();
    runs.push({ addedMs: withHt.taskMs - without.taskMs, maxTask: withHt.maxTask, wallMs: withHt.wallMs, count, markMs: mark.ms, markCount: mark.count });
  }
  const m = (k) => median(runs.map((r) => r[k]));
  const row = { terms: terms.length, addedMs: m('addedMs'), maxTask: m('maxTask'), wallMs: m('wallMs'), count: runs[0].count, markMs: m('markMs'), markCount: runs[0].markCount };
  results.words.push(row);
  console.log(`| ${row.terms} | ${f1(row.addedMs)} | ${f1(row.maxTask)} | ${f1(row.wallMs)} | ${row.count} | ${f1(row.markMs)} | ${row.markCount} | ${(row.markMs / Math.max(row.addedMs, 0.1)).toFixed(1)}× |`);

  // Infinite scroll: 500 posts of 25 words arriving in batches of 20, on the same page.
  const postWords = words(500 * 25, terms, 13);
  const scroll = async (context) => {
    const { page, cdp } = await openPage(context);
    await page.goto(url);
    if (context === extContext) await hatTipDone(page, 1);
    await idleTwice(page);
    const before = await metric(cdp, 'TaskDuration');
    await page.evaluate((w) => new Promise((resolve) => {
      let i = 0;
      const batch = () => {
        const feed = document.getElementById('feed');
        for (let k = 0; k < 20; k++, i++) {
          const a = document.createElement('article');
          a.textContent = w.slice(i * 25, i * 25 + 25).join(' ');
          feed.append(a);
        }
        scrollTo(0, document.documentElement.scrollHeight); // a reader following the feed
        if (i < 500) setTimeout(batch, 50); else resolve();
      };
      batch();
    }), postWords);
    if (context === extContext) await page.waitForFunction(() => document.querySelector('hattip-overlay').hasAttribute('data-ready'));
    await idleTwice(page);
    const ms = (await metric(cdp, 'TaskDuration')) - before;
    const perf = await page.evaluate(() => window.__perf);
    await page.close();
    return { ms, maxTask: Math.max(0, ...perf.longTasks) };
  };
  const sw = await scroll(plainContext);
  const sh = await scroll(extContext);
  results.scroll.push({ terms: terms.length, withoutMs: sw.ms, withMs: sh.ms, perPostMs: (sh.ms - sw.ms) / 500, maxTask: sh.maxTask });
}
await control(withExt, server.origin, { hattipTest: 'remove', keys: ['profile'] });
console.log('\n## Infinite scroll: 500 posts of 25 words arriving in batches of 20\n');
console.log('| terms | main thread without ms | with ms | added per post ms | longest task with Hat Tip ms |\n|---:|---:|---:|---:|---:|');
for (const r of results.scroll) console.log(`| ${r.terms} | ${f1(r.withoutMs)} | ${f1(r.withMs)} | ${r.perPostMs.toFixed(3)} | ${f1(r.maxTask)} |`);

// ---- 5. the mention log ----
results.log = await logBench(withExt, server.origin, f1);

await withExt.close();
await plain.close();
await server.close();
wordsServer.close();

// ---- 6. sizes ----
const sizes = {};
for (const f of ['dist/chrome/content.js', 'dist/chrome/content.css', 'dist/chrome/background.js', 'dist/chrome/dashboard.js', 'dist/chrome/pkg/hattip_bg.wasm', 'target/engine-size/engine.wasm']) {
  const bytes = fs.readFileSync(path.join(root, f));
  sizes[f] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
results.sizes = sizes;
console.log('\n## Sizes\n\n| file | where it runs | bytes | gzip -9 |\n|---|---|---:|---:|');
const where = { 'content.js': 'every page Hat Tip runs on', 'content.css': 'every page Hat Tip runs on', 'background.js': 'the background, once', 'dashboard.js': 'the dashboard page (with Chart.js)', 'hattip_bg.wasm': 'the background and the options page', 'engine.wasm': '(the engine alone, for comparison)' };
for (const [f, s] of Object.entries(sizes)) console.log(`| ${f} | ${where[path.basename(f)]} | ${s.raw.toLocaleString('en')} | ${s.gzip.toLocaleString('en')} |`);

// ---- 7. the engine alone ----
const engine = engineBench(root, out);
results.engine = engine;
console.log('\n## The engine: profile parse + compile and heap (brands × 10 terms)\n');
console.log('| brands | wasm in V8: parse + compile ms | wasm heap growth KB | native: parse + compile ms |\n|---:|---:|---:|---:|');
for (const c of engine.compile) console.log(`| ${c.brands} | ${f1(c.parseMs)} + ${f1(c.compileMs)} | ${Math.round(c.heapKB)} | ${f1(c.native.parse_ms)} + ${f1(c.native.compile_ms)} |`);
console.log(`\nThe background's wasm memory with the 1,000-brand profile compiled (wasm memory, which only grows, after compiling the 1 to 1,000-brand profiles): ${Math.round(engine.backgroundHeapKB)} KB.`);
console.log(`\n## Mention finding on a ${(fs.statSync(path.join(out, 'corpus.txt')).size / 1e6).toFixed(1)} MB text (100 brands × 10 terms)\n`);
console.log('| build | ms | MB/s | mentions |\n|---|---:|---:|---:|');
for (const t of engine.throughput) console.log(`| ${t.engine} | ${f1(t.ms)} | ${t.mbPerS.toFixed(1)} | ${t.count} |`);
if (engine.analysis.posts) {
  const a = engine.analysis;
  console.log(`\n## Whole analysis per post (${a.posts} tweeteval validation tweets, demo profile)\n`);
  console.log(`| build | ms/post |\n|---|---:|\n| wasm in V8, first pass | ${a.wasmFirstMs.toFixed(3)} |\n| wasm in V8, best of 3 | ${a.wasmBestMs.toFixed(3)} |\n| native CLI (incl. process start) | ${a.nativeCliMs.toFixed(3)} |`);
}
fs.writeFileSync(path.join(out, 'results.json'), JSON.stringify(results, null, 2));
