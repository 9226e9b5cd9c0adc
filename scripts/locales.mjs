// The interface's translations: extension/locales/<language>.json (English with a description of
// each message for translators, the other languages message by message) become the browsers'
// _locales/<code>/messages.json. A message names its placeholders `$name$`; `$count$` is always
// the first substitution, the others follow in the order the English message names them, so a
// translation may put them in any order. Checked here and by tests/i18n/.
import fs from 'node:fs';
import path from 'node:path';

export const SOURCE_LANGUAGE = 'en';
/** Each source file and the browser locale directories it becomes (Chrome knows Portuguese only
 *  as pt_BR and pt_PT: one translation serves both). */
export const LOCALES = { en: ['en'], es: ['es'], fr: ['fr'], de: ['de'], it: ['it'], nl: ['nl'], ja: ['ja'], pt: ['pt_BR', 'pt_PT'] };

const PLACEHOLDER = /\$([a-z][a-z0-9_]*)\$/g;

/** The placeholder names of `message`, in substitution order. */
export function placeholdersOf(message) {
  const names = [...new Set([...message.matchAll(PLACEHOLDER)].map((m) => m[1]))];
  return names.includes('count') ? ['count', ...names.filter((n) => n !== 'count')] : names;
}

/** Reads every source file: { language: { key: message } }, plus the English descriptions. */
export function readSources(dir) {
  const english = JSON.parse(fs.readFileSync(path.join(dir, `${SOURCE_LANGUAGE}.json`), 'utf8'));
  const messages = { [SOURCE_LANGUAGE]: Object.fromEntries(Object.entries(english).map(([k, v]) => [k, v.message])) };
  const descriptions = Object.fromEntries(Object.entries(english).map(([k, v]) => [k, v.description ?? '']));
  for (const language of Object.keys(LOCALES)) {
    if (language === SOURCE_LANGUAGE) continue;
    messages[language] = JSON.parse(fs.readFileSync(path.join(dir, `${language}.json`), 'utf8'));
  }
  return { messages, descriptions };
}

/** What is wrong with the sources: a missing or extra key, an empty message, a placeholder
 *  that is not the English message's, a key the browsers would refuse. */
export function problemsOf({ messages }) {
  const problems = [];
  const english = messages[SOURCE_LANGUAGE];
  for (const key of Object.keys(english)) {
    if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${key}: a key is letters, digits and _`);
  }
  for (const [language, table] of Object.entries(messages)) {
    for (const key of Object.keys(english)) {
      const message = table[key];
      if (typeof message !== 'string' || !message.trim()) {
        problems.push(`${language}.${key}: missing`);
        continue;
      }
      const want = [...placeholdersOf(english[key])].sort().join(',');
      const got = [...placeholdersOf(message)].sort().join(',');
      if (want !== got) problems.push(`${language}.${key}: placeholders ${got || 'none'}, the English message has ${want || 'none'}`);
    }
    for (const key of Object.keys(table)) if (!(key in english)) problems.push(`${language}.${key}: not an English key`);
  }
  return problems;
}

/** One browser messages.json: each message with its placeholders bound to substitutions. */
function messagesJson(table, english, descriptions) {
  const out = {};
  for (const key of Object.keys(english)) {
    const order = placeholdersOf(english[key]);
    const entry = { message: table[key] };
    if (descriptions?.[key]) entry.description = descriptions[key];
    if (order.length) entry.placeholders = Object.fromEntries(order.map((name, i) => [name, { content: `$${i + 1}` }]));
    out[key] = entry;
  }
  return JSON.stringify(out, null, 1);
}

/** Writes `<extensionDir>/_locales` from the sources in `sourceDir`; throws on any problem. */
export function writeLocales(sourceDir, extensionDir) {
  const sources = readSources(sourceDir);
  const problems = problemsOf(sources);
  if (problems.length) throw new Error(`translations:\n  ${problems.join('\n  ')}`);
  const english = sources.messages[SOURCE_LANGUAGE];
  for (const [language, codes] of Object.entries(LOCALES)) {
    for (const code of codes) {
      const dir = path.join(extensionDir, '_locales', code);
      fs.mkdirSync(dir, { recursive: true });
      const descriptions = language === SOURCE_LANGUAGE ? sources.descriptions : null;
      fs.writeFileSync(path.join(dir, 'messages.json'), messagesJson(sources.messages[language], english, descriptions));
    }
  }
}
