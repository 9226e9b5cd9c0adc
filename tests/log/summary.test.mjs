// What the dashboard shows, computed from a small log whose answers are known.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarize, filterChoices } from '../../extension/log/summary.js';
import { entry, T0, DAY } from './fixtures.mjs';

const log = [
  entry({ brand: 'Northwind Coffee', intent: 'praise', text: 'the espresso was lovely, lovely crema', firstSeen: T0, lastSeen: T0 }),
  entry({ brand: 'Northwind Coffee', intent: 'praise', text: 'lovely espresso, and the crema was perfect', firstSeen: T0 + DAY, lastSeen: T0 + DAY, author: { name: 'Ana', handle: 'ana' } }),
  entry({ brand: 'Zephyr Air', intent: 'complaint', sentiment: { label: 'negative', score: -0.7 }, text: 'the flight was delayed and the bag was lost', firstSeen: T0 + DAY, lastSeen: T0 + DAY, author: { name: 'Sam', handle: 'sam' }, reach: { followers: 12000, verified: true } }),
  entry({ brand: 'Zephyr Air', intent: 'question', sentiment: { label: 'neutral', score: 0 }, text: 'is the flight delayed and the lounge open', firstSeen: T0 + 2 * DAY, lastSeen: T0 + 2 * DAY, site: 'blog.example', author: { name: 'Kai', handle: '' } }),
  entry({ brand: 'Zephyr Air', intent: 'complaint', sentiment: { label: 'negative', score: -0.5 }, text: 'the bag was delayed, the bag is lost', firstSeen: T0 + 2 * DAY, lastSeen: T0 + 2 * DAY, actions: { inserted: T0 + 2 * DAY + 5 } }),
];

test('counts, days, share of voice and the waiting list', () => {
  const s = summarize(log);
  assert.equal(s.total, 5);
  assert.deepEqual(s.counts.brand, [['Zephyr Air', 3], ['Northwind Coffee', 2]]);
  assert.deepEqual(s.counts.intent, [['complaint', 2], ['praise', 2], ['question', 1]]);
  assert.deepEqual(s.counts.site, [['x.com', 4], ['blog.example', 1]]);
  assert.equal(s.series.days.length, 3);
  assert.deepEqual(s.series.brands.find((b) => b.brand === 'Zephyr Air').counts, [0, 1, 2]);
  assert.deepEqual(s.series.sentiment.find((x) => x.label === 'negative').counts, [0, 1, 1]);
  assert.deepEqual(s.share.map((x) => [x.brand, x.share]), [['Zephyr Air', 0.6], ['Northwind Coffee', 0.4]]);
  assert.deepEqual(s.waiting.shown.map((e) => e.author.name), ['Sam', 'Kai'], 'oldest first; the answered complaint is not waiting');
  assert.equal(s.topAuthors.byReach[0].handle, 'sam');
  assert.equal(s.entries[0].lastSeen, T0 + 2 * DAY, 'latest first');
});

test('a question about a brand\'s category waits for an answer but is no mention of the brand', () => {
  const asked = entry({
    brand: 'Northwind Coffee', intent: 'question', act: 'advise', matched: ['coffee grinder'], sentiment: { label: 'neutral', score: 0 },
    text: 'which coffee grinder for a beginner?', firstSeen: T0 + 3 * DAY, lastSeen: T0 + 3 * DAY, author: { name: 'Gus', handle: 'gus' },
  });
  const s = summarize([...log, asked]);
  assert.equal(s.total, 6);
  assert.equal(s.categoryQuestions, 1);
  assert.deepEqual(s.counts.brand, [['Zephyr Air', 3], ['Northwind Coffee', 2]], 'not counted as a mention of Northwind');
  assert.deepEqual(s.share.map((x) => [x.brand, x.share]), [['Zephyr Air', 0.6], ['Northwind Coffee', 0.4]]);
  assert.equal(s.series.brands.find((b) => b.brand === 'Northwind Coffee').counts.at(-1), 0);
  assert.ok(!s.terms.complaint.concat(s.terms.praise).some(([m]) => m === 'coffee grinder'));
  assert.ok(s.waiting.shown.includes(asked), 'a question nobody answered waits');
  assert.equal(summarize(log).categoryQuestions, 0);
});

test('filters: brand, site, intent, period, search', () => {
  assert.equal(summarize(log, { brand: 'Zephyr Air' }).total, 3);
  assert.equal(summarize(log, { site: 'blog.example' }).total, 1);
  assert.equal(summarize(log, { intent: 'complaint' }).total, 2);
  assert.equal(summarize(log, { from: T0 + DAY }).total, 4);
  assert.equal(summarize(log, { search: 'LOUNGE' }).total, 1);
  assert.equal(summarize(log, { search: 'kai' }).total, 1, 'authors are searched too');
  assert.deepEqual(filterChoices(log).brand, ['Northwind Coffee', 'Zephyr Air']);
});

test('the words that tell praise from complaints, without a stop-word list', () => {
  const { words } = summarize(log);
  const praise = words.praise.map(([w]) => w);
  const complaint = words.complaint.map(([w]) => w);
  assert.ok(praise.includes('lovely') && praise.includes('espresso'), praise.join());
  assert.ok(complaint.includes('bag'), complaint.join());
  for (const common of ['the', 'and', 'was']) {
    assert.ok(!praise.includes(common) && !complaint.includes(common), `${common} says nothing`);
  }
});
