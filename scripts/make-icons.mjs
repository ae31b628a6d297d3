// Renders public/icon.svg into the PNG and ICO files the manifest and index.html point at.
// Run with `node scripts/make-icons.mjs` after changing the SVG; the outputs are committed.
// Uses the machine's Chromium through playwright-core and never downloads a browser.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
const BACKGROUND = '#1c1c1e';

const svg = await readFile(`${publicDir}icon.svg`);
const svgUrl = `data:image/svg+xml;base64,${svg.toString('base64')}`;

const executablePath = chromiumPath();
if (!executablePath) {
  console.error('No Chromium found: install /usr/bin/chromium or set CHROMIUM_PATH.');
  process.exit(1);
}

const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });

  /**
   * One square PNG of `size` px. The glyph fills `scale` of the side, centred. With no
   * `background` the page is transparent, so only the icon's own shapes are painted.
   */
  async function render(size, { scale = 1, background = null } = {}) {
    const glyph = Math.round(size * scale);
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;width:${size}px;height:${size}px;overflow:hidden;` +
        `display:flex;align-items:center;justify-content:center;background:${background ?? 'transparent'}">` +
        `<img src="${svgUrl}" width="${glyph}" height="${glyph}" alt="" style="display:block"></body></html>`,
      { waitUntil: 'load' },
    );
    await page.evaluate(() => document.querySelector('img').decode());
    return page.screenshot({
      type: 'png',
      omitBackground: background === null,
      clip: { x: 0, y: 0, width: size, height: size },
    });
  }

  const out = async (name, bytes) => {
    await writeFile(`${publicDir}${name}`, bytes);
    console.log(`${name}  ${bytes.length} bytes`);
  };

  await out('icon-192.png', await render(192));
  await out('icon-512.png', await render(512));
  // Maskable: full-bleed background, glyph inside the central 80% safe zone.
  await out('icon-maskable-512.png', await render(512, { scale: 0.8, background: BACKGROUND }));
  // iOS rounds the corners itself and shows transparency as black, so paint every pixel.
  await out('apple-touch-icon.png', await render(180, { background: BACKGROUND }));

  const favicons = [];
  for (const size of [16, 32, 48]) favicons.push({ size, png: await render(size) });
  await out('favicon.ico', ico(favicons));
} finally {
  await browser.close();
}

/** An ICO container whose entries are PNG images (valid since Windows Vista, read by all browsers). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);

  const directory = Buffer.alloc(16 * images.length);
  let offset = header.length + directory.length;
  images.forEach(({ size, png }, i) => {
    const at = i * 16;
    directory.writeUInt8(size >= 256 ? 0 : size, at); // width (0 means 256)
    directory.writeUInt8(size >= 256 ? 0 : size, at + 1); // height
    directory.writeUInt8(0, at + 2); // palette colours: none
    directory.writeUInt8(0, at + 3); // reserved
    directory.writeUInt16LE(1, at + 4); // colour planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(png.length, at + 8); // bytes in image
    directory.writeUInt32LE(offset, at + 12); // offset of image
    offset += png.length;
  });

  return Buffer.concat([header, directory, ...images.map(({ png }) => png)]);
}
