// The progress dashboard in the browser: empty until something is answered, then its charts
// (inline SVGs with text alternatives), streak, forecast, mastery and per-question history.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';
import { check, heading, pickByKeys } from './keys.mjs';

const ctx = harness();
const URL = '?bank=fixtures/kbd/index.toml&seed=dash';

/** Keyboard answers: two right, and the true/false one wrong on purpose. */
const PLAN = {
  'Where was the NATO–Russia Founding Act signed?': ['Paris'],
  'The Founding Act is a treaty ratified by parliaments.': ['True'],
  'Which states joined NATO on 12 March 1999?': ['Czech Republic', 'Hungary', 'Poland'],
};
const EXPECTED = {
  'Where was the NATO–Russia Founding Act signed?': 'Right',
  'The Founding Act is a treaty ratified by parliaments.': 'Wrong',
  'Which states joined NATO on 12 March 1999?': 'Right',
};

async function openDashboard(page) {
  await page.locator('#dashboard-button').click();
  await page.locator('#dashboard-heading').waitFor();
}

test('before any answer the dashboard says so instead of drawing empty charts', async () => {
  const { context, page, errors } = await open(ctx, URL);
  await page.locator('#start-button').waitFor();
  await openDashboard(page);
  assert.match(
    await page.locator('#dashboard-empty').textContent(),
    /Answer a few questions to see your progress here/,
  );
  assert.equal(await page.locator('.dashboard svg').count(), 0);
  assert.equal(await page.locator('#history-table').count(), 0);
  await page.locator('#dashboard-back').click();
  await page.locator('#start-heading').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('after a quiz the dashboard shows accuracy, streak, forecast, mastery and history', async () => {
  const { context, page, errors } = await open(ctx, URL);
  await page.locator('#start-button').click();
  for (let n = 1; n <= 3; n++) {
    await page.locator('#question-heading').waitFor();
    await pickByKeys(page, PLAN[await heading(page)]);
    await check(page);
    await page.keyboard.press('Enter');
  }
  await page.locator('#results-heading').waitFor();
  await page.locator('#new-quiz-button').click();
  await openDashboard(page);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'dashboard-heading');
  assert.equal(await page.locator('#dashboard-empty').count(), 0);

  // Every chart is an SVG image with a summary for screen readers, and its numbers as text.
  for (const id of ['accuracy-chart', 'mastery-chart', 'forecast-chart']) {
    const chart = page.locator(`svg#${id}`);
    assert.equal(await chart.getAttribute('role'), 'img', `${id} is an image`);
    const label = await chart.getAttribute('aria-label');
    assert.ok(label && label.trim().length > 10, `${id} has a summary: ${label}`);
    assert.equal((await chart.locator('title').first().textContent()).trim(), label.trim());
  }
  assert.equal(await page.locator('.dashboard details.chart-data table').count(), 3);
  // 2 of 3 answers fully right today.
  assert.match(await page.locator('svg#accuracy-chart').getAttribute('aria-label'), /67 %/);

  assert.equal((await page.locator('#streak').textContent()).trim(), '1 day');
  assert.equal((await page.locator('#answer-count').textContent()).trim(), '3');

  // 14 bars; the wrong answer is due in a day, the right ones later: 3 reviews in all.
  assert.equal(await page.locator('svg#forecast-chart rect.forecast-bar').count(), 14);
  assert.match(await page.locator('svg#forecast-chart').getAttribute('aria-label'), /3 in all/);

  // Mastery lists the bank's topics: Founding 1 of 2 right (50 %), Later 1 of 1 (100 %).
  const mastery = await page.locator('svg#mastery-chart').textContent();
  assert.match(mastery, /Founding/);
  assert.match(mastery, /Later/);
  assert.match(
    await page.locator('svg#mastery-chart').getAttribute('aria-label'),
    /Founding 50 %; Later 100 %/,
  );

  // Per-question history: the three questions, each with its one answer (right or wrong).
  const rows = page.locator('#history-table tbody tr');
  assert.equal(await rows.count(), 3);
  const seen = {};
  for (let i = 0; i < 3; i++) {
    const prompt = (await rows.nth(i).locator('.history-prompt').textContent()).trim();
    const badges = await rows.nth(i).locator('.answers .badge').allTextContents();
    seen[prompt] = badges.join(',');
    assert.match(await rows.nth(i).locator('.when').first().textContent(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  }
  assert.deepEqual(seen, EXPECTED);
  await page.locator('#dashboard-back').click();
  await page.locator('#start-heading').waitFor();
  assert.deepEqual(errors, []);

  await context.close();
});
