// The learner's data across files and tabs: export, reset, import (merged, idempotent),
// and two tabs answering at once.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';
import { KBD_RIGHT, check, heading, pickByKeys } from './keys.mjs';

const ctx = harness();
const KBD = '?bank=fixtures/kbd/index.toml';
const PLAN = KBD_RIGHT;

async function answerOne(page) {
  await page.locator('#start-button').click();
  await pickByKeys(page, PLAN[await heading(page)]);
  await check(page);
  await page.locator('.quiet', { hasText: 'Leave quiz' }).click();
}

const reviewCount = (page) =>
  page.evaluate(() => {
    const data = JSON.parse(localStorage.getItem('accord/progress')).data;
    const log = data.banks.kbd?.reviews;
    return log ? atob(log.data).length / 8 : 0;
  });

test('progress exports to a file, resets after confirmation, and imports back once', async () => {
  const { context, page } = await open(ctx, `${KBD}&seed=data`);
  page.on('dialog', (d) => d.accept()); // "Leave this quiz?"
  await answerOne(page);
  await page.locator('#export-button').waitFor();
  assert.equal(await reviewCount(page), 1);

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-button').click()]);
  assert.match(download.suggestedFilename(), /^accord-progress-\d{4}-\d\d-\d\d\.json$/);
  const file = await download.path();
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(exported.app, 'accord');

  await page.locator('#reset-button').click();
  await page.locator('#confirm-reset').click();
  assert.match(await page.locator('#data-status').textContent(), /deleted/);
  assert.equal(await reviewCount(page), 0);
  assert.match(await page.locator('.progress-summary').textContent(), /answered 0 of 3/);

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

test('two tabs answering both keep their reviews, and each sees the other', async () => {
  // Different questions in each tab: a review is identified by its question, second and
  // credit, so the same answer to the same question in the same second counts once.
  const { context, page: tabA } = await open(ctx, `${KBD}&seed=tab-a&topics=later`);
  const tabB = await context.newPage();
  await tabB.goto(`${ctx.base}${KBD}&seed=tab-b&topics=founding`);
  for (const tab of [tabA, tabB]) tab.on('dialog', (d) => d.accept());
  await tabA.locator('#start-button').click();
  await tabB.locator('#start-button').click();
  // Both answer their first question before either sees the other's save.
  await pickByKeys(tabA, PLAN[await heading(tabA)]);
  await pickByKeys(tabB, PLAN[await heading(tabB)]);
  await Promise.all([check(tabA), check(tabB)]);
  await tabA.waitForFunction(() => {
    const log = JSON.parse(localStorage.getItem('accord/progress')).data.banks.kbd.reviews;
    return atob(log.data).length / 8 === 2;
  });
  assert.equal(await reviewCount(tabA), 2);
  // Tab B leaves its quiz; its start screen counts both tabs' answers.
  await tabB.locator('.quiet', { hasText: 'Leave quiz' }).click();
  await tabB.locator('.progress-summary', { hasText: 'answered' }).waitFor();
  const seen = await tabB.locator('.progress-summary p').first().textContent();
  assert.match(seen, /You have answered 2 of 3/, seen);
  await context.close();
});
