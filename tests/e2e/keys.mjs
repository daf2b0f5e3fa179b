// Keyboard-only helpers: every answer in these tests is given with the keyboard.

import assert from 'node:assert/strict';

/** Press Tab until the focused element matches `selector` (at most `limit` presses). */
export async function tabTo(page, selector, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

export const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

/** The visible option texts of the current choice question, in screen order. */
export const optionTexts = (page) => page.locator('.card label.option .text, .card label.part .text').allTextContents();

/** Press the number key of each option whose text is in `wanted`. */
export async function pickByKeys(page, wanted) {
  const texts = await optionTexts(page);
  for (const w of wanted) {
    const i = texts.indexOf(w);
    assert.ok(i >= 0 && i < 9, `option "${w}" not among ${JSON.stringify(texts)}`);
    await page.keyboard.press(String(i + 1));
  }
}

/** Enter to check; wait for the feedback and return its verdict. */
export async function check(page) {
  await page.keyboard.press('Enter');
  await page.locator('#feedback').waitFor();
  return (await page.locator('#feedback .verdict').textContent()).trim();
}

export const heading = async (page) => (await page.locator('#question-heading').textContent()).trim();

/** The right answers of the kbd fixture bank (tests/e2e/fixtures/kbd), by prompt. */
export const KBD_RIGHT = {
  'Where was the NATO–Russia Founding Act signed?': ['Paris'],
  'The Founding Act is a treaty ratified by parliaments.': ['False'],
  'Which states joined NATO on 12 March 1999?': ['Czech Republic', 'Hungary', 'Poland'],
};

/** Open the start screen's choices (mode, topics, length), which are folded away. */
export async function openOptions(page) {
  const details = page.locator('#quiz-options');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

/** Choose a mode on the start screen. */
export async function chooseMode(page, mode) {
  await openOptions(page);
  await page.locator(`input[name=mode][value=${mode}]`).check();
}

/** Leave the quiz on screen (accepting "Leave this quiz?"). */
export async function leaveQuiz(page) {
  page.once('dialog', (d) => d.accept());
  await page.locator('.quiz-bar button', { hasText: 'Leave quiz' }).click();
  await page.locator('#start-heading').waitFor();
}
