// What the page shows of an author's reach, read from its words, and the addresses the log keeps.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { followersOf, webAddress } from '../../extension/content/source.js';

test('follower counts as pages write them', () => {
  for (const [text, n] of [
    ['12.3K followers', 12300], ['1,2M seguidores', 1200000], ['5 Mio. Follower', 5000000], ['3 mil seguidores', 3000],
    ['1 234 abonnés', 1234], ['12,345 followers', 12345], ['Following 40', null], ['no numbers here', null],
  ]) assert.equal(followersOf(text), n, text);
});

test('only http(s) addresses, without credentials, are kept', () => {
  assert.equal(webAddress('/u/status/3', 'https://x.com/home'), 'https://x.com/u/status/3');
  assert.equal(webAddress('https://me:secret@blog.example/p', 'https://x.com/'), 'https://blog.example/p');
  assert.equal(webAddress('javascript:alert(1)', 'https://x.com/'), null);
  assert.equal(webAddress(`https://x.com/${'a'.repeat(3000)}`, 'https://x.com/'), null);
  assert.equal(webAddress('', 'https://x.com/'), null);
});
