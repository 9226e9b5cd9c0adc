// Loader for the extension's own pages (options, popup): word the page in the browser's
// language, then start the Rust code for it; on the options page, show whether the profile syncs.
import init, { run_options, run_popup } from './pkg/hattip.js';
import { localize, t, fmt } from './i18n.js';

localize(document);
await init({ module_or_path: new URL('./pkg/hattip_bg.wasm', import.meta.url) });
const api = globalThis.browser ?? globalThis.chrome;
if (document.body.dataset.page === 'popup') {
  run_popup(api);
} else {
  run_options(api);
  showSyncState();
  showManaged();
}

/** Says so on the options page when an organisation's policy sets the profile in use. */
async function showManaged() {
  const answer = await api.runtime.sendMessage({ type: 'hattip:status' }).catch(() => null);
  const note = document.getElementById('managed');
  note.hidden = answer?.managed !== true;
}

/** The options page's line on whether the profile follows the user to their other browsers
 *  (background/sync.js writes `syncState`). */
function showSyncState() {
  const line = document.getElementById('sync-state');
  const kb = (bytes) => fmt(Math.round(bytes / 102.4) / 10);
  const show = (state) => {
    if (!state) return;
    line.className = state.ok ? 'hint' : 'hint problem';
    if (state.ok) line.textContent = t('sync_ok', kb(state.bytes), kb(state.limit));
    else if (state.reason === 'too-large') line.textContent = t('sync_too_large', kb(state.bytes), kb(state.limit));
    else if (state.reason === 'invalid') line.textContent = t('sync_invalid', state.message);
    else line.textContent = t('sync_refused', state.message);
  };
  api.storage.local.get('syncState').then((r) => show(r.syncState));
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.syncState) show(changes.syncState.newValue);
  });
}
