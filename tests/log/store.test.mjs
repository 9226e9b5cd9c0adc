// The mention log's database: a log made by an older Hat Tip gains the index of corrected entries
// when it is opened, and the engine's corrections are read through it (the latest ones, with
// their text), not by reading every entry.
import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDB } from 'idb';
import { openLog, latestCorrections, writeBatch } from '../../extension/log/store.js';
import { entry, T0, DAY } from './fixtures.mjs';

const corrected = (intent, at, text) => entry({ text, actions: { corrected: { intent, at } } });

test('an older log gains the index of corrections; the latest corrections with a text are read from it', async () => {
  const old = await openDB('hattip-log', 1, {
    upgrade(db) {
      const store = db.createObjectStore('mentions', { keyPath: 'key' });
      store.createIndex('lastSeen', 'lastSeen');
      store.createIndex('firstSeen', 'firstSeen');
    },
  });
  const entries = [
    corrected('praise', T0 + 3 * DAY, 'third'),
    corrected('complaint', T0 + DAY, 'first'),
    corrected('question', T0 + 2 * DAY, 'second'),
    corrected('other', T0 + 4 * DAY, null),
    ...Array.from({ length: 50 }, () => entry()),
  ];
  for (const e of entries) await old.put('mentions', e);
  old.close();

  const db = await openLog();
  assert.equal(await db.countFromIndex('mentions', 'corrected'), 4, 'only corrected entries are in the index');
  assert.deepEqual(await latestCorrections(db, 10), [
    { text: 'first', intent: 'complaint' },
    { text: 'second', intent: 'question' },
    { text: 'third', intent: 'praise' },
  ]);
  assert.deepEqual((await latestCorrections(db, 2)).map((c) => c.text), ['second', 'third']);

  // A correction made now is the latest.
  const fresh = entry({ text: 'fourth' });
  await writeBatch(db, [fresh], [{ key: fresh.key, what: 'corrected', at: T0 + 5 * DAY, intent: 'suggestion' }]);
  assert.deepEqual((await latestCorrections(db, 1)), [{ text: 'fourth', intent: 'suggestion' }]);
  db.close();
});
