// The background's side of the mention log: turns each answered post with a mention into a log
// entry (what the engine said, where the content script saw it), records what the user did with
// its card, and writes both to the log in batches, off every page's main thread. A post seen again
// is told what the log knows of it: the intent the user gave it, and whether it was answered or set
// aside. When storage
// refuses a write (full, or refused by the browser) it says so to the popup and Hat Tip goes on
// working without the log.

import { ACTIONS, INTENTS, LogError, MAX_TEXT, checkEntry } from '../log/record.js';
import { openLog, writeBatch, counts, entriesByKey, latestCorrections, prune, forgetTexts, clearLog } from '../log/store.js';
import { SETTINGS_KEY, checkSettings } from '../log/settings.js';
import { t } from '../i18n.js';

const FLUSH_MS = 400;
const FLUSH_AT = 500;
const PRUNE_EVERY_MS = 6 * 3_600_000;
const DAY = 86_400_000;

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The log key of a post: its site and permalink, or (no permalink) its page, author and text. */
export async function keyOf(site, source, author, text) {
  const who = author ? `${author.name}\n${author.handle}` : '';
  const id = source.permalink ? `${site}\n${source.permalink}` : `${site}\n${source.url}\n${who}\n${text.slice(0, 1000)}`;
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id))).slice(0, 32);
}

/** The site a sighting is filed under: the host of the tab (a comment frame's blog, not Disqus). */
export function siteOf(address) {
  try {
    return new URL(address).hostname.replace(/^www\./, '');
  } catch {
    return 'unknown';
  }
}

/** A post's text as the log keeps it: runs of spaces and blank lines folded (how the page laid
 *  it out is not part of what was said). */
const tidy = (text) => text.replace(/[^\S\n]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();

/** Why a storage error stops the log, in words for the popup. */
function problemOf(error) {
  if (error?.name === 'QuotaExceededError') {
    return t('log_full');
  }
  return t('log_unwritable', `${error?.name ?? 'Error'}: ${String(error?.message ?? error).slice(0, 200)}`);
}

export class Logger {
  constructor(api) {
    this.api = api;
    this.db = null;
    this.sightings = [];
    this.actions = [];
    this.timer = null;
    this.flushing = null;
    this.problem = null;
    this.settings = null;
    this.prunedAt = 0;
  }

  /** The open database (opened once per background). */
  async open() {
    this.db ??= openLog().catch((error) => {
      this.db = null;
      throw error;
    });
    return this.db;
  }

  async loadSettings() {
    const stored = (await this.api.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    try {
      this.settings = checkSettings(stored);
    } catch (error) {
      console.warn(`Hat Tip: ${error.message}; using the default log settings`);
      this.settings = checkSettings(undefined);
    }
    return this.settings;
  }

  /** What the log holds of these posts (key → entry), once what is queued is written. */
  async known(keys) {
    if (!keys.length || !(await this.enabled())) return new Map();
    await this.flush();
    try {
      return await entriesByKey(await this.open(), keys);
    } catch (error) {
      this.fail(error);
      return new Map();
    }
  }

  /** The user's corrections the log keeps with their post's text (`{text, intent}`), oldest
   *  first, the latest `max` of them: the engine reads later posts close to one the same way. */
  async corrections(max) {
    if (!(await this.enabled())) return [];
    await this.flush();
    try {
      return await latestCorrections(await this.open(), max);
    } catch (error) {
      this.fail(error);
      return [];
    }
  }

  /** Whether the user keeps a log at all (content scripts then send where they saw each post). */
  async enabled() {
    return (this.settings ?? (await this.loadSettings())).enabled;
  }

  /** Queues one answered post with a mention (`card` from the engine, `source` from the page). */
  async sight({ card, post, source, key, site }) {
    const settings = this.settings ?? (await this.loadSettings());
    if (!settings.enabled) return;
    const now = Date.now();
    const posted = source.postedAt ? Date.parse(source.postedAt) : NaN;
    let entry;
    try {
      entry = checkEntry({
        key, brand: card.brand, matched: [...new Set(card.matched)].slice(0, 20), site, platform: post.platform ?? 'blog',
        url: source.url ?? null, permalink: source.permalink ?? null,
        author: { name: String(post.author?.name ?? '').slice(0, 200), handle: String(post.author?.handle ?? '').slice(0, 200) },
        reach: source.reach ?? {}, postedAt: Number.isFinite(posted) ? posted : null,
        firstSeen: now, lastSeen: now, seen: 1, language: card.language,
        sentiment: { label: card.sentiment_label, score: card.sentiment_score },
        intent: card.intent, act: card.act, text: settings.keepText ? tidy(post.text).slice(0, MAX_TEXT) : null,
        actions: {},
      }, 'sighting');
    } catch (error) {
      if (!(error instanceof LogError)) throw error;
      console.warn(`Hat Tip: a mention was not logged: ${error.message}`);
      return;
    }
    this.sightings.push(entry);
    this.schedule();
  }

  /** Records what the user did with a card: `{key, what, intent?}` from a content script. */
  act(message) {
    const { key, what, intent } = message;
    if (typeof key !== 'string' || !/^[0-9a-f]{32}$/.test(key)) return { ok: false, error: 'key: not an entry key' };
    if (!ACTIONS.includes(what)) return { ok: false, error: `what: one of ${ACTIONS.join(', ')}` };
    if (what === 'corrected' && !INTENTS.includes(intent)) return { ok: false, error: `intent: one of ${INTENTS.join(', ')}` };
    this.actions.push({ key, what, at: Date.now(), ...(what === 'corrected' ? { intent } : {}) });
    this.schedule();
    return { ok: true };
  }

  schedule() {
    if (this.sightings.length >= FLUSH_AT) {
      this.flush();
      return;
    }
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Writes what is queued (one transaction); resolves when it is stored. */
  async flush() {
    clearTimeout(this.timer);
    this.timer = null;
    await this.flushing;
    if (!this.sightings.length && !this.actions.length) return;
    const sightings = this.sightings.splice(0);
    const actions = this.actions.splice(0);
    const run = (async () => {
      try {
        const db = await this.open();
        const settings = this.settings ?? (await this.loadSettings());
        await writeBatch(db, sightings, actions, 'add', settings.keepText);
        this.problem = null;
        if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) await this.prune();
      } catch (error) {
        this.fail(error);
      }
    })();
    this.flushing = run;
    await run;
    if (this.flushing === run) this.flushing = null;
  }

  fail(error) {
    this.problem = problemOf(error);
    console.error(`Hat Tip: ${this.problem}`);
  }

  async prune() {
    this.prunedAt = Date.now();
    const settings = this.settings ?? (await this.loadSettings());
    await prune(await this.open(), Date.now() - settings.retentionDays * DAY);
  }

  /** Today's and this week's counts, everything the log holds, and what is wrong with it. */
  async summary() {
    await this.flush();
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    try {
      const c = await counts(await this.open(), [midnight.getTime(), Date.now() - 7 * DAY]);
      return { ok: true, total: c.total, today: c.since[0], week: c.since[1], problem: this.problem };
    } catch (error) {
      this.fail(error);
      return { ok: true, total: null, today: null, week: null, problem: this.problem };
    }
  }

  /** The settings changed: texts are dropped at once when the user no longer wants them kept,
   *  and a shorter retention applies now. */
  async settingsChanged() {
    const before = this.settings;
    const now = await this.loadSettings();
    await this.flush();
    if (before?.keepText !== false && !now.keepText) await forgetTexts(await this.open());
    await this.prune();
  }

  /** "Forget everything". */
  async forget() {
    this.sightings = [];
    this.actions = [];
    await this.flushing;
    await clearLog(await this.open());
    this.problem = null;
  }
}
