// Spaced review in the browser: a question answered right today is not due today, and is
// due after the days pass (Playwright's clock moves the page's time; the app has no setting).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';
import { check, heading, pickByKeys } from './keys.mjs';

const ctx = harness();
const URL = '?bank=fixtures/kbd/index.toml&topics=later&n=1&seed=review';
const ANSWER = ['Czech Republic', 'Hungary', 'Poland'];
const DAY = 86_400_000;

test('a question answered right today is not due today, and is due a few days later', async () => {
  const { context, page, errors } = await open(ctx, URL, { clock: true });
  assert.match(await page.locator('#due-count').textContent(), /Nothing is due today/);
  assert.ok(await page.locator('#review-button').isDisabled());

  await page.locator('#start-button').click();
  await pickByKeys(page, ANSWER);
  assert.equal(await check(page), 'Right!');
  await page.keyboard.press('Enter');
  await page.locator('#new-quiz-button').click();
  assert.match(await page.locator('#due-count').textContent(), /Nothing is due today/);

  // Three days on, the answer is due (a first "Good" gives a stability of about 2.3 days).
  await page.clock.fastForward(3 * DAY);
  await page.reload();
  await page.locator('#due-count', { hasText: '1 question is due today.' }).waitFor();
  await page.locator('#review-button').click();
  assert.match(await page.locator('.counter').textContent(), /Review 1 of 1/);
  assert.equal(await heading(page), 'Which states joined NATO on 12 March 1999?');
  await pickByKeys(page, ANSWER);
  await check(page);
  await page.keyboard.press('Enter');
  await page.locator('#results-heading').waitFor();
  await page.locator('#new-quiz-button').click();
  // Reviewed again, it is not due again that day.
  assert.match(await page.locator('#due-count').textContent(), /Nothing is due today/);
  assert.deepEqual(errors, []);
  await context.close();
});
