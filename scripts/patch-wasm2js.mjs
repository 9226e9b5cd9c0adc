// Makes wasm2js output safe with wasm-bindgen's glue (research/wasm2js-csp-fallback.md,
// pitfall 1): wasm2js grows memory by copying into a new ArrayBuffer and leaves the old one
// attached, so the glue's cached views (refreshed only when the buffer is detached) keep writing
// into stale memory. Grow with ArrayBuffer.prototype.transfer, which detaches the old buffer.
import fs from 'node:fs';

const [input, output] = process.argv.slice(2);
let source = fs.readFileSync(input, 'utf8');
const grow = /var newBuffer = new ArrayBuffer\(([^;]+)\);\s*var newHEAP8 = new Int8Array\(newBuffer\);\s*newHEAP8\.set\(HEAP8\);/;
if (!grow.test(source)) {
  console.error('patch-wasm2js: memory-grow pattern not found; wasm2js output changed shape');
  process.exit(1);
}
source = source.replace(grow, (_, size) =>
  `var newBuffer;\n if (buffer.transfer) { newBuffer = buffer.transfer(${size}); }\n` +
  ` else { newBuffer = new ArrayBuffer(${size}); new Int8Array(newBuffer).set(HEAP8); try { structuredClone(buffer, { transfer: [buffer] }); } catch (e) {} }`);
fs.writeFileSync(output, source);
