// Draws Hat Tip's icons (a top hat) as PNG files: the toolbar and store icons at 16, 32, 48 and
// 128 px in two states, "active" (Hat Tip runs on this page: a dark hat with a gold band) and
// "idle" (not running or not allowed here: a grey hat). The shapes are signed distances,
// supersampled, so every size is drawn rather than scaled; the PNG encoder is Node's zlib.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const STATES = {
  active: { hat: [36, 33, 41], band: [212, 167, 44], shine: [255, 255, 255] },
  idle: { hat: [140, 149, 159], band: [208, 215, 222], shine: [255, 255, 255] },
};

/** Distance to a rounded rectangle centred at (cx, cy) with half-sizes (hx, hy), corner r. */
function roundRect(x, y, cx, cy, hx, hy, r) {
  const qx = Math.abs(x - cx) - hx + r;
  const qy = Math.abs(y - cy) - hy + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Approximate distance to an ellipse (good enough for coverage at the edge). */
function ellipse(x, y, cx, cy, rx, ry) {
  const k = Math.hypot((x - cx) / rx, (y - cy) / ry);
  return (k - 1) * Math.min(rx, ry);
}

/** The colour at (x, y) in the unit square, or null outside the hat. Small icons get a
 *  thicker band so it still reads at 16 px. */
function paint(x, y, colours, size) {
  const band = size <= 16 ? 0.09 : 0.065;
  const crown = roundRect(x, y, 0.5, 0.44, 0.25, 0.33, 0.07);
  const brim = ellipse(x, y, 0.5, 0.79, 0.47, 0.11);
  if (brim <= 0 && y > 0.74) return colours.hat;
  if (crown <= 0) {
    if (Math.abs(y - 0.64) <= band) return colours.band;
    if (size >= 48 && x > 0.31 && x < 0.36 && y > 0.18 && y < 0.52) return mix(colours.hat, colours.shine, 0.18);
    return colours.hat;
  }
  if (brim <= 0) return colours.hat;
  return null;
}

const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));

/** RGBA pixels of one icon, 4×4 supersampled. */
export function drawIcon(size, state) {
  const colours = STATES[state];
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0; let g = 0; let b = 0; let covered = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, colours, size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered) {
        pixels[o] = Math.round(r / covered);
        pixels[o + 1] = Math.round(g / covered);
        pixels[o + 2] = Math.round(b / covered);
        pixels[o + 3] = Math.round((255 * covered) / (n * n));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) of `size`×`size` RGBA pixels. */
export function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes icons/<state>-<size>.png for both states and each of `sizes` into `dir`. */
export function writeIcons(dir, sizes) {
  fs.mkdirSync(path.join(dir, 'icons'), { recursive: true });
  for (const state of Object.keys(STATES)) {
    for (const size of sizes) {
      fs.writeFileSync(path.join(dir, 'icons', `${state}-${size}.png`), encodePng(size, drawIcon(size, state)));
    }
  }
}
