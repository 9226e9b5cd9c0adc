// The mention log's entry: strict checks that name the field, and one entry per post.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LogError, checkEntry, mergeEntries, waiting, withAction, intentOf } from '../../extension/log/record.js';
import { entry, T0, DAY } from './fixtures.mjs';

const refused = (value, message) => assert.throws(() => checkEntry(value, 'mentions[0]'), (e) => e instanceof LogError && e.message.startsWith(message), message);

test('a valid entry is accepted and copied field by field', () => {
  const e = entry();
  assert.deepEqual(checkEntry(e), e);
  assert.equal(checkEntry(entry({ language: 'unknown' })).language, 'unknown', "a post too short to tell its language is logged too");
});

test('bad entries are refused, naming the field, without repeating a huge value', () => {
  refused({ ...entry(), colour: 'red' }, 'mentions[0].colour: unknown field');
  refused(JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(entry()).slice(1)}`), 'mentions[0].__proto__: unknown field');
  refused(entry({ key: 'abc' }), 'mentions[0].key: "abc" is not an entry key');
  refused(entry({ intent: 'rant' }), 'mentions[0].intent: "rant" is not one of praise');
  refused(entry({ sentiment: { label: 'positive', score: 7 } }), 'mentions[0].sentiment.score: 7 is not a score');
  refused(entry({ permalink: 'javascript:alert(1)' }), 'mentions[0].permalink: "javascript:alert(1)" is not an http(s) address');
  refused(entry({ firstSeen: 'yesterday' }), 'mentions[0].firstSeen: "yesterday" is not a time');
  refused(entry({ lastSeen: T0 - DAY }), 'mentions[0].lastSeen: earlier than firstSeen');
  refused(entry({ reach: { followers: -3 } }), 'mentions[0].reach.followers: -3 is not a follower count');
  refused(entry({ actions: { corrected: { intent: 'praise' } } }), 'mentions[0].actions.corrected.at: missing');
  const huge = 'x'.repeat(1_000_000);
  assert.throws(() => checkEntry(entry({ language: huge }), 'e'), (e) => e.message.length < 100);
  assert.throws(() => checkEntry(entry({ text: huge }), 'e'), /e\.text: longer than 5000 characters/);
});

test('two sightings of a post are one entry: first to last seen, every action kept', () => {
  const first = entry({ firstSeen: T0, lastSeen: T0, actions: { inserted: T0 + 5 } });
  const again = { ...first, firstSeen: T0 + DAY, lastSeen: T0 + DAY, text: null, intent: 'question', actions: { ...first.actions, inserted: null, dismissed: T0 + DAY } };
  const merged = mergeEntries(first, again);
  assert.equal(merged.firstSeen, T0);
  assert.equal(merged.lastSeen, T0 + DAY);
  assert.equal(merged.seen, 2);
  assert.equal(merged.intent, 'question', 'the latest sighting describes it');
  assert.equal(merged.text, first.text, 'a text is not lost because a later sighting had none');
  assert.equal(merged.actions.inserted, T0 + 5);
  assert.equal(merged.actions.dismissed, T0 + DAY);
  assert.equal(mergeEntries(first, again, 'max').seen, 1, 'an import does not count the same sightings twice');
  assert.deepEqual(mergeEntries(again, first), merged, 'the order of the two does not matter');
});

test('a correction changes the intent that counts; answering or dismissing ends the wait', () => {
  const question = entry({ intent: 'question' });
  assert.equal(waiting(question), true);
  const corrected = withAction(question, 'corrected', T0 + 1, 'praise');
  assert.equal(intentOf(corrected), 'praise');
  assert.equal(waiting(corrected), false);
  assert.equal(waiting(withAction(question, 'copied', T0 + 1)), false);
  assert.equal(waiting(withAction(question, 'dismissed', T0 + 1)), false);
  assert.equal(withAction(withAction(question, 'inserted', T0 + 1), 'inserted', T0 + 9).actions.inserted, T0 + 1, 'the first time counts');
  assert.equal(question.actions.copied, null, 'entries are not changed in place');
});
