// Test build only (target/test-extension; never in dist/), Firefox: a second background script
// that opens one of Hat Tip's own pages in a new tab when the control page asks. Firefox's
// WebDriver refuses to navigate to moz-extension:// addresses, but a tab the extension opens
// itself can be driven like any other; the test finds it by its address.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const PAGES = /^(popup|options|dashboard)\.html(\?[\w=&-]*)?$/;
  api.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== api.runtime.id || message?.type !== 'hattip:test-open') return undefined;
    if (typeof message.path !== 'string' || !PAGES.test(message.path)) return Promise.resolve({ ok: false });
    const url = api.runtime.getURL(message.path);
    return api.tabs.create({ url }).then(() => ({ ok: true, url }));
  });
})();
