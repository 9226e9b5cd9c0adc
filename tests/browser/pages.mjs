// Every page people write on, in one browser: blog posts and their comments on engines Hat Tip
// has adapters for (WordPress block themes with Jetpack, wpDiscuz, Discourse, Substack, Ghost),
// blogs it has none for (found by their shape), and every reply path on X and Facebook. Each test
// loads its own page and checks what a user sees: every mention highlighted and nothing else,
// one button per post or comment with a mention (none on navigation, sidebars, footers or
// hidden text), the card naming the right author, and Insert landing in the editor's own state
// without sending.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBrowser } from '../support/session.mjs';
import { highlights, overlay, readyAtLeast, insertAndWait, sortedTexts as sorted } from './suite.mjs';

/** Opens, one by one, the cards of the page's buttons until one names `author`; returns it. */
async function openCardBy(page, author) {
  const { buttons } = await page.evaluate(overlay);
  const seen = [];
  for (const b of buttons) {
    await page.clickOverlay(`button[data-post="${b.post}"]`);
    await page.waitFor(() => !!document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]'));
    const { card } = await page.evaluate(overlay);
    seen.push(card?.author);
    if (card?.author === author) return card;
    await page.clickOverlay('[role="dialog"] [data-action="close"]');
  }
  throw new Error(`no card names ${author}; the cards name ${JSON.stringify(seen)}`);
}

/** Waits until the page settles with exactly `buttons` buttons and returns the highlights. */
async function settle(page, buttons) {
  await page.waitFor(readyAtLeast, buttons);
  const state = await page.evaluate(overlay);
  assert.equal(state.buttons.length, buttons, `buttons: ${JSON.stringify(state.buttons.map((b) => b.label))}`);
  return { state, marks: sorted(await page.evaluate(highlights)) };
}

export function pagesSuite(kind, launch) {
  describe(`Hat Tip on every page people write on, in ${kind}`, () => {
    const env = withBrowser(launch);
    const open = async (path) => {
      const page = await env.browser.newPage();
      await page.goto(`${env.server.origin}${path}`);
      return page;
    };

    test('a blog Hat Tip has no adapter for: the post, its comments and their own reply boxes, found by shape', async () => {
      const page = await open('/unseen-blog/');
      const { state, marks } = await settle(page, 5);
      assert.equal(state.site, 'blog');
      assert.deepEqual(marks, sorted(['Northwind Coffee', 'Zephyr Air', 'SkyLounge', 'Northwind', 'Zephyr Air',
        'Cold Brew Reserve', 'Northwind', '@northwindcoffee', 'SkyLounge']), 'nothing from the nav, sidebar, footer, JSON-LD or hidden blocks');
      const post = await openCardBy(page, 'Hana Sato');
      assert.equal(post.brand, 'Northwind Coffee');
      let status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      let app = await page.evaluate(() => ({ ...window.__unseen.drafts, send: document.getElementById('send-main').disabled }));
      assert.equal(app.main, post.reply, "the post's answer goes in the page's own box (outside any form)");
      assert.equal(app.send, false);
      await page.clickOverlay('[role="dialog"] [data-action="close"]');

      const complaint = await openCardBy(page, 'Marcus');
      assert.equal(complaint.intent, 'complaint');
      status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      app = await page.evaluate(() => window.__unseen);
      assert.equal(app.drafts.r2, complaint.reply, 'its Reply button was clicked and the box under it took the reply');
      assert.deepEqual(Object.keys(app.drafts).sort(), ['main', 'r2']);
      assert.deepEqual(app.sent, [], 'nothing sent');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('a Hugo blog with Isso comments: the post by its byline, a German question answered in German under it', async () => {
      const page = await open('/isso/');
      const { marks } = await settle(page, 3);
      assert.deepEqual(marks, sorted(['Orbit Notes', 'Orbit Notes', 'Orbit', 'Orbit Notes', 'Orbit']));
      await openCardBy(page, 'Jonas Keller');
      await page.clickOverlay('[role="dialog"] [data-action="close"]');
      const card = await openCardBy(page, 'Miriam');
      assert.equal(card.language, 'de');
      assert.match(card.replyLabel, /in German/);
      const status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      assert.deepEqual(await page.evaluate(() => window.__isso.drafts), { 'isso-1': card.reply });
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('WordPress block theme with Jetpack: the post body, threaded comments, a reply through the moved comment frame', async () => {
      const page = await open('/wordpress-block/');
      const { state, marks } = await settle(page, 3);
      assert.equal(state.site, 'wordpress');
      assert.deepEqual(marks, sorted(['Zephyr Air', 'SkyLounge', 'Zephyr Air', 'ZephyrAir']));
      await openCardBy(page, 'Ellen Park');
      await page.clickOverlay('[role="dialog"] [data-action="close"]');
      const card = await openCardBy(page, 'Rosa Lind');
      assert.equal(card.intent, 'question');
      const status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      const frame = await page.frame('/jetpack-comment/');
      const form = await frame.waitFor(() => window.__jetpack.comment && { ...window.__jetpack, enabled: !document.getElementById('comment-submit').disabled });
      assert.deepEqual(form, { comment: card.reply, replyTo: '21', posted: false, enabled: true }, "the frame's form answers comment 21 and holds the reply");
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('wpDiscuz: a Spanish question gets a Spanish answer in its own Quill reply form; the post goes to the main form', async () => {
      const page = await open('/wpdiscuz/');
      const { state, marks } = await settle(page, 3);
      assert.equal(state.site, 'wpdiscuz');
      assert.deepEqual(marks, sorted(['Cold Brew Reserve', 'Northwind Coffee', 'Cold Brew Reserve', 'Northwind']));
      const card = await openCardBy(page, 'Diego');
      assert.equal(card.language, 'es');
      let status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      await page.clickOverlay('[role="dialog"] [data-action="close"]');
      const post = await openCardBy(page, 'Carmen Ortiz');
      status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      const app = await page.evaluate(() => ({ drafts: window.__wpdiscuz.drafts,
        enabled: [...document.querySelectorAll('.wc_comm_submit')].map((b) => !b.disabled) }));
      assert.deepEqual(app.drafts, { main: post.reply, '31_0': card.reply }, "Quill's own text in each editor");
      assert.deepEqual(app.enabled, [true, true]);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('Discourse: each post answered in the composer its Reply opens, the author by name and username', async () => {
      const page = await open('/discourse/');
      const { state, marks } = await settle(page, 2);
      assert.equal(state.site, 'discourse');
      assert.deepEqual(marks, sorted(['Orbit Notes', 'Orbit']));
      const card = await openCardBy(page, 'Ravi Kumar @rkumar');
      const status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      const app = await page.evaluate(() => ({ ...window.__discourse, enabled: !document.querySelector('#reply-control .create').disabled }));
      assert.deepEqual(app, { reply: card.reply, replyTo: 901, posted: false, enabled: true });
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test("Substack: the post's author in the page's comment box, a comment's author in the box its Reply opens", async () => {
      const page = await open('/substack/');
      const { state, marks } = await settle(page, 3);
      assert.equal(state.site, 'substack');
      assert.deepEqual(marks, sorted(['Zephyr Air', 'Zephyr Air', 'zephyr air']));
      const post = await openCardBy(page, 'Grace Miller');
      let status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      await page.clickOverlay('[role="dialog"] [data-action="close"]');
      const card = await openCardBy(page, 'Zoe');
      assert.equal(card.intent, 'complaint');
      status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      assert.deepEqual(await page.evaluate(() => window.__substack.drafts), { post: post.reply, 'comment-7002': card.reply });
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('Ghost: the post body and its author from the byline; with no comment box on the page, Insert says so', async () => {
      const page = await open('/ghost/');
      const { state, marks } = await settle(page, 1);
      assert.equal(state.site, 'ghost');
      assert.deepEqual(marks, sorted(['Orbit Notes', 'Orbit']), 'the body only: not the navigation or the footer');
      await openCardBy(page, 'Sofia Rossi');
      const status = await insertAndWait(page);
      assert.match(status, /^Couldn't find this post's reply box\./, status);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test("X, a post's page: the focal post in the inline composer, a thread reply in the modal, a quoted post's author, Show more", async () => {
      const page = await open('/x-status/');
      const { marks } = await settle(page, 3);
      assert.deepEqual(marks, sorted(['@zephyrair', 'SkyLounge', '@zephyrair', 'Zephyr Air']));
      const focal = await openCardBy(page, 'Nia Okafor @niaok');
      let status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      let app = await page.evaluate(() => ({ ...window.__appState,
        inline: document.querySelector('[data-testid="tweetButtonInline"]').getAttribute('aria-disabled') }));
      assert.equal(app.inlineComposer, focal.reply, "the inline composer's Draft.js state holds the reply");
      assert.equal(app.inline, 'false', 'its Reply button is enabled');
      assert.equal(app.replyingTo, null, 'no modal was opened');
      assert.equal(app.inlineSent, null);
      await page.clickOverlay('[role="dialog"] [data-action="close"]');

      const reply = await openCardBy(page, 'Ben Carter @bencarter');
      status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      app = await page.evaluate(() => window.__appState);
      assert.equal(app.replyingTo, 51, 'the modal answers the thread reply, not the focal post');
      assert.equal(app.xComposer, reply.reply);
      await page.clickOverlay('[role="dialog"] [data-action="close"]');
      await page.clickPage('#layers [data-testid="app-bar-close"]');

      const quoted = await openCardBy(page, 'Aisha Khan @aishak');
      assert.match(quoted.reply, /Aisha/, 'the quoted author is the one answered');
      status = await insertAndWait(page);
      assert.match(status, /quoted post: open it and reply to its author there/, status);

      await page.clickPage('[data-testid="tweet-text-show-more-link"]');
      await page.waitFor(readyAtLeast, 4);
      assert.ok((await page.evaluate(highlights)).includes('@northwindcoffee'), 'the text Show more revealed is read');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('Facebook: a comment and a reply to it answered in their thread box, a group post behind See more in its own box', async () => {
      const page = await open('/facebook/');
      const { marks } = await settle(page, 5);
      assert.deepEqual(marks, sorted(['Northwind Coffee', 'Northwind Coffee', 'Northwind', 'Northwind', 'Zephyr Air']));
      const comment = await openCardBy(page, 'Paulo Reis');
      assert.equal(comment.intent, 'question');
      let status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      let boxes = await page.evaluate(() => window.__appState.boxes);
      assert.equal(boxes['reply-thread'], comment.reply, "the thread's Lexical reply box holds it");
      assert.equal(boxes['group-post'], '');
      await page.clickOverlay('[role="dialog"] [data-action="close"]');

      const reply = await openCardBy(page, 'Ines Costa');
      assert.match(reply.reply, /Ines/);
      await page.clickOverlay('[role="dialog"] [data-action="close"]');

      await page.clickPage('[data-fixture-see-more]');
      await page.waitFor(readyAtLeast, 6);
      const group = await openCardBy(page, 'Karim Haddad');
      assert.equal(group.brand, 'Zephyr Air');
      status = await insertAndWait(page);
      assert.match(status, /^Inserted/, status);
      boxes = await page.evaluate(() => ({ ...window.__appState.boxes, posts: window.__appState.comments }));
      assert.equal(boxes['group-post'], group.reply, "the group post's own box, not a thread's");
      assert.deepEqual(boxes.posts, ['', '', ''], "no other post's box was touched");
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  });
}
