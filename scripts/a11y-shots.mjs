// The screenshots of issue 14's closing note: a 360 × 740 phone's start screen (light), a
// checked matching question (dark) and a checked ordering question (forced colours), each
// taken from a built site. `node scripts/a11y-shots.mjs <dist> <out-prefix>`, for example
// `node scripts/a11y-shots.mjs dist docs/a11y/after`.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';

const [dist = 'dist', prefix = 'docs/a11y/after'] = process.argv.slice(2);
mkdirSync(dirname(prefix), { recursive: true });
const server = await serve({ mounts: { '/quiz/': dist, '/quiz/fixtures/': 'tests/e2e/fixtures' } });
const base = `http://127.0.0.1:${server.address().port}/quiz/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const phone = { viewport: { width: 360, height: 740 }, reducedMotion: 'reduce' };

/** Answer questions of the wide bank (anything) until the one whose prompt starts with `wanted`. */
async function toQuestion(page, wanted) {
  await page.goto(`${base}?bank=fixtures/wide/index.toml&seed=shots&n=10`);
  await page.locator('#start-button').click();
  for (let i = 0; i < 12; i++) {
    await page.locator('#check-button').waitFor();
    if ((await page.locator('#question-heading').textContent()).trim().startsWith(wanted)) return;
    const card = page.locator('.card');
    for (const s of await card.locator('select').all()) await s.selectOption({ index: 1 });
    for (const b of await card.locator('input.blank, #answer-input').all()) await b.fill('1');
    if (await card.locator('label.option input').count()) await card.locator('label.option input').first().check();
    await page.locator('#check-button').click();
    await page.locator('#next-button').click();
  }
  throw new Error(`never reached "${wanted}"`);
}

const shots = [
  ['start-light', { colorScheme: 'light' }, async (page) => {
    await page.goto(base);
    await page.locator('#start-button').waitFor();
  }],
  ['matching-dark', { colorScheme: 'dark' }, async (page) => {
    await toQuestion(page, 'Match each article');
    // The same choice for every item: at most one is right, so the wrong marks show.
    for (const s of await page.locator('.matching select').all()) await s.selectOption({ index: 1 });
    await page.locator('#check-button').click();
    await page.locator('#question-heading').evaluate((h) => h.scrollIntoView({ block: 'start' }));
  }],
  ['ordering-forced-colours', { colorScheme: 'light', forcedColors: 'active' }, async (page) => {
    await toQuestion(page, 'Put these steps');
    await page.locator('.ordering li').first().locator('button').nth(1).click();
    await page.locator('#check-button').click();
    // After the focus has moved on from Check (which scrolls), show the list from its top.
    await page.locator('#feedback').waitFor();
    await page.waitForTimeout(200);
    await page.locator('#question-heading').evaluate((h) => h.scrollIntoView({ block: 'start' }));
  }],
];
for (const [name, options, walk] of shots) {
  const context = await browser.newContext({ ...phone, ...options });
  const page = await context.newPage();
  await walk(page);
  await page.screenshot({ path: `${prefix}-${name}.png` });
  await context.close();
}
await browser.close();
server.close();
