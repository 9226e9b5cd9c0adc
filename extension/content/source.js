// Where a post was seen, for the mention log: the page, the post's own address when the page
// links one, when it was written and what the page shows of its author's reach. Read from the
// markup most sites share, not from site lists: a post's date is a <time datetime> and its link is
// the anchor around that date (X, WordPress, Discourse, Ghost, Hugo…); else the site part's
// `permalink` selector, else the post's element id as a fragment of the page's address.
// Everything is bounded and checked here, and checked again by the background.

const MAX_URL = 2048;
const MAX_GROUP = 120;
/** "12.3K followers", "1 234 abonnés", "5 Mio. Follower"… */
const FOLLOWERS = /(\d[\d.,\s]*)\s*([KkMm]|Mio\.?|mil)?\s*(?:followers|abonnés|seguidores|follower|volgers|seguaci|フォロワー)/i;
const VERIFIED = '[data-testid="icon-verified"], svg[aria-label*="verified" i], [aria-label="Verified account"], .verified-badge';

/** An absolute http(s) address for `href`, without credentials, or null. */
export function webAddress(href, base) {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    if (!/^https?:$/.test(u.protocol)) return null;
    u.username = '';
    u.password = '';
    const s = u.href;
    return s.length <= MAX_URL ? s : null;
  } catch {
    return null;
  }
}

let lastHref = null;
let lastAddress = null;
/** The page's own address without its fragment (parsed again only when the page's address changes). */
export function pageAddress(loc) {
  if (loc.href !== lastHref) {
    lastHref = loc.href;
    lastAddress = webAddress(loc.origin + loc.pathname + loc.search, loc.href);
  }
  return lastAddress;
}

/** A follower count shown as text: with a K/M suffix the separator is a decimal point
 *  ("12,3K", "1.2M"), without one every separator groups thousands ("1 234", "12,345"). */
export function followersOf(text) {
  const m = FOLLOWERS.exec(text);
  if (!m) return null;
  const figure = m[1].replace(/\s/g, '');
  const n = m[2] ? Number.parseFloat(figure.replace(',', '.')) : Number(figure.replace(/[.,]/g, ''));
  if (!Number.isFinite(n)) return null;
  const scale = !m[2] ? 1 : /^(?:[Kk]|mil)/.test(m[2]) ? 1e3 : 1e6;
  return Math.round(n * scale);
}

/**
 * `{url, permalink, postedAt, reach: {verified, followers, group}}` for `post`.
 * @param {import('./adapter.js').Adapter} adapter
 */
export function sourceOf(adapter, post) {
  const doc = adapter.doc;
  const loc = doc.defaultView.location;
  const url = pageAddress(loc);
  const part = adapter.partOf(post);
  const time = adapter.firstOwn(post, 'time[datetime]');
  let permalink = null;
  const timeLink = time?.closest('a[href]');
  if (timeLink && post.contains(timeLink)) permalink = webAddress(timeLink.getAttribute('href'), loc.href);
  if (!permalink && part.permalink) permalink = webAddress(adapter.firstOwn(post, part.permalink)?.getAttribute('href'), loc.href);
  if (!permalink && post.id && url) permalink = webAddress(`#${encodeURIComponent(post.id)}`, url);
  if (!permalink && part.kind === 'article') {
    permalink = webAddress(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), loc.href) ?? url;
  }
  const when = time ? Date.parse(time.getAttribute('datetime')) : NaN;
  const authorArea = adapter.firstOwn(post, part.authorName)?.closest('div') ?? null;
  const group = adapter.site.community ? doc.querySelector(adapter.site.community)?.textContent.trim().slice(0, MAX_GROUP) || null : null;
  return {
    url,
    permalink,
    postedAt: Number.isFinite(when) ? new Date(when).toISOString() : null,
    reach: {
      verified: adapter.firstOwn(post, VERIFIED) !== null,
      followers: authorArea ? followersOf(authorArea.textContent.slice(0, 500)) : null,
      group,
    },
  };
}
