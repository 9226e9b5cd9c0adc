// The mention log as files: a JSON export (every field, readable back by `parseImport`), a CSV
// export (one row per mention, for a spreadsheet), and the checks an imported file goes through
// before anything is written. Plain data, no browser APIs.

import { FORMAT, SCHEMA_VERSION, LogError, checkEntry, intentOf, migrate, waiting } from './record.js';

/** Largest file an import reads (bytes). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Most entries one import may bring. */
export const MAX_IMPORT_ENTRIES = 200_000;

/** The JSON export of `entries`. */
export function toJson(entries, now = Date.now()) {
  return JSON.stringify({ format: FORMAT, version: SCHEMA_VERSION, exported: new Date(now).toISOString(), mentions: entries });
}

const iso = (t) => (t === null ? '' : new Date(t).toISOString());

/** The CSV columns: header and how each is read from an entry. */
export const CSV_COLUMNS = [
  ['first_seen', (e) => iso(e.firstSeen)],
  ['last_seen', (e) => iso(e.lastSeen)],
  ['posted_at', (e) => iso(e.postedAt)],
  ['brand', (e) => e.brand],
  ['matched', (e) => e.matched.join('; ')],
  ['site', (e) => e.site],
  ['platform', (e) => e.platform],
  ['permalink', (e) => e.permalink ?? ''],
  ['page', (e) => e.url ?? ''],
  ['author_name', (e) => e.author.name],
  ['author_handle', (e) => e.author.handle],
  ['verified', (e) => (e.reach.verified ? 'yes' : 'no')],
  ['followers', (e) => (e.reach.followers ?? '')],
  ['group', (e) => e.reach.group ?? ''],
  ['language', (e) => e.language],
  ['sentiment', (e) => e.sentiment.label],
  ['sentiment_score', (e) => e.sentiment.score],
  ['intent', (e) => intentOf(e)],
  ['detected_intent', (e) => e.intent],
  ['suggested_act', (e) => e.act],
  ['inserted_at', (e) => iso(e.actions.inserted)],
  ['copied_at', (e) => iso(e.actions.copied)],
  ['dismissed_at', (e) => iso(e.actions.dismissed)],
  ['corrected_at', (e) => iso(e.actions.corrected?.at ?? null)],
  ['waiting', (e) => (waiting(e) ? 'yes' : 'no')],
  ['times_seen', (e) => e.seen],
  ['text', (e) => e.text ?? ''],
];

/** One CSV field: quoted when it must be, and never read as a formula by a spreadsheet (a
 *  stranger's post starting with "=" or "@" stays text). */
export function csvField(value) {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV export: UTF-8 with a byte-order mark (so spreadsheets read it as UTF-8), a header,
 *  CRLF line ends (RFC 4180). */
export function toCsv(entries) {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const e of entries) lines.push(CSV_COLUMNS.map(([, get]) => csvField(get(e))).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Where a JSON syntax error is, as "line L, column C" (browsers word positions differently). */
function syntaxPlace(text, error) {
  const lc = /line (\d+) column (\d+)/.exec(error.message);
  if (lc) return `line ${lc[1]}, column ${lc[2]}`;
  const pos = /position (\d+)/.exec(error.message);
  if (!pos) return 'a place the browser did not name';
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** A file's bytes as text: refused when they are not UTF-8 (never guessed at). */
export function decodeFile(bytes) {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new LogError(`file: larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LogError('file: not UTF-8 text (an export from Hat Tip is UTF-8)');
  }
}

/**
 * The entries of an export file (text), checked and migrated; a LogError naming the place or
 * field otherwise. Nothing is written here: the caller stores them only when all are good.
 */
export function parseImport(text) {
  if (text.length > MAX_IMPORT_BYTES) throw new LogError(`file: larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  let data;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw new LogError('file: nested too deeply to be a Hat Tip export');
    throw new LogError(`file: not valid JSON at ${syntaxPlace(text, error)}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new LogError('file: not a Hat Tip mention log export (expected an object)');
  if (data.format !== FORMAT) throw new LogError(`format: not a Hat Tip mention log export (expected "${FORMAT}")`);
  if (!Array.isArray(data.mentions)) throw new LogError('mentions: expected a list');
  if (data.mentions.length > MAX_IMPORT_ENTRIES) throw new LogError(`mentions: ${data.mentions.length} entries; at most ${MAX_IMPORT_ENTRIES} in one import`);
  const entries = migrate(data.mentions, data.version).map((e, i) => checkEntry(e, `mentions[${i}]`));
  const keys = new Set();
  for (const [i, e] of entries.entries()) {
    if (keys.has(e.key)) throw new LogError(`mentions[${i}].key: the same post twice in one file`);
    keys.add(e.key);
  }
  return entries;
}
