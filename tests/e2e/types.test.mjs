// Each of the nine question types answered by keyboard alone, with its feedback checked.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';
import { activeId, check, heading, pickByKeys, tabTo } from './keys.mjs';

const ctx = harness();

/** Put the ordering items in `order` with Alt+↑ on each focused item. */
async function orderByKeys(page, order) {
  for (let target = 0; target < order.length; target++) {
    const items = await page.locator('.ordering li .text').allTextContents();
    const at = items.indexOf(order[target]);
    await page.locator('.ordering li').nth(at).focus();
    for (let k = at; k > target; k--) await page.keyboard.press('Alt+ArrowUp');
    // Focus follows the moved item.
    assert.equal(await page.evaluate(() => document.activeElement.querySelector('.text')?.textContent), order[target]);
  }
  assert.deepEqual(await page.locator('.ordering li .text').allTextContents(), order);
}

/** Each question of the fixture bank, by prompt, with how to answer it from the keyboard. */
const ANSWERS = {
  'Where was the Founding Act signed?': (page) => pickByKeys(page, ['Paris']),
  'Which joined in 1999?': (page) => pickByKeys(page, ['Czech Republic', 'Hungary', 'Poland']),
  'The Founding Act is a ratified treaty.': (page) => pickByKeys(page, ['False']),
  'Earliest first.': (page) => orderByKeys(page, ['NACC', 'PfP', 'Founding Act', 'NRC']),
  'Match body and year.': async (page) => {
    for (const [i, year] of ['1991', '1997', '2002'].entries()) {
      await tabTo(page, `#match-${i}`);
      await page.keyboard.type(year); // a select's type-ahead picks the option
    }
  },
  'Year Finland joined?': async (page) => {
    assert.equal(await activeId(page), 'answer-input', 'a typed answer gets the focus');
    await page.keyboard.type('twenty');
    await page.keyboard.press('Enter');
    assert.match(await page.locator('#answer-error').textContent(), /“twenty” is not a number/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2023');
  },
  'Russian negotiator?': (page) => page.keyboard.type('  primakow '), // one typo is forgiven
  'Complete.': async (page) => {
    await tabTo(page, 'input.blank');
    await page.keyboard.type('paris');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1997');
  },
  'Which part is wrong?': (page) => pickByKeys(page, ['then the Soviet Union,']),
};

test('every question type can be answered by keyboard alone', async () => {
  const { context, page, errors } = await open(ctx, '?bank=fixtures/types/index.toml&seed=types&n=9');
  await tabTo(page, '#start-button');
  await page.keyboard.press('Enter');
  const seen = [];
  for (let n = 1; n <= 9; n++) {
    await page.locator('#question-heading').waitFor();
    const prompt = await heading(page);
    assert.ok(ANSWERS[prompt], `no keyboard plan for "${prompt}"`);
    await ANSWERS[prompt](page);
    const verdict = await check(page);
    assert.equal(verdict, 'Right!', `"${prompt}" was not accepted`);
    seen.push(prompt);
    await page.keyboard.press('Enter');
  }
  assert.equal(new Set(seen).size, 9);
  await page.locator('#results-heading').waitFor();
  assert.match(await page.locator('#score').textContent(), /100 %/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a wrong ordering gets partial credit and shows the right order', async () => {
  const { context, page } = await open(ctx, '?bank=fixtures/types/index.toml&seed=types&n=9&topics=beta');
  await page.locator('#start-button').click();
  for (;;) {
    await page.locator('#question-heading').waitFor();
    if ((await heading(page)) === 'Earliest first.') break;
    await page.locator('#check-button').waitFor();
    await ANSWERS[await heading(page)](page);
    await check(page);
    await page.keyboard.press('Enter');
  }
  // One adjacent swap breaks 1 of 6 pairs: 5/6 = 83 %.
  await orderByKeys(page, ['PfP', 'NACC', 'Founding Act', 'NRC']);
  assert.equal(await check(page), 'Partly right: 83 %');
  assert.match(await page.locator('#feedback .answer').textContent(), /NACC → PfP → Founding Act → NRC/);
  await context.close();
});
