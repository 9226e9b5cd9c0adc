// The mention log end to end, in every browser: browsing the fixture pages fills it (the same post
// seen again is one entry), inserting a reply and correcting an intent are recorded, what the
// popup shows comes from the page and the log, and a correction survives a reload. The
// dashboard, export/import and extension reload are driven in Chromium (dashboard.test.mjs):
// Firefox's WebDriver cannot open extension pages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBrowser } from '../support/session.mjs';
import { control } from '../support/browsers.mjs';
import { openCardFor, insertAndWait, overlay, readyAtLeast } from './suite.mjs';

/** The accessible names of Hat Tip's buttons on the page (they name the brand and the intent). */
const buttonLabels = () => [...document.querySelector('hattip-overlay').shadowRoot.querySelectorAll('button[data-action="open"]')]
  .map((b) => b.getAttribute('aria-label'));

/** A WordPress fixture page's comments, for a test that writes its own: `comment(author, text)`
 *  appends one (a copy of the first, with a new id) and waits until Hat Tip has given it a card
 *  (with `{ card: false }`, a comment expected to get none, it does not wait);
 *  `cardOf(author)` opens that comment's card and reads it. */
let commentPages = 0;

async function commentsOn(blog) {
  let ready = await blog.waitFor(readyAtLeast, 1);
  const cardOf = async (author) => {
    for (const { post } of (await blog.evaluate(overlay)).buttons.reverse()) {
      if ((await blog.evaluate(overlay)).card) await blog.clickOverlay('[role="dialog"] [data-action="close"]');
      await blog.clickOverlay(`button[data-post="${post}"]`);
      const card = await blog.waitFor((id) => {
        const open = document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]');
        return open?.dataset.post === id && {
          author: open.querySelector('[data-field="author"]')?.textContent,
          intent: open.querySelector('[data-field="intent"]').dataset.value,
          act: open.querySelector('[data-field="act"]').dataset.value,
          note: open.querySelector('[data-field="from-correction"]')?.textContent ?? null,
          readings: [...open.querySelectorAll('[data-field="readings"] button')].map((r) => ({ intent: r.dataset.intent, text: r.textContent })),
          sure: open.querySelector('[data-field="readings"] .label')?.textContent ?? null,
        };
      }, post);
      if (card.author?.includes(author)) return card;
    }
    return assert.fail(`no card for ${author}`);
  };
  // Comment ids are unique across tests: the log knows a comment by its link (`#comment-N`).
  let next = (commentPages += 1) * 100;
  const comment = async (author, text, { card = true } = {}) => {
    next += 1;
    await blog.evaluate(([id, author, text]) => {
      const li = document.querySelector('.comment-list li').cloneNode(true);
      li.id = `comment-${id}`;
      li.querySelector('.comment-body').id = `div-comment-${id}`;
      li.querySelector('.fn').textContent = author;
      li.querySelector('.comment-content').replaceChildren(Object.assign(document.createElement('p'), { textContent: text }));
      document.querySelector('.comment-list').append(li);
    }, [next, author, text]);
    if (card) ready = await blog.waitFor(readyAtLeast, ready + 1);
  };
  return { comment, cardOf };
}

export function logSuite(name, launch) {
  describe(`${name}: the mention log`, () => {
    const env = withBrowser(launch);
    const ask = (message) => control(env.browser, env.server.origin, { hattipTest: 'ask', message });

    test('browsing logs each post with a mention once; an insert and a correction are kept', async () => {
      const page = await env.browser.newPage();
      await page.goto(`${env.server.origin}/x/`);
      assert.equal(await page.waitFor(readyAtLeast, 5), 5);
      const blog = await env.browser.newPage();
      await blog.goto(`${env.server.origin}/wordpress/`);
      const onBlog = await blog.waitFor(readyAtLeast, 1);
      await blog.close();
      await ask({ type: 'hattip:log-flush' });
      const first = await ask({ type: 'hattip:log-summary' });
      assert.equal(first.total, 5 + onBlog, 'every post with a mention, on both pages');
      assert.equal(first.today, first.total);
      assert.equal(first.week, first.total);
      assert.equal(first.problem, null);

      await page.goto(`${env.server.origin}/x/`);
      await page.waitFor(readyAtLeast, 5);
      await ask({ type: 'hattip:log-flush' });
      assert.equal((await ask({ type: 'hattip:log-summary' })).total, first.total, 'a reload adds no entry');

      // Insert a reply to the question, correct the suggestion to a question.
      const question = await openCardFor(page, '(question)');
      assert.equal(question.intent, 'question');
      assert.match(await insertAndWait(page), /^Inserted/);
      await page.clickOverlay('[role="dialog"] [data-action="close"]');
      await page.clickPage('#layers [data-testid="app-bar-close"]');
      const idea = await openCardFor(page, '(suggestion)');
      assert.equal(idea.intent, 'suggestion');
      await page.selectOverlay('[data-field="correct-intent"]', 'question');
      const corrected = await page.waitFor(() => {
        const card = document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]');
        return /^Noted/.test(card?.querySelector('[data-field="status"]').textContent) ? card.querySelector('[data-field="intent"]').textContent : null;
      });
      assert.equal(corrected, 'question');
      assert.equal((await page.evaluate(overlay)).card.act, 'answer', 'the reply follows the correction at once');
      assert.ok((await page.evaluate(buttonLabels)).some((l) => /\(question\)/.test(l) && /Northwind/.test(l)));

      // The correction is kept: after a reload the same post comes back as a question.
      await page.goto(`${env.server.origin}/x/`);
      await page.waitFor(readyAtLeast, 5);
      const labels = await page.evaluate(buttonLabels);
      assert.equal(labels.filter((l) => /\(question\)/.test(l)).length, 2, labels.join('\n'));
      assert.ok(!labels.some((l) => /\(suggestion\)/.test(l)), labels.join('\n'));
      await ask({ type: 'hattip:log-flush' });
      assert.equal((await ask({ type: 'hattip:log-summary' })).total, first.total);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('a correction is used for a later post close to the corrected one, and for no other', async () => {
      const blog = await env.browser.newPage();
      await blog.goto(`${env.server.origin}/wordpress/`);
      const { comment, cardOf } = await commentsOn(blog);

      await comment('Ana One', 'You should add oat milk to the menu at Northwind, my whole office would come');
      assert.notEqual((await cardOf('Ana One')).intent, 'praise');
      await blog.selectOverlay('[data-field="correct-intent"]', 'praise');
      await blog.waitFor(() => {
        const card = document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]');
        return card?.querySelector('[data-field="intent"]').dataset.value === 'praise' || null;
      });

      assert.equal((await ask({ type: 'hattip:status' })).corrections >= 1, true, 'the engine remembers the correction');
      await comment('Ben Two', 'You should add oat milk to the menu at Northwind, my whole team would come');
      const close = await cardOf('Ben Two');
      assert.equal(close.intent, 'praise', 'read the way the user corrected the close post');
      assert.equal(close.act, 'thank');
      assert.equal(close.note, 'Read as you corrected a similar post.');
      await comment('Cy Three', 'Northwind my order never arrived and nobody answers the phone');
      const unrelated = await cardOf('Cy Three');
      assert.equal(unrelated.intent, 'complaint');
      assert.equal(unrelated.note, null);
      assert.equal((await cardOf('Olivia Brown')).note, null, 'a post read before the correction is read as before');
      assert.deepEqual(blog.errors, []);
      await blog.close();
    });

    test('when unsure, the card offers the other likely reading, and one click redrafts for it', async () => {
      const blog = await env.browser.newPage();
      await blog.goto(`${env.server.origin}/wordpress/`);
      const { comment, cardOf } = await commentsOn(blog);
      // Amazement or dismay: the rules read "no words" as a complaint, the model finds praise
      // likelier. Whichever the card shows, it offers the other first (two readings at most).
      await comment('Dee Four', 'Northwind, I have no words');
      const card = await cardOf('Dee Four');
      assert.ok(card.readings.length >= 1 && card.readings.length <= 2, JSON.stringify(card));
      const [other] = card.readings;
      assert.ok(['praise', 'complaint'].includes(other.intent) && other.intent !== card.intent, JSON.stringify(card));
      assert.match(other.text, /^(praise|a complaint) \(\d+ %\)$/);
      assert.match(card.sure, /^Hat Tip is \d+ % sure\. Or is it$/);
      await blog.clickOverlay('[role="dialog"] [data-action="reread"]');
      const redrafted = await blog.waitFor((want) => {
        const open = document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]');
        return open?.querySelector('[data-field="intent"]').dataset.value === want && {
          act: open.querySelector('[data-field="act"]').dataset.value,
          status: open.querySelector('[data-field="status"]').textContent,
        };
      }, other.intent);
      assert.equal(redrafted.act, other.intent === 'praise' ? 'thank' : 'apologize_help');
      assert.match(redrafted.status, /^Noted: /);
      assert.deepEqual(blog.errors, []);
      await blog.close();
    });

    test('praise the model reads as a complaint gets no reply until the user says which it is', async () => {
      const blog = await env.browser.newPage();
      await blog.goto(`${env.server.origin}/wordpress/`);
      const { comment, cardOf } = await commentsOn(blog);
      await comment('Gus Seven', 'Northwind my coffee was cold but the barista was lovely');
      const card = await cardOf('Gus Seven');
      const shown = await blog.evaluate(() => {
        const open = document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]');
        return {
          guidance: open.querySelector('[data-field="guidance"]')?.textContent ?? null,
          reply: open.querySelector('[data-field="reply"]')?.value ?? null,
        };
      });
      assert.match(shown.guidance ?? '', /^Praise or a complaint\?/, JSON.stringify({ card, shown }));
      assert.equal(shown.reply, null, 'no reply is drafted');
      assert.deepEqual(card.readings.map((r) => r.intent).sort(), ['complaint', 'praise'], JSON.stringify(card));
      await blog.clickOverlay('[role="dialog"] [data-action="reread"][data-intent="praise"]');
      const chosen = await blog.waitFor(() => {
        const open = document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]');
        const reply = open?.querySelector('[data-field="reply"]');
        return reply && open.querySelector('[data-field="act"]').dataset.value === 'thank' && reply.value;
      });
      assert.match(chosen, /\w/);
      assert.deepEqual(blog.errors, []);
      await blog.close();
    });

    test('a request put as a question is offered as a suggestion too, without odds the model does not give it', async () => {
      const blog = await env.browser.newPage();
      await blog.goto(`${env.server.origin}/wordpress/`);
      const { comment, cardOf } = await commentsOn(blog);
      await comment('Fay Six', 'Northwind could you open earlier on Sundays?');
      const card = await cardOf('Fay Six');
      assert.equal(card.intent, 'question', JSON.stringify(card));
      const idea = card.readings.find((r) => r.intent === 'suggestion');
      assert.ok(idea, JSON.stringify(card));
      assert.match(idea.text, /^an idea( \(\d+ %\))?$/);
      assert.deepEqual(blog.errors, []);
      await blog.close();
    });

    test('a post in a language Hat Tip has no replies for is answered in the profile\'s, and the card says so', async () => {
      const blog = await env.browser.newPage();
      await blog.goto(`${env.server.origin}/wordpress/`);
      const { comment, cardOf } = await commentsOn(blog);
      await comment('Eli Five', 'القهوة في Northwind رائعة جدا شكرا لكم على الخدمة');
      const card = await cardOf('Eli Five');
      const shown = await blog.evaluate(() => {
        const open = document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]');
        return {
          language: open.querySelector('[data-field="language"]').dataset.value,
          note: open.querySelector('[data-field="other-language"]')?.textContent ?? null,
          reply: open.querySelector('[data-field="reply"]').value,
        };
      });
      assert.equal(shown.language, 'ar', JSON.stringify(card));
      assert.equal(shown.note, 'Hat Tip cannot write in Arabic yet: this reply is in English.');
      assert.match(shown.reply, /[a-z]/i);
      await comment('Fay Six', 'The cold brew at Northwind is lovely, thank you');
      await cardOf('Fay Six');
      assert.equal(await blog.evaluate(() => document.querySelector('hattip-overlay').shadowRoot
        .querySelector('[role="dialog"] [data-field="other-language"]')), null, 'no note when the reply is in the post\'s language');
      assert.deepEqual(blog.errors, []);
      await blog.close();
    });

    test('a question about a brand\'s category that names no brand is highlighted as one and answered without selling', async () => {
      const blog = await env.browser.newPage();
      await blog.goto(`${env.server.origin}/wordpress/`);
      const { comment, cardOf } = await commentsOn(blog);
      const buttons = async () => (await blog.evaluate(overlay)).buttons.length;
      const before = await buttons();
      await comment('Gus Seven', 'Which coffee grinder would you recommend for a beginner? Open to any brand');
      assert.equal(await buttons(), before + 1);
      const card = await cardOf('Gus Seven');
      assert.equal(card.act, 'advise', JSON.stringify(card));
      assert.equal(card.intent, 'question');
      const shown = await blog.evaluate(() => {
        const open = document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]');
        return {
          title: open.querySelector('h2').textContent,
          matched: open.querySelector('[data-field="matched"]').textContent,
          reply: open.querySelector('[data-field="reply"]').value,
          painted: [...CSS.highlights.get('h7t-c')].map((r) => r.toString()),
        };
      });
      assert.equal(shown.title, "Question about Northwind Coffee's category");
      assert.equal(shown.matched, 'coffee grinder');
      assert.ok(shown.painted.includes('coffee grinder'), JSON.stringify(shown.painted));
      assert.match(shown.reply, /^Hi Gus, .*coffee grinder.*choosing someone else/);
      assert.doesNotMatch(shown.reply, /Northwind/);
      // The same words in a post that asks nothing are not shown (read before the next
      // comment, which gets a card); a category word in a post that names the brand is a
      // mention of the brand.
      await comment('Hal Eight', 'Finally got myself a new coffee grinder this weekend', { card: false });
      await comment('Ida Nine', 'Does Northwind sell a coffee grinder for beginners?');
      assert.equal(await buttons(), before + 2, 'no card for a post that asks nothing');
      const brand = await cardOf('Ida Nine');
      assert.equal(brand.act, 'answer');
      assert.deepEqual(blog.errors, []);
      await blog.close();
    });

    test('with the log turned off, browsing logs nothing', async () => {
      await ask({ type: 'hattip:log-flush' });
      const before = (await ask({ type: 'hattip:log-summary' })).total;
      await control(env.browser, env.server.origin, { hattipTest: 'set', items: { logSettings: { enabled: false } } });
      const page = await env.browser.newPage();
      await page.goto(`${env.server.origin}/blog/`);
      assert.ok(await page.waitFor(readyAtLeast, 1) >= 1, 'Hat Tip still works');
      await ask({ type: 'hattip:log-flush' });
      assert.equal((await ask({ type: 'hattip:log-summary' })).total, before);
      await control(env.browser, env.server.origin, { hattipTest: 'remove', keys: ['logSettings'] });
      await page.close();
    });

    test('a content script cannot empty the log, and bad actions are refused naming the field', async () => {
      assert.equal(await ask({ type: 'hattip:log-forget' }), undefined, 'only the extension\'s own pages may');
      assert.ok((await ask({ type: 'hattip:log-summary' })).total > 0);
      assert.deepEqual(await ask({ type: 'hattip:acted', key: 'nope', what: 'inserted' }), { ok: false, error: 'key: not an entry key' });
      assert.match((await ask({ type: 'hattip:acted', key: 'a'.repeat(32), what: 'liked' })).error, /^what: one of/);
      assert.match((await ask({ type: 'hattip:acted', key: 'a'.repeat(32), what: 'corrected', intent: 'rant' })).error, /^intent: one of/);
    });
  });
}
