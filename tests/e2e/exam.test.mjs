// Exam mode: no feedback until the end; skip, go back, flag and hand in; a time limit the
// learner can extend for their own exams, a warning before the end, and when the time runs
// out the answers given so far are scored. The clock is Playwright's, not a setting.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';
import { KBD_RIGHT, chooseMode, heading, pickByKeys } from './keys.mjs';

const ctx = harness();
const PLAN = KBD_RIGHT;
const KBD = '?bank=fixtures/kbd/index.toml';

/** Set a learner setting on the progress page, then come back to the quiz page. */
async function onProgressPage(page, act) {
  await page.locator('#progress-link').click();
  await page.locator('#dashboard-heading').waitFor();
  await act();
  await page.locator('#back-to-quiz').click();
  await page.locator('#start-heading').waitFor();
}

test('an exam can skip, go back, flag and hand in, with no feedback until the end', async () => {
  const { context, page, errors } = await open(ctx, `${KBD}&seed=nav`);
  await chooseMode(page, 'Exam');
  await page.locator('#time-limit').selectOption('0');
  await page.locator('#start-button').click();
  await page.locator('#question-heading').waitFor();
  assert.match(await page.locator('.counter').textContent(), /Exam question 1 of 3/);
  const first = await heading(page);
  // Skip the first, answer the second: saved without feedback, straight on to the third.
  await page.locator('#skip-button').click();
  await page.locator('.counter', { hasText: 'Exam question 2 of 3' }).waitFor();
  await pickByKeys(page, PLAN[await heading(page)]);
  await page.keyboard.press('Enter');
  await page.locator('.counter', { hasText: 'Exam question 3 of 3' }).waitFor();
  assert.equal(await page.locator('#feedback').count(), 0);
  // Flag the third; the overview says so in words.
  await page.locator('#flag-button').click();
  assert.equal(await page.locator('#flag-button').getAttribute('aria-pressed'), 'true');
  const labels = await page.locator('.overview button').evaluateAll((b) => b.map((x) => x.getAttribute('aria-label')));
  assert.deepEqual(labels, ['Question 1: not answered', 'Question 2: answered', 'Question 3: not answered, flagged']);
  // Back to the first through the overview, answer it right.
  await page.locator('.overview button').first().click();
  assert.equal(await heading(page), first);
  await pickByKeys(page, PLAN[first]);
  await page.keyboard.press('Enter');
  // The hand-in step lists what is unanswered and flagged.
  await page.locator('#hand-in-button').click();
  await page.locator('#hand-in-heading').waitFor();
  assert.deepEqual(await page.locator('#unanswered-list li').allTextContents(), ['Question 3']);
  assert.deepEqual(await page.locator('#flagged-list li').allTextContents(), ['Question 3']);
  await page.locator('#confirm-hand-in').click();
  await page.locator('#results-heading').waitFor();
  assert.match(await page.locator('#tally').textContent(), /1 not answered/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a timed exam warns before the end and scores the answers given when time runs out', async () => {
  const { context, page, errors } = await open(ctx, `${KBD}&seed=exam`, { clock: true });
  // The learner's extension doubles the limits of exams they set themselves.
  await onProgressPage(page, () => page.locator('#extension').selectOption('2'));
  await chooseMode(page, 'Exam');
  await page.locator('#time-limit').selectOption('300');
  await page.locator('#start-button').click();
  assert.match(await page.locator('#timer').textContent(), /^(10:00|9:5\d)$/, '5 minutes × 2');
  await pickByKeys(page, PLAN[await heading(page)]);
  await page.keyboard.press('Enter');
  await page.locator('.counter', { hasText: 'Exam question 2 of 3' }).waitFor();

  // 30 s before the end the warning comes, once.
  await page.clock.fastForward((600 - 30) * 1000);
  await page.locator('#timer.is-warning').waitFor();
  assert.match(await page.locator('#announcer').textContent(), /seconds left in this exam/);
  // Past the end the exam ends and scores the one answer given.
  await page.clock.fastForward(60 * 1000);
  await page.locator('#results-heading').waitFor();
  assert.match(await page.locator('#score').textContent(), /33 %.*1 of 3 points/);
  const badges = await page.locator('.review-item .badge').allTextContents();
  assert.deepEqual(badges.sort(), ['– Not answered', '– Not answered', '✓ Right']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with time limits turned off, an exam the learner sets has no timer', async () => {
  const { context, page } = await open(ctx, `${KBD}&seed=exam-off`);
  await onProgressPage(page, () => page.locator('#limits-off').check());
  await chooseMode(page, 'Exam');
  await page.locator('#time-limit').selectOption('300');
  await page.locator('#start-button').click();
  await page.locator('#question-heading').waitFor();
  assert.equal(await page.locator('#timer').count(), 0);
  await context.close();
});

test('focus mode draws only from the three weakest topics', async () => {
  // A new learner on the shipped bank (23 topics): every topic scores 0, so the weakest three
  // are the bank's first three. A practice draw would land outside them 87 % of the time.
  const weakest = [
    "The North Atlantic Treaty and NATO's founding",
    'The Warsaw Pact (1955–1991)',
    'Cold War crises',
  ];
  const { context, page } = await open(ctx, '?n=5');
  await chooseMode(page, 'Focus');
  assert.equal(await page.locator('#plan-summary').textContent(), `Focus · your three weakest topics: ${weakest.join('; ')}`);
  for (let round = 0; round < 3; round++) {
    await chooseMode(page, 'Focus');
    await page.locator('#start-button').click();
    const meta = await page.locator('.question-meta').textContent();
    assert.ok(weakest.some((t) => meta.startsWith(t)), `"${meta}" is not a weakest topic`);
    page.once('dialog', (d) => d.accept());
    await page.locator('.quiz-bar button', { hasText: 'Leave quiz' }).click();
    await page.locator('#start-heading').waitFor();
  }
  await context.close();
});
