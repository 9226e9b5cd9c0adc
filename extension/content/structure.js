// Finds the posts of a page Hat Tip has no adapter for, by their shape: the blog post's body and
// its byline, and the comments (blocks that each hold one "Reply" control, one author or one
// date, at least two of the same kind: tag and first class). Navigation, sidebars, the site's header and
// footer, hidden and aria-hidden subtrees are never posts. The words and class fragments it
// relies on are here, as data.

import { ARTICLE_BODY } from './sites.js';

/** "Reply" in the eight languages Hat Tip answers in (en, es, fr, de, pt, it, nl, ja), as the
 *  label of a comment's Reply control starts. */
export const REPLY_WORDS = /^\s*(?:(?:reply|respond|responder|responda|répondre|repondre|antworten|antwort|rispondi|rispondere|beantwoorden|reageer|reageren)\b|返信|返事)/i;
/** Known comment markup (hAtom/h-entry, schema.org, common class names). */
export const COMMENT_MARKERS = '.comment, [itemprop="comment"], .h-entry.p-comment, .u-comment';
/** Who wrote a block: microformats, schema.org, and the class fragments themes use. */
export const AUTHOR_LIKE = '[itemprop="author"], [rel~="author"], .p-author, .fn, cite, [class*="author" i], [class*="username" i], '
  + '[class*="user-name" i], [class*="byline" i], [class*="nick" i], [class*="commenter" i], [class*="poster" i], [data-username]';
/** Never posts, nor inside one: landmarks around the content. `header`/`footer` only at page level
 *  (a comment's own header or footer is part of it). */
export const OUTSIDE = 'nav, aside, menu, [role="navigation"], [role="complementary"], [role="contentinfo"], [role="banner"], [role="search"], [role="menu"], [role="toolbar"], dialog:not([open])';
const PAGE_LEVEL = 'header, footer';
const HIDDEN = '[hidden], [aria-hidden="true"], template';
/** A block needs at least this much text of its own to be a comment. */
const MIN_TEXT = 12;
/** Bounds on the work of one structural scan. */
const MAX_ANCHORS = 4000;
const MAX_CLIMB = 12;

/** Whether `el` is inside navigation, a sidebar, the page's header or footer, or hidden markup. */
export function outsideContent(el) {
  if (el.closest(OUTSIDE) || el.closest(HIDDEN)) return true;
  const edge = el.closest(PAGE_LEVEL);
  return !!edge && !edge.parentElement?.closest('article, main, [role="main"], [role="article"], section, li');
}

/** What a control says: its accessible label, else its text. */
export const labelOf = (el) => (el.getAttribute('aria-label') || el.textContent || '').trim();

/** The visible, clickable "Reply" controls inside `root` (not those in `except`). */
export function replyControls(root, except = () => false) {
  const out = [];
  for (const el of root.querySelectorAll('a, button, [role="button"]')) {
    const label = labelOf(el);
    if (label.length <= 40 && REPLY_WORDS.test(label) && !except(el)) out.push(el);
  }
  return out;
}

/** Whether clicking `el` stays on the page (a button, or a link to a place on it). */
export function safeToClick(el) {
  if (el.localName !== 'a') return true;
  const href = el.getAttribute('href');
  return href === null || href === '' || href.startsWith('#') || href.startsWith('javascript:');
}

const ownTextLength = (el, isPost) => {
  let n = 0;
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
    acceptNode: (node) => (node.nodeType === Node.ELEMENT_NODE
      ? (node !== el && (isPost(node) || node.matches('script, style, button, a[aria-label]')) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP)
      : NodeFilter.FILTER_ACCEPT),
  });
  for (let t = walker.nextNode(); t && n < 400; t = walker.nextNode()) n += t.data.trim().length;
  return n;
};

const signature = (el) => `${el.localName}.${el.classList[0] ?? ''}`;

/** The blocks the anchors belong to: of the ancestor kinds (tag and first class) that give each
 *  anchor its own block, the one that covers most anchors, the outermost on a tie. A nested
 *  reply's block is inside its parent's, never the same one. */
function blocksOf(anchors) {
  const stops = (el) => !el || el === el.ownerDocument.body || el.matches('main, [role="main"]');
  /** signature → { blocks: Set, covered, climb } */
  const kinds = new Map();
  for (const a of anchors) {
    const seen = new Set();
    let up = a.parentElement;
    for (let i = 1; i <= MAX_CLIMB && !stops(up); i++, up = up.parentElement) {
      const sig = signature(up);
      if (seen.has(sig)) continue;
      seen.add(sig);
      let kind = kinds.get(sig);
      if (!kind) kinds.set(sig, (kind = { blocks: new Set(), covered: 0, climb: 0, shared: false }));
      if (kind.blocks.has(up)) kind.shared = true;
      kind.blocks.add(up);
      kind.covered++;
      kind.climb += i;
    }
  }
  let best = null;
  for (const kind of kinds.values()) {
    if (kind.shared || kind.covered < 2) continue;
    const height = kind.climb / kind.covered;
    if (!best || kind.covered > best.covered || (kind.covered === best.covered && height > best.height)) best = { ...kind, height };
  }
  return best ? [...best.blocks] : [];
}

/** The comments of `doc` by their shape, in document order; `article` is left out. */
function commentsByShape(doc, article) {
  const body = article?.querySelector(ARTICLE_BODY) ?? null;
  // The post's own byline and body are not comments: anchors in the article up to the end of its body.
  const beforeComments = (el) => !!body && article.contains(el)
    && (body.contains(el) || !!(body.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING));
  const usable = (el) => !outsideContent(el) && !beforeComments(el);
  const kinds = [
    () => replyControls(doc.body, (el) => !usable(el)),
    () => [...doc.body.querySelectorAll(AUTHOR_LIKE)].filter(usable),
    () => [...doc.body.querySelectorAll('time')].filter(usable),
  ];
  for (const kind of kinds) {
    const anchors = kind().slice(0, MAX_ANCHORS);
    if (anchors.length < 2) continue;
    const found = new Set();
    for (const b of blocksOf(anchors)) {
      if (b && !(article && b.contains(article))) found.add(b);
    }
    const blocks = [...found].filter((b) => ownTextLength(b, (el) => found.has(el)) >= MIN_TEXT);
    if (blocks.length >= 2) return blocks;
  }
  return [];
}

/** The blog post: the one holding the usual body classes, else the article with the most text
 *  that is not a comment, else the block around the page's heading when paragraphs follow it. */
function articleOf(doc, isComment) {
  for (const el of doc.querySelectorAll(ARTICLE_BODY)) {
    if (!outsideContent(el) && !isComment(el)) return el.closest('article') ?? el;
  }
  let best = null;
  let bestLength = 0;
  for (const el of doc.querySelectorAll('article, [role="article"], [itemtype$="BlogPosting"], .h-entry, .hentry')) {
    if (outsideContent(el) || isComment(el)) continue;
    const length = el.textContent.length;
    if (length > bestLength) {
      best = el;
      bestLength = length;
    }
  }
  if (best) return best;
  const heading = [...doc.querySelectorAll('h1')].find((h) => !outsideContent(h) && !isComment(h));
  const around = heading?.parentElement;
  return around && around !== doc.body && around.querySelector('h1 ~ p') ? around : null;
}

/** Whether `el` holds nothing but a chain of single children down to another comment marker. */
function onlyWraps(el) {
  let inner = el;
  while (inner.children.length === 1) {
    inner = inner.firstElementChild;
    if (inner.matches(COMMENT_MARKERS)) return inner.textContent.length === el.textContent.length;
  }
  return false;
}

/**
 * The posts of a page without an adapter: `{ article, comments }` (either may be missing), the
 * comments in document order.
 */
export function findStructure(doc) {
  if (!doc.body) return { article: null, comments: [] };
  let comments = [...doc.querySelectorAll(COMMENT_MARKERS)].filter((el) => !outsideContent(el));
  // A comment marker on a wrapper around nothing but another marked element: keep the inner one.
  comments = comments.filter((el) => !onlyWraps(el));
  const marked = new Set(comments);
  let article = articleOf(doc, (el) => marked.has(el) || !!el.closest(COMMENT_MARKERS));
  if (!comments.length) {
    comments = commentsByShape(doc, article);
    const shaped = new Set(comments);
    if (article && shaped.has(article)) article = null;
  }
  return { article, comments };
}

/** What a comment found by its shape says: the nearest element holding all its own paragraphs
 *  (its byline, date and buttons left out), else the whole block. */
export function bodyOf(block, isPost) {
  const paragraphs = [...block.querySelectorAll('p')].filter((p) => {
    for (let el = p.parentElement; el && el !== block; el = el.parentElement) if (isPost(el)) return false;
    return true;
  });
  if (!paragraphs.length) return block;
  let body = paragraphs[0].parentElement;
  while (body !== block && !paragraphs.every((p) => body.contains(p))) body = body.parentElement;
  return body;
}

/** The first short line of a block that is not a date or a button: who wrote it, when nothing
 *  in the block says so. */
export function firstNameLine(block, isPost) {
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_ELEMENT, {
    acceptNode: (el) => (isPost(el) || el.matches('time, button, script, style, [aria-hidden="true"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let el = walker.nextNode(), n = 0; el && n < 40; el = walker.nextNode(), n++) {
    if (el.firstElementChild || el.localName === 'p') continue;
    const text = el.textContent.trim();
    if (text && text.length <= 50 && !/\d/.test(text) && !REPLY_WORDS.test(text)) return text;
  }
  return '';
}
