// `./build.sh demo`: serves the bundled demo pages (shaped like X's timeline and a post's page, Facebook,
// WordPress classic and block themes with Jetpack, wpDiscuz, Disqus, Blogger, Discourse, Substack, Ghost,
// a Hugo blog with Isso, and blogs Hat Tip has no adapter for)
// on 127.0.0.1 and opens Chromium with Hat Tip loaded and its built-in demo profile. With a
// display the browser stays open for you; without one it runs headless and writes a screenshot
// of each page, highlights visible and one reply card open, then of the dashboard and the popup
// (the visits filled the mention log), to demo-out/, and the store listing's screenshots
// (1280×800) to demo-out/store/.
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from './support/server.mjs';
import { launchChromium } from './support/browsers.mjs';

// name, page, the kind of post whose card to open, and the frame Hat Tip works in (Disqus
// renders its comments in a cross-origin frame).
const PAGES = [
  ['x', '/x/', 'praise'],
  ['facebook', '/facebook/', 'praise'],
  ['wordpress', '/wordpress/', 'complaint'],
  ['disqus', '/disqus/', 'question', '/disqus-embed.html'],
  ['blogger', '/blogger/', 'complaint'],
  ['blog', '/blog/', 'question'],
  ['x-status', '/x-status/', 'question'],
  ['wordpress-block', '/wordpress-block/', 'question'],
  ['wpdiscuz', '/wpdiscuz/', 'question'],
  ['discourse', '/discourse/', 'question'],
  ['substack', '/substack/', 'complaint'],
  ['ghost', '/ghost/', 'question'],
  ['isso', '/isso/', 'question'],
  ['unseen-blog', '/unseen-blog/', 'complaint'],
];
/** The pages whose screenshots go to the store listing too (store/listing.md), in its order. */
const STORE = ['x', 'disqus', 'wordpress'];
const STORE_SIZE = { width: 1280, height: 800 };
const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'demo-out');
const headed = Boolean(process.env.DISPLAY) && !process.env.CI;

const server = await startServer();
const browser = await launchChromium({ headless: !headed });
console.log(`Demo pages on ${server.origin}: ${PAGES.map(([, p]) => p).join(' ')}`);

if (headed) {
  for (const [, p] of PAGES) await (await browser.newPage()).goto(server.origin + p);
  console.log('Chromium is open with Hat Tip. Click a 🎩 button next to a post; close the browser to end the demo.');
  await new Promise((resolve) => process.on('SIGINT', resolve));
} else {
  fs.mkdirSync(path.join(out, 'store'), { recursive: true });
  for (const [name, p, intent, framePart] of PAGES) {
    const tab = await browser.newPage();
    if (STORE.includes(name)) await tab.page.setViewportSize(STORE_SIZE);
    await tab.goto(server.origin + p);
    const page = framePart ? await tab.frame(framePart) : tab;
    await page.waitFor(() => Number(document.querySelector('hattip-overlay')?.getAttribute('data-ready') ?? 0) > 0);
    const post = await page.evaluate((want) => {
      const buttons = [...document.querySelector('hattip-overlay').shadowRoot.querySelectorAll('button[data-action="open"]')];
      return (buttons.find((b) => b.getAttribute('aria-label').includes(want)) ?? buttons[0]).dataset.post;
    }, intent);
    await page.clickOverlay(`button[data-post="${post}"]`);
    await page.waitFor(() => !!document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]'));
    const file = path.join(out, `${name}.png`);
    await tab.screenshot(file);
    if (STORE.includes(name)) await tab.screenshot(path.join(out, 'store', `${STORE.indexOf(name) + 1}-${name}.png`));
    const count = await page.evaluate(() => CSS.highlights.get('h7t-m')?.size ?? 0);
    console.log(`${name}: ${count} mentions highlighted, card open → ${path.relative(process.cwd(), file)}`);
  }
  // Every page above went into the mention log: the dashboard and the popup of the X tab show it.
  const dashboard = await browser.newPage();
  await dashboard.page.setViewportSize({ width: 1100, height: 2300 });
  await dashboard.goto(browser.extensionUrl('dashboard.html'));
  await dashboard.evaluate(() => chrome.runtime.sendMessage({ type: 'hattip:log-flush' }));
  await dashboard.page.reload();
  await dashboard.waitFor(() => document.documentElement.dataset.ready === 'true' || null);
  await dashboard.waitFor(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(true), 300))));
  const total = await dashboard.evaluate(() => document.querySelector('[data-total="total"]').textContent);
  await dashboard.screenshot(path.join(out, 'dashboard.png'));
  await dashboard.page.setViewportSize(STORE_SIZE);
  await dashboard.waitFor(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(true), 300))));
  await dashboard.screenshot(path.join(out, 'store', `${STORE.length + 1}-dashboard.png`));
  console.log(`dashboard: ${total} mentions logged → demo-out/dashboard.png`);
  const xTab = await dashboard.evaluate((origin) => chrome.tabs.query({ url: `${origin}/x/` }).then((t) => t[0].id), server.origin);
  const popup = await browser.newPage();
  await popup.page.setViewportSize({ width: 340, height: 560 });
  await popup.goto(browser.extensionUrl(`popup.html?tab=${xTab}`));
  await popup.waitFor(() => document.getElementById('page-count').textContent || null);
  await popup.screenshot(path.join(out, 'popup.png'));
  console.log('popup of the X tab → demo-out/popup.png');
}
await browser.close();
await server.close();
