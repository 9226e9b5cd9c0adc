// Starts real browsers with the unpacked test build of Hat Tip and gives the tests one small
// page API for both: Chromium through playwright-core (`--load-extension`), Firefox ESR through
// puppeteer-core's WebDriver BiDi (`installExtension`, a temporary add-on). A browser that cannot
// start throws, so its tests fail; nothing is ever skipped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';

export const EXTENSION_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'target', 'test-extension');
/** The shipped package, only made to run on the fixture server too (scripts/assemble.mjs). */
export const SHIPPED_DIR = path.join(path.dirname(EXTENSION_DIR), 'shipped-extension');
const OVERLAY = 'hattip-overlay';

function assertBuilt() {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`${EXTENSION_DIR} is missing: run ./build.sh first`);
  }
}

/** A page or one of its frames: `evaluate` runs in its main world; clicks are real input events. */
class Target {
  constructor(kind, handle) {
    this.kind = kind;
    this.handle = handle;
  }
  evaluate(fn, arg) { return this.handle.evaluate(fn, arg); }
  async waitFor(fn, arg, timeout = 15000) {
    const started = Date.now();
    for (;;) {
      const value = await this.handle.evaluate(fn, arg).catch((e) => ({ __error: String(e) }));
      if (value && !value.__error) return value;
      if (Date.now() - started > timeout) {
        throw new Error(`timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 160)} (last: ${JSON.stringify(value)})`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  /** Clicks an element inside Hat Tip's overlay (open shadow root). */
  clickOverlay(selector) {
    return this.kind === 'chromium'
      ? this.handle.locator(`${OVERLAY} ${selector}`).first().click()
      : this.handle.locator(`${OVERLAY} >>> ${selector}`).click();
  }
  /** Chooses `value` in a <select> inside Hat Tip's overlay with the keyboard, as a person
   *  would (the arrow keys on the focused list), so its change event is a trusted one. */
  async selectOverlay(selector, value) {
    const el = this.kind === 'chromium'
      ? await this.handle.locator(`${OVERLAY} ${selector}`).first().elementHandle()
      : await this.handle.waitForSelector(`${OVERLAY} >>> ${selector}`);
    const steps = await el.evaluate((s, v) => [...s.options].findIndex((o) => o.value === v) - s.selectedIndex, value);
    await el.focus();
    for (let i = 0; i < Math.abs(steps); i++) await this.handle.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  }
  clickPage(selector) {
    return this.kind === 'chromium' ? this.handle.locator(selector).first().click() : this.handle.locator(selector).click();
  }
}

/** Changes Hat Tip's storage, or asks its background, through the test build's control page (see
 *  tests/support/test-control.js); resolves to the background's answer for 'ask'. */
export async function control(browser, origin, command) {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/control/`);
    await page.waitFor(() => document.documentElement.dataset.control === 'ready' || null);
    return await page.evaluate((c) => new Promise((resolve) => {
      addEventListener('message', (e) => { if (e.data?.hattipTestDone) resolve(e.data.answer); });
      window.postMessage(c, '*');
    }), command);
  } finally {
    await page.close();
  }
}

/** A tab: also collects page errors and requests, and reaches into its frames. */
class TestPage extends Target {
  constructor(kind, page) {
    super(kind, page);
    this.page = page;
    this.errors = [];
    this.requests = [];
    page.on('pageerror', (e) => this.errors.push(String(e && e.message ? e.message : e)));
    page.on('console', (m) => {
      const type = typeof m.type === 'function' ? m.type() : m.type;
      const text = typeof m.text === 'function' ? m.text() : m.text;
      if (type === 'error' && /Hat Tip/i.test(text)) this.errors.push(text);
    });
    page.on('request', (r) => this.requests.push(r.url()));
  }
  goto(url) { return this.page.goto(url, { waitUntil: 'load' }); }
  /** Sets the viewport's CSS size (half of it is what 200 % zoom gives). */
  setViewport(width, height) {
    return this.kind === 'chromium' ? this.page.setViewportSize({ width, height }) : this.page.setViewport({ width, height });
  }
  /** Presses a key with modifiers, e.g. 'Alt+Shift+KeyH', in either driver. */
  async press(combo) {
    const keys = combo.split('+');
    const k = this.page.keyboard;
    for (const key of keys.slice(0, -1)) await k.down(key);
    await k.press(keys.at(-1));
    for (const key of keys.slice(0, -1).reverse()) await k.up(key);
  }

  /** The frame whose address contains `part`, once it has loaded. */
  async frame(part, timeout = 15000) {
    const started = Date.now();
    for (;;) {
      let frame = this.page.frames().find((f) => f.url().includes(part));
      // A frame whose <iframe> was moved in the page is a new frame; the driver's list can miss
      // it for a while, so ask each <iframe> element for its frame too.
      for (const el of frame ? [] : await this.page.$$('iframe')) {
        const inner = await el.contentFrame().catch(() => null);
        if (inner && inner.url().includes(part)) frame = inner;
      }
      if (frame) return new Target(this.kind, frame);
      if (Date.now() - started > timeout) throw new Error(`no frame with "${part}" in its address`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  screenshot(file) { return this.page.screenshot({ path: file }); }
  close() { return this.page.close(); }
}

/** Chromium with Hat Tip. `profile`: a user data directory to use and keep (a restart of the same
 *  browser profile); by default a new one, removed on close. `extension`: the unpacked extension
 *  to load, by default the test variant. `colorScheme`: 'light' (default) or 'dark'. `lang`: the
 *  browser's interface language (what the extension's interface follows), English by default. */
export async function launchChromium({ headless = true, profile = null, extension = EXTENSION_DIR, colorScheme = 'light', lang = 'en-US' } = {}) {
  assertBuilt();
  const userDataDir = profile ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hattip-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless,
    viewport: { width: 1100, height: 900 },
    colorScheme,
    locale: lang,
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
    args: [
      `--lang=${lang}`,
      `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
    ],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 20000 });
  const extensionId = new URL(worker.url()).host;
  const contextRequests = [];
  context.on('request', (r) => contextRequests.push(r.url()));
  const cdp = await context.browser().newBrowserCDPSession();
  return {
    kind: 'chromium',
    context,
    extensionUrl: (p) => `chrome-extension://${extensionId}/${p}`,
    contextRequests,
    /** Terminates the extension's service worker, as Chrome does when it has been idle. */
    async terminateWorker() {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const workers = targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
      if (!workers.length) throw new Error('no service worker to terminate');
      for (const w of workers) await cdp.send('Target.closeTarget', { targetId: w.targetId });
    },
    async newPage() { return new TestPage('chromium', await context.newPage()); },
    /** One of Hat Tip's own pages (`popup.html`, `options.html?…`) in a new tab. */
    async extensionPage(file) {
      const page = await this.newPage();
      await page.goto(this.extensionUrl(file));
      return page;
    },
    async close() {
      await context.close();
      if (!profile) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A home directory whose managed-storage manifest gives Hat Tip `data`, as an administrator's
 *  policy would (Firefox reads `~/.mozilla/managed-storage/<add-on id>.json`). */
function managedHome(data) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'hattip-home-'));
  const dir = path.join(home, '.mozilla', 'managed-storage');
  fs.mkdirSync(dir, { recursive: true });
  const id = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
  fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ name: id, description: 'Hat Tip test policy', type: 'storage', data }));
  return home;
}

/** Firefox ESR with Hat Tip. `managed`: what an organisation's policy puts in Hat Tip's managed
 *  storage (e.g. `{ profile }`), none by default. `colorScheme`: 'light' (default) or 'dark', what pages are told.
 *  `lang`: the interface language; other than English it needs Debian's language pack
 *  (firefox-esr-l10n-*, installed by `./build.sh setup` for Spanish). */
export async function launchFirefox({ colorScheme = 'light', lang = 'en-US', managed = null } = {}) {
  assertBuilt();
  const home = managed ? managedHome(managed) : null;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    ...(home ? { env: { ...process.env, HOME: home } } : {}),
    defaultViewport: { width: 1100, height: 900 },
    extraPrefsFirefox: {
      'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false,
      'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
      'intl.locale.requested': lang, 'intl.accept_languages': lang,
    },
  });
  await browser.installExtension(EXTENSION_DIR);
  return {
    kind: 'firefox',
    contextRequests: null,
    async newPage() { return new TestPage('firefox', await browser.newPage()); },
    /** One of Hat Tip's own pages in a new tab. WebDriver may not navigate to moz-extension://,
     *  so the test build's background opens the tab (tests/support/test-background.js), asked
     *  through the control page on `origin`; the tab is then found by its address. */
    async extensionPage(file, origin) {
      if (!origin) throw new Error('extensionPage needs the fixture server origin in Firefox');
      const known = new Set(await browser.pages());
      const opened = await control(this, origin, { hattipTest: 'ask', message: { type: 'hattip:test-open', path: file } });
      if (!opened?.ok) throw new Error(`the test background refused to open ${file}`);
      const started = Date.now();
      for (;;) {
        for (const page of await browser.pages()) {
          if (known.has(page)) continue;
          const href = await page.evaluate(() => location.href).catch(() => null);
          if (href === opened.url) return new TestPage('firefox', page);
        }
        if (Date.now() - started > 15000) throw new Error(`no tab showing ${opened.url}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await browser.close();
      if (home) fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
