// Assembles the unpacked extensions from the wasm-bindgen outputs (build.sh runs this):
// bundles the two content-script builds (wasm with its bytes inlined, and wasm2js) as classic
// scripts that only define a boot function, copies the pages and the manifest, and writes
// dist/chrome, dist/firefox and the test variant (same files, plus the local test origin).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const gen = path.join(root, 'target', 'hattip');
const dist = path.join(root, 'dist');
const testDir = path.join(root, 'target', 'test-extension');
const LOCAL_ORIGIN = 'http://127.0.0.1/*';
const FRAME_ORIGIN = 'http://localhost/*';

fs.writeFileSync(path.join(gen, 'entry-wasm.js'), `
import * as hattip from './web/hattip.js';
const WASM_BASE64 = ${JSON.stringify(fs.readFileSync(path.join(gen, 'web', 'hattip_bg.wasm')).toString('base64'))};
export function boot() {
  const binary = atob(WASM_BASE64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  hattip.initSync({ module: bytes });
  return hattip;
}
`);
fs.writeFileSync(path.join(gen, 'entry-w2j.js'), `
import * as wasm from './w2j/hattip_bg.wasm.js';
import * as hattip from './w2j/hattip_bg.js';
export function boot() {
  hattip.__wbg_set_wasm(wasm);
  return hattip;
}
`);

async function bundle(entry, bootName, outfile) {
  // The whole bundle sits inside the boot function, so nothing is evaluated until content.js
  // picks this build (the wasm2js module decodes its data segments when evaluated).
  await build({
    entryPoints: [path.join(gen, entry)],
    bundle: true,
    format: 'iife',
    globalName: '__hattipBundle',
    banner: { js: `globalThis.${bootName} = () => {` },
    footer: { js: 'return __hattipBundle.boot(); };' },
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
    // The web glue's URL-loading path (import.meta.url) is never used: we call initSync.
    logOverride: { 'empty-import-meta': 'silent' },
    outfile,
  });
}

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(src, dst);
    else fs.copyFileSync(src, dst);
  }
}

const chrome = path.join(dist, 'chrome');
fs.rmSync(dist, { recursive: true, force: true });
copyDir(path.join(root, 'extension'), chrome);
await bundle('entry-wasm.js', '__hattipWasm', path.join(chrome, 'content-wasm.js'));
await bundle('entry-w2j.js', '__hattipW2j', path.join(chrome, 'content-w2j.js'));
fs.mkdirSync(path.join(chrome, 'pkg'));
for (const f of ['hattip.js', 'hattip_bg.wasm']) fs.copyFileSync(path.join(gen, 'web', f), path.join(chrome, 'pkg', f));

// The extension must never build code from strings (MV3 forbids it, and so do we).
for (const f of ['content-wasm.js', 'content-w2j.js', 'content.js', 'background.js', 'pages.js', 'pkg/hattip.js']) {
  const text = fs.readFileSync(path.join(chrome, f), 'utf8');
  if (/new Function\s*\(|\beval\s*\(/.test(text)) throw new Error(`${f} builds code from strings`);
}

copyDir(chrome, path.join(dist, 'firefox'));

fs.rmSync(testDir, { recursive: true, force: true });
copyDir(chrome, testDir);
const manifest = JSON.parse(fs.readFileSync(path.join(testDir, 'manifest.json'), 'utf8'));
manifest.host_permissions.push(LOCAL_ORIGIN);
manifest.content_scripts[0].matches.push(LOCAL_ORIGIN);
// The Disqus and Blogger fixture frames come from the same server under another host name.
manifest.host_permissions.push(FRAME_ORIGIN);
manifest.content_scripts[1].matches.push(`${FRAME_ORIGIN.slice(0, -1)}disqus-embed.html`, `${FRAME_ORIGIN.slice(0, -1)}blogger-frame.html`);
fs.writeFileSync(path.join(testDir, 'manifest.json'), JSON.stringify(manifest, null, 2));

const sizes = {};
for (const f of ['content-wasm.js', 'content-w2j.js', 'pkg/hattip_bg.wasm']) sizes[f] = fs.statSync(path.join(chrome, f)).size;
console.log('assembled dist/chrome, dist/firefox, target/test-extension', JSON.stringify(sizes));
