// The interface in the browser's language, in real Chromium started in Spanish: the card, the
// toolbar, the popup, the options page and the dashboard speak Spanish, while the reply follows
// the post's language (an English post gets an English reply, a Spanish one a Spanish reply).
// (Firefox ESR from Debian ships English only; its interface language is not tested.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../support/server.mjs';
import { launchChromium } from '../support/browsers.mjs';
import { overlay, readyAtLeast } from './suite.mjs';

const cardText = () => {
  const card = document.querySelector('hattip-overlay').shadowRoot.querySelector('[role="dialog"]');
  return card && {
    terms: [...card.querySelectorAll('dt')].map((d) => d.textContent),
    buttons: [...card.querySelectorAll('.row button')].map((b) => b.textContent),
    label: card.querySelector('[data-field="reply-label"]')?.textContent,
    intent: card.querySelector('[data-field="intent"]').textContent,
  };
};

describe('Hat Tip in Spanish (Chromium with --lang=es)', () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchChromium({ lang: 'es' });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the card speaks Spanish; the reply keeps the language of the post', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/x/`);
    await page.waitFor(readyAtLeast, 5);
    const state = await page.evaluate(overlay);
    const praise = state.buttons.find((b) => b.label.includes('(elogio)'));
    assert.ok(praise, JSON.stringify(state.buttons.map((b) => b.label)));
    assert.match(praise.label, /^Hat Tip: mención de Northwind Coffee \(elogio\)\. Abrir la respuesta sugerida$/);
    await page.clickOverlay(`button[data-post="${praise.post}"]`);
    const card = await page.waitFor(cardText);
    assert.deepEqual(card.terms, ['Autor', 'Marca', 'Coincidencia', 'Idioma', 'Tono', 'Tipo', 'Respuesta']);
    assert.deepEqual(card.buttons, ['Insertar', 'Copiar', 'Nada que responder']);
    assert.equal(card.intent, 'elogio');
    assert.match(card.label, /^Darle las gracias, en inglés: edítala antes de insertarla$/);
    const { reply, language } = (await page.evaluate(overlay)).card;
    assert.equal(language, 'en');
    assert.match(reply, /^Thank you/, 'an English post gets an English reply');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('the toolbar, popup, options page and dashboard speak Spanish', async () => {
    const x = await browser.newPage();
    await x.goto(`${server.origin}/x/`);
    await x.waitFor(readyAtLeast, 5);
    const popup = await browser.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    const engine = await popup.waitFor(() => {
      const t = document.getElementById('engine-status').textContent;
      return t.startsWith('Comprobando') ? null : t;
    });
    assert.equal(engine, 'El motor funciona (3 marcas).');
    assert.equal(await popup.evaluate(() => document.getElementById('open-dashboard').textContent), 'Lo que dice la gente…');
    const title = await popup.evaluate((u) => chrome.tabs.query({ url: u }).then(([tab]) => chrome.action.getTitle({ tabId: tab.id })), `${server.origin}/x/`);
    assert.equal(title, 'Hat Tip: activo en esta página');
    await popup.goto(browser.extensionUrl('options.html'));
    await popup.waitFor(() => document.querySelectorAll('#brands .brand').length || null);
    const options = await popup.evaluate(() => ({
      title: document.title, save: document.getElementById('save').textContent,
      legend: document.querySelector('#brands .brand legend').textContent,
      name: document.querySelector('#brands .brand label span').textContent,
      languages: [...document.getElementById('reply-language').options].map((o) => o.textContent),
    }));
    assert.deepEqual(options, {
      title: 'Hat Tip: tus marcas', save: 'Guardar', legend: 'Marca 1 (brands[0])', name: 'Nombre',
      languages: ['inglés', 'español', 'francés', 'alemán', 'portugués', 'italiano', 'neerlandés', 'japonés'],
    });
    await popup.goto(browser.extensionUrl('dashboard.html'));
    await popup.waitFor(() => document.documentElement.dataset.ready === 'true' || null);
    const dash = await popup.evaluate(() => ({ lang: document.documentElement.lang, heading: document.querySelector('h1').textContent, forget: document.getElementById('forget').textContent }));
    assert.deepEqual(dash, { lang: 'es', heading: '🎩 Hat Tip: lo que dice la gente de ti', forget: 'Olvidarlo todo' });
    await popup.close();
    await x.close();
  });
});
