// Paints mentions with the CSS Custom Highlight API: ranges go into three registered Highlights,
// one for mentions, one for likely misspellings and one for the category words of a question that
// names no brand. The site's DOM is never mutated.
//
// The page can list the highlight registry, so the names are random for each page and styled by
// a stylesheet the background inserts for this frame (`hattip:paint-style`), which the page cannot
// read. Where the background may not insert one (a comment frame from a host Hat Tip has no
// permission for), the painter falls back to the names content.css styles.

/** The names content.css styles: used only when no stylesheet could be inserted. */
export const FALLBACK_NAMES = Object.freeze({ exact: 'h7t-m', fuzzy: 'h7t-f', category: 'h7t-c' });

/** The kinds of highlight, each registered under its own name. */
export const KINDS = Object.freeze(['exact', 'fuzzy', 'category']);

/** Fresh registry names, letters only so that they are CSS identifiers. */
export function randomNames() {
  const word = () => Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => String.fromCharCode(97 + (b % 26))).join('');
  return Object.fromEntries(KINDS.map((kind) => [kind, word()]));
}

/** The stylesheet that paints highlights registered under `names`. */
export function paintStyle(names) {
  return `::highlight(${names.exact}) { background-color: rgba(255, 205, 0, 0.45); text-decoration: underline 2px rgba(176, 120, 0, 0.9); }
::highlight(${names.fuzzy}) { background-color: rgba(255, 205, 0, 0.25); text-decoration: underline dotted 2px rgba(176, 120, 0, 0.9); }
::highlight(${names.category}) { background-color: rgba(0, 160, 255, 0.22); text-decoration: underline dashed 2px rgba(0, 100, 170, 0.9); }`;
}

export class Painter {
  constructor(names) {
    this.available = typeof Highlight === 'function' && !!globalThis.CSS?.highlights;
    this.names = names;
    if (!this.available) {
      console.warn('Hat Tip: the CSS Custom Highlight API is missing; mentions are not painted');
      return;
    }
    this.highlights = Object.fromEntries(KINDS.map((kind) => [kind, new Highlight()]));
    this.register();
  }

  register() {
    for (const kind of KINDS) CSS.highlights.set(this.names[kind], this.highlights[kind]);
  }

  /** Registers the same highlights under other names (when their stylesheet could not go in). */
  rename(names) {
    if (!this.available) return;
    this.unregister();
    this.names = names;
    this.register();
  }

  /** Paints `range` as `kind` (one of KINDS). */
  add(range, kind) {
    if (this.available) this.highlights[kind].add(range);
  }

  remove(range) {
    if (!this.available) return;
    for (const h of Object.values(this.highlights)) h.delete(range);
  }

  clear() {
    if (!this.available) return;
    for (const h of Object.values(this.highlights)) h.clear();
  }

  unregister() {
    for (const kind of KINDS) {
      if (CSS.highlights.get(this.names[kind]) === this.highlights[kind]) CSS.highlights.delete(this.names[kind]);
    }
  }

  /** Unregisters the highlights (only if they are still this painter's). */
  destroy() {
    if (!this.available) return;
    this.clear();
    this.unregister();
  }
}
