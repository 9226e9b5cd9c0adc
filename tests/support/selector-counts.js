// Bundled into a page by tests/browser/selectors.test.mjs: what the site adapter of that page
// finds, part by part, with the same code the extension runs (adapter.js, sites.js, structure.js).
import { Adapter } from '../../extension/content/adapter.js';
import { detect } from '../../extension/content/sites.js';

globalThis.__hattipCounts = () => {
  const adapter = new Adapter(detect(document), document);
  const parts = {};
  for (const post of adapter.all()) {
    const { kind } = adapter.partOf(post);
    const c = (parts[kind] ??= { posts: 0, texts: 0, authors: 0, replyControls: 0, composers: 0 });
    c.posts++;
    if (adapter.anchorOf(post)) c.texts++;
    if (adapter.authorOf(post)) c.authors++;
    if (adapter.replyControl(post)) c.replyControls++;
    if (adapter.composerFor(post)) c.composers++;
  }
  const composers = adapter.site.parts.length && !adapter.hasPosts ? adapter.composerFor(document.documentElement) ? 1 : 0 : undefined;
  return { site: adapter.site.name, parts, ...(composers === undefined ? {} : { frameComposers: composers }) };
};
