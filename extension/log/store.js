// The mention log's storage: one IndexedDB database in the extension's own origin (the background
// writes it, the dashboard reads it; no web page can reach it). Entries are keyed by post; writes
// come in batches, each one transaction, so a batch is stored whole or not at all. The database's
// version is its layout's (stores and indexes), apart from the entry schema's: `upgrade` builds
// what an older database lacks.

import { openDB } from 'idb';
import { mergeEntries, withAction, withoutText } from './record.js';

const DB_NAME = 'hattip-log';
const STORE = 'mentions';
/** Most entries the log keeps; beyond it the entries seen longest ago go first. */
export const MAX_ENTRIES = 200_000;

/** The database's layout: 1 the store and its time indexes; 2 an index of corrected entries. */
const DB_VERSION = 2;

/** Opens (creating or upgrading) the log. */
export function openLog() {
  return openDB(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const store = db.createObjectStore(STORE, { keyPath: 'key' });
        store.createIndex('lastSeen', 'lastSeen');
        store.createIndex('firstSeen', 'firstSeen');
      }
      // Only entries the user corrected have this key path, so the index holds only them: the
      // engine reads them at every start without reading the whole log.
      if (oldVersion < 2) tx.objectStore(STORE).createIndex('corrected', 'actions.corrected.at');
    },
  });
}

/** The latest `max` corrections the log keeps with their post's text (`{text, intent}`), oldest
 *  first, read through the index of corrected entries. */
export async function latestCorrections(db, max) {
  const found = [];
  let cursor = await db.transaction(STORE).store.index('corrected').openCursor(null, 'prev');
  while (cursor && found.length < max) {
    const { text, actions } = cursor.value;
    if (typeof text === 'string') found.push({ text, intent: actions.corrected.intent });
    cursor = await cursor.continue();
  }
  return found.reverse();
}

/**
 * Stores sightings and actions in one transaction: each sighting merged into the entry of its
 * post (or a new entry), then each action applied to its entry. Resolves to the stored entries.
 * @param {object[]} sightings checked entries
 * @param {{key: string, what: string, at: number, intent?: string}[]} actions
 * @param {'add'|'max'} counting how `seen` adds up (`'max'` for an import)
 */
export async function writeBatch(db, sightings, actions = [], counting = 'add', keepText = true) {
  const tx = db.transaction(STORE, 'readwrite');
  const store = tx.store;
  const touched = new Map();
  for (const s of sightings) {
    const old = touched.get(s.key) ?? (await store.get(s.key));
    let next = old ? mergeEntries(old, s, counting) : s;
    if (!keepText) next = withoutText(next);
    touched.set(s.key, next);
  }
  for (const a of actions) {
    const old = touched.get(a.key) ?? (await store.get(a.key));
    if (old) touched.set(a.key, withAction(old, a.what, a.at, a.intent));
  }
  await Promise.all([...touched.values()].map((e) => store.put(e)));
  await tx.done;
  return [...touched.values()];
}

/** The entries last seen since `from` (ms): what a dashboard period shows, read first. */
export const entriesSince = (db, from) => db.getAllFromIndex(STORE, 'lastSeen', IDBKeyRange.lowerBound(from));

/** Every entry, `size` at a time (each piece is read and unpacked as one short task). */
export async function* entryChunks(db, size = 5000) {
  let last = null;
  for (;;) {
    const chunk = await db.getAll(STORE, last === null ? undefined : IDBKeyRange.lowerBound(last, true), size);
    if (!chunk.length) return;
    yield chunk;
    last = chunk.at(-1).key;
  }
}

/** How many entries were first seen since `since` (ms), and in all. */
export async function counts(db, since) {
  const tx = db.transaction(STORE);
  const [total, recent] = await Promise.all([
    tx.store.count(),
    Promise.all(since.map((t) => tx.store.index('firstSeen').count(IDBKeyRange.lowerBound(t)))),
  ]);
  return { total, since: recent };
}

/** The entries of these post keys that the log holds (key → entry), read in one transaction. */
export async function entriesByKey(db, keys) {
  const store = db.transaction(STORE).store;
  const found = await Promise.all(keys.map((k) => store.get(k)));
  return new Map(found.filter(Boolean).map((e) => [e.key, e]));
}

/** Deletes entries last seen before `before` (ms), then the oldest beyond MAX_ENTRIES. */
export async function prune(db, before, max = MAX_ENTRIES) {
  const tx = db.transaction(STORE, 'readwrite');
  const byLastSeen = tx.store.index('lastSeen');
  let removed = 0;
  let cursor = await byLastSeen.openCursor(IDBKeyRange.upperBound(before, true));
  while (cursor) {
    await cursor.delete();
    removed++;
    cursor = await cursor.continue();
  }
  let extra = (await tx.store.count()) - max;
  cursor = extra > 0 ? await byLastSeen.openCursor() : null;
  while (cursor && extra > 0) {
    await cursor.delete();
    removed++;
    extra--;
    cursor = await cursor.continue();
  }
  await tx.done;
  return removed;
}

/** Drops the post texts of every entry (the user chose not to keep them). */
export async function forgetTexts(db) {
  const tx = db.transaction(STORE, 'readwrite');
  let cursor = await tx.store.openCursor();
  while (cursor) {
    if (cursor.value.text !== null) await cursor.update(withoutText(cursor.value));
    cursor = await cursor.continue();
  }
  await tx.done;
}

/** Empties the log. */
export async function clearLog(db) {
  await db.clear(STORE);
}
