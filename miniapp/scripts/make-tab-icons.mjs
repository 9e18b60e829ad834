// Draws the tab bar icons as PNG files (weapp needs image files for tabBar icons).
// Uses only node:zlib so it runs anywhere; regenerate with `node scripts/make-tab-icons.mjs`.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 81; // WeChat recommends 81x81 px for tab bar icons
const SUPERSAMPLE = 4; // samples per pixel side, for smooth edges
const COLORS = { normal: [0x59, 0x59, 0x59], active: [0xb4, 0x23, 0x18] }; // match tabBar colors in app.config.ts

const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (!inRect(x, y, x0, y0, x1, y1)) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return inCircle(x, y, cx, cy, r);
};
const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

/** Each shape answers "is this point (0..1 in both axes) ink?". */
const SHAPES = {
  home: (x, y) =>
    (inTriangle(x, y, [0.5, 0.1], [0.04, 0.5], [0.96, 0.5]) || inRect(x, y, 0.18, 0.45, 0.82, 0.88)) &&
    !inRect(x, y, 0.42, 0.62, 0.58, 0.88),
  events: (x, y) => {
    const frame = inRoundRect(x, y, 0.1, 0.2, 0.9, 0.9, 0.08) && !inRect(x, y, 0.18, 0.4, 0.82, 0.82);
    const rings = inRoundRect(x, y, 0.26, 0.08, 0.36, 0.3, 0.04) || inRoundRect(x, y, 0.64, 0.08, 0.74, 0.3, 0.04);
    const days = [0.3, 0.5, 0.7].some((cx) => [0.52, 0.7].some((cy) => inRect(x, y, cx - 0.06, cy - 0.05, cx + 0.06, cy + 0.05)));
    return frame || rings || days;
  },
  messages: (x, y) =>
    (inRoundRect(x, y, 0.08, 0.16, 0.92, 0.7, 0.14) || inTriangle(x, y, [0.24, 0.66], [0.46, 0.66], [0.2, 0.88])) &&
    ![0.3, 0.5, 0.7].some((cx) => inCircle(x, y, cx, 0.43, 0.065)),
  mine: (x, y) => inCircle(x, y, 0.5, 0.3, 0.18) || (y <= 0.9 && (x - 0.5) ** 2 / 0.38 ** 2 + (y - 0.92) ** 2 / 0.4 ** 2 <= 1),
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};

function encodePng(shape, [r, g, b]) {
  const rowLength = 1 + SIZE * 4; // filter byte + RGBA
  const raw = Buffer.alloc(rowLength * SIZE);
  for (let py = 0; py < SIZE; py++) {
    raw[py * rowLength] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          if (shape((px + (sx + 0.5) / SUPERSAMPLE) / SIZE, (py + (sy + 0.5) / SUPERSAMPLE) / SIZE)) hits++;
        }
      }
      const offset = py * rowLength + 1 + px * 4;
      raw.set([r, g, b, Math.round((255 * hits) / SUPERSAMPLE ** 2)], offset);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), '../src/assets/tab');
mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries(SHAPES)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = join(outDir, state === 'normal' ? `${name}.png` : `${name}-active.png`);
    writeFileSync(file, encodePng(shape, color));
    console.log(file);
  }
}
