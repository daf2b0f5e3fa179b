// Saved data that goes wrong: unreadable progress is kept aside once and the learner told;
// a full storage is reported and the earlier save kept; unreadable data with no room to copy
// it can be downloaded and then deleted to free the space.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';
import { KBD_RIGHT, check, heading, pickByKeys } from './keys.mjs';

const ctx = harness();
const KBD = '?bank=fixtures/kbd/index.toml';

const backups = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('accord/backup/')));

/** Fill the origin's storage to the brim with another key. */
const fill = (page) =>
  page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0; i++) {
      try {
        localStorage.setItem(`filler/${i}`, chunk);
      } catch {
        chunk = chunk.slice(chunk.length / 2);
        i--;
      }
      if (chunk.length < 16) break;
    }
  });

test('unreadable saved progress is kept aside once, under a backup key the learner is told', async () => {
  const { context, page } = await open(ctx, KBD);
  await page.locator('#start-button').waitFor();
  await page.evaluate(() => localStorage.setItem('accord/progress', '{"half a save'));
  await page.reload();
  const notice = page.locator('.notice', { hasText: 'could not be used' });
  await notice.waitFor();
  const key = (await notice.textContent()).match(/accord\/backup\/\d+/)?.[0];
  assert.ok(key, 'the notice names the backup key');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), '{"half a save');
  // The app still works, and saving does not back the same data up again.
  await page.locator('#start-button').click();
  await pickByKeys(page, KBD_RIGHT[await heading(page)]);
  await check(page);
  assert.deepEqual(await backups(page), [key]);
  // Dismissing the notice moves focus to the screen, not the page's body.
  await page.reload();
  await page.locator('#question-heading').waitFor();
  await context.close();
});

test('a full storage is reported on screen, the quiz goes on, and the earlier save is intact', async () => {
  const { context, page } = await open(ctx, `${KBD}&seed=quota`);
  await page.locator('#start-button').click();
  await pickByKeys(page, KBD_RIGHT[await heading(page)]);
  await check(page);
  const before = await page.evaluate(() => localStorage.getItem('accord/progress'));
  await fill(page);
  await page.keyboard.press('Enter');
  await pickByKeys(page, KBD_RIGHT[await heading(page)]);
  await check(page);
  const alert = page.locator('#save-error');
  await alert.waitFor();
  assert.match(await alert.textContent(), /storage is full.*earlier progress is safe/);
  assert.equal(await page.evaluate(() => localStorage.getItem('accord/progress')), before);
  await page.keyboard.press('Enter');
  await page.locator('.counter', { hasText: 'Question 3 of 3' }).waitFor();
  await context.close();
});

test('unreadable data with no room for a copy can be downloaded, then deleted to save again', async () => {
  const { context, page } = await open(ctx, KBD);
  await page.locator('#start-button').waitFor();
  await fill(page);
  // Make room for exactly one big unreadable save, then reload: no room is left for a copy.
  await page.evaluate(() => {
    localStorage.removeItem('filler/0');
    localStorage.setItem('accord/progress', 'u'.repeat((1 << 20) - 100));
  });
  await page.reload();
  await page.locator('.notice', { hasText: 'too full to keep a copy' }).waitFor();
  assert.deepEqual(await backups(page), []);
  await page.locator('#progress-link').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-blocked').click()]);
  assert.match(download.suggestedFilename(), /^accord-unreadable-/);
  await page.locator('#discard-blocked').click();
  await page.locator('#data-status', { hasText: 'saved again' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('accord/progress')), null);
  await context.close();
});

test('importing with a full storage says it was not saved', async () => {
  const { context, page } = await open(ctx, KBD);
  await page.locator('#progress-link').click();
  await page.locator('#dashboard-heading').waitFor();
  await fill(page);
  const reviews = { ids: ['k-single'], data: 'AAAAAAAA6AM=' };
  const file = JSON.stringify({ app: 'accord', schema: 3, exported_at: 0, data: { banks: { 'kbd@fixtures/kbd/index.toml': { history: [], reviews } } } });
  await page.locator('#import-file').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.locator('#data-status', { hasText: 'could not be saved' }).waitFor();
  assert.doesNotMatch(await page.locator('#data-status').textContent(), /Imported/);
  await context.close();
});
