// Hat Tip's only UI in the page: one extension-owned element appended to <html> (outside anything
// a site's framework renders) with a closed shadow root (see exposure.js) holding one button per post with a mention
// and the reply card (role="dialog"). Page text only ever enters it through textContent/value,
// never as HTML. Clicks are delegated by data-action attributes. Styles go in through a
// constructed stylesheet where the browser allows it, so a page's style-src CSP is never involved.

import { INTENTS } from '../log/record.js';
import { t, uiLanguage } from '../i18n.js';
import { SHADOW_MODE, expose } from './exposure.js';

const TAG = 'hattip-overlay';

const STYLE = `
:host { all: initial; }
.layer { position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: visible;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
.hat { position: absolute; display: inline-flex; align-items: center; gap: 4px; height: 26px;
  padding: 0 8px; border-radius: 13px; border: 1px solid #d4a72c; background: #fff8c5;
  color: #3d2e00; font: inherit; font-weight: 600; cursor: pointer; white-space: nowrap;
  box-shadow: 0 1px 3px rgba(0,0,0,.15); transform: translateX(-100%); }
.hat:hover, .hat:focus-visible { background: #ffe58a; outline: 2px solid #9a6700; outline-offset: 1px; }
.card { position: absolute; width: 340px; max-width: calc(100vw - 24px); box-sizing: border-box;
  background: #fff; border: 1px solid #d0d7de; border-radius: 10px; padding: 12px 14px;
  box-shadow: 0 8px 24px rgba(140,149,159,.35); }
.card h2 { margin: 0 28px 8px 0; font-size: 14px; }
.card dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0 0 8px; }
.card dt { color: #57606a; } .card dd { margin: 0; font-weight: 600; }
.card textarea { width: 100%; box-sizing: border-box; min-height: 84px; font: inherit;
  border: 1px solid #d0d7de; border-radius: 6px; padding: 6px; resize: vertical; }
.card .alts { margin: 6px 0 0; padding: 0; list-style: none; display: grid; gap: 4px; }
.card .alts button { text-align: left; width: 100%; font: inherit; font-size: 12px;
  background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 6px; cursor: pointer; }
.card .alts .move { display: block; font-weight: 600; font-size: 11px; color: #5b4b8a; }
.card .row { display: flex; gap: 8px; margin-top: 10px; }
.card .row button { font: inherit; font-weight: 600; padding: 5px 12px; border-radius: 6px;
  border: 1px solid #1f883d; cursor: pointer; }
.card .primary { background: #1f883d; color: #fff; } .card .secondary { background: #f6f8fa; color: #1f2328; border-color: #d0d7de; }
.card .close { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 18px; cursor: pointer; }
.card .guidance { background: #fff1f0; border: 1px solid #ffb3ab; border-radius: 6px; padding: 6px 8px; }
.card .fix { display: block; margin: 0 0 8px; color: #57606a; } .card .fix select { font: inherit; }
.card .status { min-height: 1.4em; margin: 8px 0 0; color: #0550ae; }
.card .label { color: #57606a; font-size: 12px; margin: 8px 0 4px; }
.card .readings button { font: inherit; font-size: 12px; margin: 2px 4px 0 0; background: #f6f8fa; color: #1f2328;
  border: 1px solid #d0d7de; border-radius: 12px; padding: 1px 8px; cursor: pointer; }
.card .why { margin: 0 0 8px; } .card .why mark { background: #fff8c5; color: inherit; border-radius: 3px; padding: 0 3px; }
.card { max-height: calc(100vh - 48px); overflow: auto; }
@media (prefers-color-scheme: dark) {
  .layer { color: #e6edf3; color-scheme: dark; }
  .card { background: #161b22; border-color: #3d444d; box-shadow: 0 8px 24px rgba(1,4,9,.8); }
  .card dt, .card .fix, .card .label { color: #9198a1; }
  .card textarea, .card select { background: #0d1117; color: #e6edf3; border-color: #3d444d; }
  .card .alts button, .card .readings button, .card .secondary { background: #212830; color: #e6edf3; border-color: #3d444d; }
  .card .alts .move { color: #c6b5ff; }
  .card .primary { background: #1f6f34; border-color: #2ea043; }
  .card .close { color: #e6edf3; }
  .card .guidance { background: #3a1d1a; border-color: #8e1519; color: #ffdcd7; }
  .card .status { color: #79c0ff; }
  .card .why mark { background: #4d3b00; }
}
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

/** A language's name in the interface's language ("Spanish", "espagnol"), from its code. */
function languageName(code) {
  try {
    return new Intl.DisplayNames([uiLanguage()], { type: 'language' }).of(code) ?? code;
  } catch {
    return t('language_unknown');
  }
}

/** The button's accessible name for a card: its brands and the kind of post. */
export const buttonLabel = (card) => (card.category
  ? t('button_label_category', card.terms[0]?.text ?? '', card.brand)
  : t('button_label', card.brands.join(', '), t(`intent_${card.intent}`)));

/** Text from the page as the card shows it: without bidi embedding, override and isolate
 *  controls, which would let a post display something other than what it says. */
const plain = (text) => String(text).replace(/[\u202a-\u202e\u2066-\u2069]/g, '');

function el(doc, tag, className = '', text = null) {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  if (text !== null) e.textContent = text;
  return e;
}

function styleShadow(doc, root) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return;
  } catch {
    // Firefox content scripts can't hand a sandbox array to the page's shadow root.
  }
  root.append(el(doc, 'style', '', STYLE));
}

export class Overlay {
  constructor(doc, siteName) {
    // A Hat Tip from before an update may have left its overlay behind: it is ours to remove.
    for (const old of doc.querySelectorAll(TAG)) old.remove();
    this.doc = doc;
    this.host = doc.createElement(TAG);
    expose(this.host, 'site', siteName);
    Object.assign(this.host.style, { position: 'absolute', top: '0', left: '0', zIndex: '2147483647' });
    this.root = this.host.attachShadow({ mode: SHADOW_MODE });
    styleShadow(doc, this.root);
    this.layer = el(doc, 'div', 'layer');
    this.root.append(this.layer);
    doc.documentElement.append(this.host);
    this.card = null;
    this.openPost = null;
  }

  setReady(postsWithMentions) {
    expose(this.host, 'ready', postsWithMentions);
  }

  /** The button for one post with mentions; `label` is its accessible name. */
  addButton(postId, brand, label) {
    const b = el(this.doc, 'button', 'hat', `🎩 ${brand}`);
    b.type = 'button';
    b.dataset.action = 'open';
    b.dataset.post = String(postId);
    b.setAttribute('aria-label', label);
    b.setAttribute('aria-haspopup', 'dialog');
    this.layer.append(b);
    return b;
  }

  /** Puts buttons at the top-right corner of their anchors (document coordinates): all layout
   *  reads first, then all writes, so placing many buttons costs one layout. */
  place(pairs) {
    const sx = window.scrollX;
    const sy = window.scrollY;
    const rects = pairs.map(([, anchor]) => anchor.getBoundingClientRect());
    pairs.forEach(([button], i) => {
      const r = rects[i];
      const hidden = r.width === 0 && r.height === 0;
      // Its right edge (CSS shifts it left); written only when it moved, so an unchanged layout
      // costs no style work.
      const where = hidden ? 'none' : `${Math.round(Math.max(r.right + sx, sx + 120))},${Math.round(Math.max(r.top + sy - 30, 0))}`;
      if (button.__where === where) return;
      button.__where = where;
      button.style.display = hidden ? 'none' : 'inline-flex';
      if (hidden) return;
      const [left, top] = where.split(',');
      button.style.left = `${left}px`;
      button.style.top = `${top}px`;
    });
  }

  hide(button) {
    button.style.display = 'none';
  }

  /** Opens the card of `card` (the engine's worded card) next to `button`. `focus`: the card
   *  field to focus (`correct-intent` when the card is redrawn for a correction, so that a
   *  keyboard user stays on the list they were moving through). */
  openCard(postId, button, card, author, focus = null) {
    this.closeCard();
    const d = this.doc;
    const root = el(d, 'div', 'card');
    root.setAttribute('role', 'dialog');
    root.setAttribute('aria-label', t('card_label', card.brand));
    root.dataset.post = String(postId);
    const close = el(d, 'button', 'close', '×');
    close.setAttribute('aria-label', t('card_close'));
    close.dataset.action = 'close';
    root.append(close, el(d, 'h2', '', t(card.category ? 'card_title_category' : 'card_title', card.brand)));
    const dl = el(d, 'dl');
    const who = author ? plain([author.name, author.handle && `@${author.handle}`].filter(Boolean).join(' ')) : t('author_not_shown');
    const matched = card.terms.map((term) => (term.fuzzy ? t('term_fuzzy', plain(term.text)) : plain(term.text))).join(', ');
    const sentiment = t('sentiment_value', t(`sentiment_${card.sentiment_label}`), `${card.sentiment_score >= 0 ? '+' : ''}${card.sentiment_score.toFixed(2)}`);
    // Each field's code (language, intent…) goes with its words, for whoever reads the card's state.
    for (const [term, value, field, code] of [
      ['field_author', who, 'author'], ['field_brand', card.brand, 'brand'], ['field_matched', matched, 'matched'],
      ['field_language', card.language === 'unknown' ? t('language_unknown') : languageName(card.language), 'language', card.language],
      ['field_sentiment', sentiment, 'sentiment', card.sentiment_label],
      ['field_intent', t(`intent_${card.intent}`), 'intent', card.intent], ['field_act', t(`act_${card.act}`), 'act', card.act],
    ]) {
      const dd = el(d, 'dd', '', value);
      dd.dataset.field = field;
      if (code !== undefined) dd.dataset.value = code;
      dl.append(el(d, 'dt', '', t(term)), dd);
    }
    root.append(dl);
    const fix = el(d, 'label', 'fix', t('card_fix'));
    const select = el(d, 'select');
    select.dataset.field = 'correct-intent';
    select.dataset.action = 'correct';
    for (const intent of INTENTS) {
      const option = el(d, 'option', '', this.intentName(intent));
      option.value = intent;
      option.selected = intent === card.intent;
      select.append(option);
    }
    fix.append(select);
    root.append(fix);
    if (card.others.length) {
      // Unsure: the other likely readings, one click each (the same as choosing it above).
      const readings = el(d, 'p', 'why readings');
      readings.dataset.field = 'readings';
      readings.append(el(d, 'span', 'label', t('card_or_is_it', card.sure)));
      for (const other of card.others) {
        // No percent: offered for the post's form (a request put as a question), not its odds.
        const name = this.intentName(other.intent);
        const b = el(d, 'button', '', other.percent === null ? name : t('card_reading', name, other.percent));
        b.type = 'button';
        b.dataset.action = 'reread';
        b.dataset.intent = other.intent;
        readings.append(d.createTextNode(' '), b);
      }
      root.append(readings);
    }
    if (card.from_correction) {
      const note = el(d, 'p', 'why', t('card_from_correction'));
      note.dataset.field = 'from-correction';
      root.append(note);
    }
    if (card.reasons.length) {
      const why = el(d, 'p', 'why');
      why.dataset.field = 'reasons';
      why.append(el(d, 'span', 'label', t('card_why')));
      for (const reason of card.reasons) why.append(el(d, 'mark', '', plain(reason)), d.createTextNode(' '));
      root.append(why);
    }
    const moveName = (id) => t(id ? `move_${id}` : 'move_default');
    if (card.guidance_id) {
      const g = el(d, 'p', 'guidance', t(`guidance_${card.guidance_id}`));
      g.dataset.field = 'guidance';
      root.append(g);
    } else {
      const label = el(d, 'p', 'label', t('reply_label', moveName(card.move_ids[0]), languageName(card.reply_language_code)));
      label.dataset.field = 'reply-label';
      const ta = el(d, 'textarea');
      ta.value = card.reply;
      ta.dataset.field = 'reply';
      ta.setAttribute('aria-label', t('reply_aria'));
      root.append(label, ta);
      if (card.language !== 'unknown' && card.language !== card.reply_language_code) {
        // A language Hat Tip has no phrasebook for: the reply is in the profile's, and says so.
        const note = el(d, 'p', 'label', t('card_other_language', languageName(card.language), languageName(card.reply_language_code)));
        note.dataset.field = 'other-language';
        root.append(note);
      }
      if (card.alternatives.length) {
        root.append(el(d, 'p', 'label', t('card_other_ways')));
        const list = el(d, 'ul', 'alts');
        card.alternatives.forEach((alt, i) => {
          const b = el(d, 'button');
          if (card.move_ids[i + 1]) b.append(el(d, 'span', 'move', moveName(card.move_ids[i + 1])));
          b.append(d.createTextNode(alt));
          b.type = 'button';
          b.dataset.action = 'use-alt';
          b.dataset.alt = String(i);
          list.append(el(d, 'li'));
          list.lastChild.append(b);
        });
        root.append(list);
      }
    }
    const row = el(d, 'div', 'row');
    const actions = card.guidance_id ? [] : [['card_insert', 'insert', 'primary'], ['card_copy', 'copy', 'secondary']];
    for (const [key, action, cls] of [...actions, ['card_dismiss', 'dismiss', 'secondary']]) {
      const b = el(d, 'button', cls, t(key));
      b.type = 'button';
      b.dataset.action = action;
      row.append(b);
    }
    root.append(row);
    const status = el(d, 'p', 'status');
    status.setAttribute('role', 'status');
    status.dataset.field = 'status';
    root.append(status);

    const left = parseFloat(button.style.left) || 0;
    const top = parseFloat(button.style.top) || 0;
    const sx = window.scrollX;
    const cardLeft = Math.min(Math.max(left - 340, sx + 8), Math.max(sx + window.innerWidth - 350, sx + 8));
    root.style.left = `${Math.round(cardLeft)}px`;
    root.style.top = `${Math.round(top + 32)}px`;
    this.layer.append(root);
    ((focus && root.querySelector(`[data-field="${focus}"]`)) ?? root.querySelector('textarea') ?? close).focus();
    this.card = root;
    this.openPost = postId;
  }

  closeCard() {
    this.card?.remove();
    this.card = null;
    this.openPost = null;
  }

  /** The buttons of the card's other replies, in order. */
  alternativeButtons() {
    return [...(this.card?.querySelectorAll('[data-action="use-alt"]') ?? [])];
  }

  /** How the card words an intent ("a question"). */
  intentName(intent) {
    return t(`intent_choice_${intent}`);
  }

  get replyText() {
    return this.card?.querySelector('textarea')?.value ?? '';
  }

  set replyText(text) {
    const ta = this.card?.querySelector('textarea');
    if (ta) ta.value = text;
  }

  setStatus(message) {
    const s = this.card?.querySelector('[data-field="status"]');
    if (s) s.textContent = message;
  }

  destroy() {
    this.host.remove();
  }
}
