// Bundled into a page by tests/bench/log.mjs: the main-thread time the mention log adds to a page,
// which is reading where each post was seen (source.js), timed over every post of the page with
// the same code the content script runs.
import { Adapter } from '../../extension/content/adapter.js';
import { detect } from '../../extension/content/sites.js';
import { sourceOf } from '../../extension/content/source.js';

globalThis.__timeSources = (passes) => {
  const adapter = new Adapter(detect(document), document);
  const posts = [...adapter.all()];
  const perPost = [];
  let found = 0;
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    for (const post of posts) if (sourceOf(adapter, post).permalink) found++;
    perPost.push((performance.now() - t0) / posts.length);
  }
  return { posts: posts.length, withPermalink: found / passes, perPostMs: perPost.sort((a, b) => a - b)[Math.floor(passes / 2)] };
};
