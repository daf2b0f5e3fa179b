// Takes the README's screenshot from the real app: a question of the shipped bank, answered,
// with its feedback. Written to tests/e2e/artifacts/ (or to $SCREENSHOT_OUT: see
// scripts/screenshot, which refreshes docs/screenshot.png).

import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';

const ctx = harness();

test('the README screenshot shows a question with its feedback', async () => {
  const out = process.env.SCREENSHOT_OUT || 'tests/e2e/artifacts/screenshot.png';
  mkdirSync(dirname(out), { recursive: true });
  const { context, page } = await open(ctx, '?seed=readme&n=10&topics=founding-act', {
    viewport: { width: 820, height: 860 },
    colorScheme: 'light',
  });
  await page.locator('#start-button').click();
  // Answer until a choice question is on screen, then show its feedback.
  for (let i = 0; i < 10 && (await page.locator('.card label.option').count()) === 0; i++) {
    await page.locator('.card input').first().focus();
    await page.keyboard.type('x');
    await page.locator('#check-button').click();
    await page.locator('#next-button').click();
  }
  await page.locator('.card label.option').nth(1).click();
  await page.locator('#check-button').click();
  await page.locator('#feedback').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: out });
  assert.ok(statSync(out).size > 10_000);
  await context.close();
});

test('the README screenshot of the class results shows the table and the item analysis', async () => {
  const out = process.env.SCREENSHOT_CLASS_OUT || 'tests/e2e/artifacts/class-results.png';
  mkdirSync(dirname(out), { recursive: true });
  const { readFile } = await import('node:fs/promises');
  const fixtures = 'tests/e2e/fixtures/results';
  const { context, page } = await open(ctx, 'teacher.html?bank=fixtures/kbd/index.toml', {
    viewport: { width: 1100, height: 1300 },
    colorScheme: 'light',
    timezoneId: 'UTC',
  });
  await page.locator('#link-input').fill(await readFile(`${fixtures}/assignment-link.txt`, 'utf8'));
  await page.locator('#add-from-link').click();
  await page.locator('#results-kbd-check').click();
  await page.locator('#result-files').setInputFiles(['ana.json', 'ben.json', 'cleo.json'].map((f) => `${fixtures}/${f}`));
  await page.locator('#class-table tbody tr').nth(2).waitFor();
  // From the class table down: the table, the test's statistics and the item analysis.
  await page.evaluate(() => document.querySelector('#class-table').closest('section, .card').scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: out });
  assert.ok(statSync(out).size > 10_000);
  await context.close();
});
