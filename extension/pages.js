// Loader for the extension's own pages (options, popup): word the page in the browser's
// language, then start the Rust code for it.
import init, { run_options, run_popup } from './pkg/hattip.js';
import { localize } from './i18n.js';

localize(document);
await init({ module_or_path: new URL('./pkg/hattip_bg.wasm', import.meta.url) });
const api = globalThis.browser ?? globalThis.chrome;
if (document.body.dataset.page === 'popup') run_popup(api);
else run_options(api);
