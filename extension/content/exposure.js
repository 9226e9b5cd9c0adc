// What a page can learn about Hat Tip. In the shipped extension: the overlay element, whose shadow
// root is closed and which carries no attributes, and highlight names that are random for each
// page. Globals the content script reads are keyed by symbols, which a page cannot shadow with
// an element id (named properties on window are strings).
//
// The test build runs one more content script first (tests/support/test-hooks.js) that sets
// `globalThis[Symbol.for('hattip.test')] = { expose: true }`: the browser tests, which run in the
// page's world, then get an open shadow root, the fixed highlight names and the overlay's state
// as attributes (`data-site`, `data-ready`).

import { FALLBACK_NAMES, randomNames } from './paint.js';

const hooks = globalThis[Symbol.for('hattip.test')];

/** True only in the test build. */
export const EXPOSED = typeof hooks === 'object' && hooks !== null && hooks.expose === true;

/** The shadow root's mode. */
export const SHADOW_MODE = EXPOSED ? 'open' : 'closed';

/** The highlight registry names for this page. */
export const highlightNames = () => (EXPOSED ? { ...FALLBACK_NAMES } : randomNames());

/** Sets a state attribute on `element` for the tests; nothing in the shipped extension. */
export function expose(element, name, value) {
  if (EXPOSED) element.setAttribute(`data-${name}`, String(value));
}

/** The key of this content script's instance record on the frame's global. */
export const INSTANCE_KEY = Symbol.for('hattip.instance');
