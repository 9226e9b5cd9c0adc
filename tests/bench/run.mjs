// `./build.sh bench`: Hat Tip's highlighter (wasm and wasm2js builds) side by side with mark.js
// and a plain RegExp alternation, in one headless Chromium run, on the same generated pages and
// terms; then profile compile time/memory and matcher throughput in wasm, wasm2js and native.
// Prints markdown tables (copied into BENCHMARKS.md) and writes target/bench/results.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { makeProfile, flatTerms, words } from './data.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const out = path.join(root, 'target', 'bench');
fs.mkdirSync(out, { recursive: true });
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ENGINES = ['hattip-wasm', 'hattip-wasm2js', 'mark.js', 'regexp'];
const FIRST_ENGINES = ['hattip-wasm', 'hattip-wasm2js', 'hattip-wasm, 8 ms slices', 'hattip-wasm2js, 8 ms slices', 'mark.js', 'regexp'];

const FILES = {
  '/content.css': path.join(root, 'extension', 'content.css'),
  '/content-wasm.js': path.join(root, 'dist', 'chrome', 'content-wasm.js'),
  '/content-w2j.js': path.join(root, 'dist', 'chrome', 'content-w2j.js'),
  '/mark.min.js': path.join(root, 'node_modules', 'mark.js', 'dist', 'mark.min.js'),
  '/page.js': path.join(root, 'tests', 'bench', 'page.js'),
};
const HTML = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/content.css">
<style>::highlight(peer-regexp){background:#fd0}mark{background:#fd0}</style></head>
<body><main id="page"></main><div id="feed"></div>
<script src="/mark.min.js"></script><script src="/content-wasm.js"></script><script src="/content-w2j.js"></script><script src="/page.js"></script></body></html>`;

for (const f of Object.values(FILES)) if (!fs.existsSync(f)) throw new Error(`${f} missing: run ./build.sh first`);
const server = http.createServer((req, res) => {
  const file = FILES[req.url];
  if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html' }).end(HTML);
  else if (file) res.writeHead(200, { 'Content-Type': file.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(fs.readFileSync(file));
  else res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
});
const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
async function freshPage() {
  const page = await context.newPage();
  await page.goto(origin);
  return page;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f1 = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const results = { date: new Date().toISOString(), chromium: browser.version(), runs: RUNS, first: {}, scroll: {}, compile: [], throughput: [] };

const sets = { 10: makeProfile(1), 1000: makeProfile(100) };
console.log(`Chromium ${browser.version()}, ${RUNS} runs per cell (median)\n`);
console.log('## First highlight of a 30,000-word page (1,200 paragraphs, 3,600 text nodes)\n');
console.log('| terms | engine | mentions | scan+apply ms | to next frame ms | clear → frame ms | long tasks (max ms) |');
console.log('|---:|---|---:|---:|---:|---:|---|');
for (const [n, profile] of Object.entries(sets)) {
  const terms = flatTerms(profile);
  const pageWords = words(30000, terms, 11);
  const json = JSON.stringify(profile);
  results.first[n] = {};
  for (const engine of FIRST_ENGINES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await freshPage();
      await page.evaluate((w) => window.__bench.page(w), pageWords);
      runs.push(await page.evaluate(([e, j, t]) => window.__bench.firstHighlight(e, j, t), [engine, json, terms])
        .catch((error) => ({ error: error.message.split('\n')[0].slice(0, 80) })));
      await page.close();
    }
    if (runs.some((r) => r.error)) {
      results.first[n][engine] = { error: runs.find((r) => r.error).error };
      console.log(`| ${n} | ${engine} | failed: ${results.first[n][engine].error} | | | | |`);
      continue;
    }
    const cell = {
      count: runs[0].count, scanMs: median(runs.map((r) => r.scanMs)), toFrameMs: median(runs.map((r) => r.toFrameMs)),
      clearMs: median(runs.map((r) => r.clearMs)), longTasks: runs.map((r) => r.longTasks),
    };
    results.first[n][engine] = cell;
    const lt = cell.longTasks.map((l) => l.max).sort((a, b) => a - b);
    console.log(`| ${n} | ${engine} | ${cell.count} | ${f1(cell.scanMs)} | ${f1(cell.toFrameMs)} | ${f1(cell.clearMs)} | ${cell.longTasks.reduce((s, l) => s + l.count, 0)} (${lt.at(-1)}) |`);
  }
}

console.log('\n## Infinite scroll: 500 posts of 25 words arriving in batches of 20\n');
console.log('| terms | engine | mentions | ms per appended post | worst batch ms | long tasks |');
console.log('|---:|---|---:|---:|---:|---:|');
for (const [n, profile] of Object.entries(sets)) {
  const terms = flatTerms(profile);
  const postWords = words(500 * 25 + 50, terms, 13);
  results.scroll[n] = {};
  for (const engine of ENGINES) {
    const page = await freshPage();
    const r = await page.evaluate(([e, j, t, w]) => window.__bench.scroll(e, j, t, w), [engine, JSON.stringify(profile), terms, postWords])
      .catch((error) => ({ error: error.message.split('\n')[0].slice(0, 80) }));
    await page.close();
    if (r.error) {
      results.scroll[n][engine] = r;
      console.log(`| ${n} | ${engine} | failed: ${r.error} | | | |`);
      continue;
    }
    results.scroll[n][engine] = r;
    console.log(`| ${n} | ${engine} | ${r.count} | ${r.msPerPost.toFixed(3)} | ${f1(r.worstBatchMs)} | ${r.longTasks.count} |`);
  }
}

console.log('\n## Profile compile time and memory (brands × 10 terms)\n');
console.log('| brands | terms | wasm: parse + compile ms | wasm heap growth KB | wasm2js: parse + compile ms | native: parse + compile ms |');
console.log('|---:|---:|---:|---:|---:|---:|');
const corpusWords = words(850000, flatTerms(sets[1000]), 17).join(' ');
fs.writeFileSync(path.join(out, 'corpus.txt'), corpusWords);
const profilePaths = [];
for (const brands of [1, 10, 100, 1000]) {
  const p = path.join(out, `profile-${brands}.json`);
  fs.writeFileSync(p, JSON.stringify(brands === 100 ? sets[1000] : makeProfile(brands)));
  profilePaths.push(p);
}
execFileSync('cargo', ['build', '--quiet', '--release', '--bin', 'hattip'], { cwd: root });
const native = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'matcher_bench', '--', path.join(out, 'corpus.txt'), ...profilePaths], { cwd: root, encoding: 'utf8' })
  .trim().split('\n').map((l) => JSON.parse(l));
for (const [i, brands] of [1, 10, 100, 1000].entries()) {
  const json = fs.readFileSync(profilePaths[i], 'utf8');
  const cells = {};
  for (const engine of ['hattip-wasm', 'hattip-wasm2js']) {
    const samples = [];
    for (let r = 0; r < RUNS; r++) {
      const page = await freshPage();
      samples.push(await page.evaluate(([e, j]) => window.__bench.compile(e, j), [engine, json]));
      await page.close();
    }
    cells[engine] = { ms: median(samples.map((s) => s.ms)), parseMs: median(samples.map((s) => s.parseMs)),
      compileMs: median(samples.map((s) => s.compileMs)), heapGrowthKB: median(samples.map((s) => s.heapGrowthKB)) };
  }
  results.compile.push({ brands, ...cells, native: native[i] });
  const pc = (c) => `${f1(c.parseMs)} + ${f1(c.compileMs)}`;
  console.log(`| ${brands} | ${brands * 10} | ${pc(cells['hattip-wasm'])} | ${Math.round(cells['hattip-wasm'].heapGrowthKB)} | ${pc(cells['hattip-wasm2js'])} | ${f1(native[i].parse_ms)} + ${f1(native[i].compile_ms)} |`);
}

console.log(`\n## Matcher throughput on a ${(corpusWords.length / 1e6).toFixed(1)} MB text (100 brands × 10 terms)\n`);
console.log('| build | ms | MB/s | mentions |');
console.log('|---|---:|---:|---:|');
for (const engine of ['hattip-wasm', 'hattip-wasm2js']) {
  const page = await freshPage();
  const r = await page.evaluate(([e, j, t]) => window.__bench.throughput(e, j, t), [engine, JSON.stringify(sets[1000]), corpusWords]);
  await page.close();
  results.throughput.push({ engine, ...r });
  console.log(`| ${engine} (Chromium) | ${f1(r.ms)} | ${r.mbPerS.toFixed(1)} | ${r.count} |`);
}
const n100 = native[2];
results.throughput.push({ engine: 'native', ms: n100.find_ms, mbPerS: n100.mb_per_s, count: n100.mentions });
console.log(`| native (release) | ${f1(n100.find_ms)} | ${n100.mb_per_s.toFixed(1)} | ${n100.mentions} |`);

const tweets = path.join(root, '..', 'shared', 'data', 'tweeteval', 'sentiment', 'val_text.txt');
if (fs.existsSync(tweets)) {
  const texts = fs.readFileSync(tweets, 'utf8').split('\n').filter(Boolean);
  console.log(`\n## Whole analysis per post (${texts.length} tweeteval validation tweets, demo profile)\n`);
  console.log('| build | first pass ms/post | best of 3 ms/post |');
  console.log('|---|---:|---:|');
  const demo = fs.readFileSync(path.join(root, 'profiles', 'demo.json'), 'utf8');
  results.analysis = [];
  for (const engine of ['hattip-wasm', 'hattip-wasm2js']) {
    const page = await freshPage();
    const r = await page.evaluate(([e, j, t]) => window.__bench.analysis(e, j, t), [engine, demo, texts]);
    await page.close();
    results.analysis.push({ engine, ...r });
    console.log(`| ${engine} (Chromium) | ${r.firstMsPerPost.toFixed(3)} | ${r.msPerPost.toFixed(3)} |`);
  }
  const input = texts.map((t, i) => JSON.stringify({ id: i, text: t })).join('\n');
  const t0 = process.hrtime.bigint();
  execFileSync(path.join(root, 'target', 'release', 'hattip'), ['analyze'], { input, maxBuffer: 1 << 28 });
  const nativeMs = Number(process.hrtime.bigint() - t0) / 1e6 / texts.length;
  results.analysis.push({ engine: 'native', msPerPost: nativeMs });
  console.log(`| native CLI (incl. process start) | ${nativeMs.toFixed(3)} | |`);
} else {
  console.log('\n(../shared/data not found: per-post analysis timing skipped)');
}

const sizes = {};
// target/engine-size/engine.wasm: the engine without the browser layer (build.sh engine_alone).
for (const f of ['dist/chrome/pkg/hattip_bg.wasm', 'dist/chrome/content-wasm.js', 'dist/chrome/content-w2j.js', 'target/engine-size/engine.wasm']) {
  const bytes = fs.readFileSync(path.join(root, f));
  const { gzipSync } = await import('node:zlib');
  sizes[f] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
results.sizes = sizes;
console.log('\n## Sizes\n\n| file | bytes | gzip -9 |\n|---|---:|---:|');
for (const [f, s] of Object.entries(sizes)) console.log(`| ${f} | ${s.raw.toLocaleString('en')} | ${s.gzip.toLocaleString('en')} |`);

fs.writeFileSync(path.join(out, 'results.json'), JSON.stringify(results, null, 2));
await browser.close();
server.close();
