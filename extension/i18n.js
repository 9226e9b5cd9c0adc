// The interface's words in the browser's language (the extension's _locales, built from
// extension/locales/ by scripts/locales.mjs). Replies are not worded here: they follow the post's
// language. Shared by the content script, the background, the dashboard and the pages' loader.

const api = globalThis.browser ?? globalThis.chrome;

/** The browser's interface language ("es", "pt-BR"). */
export const uiLanguage = () => api.i18n.getUILanguage();

/** The message `key` with its placeholders filled, in the order the English message names
 *  them; the key itself if the message is missing (a test keeps every key present). */
export function t(key, ...substitutions) {
  return api.i18n.getMessage(key, substitutions.map(String)) || key;
}

let numbers = null;
let plurals = null;

/** `n` written for the interface's language (1,234 / 1.234 / 1 234). */
export function fmt(n) {
  numbers ??= new Intl.NumberFormat(uiLanguage());
  return numbers.format(n);
}

/** The message `${key}_one` or `${key}_other` for the count `n` (its first placeholder), by the
 *  interface language's plural rule; `more` fill the next placeholders. */
export function plural(n, key, ...more) {
  plurals ??= new Intl.PluralRules(uiLanguage());
  return t(`${key}_${plurals.select(n) === 'one' ? 'one' : 'other'}`, fmt(n), ...more);
}

/** The languages Hat Tip replies in, in the order the pages list them. */
export const REPLY_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'ja'];

/** Words a page from its markup: `data-i18n="key"` sets an element's text,
 *  `data-i18n-attr="placeholder:key aria-label:key2"` its attributes, also inside templates; a
 *  `<select data-languages>` gets the reply languages, named in the interface's language;
 *  <html lang> follows. */
export function localize(doc) {
  doc.documentElement.lang = uiLanguage();
  const names = new Intl.DisplayNames([uiLanguage()], { type: 'language' });
  const roots = [doc, ...[...doc.querySelectorAll('template')].map((tpl) => tpl.content)];
  for (const root of roots) {
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-attr]')) {
      for (const pair of el.dataset.i18nAttr.split(/\s+/).filter(Boolean)) {
        const [attr, key] = pair.split(':');
        el.setAttribute(attr, t(key));
      }
    }
    for (const select of root.querySelectorAll('select[data-languages]')) {
      select.replaceChildren(...REPLY_LANGUAGES.map((code) => Object.assign(doc.createElement('option'), { value: code, textContent: names.of(code) })));
    }
  }
}
