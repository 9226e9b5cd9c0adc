// The options page in real Chromium: profile import with validation, form save, export, and
// open tabs following a new profile without a reload, the form as a person uses it, and sync.
// (Chromium, for Playwright's file chooser; a11y.mjs uses the form by keyboard in both browsers
// and the profile logic is covered by `cargo test`.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBrowser } from '../support/session.mjs';
import { launchChromium } from '../support/browsers.mjs';
import { highlights, openCardFor } from './suite.mjs';

/** The options page in a new tab, once it has shown the profile. */
async function openOptions(browser) {
  const page = await browser.extensionPage('options.html');
  await page.waitFor(() => document.documentElement.getAttribute('data-ready'));
  return page;
}

const stored = () => chrome.storage.local.get('profile').then((r) => r.profile ?? null);
const statusText = () => document.getElementById('status').textContent;

describe('Hat Tip options page (Chromium)', () => {
  let blog;
  let options;
  withBrowser(launchChromium, {}, async ({ server, browser }) => {
    blog = await browser.newPage();
    await blog.goto(`${server.origin}/blog/`);
    await blog.waitFor(() => (CSS.highlights.get('h7t-m')?.size === 5 ? 5 : null));
    options = await openOptions(browser);
  });

  test('shows the demo profile until the user saves one', async () => {
    const names = await options.evaluate(() => [...document.querySelectorAll('fieldset.brand [data-field="name"]')].map((i) => i.value));
    assert.deepEqual(names, ['Northwind Coffee', 'Zephyr Air', 'Orbit']);
    assert.match(await options.evaluate(statusText), /demo profile/);
    assert.equal(await options.evaluate(stored), null);
  });

  test('an invalid file is refused with the field and the problem; nothing changes', async () => {
    const bad = { version: 1, brands: [{ name: 'Orbit', colour: 'blue' }] };
    await options.page.setInputFiles('#import', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await options.waitFor(() => /Import refused/.test(document.getElementById('status').textContent) || null);
    const message = await options.evaluate(statusText);
    assert.match(message, /brands\[0\]\.colour: unknown field `colour`/);
    assert.match(message, /unchanged/);
    assert.equal(await options.evaluate(stored), null);

    await options.page.setInputFiles('#import', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "brands": [') });
    await options.waitFor(() => /broken\.json/.test(document.getElementById('status').textContent) || null);
    assert.match(await options.evaluate(statusText), /not valid JSON/);
    assert.equal(await options.evaluate(stored), null);
  });

  test('the form refuses a bad handle and names it', async () => {
    await options.page.fill('fieldset.brand:nth-of-type(1) [data-field="handles"]', 'northwindcoffee, north wind');
    await options.page.click('#save');
    await options.waitFor(() => /Not saved/.test(document.getElementById('status').textContent) || null, undefined, 5000).catch(async (e) => { throw new Error(e.message + ' status: ' + await options.evaluate(statusText)); });
    assert.match(await options.evaluate(statusText), /brands\[0\]\.handles\[1\]: "north wind" is not a handle/);
    assert.equal(await options.evaluate(stored), null);
  });

  test('a valid import is stored, shown, and open tabs follow it without a reload', async () => {
    const good = { version: 1, brands: [{ name: 'Orbit', products: ['Orbit Notes'], domains: ['orbit.example'] }], voice: { tone: 'formal', signature: '– Dana', emoji: false } };
    await options.page.setInputFiles('#import', { name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    await options.waitFor(() => /Imported 1 brand/.test(document.getElementById('status').textContent) || null);
    const saved = await options.evaluate(stored);
    assert.equal(saved.brands.length, 1);
    assert.equal(saved.brands[0].case_sensitive, false);
    assert.equal(saved.voice.tone, 'formal');
    const names = await options.evaluate(() => [...document.querySelectorAll('fieldset.brand [data-field="name"]')].map((i) => i.value));
    assert.deepEqual(names, ['Orbit']);
    // The blog tab now also matches the lower-case "orbit" (no longer case-sensitive).
    await blog.waitFor(() => (CSS.highlights.get('h7t-m')?.size === 6 ? 6 : null));
    assert.deepEqual((await blog.evaluate(highlights)).sort(), ['Orbit', 'Orbit', 'Orbit', 'Orbit Notes', 'Orbit Notes', 'orbit']);
  });

  test('huge, crowded, non-UTF-8 and one-letter imports are refused at once; the saved profile stays', async () => {
    const before = await options.evaluate(stored);
    assert.ok(before, 'a profile is saved');
    const brands = Array.from({ length: 10_000 }, (_, i) => ({ name: `Brand ${i}` }));
    for (const [name, buffer, want] of [
      ['many.json', Buffer.from(JSON.stringify({ version: 1, brands })), /brands: 10000 brands; at most 1000/],
      ['huge.json', Buffer.alloc(6 * 1024 * 1024, 0x20), /the file is 6\.0 MB; a profile is at most 5 MB/],
      ['latin1.json', Buffer.from('{"version": 1, "brands": [{"name": "Caf\xe9"}]}', 'latin1'), /not UTF-8 text \(byte 40 is not\)/],
      ['one.json', Buffer.from(JSON.stringify({ version: 1, brands: [{ name: 'a' }] })), /brands\[0\]\.name: "a" is a single character/],
      ['proto.json', Buffer.from('{"version": 1, "brands": [{"name": "Acme", "__proto__": {"admin": true}}]}'), /brands\[0\]\.__proto__: unknown field/],
    ]) {
      await options.page.setInputFiles('#import', { name, mimeType: 'application/json', buffer });
      const message = await options.waitFor((n) => document.getElementById('status').textContent.includes(n) && document.getElementById('status').textContent, name);
      assert.match(message, want, name);
      assert.match(message, /unchanged/, name);
      assert.ok(message.length < 400, `${name}: a short message (${message.length})`);
      assert.deepEqual(await options.evaluate(stored), before, name);
    }
  });

  test('saving the form keeps every field of the stored profile', async () => {
    const before = await options.evaluate(stored);
    await options.page.click('#save');
    await options.waitFor(() => /^Saved/.test(document.getElementById('status').textContent) || null);
    assert.deepEqual(await options.evaluate(stored), before, 'a save without edits changes nothing');
    assert.deepEqual(before.brands[0].domains, ['orbit.example']);
  });

  test('reply lines per language and act: built-in ones shown, a bad placeholder refused, a good line saved', async () => {
    await options.page.selectOption('#pb-language', 'es');
    await options.page.selectOption('#pb-act', 'thank');
    const shown = await options.evaluate(() => document.getElementById('pb-lines').value.split('\n'));
    assert.equal(shown.length, 3);
    assert.match(shown[0], /^Muchas gracias, \{name\}\./, 'the formal Spanish line, as the stored tone is formal');
    assert.match(await options.evaluate(() => document.getElementById('pb-moves').textContent), /line 2: Ask what they liked/);
    const before = await options.evaluate(stored);

    await options.page.fill('#pb-lines', ['¡Gracias, {nombre}!', shown[1], shown[2]].join('\n'));
    await options.page.click('#save');
    await options.waitFor(() => /Not saved/.test(document.getElementById('status').textContent) || null);
    assert.match(await options.evaluate(statusText), /voice\.phrasebook\.es\.thank\[0\]: unknown placeholder \{nombre\}; use \{name\}/);
    assert.deepEqual(await options.evaluate(stored), before, 'the stored profile is unchanged');

    const line = '¡Gracias, {name}! Un abrazo de todo el equipo de {brand}.';
    await options.page.fill('#pb-lines', [line, shown[1], shown[2]].join('\n'));
    await options.page.selectOption('#pb-act', 'answer');
    await options.page.selectOption('#pb-act', 'thank');
    assert.equal(await options.evaluate(() => document.getElementById('pb-lines').value.split('\n')[0]), line, 'an edit survives switching acts');
    await options.page.click('#save');
    await options.waitFor(() => /^Saved/.test(document.getElementById('status').textContent) || null);
    const saved = await options.evaluate(stored);
    assert.deepEqual(saved.voice.phrasebook, { es: { thank: [line, shown[1], shown[2]] } });
    assert.match(await options.evaluate(() => document.getElementById('pb-state').textContent), /Your own lines/);

    await options.page.click('#pb-reset');
    assert.equal(await options.evaluate(() => document.getElementById('pb-state').textContent), 'Built-in lines.');
    await options.evaluate(() => { document.getElementById('status').textContent = ''; });
    await options.page.click('#save');
    await options.waitFor(() => /^Saved/.test(document.getElementById('status').textContent) || null);
    assert.equal((await options.evaluate(stored)).voice.phrasebook, undefined, 'back to the built-in lines');
  });

  test('answers the brand knows: a malformed line is refused with its number, a good one answers the question in the blog tab', async () => {
    const facts = 'fieldset.brand:nth-of-type(1) [data-field="facts"]';
    await options.page.fill(facts, 'en: export, markdown: File → Export');
    await options.evaluate(() => { document.getElementById('status').textContent = ''; });
    await options.page.click('#save');
    await options.waitFor(() => /Not saved/.test(document.getElementById('status').textContent) || null);
    assert.match(await options.evaluate(statusText), /brands\[0\], answers you know, line 1: write it as language \| words/);
    assert.equal((await options.evaluate(stored)).brands[0].facts, undefined, 'nothing stored');

    await options.page.fill(facts, 'en | export, markdown | Any note exports to Markdown from File → Export.');
    await options.page.click('#save');
    await options.waitFor(() => /^Saved/.test(document.getElementById('status').textContent) || null);
    assert.deepEqual((await options.evaluate(stored)).brands[0].facts, [{ about: ['export', 'markdown'], say: { en: 'Any note exports to Markdown from File → Export.' } }]);

    // The blog tab follows at once: the question about exporting gets the known answer.
    await blog.page.bringToFront();
    await blog.waitFor(() => document.querySelector('hattip-overlay')?.shadowRoot.querySelector('button[data-action="open"]') ? true : null);
    const card = await openCardFor(blog, 'question');
    assert.equal(card.reply, 'Hello Chris, thank you for your question. Any note exports to Markdown from File → Export. – Dana',
      'formal tone and signature from the stored profile');
    assert.match(card.replyLabel, /^Give the answer you know/);
    await blog.clickOverlay('[role="dialog"] [data-action="close"]');
    await options.page.bringToFront();
  });

  test('what the brand sells is typed as a list; a one-letter word is refused and named', async () => {
    const category = 'fieldset.brand:nth-of-type(1) [data-field="category"]';
    await options.page.fill(category, 'note-taking app, x');
    await options.evaluate(() => { document.getElementById('status').textContent = ''; });
    await options.page.click('#save');
    await options.waitFor(() => /Not saved/.test(document.getElementById('status').textContent) || null);
    assert.match(await options.evaluate(statusText), /brands\[0\]\.category\[1\]: "x" is a single character/);
    assert.equal((await options.evaluate(stored)).brands[0].category, undefined, 'nothing stored');
    await options.page.fill(category, 'note-taking app, notes app,  to-do list ');
    await options.page.click('#save');
    await options.waitFor(() => /^Saved/.test(document.getElementById('status').textContent) || null);
    assert.deepEqual((await options.evaluate(stored)).brands[0].category, ['note-taking app', 'notes app', 'to-do list']);
  });

  test('export downloads the stored profile', async () => {
    const [download] = await Promise.all([options.page.waitForEvent('download'), options.page.click('#export')]);
    assert.equal(download.suggestedFilename(), 'hattip-profile.json');
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    const exported = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    assert.deepEqual(exported, await options.evaluate(stored));
  });
});

describe('Hat Tip options page as a form a person uses (Chromium)', () => {
  let page;
  const brandState = () => [...document.querySelectorAll('fieldset.brand')].map((f) => ({
    name: f.querySelector('[data-field="name"]').value,
    toggle: f.querySelector('.brand-toggle').textContent,
    open: f.querySelector('.brand-toggle').getAttribute('aria-expanded') === 'true' && !f.querySelector('.brand-body').hidden,
  }));
  withBrowser(launchChromium, {}, async ({ browser }) => {
    page = await openOptions(browser);
  });

  test('brands are a list with one open at a time', async () => {
    assert.deepEqual(await page.evaluate(brandState), [
      { name: 'Northwind Coffee', toggle: 'Northwind Coffee', open: true },
      { name: 'Zephyr Air', toggle: 'Zephyr Air', open: false },
      { name: 'Orbit', toggle: 'Orbit', open: false },
    ]);
    await page.page.click('fieldset.brand:nth-of-type(2) .brand-toggle');
    assert.deepEqual((await page.evaluate(brandState)).map((b) => b.open), [false, true, false]);
    await page.page.click('#add-brand');
    const state = await page.evaluate(brandState);
    assert.deepEqual(state.map((b) => b.open), [false, false, false, true]);
    assert.equal(state[3].toggle, 'New brand');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.field), 'name', 'the new brand\'s name has the focus');
    await page.page.keyboard.type('Acme Tea');
    assert.equal((await page.evaluate(brandState))[3].toggle, 'Acme Tea');
  });

  test('a mistake is shown next to its field as it is typed, and goes when it is fixed; nothing is stored', async () => {
    const handles = 'fieldset.brand:nth-of-type(4) [data-field="handles"]';
    await page.page.fill(handles, 'acmetea, acme tea');
    const shown = await page.evaluate((sel) => {
      const input = document.querySelector(sel);
      const note = input.nextElementSibling;
      return { invalid: input.getAttribute('aria-invalid'), described: input.getAttribute('aria-describedby') === note?.id, text: note?.textContent };
    }, handles);
    assert.equal(shown.invalid, 'true');
    assert.ok(shown.described, 'the field is described by its error');
    assert.match(shown.text, /^brands\[3\]\.handles\[1\]: "acme tea" is not a handle/);
    await page.page.fill(handles, 'acmetea');
    assert.equal(await page.evaluate(() => document.querySelectorAll('.field-error, [aria-invalid]').length), 0);
    assert.equal(await page.evaluate(stored), null, 'typing stores nothing');
  });

  test('unsaved changes are shown, and the browser asks before the page is left', async () => {
    assert.equal(await page.evaluate(() => document.getElementById('unsaved').hidden), false);
    const dialog = new Promise((resolve) => page.page.once('dialog', async (d) => { resolve(d.type()); await d.dismiss(); }));
    await page.page.close({ runBeforeUnload: true });
    assert.equal(await dialog, 'beforeunload');
    assert.equal(page.page.isClosed(), false, 'dismissing keeps the page');
    await page.page.click('#save');
    await page.waitFor(() => /^Saved 4 brands/.test(document.getElementById('status').textContent) || null);
    assert.equal(await page.evaluate(() => document.getElementById('unsaved').hidden), true);
  });

  test('a removed brand can be brought back where it was', async () => {
    const before = (await page.evaluate(brandState)).map((b) => b.name);
    await page.page.click('fieldset.brand:nth-of-type(2) .brand-toggle');
    await page.page.click('fieldset.brand:nth-of-type(2) [data-action="remove-brand"]');
    assert.deepEqual((await page.evaluate(brandState)).map((b) => b.name), ['Northwind Coffee', 'Orbit', 'Acme Tea']);
    assert.equal(await page.evaluate(statusText), 'Removed Zephyr Air (not saved yet).');
    await page.page.click('#undo-remove');
    assert.deepEqual((await page.evaluate(brandState)).map((b) => b.name), before);
    assert.equal(await page.evaluate(statusText), 'Zephyr Air is back (not saved yet).');
    assert.equal(await page.evaluate(() => document.getElementById('undo-remove').hidden), true);
    assert.deepEqual((await page.evaluate(stored)).brands.map((b) => b.name), before, 'the stored profile was never without it');
  });
});

describe('Hat Tip profile sync between browsers (Chromium)', () => {
  let page;
  const synced = () => chrome.storage.sync.get(null).then((all) => {
    const meta = all.profileSync;
    if (!meta) return null;
    return Array.from({ length: meta.parts }, (_, i) => all[`profileSync.${i}`]).join('');
  });
  const syncLine = () => document.getElementById('sync-state').textContent || null;
  /** Puts `text` in sync as another browser's Hat Tip would: the pieces, then the record. */
  const putInSync = (text) => chrome.storage.sync.set({ 'profileSync.0': text })
    .then(() => chrome.storage.sync.set({ profileSync: { parts: 1, bytes: text.length, savedAt: Date.now() } }));
  withBrowser(launchChromium, {}, async ({ browser }) => {
    page = await openOptions(browser);
  });

  test('a saved profile goes to sync, in pieces that join to it', async () => {
    await page.page.click('#save');
    await page.waitFor(() => /^Saved/.test(document.getElementById('status').textContent) || null);
    const line = await page.waitFor(syncLine);
    assert.match(line, /^Your other browsers get this profile through the browser's sync \([\d.]+ KB of 90 KB\)\.$/);
    assert.equal(await page.evaluate(synced), JSON.stringify(await page.evaluate(stored)));
  });

  test("another browser's profile replaces this one once checked; a bad one is refused and this one stays", async () => {
    const theirs = { version: 1, brands: [{ name: 'Acme Tea', aliases: ['Acme'] }] };
    await page.evaluate(putInSync, JSON.stringify(theirs));
    await page.waitFor(() => chrome.storage.local.get('profile').then((r) => r.profile?.brands?.[0]?.name === 'Acme Tea' || null));
    const mine = await page.evaluate(stored);
    await page.evaluate(putInSync, JSON.stringify({ version: 1, brands: [{ name: 'a' }] }));
    const line = await page.waitFor(() => (/refused/.test(document.getElementById('sync-state').textContent) ? document.getElementById('sync-state').textContent : null));
    assert.match(line, /^A profile from your other browser was refused \(brands\[0\]\.name: "a" is a single character/);
    assert.deepEqual(await page.evaluate(stored), mine, 'this browser keeps its profile');
  });

  test('a profile larger than sync allows stays on this browser, and the page says so', async () => {
    const brands = Array.from({ length: 300 }, (_, i) => ({ name: `Brand number ${i}`, aliases: Array.from({ length: 12 }, (_, j) => `Other name ${i}-${j}`) }));
    await page.page.setInputFiles('#import', { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ version: 1, brands })) });
    await page.waitFor(() => /^Imported 300 brands/.test(document.getElementById('status').textContent) || null);
    const line = await page.waitFor(() => (/^Kept on this browser only/.test(document.getElementById('sync-state').textContent) ? document.getElementById('sync-state').textContent : null));
    assert.match(line, /the profile is [\d.]+ KB and the browser's sync holds at most 90 KB\.$/);
    assert.equal((await page.evaluate(stored)).brands.length, 300);
    assert.equal(await page.evaluate(synced), null, 'sync no longer offers an older profile');
  });
});
