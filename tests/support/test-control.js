// Test build only (target/test-extension; never in dist/): a content script on the fixture
// server's /control/ page that lets a test change Hat Tip's storage as the options page or the
// popup would (Firefox's WebDriver cannot open extension pages), and ask the background what the
// popup asks it. The page posts {hattipTest: 'set'|'remove'|'ask', items|keys|message}; the
// answer comes back as {hattipTestDone: true, answer}.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  addEventListener('message', async (event) => {
    const m = event.data;
    if (event.source !== window || !m || typeof m.hattipTest !== 'string') return;
    if (m.hattipTest === 'set') await api.storage.local.set(m.items);
    if (m.hattipTest === 'remove') await api.storage.local.remove(m.keys);
    const answer = m.hattipTest === 'ask' ? await api.runtime.sendMessage(m.message) : null;
    window.postMessage({ hattipTestDone: true, answer }, '*');
  });
  document.documentElement.dataset.control = 'ready';
})();
