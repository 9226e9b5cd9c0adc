// One entry of the mention log: what Hat Tip saw of a post with a mention, and what the user did
// with it. The background writes entries, the dashboard reads, exports and imports them; both go
// through this module, so the shape is checked in one place (an imported file is checked as
// strictly as a profile, with the field's path in the message) and two sightings of the same post
// become one entry the same way everywhere. Plain data, no browser APIs: tested with node.

/** The entry schema's version; exports carry it, imports of older versions are migrated. */
export const SCHEMA_VERSION = 1;
/** What an export file says it is. */
export const FORMAT = 'hattip-mention-log';

export const INTENTS = ['praise', 'complaint', 'question', 'suggestion', 'offensive', 'other'];
export const SENTIMENTS = ['positive', 'neutral', 'negative'];
export const PLATFORMS = ['x', 'facebook', 'blog'];
export const ACTIONS = ['inserted', 'copied', 'dismissed', 'corrected'];
/** Intents that wait for an answer until the user answers or dismisses them. */
export const WAITING_INTENTS = new Set(['question', 'complaint']);

/** Longest post text kept in the log (characters); longer texts are cut. */
export const MAX_TEXT = 5000;
const MAX_SHORT = 200;
const MAX_URL = 2048;
const MAX_MATCHED = 20;
/** Times are milliseconds since 1970, between 2000 and 2100. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/** A value that is not a valid log entry; `message` starts with the field's path. */
export class LogError extends Error {}

const fail = (path, problem) => {
  throw new LogError(`${path}: ${problem}`);
};

/** Describes a refused value without repeating it whole (a 50 MB string stays out of messages). */
function shown(value) {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function string(value, path, max, { optional = false } = {}) {
  if (value === null || value === undefined) {
    if (optional) return null;
    fail(path, 'missing');
  }
  if (typeof value !== 'string') fail(path, `expected text, got ${typeof value}`);
  if (value.length > max) fail(path, `longer than ${max} characters`);
  return value;
}

function time(value, path, { optional = false } = {}) {
  if (value === null || value === undefined) {
    if (optional) return null;
    fail(path, 'missing');
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < EARLIEST || value > LATEST) {
    fail(path, `${shown(value)} is not a time (milliseconds since 1970, between 2000 and 2100)`);
  }
  return value;
}

function oneOf(value, path, allowed) {
  if (!allowed.includes(value)) fail(path, `${shown(value)} is not one of ${allowed.join(', ')}`);
  return value;
}

function url(value, path) {
  const s = string(value, path, MAX_URL, { optional: true });
  if (s !== null && !/^https?:\/\//i.test(s)) fail(path, `${shown(s)} is not an http(s) address`);
  return s;
}

function object(value, path, fields) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path, 'expected an object');
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(fields, key)) fail(`${path}.${key.length > 40 ? `${key.slice(0, 37)}…` : key}`, 'unknown field');
  }
  const out = {};
  for (const [key, check] of Object.entries(fields)) out[key] = check(value[key], `${path}.${key}`);
  return out;
}

const ACTION_FIELDS = {
  inserted: (v, p) => time(v, p, { optional: true }),
  copied: (v, p) => time(v, p, { optional: true }),
  dismissed: (v, p) => time(v, p, { optional: true }),
  corrected: (v, p) => (v === null || v === undefined ? null
    : object(v, p, { intent: (i, q) => oneOf(i, q, INTENTS), at: (t, q) => time(t, q) })),
};

const ENTRY_FIELDS = {
  key: (v, p) => {
    const s = string(v, p, 64);
    if (!/^[0-9a-f]{32}$/.test(s)) fail(p, `${shown(s)} is not an entry key (32 hex digits)`);
    return s;
  },
  brand: (v, p) => string(v, p, MAX_SHORT),
  matched: (v, p) => {
    if (!Array.isArray(v)) fail(p, 'expected a list');
    if (v.length > MAX_MATCHED) fail(p, `more than ${MAX_MATCHED} items`);
    return v.map((m, i) => string(m, `${p}[${i}]`, MAX_SHORT));
  },
  site: (v, p) => string(v, p, 253),
  platform: (v, p) => oneOf(v, p, PLATFORMS),
  url: url,
  permalink: url,
  author: (v, p) => object(v ?? { name: '', handle: '' }, p, {
    name: (s, q) => string(s ?? '', q, MAX_SHORT),
    handle: (s, q) => string(s ?? '', q, MAX_SHORT),
  }),
  reach: (v, p) => object(v ?? {}, p, {
    verified: (b, q) => {
      if (b !== undefined && b !== null && typeof b !== 'boolean') fail(q, 'expected true or false');
      return b === true;
    },
    followers: (n, q) => {
      if (n === null || n === undefined) return null;
      if (!Number.isInteger(n) || n < 0 || n > 1e10) fail(q, `${shown(n)} is not a follower count`);
      return n;
    },
    group: (s, q) => string(s, q, MAX_SHORT, { optional: true }),
  }),
  postedAt: (v, p) => time(v, p, { optional: true }),
  firstSeen: (v, p) => time(v, p),
  lastSeen: (v, p) => time(v, p),
  seen: (v, p) => {
    if (!Number.isInteger(v) || v < 1 || v > 1e9) fail(p, `${shown(v)} is not a number of sightings`);
    return v;
  },
  language: (v, p) => {
    const s = string(v, p, 8);
    // The engine's codes: ISO 639-1, or "unknown" for a post too short to tell.
    if (!/^[a-z]{2,3}$|^unknown$/.test(s)) fail(p, `${shown(s)} is not a language code`);
    return s;
  },
  sentiment: (v, p) => object(v, p, {
    label: (s, q) => oneOf(s, q, SENTIMENTS),
    score: (n, q) => {
      if (typeof n !== 'number' || !(n >= -1 && n <= 1)) fail(q, `${shown(n)} is not a score between -1 and 1`);
      return n;
    },
  }),
  intent: (v, p) => oneOf(v, p, INTENTS),
  act: (v, p) => string(v, p, 40),
  text: (v, p) => string(v, p, MAX_TEXT, { optional: true }),
  actions: (v, p) => object(v ?? {}, p, ACTION_FIELDS),
};

/** A checked copy of `value` as a log entry, or a LogError naming the first bad field. */
export function checkEntry(value, path = 'entry') {
  const entry = object(value, path, ENTRY_FIELDS);
  if (entry.lastSeen < entry.firstSeen) fail(`${path}.lastSeen`, 'earlier than firstSeen');
  return entry;
}

/** The intent that counts: the user's correction, else the engine's. */
export const intentOf = (e) => e.actions.corrected?.intent ?? e.intent;
/** Whether the post named no brand but asked about one's category (the card helped choose). */
export const aboutCategory = (e) => e.act === 'advise';
/** Whether the user answered the post from its card (inserted or copied a reply). */
export const answered = (e) => e.actions.inserted !== null || e.actions.copied !== null;
/** A question or complaint nobody answered or set aside yet. */
export const waiting = (e) => WAITING_INTENTS.has(intentOf(e)) && !answered(e) && e.actions.dismissed === null;

const earliest = (a, b) => (a === null ? b : b === null ? a : Math.min(a, b));

/** One entry from two of the same post (`a.key === b.key`): seen from the first sighting to the
 *  last, described by the latest sighting, every action the user took kept (the first time each
 *  was done; the latest correction). `sightings` says how `seen` adds up: a new sighting
 *  (`'add'`) or the same sightings counted on two machines (`'max'`). */
export function mergeEntries(a, b, sightings = 'add') {
  const [older, newer] = a.lastSeen <= b.lastSeen ? [a, b] : [b, a];
  const ca = a.actions.corrected;
  const cb = b.actions.corrected;
  return {
    ...newer,
    firstSeen: Math.min(a.firstSeen, b.firstSeen),
    lastSeen: newer.lastSeen,
    seen: sightings === 'add' ? Math.min(a.seen + b.seen, 1e9) : Math.max(a.seen, b.seen),
    postedAt: newer.postedAt ?? older.postedAt,
    permalink: newer.permalink ?? older.permalink,
    text: newer.text ?? older.text,
    reach: {
      verified: newer.reach.verified || older.reach.verified,
      followers: newer.reach.followers ?? older.reach.followers,
      group: newer.reach.group ?? older.reach.group,
    },
    actions: {
      inserted: earliest(a.actions.inserted, b.actions.inserted),
      copied: earliest(a.actions.copied, b.actions.copied),
      dismissed: earliest(a.actions.dismissed, b.actions.dismissed),
      corrected: !ca ? cb : !cb ? ca : ca.at >= cb.at ? ca : cb,
    },
  };
}

/** An action the user took on an entry, applied to it (a new entry object). */
export function withAction(entry, what, at, intent) {
  const actions = { ...entry.actions };
  if (what === 'corrected') actions.corrected = { intent, at };
  else actions[what] = actions[what] ?? at;
  return { ...entry, actions };
}

/** The entry without the post's text (the user chose not to keep texts). */
export const withoutText = (e) => (e.text === null ? e : { ...e, text: null });

/** Entries of older schema versions, brought to the current one. Version 1 is the first. */
export function migrate(entries, version) {
  if (version === SCHEMA_VERSION) return entries;
  throw new LogError(`version: ${shown(version)} is not a version of the mention log this Hat Tip can read (it reads ${SCHEMA_VERSION})`);
}
