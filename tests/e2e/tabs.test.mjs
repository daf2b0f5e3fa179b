// Two tabs of one browser: both keep their answers; two different quizzes both survive; a
// reset in one tab is never undone by the other.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness, newTab, open } from './harness.mjs';
import { KBD_RIGHT, check, heading, leaveQuiz, pickByKeys } from './keys.mjs';

const ctx = harness();
const KBD = '?bank=fixtures/kbd/index.toml';
const KEY = 'kbd@fixtures/kbd/index.toml';

const reviewCount = (page) =>
  page.evaluate((key) => {
    const log = JSON.parse(localStorage.getItem('accord/progress') ?? 'null')?.data?.banks?.[key]?.reviews;
    return log ? atob(log.data).length / 8 : 0;
  }, KEY);

test('two tabs answering both keep their reviews, and each sees the other', async () => {
  const { context, page: tabA } = await open(ctx, `${KBD}&seed=tab-a&topics=later`);
  const { page: tabB } = await newTab(ctx, context, `${KBD}&seed=tab-b&topics=founding`);
  await tabA.locator('#start-button').click();
  await tabB.locator('#start-button').click();
  await pickByKeys(tabA, KBD_RIGHT[await heading(tabA)]);
  await pickByKeys(tabB, KBD_RIGHT[await heading(tabB)]);
  await Promise.all([check(tabA), check(tabB)]);
  await tabA.waitForFunction(
    (key) => {
      const log = JSON.parse(localStorage.getItem('accord/progress')).data.banks[key].reviews;
      return atob(log.data).length / 8 === 2;
    },
    KEY,
  );
  await leaveQuiz(tabB);
  await tabB.locator('#answered-summary', { hasText: 'answered 2 of 3' }).waitFor();
  await context.close();
});

test('two tabs with different quizzes in progress keep both, and a new tab lists them', async () => {
  const { context, page: tabA } = await open(ctx, `${KBD}&seed=one`);
  const { page: tabB } = await newTab(ctx, context, `${KBD}&seed=two`);
  await tabA.locator('#start-button').click();
  await tabB.locator('#start-button').click();
  await pickByKeys(tabA, KBD_RIGHT[await heading(tabA)]);
  await check(tabA);
  await pickByKeys(tabB, KBD_RIGHT[await heading(tabB)]);
  await check(tabB);
  // Each tab still shows its own quiz after the other saved.
  await tabA.reload();
  await tabA.locator('#next-button').waitFor();
  const { page: tabC } = await newTab(ctx, context, KBD);
  await tabC.locator('#start-heading').waitFor();
  assert.equal(await tabC.locator('.resume li').count(), 2, 'both quizzes are listed to resume');
  await context.close();
});

test('a reset in one tab wins: the other tab does not write the answers back', async () => {
  const { context, page: tabA } = await open(ctx, `${KBD}&seed=reset-a`);
  const { page: tabB } = await newTab(ctx, context, `${KBD}&seed=reset-b`);
  await tabA.locator('#start-button').click();
  await pickByKeys(tabA, KBD_RIGHT[await heading(tabA)]);
  await check(tabA);
  await leaveQuiz(tabA);
  await tabB.locator('#answered-summary', { hasText: 'answered 1 of 3' }).waitFor();
  // Reset from the progress page of tab A.
  await tabA.locator('#progress-link').click();
  await tabA.locator('#reset-button').click();
  await tabA.locator('#confirm-reset').click();
  await tabA.locator('#data-status', { hasText: 'deleted' }).waitFor();
  // Tab B hears it, says so, and a few seconds later the progress is still empty.
  await tabB.locator('.notice', { hasText: 'deleted in another tab' }).waitFor();
  await tabB.locator('#answered-summary', { hasText: 'answered 0 of 3' }).waitFor();
  await tabB.waitForTimeout(1500);
  assert.equal(await reviewCount(tabB), 0);
  // Tab B answering now starts afresh, without the old answer coming back.
  await tabB.locator('#start-button').click();
  await pickByKeys(tabB, KBD_RIGHT[await heading(tabB)]);
  await check(tabB);
  assert.equal(await reviewCount(tabB), 1);
  await context.close();
});
