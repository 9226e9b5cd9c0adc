// A profile an organisation sets by policy (storage.managed), in real Firefox, which reads it from
// a managed-storage manifest in the user's home (Chromium reads policies only from system
// folders, which a test does not write): the policy's profile is the one in use, the options page
// says so, and a policy profile that fails the import checks is refused with a message saying
// whose it was, the demo profile in use instead.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBrowser } from '../support/session.mjs';
import { control, launchFirefox } from '../support/browsers.mjs';
import { readyAtLeast } from './suite.mjs';

const status = (env) => control(env.browser, env.server.origin, { hattipTest: 'ask', message: { type: 'hattip:status' } });
const highlighted = () => [...(CSS.highlights.get('h7t-m') ?? [])].map((r) => r.toString()).sort();

describe('Firefox: a profile set by policy is the one in use', () => {
  const env = withBrowser(launchFirefox, { managed: { profile: { version: 1, brands: [{ name: 'Zephyr Air', aliases: ['Zephyr'] }] } } });

  test("the policy's brands are matched, and the options page says an organisation set them", async () => {
    assert.deepEqual(await status(env), { ok: true, brands: 1, warning: null, managed: true, corrections: 0 });
    const page = await env.browser.newPage();
    await page.goto(`${env.server.origin}/x/`);
    await page.waitFor(readyAtLeast, 1);
    const texts = await page.waitFor(() => (CSS.highlights.get('h7t-m')?.size ? [...CSS.highlights.get('h7t-m')].map((r) => r.toString()) : null));
    assert.ok(texts.every((t) => /zephyr/i.test(t)), JSON.stringify(texts));
    assert.ok(!(await page.evaluate(highlighted)).some((t) => /northwind/i.test(t)), 'the demo brands are not matched');
    const options = await env.browser.extensionPage('options.html', env.server.origin);
    const note = await options.waitFor(() => (document.getElementById('managed').hidden ? null : document.getElementById('managed').textContent));
    assert.match(note, /^Your organisation sets the profile Hat Tip uses/);
    for (const p of [page, options]) await p.close();
  });
});

describe('Firefox: a policy profile that fails the checks is refused', () => {
  const env = withBrowser(launchFirefox, { managed: { profile: { version: 1, brands: [{ name: 'a' }] } } });

  test('the demo profile is used and the warning says the organisation\'s profile was refused and why', async () => {
    const answer = await status(env);
    assert.equal(answer.brands, 3);
    assert.equal(answer.managed, true);
    assert.match(answer.warning, /^the profile your organisation set was refused \(brands\[0\]\.name: "a" is a single character/);
  });
});
