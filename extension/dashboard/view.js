// The dashboard's DOM: tables, mention lists and totals, built from a summary (log/summary.js).
// Text from posts only ever goes in through textContent; links only to http(s) addresses (the log
// accepts no others).

import { answered, intentOf } from '../log/record.js';

const INTENT_NAMES = { praise: 'Praise', complaint: 'Complaint', question: 'Question', suggestion: 'Idea', offensive: 'Offensive', other: 'Other' };
export const intentName = (i) => INTENT_NAMES[i] ?? i;
const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });
export const languageName = (code) => {
  if (code === 'unknown') return 'Unknown';
  try {
    return LANGUAGE_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
};

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

const number = new Intl.NumberFormat('en');
export const fmt = (n) => number.format(n);
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
export const dayLabel = (t) => dayFormat.format(t);

/** A table: `head` names the columns, numeric ones marked with a leading '#'. */
export function table(caption, head, rows) {
  const numeric = head.map((h) => h.startsWith('#'));
  const t = el('table', {}, el('caption', { class: 'visually-hidden', text: caption }));
  const tr = el('tr');
  head.forEach((h, i) => tr.append(el('th', { scope: 'col', class: numeric[i] ? 'n' : '', text: h.replace(/^#/, '') })));
  t.append(el('thead', {}, tr));
  const body = el('tbody');
  for (const row of rows) {
    const r = el('tr');
    row.forEach((cell, i) => r.append(el('td', { class: numeric[i] ? 'n' : '', text: numeric[i] ? fmt(cell) : String(cell) })));
    body.append(r);
  }
  if (!rows.length) body.append(el('tr', {}, el('td', { colspan: String(head.length), text: 'Nothing in this period.' })));
  t.append(body);
  return t;
}

export function put(id, ...nodes) {
  document.getElementById(id).replaceChildren(...nodes);
}

export function totals(summary) {
  const answeredCount = summary.entries.filter(answered).length;
  const praise = summary.counts.intent.find(([i]) => i === 'praise')?.[1] ?? 0;
  const items = [
    ['Mentions', summary.total, 'total'], ['Waiting for an answer', summary.waiting.count, 'waiting'],
    ['Answered from Hat Tip', answeredCount, 'answered'], ['Praise', praise, 'praise'],
    ['Brands', summary.counts.brand.length, 'brands'], ['Sites', summary.counts.site.length, 'sites'],
  ];
  put('totals', ...items.map(([label, n, key]) => el('div', {}, el('dt', { text: label }), el('dd', { 'data-total': key, text: fmt(n) }))));
}

/** One mention as a list item: when, brand, intent, author, text, link back to the post. */
export function mentionItem(e) {
  const who = [e.author.name, e.author.handle && `@${e.author.handle}`].filter(Boolean).join(' ') || 'unknown author';
  const li = el('li', { 'data-key': e.key });
  li.append(
    el('div', { class: 'meta' },
      el('span', { class: 'tag', text: e.brand }), el('span', { class: 'tag', 'data-intent': intentOf(e), text: intentName(intentOf(e)) }),
      `${who} · ${e.site} · ${languageName(e.language)} · ${e.sentiment.label} · first seen ${dateTime.format(e.firstSeen)}`),
  );
  if (e.text) li.append(el('p', { class: 'text', text: e.text.length > 400 ? `${e.text.slice(0, 400)}…` : e.text }));
  const href = e.permalink ?? e.url;
  if (href && /^https?:\/\//i.test(href)) {
    li.append(el('a', { href, target: '_blank', rel: 'noopener noreferrer', text: e.permalink ? 'Open the post' : 'Open the page' }));
  }
  return li;
}

/** A list of mentions, the first `limit` of them with a button that shows the rest. */
export function mentionList(id, entries, empty, limit = Infinity) {
  const list = document.getElementById(id);
  if (!entries.length) {
    list.replaceChildren(el('li', { class: 'hint', text: empty }));
    return;
  }
  list.replaceChildren(...entries.slice(0, limit).map(mentionItem));
  if (entries.length > limit) {
    const more = el('button', { type: 'button', class: 'more', text: `Show all ${fmt(entries.length)}` });
    more.addEventListener('click', () => mentionList(id, entries, empty));
    list.append(el('li', { class: 'more' }, more));
  }
}

export function counts(summary) {
  const blocks = [
    ['brand', 'Brand', (v) => v], ['site', 'Site', (v) => v], ['language', 'Language', languageName],
    ['intent', 'Intent', intentName], ['sentiment', 'Sentiment', (v) => v],
  ];
  put('counts', ...blocks.map(([key, title, name]) => el('div', { 'data-counts': key },
    el('h3', { text: `Per ${title.toLowerCase()}` }),
    table(`Mentions per ${title.toLowerCase()}`, [title, '#Mentions'], summary.counts[key].map(([v, n]) => [name(v), n])))));
}

export function authors(summary) {
  const who = (a) => [a.name, a.handle && `@${a.handle}`].filter(Boolean).join(' ');
  put('authors-mentions', table('Authors with the most mentions', ['Author', 'Site', '#Mentions'],
    summary.topAuthors.byMentions.map((a) => [who(a), a.site, a.mentions])));
  put('authors-reach', table('Authors with the largest reach', ['Author', 'Site', 'Reach', '#Mentions'],
    summary.topAuthors.byReach.map((a) => [who(a), a.site, [a.followers ? `${fmt(a.followers)} followers` : '', a.verified ? 'verified' : ''].filter(Boolean).join(', '), a.mentions])));
}

export function words(summary) {
  const w = summary.words;
  document.getElementById('words-note').textContent = w.sampled
    ? `Words that stand out in praise and in complaints, from the latest ${fmt(w.sampled)} mentions whose text is kept.`
    : 'No post texts are kept, so no words can be shown (see the settings below).';
  put('words-praise', table('Words in praise', ['Word', '#Posts'], w.praise));
  put('words-complaint', table('Words in complaints', ['Word', '#Posts'], w.complaint));
  put('terms-praise', table('Names and products in praise', ['Mentioned as', '#Times'], summary.terms.praise));
  put('terms-complaint', table('Names and products in complaints', ['Mentioned as', '#Times'], summary.terms.complaint));
}
