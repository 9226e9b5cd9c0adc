// The interface's translations (extension/locales/): every language has every English message
// with the same placeholders; the messages are translated, not copied; every key the code and
// pages use exists, and every English message is used somewhere.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { LOCALES, SOURCE_LANGUAGE, placeholdersOf, problemsOf, readSources } from '../../scripts/locales.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const sources = readSources(path.join(root, 'extension', 'locales'));
const english = sources.messages[SOURCE_LANGUAGE];

/** Every file of `dir` (recursively) whose name ends with one of `exts`. */
function filesOf(dir, exts) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'locales' ? [] : filesOf(p, exts);
    return exts.some((x) => e.name.endsWith(x)) ? [p] : [];
  });
}

const code = [...filesOf(path.join(root, 'extension'), ['.js', '.html', '.json']), ...filesOf(path.join(root, 'src', 'browser'), ['.rs'])]
  .map((f) => fs.readFileSync(f, 'utf8')).join('\n');

/** Keys the code names: t('key'), plural(n, 'key'), ext::t("key"), data-i18n="key", __MSG_key__,
 *  and families built at run time (t(`intent_${…}`) → every key starting intent_). */
function usedKeys() {
  const exact = new Set();
  const prefixes = new Set();
  /** Keys in a list of (key, …) pairs, or a site's note: used, but too loose a pattern to
   *  say a key is missing. */
  const loose = new Set();
  for (const m of code.matchAll(/\bt\(\s*['"]([a-z0-9_]+)['"]/g)) exact.add(m[1]);
  for (const m of code.matchAll(/\bplural\([^,]+,\s*['"]([a-z0-9_]+)['"]/g)) { exact.add(`${m[1]}_one`); exact.add(`${m[1]}_other`); }
  for (const m of code.matchAll(/data-i18n(?:-attr)?="([^"]+)"/g)) for (const k of m[1].split(/\s+/)) exact.add(k.includes(':') ? k.split(':')[1] : k);
  for (const m of code.matchAll(/__MSG_([a-z0-9_]+)__/g)) exact.add(m[1]);
  for (const m of code.matchAll(/t\(\s*`([a-z0-9_]+)\$\{/g)) prefixes.add(m[1]);
  for (const m of code.matchAll(/format!\("([a-z0-9_]+)\{/g)) prefixes.add(m[1]);
  // Keys chosen by a condition: ext::t(if … { "a" } else { "b" }) and t(ok ? 'a' : 'b').
  for (const m of code.matchAll(/\{\s*"([a-z0-9_]+)"\s*\}\s*else\s*\{\s*"([a-z0-9_]+)"\s*\}/g)) { exact.add(m[1]); exact.add(m[2]); }
  for (const m of code.matchAll(/\?\s*'([a-z0-9_]+)'\s*:\s*'([a-z0-9_]+)'/g)) { exact.add(m[1]); exact.add(m[2]); }
  for (const m of code.matchAll(/\['([a-z0-9_]+)',\s*(?:[^\]]*)\]/g)) loose.add(m[1]);
  for (const m of code.matchAll(/note: '([a-z0-9_]+)'/g)) loose.add(m[1]);
  return { exact, prefixes, loose };
}

test('every language has every message, with the English placeholders', () => {
  assert.deepEqual(problemsOf(sources), []);
  assert.deepEqual(Object.keys(sources.messages).sort(), Object.keys(LOCALES).sort());
});

test('the messages are translations, not copies of the English', () => {
  for (const [language, table] of Object.entries(sources.messages)) {
    if (language === SOURCE_LANGUAGE) continue;
    const same = Object.keys(english).filter((k) => table[k] === english[k]);
    // Names, codes and words the languages share ("Hat Tip", "Blogs", "$label$ ($score$)").
    assert.ok(same.length / Object.keys(english).length < 0.08, `${language}: ${same.length} messages equal to the English: ${same.join(', ')}`);
  }
});

test('the count comes first in plural messages, and both forms exist', () => {
  for (const key of Object.keys(english).filter((k) => k.endsWith('_one'))) {
    const other = key.replace(/_one$/, '_other');
    assert.ok(other in english, `${other} is missing`);
    assert.equal(placeholdersOf(english[key])[0], 'count', key);
  }
});

test('every key the code uses exists, and every message is used', () => {
  const { exact, prefixes, loose } = usedKeys();
  // Every message key has a prefix (card_, dash_…): words without one are not keys.
  const missing = [...exact].filter((k) => k.includes('_') && !(k in english));
  assert.deepEqual(missing, [], 'keys used but not defined');
  const unused = Object.keys(english).filter((k) => !exact.has(k) && !loose.has(k) && ![...prefixes].some((p) => k.startsWith(p)));
  assert.deepEqual(unused, [], 'messages nothing uses');
});
