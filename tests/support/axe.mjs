// axe-core in a page or frame of either browser: its script is evaluated in the page's main
// world through the driver (which a page's CSP does not govern), then run on a part of the
// page; the serious and critical violations come back.
import fs from 'node:fs';
import path from 'node:path';

const AXE = fs.readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Serious and critical violations of the WCAG 2.1 A/AA rules and axe's best practices in
 *  `context` (an axe context such as { fromShadowDom: ['hattip-overlay', '.layer'] }; by default
 *  the whole document). */
export async function axeViolations(target, context = null) {
  const present = await target.evaluate(() => typeof globalThis.axe === 'object');
  if (!present) await target.handle.evaluate(AXE);
  return target.evaluate(async (ctx) => {
    const result = await globalThis.axe.run(ctx ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, context);
}
