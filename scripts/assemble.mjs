// Assembles the unpacked extensions (build.sh runs this): bundles the content script
// (extension/content/, plain JS, no wasm), the background (extension/background/ with the
// wasm-bindgen glue; the engine's .wasm is a file of the extension, fetched by the background)
// and the dashboard (extension/dashboard/ with Chart.js; both share extension/log/) as classic
// scripts, draws the icons, copies the pages and the manifest, and writes dist/chrome,
// dist/firefox and two copies that also run on the fixture server: the test variant (plus test
// hooks) and the shipped package unchanged otherwise.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { writeIcons } from './icons.mjs';
import { writeLocales } from './locales.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const gen = path.join(root, 'target', 'hattip');
const dist = path.join(root, 'dist');
const testDir = path.join(root, 'target', 'test-extension');
const shippedDir = path.join(root, 'target', 'shipped-extension');
const LOCAL_ORIGIN = 'http://127.0.0.1/*';
const FRAME_ORIGIN = 'http://localhost/*';
/** Sources bundled into one file each, not copied. */
const BUNDLED = new Set(['content', 'background', 'dashboard', 'log', 'locales']);

async function bundle(entry, outfile) {
  await build({
    entryPoints: [path.join(root, 'extension', entry)],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
    // The glue's default wasm URL (import.meta.url) is never used: the background passes its own.
    logOverride: { 'empty-import-meta': 'silent' },
    outfile,
  });
}

function copyDir(from, to, skip = new Set()) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(src, dst);
    else fs.copyFileSync(src, dst);
  }
}

const chrome = path.join(dist, 'chrome');
fs.rmSync(dist, { recursive: true, force: true });
copyDir(path.join(root, 'extension'), chrome, BUNDLED);
await bundle('content/main.js', path.join(chrome, 'content.js'));
await bundle('background/main.js', path.join(chrome, 'background.js'));
await bundle('dashboard/main.js', path.join(chrome, 'dashboard.js'));
writeIcons(chrome, Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'extension', 'manifest.json'), 'utf8')).icons).map(Number));
writeLocales(path.join(root, 'extension', 'locales'), chrome);
fs.mkdirSync(path.join(chrome, 'pkg'));
for (const f of ['hattip.js', 'hattip_bg.wasm']) fs.copyFileSync(path.join(gen, 'web', f), path.join(chrome, 'pkg', f));

// The extension must never build code from strings (MV3 forbids it, and so do we), and what
// runs in pages must never compile wasm (a page's CSP would see it).
for (const f of ['content.js', 'background.js', 'dashboard.js', 'pages.js', 'pkg/hattip.js']) {
  const text = fs.readFileSync(path.join(chrome, f), 'utf8');
  if (/new Function\s*\(|\beval\s*\(/.test(text)) throw new Error(`${f} builds code from strings`);
}
if (/WebAssembly/.test(fs.readFileSync(path.join(chrome, 'content.js'), 'utf8'))) throw new Error('content.js touches WebAssembly');

// The npm packages bundled into what ships keep their licence notices beside it.
const SHIPPED_PACKAGES = ['idb', 'chart.js', '@kurkle/color'];
const notices = SHIPPED_PACKAGES.map((name) => {
  const dir = path.join(root, 'node_modules', name);
  const { version, license } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const file = fs.readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  if (!file) throw new Error(`${name} has no licence file to ship`);
  return `${name} ${version} (${license})\n\n${fs.readFileSync(path.join(dir, file), 'utf8').trim()}\n`;
});
fs.writeFileSync(path.join(chrome, 'THIRD-PARTY-NOTICES.txt'), `Hat Tip bundles these packages (dashboard.js, background.js):\n\n${notices.join('\n---\n\n')}`);

const firefox = path.join(dist, 'firefox');
copyDir(chrome, firefox);
// Firefox's package: its background is the page in `background.scripts` (it has no service
// worker, and the linter warns about the key), the data-collection declaration it requires
// exists on Android from Firefox 142, and it has no managed-storage schema.
const firefoxManifest = JSON.parse(fs.readFileSync(path.join(firefox, 'manifest.json'), 'utf8'));
delete firefoxManifest.background.service_worker;
// Firefox reads an organisation's policy for the extension without a schema (and the linter
// warns about the key); Chrome needs the schema to accept one.
delete firefoxManifest.storage;
firefoxManifest.browser_specific_settings.gecko_android = { strict_min_version: '142.0' };
fs.writeFileSync(path.join(firefox, 'manifest.json'), JSON.stringify(firefoxManifest, null, 2));

/** A copy of the Chrome package in `dir` whose content script also runs on the fixture server
 *  (its pages on 127.0.0.1, its comment frames on localhost); `edit` changes the manifest more. */
function localCopy(dir, edit) {
  fs.rmSync(dir, { recursive: true, force: true });
  copyDir(chrome, dir);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions.push(LOCAL_ORIGIN);
  manifest.content_scripts[0].matches.push(LOCAL_ORIGIN);
  manifest.content_scripts[1].matches.push(...['disqus-embed.html', 'blogger-frame.html', 'jetpack-comment/*'].map((f) => `${FRAME_ORIGIN.slice(0, -1)}${f}`));
  edit(manifest);
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
}

// The shipped package as it is, on the fixture server: what a page can see of Hat Tip is tested
// on it (tests/browser/shipped.test.mjs). Like a real comment host, its frames have no host
// permission.
localCopy(shippedDir, () => {});

localCopy(testDir, (manifest) => {
  // Host access to the comment frames, as a user who allowed Disqus would give.
  manifest.host_permissions.push(FRAME_ORIGIN);
  // A test-only content script, first in every frame, that has content.js show its state to the
  // page's world for the tests (extension/content/exposure.js).
  fs.copyFileSync(path.join(root, 'tests', 'support', 'test-hooks.js'), path.join(testDir, 'test-hooks.js'));
  for (const entry of manifest.content_scripts) entry.js.unshift('test-hooks.js');
  // A test-only content script that changes storage from the fixture server's /control/ page.
  fs.copyFileSync(path.join(root, 'tests', 'support', 'test-control.js'), path.join(testDir, 'test-control.js'));
  manifest.content_scripts.push({ matches: [`${LOCAL_ORIGIN.slice(0, -1)}control/*`], js: ['test-control.js'], run_at: 'document_idle' });
  // Firefox only (its background is `scripts`): opens Hat Tip's own pages when the control page asks.
  fs.copyFileSync(path.join(root, 'tests', 'support', 'test-background.js'), path.join(testDir, 'test-background.js'));
  manifest.background.scripts.push('test-background.js');
});

const sizes = {};
for (const f of ['content.js', 'background.js', 'dashboard.js', 'pkg/hattip_bg.wasm']) sizes[f] = fs.statSync(path.join(chrome, f)).size;
console.log('assembled dist/chrome, dist/firefox, target/test-extension, target/shipped-extension', JSON.stringify(sizes));
