// The dashboard (dashboard.html): reads the mention log once, then redraws from memory as the
// filters change (log/summary.js does the counting, view.js and charts.js the drawing), exports
// the log as CSV or JSON, imports a JSON export (checked whole before anything is written, then
// merged in one transaction), and holds the log's settings and "Forget everything".

import { openLog, entriesSince, entryChunks, writeBatch, clearLog } from '../log/store.js';
import { parseImport, decodeFile, toCsv, toJson } from '../log/transfer.js';
import { filterChoices, summarize } from '../log/summary.js';
import { LogError } from '../log/record.js';
import { SETTINGS_KEY, checkSettings } from '../log/settings.js';
import { drawCharts, chartData } from './charts.js';
import * as view from './view.js';
import { t, plural, localize } from '../i18n.js';

const api = globalThis.browser ?? globalThis.chrome;
const DAY = 86_400_000;
/** Mentions waiting for an answer listed before "Show all". */
const WAITING_AT_FIRST = 8;
const $ = (id) => document.getElementById(id);

let db = null;
let entries = [];
/** What `entries` holds: those last seen since `loadedFrom` (null: the whole log). */
let loadedFrom = null;
let loading = 0;
/** A period older than what is read yet was chosen: drawn once the whole log is read. */
let waitingForAll = false;
const READING = t('dash_reading');
let settings = checkSettings(undefined);
let lastSummary = null;

function status(message, isError = false) {
  const s = $('status');
  s.textContent = message;
  s.className = isError ? 'error' : 'ok';
}

/** The filter the form describes. */
function currentFilter() {
  const period = $('f-period').value;
  let from = null;
  if (period !== 'all') {
    const start = new Date();
    start.setHours(0, 0, 0, 0);
    from = start.getTime() - (Number(period) - 1) * DAY;
  }
  const value = (id) => $(id).value || null;
  return { from, brand: value('f-brand'), site: value('f-site'), intent: value('f-intent'), language: value('f-language'), search: $('f-search').value };
}

function fillChoices() {
  const choices = filterChoices(entries);
  for (const [key, names] of Object.entries({ brand: (v) => v, site: (v) => v, intent: view.intentName, language: view.languageName })) {
    const select = $(`f-${key}`);
    const keep = select.value;
    select.replaceChildren(select.options[0]);
    for (const v of choices[key]) select.append(view.el('option', { value: v, text: names(v) }));
    select.value = choices[key].includes(keep) ? keep : '';
  }
}

function render() {
  const started = performance.now();
  const filter = currentFilter();
  if (loadedFrom !== null && (filter.from === null || filter.from < loadedFrom)) {
    waitingForAll = true;
    status(READING);
    return;
  }
  const summary = summarize(entries, filter, { offsetMs: -new Date().getTimezoneOffset() * 60_000 });
  lastSummary = summary;
  view.totals(summary);
  view.mentionList('waiting', summary.waiting.shown, t('dash_nothing_waiting'), WAITING_AT_FIRST);
  drawCharts(summary);
  view.counts(summary);
  view.authors(summary);
  view.words(summary);
  view.mentionList('latest', summary.entries.slice(0, 50), t('dash_no_mentions'), 10);
  document.documentElement.dataset.renderMs = String(Math.round(performance.now() - started));
  document.documentElement.dataset.renderedAt = String(performance.now());
  document.documentElement.dataset.firstDrawAt ??= String(performance.now());
}

/** Reads the log: first the mentions of the period on screen (drawn at once), then the whole
 *  log, a piece at a time, for the other periods, the filters' choices and the totals below. */
async function load() {
  const generation = ++loading;
  const from = currentFilter().from;
  const started = performance.now();
  if (from !== null) {
    entries = await entriesSince(db, from);
    loadedFrom = from;
    fillChoices();
    render();
  }
  const all = [];
  for await (const chunk of entryChunks(db)) {
    if (generation !== loading) return;
    all.push(...chunk);
  }
  entries = all;
  loadedFrom = null;
  document.documentElement.dataset.completeMs = String(Math.round(performance.now() - started));
  fillChoices();
  if (from === null || waitingForAll) {
    waitingForAll = false;
    if ($('status').textContent === READING) status('');
    render();
  }
  const withText = entries.filter((e) => e.text).length;
  $('log-size').textContent = plural(entries.length, 'dash_log_size', view.fmt(withText));
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = view.el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const stamp = () => new Date().toISOString().slice(0, 10);

function exportAs(kind) {
  const started = performance.now();
  const list = lastSummary?.entries ?? [];
  if (kind === 'csv') download(`hattip-mentions-${stamp()}.csv`, 'text/csv;charset=utf-8', toCsv(list));
  else download(`hattip-mentions-${stamp()}.json`, 'application/json', toJson(list));
  document.documentElement.dataset.exportMs = String(Math.round(performance.now() - started));
  status(plural(list.length, 'dash_exported'));
}

async function importFile(file) {
  let incoming;
  try {
    incoming = parseImport(decodeFile(await file.arrayBuffer()));
  } catch (error) {
    if (!(error instanceof LogError)) throw error;
    status(t('dash_import_refused', file.name, error.message), true);
    return;
  }
  const known = new Set(entries.map((e) => e.key));
  const added = incoming.filter((e) => !known.has(e.key)).length;
  try {
    await writeBatch(db, incoming, [], 'max', settings.keepText);
  } catch (error) {
    status(t('dash_import_write_failed', error?.name ?? 'Error'), true);
    return;
  }
  await load();
  status(plural(incoming.length, 'dash_imported', file.name, view.fmt(added), view.fmt(incoming.length - added)));
}

async function saveSettings(next) {
  let checked;
  try {
    checked = checkSettings(next);
  } catch (error) {
    status(t('dash_settings_refused', error.message), true);
    return;
  }
  await api.storage.local.set({ [SETTINGS_KEY]: checked });
  settings = checked;
  if (!checked.enabled) status(t('dash_saved_off'));
  else if (checked.keepText) status(plural(checked.retentionDays, 'dash_saved_days'));
  else status(plural(checked.retentionDays, 'dash_saved_no_text'));
}

let forgetArmed = false;
async function forget() {
  if (!forgetArmed) {
    forgetArmed = true;
    $('forget').textContent = plural(entries.length, 'dash_forget_confirm');
    return;
  }
  forgetArmed = false;
  $('forget').textContent = t('dash_forget');
  const answer = await api.runtime.sendMessage({ type: 'hattip:log-forget' }).catch(() => null);
  if (!answer?.ok) await clearLog(db);
  await load();
  status(t('dash_forgotten'));
}

async function start() {
  localize(document);
  db = await openLog();
  try {
    settings = checkSettings((await api.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  } catch (error) {
    status(t('dash_settings_default', error.message), true);
  }
  $('log-enabled').checked = settings.enabled;
  $('keep-text').checked = settings.keepText;
  $('retention').value = String(settings.retentionDays);
  // Sightings still queued in the background are written first, so the numbers are current.
  await api.runtime.sendMessage({ type: 'hattip:log-flush' }).catch(() => {});
  await load();

  let pending = null;
  const refilter = () => {
    clearTimeout(pending);
    pending = setTimeout(render, 120);
  };
  $('filters').addEventListener('input', (e) => (e.target.id === 'f-search' ? refilter() : render()));
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  $('export-csv').addEventListener('click', () => exportAs('csv'));
  $('export-json').addEventListener('click', () => exportAs('json'));
  $('import').addEventListener('change', (e) => {
    const [file] = e.target.files;
    if (file) importFile(file).finally(() => { e.target.value = ''; });
  });
  $('log-enabled').addEventListener('change', (e) => saveSettings({ ...settings, enabled: e.target.checked }));
  $('keep-text').addEventListener('change', (e) => saveSettings({ ...settings, keepText: e.target.checked }));
  $('retention').addEventListener('change', (e) => saveSettings({ ...settings, retentionDays: Number(e.target.value) }));
  $('forget').addEventListener('click', forget);
  $('forget').addEventListener('blur', () => {
    forgetArmed = false;
    $('forget').textContent = t('dash_forget');
  });
  document.documentElement.dataset.ready = 'true';
  document.documentElement.dataset.readyAt = String(performance.now());
}

/** The page's state for tests and for anyone inspecting it: the last summary and each chart's data. */
globalThis.hattipDashboard = { summary: () => lastSummary, chartData, reload: load };

start().catch((error) => {
  status(t('dash_log_unopenable', error?.message ?? error), true);
  document.documentElement.dataset.ready = 'error';
});
