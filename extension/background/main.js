// Hat Tip's background (Chrome's MV3 service worker, Firefox's background page): the one place
// the engine runs. It compiles the stored profile once per browser (again when the worker wakes,
// and once when the profile changes), answers the content scripts' requests, tells them when to
// start, stop or start over, registers the content script on blogs the user allowed, and relays a
// reply from a page to the comment-form frame inside it (Blogger), and keeps the mention log
// (logger.js). Listeners are registered at the top level, synchronously, so a message that wakes
// the worker is never missed.
import init, { BackgroundEngine, profile_problem as profileProblem } from '../../target/hattip/web/hattip.js';
import { Logger, keyOf, siteOf } from './logger.js';
import { SETTINGS_KEY } from '../log/settings.js';
import { answered } from '../log/record.js';
import { KINDS, paintStyle } from '../content/paint.js';
import { showRunning } from './toolbar.js';
import { t } from '../i18n.js';
import { SYNC_META, adoptFromSync, mirrorToSync } from './sync.js';

const api = globalThis.browser ?? globalThis.chrome;
const PROFILE_KEY = 'profile';
const DISABLED_KEY = 'disabledSites';
const SCRIPT_ID = 'hattip-allowed-sites';
const manifest = api.runtime.getManifest();
/** Where the manifest itself injects the content script (X, Facebook, the comment frames). */
const BUILT_IN = manifest.content_scripts.flatMap((c) => c.matches);
/** The content script's files, as the manifest injects them on the built-in sites. */
const CONTENT = { js: manifest.content_scripts[0].js, css: manifest.content_scripts[0].css };

// ---- the engine ----

let wasmReady = null;
let enginePromise = null;
let engine = null;

function loadWasm() {
  wasmReady ??= init({ module_or_path: fetch(api.runtime.getURL('pkg/hattip_bg.wasm')) });
  return wasmReady;
}

/** The profile an organisation pushes through policy (managed storage), or null: where there is
 *  one, it is the profile in use. Firefox rejects the read when no policy names Hat Tip. */
async function managedProfile() {
  try {
    const value = (await api.storage.managed.get(PROFILE_KEY))[PROFILE_KEY];
    return value === undefined || value === null ? null : value;
  } catch {
    return null;
  }
}

/** The user's corrections from the card (`{text, intent}`), oldest first: those the log kept,
 *  then this session's. Every engine compiled reads them, so a post close to one the user
 *  corrected is read the way they said. */
const CORRECTIONS_KEPT = 1000;
let corrections = null;

function correctionsSoFar() {
  corrections ??= logger.corrections(CORRECTIONS_KEPT).catch((error) => {
    console.warn('Hat Tip: the corrections in the log could not be read:', error);
    return [];
  });
  return corrections;
}

function teach(target, { text, intent }) {
  try {
    target.correct(text, intent);
  } catch (error) {
    console.warn(`Hat Tip: a correction was refused: ${error?.message ?? error}`);
  }
}

async function compile() {
  await loadWasm();
  const managed = await managedProfile();
  const stored = managed ?? (await api.storage.local.get(PROFILE_KEY))[PROFILE_KEY];
  const next = new BackgroundEngine(stored == null ? undefined : JSON.stringify(stored), managed !== null);
  if (next.warning) console.warn(`Hat Tip: ${next.warning}`);
  for (const c of await correctionsSoFar()) teach(next, c);
  return next;
}

/** A post the user corrected from the card (it comes with the intent they chose): remembered
 *  for this session and by every engine from now on. */
async function remember(post) {
  const list = await correctionsSoFar();
  const c = { text: post.text, intent: post.intent };
  list.push(c);
  if (list.length > CORRECTIONS_KEPT) list.shift();
  if (engine) teach(engine, c);
}

/** The compiled engine, compiling it first if this worker has none yet. */
function getEngine() {
  enginePromise ??= compile().then((e) => {
    engine = e;
    return e;
  }, (error) => {
    enginePromise = null;
    wasmReady = null;
    throw error;
  });
  return enginePromise;
}

async function recompile() {
  const old = engine;
  enginePromise = null;
  await getEngine();
  if (old && old !== engine) old.free();
  broadcast({ type: 'hattip:profile-changed' });
}

// ---- who may run where ----

/** Whether a match pattern (`*://*.x.com/*`) covers `url`. */
function patternCovers(pattern, url) {
  const m = /^(\*|https?|file):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m;
  const u = new URL(url);
  if (scheme === '*' ? !/^https?:$/.test(u.protocol) : u.protocol !== `${scheme}:`) return false;
  if (host !== '*' && !(host.startsWith('*.') ? u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1)) : u.hostname === host.replace(/:\d+$/, ''))) return false;
  const re = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(u.pathname + u.search);
}

/** Whether Hat Tip should run in a document at `url`: a built-in site or a blog the user allowed,
 *  and not a site the user turned it off on. */
async function allowed(url) {
  if (!url || !/^https?:/.test(url)) return false;
  const origin = new URL(url).origin;
  const disabled = (await api.storage.local.get(DISABLED_KEY))[DISABLED_KEY];
  if (Array.isArray(disabled) && disabled.includes(origin)) return false;
  if (BUILT_IN.some((p) => patternCovers(p, url))) return true;
  return api.permissions.contains({ origins: [`${origin}/*`] });
}

/** A highlight registry name as the content script makes them (exposure.js). */
const HIGHLIGHT_NAME = /^[a-z][a-z0-9-]{2,31}$/;

/** Inserts the stylesheet that paints the sender frame's highlights; {ok: false} where the
 *  browser refuses (a frame from a host Hat Tip has no permission for). */
async function insertPaintStyle(names, sender) {
  if (!sender.tab || typeof sender.frameId !== 'number' || !names || typeof names !== 'object'
    || !KINDS.every((kind) => typeof names[kind] === 'string' && HIGHLIGHT_NAME.test(names[kind]))) return { ok: false };
  try {
    const checked = Object.fromEntries(KINDS.map((kind) => [kind, names[kind]]));
    await api.scripting.insertCSS({ target: { tabId: sender.tab.id, frameIds: [sender.frameId] }, css: paintStyle(checked) });
    return { ok: true };
  } catch {
    return { ok: false };
  }
}

async function broadcast(message) {
  const tabs = await api.tabs.query({});
  await Promise.all(tabs.map((t) => api.tabs.sendMessage(t.id, message).catch(() => {})));
}

/** Registers the content script for the blogs the user allowed (optional host permissions). */
async function syncBlogScripts() {
  const { origins = [] } = await api.permissions.getAll();
  const builtIn = new Set(BUILT_IN);
  const blogs = origins.filter((o) => !builtIn.has(o) && !manifest.host_permissions.includes(o) && o !== '*://*/*');
  const registered = await api.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length) await api.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!blogs.length) return;
  await api.scripting.registerContentScripts([{
    id: SCRIPT_ID, matches: blogs, js: CONTENT.js, css: CONTENT.css, runAt: 'document_idle', persistAcrossSessions: true,
  }]);
}

/** After an update, pages that were open get the new content script (the old one stops itself). */
async function injectIntoOpenTabs() {
  const tabs = await api.tabs.query({ url: manifest.host_permissions });
  await Promise.all(tabs.map(async (t) => {
    try {
      await api.scripting.insertCSS({ target: { tabId: t.id }, files: CONTENT.css });
      await api.scripting.executeScript({ target: { tabId: t.id }, files: CONTENT.js });
    } catch {
      // A tab we may not touch (a browser page, a discarded tab): it gets Hat Tip on its next load.
    }
  }));
}

// ---- the mention log ----

const logger = new Logger(api);

/** Answers an `analyze` request. Each post's `source` (where the page saw it) is for the log, not
 *  the engine: posts with a mention get their log key, are answered with the intent the user
 *  gave them before, if any, are marked `handled` when the user answered or set them aside, and
 *  are logged. */
async function analyze(posts, sender) {
  const engine = await getEngine();
  const list = Array.isArray(posts) ? posts : [];
  const sources = list.map((p) => (p && typeof p === 'object' ? p.source : undefined));
  const bare = list.map((p) => {
    if (!p || typeof p !== 'object' || !('source' in p)) return p;
    const { source: _, ...rest } = p;
    return rest;
  });
  const answer = JSON.parse(engine.answer(JSON.stringify({ posts: bare })));
  if (!answer.ok) return answer;
  for (const post of bare) {
    if (typeof post?.intent === 'string' && typeof post.text === 'string') await remember(post);
  }
  const site = siteOf(sender.tab?.url ?? sender.url);
  const logged = answer.results.map((result, i) => ({ result, i }))
    .filter(({ result, i }) => result.card && sources[i] && typeof sources[i] === 'object');
  await Promise.all(logged.map(async (item) => {
    item.result.key = await keyOf(site, sources[item.i], bare[item.i].author, bare[item.i].text);
  }));
  const known = await logger.known(logged.map(({ result }) => result.key));
  for (const { result, i } of logged) {
    const post = bare[i];
    const detected = result.card;
    const before = known.get(result.key);
    const intent = before?.actions.corrected?.intent;
    if (intent && intent !== detected.intent) {
      const again = JSON.parse(engine.answer(JSON.stringify({ posts: [{ ...post, intent }] })));
      if (again.ok && again.results[0].card) result.card = again.results[0].card;
    }
    if (before && (answered(before) || before.actions.dismissed !== null)) result.handled = true;
    await logger.sight({ card: detected, post, source: sources[i], key: result.key, site });
  }
  return answer;
}

/** Whether a message comes from one of the extension's own pages (popup, options, dashboard). */
const fromOwnPage = (sender) => typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL(''));

const logged = (what, p) => p.catch((e) => console.error(`Hat Tip: ${what}:`, e));

// ---- events ----

api.runtime.onMessage.addListener((message, sender, respond) => {
  if (sender.id !== api.runtime.id || typeof message?.type !== 'string') return undefined;
  let answer;
  switch (message.type) {
    case 'hattip:hello':
      answer = Promise.all([allowed(sender.url), logger.enabled()]).then(([run, log]) => {
        if (sender.tab && sender.frameId === 0) showRunning(api, sender.tab.id, run);
        return { run, log };
      });
      break;
    case 'hattip:paint-style':
      answer = insertPaintStyle(message.names, sender);
      break;
    case 'hattip:analyze':
      answer = analyze(message.posts, sender);
      break;
    case 'hattip:acted':
      answer = Promise.resolve(logger.act(message));
      break;
    case 'hattip:log-summary':
      answer = logger.summary();
      break;
    case 'hattip:log-forget':
      if (!fromOwnPage(sender)) return undefined;
      answer = logger.forget().then(() => ({ ok: true }));
      break;
    case 'hattip:log-flush':
      answer = logger.flush().then(() => ({ ok: true, problem: logger.problem }));
      break;
    case 'hattip:status':
      answer = Promise.all([getEngine(), managedProfile()])
        .then(([e, managed]) => ({ ok: true, brands: e.brands, warning: e.warning ?? null, managed: managed !== null, corrections: e.corrections }));
      break;
    case 'hattip:insert-in-frame':
      // Ask the frames of the sender's tab; the one with a comment form answers {ok, message}.
      if (!sender.tab || typeof message.text !== 'string') return undefined;
      answer = api.tabs.sendMessage(sender.tab.id, { type: 'hattip:insert-here', text: message.text })
        .then((a) => a ?? { ok: false, message: t('frame_not_ready') })
        .catch(() => ({ ok: false, message: t('frame_unreachable') }));
      break;
    default:
      return undefined;
  }
  answer
    .catch((error) => ({ ok: false, error: t('engine_unavailable', error?.message ?? error) }))
    .then(respond);
  return true;
});

/** Takes a profile another browser saved, once checked. */
const fromSync = () => logged('reading the synced profile', loadWasm().then(() => adoptFromSync(api, profileProblem, PROFILE_KEY)));

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed') {
    if (PROFILE_KEY in changes) logged('compiling the managed profile', recompile());
    return;
  }
  if (area === 'sync') {
    if (SYNC_META in changes) fromSync();
    return;
  }
  if (area !== 'local') return;
  if (PROFILE_KEY in changes) {
    logged('compiling the new profile', recompile());
    const now = changes[PROFILE_KEY].newValue;
    if (now !== undefined) logged('syncing the profile', mirrorToSync(api, JSON.stringify(now)));
  }
  if (DISABLED_KEY in changes) logged('telling tabs', broadcast({ type: 'hattip:recheck' }));
  if (SETTINGS_KEY in changes) {
    logged('applying the log settings', logger.settingsChanged().then(() => broadcast({ type: 'hattip:log-settings', log: logger.settings.enabled })));
  }
});

const onPermissions = () => logged('site access', syncBlogScripts().then(() => broadcast({ type: 'hattip:recheck' })));
api.permissions.onAdded.addListener(onPermissions);
api.permissions.onRemoved.addListener(onPermissions);
api.runtime.onStartup.addListener(() => {
  logged('site scripts', syncBlogScripts());
  fromSync();
});
api.runtime.onInstalled.addListener((details) => {
  logged('site scripts', syncBlogScripts());
  if (details.reason === 'update' && typeof globalThis.ServiceWorkerGlobalScope === 'function') {
    // Chrome leaves open pages with a dead content script; Firefox re-injects by itself.
    logged('updating open tabs', injectIntoOpenTabs());
  }
});

// Compile as soon as the worker starts: the first page's request is then answered sooner.
logged('compiling the profile', getEngine());
