// Runs in the benchmark page (no extension): the same engines on the same DOM, one at a time.
// window.__bench.run(options) → numbers. Engines: Hat Tip wasm and wasm2js builds (their Bench
// export uses the content script's own text-flow/matcher/highlight code), mark.js, and a plain
// RegExp alternation that paints with the same CSS Custom Highlight API.
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
/** Runs `f` as its own task (as a page event would), so the long-task observer can see it. */
const asTask = (f) => new Promise((resolve, reject) => setTimeout(() => { try { resolve(f()); } catch (e) { reject(e); } }, 0));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function hattip(boot) {
  return (profileJson) => {
    const api = boot();
    const bench = new api.Bench(profileJson);
    return { highlight: (root) => bench.highlight(root, 'p'), clear: () => bench.clear(), api, bench };
  };
}

/** As the content script works: 8 ms slices, yielding to the page in between. */
function hattipSliced(boot) {
  return (profileJson) => {
    const bench = new (boot().Bench)(profileJson);
    return {
      sliced: async (root) => {
        let next = 0;
        let count = 0;
        const total = root.querySelectorAll('p').length;
        while (next < total) {
          next = await asTask(() => bench.highlight_slice(root, 'p', next, 8));
          count += bench.slice_count;
        }
        return count;
      },
      clear: () => bench.clear(),
    };
  };
}

const ENGINES = {
  'hattip-wasm': hattip(() => globalThis.__hattipWasm()),
  'hattip-wasm2js': hattip(() => globalThis.__hattipW2j()),
  'hattip-wasm, 8 ms slices': hattipSliced(() => globalThis.__hattipWasm()),
  'hattip-wasm2js, 8 ms slices': hattipSliced(() => globalThis.__hattipW2j()),
  'mark.js': (_, terms) => ({
    highlight: (root) => {
      let n = 0;
      new Mark(root).mark(terms, { separateWordSearch: false, accuracy: 'exactly', diacritics: true, acrossElements: true,
        done: (count) => { n = count; } });
      return n;
    },
    clear: () => new Mark(document.body).unmark(),
  }),
  regexp: (_, terms) => {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${[...terms].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
    const hl = new Highlight();
    CSS.highlights.set('peer-regexp', hl);
    return {
      highlight: (root) => {
        let n = 0;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          re.lastIndex = 0;
          for (let m = re.exec(t.data); m; m = re.exec(t.data)) {
            const r = new Range();
            r.setStart(t, m.index);
            r.setEnd(t, m.index + m[0].length);
            hl.add(r);
            n++;
          }
        }
        return n;
      },
      clear: () => hl.clear(),
    };
  },
};

function watchLongTasks() {
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  return async () => {
    await new Promise((r) => setTimeout(r, 50)); // long-task entries arrive after the task
    tasks.push(...observer.takeRecords().map((e) => e.duration));
    observer.disconnect();
    return { count: tasks.length, max: Math.round(Math.max(0, ...tasks)) };
  };
}

function paragraph(words, offset) {
  const p = document.createElement('p');
  const a = words.slice(offset, offset + 8).join(' ');
  const b = words.slice(offset + 8, offset + 16).join(' ');
  const c = words.slice(offset + 16, offset + 25).join(' ');
  const bold = document.createElement('b');
  bold.textContent = ` ${b} `;
  p.append(a, bold, c);
  return p;
}

window.__bench = {
  /** Builds the page: 30,000 words in paragraphs split into 3 text nodes by a <b>. */
  page(words) {
    const main = document.getElementById('page');
    for (let i = 0; i < words.length; i += 25) main.append(paragraph(words, i));
    return main.querySelectorAll('p').length;
  },
  async firstHighlight(engine, profileJson, terms) {
    const e = ENGINES[engine](profileJson, terms);
    const stop = watchLongTasks();
    let t0 = performance.now();
    let t1;
    let count;
    if (e.sliced) {
      count = await e.sliced(document.getElementById('page'));
      t1 = performance.now();
    } else {
      count = await asTask(() => {
        t0 = performance.now();
        const n = e.highlight(document.getElementById('page'));
        t1 = performance.now();
        return n;
      });
    }
    await frames();
    const t2 = performance.now();
    e.clear();
    const t3 = performance.now();
    await frames();
    const t4 = performance.now();
    return { count, scanMs: t1 - t0, toFrameMs: t2 - t0, clearMs: t4 - t3, longTasks: await stop() };
  },
  async scroll(engine, profileJson, terms, words, posts = 500, batch = 20) {
    const e = ENGINES[engine](profileJson, terms);
    const feed = document.getElementById('feed');
    const stop = watchLongTasks();
    let total = 0;
    let worst = 0;
    let count = 0;
    for (let i = 0; i < posts; i += batch) {
      const container = document.createElement('section');
      for (let j = 0; j < batch; j++) {
        const article = document.createElement('article');
        article.append(paragraph(words, ((i + j) * 25) % (words.length - 25)));
        container.append(article);
      }
      feed.append(container);
      const ms = await asTask(() => {
        const t0 = performance.now();
        count += e.highlight(container);
        return performance.now() - t0;
      });
      total += ms;
      worst = Math.max(worst, ms);
      await frames();
    }
    return { posts, count, msPerPost: total / posts, worstBatchMs: worst, longTasks: await stop() };
  },
  compile(engine, profileJson) {
    const boot = engine === 'hattip-wasm' ? () => globalThis.__hattipWasm() : () => globalThis.__hattipW2j();
    const api = boot();
    const before = api.heap_bytes();
    const t0 = performance.now();
    const bench = new api.Bench(profileJson);
    const ms = performance.now() - t0;
    return { ms, parseMs: bench.parse_ms, compileMs: bench.compile_ms, heapGrowthKB: (api.heap_bytes() - before) / 1024, heapKB: api.heap_bytes() / 1024 };
  },
  analysis(engine, profileJson, texts) {
    const boot = engine === 'hattip-wasm' ? () => globalThis.__hattipWasm() : () => globalThis.__hattipW2j();
    const bench = new (boot().Bench)(profileJson);
    const times = [];
    for (let round = 0; round < 3; round++) {
      const t0 = performance.now();
      for (const t of texts) bench.analyze(t);
      times.push((performance.now() - t0) / texts.length);
    }
    return { firstMsPerPost: times[0], msPerPost: Math.min(...times) };
  },
  throughput(engine, profileJson, text) {
    const boot = engine === 'hattip-wasm' ? () => globalThis.__hattipWasm() : () => globalThis.__hattipW2j();
    const bench = new (boot().Bench)(profileJson);
    const times = [];
    let count = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      count = bench.count(text);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const ms = times[2];
    const mb = new TextEncoder().encode(text).length / 1e6;
    return { ms, mb, mbPerS: mb / (ms / 1000), count };
  },
};
