// The content script: the DOM side of Hat Tip, and nothing else. It finds the posts of the
// current site (sites.js), reads their text (flow.js), asks the engine in the extension's
// background what they say (engine.js), paints the mentions (paint.js), keeps one overlay button
// per post with a mention and opens its card (overlay.js), and inserts replies (insert.js).
//
// It never blocks the page: all work happens in slices of at most SLICE_MS, posts are read in
// bounded steps and sent in bounded pieces, posts near the viewport go first, and the engine's
// work runs in the background, off the page's main thread. Every observer, listener and timer
// belongs to one Session, so `stop()` (the site turned off, access revoked, the extension
// updated) removes highlights, buttons and listeners in one call.

import { detect } from './sites.js';
import { Adapter } from './adapter.js';
import { TextFlow } from './flow.js';
import { Painter, FALLBACK_NAMES } from './paint.js';
import { highlightNames, INSTANCE_KEY } from './exposure.js';
import { Overlay, buttonLabel } from './overlay.js';
import { t } from '../i18n.js';
import { insertReply, insertHandedOver, copyToClipboard } from './insert.js';
import { ask, alive, ContextGone } from './engine.js';
import { sourceOf } from './source.js';
import { WAITING_INTENTS } from '../log/record.js';

const api = globalThis.browser ?? globalThis.chrome;

/** Longest a slice of work may run before yielding to the page (ms). */
const SLICE_MS = 8;
/** A post's text is sent in pieces of this many UTF-16 units; each piece also carries LEAD units
 *  before it (so word boundaries are judged right) and OVERLAP after it (so a mention that
 *  straddles two pieces is found whole, in the piece where it starts). */
const PIECE = 50_000;
const LEAD = 64;
const OVERLAP = 256;
/** One request carries at most this many pieces and UTF-16 units. */
const BATCH_PIECES = 50;
const BATCH_UNITS = 600_000;
const MAX_IN_FLIGHT = 2;
/** Mutation records beyond this in one slice: rescan the page instead of following each. */
const MAX_RECORDS = 2000;
/** The reading window, in screens above and below the viewport. */
const ABOVE = 2;
const BELOW = 4;
/** More posts than this found between two full scans: scan the page again instead. */
const MAX_EXTRA = 200;
/** Texts longer than this are remembered by length only (change detection). */
const REMEMBER_TEXT = 100_000;
/** After the background failed every retry: try these posts again after this long. */
const RETRY_LATER_MS = 3000;

const schedule = (fn, timeout) => (typeof requestIdleCallback === 'function'
  ? requestIdleCallback(fn, { timeout }) : setTimeout(fn, 1));

class Session {
  constructor(site, names) {
    this.site = site;
    this.doc = document;
    this.adapter = new Adapter(site, this.doc);
    this.isPost = (el) => this.adapter.isPost(el);
    this.abort = new AbortController();
    this.stopped = false;
    this.painter = new Painter(names);
    this.overlay = new Overlay(this.doc, site.name);
    /** Element → entry, for every post read (or being read). */
    this.entries = new Map();
    this.nextId = 1;
    /** Posts found but not read yet, in document order; `cursor` is where reading goes on. */
    this.pending = [];
    this.pendingSet = new Set();
    this.extra = [];
    this.cursor = 0;
    this.reading = null;
    this.outbox = [];
    this.inFlight = 0;
    this.paintQueue = [];
    this.records = [];
    this.rescan = true;
    this.sweep = false;
    this.scheduled = false;
    this.placeScheduled = false;
    this.unplaced = [];
    this.timers = new Set();
  }

  start() {
    const signal = this.abort.signal;
    this.observer = new MutationObserver((records) => {
      if (this.records.length < MAX_RECORDS) this.records.push(...records);
      else this.rescan = true;
      this.kick();
    });
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
    const root = this.overlay.root;
    root.addEventListener('click', (e) => this.onClick(e), { signal });
    root.addEventListener('change', (e) => this.onChange(e), { signal });
    root.addEventListener('keydown', (e) => this.onCardKey(e), { signal });
    addEventListener('keydown', (e) => this.onPageKey(e), { capture: true, signal });
    const passive = { passive: true, capture: true, signal };
    addEventListener('resize', () => this.schedulePlace(), passive);
    addEventListener('scroll', () => { this.schedulePlace(); this.refocusLater(); }, passive);
    this.kick();
  }

  stop() {
    if (this.stopped) return;
    this.stopped = true;
    this.abort.abort();
    this.observer?.disconnect();
    for (const t of this.timers) clearTimeout(t);
    this.painter.destroy();
    this.overlay.destroy();
    this.forgetQueues();
  }

  /** Empties every queue of work and forgets every post (their ranges and buttons must be gone). */
  forgetQueues() {
    this.entries.clear();
    this.pending = [];
    this.pendingSet.clear();
    this.extra = [];
    this.cursor = 0;
    this.reading = null;
    this.outbox = [];
    this.paintQueue = [];
    this.unplaced = [];
  }

  /** Forgets everything read (a new profile): every post is read again. */
  reset() {
    for (const entry of this.entries.values()) this.dropEntry(entry);
    this.forgetQueues();
    this.overlay.closeCard();
    this.rescan = true;
    this.kick();
  }

  later(fn, ms) {
    const t = setTimeout(() => { this.timers.delete(t); if (!this.stopped) fn(); }, ms);
    this.timers.add(t);
  }

  /** Schedules a slice: in the page's next idle time when new work appears (a burst of
   *  mutations is then taken in one go), as the next task when work is already under way. */
  kick(soon = false) {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    if (soon) setTimeout(() => this.slice(), 0);
    else schedule(() => this.slice(), 50);
  }

  // ---- one slice of work ----

  slice() {
    this.scheduled = false;
    if (this.stopped) return;
    const deadline = performance.now() + SLICE_MS;
    try {
      this.absorbRecords(deadline);
      if (this.sweep) this.forgetDeparted();
      if (this.rescan) this.discover();
      this.paint(deadline);
      this.read(deadline);
      this.flush();
      // New buttons are placed as they come (one layout per slice); all of them only when the
      // layout may have moved (scroll, resize, posts gone).
      if (this.unplaced.length) this.overlay.place(this.unplaced.splice(0));
    } catch (error) {
      console.error('Hat Tip:', error);
    }
    const busy = this.records.length || this.rescan || this.reading || this.readable()
      || this.paintQueue.length || (this.outbox.length && this.inFlight < MAX_IN_FLIGHT);
    const settled = !busy && !this.inFlight && !this.outbox.length;
    if (busy) this.kick(true);
    else if (settled) this.overlay.setReady(this.withButtons());
  }

  /** Whether an unread post waits at the cursor, in the reading window. */
  readable() {
    if (this.extra.some((el) => this.pendingSet.has(el) && this.near(el))) return true;
    while (this.cursor < this.pending.length && !this.pendingSet.has(this.pending[this.cursor])) this.cursor++;
    return this.cursor < this.pending.length && this.near(this.pending[this.cursor]);
  }

  withButtons() {
    let n = 0;
    for (const e of this.entries.values()) if (e.button) n++;
    return n;
  }

  /** Turns mutation records into work: new posts to read, changed posts to read again. */
  absorbRecords(deadline) {
    const { adapter } = this;
    if (!adapter.hasPosts) {
      this.records = [];
      return;
    }
    while (this.records.length && performance.now() < deadline) {
      const r = this.records.pop();
      if (r.removedNodes.length) this.sweep = true;
      const target = r.target.nodeType === Node.ELEMENT_NODE ? r.target : r.target.parentElement;
      const owner = target && adapter.ownerOf(target);
      if (owner) this.changed(owner, deadline);
      for (const n of r.addedNodes) {
        if (n.nodeType !== Node.ELEMENT_NODE) continue;
        if (adapter.isNewPost(n)) this.found(n);
        else if (n.firstElementChild) this.rescan = true;
      }
    }
  }

  /** Lists every post on the page that is not known yet, visible ones first. */
  discover() {
    this.rescan = false;
    if (!this.adapter.hasPosts) return;
    // Every unread post, in document order (what the cursor's binary search needs).
    this.pending = [];
    this.extra = [];
    this.pendingSet.clear();
    for (const el of this.adapter.all()) {
      if (!this.entries.has(el)) {
        this.pendingSet.add(el);
        this.pending.push(el);
      }
    }
    this.startNearViewport();
  }

  /** A post that appeared (or changed) since the last full scan: kept apart from the
   *  document-ordered list until the next scan, and read when it is in the reading window. */
  found(el) {
    if (this.entries.has(el) || this.pendingSet.has(el)) return;
    this.pendingSet.add(el);
    this.extra.push(el);
    if (this.extra.length > MAX_EXTRA) this.rescan = true;
  }

  /** A post whose content changed: read it again if its text is not what was read. */
  changed(el, deadline) {
    const entry = this.entries.get(el);
    if (!entry) {
      this.found(el);
      return;
    }
    if (!entry.done) return;
    const anchor = this.anchorOf(el);
    if (anchor === entry.anchor && anchor) {
      const flow = new TextFlow(anchor, this.isPost);
      if (!flow.read(deadline)) return this.requeue(entry);
      if (entry.text === null ? flow.text.length === entry.length : flow.text === entry.text) return;
    }
    this.requeue(entry);
  }

  requeue(entry) {
    this.dropEntry(entry);
    this.entries.delete(entry.el);
    this.found(entry.el);
  }

  /** Moves the reading cursor to the first unread post that reaches the reading window (from
   *  ABOVE screens above the viewport): a binary search over the unread posts, which are in
   *  document order, one layout for the whole search. */
  startNearViewport() {
    this.pending = this.pending.filter((el) => this.pendingSet.has(el));
    const top = -ABOVE * innerHeight;
    let lo = 0;
    let hi = this.pending.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = this.pending[mid].getBoundingClientRect();
      if (r.bottom < top && r.height > 0) lo = mid + 1;
      else hi = mid;
    }
    this.cursor = lo;
  }

  /** Whether a post is in the reading window: from ABOVE screens above the viewport to BELOW
   *  screens under it (posts with no box, which nobody sees, are cheap and read anyway). */
  near(el) {
    const r = el.getBoundingClientRect();
    if (r.height === 0 && r.width === 0) return true;
    return r.bottom >= -ABOVE * innerHeight && r.top <= (1 + BELOW) * innerHeight;
  }

  /** After scrolling stops, reading goes on around the new place. */
  refocusLater() {
    if (this.refocusTimer) return;
    this.refocusTimer = true;
    this.later(() => {
      this.refocusTimer = false;
      if (this.pendingSet.size) {
        this.startNearViewport();
        this.kick();
      }
    }, 150);
  }

  anchorOf(el) {
    return this.adapter.anchorOf(el);
  }

  /** Reads posts until the deadline; a post read whole becomes pieces in the outbox. */
  read(deadline) {
    while (performance.now() < deadline) {
      if (!this.reading) {
        const el = this.nextPending();
        if (!el) return;
        if (!el.isConnected) continue;
        const anchor = this.anchorOf(el);
        if (!anchor) continue; // its text is not rendered yet; a mutation brings it back
        const entry = { id: this.nextId++, el, anchor, flow: new TextFlow(anchor, this.isPost), done: false,
          text: null, length: 0, gen: 0, unpainted: 0, card: null, button: null, ranges: [] };
        this.entries.set(el, entry);
        this.reading = entry;
      }
      const entry = this.reading;
      if (!entry.flow.read(deadline)) return;
      this.reading = null;
      entry.done = true;
      const text = entry.flow.text;
      entry.length = text.length;
      entry.text = text.length <= REMEMBER_TEXT ? text : null;
      if (!text.trim()) {
        entry.flow = null;
        continue;
      }
      this.queuePieces(entry, text);
    }
  }

  /** The next unread post in the reading window, or null: posts beyond it wait until the page
   *  scrolls near them (a page of tens of thousands of comments is read as it is scrolled). */
  nextPending() {
    for (let i = 0; i < this.extra.length; i++) {
      const el = this.extra[i];
      if (!this.pendingSet.has(el)) {
        this.extra.splice(i--, 1);
      } else if (this.near(el)) {
        this.extra.splice(i, 1);
        this.pendingSet.delete(el);
        return el;
      }
    }
    while (this.cursor < this.pending.length) {
      const el = this.pending[this.cursor];
      if (!this.pendingSet.has(el)) {
        this.cursor++;
        continue;
      }
      if (!this.near(el)) return null;
      this.cursor++;
      this.pendingSet.delete(el);
      return el;
    }
    return null;
  }

  queuePieces(entry, text) {
    const author = this.adapter.authorOf(entry.el);
    entry.author = author;
    const source = logging ? sourceOf(this.adapter, entry.el) : undefined;
    for (let start = 0; start < text.length; start += PIECE) {
      let from = Math.max(0, start - LEAD);
      let to = Math.min(text.length, start + PIECE + OVERLAP);
      // Never split a surrogate pair.
      if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
      if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
      const first = start === 0;
      this.outbox.push({
        entry, gen: entry.gen, offset: from, keepFrom: start - from, keepTo: start + PIECE - from,
        body: first ? { text: text.slice(from, to), platform: this.adapter.platform, author, source } : { text: text.slice(from, to), mentions_only: true },
      });
      entry.unpainted++;
    }
  }

  /** Sends what is in the outbox, in bounded batches. */
  flush() {
    while (this.outbox.length && this.inFlight < MAX_IN_FLIGHT) {
      const batch = [];
      let units = 0;
      while (this.outbox.length && batch.length < BATCH_PIECES && (units === 0 || units + this.outbox[0].body.text.length <= BATCH_UNITS)) {
        const piece = this.outbox.shift();
        if (piece.gen !== piece.entry.gen || this.entries.get(piece.entry.el) !== piece.entry) continue;
        units += piece.body.text.length;
        batch.push(piece);
      }
      if (!batch.length) return;
      this.inFlight++;
      ask(api, { type: 'hattip:analyze', posts: batch.map((p) => p.body) })
        .then((answer) => this.received(batch, answer))
        .catch((error) => this.failed(batch, error))
        .finally(() => { this.inFlight--; this.kick(true); });
    }
  }

  received(batch, answer) {
    if (this.stopped) return;
    if (!answer.ok) {
      console.error('Hat Tip: the engine refused a request:', answer.error);
      return;
    }
    batch.forEach((piece, i) => {
      const { entry } = piece;
      if (piece.gen !== entry.gen || this.entries.get(entry.el) !== entry) return;
      const result = answer.results[i];
      const mentions = result.mentions
        .filter((m) => m.start >= piece.keepFrom && m.start < piece.keepTo)
        .map((m) => ({ start: m.start + piece.offset, end: m.end + piece.offset, kind: m.category ? 'category' : m.fuzzy ? 'fuzzy' : 'exact' }));
      if (result.card) {
        entry.card = result.card;
        entry.key = result.key ?? null;
        entry.handled = result.handled === true;
      }
      this.paintQueue.push({ entry, gen: entry.gen, mentions, next: 0 });
    });
  }

  failed(batch, error) {
    if (error instanceof ContextGone || !alive(api)) {
      this.stop();
      return;
    }
    console.error('Hat Tip: the engine did not answer:', error?.message ?? error);
    // The background may be restarting: read these posts again a little later.
    this.later(() => {
      for (const piece of batch) if (this.entries.get(piece.entry.el) === piece.entry) this.requeue(piece.entry);
      this.kick();
    }, RETRY_LATER_MS);
  }

  /** Turns answered mentions into highlights and buttons, a few ranges at a time. */
  paint(deadline) {
    while (this.paintQueue.length) {
      const job = this.paintQueue[0];
      const { entry } = job;
      if (job.gen !== entry.gen || this.entries.get(entry.el) !== entry) {
        this.paintQueue.shift();
        continue;
      }
      while (job.next < job.mentions.length) {
        const m = job.mentions[job.next++];
        const range = entry.flow?.range(this.doc, m.start, m.end);
        if (range) {
          this.painter.add(range, m.kind);
          entry.ranges.push(range);
        }
        if (job.next % 32 === 0 && performance.now() > deadline) return;
      }
      this.paintQueue.shift();
      if (entry.card && !entry.button) {
        entry.button = this.overlay.addButton(entry.id, entry.card.brand, buttonLabel(entry.card));
        this.unplaced.push([entry.button, entry.anchor]);
      }
      // Once every piece is painted the ranges are live on their own: the map can go.
      if (--entry.unpainted === 0) entry.flow = null;
      if (performance.now() > deadline) return;
    }
  }

  dropEntry(entry) {
    entry.gen++;
    for (const r of entry.ranges) this.painter.remove(r);
    entry.ranges = [];
    entry.button?.remove();
    entry.button = null;
    entry.card = null;
    if (this.overlay.openPost === entry.id) this.overlay.closeCard();
    if (this.reading === entry) this.reading = null;
  }

  /** Forgets posts that left the page (virtualised timelines): ranges, buttons, state. */
  forgetDeparted() {
    this.sweep = false;
    for (const [el, entry] of this.entries) {
      if (!el.isConnected || !entry.anchor.isConnected) {
        this.dropEntry(entry);
        this.entries.delete(el);
      }
    }
    this.schedulePlace();
  }

  schedulePlace() {
    if (this.placeScheduled || this.stopped) return;
    this.placeScheduled = true;
    requestAnimationFrame(() => {
      this.placeScheduled = false;
      if (!this.stopped) this.placeButtons();
    });
  }

  placeButtons() {
    const pairs = [];
    for (const e of this.entries.values()) if (e.button) pairs.push([e.button, e.anchor]);
    this.overlay.place(pairs);
  }

  entryById(id) {
    for (const e of this.entries.values()) if (e.id === id) return e;
    return null;
  }

  // ---- the card ----

  closeCardAndRefocus() {
    const entry = this.overlay.openPost && this.entryById(this.overlay.openPost);
    this.overlay.closeCard();
    entry?.button?.focus();
  }

  onClick(event) {
    // Only the user opens a card or inserts: a page's script could dispatch clicks on the
    // overlay element, and those clicks are not trusted.
    if (!event.isTrusted) return;
    const actor = event.target?.closest?.('[data-action]');
    if (!actor) return;
    const action = actor.dataset.action;
    const open = this.overlay.openPost && this.entryById(this.overlay.openPost);
    if (action === 'open') {
      const id = Number(actor.dataset.post);
      if (this.overlay.openPost === id) return this.overlay.closeCard();
      const entry = this.entryById(id);
      if (entry?.card && entry.button) this.overlay.openCard(id, entry.button, entry.card, entry.author);
    } else if (action === 'close') {
      this.closeCardAndRefocus();
    } else if (action === 'use-alt') {
      const alt = open?.card.alternatives[Number(actor.dataset.alt)];
      if (alt) this.overlay.replyText = alt;
    } else if (action === 'copy' && open) {
      const text = this.overlay.replyText;
      copyToClipboard(text).then((ok) => {
        this.overlay.setStatus(t(ok ? 'status_copied' : 'status_copy_failed'));
        if (ok) this.acted(open, 'copied');
      });
    } else if (action === 'insert' && open) {
      this.overlay.setStatus(t('status_inserting'));
      insertReply(this.doc, this.adapter, open.el, this.overlay.replyText, insertInFrame)
        .then(({ done, message }) => {
          this.overlay.setStatus(message);
          if (done) this.acted(open, done);
        });
    } else if (action === 'reread' && open?.card && open.text !== null) {
      this.correct(open, actor.dataset.intent);
    } else if (action === 'dismiss' && open) {
      this.acted(open, 'dismissed');
      this.closeCardAndRefocus();
    }
  }

  /** The card's intent correction: the reply is drafted again for the intent the user chose. */
  onChange(event) {
    if (!event.isTrusted) return;
    const select = event.target;
    const open = this.overlay.openPost && this.entryById(this.overlay.openPost);
    if (select?.dataset?.action !== 'correct' || !open?.card || open.text === null) return;
    this.correct(open, select.value, 'correct-intent');
  }

  /** Drafts the reply of `open` again for `intent` and tells the log; `focus`: the card field
   *  to focus after (the list, for a keyboard user moving through it). */
  correct(open, intent, focus = null) {
    // Moving through the list by keyboard corrects at each step: only the last one's answer
    // redraws the card.
    const turn = (open.correction = (open.correction ?? 0) + 1);
    this.overlay.setStatus(t('status_drafting'));
    const body = { text: open.text.slice(0, PIECE), platform: this.adapter.platform, author: open.author, intent };
    ask(api, { type: 'hattip:analyze', posts: [body] }).then((answer) => {
      const card = answer.ok && answer.results[0]?.card;
      if (!card || this.entries.get(open.el) !== open || this.overlay.openPost !== open.id) return;
      if (turn !== open.correction) return;
      open.card = card;
      open.button?.setAttribute('aria-label', buttonLabel(card));
      this.overlay.openCard(open.id, open.button, card, open.author, focus);
      this.overlay.setStatus(t('status_noted', this.overlay.intentName(intent)));
      this.acted(open, 'corrected', intent);
    }).catch((error) => this.overlay.setStatus(t('status_redraft_failed', error?.message ?? error)));
  }

  /** Tells the mention log what the user did with a post's card. */
  acted(entry, what, intent) {
    if (!entry.key) return;
    entry.handled = entry.handled || what !== 'corrected';
    ask(api, { type: 'hattip:acted', key: entry.key, what, ...(intent ? { intent } : {}) })
      .catch((error) => console.error('Hat Tip: the mention log did not answer:', error?.message ?? error));
  }

  /** The posts with a mention on this page, for the popup, each saying whether it waits for an
   *  answer (a question or complaint not answered or set aside, here or before). */
  mentionsHere() {
    const list = [];
    for (const e of this.entries.values()) {
      if (!e.card || !e.button) continue;
      const waiting = !e.handled && WAITING_INTENTS.has(e.card.intent) && !e.card.guidance_id;
      list.push({ id: e.id, brand: e.card.brand, category: e.card.category === true, intent: e.card.intent, waiting, author: e.author,
        snippet: (e.text ?? '').replace(/\s+/g, ' ').trim().slice(0, 120) });
    }
    return list;
  }

  /** Keys in the overlay: Escape closes the card (focus goes back to the post's button); the
   *  arrow keys move between the card's other replies. */
  onCardKey(event) {
    if (event.key === 'Escape') {
      this.closeCardAndRefocus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const alts = this.overlay.alternativeButtons();
    const at = alts.indexOf(this.overlay.root.activeElement);
    if (at < 0) return;
    event.preventDefault();
    alts[(at + (event.key === 'ArrowDown' ? 1 : alts.length - 1)) % alts.length].focus();
  }

  /** Alt+Shift+H anywhere but in a text field: the card of the next post with a mention, from
   *  the one open or the top of the screen, so a keyboard user need not Tab to the buttons. */
  onPageKey(event) {
    if (!event.isTrusted || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.code !== 'KeyH') return;
    const focused = this.doc.activeElement;
    if (focused && focused !== this.overlay.host && (focused.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(focused.tagName))) return;
    const next = this.nextWithCard();
    if (!next) return;
    event.preventDefault();
    event.stopPropagation();
    this.show(next.id);
  }

  /** The post with a card after the open one (or the first from the top of the screen), in page
   *  order, wrapping round. */
  nextWithCard() {
    const posts = [...this.entries.values()].filter((e) => e.card && e.button && e.anchor?.isConnected);
    if (!posts.length) return null;
    const tops = new Map(posts.map((e) => [e, e.anchor.getBoundingClientRect().top]));
    posts.sort((a, b) => tops.get(a) - tops.get(b));
    const open = posts.findIndex((e) => e.id === this.overlay.openPost);
    if (open >= 0) return posts[(open + 1) % posts.length];
    return posts.find((e) => tops.get(e) >= 0) ?? posts[0];
  }

  /** Scrolls to a post and opens its card (the popup's waiting list). */
  show(id) {
    const entry = this.entryById(id);
    if (!entry?.card || !entry.button) return false;
    entry.anchor.scrollIntoView({ block: 'center' });
    this.placeButtons();
    this.overlay.openCard(id, entry.button, entry.card, entry.author);
    return true;
  }
}

const isLowSurrogate = (c) => c >= 0xdc00 && c <= 0xdfff;

/** Hands a reply to Hat Tip in the page's comment-form frame (through the background). */
async function insertInFrame(text) {
  const answer = await ask(api, { type: 'hattip:insert-in-frame', text });
  if (!answer.ok) throw new Error(answer.message ?? t('frame_no_answer'));
}

// ---- start, stop, and what the background tells this page ----

let session = null;
/** Whether the user keeps a mention log (then each post goes with where it was seen). */
let logging = true;
const site = detect(document);

async function check() {
  let run = false;
  try {
    const hello = await ask(api, { type: 'hattip:hello' });
    run = hello.run === true;
    logging = hello.log !== false;
  } catch (error) {
    if (!(error instanceof ContextGone)) console.error('Hat Tip: could not reach the background:', error?.message ?? error);
  }
  if (run && !session) {
    const names = frameNames();
    session = new Session(site, names.current);
    const painter = session.painter;
    names.styled.then((used) => { if (session?.painter === painter && painter.names !== used) painter.rename(used); });
    if (site.takesFrameInserts) session.overlay.setReady(0);
    else session.start();
  } else if (!run && session) {
    session.stop();
    session = null;
  }
}

/** This frame's highlight names, chosen and styled once, so that a session started again (the
 *  site turned off and on) adds no second stylesheet: `current` the names to use now, `styled`
 *  resolves to the names to use once the background has answered. */
let highlightNamesOfFrame = null;
function frameNames() {
  if (!highlightNamesOfFrame) {
    const chosen = highlightNames();
    const record = { current: chosen, styled: styleHighlights(chosen) };
    record.styled.then((used) => { record.current = used; });
    highlightNamesOfFrame = record;
  }
  return highlightNamesOfFrame;
}

/** Asks the background for the stylesheet of `names`; where it cannot insert one, the names
 *  content.css styles are the ones to use. */
async function styleHighlights(names) {
  let ok = false;
  try {
    ok = (await ask(api, { type: 'hattip:paint-style', names })).ok === true;
  } catch {
    // The background is gone: nothing is painted anyway.
  }
  return ok ? names : { ...FALLBACK_NAMES };
}

function onMessage(message, _sender, respond) {
  if (!alive(api)) return undefined;
  switch (message?.type) {
    case 'hattip:profile-changed':
      session?.reset();
      return undefined;
    case 'hattip:recheck':
      check();
      return undefined;
    case 'hattip:log-settings':
      logging = message.log !== false;
      return undefined;
    case 'hattip:page-mentions':
      if (!session || site.takesFrameInserts) return undefined;
      respond({ ok: true, url: location.href, mentions: session.mentionsHere() });
      return undefined;
    case 'hattip:show':
      if (!session || typeof message.id !== 'number') return undefined;
      respond({ ok: session.show(message.id) });
      return undefined;
    case 'hattip:insert-here':
      if (!session || !site.takesFrameInserts || typeof message.text !== 'string') return undefined;
      insertHandedOver(document, session.adapter, message.text).then(respond);
      return true;
    default:
      return undefined;
  }
}

// Once per document and extension instance. After an update Chrome may run the new content
// script next to the orphaned old one: the old one (whose extension context is dead) gives way.
const previous = globalThis[INSTANCE_KEY];
if (!previous || !previous.alive()) {
  previous?.stop();
  globalThis[INSTANCE_KEY] = {
    alive: () => alive(api),
    stop: () => { session?.stop(); session = null; api.runtime?.onMessage?.removeListener(onMessage); },
  };
  api.runtime.onMessage.addListener(onMessage);
  check();
}
