// Reads the visible text of a post as one flow string with a map back to its text nodes, so a
// mention the engine finds becomes a DOM Range even when it spans inline elements
// (`North<b>wind</b>`). Block boundaries become a line break, so no match crosses them. Hidden
// subtrees, form fields, editors, scripts and nested posts are never read. The walk is iterative
// and resumable: a deep or huge post is read across several slices, never in one long task.

/** Subtrees that are never page text a person reads. */
const SKIPPED = 'script,style,noscript,template,textarea,input,select,option,button,iframe,object,'
  + 'canvas,video,audio,svg,head,title,[hidden],[aria-hidden="true"],'
  + '[contenteditable]:not([contenteditable="false"]),[style*="display: none"],[style*="display:none"],'
  + '[style*="visibility: hidden"],[style*="visibility:hidden"]';

/** Elements that end a line of text: no match crosses them. */
const BLOCKS = 'address,article,aside,blockquote,br,dd,div,dl,dt,fieldset,figcaption,figure,footer,'
  + 'form,h1,h2,h3,h4,h5,h6,header,hr,li,main,nav,ol,p,pre,section,table,td,th,tr,ul';

/** How many nodes are visited between two looks at the clock. */
const CLOCK_EVERY = 64;

export class TextFlow {
  /** @param {Element} root @param {(el: Element) => boolean} isPost descendants that are posts of their own */
  constructor(root, isPost) {
    this.isPost = isPost;
    this.parts = [];
    /** @type {{node: Text|null, start: number, len: number}[]} */
    this.segments = [];
    this.length = 0;
    this.last = '';
    this.stack = [{ next: root.firstChild, block: false }];
    this.text = null;
  }

  push(s, node) {
    if (!s.length) return;
    this.segments.push({ node, start: this.length, len: s.length });
    this.parts.push(s);
    this.length += s.length;
    this.last = s[s.length - 1];
  }

  lineBreak() {
    if (this.length && this.last !== '\n') this.push('\n', null);
  }

  /** Reads on until done (returns true, `text` is set) or until `deadline` (performance.now()). */
  read(deadline) {
    let steps = 0;
    const stack = this.stack;
    while (stack.length) {
      if (++steps % CLOCK_EVERY === 0 && performance.now() > deadline) return false;
      const top = stack[stack.length - 1];
      const n = top.next;
      if (!n) {
        stack.pop();
        if (top.block) this.lineBreak();
        continue;
      }
      top.next = n.nextSibling;
      if (n.nodeType === Node.TEXT_NODE) {
        this.push(n.data, n);
      } else if (n.nodeType === Node.ELEMENT_NODE) {
        if (n.matches(SKIPPED) || this.isPost(n)) continue;
        if (n.localName === 'img') {
          // X draws emoji as <img alt="😍">: part of what the post says.
          const alt = n.getAttribute('alt');
          if (alt) this.push(alt, null);
          continue;
        }
        const block = n.matches(BLOCKS);
        if (block) this.lineBreak();
        stack.push({ next: n.firstChild, block });
      }
    }
    this.text = this.parts.join('');
    this.parts = null;
    return true;
  }

  /** The text node and offset for a flow offset; starts snap forward and ends snap backward
   *  past text that no node holds. */
  locate(offset, isEnd) {
    const segs = this.segments;
    // Binary search for the first segment that ends after `offset` (start) or the last that
    // starts before it (end), then step over node-less segments.
    let lo = 0;
    let hi = segs.length;
    if (isEnd) {
      while (lo < hi) { const mid = (lo + hi) >> 1; if (segs[mid].start < offset) lo = mid + 1; else hi = mid; }
      for (let i = lo - 1; i >= 0; i--) if (segs[i].node) return [segs[i].node, Math.min(Math.max(offset, segs[i].start), segs[i].start + segs[i].len) - segs[i].start];
    } else {
      while (lo < hi) { const mid = (lo + hi) >> 1; if (segs[mid].start + segs[mid].len <= offset) lo = mid + 1; else hi = mid; }
      for (let i = lo; i < segs.length; i++) if (segs[i].node) return [segs[i].node, Math.min(Math.max(offset, segs[i].start), segs[i].start + segs[i].len) - segs[i].start];
    }
    return null;
  }

  /** A live Range over flow offsets [start, end) in UTF-16 units, or null. */
  range(doc, start, end) {
    const a = this.locate(start, false);
    const b = this.locate(end, true);
    if (!a || !b) return null;
    const r = doc.createRange();
    try {
      r.setStart(a[0], a[1]);
      r.setEnd(b[0], b[1]);
    } catch {
      return null;
    }
    return r.collapsed ? null : r;
  }
}
