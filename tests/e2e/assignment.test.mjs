// A teacher's assignment on the student's side: the link opens the assignment with its
// conditions, a name is needed, the teacher's time limit applies (the learner's own extension
// does not, an issued allowance does), attempts are counted, and handing in gives a result
// file, a code and an e-mail button.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';
import { KBD_RIGHT, heading, pickByKeys } from './keys.mjs';
import { assignment, forStudent, link } from './assignment.mjs';

const ctx = harness();

async function answerAll(page) {
  for (let n = 0; n < 3; n++) {
    await page.locator('#question-heading').waitFor();
    await pickByKeys(page, KBD_RIGHT[await heading(page)]);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(100);
  }
}

test('an assignment link shows its conditions, needs a name, runs and hands in a result', async () => {
  const a = assignment({ time_limit: 600, email: 'teacher@school.example' });
  const { context, page, errors } = await open(ctx, link(a));
  await page.locator('#assignment-heading', { hasText: 'Keyboard test' }).waitFor();
  const conditions = await page.locator('#conditions').textContent();
  assert.match(conditions, /3 questions from every topic/);
  assert.match(conditions, /Time limit: 10 minutes/);
  assert.match(conditions, /one attempt/);
  // No name, no start.
  await page.locator('#start-assignment').click();
  assert.match(await page.locator('#assignment-problem').textContent(), /Type your name/);
  await page.locator('#student-name').fill('Ana Costa');
  await page.locator('#start-assignment').click();
  await page.locator('#timer').waitFor();
  assert.match(await page.locator('#timer').textContent(), /^(10:00|9:5\d)$/);
  await answerAll(page);
  await page.locator('#hand-in-button').click();
  await page.locator('#confirm-hand-in').click();
  await page.locator('#results-heading', { hasText: 'Handed in' }).waitFor();
  // Score review: the score, not the questions.
  assert.match(await page.locator('#score').textContent(), /100 %/);
  assert.equal(await page.locator('.review-item').count(), 0);
  // The result file is named after the assignment, the student and the date.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-result').click()]);
  assert.match(download.suggestedFilename(), /^accord-result-keyboard-test-ana-costa-\d{4}-\d\d-\d\d\.json$/);
  const record = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(record.format, 'accord-result');
  assert.equal(record.run.student, 'Ana Costa');
  assert.equal(record.items.length, 3);
  assert.ok(record.items.every((i) => i.response && i.fingerprint.length === 16));
  // A code to paste, and an e-mail button.
  const code = await page.locator('#result-code').inputValue();
  assert.match(code, /^ACR1\.[A-Za-z0-9_-]+$/);
  assert.equal(await page.locator('#mail-result').count(), 1);
  // One attempt only: back on the assignment, it says so and keeps the result.
  await page.locator('#new-quiz-button').click();
  await page.locator('#assignment-heading').waitFor();
  await page.locator('#student-name').fill('Ana Costa');
  await page.locator('#start-assignment').click();
  assert.match(await page.locator('#assignment-problem').textContent(), /used your one attempt/);
  assert.equal(await page.locator('#previous-heading').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the learner\'s own extension never applies to an assignment; an issued allowance does', async () => {
  const a = assignment({ time_limit: 600 });
  const { context, page } = await open(ctx, '?bank=fixtures/kbd/index.toml');
  await page.locator('#progress-link').click();
  await page.locator('#extension').selectOption('10');
  await page.goto(ctx.base + link(a));
  await page.locator('#student-name').fill('Ben');
  await page.locator('#start-assignment').click();
  assert.match(await page.locator('#timer').textContent(), /^(10:00|9:5\d)$/, 'not 100 minutes');
  await context.close();

  const { context: c2, page: p2 } = await open(ctx, link(a) + forStudent('Cas Diaz', { kind: 'extra', tenths: 15 }));
  assert.match(await p2.locator('#conditions').textContent(), /15 minutes for you/);
  await p2.locator('#student-name').fill('Someone Else');
  await p2.locator('#start-assignment').click();
  assert.match(await p2.locator('#assignment-problem').textContent(), /This link is for Cas Diaz/);
  await p2.locator('#student-name').fill('cas diaz');
  await p2.locator('#start-assignment').click();
  assert.match(await p2.locator('#timer').textContent(), /^(15:00|14:5\d)$/);
  await c2.close();
});

test('a damaged assignment link is explained, not half-loaded', async () => {
  const code = link(assignment()).slice(0, -3) + 'xyz';
  const { context, page } = await open(ctx, code);
  await page.locator('#error-heading', { hasText: 'cannot be used' }).waitFor();
  assert.match(await page.locator('#link-problem').textContent(), /changed or damaged/);
  await context.close();
});

test('closing an assignment keeps the attempt, and the link resumes it', async () => {
  const { context, page } = await open(ctx, link(assignment({ mode: 'practice' })));
  await page.locator('#student-name').fill('Dee');
  await page.locator('#start-assignment').click();
  await page.locator('#question-heading').waitFor();
  page.once('dialog', (d) => d.accept());
  await page.locator('.quiz-bar button', { hasText: 'Close for now' }).click();
  await page.locator('#resume-assignment').click();
  await page.locator('#question-heading').waitFor();
  await context.close();
});
