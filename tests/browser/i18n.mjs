// The interface in the browser's language, in a browser started in Spanish (Firefox with
// Debian's Spanish language pack): the card, the toolbar, the popup, the options page and the
// dashboard speak Spanish, while the reply follows the post's language (an English post gets an
// English reply).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBrowser } from '../support/session.mjs';
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

export function i18nSuite(kind, launch) {
  describe(`Hat Tip in Spanish (${kind} started in Spanish)`, () => {
    const env = withBrowser(launch, { lang: 'es' });

    test('the card speaks Spanish; the reply keeps the language of the post', async () => {
      const page = await env.browser.newPage();
      await page.goto(`${env.server.origin}/x/`);
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
      const x = await env.browser.newPage();
      await x.goto(`${env.server.origin}/x/`);
      await x.waitFor(readyAtLeast, 5);
      const popup = await env.browser.extensionPage('popup.html', env.server.origin);
      const engine = await popup.waitFor(() => {
        const t = document.getElementById('engine-status').textContent;
        // The page's own English placeholder, then the Spanish one, then the answer.
        return t.startsWith('Comprobando') || t.startsWith('Checking') ? null : t;
      });
      assert.equal(engine, 'El motor funciona (3 marcas).');
      assert.equal(await popup.evaluate(() => document.getElementById('open-dashboard').textContent), 'Lo que dice la gente…');
      const title = await popup.evaluate((u) => {
        const api = globalThis.browser ?? chrome;
        // Every tab, then by address: Firefox's match patterns leave out the port.
        return api.tabs.query({}).then((tabs) => api.action.getTitle({ tabId: tabs.find((t) => t.url === u).id }));
      }, `${env.server.origin}/x/`);
      assert.equal(title, 'Hat Tip: activo en esta página');
      await popup.close();
      const optionsPage = await env.browser.extensionPage('options.html', env.server.origin);
      await optionsPage.waitFor(() => document.querySelectorAll('#brands .brand').length || null);
      const options = await optionsPage.evaluate(() => ({
        title: document.title, save: document.getElementById('save').textContent,
        legend: document.querySelector('#brands .brand legend').textContent,
        name: document.querySelector('#brands .brand label span').textContent,
        languages: [...document.getElementById('reply-language').options].map((o) => o.textContent),
      }));
      assert.deepEqual(options, {
        title: 'Hat Tip: tus marcas', save: 'Guardar', legend: 'Marca 1 (brands[0])', name: 'Nombre',
        languages: ['inglés', 'español', 'francés', 'alemán', 'portugués', 'italiano', 'neerlandés', 'japonés'],
      });
      await optionsPage.close();
      const dashboard = await env.browser.extensionPage('dashboard.html', env.server.origin);
      await dashboard.waitFor(() => document.documentElement.dataset.ready === 'true' || null);
      const dash = await dashboard.evaluate(() => ({ lang: document.documentElement.lang.slice(0, 2), heading: document.querySelector('h1').textContent, forget: document.getElementById('forget').textContent }));
      assert.deepEqual(dash, { lang: 'es', heading: '🎩 Hat Tip: lo que dice la gente de ti', forget: 'Olvidarlo todo' });
      await dashboard.close();
      await x.close();
    });
  });
}
