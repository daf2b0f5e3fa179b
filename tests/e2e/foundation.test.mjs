// What a learner does, in a real headless Chromium against the release build served from a
// sub-path: a whole quiz by keyboard, a reload mid-quiz, damaged saved data, a broken bank,
// and shared seeds.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';
import { activeId, check, chooseMode, heading, optionTexts, pickByKeys, tabTo } from './keys.mjs';

const ctx = harness();
const KBD = '?bank=fixtures/kbd/index.toml';

/** Keyboard answers for the kbd bank: one right, one wrong, one partly right. */
const PLAN = {
  'Where was the NATO–Russia Founding Act signed?': ['Paris'],
  'The Founding Act is a treaty ratified by parliaments.': ['True'],
  'Which states joined NATO on 12 March 1999?': ['Czech Republic', 'Hungary'],
};

test('a whole quiz can be taken by keyboard alone, and the score adds up', async () => {
  const { context, page, errors } = await open(ctx, `${KBD}&seed=keyboard`);
  await page.locator('#start-button').waitFor();
  await tabTo(page, '#start-button');
  await page.keyboard.press('Enter');

  const verdicts = [];
  for (let n = 1; n <= 3; n++) {
    await page.locator('#question-heading').waitFor();
    assert.equal(await activeId(page), 'question-heading', 'focus moves to the new question');
    assert.match(await page.locator('.counter').textContent(), new RegExp(`Question ${n} of 3`));
    const prompt = await heading(page);
    await pickByKeys(page, PLAN[prompt]);
    verdicts.push(await check(page));
    // The feedback is announced, with the right answer when it was not right.
    const announced = await page.locator('#announcer').textContent();
    assert.ok(announced.length > 0, 'the live region announces the result');
    assert.equal(await activeId(page), 'next-button', 'focus moves to Next after checking');
    await page.keyboard.press('Enter');
  }
  assert.deepEqual(verdicts.sort(), ['Not quite.', 'Partly right: 67 %', 'Right!'].sort());

  await page.locator('#results-heading').waitFor();
  assert.equal(await activeId(page), 'results-heading');
  // 1 + 0 + 2/3 = 1.667 of 3 points: 55.6 %, shown as 56 % (half up) and 1.7 points.
  assert.match(await page.locator('#score').textContent(), /56 %.*1\.7 of 3 points/);
  assert.equal((await page.locator('#tally').textContent()).trim(), '1 right · 1 partly right · 1 wrong');
  assert.equal(await page.locator('.review-item').count(), 3);
  assert.equal((await page.locator('#seed').textContent()).trim(), 'keyboard');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reload mid-quiz resumes on the same question with the earlier answers', async () => {
  const { context, page } = await open(ctx, `${KBD}&seed=resume`);
  await page.locator('#start-button').click();
  const first = await heading(page);
  await pickByKeys(page, PLAN[first]);
  const firstVerdict = await check(page);
  await page.keyboard.press('Enter');
  const second = await heading(page);
  const secondOptions = await optionTexts(page);

  await page.reload();
  await page.locator('#question-heading').waitFor();
  assert.match(await page.locator('.counter').textContent(), /Question 2 of 3/);
  assert.equal(await heading(page), second);
  assert.deepEqual(await optionTexts(page), secondOptions, 'same choice order after reload');

  // Finish, and the answer given before the reload is in the review.
  for (let n = 2; n <= 3; n++) {
    await pickByKeys(page, PLAN[await heading(page)]);
    await check(page);
    await page.keyboard.press('Enter');
  }
  await page.locator('#results-heading').waitFor();
  const review = page.locator('.review-item').first();
  assert.match(await review.textContent(), new RegExp(first.replace(/[.?]/g, '\\$&')));
  const badge = (await review.locator('.badge').textContent()).trim();
  const expected = { 'Right!': '✓ Right', 'Not quite.': '✗ Wrong' }[firstVerdict] ?? '½ Partly right';
  assert.equal(badge, expected);
  await context.close();
});

test('a malformed bank tells students to tell their teacher, and the teacher which file, line and problem', async () => {
  const { context, page, errors } = await open(ctx, '?bank=fixtures/broken/index.toml');
  await page.locator('#error-heading').waitFor();
  assert.match(await page.locator('.error-page').textContent(), /please tell your teacher/i);
  assert.doesNotMatch(await page.locator('.error-page').textContent(), /cargo/, 'students are never told to run a command');
  // The technical list is folded away for the teacher.
  assert.equal(await page.locator('.problems').isVisible(), false);
  await page.locator('.problems-box summary').click();
  const problems = await page.locator('.problems li').allTextContents();
  assert.deepEqual(problems, [
    'fixtures/broken/questions.toml:7:10: question "q1": answer "Pariss" is not one of the choices',
  ]);
  assert.deepEqual(errors, [], 'no panic, no uncaught error');
  await context.close();
});

test('a missing bank file gives the error page, not a blank page', async () => {
  const { context, page } = await open(ctx, '?bank=fixtures/nowhere/index.toml');
  await page.locator('#error-heading').waitFor();
  assert.match(await page.locator('.problems').textContent(), /fixtures\/nowhere\/index\.toml: the server answered 404/);
  await context.close();
});

test('the same seed gives the same first question in two fresh browsers', async () => {
  const firstScreen = async (seed) => {
    const { context, page } = await open(ctx, `?seed=${seed}&n=5`);
    await page.locator('#start-button').click();
    await page.locator('#question-heading').waitFor();
    const seen = { prompt: await heading(page), options: await optionTexts(page) };
    await context.close();
    return seen;
  };
  const a = await firstScreen('shared-link');
  const b = await firstScreen('shared-link');
  assert.deepEqual(a, b);
  const c = await firstScreen('another-link');
  assert.notDeepEqual(a, c, 'a different seed draws differently');
});

test('a partly right exam with unanswered questions prints its numbers right', async () => {
  // Issue 9's example: one question answered, nine left unanswered, counted as such.
  const { context, page } = await open(ctx, '?seed=tally&n=10');
  await chooseMode(page, 'Exam');
  await page.locator('#time-limit').selectOption('0');
  await page.locator('#start-button').click();
  await page.locator('#question-heading').waitFor();
  const choices = page.locator('.card label.option, .card label.part');
  if ((await choices.count()) > 0) await choices.first().click();
  for (const input of await page.locator('.card input[type="text"]').all()) await input.fill('1');
  for (const select of await page.locator('.card select').all()) await select.selectOption({ index: 1 });
  await page.locator('#check-button').click();
  await page.locator('#hand-in-button').click();
  await page.locator('#hand-in-heading').waitFor();
  assert.equal(await page.locator('#unanswered-list li').count(), 9);
  await page.locator('#confirm-hand-in').click();
  await page.locator('#results-heading').waitFor();
  assert.match(await page.locator('#tally').textContent(), /9 not answered$/);
  assert.match(await page.locator('#score').textContent(), / of 10 points/);
  assert.equal(await page.locator('.review-item .badge', { hasText: 'Not answered' }).count(), 9);
  await context.close();
});
