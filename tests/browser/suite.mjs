// The end-to-end checks every browser must pass, on the fixture pages, with the real extension:
// highlights, overlay buttons, the card's contents, insertion checked in the editor's own state,
// no page errors and no requests beyond the fixture pages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FIXTURE_PATHS } from '../support/server.mjs';
import { withBrowser } from '../support/session.mjs';

// ---- functions evaluated in the page's main world (they must be self-contained) ----
export const highlights = () => {
  const h = globalThis.CSS && CSS.highlights && CSS.highlights.get('h7t-m');
  return h ? [...h].map((r) => r.toString().replace(/\u034f/g, '')) : null;
};
export const overlay = () => {
  const host = document.querySelector('hattip-overlay');
  if (!host || !host.shadowRoot) return null;
  const root = host.shadowRoot;
  const card = root.querySelector('[role="dialog"]');
  const field = (name) => card && card.querySelector(`[data-field="${name}"]`);
  return {
    site: host.getAttribute('data-site'),
    ready: Number(host.getAttribute('data-ready') ?? -1),
    buttons: [...root.querySelectorAll('button[data-action="open"]')].map((b) => ({ label: b.getAttribute('aria-label'), post: b.dataset.post, visible: b.getBoundingClientRect().width > 0 })),
    card: card && {
      label: card.getAttribute('aria-label'),
      author: field('author')?.textContent, brand: field('brand')?.textContent, language: field('language')?.dataset.value,
      languageName: field('language')?.textContent, sentiment: field('sentiment')?.textContent, intent: field('intent')?.dataset.value,
      act: field('act')?.dataset.value, reply: field('reply')?.value ?? null, replyLabel: field('reply-label')?.textContent ?? null,
      guidance: field('guidance')?.textContent ?? null, status: field('status')?.textContent,
      reasons: [...(field('reasons')?.querySelectorAll('mark') ?? [])].map((m) => m.textContent),
      hasInsert: !!card.querySelector('[data-action="insert"]'), hasCopy: !!card.querySelector('[data-action="copy"]'),
    },
  };
};
/** The overlay's count of posts with a mention, once Hat Tip is idle with at least `n` (else null). */
export const readyAtLeast = (n) => {
  const host = document.querySelector('hattip-overlay');
  return host && Number(host.getAttribute('data-ready')) >= n ? Number(host.getAttribute('data-ready')) : null;
};
const statusOf = () => {
  const s = document.querySelector('hattip-overlay')?.shadowRoot.querySelector('[data-field="status"]');
  return s && s.textContent && s.textContent !== 'Inserting…' ? s.textContent : null;
};

const sorted = (a) => [...a].sort();

export async function openCardFor(page, labelPart) {
  const state = await page.evaluate(overlay);
  const button = state.buttons.find((b) => b.label.includes(labelPart));
  assert.ok(button, `a button whose label contains "${labelPart}" in ${JSON.stringify(state.buttons)}`);
  await page.clickOverlay(`button[data-post="${button.post}"]`);
  await page.waitFor(() => !!document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]'));
  return (await page.evaluate(overlay)).card;
}

export async function insertAndWait(page) {
  await page.clickOverlay('[role="dialog"] [data-action="insert"]');
  return page.waitFor(statusOf, undefined, 10000);
}

/** Registers the whole suite for one browser. `launch` starts it with the extension loaded. */
export const sortedTexts = sorted;

export function siteSuite(kind, launch) {
  describe(`Hat Tip in ${kind}`, () => {
    const env = withBrowser(launch);
    const pages = [];
    const newPage = async () => {
      const p = await env.browser.newPage();
      pages.push(p);
      return p;
    };

    test('X: highlights across spans and links, one button per tweet with a mention, on a strict-CSP page', async () => {
      const page = await newPage();
      await page.goto(`${env.server.origin}/x/`);
      const ready = await page.waitFor(readyAtLeast, 5);
      assert.equal(ready, 5);
      const state = await page.evaluate(overlay);
      assert.equal(state.site, 'x');
      assert.deepEqual(sorted(await page.evaluate(highlights)),
        sorted(['Cold Brew Reserve', '@northwindcoffee', '@zephyrair', 'Northwind Coffee', 'Zephyr Air', 'Cold Brew Reserve', '#northwind']));
      assert.equal(state.buttons.length, 5);
      for (const brand of ['Northwind Coffee', 'Zephyr Air']) {
        assert.ok(state.buttons.some((b) => b.label.includes(brand)), `a button names ${brand}`);
      }
      assert.ok(state.buttons.every((b) => b.visible));
    });

    test('X: the card explains a praise tweet and Insert fills the Draft.js reply composer', async () => {
      const page = pages.at(-1);
      const card = await openCardFor(page, 'praise');
      assert.equal(card.brand, 'Northwind Coffee');
      assert.match(card.label, /Northwind Coffee/);
      assert.equal(card.language, 'en');
      assert.match(card.sentiment, /^positive/);
      assert.equal(card.intent, 'praise');
      assert.equal(card.act, 'thank');
      assert.match(card.reply, /Ana/);
      assert.ok(card.hasInsert && card.hasCopy);
      const status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      const app = await page.evaluate(() => ({
        text: window.__appState.xComposer,
        replyingTo: window.__appState.replyingTo,
        send: document.querySelector('#layers [data-testid="tweetButton"]').getAttribute('aria-disabled'),
        sent: window.__appState.sent ?? null,
      }));
      assert.equal(app.text, card.reply, 'Draft.js editor state holds the reply');
      assert.equal(app.replyingTo, 1);
      assert.equal(app.send, 'false', 'the send button is enabled');
      assert.equal(app.sent, null, 'Hat Tip never sends');
      await page.clickOverlay('[role="dialog"] [data-action="close"]');
      await page.clickPage('#layers [data-testid="app-bar-close"]');
    });

    test('X: the card shows the words that made a tweet a complaint', async () => {
      const page = pages.at(-1);
      const card = await openCardFor(page, 'complaint');
      assert.equal(card.brand, 'Zephyr Air');
      assert.equal(card.act, 'apologize_help');
      assert.ok(card.reasons.includes('lost') && card.reasons.includes('still waiting'), JSON.stringify(card.reasons));
      await page.clickOverlay('[role="dialog"] [data-action="close"]');
    });

    test('X: a troll gets guidance, not a reply', async () => {
      const page = pages.at(-1);
      const card = await openCardFor(page, 'offensive');
      assert.equal(card.brand, 'Zephyr Air');
      assert.equal(card.act, 'moderate');
      assert.match(card.guidance, /Don't reply/);
      assert.deepEqual(card.reasons, ['idiots']);
      assert.equal(card.hasInsert, false);
      await page.clickOverlay('[role="dialog"] [data-action="close"]');
    });

    test('X: infinite scroll appends and unmounts cells; buttons and highlights follow', async () => {
      const page = pages.at(-1);
      for (let i = 0; i < 8; i++) {
        await page.evaluate(() => window.__fixture.more(5));
        await new Promise((r) => setTimeout(r, 150));
      }
      const expected = await page.evaluate(() => {
        const tweets = [...document.querySelectorAll('article[data-testid="tweet"]')];
        return { cells: tweets.length, withMentions: tweets.filter((t) => t.dataset.fixtureMentions !== '0').length,
          mentions: tweets.reduce((n, t) => n + Number(t.dataset.fixtureMentions), 0) };
      });
      assert.equal(expected.cells, 30, 'the fixture keeps 30 cells mounted');
      await page.waitFor((n) => {
        const host = document.querySelector('hattip-overlay');
        return host.shadowRoot.querySelectorAll('button[data-action="open"]').length === n;
      }, expected.withMentions);
      await page.waitFor((n) => (CSS.highlights.get('h7t-m')?.size === n ? n : null), expected.mentions);
      const ranges = await page.evaluate(() => [...CSS.highlights.get('h7t-m')].every((r) => r.startContainer.isConnected));
      assert.ok(ranges, 'no highlight is left on an unmounted cell');
      assert.deepEqual(page.errors, []);
    });

    test('Facebook: U+034F noise and hidden decoys, Lexical comment box', async () => {
      const page = await newPage();
      await page.goto(`${env.server.origin}/facebook/`);
      await page.waitFor(readyAtLeast, 5);
      const state = await page.evaluate(overlay);
      assert.equal(state.site, 'facebook');
      assert.deepEqual(sorted(await page.evaluate(highlights)), sorted(['Northwind Coffee', 'Northwind Coffee', 'Northwind', 'Northwind', 'Zephyr Air']));
      const decoy = await page.evaluate(() => [...CSS.highlights.get('h7t-m')].some((r) => r.startContainer.parentElement.closest('[aria-hidden="true"]')));
      assert.equal(decoy, false, 'the aria-hidden decoy is not highlighted');
      const card = await openCardFor(page, 'Northwind Coffee mentioned (praise)');
      assert.equal(card.intent, 'praise');
      assert.match(card.reply, /Marta/);
      assert.equal(card.author, 'Marta Silva');
      const status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      const comment = await page.evaluate(() => window.__appState.comments[0]);
      assert.equal(comment, card.reply, 'Lexical editor state holds the reply');
      assert.deepEqual(page.errors, []);
    });

    test('WordPress: comments, a complaint, and the classic comment form', async () => {
      const page = await newPage();
      await page.goto(`${env.server.origin}/wordpress/`);
      await page.waitFor(readyAtLeast, 3);
      const state = await page.evaluate(overlay);
      assert.equal(state.site, 'wordpress');
      assert.deepEqual(sorted(await page.evaluate(highlights)), sorted(['Northwind Coffee', 'Northwind Coffee']));
      const fuzzy = await page.evaluate(() => [...CSS.highlights.get('h7t-f')].map((r) => r.toString()));
      assert.deepEqual(fuzzy, ['Nortwind'], 'a misspelling is painted as one');
      const card = await openCardFor(page, 'complaint');
      assert.equal(card.act, 'apologize_help');
      assert.match(card.reply, /sorry/i);
      const status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      const form = await page.evaluate(() => ({
        value: document.getElementById('comment').value,
        parent: document.getElementById('comment_parent').value,
        movedUnder: document.getElementById('respond').previousElementSibling?.id,
        submitted: false,
      }));
      assert.equal(form.value, `Northwind draft that must not be highlighted ${card.reply}`);
      assert.equal(form.parent, '12', 'the reply threads under the complaint');
      assert.equal(form.movedUnder, 'div-comment-12');
      assert.deepEqual(page.errors, []);
    });

    test('Blog: case-sensitive brand, text in hidden, editable and script content is never highlighted', async () => {
      const page = await newPage();
      await page.goto(`${env.server.origin}/blog/`);
      await page.waitFor(readyAtLeast, 2);
      assert.equal((await page.evaluate(overlay)).site, 'blog');
      // "Orbit" ending one list item and "Notes" starting the next are not "Orbit Notes".
      assert.deepEqual(sorted(await page.evaluate(highlights)), sorted(['Orbit Notes', 'Orbit', 'Orbit', 'Orbit', 'Orbit Notes']));
      const card = await openCardFor(page, 'question');
      assert.equal(card.act, 'answer');
      const status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      assert.equal(await page.evaluate(() => document.querySelector('textarea[name="comment"]').value), card.reply);
      assert.deepEqual(page.errors, []);
    });

    test('Disqus: inside the cross-origin comment frame, a Spanish question gets a Spanish answer in the reply box', async () => {
      const page = await newPage();
      await page.goto(`${env.server.origin}/disqus/`);
      const frame = await page.frame('/disqus-embed.html');
      await frame.waitFor(readyAtLeast, 2);
      const state = await frame.evaluate(overlay);
      assert.equal(state.site, 'disqus');
      assert.deepEqual(sorted(await frame.evaluate(highlights)), ['Northwind', 'Northwind']);
      assert.equal(state.buttons.length, 2, 'one button per comment with a mention, nested replies included');
      const card = await openCardFor(frame, 'question');
      assert.equal(card.act, 'answer');
      assert.match(card.replyLabel, /in Spanish/);
      assert.match(card.reply, /^Hola Lucía, .*el horario/, card.reply);
      const status = await insertAndWait(frame);
      assert.match(status, /^Inserted/, status);
      const app = await frame.evaluate(() => ({
        draft: window.__disqus.drafts['post-501'], others: Object.keys(window.__disqus.drafts), posted: window.__disqus.posted,
        enabled: !document.querySelector('#post-501 > .post-content .post-action__button').disabled,
      }));
      assert.equal(app.draft, card.reply, "the Disqus app's own draft holds the reply");
      assert.deepEqual(app.others, ['post-501'], 'under the right comment, not its nested reply');
      assert.ok(app.enabled, 'Post is enabled');
      assert.deepEqual(app.posted, [], 'Hat Tip never posts');
      assert.deepEqual(page.errors, []);
    });

    test('Blogger: a reply to a comment goes into the cross-origin comment frame', async () => {
      const page = await newPage();
      await page.goto(`${env.server.origin}/blogger/`);
      await page.waitFor(readyAtLeast, 2);
      assert.equal((await page.evaluate(overlay)).site, 'blogger');
      assert.deepEqual(sorted(await page.evaluate(highlights)), sorted(['Zephyr Air', 'SkyLounge', 'Zephyr Air']));
      const frame = await page.frame('/blogger-frame.html');
      const frameSite = await frame.waitFor(() => document.querySelector('hattip-overlay')?.getAttribute('data-ready') === '0' && document.querySelector('hattip-overlay').getAttribute('data-site'));
      assert.equal(frameSite, 'comment-frame');
      const card = await openCardFor(page, 'complaint');
      assert.equal(card.act, 'apologize_help');
      assert.match(card.reply, /Paul/);
      assert.match(card.reply, /lost bag/, 'names the concrete problem');
      const status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      const form = await frame.evaluate(() => ({ ...window.__comment, enabled: !document.getElementById('publish').disabled }));
      assert.deepEqual(form, { body: card.reply, published: false, enabled: true }, "the frame's own state holds the reply; nothing published");
      assert.deepEqual(page.errors, []);
    });

    test('no network requests beyond the fixture pages themselves', async () => {
      const bad = env.server.requests.map((u) => u.split('?')[0]).filter((p) => !FIXTURE_PATHS.has(p));
      assert.deepEqual(bad, [], 'the fixture server saw only fixture paths');
      const seen = [...pages.flatMap((p) => p.requests), ...(env.browser.contextRequests ?? [])];
      // The background reads the engine's .wasm from the extension's own package: not the network.
      const own = (u) => /^(chrome|moz)-extension:\/\//.test(u) && (!env.browser.extensionUrl || u.startsWith(env.browser.extensionUrl('')));
      const foreign = seen.filter((u) => !u.startsWith(env.server.origin) && !u.startsWith(env.server.frameOrigin) && !u.startsWith('data:') && !own(u));
      assert.deepEqual(foreign, [], 'no request left for any other address');
    });
  });
}
