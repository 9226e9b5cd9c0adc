// Test build only (target/test-extension; never in dist/): runs before content.js in every frame
// and asks it to show its state to the page's world, where the browser tests read it (an open
// shadow root, the fixed highlight names, data-site/data-ready on the overlay element). See
// extension/content/exposure.js.
globalThis[Symbol.for('hattip.test')] = { expose: true };
