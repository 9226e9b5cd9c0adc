// What the dashboard shows, computed from the mention log: the entries a filter keeps, counts per
// brand, site, language, intent and sentiment, mentions per day, share of voice, the questions and
// complaints waiting for an answer, the top authors and the words people use in praise and in
// complaints. A question about a brand's category names no brand: it is counted on its own, and
// waits for an answer like any question, but is no mention of the brand (not in the per-brand
// counts, share of voice or the names people use). One pass over the entries per filter; plain
// data, no browser APIs.

import { aboutCategory, intentOf, waiting } from './record.js';

const DAY = 86_400_000;
/** Words are counted on at most this many of the latest matching mentions with text. */
export const WORD_SAMPLE = 5000;
const TOP = 10;
const WAITING_SHOWN = 200;
/** A word must come with an intent this many times more often than posts do in general. */
const MIN_LIFT = 1.25;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/**
 * @typedef {{ brand?: string|null, site?: string|null, intent?: string|null, language?: string|null,
 *   from?: number|null, to?: number|null, search?: string }} Filter
 * `from`/`to` bound `lastSeen` (ms); `search` is looked for in the text, author, brand and site.
 */

/** Whether `e` passes `filter`. `needle` is the lower-cased search. */
function keeps(e, f, needle) {
  if (f.brand && e.brand !== f.brand) return false;
  if (f.site && e.site !== f.site) return false;
  if (f.intent && intentOf(e) !== f.intent) return false;
  if (f.language && e.language !== f.language) return false;
  if (f.from != null && e.lastSeen < f.from) return false;
  if (f.to != null && e.lastSeen > f.to) return false;
  if (needle) {
    const hay = `${e.text ?? ''}\n${e.author.name}\n${e.author.handle}\n${e.brand}\n${e.site}\n${e.matched.join(' ')}`;
    if (!hay.toLowerCase().includes(needle)) return false;
  }
  return true;
}

const bump = (map, key, by = 1) => map.set(key, (map.get(key) ?? 0) + by);
const ranked = (map) => [...map].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));

/** The day (local midnight, ms) a time falls on. */
export function dayOf(t, offsetMs) {
  return Math.floor((t - offsetMs) / DAY) * DAY + offsetMs;
}

const tokenCache = new WeakMap();
/** The distinct lower-case words of an entry's text (cached: entries are not changed in place). */
function wordsOf(e) {
  let words = tokenCache.get(e);
  if (!words) {
    const brandWords = new Set(e.matched.flatMap((m) => m.toLowerCase().match(WORD) ?? []));
    words = new Set();
    for (const w of (e.text ?? '').toLowerCase().match(WORD) ?? []) {
      if (w.length >= 3 && !/^\d+$/.test(w) && !brandWords.has(w)) words.add(w);
    }
    tokenCache.set(e, words);
  }
  return words;
}

/** The words most telling of praise and of complaints among `entries` (newest first): a word
 *  counts for an intent by how much more often it comes with that intent than posts in general do
 *  (its lift), times how many posts it is in, so "the", "und", "très" fall out without a stop-word
 *  list in any language. */
function tellingWords(entries) {
  const sample = [];
  for (const e of entries) {
    if (e.text) sample.push(e);
    if (sample.length >= WORD_SAMPLE) break;
  }
  const df = new Map();
  const by = { praise: new Map(), complaint: new Map() };
  const posts = { praise: 0, complaint: 0 };
  for (const e of sample) {
    const intent = intentOf(e);
    if (by[intent]) posts[intent]++;
    for (const w of wordsOf(e)) {
      bump(df, w);
      if (by[intent]) bump(by[intent], w);
    }
  }
  const n = sample.length;
  const telling = (intent) => {
    const base = posts[intent] / (n || 1);
    const scored = new Map();
    for (const [w, c] of by[intent]) {
      const lift = c / df.get(w) / base;
      if (c >= 2 && lift > MIN_LIFT) scored.set(w, c * Math.log(lift));
    }
    return ranked(scored).slice(0, TOP).map(([w]) => [w, by[intent].get(w)]);
  };
  return { praise: telling('praise'), complaint: telling('complaint'), sampled: n };
}

/**
 * Everything the dashboard draws for `entries` under `filter`.
 * @param {object[]} entries the whole log
 * @param {Filter} filter
 * @param {{ offsetMs?: number }} options `offsetMs`: the local time zone's offset from UTC (ms,
 *   east positive), so days start at local midnight.
 */
export function summarize(entries, filter = {}, { offsetMs = 0 } = {}) {
  const needle = (filter.search ?? '').trim().toLowerCase();
  const kept = [];
  const counts = { brand: new Map(), site: new Map(), language: new Map(), intent: new Map(), sentiment: new Map() };
  const perDay = new Map();
  const authors = new Map();
  const terms = { praise: new Map(), complaint: new Map() };
  const waitingList = [];
  let categoryQuestions = 0;
  for (const e of entries) {
    if (!keeps(e, filter, needle)) continue;
    kept.push(e);
    const intent = intentOf(e);
    const ofBrand = !aboutCategory(e);
    categoryQuestions += ofBrand ? 0 : 1;
    if (ofBrand) bump(counts.brand, e.brand);
    bump(counts.site, e.site);
    bump(counts.language, e.language);
    bump(counts.intent, intent);
    bump(counts.sentiment, e.sentiment.label);
    const day = dayOf(e.firstSeen, offsetMs);
    let d = perDay.get(day);
    if (!d) perDay.set(day, (d = { brands: new Map(), positive: 0, neutral: 0, negative: 0 }));
    if (ofBrand) bump(d.brands, e.brand);
    d[e.sentiment.label]++;
    const who = e.author.handle ? `@${e.author.handle}` : e.author.name;
    if (who) {
      const id = `${e.site}\n${who}`;
      const a = authors.get(id) ?? { name: e.author.name, handle: e.author.handle, site: e.site, mentions: 0, followers: null, verified: false };
      a.mentions++;
      a.followers = Math.max(a.followers ?? 0, e.reach.followers ?? 0) || a.followers;
      a.verified ||= e.reach.verified;
      authors.set(id, a);
    }
    if (terms[intent] && ofBrand) for (const m of e.matched) bump(terms[intent], m);
    if (waiting(e)) waitingList.push(e);
  }
  const days = [...perDay.keys()].sort((a, b) => a - b);
  const brands = ranked(counts.brand).map(([b]) => b);
  waitingList.sort((a, b) => a.firstSeen - b.firstSeen);
  kept.sort((a, b) => b.lastSeen - a.lastSeen);
  const authorList = [...authors.values()];
  const reachOf = (a) => (a.followers ?? 0) + (a.verified ? 1 : 0);
  const brandMentions = kept.length - categoryQuestions;
  return {
    total: kept.length,
    categoryQuestions,
    entries: kept,
    counts: Object.fromEntries(Object.entries(counts).map(([k, m]) => [k, ranked(m)])),
    series: {
      days,
      brands: brands.map((b) => ({ brand: b, counts: days.map((d) => perDay.get(d).brands.get(b) ?? 0) })),
      sentiment: ['positive', 'neutral', 'negative'].map((s) => ({ label: s, counts: days.map((d) => perDay.get(d)[s]) })),
    },
    share: ranked(counts.brand).map(([brand, n]) => ({ brand, n, share: n / (brandMentions || 1) })),
    waiting: { count: waitingList.length, shown: waitingList.slice(0, WAITING_SHOWN) },
    topAuthors: {
      byMentions: [...authorList].sort((a, b) => b.mentions - a.mentions || reachOf(b) - reachOf(a)).slice(0, TOP),
      byReach: authorList.filter((a) => reachOf(a) > 0).sort((a, b) => reachOf(b) - reachOf(a) || b.mentions - a.mentions).slice(0, TOP),
    },
    terms: { praise: ranked(terms.praise).slice(0, TOP), complaint: ranked(terms.complaint).slice(0, TOP) },
    words: tellingWords(kept),
  };
}

/** The choices each filter offers: every brand, site, intent and language in the log. */
export function filterChoices(entries) {
  const sets = { brand: new Set(), site: new Set(), intent: new Set(), language: new Set() };
  for (const e of entries) {
    sets.brand.add(e.brand);
    sets.site.add(e.site);
    sets.intent.add(intentOf(e));
    sets.language.add(e.language);
  }
  return Object.fromEntries(Object.entries(sets).map(([k, s]) => [k, [...s].sort()]));
}
