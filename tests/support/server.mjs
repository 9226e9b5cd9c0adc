// Serves the fixture pages on 127.0.0.1 and records every request it gets. The X page is served
// with X's strict script policy (`script-src 'self'`: no wasm for Chrome content scripts).
// The fixture apps are bundled from the real npm packages (react, draft-js, lexical) on start.
import { build } from 'esbuild';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const fixtures = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures');
const bundles = path.join(fixtures, 'build');

const PAGES = {
  '/x/': { file: 'x.html', csp: "script-src 'self'" },
  '/facebook/': { file: 'facebook.html' },
  '/wordpress/': { file: 'wordpress.html' },
  '/blog/': { file: 'blog.html' },
  '/disqus/': { file: 'disqus.html' },
  '/blogger/': { file: 'blogger.html' },
  '/hostile/': { file: 'hostile.html' },
  '/unseen-blog/': { file: 'unseen-blog.html' },
  '/isso/': { file: 'isso.html' },
  '/wordpress-block/': { file: 'wordpress-block.html' },
  '/jetpack-comment/': { file: 'jetpack-frame.html' },
  '/wpdiscuz/': { file: 'wpdiscuz.html' },
  '/discourse/': { file: 'discourse.html' },
  '/substack/': { file: 'substack.html' },
  '/ghost/': { file: 'ghost.html' },
  '/x-status/': { file: 'x-status.html', csp: "script-src 'self'" },
  '/control/': { file: 'control.html' },
  // X's fixture again, with a report-uri: a CSP violation would reach the server as a report.
  '/x-report/': { file: 'x.html', csp: "script-src 'self'; report-uri /csp-report" },
};
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

export async function buildFixtureApps() {
  await build({
    entryPoints: { 'x-app': path.join(fixtures, 'src', 'x-app.jsx'), 'facebook-app': path.join(fixtures, 'src', 'facebook-app.js'),
      'wpdiscuz-app': path.join(fixtures, 'src', 'wpdiscuz-app.js') },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    outdir: bundles,
    logLevel: 'error',
  });
}

/** Starts the server on a free port; resolves to { origin, requests, close }. */
export async function startServer() {
  await buildFixtureApps();
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const page = PAGES[url.pathname];
    let file;
    const headers = {};
    if (page) {
      file = path.join(fixtures, page.file);
      if (page.csp) headers['Content-Security-Policy'] = page.csp;
    } else if (url.pathname.startsWith('/build/')) {
      file = path.join(bundles, path.basename(url.pathname));
    } else {
      file = path.join(fixtures, path.basename(url.pathname));
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    headers['Content-Type'] = TYPES[path.extname(file)] ?? 'application/octet-stream';
    headers['Cache-Control'] = 'no-store';
    res.writeHead(200, headers).end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  // The same server under another host name: the cross-origin Disqus and Blogger frames.
  const frameOrigin = `http://localhost:${server.address().port}`;
  return { origin, frameOrigin, requests, close: () => new Promise((r) => server.close(r)) };
}

/** Every path a fixture page may legitimately request. */
export const FIXTURE_PATHS = new Set([...Object.keys(PAGES), '/fixture.css', '/build/x-app.js', '/build/facebook-app.js', '/wp-comment-reply.js', '/favicon.ico',
  '/frame-host.js', '/unseen-blog.js', '/isso-app.js', '/jetpack-reply.js', '/jetpack-frame.js', '/discourse-app.js', '/substack-app.js', '/build/wpdiscuz-app.js', '/disqus-embed.html', '/disqus-embed.js', '/blogger-frame.html', '/blogger-frame.js', '/hostile.js', '/csp-watch.js', '/control/']);
