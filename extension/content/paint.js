// Paints mentions with the CSS Custom Highlight API: ranges go into two registered Highlights,
// styled by content.css (`::highlight(h7t-m)`, `::highlight(h7t-f)` for likely misspellings).
// The site's DOM is never mutated. Registry names are neutral on purpose: the page can list them.

export const HIGHLIGHT_NAME = 'h7t-m';
export const FUZZY_HIGHLIGHT_NAME = 'h7t-f';

export class Painter {
  constructor() {
    this.available = typeof Highlight === 'function' && !!globalThis.CSS?.highlights;
    if (!this.available) {
      console.warn('Hat Tip: the CSS Custom Highlight API is missing; mentions are not painted');
      return;
    }
    this.exact = new Highlight();
    this.fuzzy = new Highlight();
    // Replaces whatever a previous Hat Tip (before an update) left registered.
    CSS.highlights.set(HIGHLIGHT_NAME, this.exact);
    CSS.highlights.set(FUZZY_HIGHLIGHT_NAME, this.fuzzy);
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

  /** Unregisters the highlights (only if they are still this painter's). */
  destroy() {
    if (!this.available) return;
    this.clear();
    if (CSS.highlights.get(HIGHLIGHT_NAME) === this.exact) CSS.highlights.delete(HIGHLIGHT_NAME);
    if (CSS.highlights.get(FUZZY_HIGHLIGHT_NAME) === this.fuzzy) CSS.highlights.delete(FUZZY_HIGHLIGHT_NAME);
  }
}
