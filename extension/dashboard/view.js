// The dashboard's DOM: tables, mention lists and totals, built from a summary (log/summary.js).
// Text from posts only ever goes in through textContent; links only to http(s) addresses (the log
// accepts no others).

import { aboutCategory, answered, intentOf } from '../log/record.js';
import { t, fmt, plural, uiLanguage } from '../i18n.js';

export { fmt };
export const intentName = (i) => t(`dash_intent_${i}`);
export const sentimentName = (s) => t(`dash_sentiment_${s}`);
const LANGUAGE_NAMES = new Intl.DisplayNames([uiLanguage()], { type: 'language' });
export const languageName = (code) => {
  if (code === 'unknown') return t('dash_language_unknown');
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

const dateTime = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' });
export const dayLabel = (t) => dayFormat.format(t);

/** A table: `head` names the columns, numeric ones marked with a leading '#'. */
export function table(caption, head, rows) {
  const numeric = head.map((h) => h.startsWith('#'));
  const tableEl = el('table', {}, el('caption', { class: 'visually-hidden', text: caption }));
  const tr = el('tr');
  head.forEach((h, i) => tr.append(el('th', { scope: 'col', class: numeric[i] ? 'n' : '', text: h.replace(/^#/, '') })));
  tableEl.append(el('thead', {}, tr));
  const body = el('tbody');
  for (const row of rows) {
    const r = el('tr');
    row.forEach((cell, i) => r.append(el('td', { class: numeric[i] ? 'n' : '', text: numeric[i] ? fmt(cell) : String(cell) })));
    body.append(r);
  }
  if (!rows.length) body.append(el('tr', {}, el('td', { colspan: String(head.length), text: t('dash_nothing_in_period') })));
  tableEl.append(body);
  return tableEl;
}

export function put(id, ...nodes) {
  document.getElementById(id).replaceChildren(...nodes);
}

export function totals(summary) {
  const answeredCount = summary.entries.filter(answered).length;
  const praise = summary.counts.intent.find(([i]) => i === 'praise')?.[1] ?? 0;
  const items = [
    ['dash_total_mentions', summary.total, 'total'], ['dash_total_waiting', summary.waiting.count, 'waiting'],
    ['dash_total_answered', answeredCount, 'answered'], ['dash_total_praise', praise, 'praise'],
    ['dash_total_brands', summary.counts.brand.length, 'brands'], ['dash_total_sites', summary.counts.site.length, 'sites'],
    ['dash_total_category', summary.categoryQuestions, 'category'],
  ];
  put('totals', ...items.map(([label, n, key]) => el('div', {}, el('dt', { text: t(label) }), el('dd', { 'data-total': key, text: fmt(n) }))));
}

/** One mention as a list item: when, brand, intent, author, text, link back to the post. */
export function mentionItem(e) {
  const who = [e.author.name, e.author.handle && `@${e.author.handle}`].filter(Boolean).join(' ') || t('dash_unknown_author');
  const li = el('li', { 'data-key': e.key });
  li.append(
    el('div', { class: 'meta' },
      el('span', { class: 'tag', text: aboutCategory(e) ? t('dash_category_of', e.brand) : e.brand }),
      el('span', { class: 'tag', 'data-intent': intentOf(e), text: intentName(intentOf(e)) }),
      `${who} · ${e.site} · ${languageName(e.language)} · ${sentimentName(e.sentiment.label)} · ${t('dash_first_seen', dateTime.format(e.firstSeen))}`),
  );
  if (e.text) li.append(el('p', { class: 'text', text: e.text.length > 400 ? `${e.text.slice(0, 400)}…` : e.text }));
  const href = e.permalink ?? e.url;
  if (href && /^https?:\/\//i.test(href)) {
    li.append(el('a', { href, target: '_blank', rel: 'noopener noreferrer', text: t(e.permalink ? 'dash_open_post' : 'dash_open_page') }));
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
    const more = el('button', { type: 'button', class: 'more', text: t('dash_show_all', fmt(entries.length)) });
    more.addEventListener('click', () => mentionList(id, entries, empty));
    list.append(el('li', { class: 'more' }, more));
  }
}

export function counts(summary) {
  const blocks = [
    ['brand', (v) => v], ['site', (v) => v], ['language', languageName], ['intent', intentName], ['sentiment', sentimentName],
  ];
  put('counts', ...blocks.map(([key, name]) => el('div', { 'data-counts': key },
    el('h3', { text: t(`dash_per_${key}`) }),
    table(t(`dash_mentions_per_${key}`), [t(`dash_col_${key}`), `#${t('dash_col_mentions')}`], summary.counts[key].map(([v, n]) => [name(v), n])))));
}

export function authors(summary) {
  const who = (a) => [a.name, a.handle && `@${a.handle}`].filter(Boolean).join(' ');
  const cols = (...keys) => keys.map((k) => (k.startsWith('#') ? `#${t(k.slice(1))}` : t(k)));
  put('authors-mentions', table(t('dash_authors_most'), cols('dash_col_author', 'dash_col_site', '#dash_col_mentions'),
    summary.topAuthors.byMentions.map((a) => [who(a), a.site, a.mentions])));
  const reach = (a) => [a.followers ? plural(a.followers, 'dash_followers') : '', a.verified ? t('dash_verified') : ''].filter(Boolean).join(', ');
  put('authors-reach', table(t('dash_authors_reach'), cols('dash_col_author', 'dash_col_site', 'dash_col_reach', '#dash_col_mentions'),
    summary.topAuthors.byReach.map((a) => [who(a), a.site, reach(a), a.mentions])));
}

export function words(summary) {
  const w = summary.words;
  document.getElementById('words-note').textContent = w.sampled ? plural(w.sampled, 'dash_words_note') : t('dash_words_none');
  const words = [t('dash_col_word'), `#${t('dash_col_posts')}`];
  const terms = [t('dash_col_mentioned_as'), `#${t('dash_col_times')}`];
  put('words-praise', table(t('dash_words_praise'), words, w.praise));
  put('words-complaint', table(t('dash_words_complaint'), words, w.complaint));
  put('terms-praise', table(t('dash_terms_praise'), terms, summary.terms.praise));
  put('terms-complaint', table(t('dash_terms_complaint'), terms, summary.terms.complaint));
}
