// Exam mode: no feedback until the end, a time limit the learner can extend, a warning
// before the end, and when the time runs out the answers given so far are scored.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';
import { KBD_RIGHT, heading, pickByKeys } from './keys.mjs';

const ctx = harness();
const PLAN = KBD_RIGHT;

test('an exam with a time limit ends when the time runs out and scores the answers given', async () => {
  const { context, page, errors } = await open(ctx, '?bank=fixtures/kbd/index.toml&seed=exam');
  // The learner's extension doubles every limit.
  await page.locator('.settings summary').click();
  await page.locator('#extension').selectOption('2');
  await page.locator('input[name=mode][value=Exam]').check();
  await page.locator('#time-limit').selectOption('300');
  await page.locator('#start-button').click();

  assert.match(await page.locator('.counter').textContent(), /Exam question 1 of 3/);
  assert.match(await page.locator('#timer').textContent(), /^(10:00|9:5\d)$/, '5 minutes × 2');
  // An answer is saved with no feedback, straight on to the next question.
  await pickByKeys(page, PLAN[await heading(page)]);
  await page.keyboard.press('Enter');
  await page.locator('.counter', { hasText: 'Exam question 2 of 3' }).waitFor();
  assert.equal(await page.locator('#feedback').count(), 0);

  // Move the clock to 30 s before the end: the warning comes.
  await page.evaluate(() => localStorage.setItem('accord/clock-offset-days', String((600 - 30) / 86400)));
  await page.locator('#timer.is-warning').waitFor();
  assert.match(await page.locator('#announcer').textContent(), /seconds left in this exam/);
  // And past the end: the exam ends and scores the one answer given.
  await page.evaluate(() => localStorage.setItem('accord/clock-offset-days', String(700 / 86400)));
  await page.locator('#results-heading').waitFor();
  assert.match(await page.locator('#score').textContent(), /33 %.*1 of 3 points/);
  const badges = await page.locator('.review-item .badge').allTextContents();
  assert.deepEqual(badges.sort(), ['Not answered', 'Not answered', 'Right']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with time limits turned off, an exam has no timer', async () => {
  const { context, page } = await open(ctx, '?bank=fixtures/kbd/index.toml&seed=exam-off');
  await page.locator('.settings summary').click();
  await page.locator('#limits-off').check();
  await page.locator('input[name=mode][value=Exam]').check();
  await page.locator('#time-limit').selectOption('300');
  await page.locator('#start-button').click();
  await page.locator('#question-heading').waitFor();
  assert.equal(await page.locator('#timer').count(), 0);
  await context.close();
});

test('focus mode draws only from the three weakest topics', async () => {
  // A new learner on the shipped bank (23 topics): every topic scores 0, so the weakest three
  // are the bank's first three. A practice draw would land outside them 87 % of the time.
  const { context, page } = await open(ctx, '?n=5');
  page.on('dialog', (d) => d.accept());
  await page.locator('input[name=mode][value=Focus]').check();
  const hint = await page.locator('.mode .hint').textContent();
  const weakest = hint.match(/weakest topics now: (.*)\. \(/)[1].split('; ');
  assert.deepEqual(weakest, [
    "The North Atlantic Treaty and NATO's founding",
    'The Warsaw Pact (1955–1991)',
    'Cold War crises',
  ]);
  for (let round = 0; round < 3; round++) {
    await page.locator('#start-button').click();
    const meta = await page.locator('.question-meta').textContent();
    assert.ok(weakest.some((t) => meta.startsWith(t)), `"${meta}" is not a weakest topic`);
    await page.locator('.quiet', { hasText: 'Leave quiz' }).click();
    await page.locator('input[name=mode][value=Focus]').check();
  }
  await context.close();
});
