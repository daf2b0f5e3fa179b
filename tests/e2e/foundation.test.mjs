// What a learner does, in a real headless Chromium against the release build served from a
// sub-path: a whole quiz by keyboard, a reload mid-quiz, damaged saved data, a broken bank,
// and shared seeds.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';
import { activeId, check, heading, optionTexts, pickByKeys, tabTo } from './keys.mjs';

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
  // 1 + 0 + 2/3 = 1.667 of 3 points: 55 % (rounded down).
  assert.match(await page.locator('#score').textContent(), /55 %.*1\.667 of 3 points/);
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
  assert.equal(badge, { 'Right!': 'Right', 'Not quite.': 'Wrong' }[firstVerdict] ?? 'Partly right');
  await context.close();
});

test('unreadable saved progress is kept under a backup key and the learner is told', async () => {
  const { context, page } = await open(ctx, KBD);
  await page.locator('#start-button').waitFor();
  await page.evaluate(() => localStorage.setItem('accord/progress', '{"half a save'));
  await page.reload();
  const notice = page.locator('.notice', { hasText: 'could not be used' });
  await notice.waitFor();
  const text = await notice.textContent();
  const key = text.match(/accord\/backup\/\d+/)?.[0];
  assert.ok(key, `the notice names the backup key: ${text}`);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), '{"half a save');
  // The app still works: a quiz can start.
  await page.locator('#start-button').click();
  await page.locator('#question-heading').waitFor();
  await context.close();
});

test('a full storage quota is reported on screen, the quiz goes on, and the earlier save is intact', async () => {
  const { context, page } = await open(ctx, `${KBD}&seed=quota`);
  await page.locator('#start-button').click();
  await pickByKeys(page, PLAN[await heading(page)]);
  await check(page);
  const saved = await page.evaluate(() => localStorage.getItem('accord/progress'));
  assert.ok(saved.includes('"answers"'), 'the answer was saved when it was given');

  // Fill the origin's storage to the brim with another key.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0; i++) {
      try { localStorage.setItem(`filler/${i}`, chunk); } catch { chunk = chunk.slice(chunk.length / 2); i--; }
      if (chunk.length < 16) break;
    }
  });
  await page.keyboard.press('Enter'); // Next: a save of the same size, which still fits
  await page.locator('#check-button').waitFor();
  const before = await page.evaluate(() => localStorage.getItem('accord/progress'));
  // Answering adds to the save, which no longer fits.
  await pickByKeys(page, PLAN[await heading(page)]);
  await check(page);
  const alert = page.locator('#save-error');
  await alert.waitFor();
  assert.match(await alert.textContent(), /storage is full.*earlier progress is safe/);
  assert.equal(await page.evaluate(() => localStorage.getItem('accord/progress')), before);
  // The quiz keeps running.
  await page.keyboard.press('Enter');
  await page.locator('#check-button').waitFor();
  assert.match(await page.locator('.counter').textContent(), /Question 3 of 3/);
  await context.close();
});

test('a malformed bank shows an error page naming the file, line and problem', async () => {
  const { context, page, errors } = await open(ctx, '?bank=fixtures/broken/index.toml');
  await page.locator('#error-heading').waitFor();
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
