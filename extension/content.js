// Hat Tip content-script loader: the only JS the platform forces on us. All logic is Rust.
// Chrome refuses to compile WebAssembly in content scripts on pages whose CSP lacks
// 'wasm-unsafe-eval' (x.com is one), so probe with an empty module and fall back to the same
// Rust code built with wasm2js. content-wasm.js and content-w2j.js only define their boot
// functions; nothing runs until one is called here.
(() => {
  // The manifest and a site the user allowed may both inject this; run once per document.
  if (globalThis.__hattipStarted) return;
  globalThis.__hattipStarted = true;
  let engine = 'wasm';
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  } catch {
    engine = 'wasm2js';
  }
  try {
    const hattip = engine === 'wasm' ? globalThis.__hattipWasm() : globalThis.__hattipW2j();
    hattip.start_content(engine, globalThis.browser ?? globalThis.chrome);
  } catch (error) {
    console.error('Hat Tip could not start:', error);
  }
})();
