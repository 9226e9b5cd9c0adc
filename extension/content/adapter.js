// One page's view of its site entry (sites.js): which elements are posts and of which part, where
// a post's text and author are, its reply control and its reply box. Entries with parts answer
// from their selectors; the structural entry from structure.js. Lookups inside a post never
// reach into a post nested in it.

import { ANY_COMPOSER, BYLINE } from './sites.js';
import { AUTHOR_LIKE, REPLY_WORDS, bodyOf, findStructure, firstNameLine, labelOf, outsideContent, replyControls, safeToClick } from './structure.js';

/** Bylines say "by Dana", "Posted by Dana", "par Dana"…: the name is what follows. */
const BY = /^\s*(?:(?:posted|written|published)\s+)?(?:by|von|par|por|di|da|door|przez|—|-|–)\s+/i;
const MAX_NAME = 80;
/** Where themes put a post's date and author without naming either (Hugo's .post-meta…). */
const POST_META = '[class*="meta" i], [class*="byline" i], [class*="posted" i]';
const MAX_JSON_LD = 100_000;

const cleanName = (s) => {
  const name = (s ?? '').replace(/\s+/g, ' ').replace(BY, '').trim();
  return name.length <= MAX_NAME ? name : '';
};

const inMarkup = (el) => el.isConnected && !el.closest('[aria-hidden="true"], [hidden]');
const visible = (el) => inMarkup(el) && el.getClientRects().length > 0;

/** The author named by the page itself: JSON-LD `author`, then `<meta name="author">`. */
function pageAuthorOf(doc) {
  for (const script of [...doc.querySelectorAll('script[type="application/ld+json"]')].slice(0, 5)) {
    const text = script.textContent;
    if (!text || text.length > MAX_JSON_LD) continue;
    try {
      const name = jsonLdAuthor(JSON.parse(text), 0);
      if (name) return name;
    } catch {
      // Not JSON: the page's problem, not a byline.
    }
  }
  const meta = doc.querySelector('meta[name="author"]')?.getAttribute('content');
  return meta && !/^https?:/.test(meta) ? cleanName(meta) : '';
}

function jsonLdAuthor(node, depth) {
  if (!node || typeof node !== 'object' || depth > 4) return '';
  if (Array.isArray(node)) {
    for (const n of node) {
      const name = jsonLdAuthor(n, depth + 1);
      if (name) return name;
    }
    return '';
  }
  const author = Array.isArray(node.author) ? node.author[0] : node.author;
  if (typeof author === 'string') return cleanName(author);
  if (author && typeof author.name === 'string') return cleanName(author.name);
  return jsonLdAuthor(node['@graph'], depth + 1);
}

export class Adapter {
  /** @param {import('./sites.js').Site} site */
  constructor(site, doc) {
    this.site = site;
    this.doc = doc;
    this.platform = site.platform;
    /** Structural pages: post element → part, from the last scan. */
    this.shaped = new Map();
    this.selector = site.parts.map((p) => p.post).filter(Boolean).join(', ');
  }

  /** Whether the page has posts at all (a comment-form frame has none). */
  get hasPosts() {
    return this.site.structural || !!this.selector;
  }

  /** Every post of the page, in document order. */
  all() {
    if (this.site.structural) {
      const { article, comments } = findStructure(this.doc);
      this.shaped.clear();
      for (const c of comments) this.shaped.set(c, STRUCTURAL_COMMENT);
      if (!article || this.shaped.has(article)) return comments;
      this.shaped.set(article, STRUCTURAL_ARTICLE);
      // The comments come in document order: the article goes where it belongs among them
      // (a binary search, not a sort: thousands of comments cost a few comparisons).
      let lo = 0;
      let hi = comments.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (comments[mid].compareDocumentPosition(article) & Node.DOCUMENT_POSITION_FOLLOWING) lo = mid + 1;
        else hi = mid;
      }
      return [...comments.slice(0, lo), article, ...comments.slice(lo)];
    }
    if (!this.selector) return [];
    return [...this.doc.querySelectorAll(this.selector)].filter((el) => !outsideContent(el));
  }

  /** Whether `el` is a post (cheap: called for every element a post's text walk meets). */
  isPost(el) {
    if (this.site.structural) return this.shaped.has(el);
    return !!this.selector && el.matches(this.selector);
  }

  /** Whether a newly added element is a post (structural pages find theirs by a scan). */
  isNewPost(el) {
    return !this.site.structural && this.isPost(el) && !outsideContent(el);
  }

  /** The post that holds `node`, or null. */
  ownerOf(node) {
    if (this.site.structural) {
      for (let el = node; el; el = el.parentElement) if (this.shaped.has(el)) return el;
      return null;
    }
    return this.selector ? node.closest(this.selector) : null;
  }

  /** @returns {import('./sites.js').Part} */
  partOf(el) {
    if (this.site.structural) return this.shaped.get(el) ?? STRUCTURAL_COMMENT;
    return this.site.parts.find((p) => p.post && el.matches(p.post)) ?? this.site.parts[0];
  }

  /** Elements matching `selector` inside `post` and not inside a post nested in it. */
  own(post, selector) {
    if (!selector) return [];
    return [...post.querySelectorAll(selector)].filter((el) => this.ownerOf(el.parentElement) === post);
  }

  /** The first element matching `selector` inside `post` and not inside a post nested in it. */
  firstOwn(post, selector) {
    if (!selector) return null;
    for (const el of post.querySelectorAll(selector)) if (this.ownerOf(el.parentElement) === post) return el;
    return null;
  }

  /** Where a post's text is read from, or null while it is not rendered. */
  anchorOf(post) {
    const { text, kind } = this.partOf(post);
    if (this.site.structural && kind === 'comment') return bodyOf(post, (el) => this.isPost(el));
    if (!text || post.matches(text)) return post;
    return this.own(post, text)[0] ?? null;
  }

  /** Who wrote `post`: `{ name, handle }`, or null when the page does not say. */
  authorOf(post) {
    const part = this.partOf(post);
    const name = this.own(post, part.authorName).map((el) => cleanName(el.textContent)).find(Boolean) ?? '';
    const handles = this.own(post, part.authorHandle).map((el) => el.textContent.trim());
    const handle = (handles.find((h) => h.startsWith('@')) ?? (part.authorHandle && handles[0]) ?? '').replace(/^@/, '');
    let author = { name: name.startsWith('@') && !handle ? '' : name, handle: handle || (name.startsWith('@') ? name.slice(1) : '') };
    if (!author.name && !author.handle && part.pageAuthor) author = { name: this.pageByline(post, part.authorName), handle: '' };
    if (!author.name && !author.handle && part.kind === 'comment' && this.site.structural) author = { name: this.shapedAuthor(post), handle: '' };
    return author.name || author.handle ? author : null;
  }

  /** A post's byline outside its comments, then one elsewhere on the page (the site's own
   *  `siteByline` first), then the page's metadata (JSON-LD, meta author). */
  pageByline(post, siteByline) {
    for (const el of this.own(post, BYLINE)) {
      const name = cleanName(el.textContent);
      if (name) return name;
    }
    for (const el of this.own(post, POST_META)) {
      const name = cleanName(firstNameLine(el, (e) => this.isPost(e)));
      if (name) return name;
    }
    for (const el of this.doc.querySelectorAll(siteByline ? `${siteByline}, ${BYLINE}` : BYLINE)) {
      if (!this.ownerOf(el) && !outsideContent(el)) {
        const name = cleanName(el.textContent);
        if (name) return name;
      }
    }
    return pageAuthorOf(this.doc);
  }

  /** A comment found by its shape: its author-like element, else its first short line. */
  shapedAuthor(post) {
    for (const el of this.own(post, AUTHOR_LIKE)) {
      const name = cleanName(el.textContent);
      if (name && name.length <= 50 && !REPLY_WORDS.test(name)) return name;
    }
    return firstNameLine(post, (el) => el !== post && this.isPost(el));
  }

  /** The post's "Reply" control, or null. */
  replyControl(post) {
    const part = this.partOf(post);
    if (this.site.structural) {
      return replyControls(post, (el) => this.ownerOf(el) !== post || !safeToClick(el))[0] ?? null;
    }
    const candidates = this.own(post, part.replyButton);
    if (!part.replyWords) return candidates[0] ?? null;
    return candidates.find((el) => REPLY_WORDS.test(labelOf(el))) ?? null;
  }

  /** The reply box for `post` (`after`: once its Reply control was clicked), or null. */
  composerFor(post, after = false) {
    const part = this.partOf(post);
    const selector = (after && part.composerAfterReply) || part.composer;
    if (!selector) return null;
    const inside = this.own(post, selector).filter(visible);
    if (inside.length) return part.kind === 'post' ? inside.at(-1) : inside[0];
    // An article is answered in the page's comment box, not in a box under one of its comments.
    const mine = (el) => visible(el) && !outsideContent(el) && (part.kind !== 'article' || [null, post].includes(this.ownerOf(el)));
    const all = [...this.doc.querySelectorAll(selector)].filter(mine);
    if (!part.nearestComposer) return all[0] ?? null;
    return nearest(post, all);
  }

  /** Inside a comment-form frame: its reply box, laid out or not. A frame that was just moved
   *  (WordPress moves Jetpack's under the comment answered) may not be laid out yet when the page
   *  around it hands a reply over, and it holds one form, so a box the markup does not hide is the
   *  one; a laid-out box is still preferred. */
  frameComposer() {
    const selector = this.site.parts[0]?.composer;
    if (!selector) return null;
    const all = [...this.doc.querySelectorAll(selector)].filter(inMarkup);
    return all.find(visible) ?? all[0] ?? null;
  }

  /** The site's send button next to `composer`, or null. */
  sendButtonFor(composer) {
    if (!this.site.sendButton) return null;
    let el = composer.parentElement;
    for (let i = 0; el && i < 10; i++, el = el.parentElement) {
      const found = el.querySelector(this.site.sendButton);
      if (found) return found;
    }
    return null;
  }
}

/** Of `candidates`, the one closest below `post` (a box that opened after it), else the closest. */
function nearest(post, candidates) {
  if (candidates.length <= 1) return candidates[0] ?? null;
  const r = post.getBoundingClientRect();
  let best = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    const box = c.getBoundingClientRect();
    const after = !!(post.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);
    const distance = box.top >= r.top ? box.top - r.bottom : r.top - box.bottom;
    const score = Math.abs(distance) + (after ? 0 : 5000);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

const STRUCTURAL_ARTICLE = {
  kind: 'article', post: '', text: '', authorName: '', authorHandle: '', pageAuthor: true, replyButton: '', replyWords: false,
  clickReply: false, composer: ANY_COMPOSER, composerAfterReply: '', nearestComposer: true, answer: 'reply', note: '',
};
const STRUCTURAL_COMMENT = {
  ...STRUCTURAL_ARTICLE, kind: 'comment', pageAuthor: false, replyWords: true, clickReply: true,
  authorName: AUTHOR_LIKE,
};
