// Paints mentions with the CSS Custom Highlight API: ranges go into two registered Highlights,
// one for mentions and one for likely misspellings. The site's DOM is never mutated.
//
// The page can list the highlight registry, so the names are random for each page and styled by
// a stylesheet the background inserts for this frame (`hattip:paint-style`), which the page cannot
// read. Where the background may not insert one (a comment frame from a host Hat Tip has no
// permission for), the painter falls back to the names content.css styles.

/** The names content.css styles: used only when no stylesheet could be inserted. */
export const FALLBACK_NAMES = Object.freeze({ exact: 'h7t-m', fuzzy: 'h7t-f' });

/** Two fresh registry names, letters only so that they are CSS identifiers. */
export function randomNames() {
  const word = () => Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => String.fromCharCode(97 + (b % 26))).join('');
  return { exact: word(), fuzzy: word() };
}

/** The stylesheet that paints highlights registered under `names`. */
export function paintStyle(names) {
  return `::highlight(${names.exact}) { background-color: rgba(255, 205, 0, 0.45); text-decoration: underline 2px rgba(176, 120, 0, 0.9); }
::highlight(${names.fuzzy}) { background-color: rgba(255, 205, 0, 0.25); text-decoration: underline dotted 2px rgba(176, 120, 0, 0.9); }`;
}

export class Painter {
  constructor(names) {
    this.available = typeof Highlight === 'function' && !!globalThis.CSS?.highlights;
    this.names = names;
    if (!this.available) {
      console.warn('Hat Tip: the CSS Custom Highlight API is missing; mentions are not painted');
      return;
    }
    this.exact = new Highlight();
    this.fuzzy = new Highlight();
    this.register();
  }

  register() {
    CSS.highlights.set(this.names.exact, this.exact);
    CSS.highlights.set(this.names.fuzzy, this.fuzzy);
  }

  /** Registers the same highlights under other names (when their stylesheet could not go in). */
  rename(names) {
    if (!this.available) return;
    this.unregister();
    this.names = names;
    this.register();
  }

  add(range, fuzzy) {
    if (this.available) (fuzzy ? this.fuzzy : this.exact).add(range);
  }

  remove(range) {
    if (!this.available) return;
    this.exact.delete(range);
    this.fuzzy.delete(range);
  }

  clear() {
    if (!this.available) return;
    this.exact.clear();
    this.fuzzy.clear();
  }

  unregister() {
    if (CSS.highlights.get(this.names.exact) === this.exact) CSS.highlights.delete(this.names.exact);
    if (CSS.highlights.get(this.names.fuzzy) === this.fuzzy) CSS.highlights.delete(this.names.fuzzy);
  }

  /** Unregisters the highlights (only if they are still this painter's). */
  destroy() {
    if (!this.available) return;
    this.clear();
    this.unregister();
  }
}
