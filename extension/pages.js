// Loader for the extension's own pages (options, popup): start the Rust code for this page.
import init, { run_options, run_popup } from './pkg/hattip.js';

await init({ module_or_path: new URL('./pkg/hattip_bg.wasm', import.meta.url) });
const api = globalThis.browser ?? globalThis.chrome;
if (document.body.dataset.page === 'popup') run_popup(api);
else run_options(api);
