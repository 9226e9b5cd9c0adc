// Hat Tip background: platform glue only. Blogs are reached through optional host permissions;
// when the user grants or revokes one, (un)register the same content script for those origins.
// Content scripts for X and Facebook come from the manifest.
const api = globalThis.browser ?? globalThis.chrome;
// Sites the manifest already injects into (X, Facebook): never register them twice.
const BUILT_IN = new Set(api.runtime.getManifest().content_scripts.flatMap((c) => c.matches));
const SCRIPT_ID = 'hattip-allowed-sites';

async function syncBlogScripts() {
  const { origins = [] } = await api.permissions.getAll();
  const blogs = origins.filter((o) => !BUILT_IN.has(o) && o !== '*://*/*');
  const registered = await api.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length) await api.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!blogs.length) return;
  await api.scripting.registerContentScripts([{
    id: SCRIPT_ID,
    matches: blogs,
    js: ['content-w2j.js', 'content-wasm.js', 'content.js'],
    css: ['content.css'],
    runAt: 'document_idle',
    persistAcrossSessions: true,
  }]);
}

const sync = () => syncBlogScripts().catch((e) => console.error('Hat Tip: site scripts', e));
api.permissions.onAdded.addListener(sync);
api.permissions.onRemoved.addListener(sync);
api.runtime.onInstalled.addListener(sync);
api.runtime.onStartup.addListener(sync);
