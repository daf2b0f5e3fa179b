// A teacher's own questions in the formats they already have, opened by a link: GIFT, Aiken,
// CSV (Kahoot's template) and Moodle XML load through the bank reader module and can be
// taken; a file with mistakes gets the error page naming the file, line and problem.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';

const ctx = harness();

for (const [file, firstPrompt] of [
  ['weimar.gift', /\S/],
  ['ww1.aiken.txt', /\S/],
  ['kahoot.csv', /\S/],
  ['moodle-export.xml', /\S/],
]) {
  test(`a ${file.split('.').slice(1).join('.')} file given by ?bank= opens as a quiz that can be taken`, async () => {
    const { context, page, errors } = await open(ctx, `?bank=fixtures/formats/${file}`);
    await page.locator('#start-button').waitFor();
    await page.locator('#start-button').click();
    await page.locator('#question-heading').waitFor();
    assert.match(await page.locator('#question-heading').textContent(), firstPrompt);
    // The reader module came on demand, by its hashed name; it is not part of a default load.
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the default bank never loads the reader module, a teacher file does', async () => {
  const requested = async (path) => {
    const { context, page } = await open(ctx, '');
    const urls = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(ctx.base + path);
    await page.locator('#start-button').waitFor();
    await page.waitForTimeout(300);
    await context.close();
    return urls.filter((u) => /reader-[0-9a-f]+/.test(u)).length;
  };
  assert.equal(await requested(''), 0, 'the bundle is enough for the default bank');
  assert.ok((await requested('?bank=fixtures/formats/weimar.gift')) >= 2, 'reader js and wasm');
});

test('a GIFT file with mistakes names the file, line and problem on the error page', async () => {
  const { context, page, errors } = await open(ctx, '?bank=fixtures/formats/mistakes.gift');
  await page.locator('#error-heading').waitFor();
  await page.locator('.problems-box summary').click();
  const problems = await page.locator('.problems li').allTextContents();
  assert.ok(
    problems.includes('fixtures/formats/mistakes.gift:26:37: question "twice": `choices` has "Paris" twice; entries must be distinct'),
    problems.join('\n'),
  );
  assert.deepEqual(errors, []);
  await context.close();
});
