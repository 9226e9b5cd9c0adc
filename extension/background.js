// Hat Tip background: platform glue only. Blogs are reached through optional host permissions;
// when the user grants or revokes one, (un)register the same content script for those origins.
// Content scripts for X and Facebook come from the manifest. It also relays a reply from a page
// to the comment-form frame inside it (Blogger), which the page's script cannot reach.
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

// A page asks to put a reply into the comment form of a cross-origin frame in the same tab:
// ask that tab's frames; the one that has such a form answers {ok, message}.
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type !== 'hattip:insert-in-frame' || !sender.tab || typeof message.text !== 'string') return undefined;
  api.tabs.sendMessage(sender.tab.id, { type: 'hattip:insert-here', text: message.text })
    .then((answer) => sendResponse(answer ?? { ok: false, message: "The comment form's frame isn't ready: reload the page." }))
    .catch(() => sendResponse({ ok: false, message: "Couldn't reach the comment form's frame." }));
  return true;
});
