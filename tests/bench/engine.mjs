// The engine alone, timed in V8 (Node) from the bench build of the wasm (`--features bench`,
// never shipped) next to the native build: profile parse + compile time and wasm heap for 1 to
// 1,000 brands, mention-finding throughput, and whole analysis per post. Returns plain numbers;
// tests/bench/run.mjs prints them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { makeProfile, flatTerms, words } from './data.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f, runs = 5) => median(Array.from({ length: runs }, () => { const t = performance.now(); f(); return performance.now() - t; }));

export function engineBench(root, out) {
  const wasm = createRequire(import.meta.url)(path.join(root, 'target', 'bench-wasm', 'pkg', 'hattip.js'));
  const results = { compile: [], throughput: [], analysis: [] };
  const profiles = [1, 10, 100, 1000].map((brands) => {
    const file = path.join(out, `profile-${brands}.json`);
    fs.writeFileSync(file, JSON.stringify(makeProfile(brands)));
    return { brands, file, json: fs.readFileSync(file, 'utf8') };
  });
  const corpus = words(850000, flatTerms(makeProfile(100)), 17).join(' ');
  fs.writeFileSync(path.join(out, 'corpus.txt'), corpus);
  execFileSync('cargo', ['build', '--quiet', '--release', '--bin', 'hattip', '--example', 'matcher_bench'], { cwd: root });
  const native = execFileSync(path.join(root, 'target', 'release', 'examples', 'matcher_bench'), [path.join(out, 'corpus.txt'), ...profiles.map((p) => p.file)], { encoding: 'utf8' })
    .trim().split('\n').map((l) => JSON.parse(l));
  for (const [i, p] of profiles.entries()) {
    const heapBefore = wasm.heap_bytes();
    const parseMs = time(() => wasm.bench_parse(p.json));
    const compileMs = time(() => new wasm.BenchEngine(p.json).free());
    const kept = new wasm.BenchEngine(p.json);
    results.compile.push({ brands: p.brands, parseMs, compileMs, heapKB: (wasm.heap_bytes() - heapBefore) / 1024, native: native[i] });
    // Memory only grows; until here it held nothing but compiled profiles, so this is what the
    // background holds with the 1,000-brand profile (and the smaller ones it compiled before).
    if (p.brands === 1000) results.backgroundHeapKB = wasm.heap_bytes() / 1024;
    kept.free();
  }
  const hundred = new wasm.BenchEngine(profiles[2].json);
  let count = 0;
  const ms = time(() => { count = hundred.mentions(corpus); });
  hundred.free();
  results.throughput.push({ engine: 'wasm (V8, Node)', ms, mbPerS: corpus.length / 1e6 / (ms / 1000), count });
  results.throughput.push({ engine: 'native (release)', ms: native[2].find_ms, mbPerS: native[2].mb_per_s, count: native[2].mentions });
  const tweets = path.join(root, '..', 'shared', 'data', 'tweeteval', 'sentiment', 'val_text.txt');
  if (fs.existsSync(tweets)) {
    const texts = fs.readFileSync(tweets, 'utf8').split('\n').filter(Boolean);
    const demo = fs.readFileSync(path.join(root, 'profiles', 'demo.json'), 'utf8');
    const engine = new wasm.BenchEngine(demo);
    const first = time(() => texts.forEach((t) => engine.analyze(t)), 1) / texts.length;
    const best = Math.min(...[0, 1, 2].map(() => time(() => texts.forEach((t) => engine.analyze(t)), 1))) / texts.length;
    const input = texts.map((t, i) => JSON.stringify({ id: i, text: t })).join('\n');
    const t0 = performance.now();
    execFileSync(path.join(root, 'target', 'release', 'hattip'), ['analyze'], { input, maxBuffer: 1 << 28 });
    results.analysis = { posts: texts.length, wasmFirstMs: first, wasmBestMs: best, nativeCliMs: (performance.now() - t0) / texts.length };
  }
  return results;
}
