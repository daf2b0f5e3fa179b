// Render Accord's PNG icons (192×192 and 512×512) from pwa/icons/icon.svg with headless
// Chromium, so the PNGs always match the SVG. Run after editing the SVG, then commit the PNGs:
//
//   node scripts/icons.mjs

import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const DIR = 'pwa/icons';
const svg = readFileSync(`${DIR}/icon.svg`, 'utf8');
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img src="${src}" width="${size}" height="${size}" alt="">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: size, height: size }, omitBackground: true });
    writeFileSync(`${DIR}/icon-${size}.png`, png);
    console.log(`${DIR}/icon-${size}.png  ${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
