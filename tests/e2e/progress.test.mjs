// The progress page (progress.html, its own wasm): the dashboard empty and then with data, its
// charts with text alternatives; export, reset with its confirmation and focus, import merged
// and idempotent; settings that the quiz page follows.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';
import { check, heading, leaveQuiz, pickByKeys } from './keys.mjs';

const ctx = harness();
const KBD = '?bank=fixtures/kbd/index.toml';
const KEY = 'kbd@fixtures/kbd/index.toml';

/** Keyboard answers: two right, and the true/false one wrong on purpose. */
const PLAN = {
  'Where was the NATO–Russia Founding Act signed?': ['Paris'],
  'The Founding Act is a treaty ratified by parliaments.': ['True'],
  'Which states joined NATO on 12 March 1999?': ['Czech Republic', 'Hungary', 'Poland'],
};
const EXPECTED = {
  'Where was the NATO–Russia Founding Act signed?': '✓ Right',
  'The Founding Act is a treaty ratified by parliaments.': '✗ Wrong',
  'Which states joined NATO on 12 March 1999?': '✓ Right',
};

const reviewCount = (page) =>
  page.evaluate((key) => {
    const data = JSON.parse(localStorage.getItem('accord/progress') ?? 'null')?.data;
    const log = data?.banks?.[key]?.reviews;
    return log ? atob(log.data).length / 8 : 0;
  }, KEY);

async function toProgressPage(page) {
  await page.locator('#progress-link').click();
  await page.locator('#dashboard-heading').waitFor();
}

test('before any answer the dashboard says so instead of drawing empty charts', async () => {
  const { context, page, errors } = await open(ctx, KBD);
  await page.locator('#start-button').waitFor();
  await toProgressPage(page);
  assert.match(await page.locator('#dashboard-empty').textContent(), /Answer a few questions to see your progress here/);
  assert.equal(await page.locator('.dashboard svg').count(), 0);
  await page.locator('#back-to-quiz').click();
  await page.locator('#start-heading').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('after a quiz the dashboard shows accuracy, streak, forecast, mastery and history', async () => {
  const { context, page, errors } = await open(ctx, `${KBD}&seed=dash`);
  await page.locator('#start-button').click();
  for (let n = 1; n <= 3; n++) {
    await page.locator('#question-heading').waitFor();
    await pickByKeys(page, PLAN[await heading(page)]);
    await check(page);
    await page.keyboard.press('Enter');
  }
  await page.locator('#results-heading').waitFor();
  await page.locator('#new-quiz-button').click();
  await toProgressPage(page);
  for (const id of ['accuracy-chart', 'mastery-chart', 'forecast-chart']) {
    const chart = page.locator(`svg#${id}`);
    assert.equal(await chart.getAttribute('role'), 'img', `${id} is an image`);
    const label = await chart.getAttribute('aria-label');
    assert.ok(label && label.trim().length > 10, `${id} has a summary: ${label}`);
    assert.equal((await chart.locator('title').first().textContent()).trim(), label.trim());
  }
  assert.equal(await page.locator('.dashboard details.chart-data table').count(), 3);
  assert.match(await page.locator('svg#accuracy-chart').getAttribute('aria-label'), /67 %/);
  assert.equal((await page.locator('#streak').textContent()).trim(), '1 day');
  assert.equal((await page.locator('#answer-count').textContent()).trim(), '3');
  assert.equal(await page.locator('svg#forecast-chart rect.forecast-bar').count(), 14);
  assert.match(await page.locator('svg#forecast-chart').getAttribute('aria-label'), /3 in all/);
  assert.match(await page.locator('svg#mastery-chart').getAttribute('aria-label'), /Founding 50 %; Later 100 %/);
  const rows = page.locator('#history-table tbody tr');
  assert.equal(await rows.count(), 3);
  const seen = {};
  for (let i = 0; i < 3; i++) {
    const prompt = (await rows.nth(i).locator('.history-prompt').textContent()).trim();
    seen[prompt] = (await rows.nth(i).locator('.answers .badge').allTextContents()).join(',');
    assert.match(await rows.nth(i).locator('.when').first().textContent(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  }
  assert.deepEqual(seen, EXPECTED);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dashboard whose every answer is dated after today opens without a panic', async () => {
  // Issue 8: answers from a device whose clock ran ahead (here: given, then the clock set back).
  const { context, page, errors } = await open(ctx, `${KBD}&seed=future`, { clock: true });
  await page.locator('#start-button').click();
  await pickByKeys(page, PLAN[await heading(page)]);
  await check(page);
  await leaveQuiz(page);
  await page.clock.setSystemTime(Date.now() - 10 * 86_400_000);
  await toProgressPage(page);
  await page.locator('#accuracy-heading').waitFor();
  assert.match(await page.locator('.dashboard').textContent(), /No answers up to today yet/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('progress exports to a file, resets after a confirmation that takes focus, and imports back once', async () => {
  const { context, page } = await open(ctx, `${KBD}&seed=data`);
  await page.locator('#start-button').click();
  await pickByKeys(page, PLAN[await heading(page)]);
  await check(page);
  await leaveQuiz(page);
  assert.equal(await reviewCount(page), 1);
  await toProgressPage(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-button').click()]);
  assert.match(download.suggestedFilename(), /^accord-progress-\d{4}-\d\d-\d\d\.json$/);
  const file = await download.path();
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(exported.app, 'accord');

  // Reset: the confirmation takes focus; Cancel gives it back to the button.
  await page.locator('#reset-button').click();
  await page.waitForFunction(() => document.activeElement?.id === 'reset-title');
  await page.locator('#cancel-reset').click();
  await page.waitForFunction(() => document.activeElement?.id === 'reset-button');
  await page.locator('#reset-button').click();
  await page.locator('#confirm-reset').click();
  assert.match(await page.locator('#data-status').textContent(), /deleted/);
  await page.waitForFunction(() => document.activeElement?.id === 'data-status');
  assert.equal(await reviewCount(page), 0);

  await page.locator('#import-file').setInputFiles(file);
  await page.locator('#data-status', { hasText: 'Imported' }).waitFor();
  assert.match(await page.locator('#data-status').textContent(), /1 new answers/);
  assert.equal(await reviewCount(page), 1);
  await page.locator('#import-file').setInputFiles(file);
  await page.locator('#data-status', { hasText: '0 new answers' }).waitFor();
  assert.equal(await reviewCount(page), 1, 'importing the same file twice changes nothing');
  await page.locator('#import-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await page.locator('#data-status', { hasText: 'not an Accord progress export' }).waitFor();
  await context.close();
});

test('the theme and the key shortcuts set on the progress page apply to the quiz page', async () => {
  const { context, page } = await open(ctx, `${KBD}&seed=theme`);
  await toProgressPage(page);
  await page.locator('#theme').selectOption('high-contrast');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'high-contrast');
  await page.locator('#key-shortcuts').uncheck();
  await page.locator('#back-to-quiz').click();
  await page.locator('#start-heading').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'high-contrast');
  // Number keys no longer pick answers.
  await page.locator('#start-button').click();
  await page.locator('#question-heading').waitFor();
  await page.keyboard.press('1');
  assert.equal(await page.locator('.card input:checked').count(), 0);
  await context.close();
});
