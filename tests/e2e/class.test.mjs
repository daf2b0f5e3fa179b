// A whole class, end to end in real browsers: a teacher builds an exam on the teacher page and
// issues extra time to one student; three students take it in browsers of their own (Ben
// with his extra time, Cas whose time runs out, Dee who skips, goes back and flags); each
// hands in a result file; the teacher drops the three files on the class results and reads the
// table and one question's statistics. A student cannot change the time limit.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';
import { KBD_RIGHT, heading, pickByKeys } from './keys.mjs';

const ctx = harness();
const UTC = { timezoneId: 'UTC' };
const WRONG = {
  'Where was the NATO–Russia Founding Act signed?': ['Rome'],
  'The Founding Act is a treaty ratified by parliaments.': ['True'],
  'Which states joined NATO on 12 March 1999?': ['Slovakia'],
};

/** The teacher's assignment: its class link and Ben's own link. */
async function teacherBuildsTheExam() {
  const { context, page, errors } = await open(ctx, 'teacher.html?bank=fixtures/kbd/index.toml', UTC);
  await page.locator('#new-assignment').click();
  await page.locator('#a-title').fill('Class test');
  await page.locator('#a-instructions').fill('Work alone.');
  await page.locator('#topic-0').check();
  await page.locator('#topic-1').check();
  await page.locator('#a-count').fill('3');
  await page.locator('#order-same').check();
  await page.locator('#mode-exam').check();
  await page.locator('#a-time-limit').fill('2');
  await page.locator('#attempts-one').check();
  await page.locator('#review-full').check();
  await page.locator('#save-assignment').click();
  await page.locator('#share-heading').waitFor();
  const classLink = await page.locator('#student-link').inputValue();
  await page.locator('#acc-student').fill('Ben Diaz');
  await page.locator('#acc-time').selectOption({ label: '2× the time' });
  await page.locator('#issue-accommodation').click();
  const benLink = await page.locator('#acc-link-0').inputValue();
  assert.deepEqual(errors, []);
  return { context, page, classLink, benLink };
}

/** A student's browser on `link`: name given, exam started. */
async function studentStarts(link, name, options = {}) {
  const opened = await open(ctx, '', { ...UTC, ...options });
  await opened.page.goto(link);
  await opened.page.locator('#student-name').fill(name);
  await opened.page.locator('#start-assignment').click();
  await opened.page.locator('#question-heading').waitFor();
  return opened;
}

async function answer(page, key) {
  await pickByKeys(page, key[await heading(page)]);
  await page.locator('#check-button').click();
}

async function handIn(page) {
  await page.locator('#hand-in-button').click();
  await page.locator('#confirm-hand-in').click();
}

async function resultFile(page, name) {
  await page.locator('#results-heading').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-result').click()]);
  return { name, mimeType: 'application/json', buffer: Buffer.from(await readFile(await download.path())) };
}

test('a teacher sets an exam, three students take it their own ways, and the class results add up', async () => {
  const teacher = await teacherBuildsTheExam();
  const files = [];
  // The exam's order is the same for every student but drawn when it is built: where the
  // single choice falls decides who answered it (Ben: all three; Cas: the first; Dee: the
  // first wrong, the second right, not the third).
  const order = [];

  // Ben: his link gives him twice the time (4 minutes of 2); Paris and False, a wrong pick for
  // the multiple select. 2 of 3.
  {
    const { context, page, errors } = await studentStarts(teacher.benLink, 'Ben Diaz');
    assert.match(await page.locator('#timer').textContent(), /^(4:00|3:5\d)$/);
    for (let n = 0; n < 3; n++) {
      const prompt = await heading(page);
      order.push(prompt);
      await answer(page, prompt.startsWith('Which states') ? WRONG : KBD_RIGHT);
      await page.waitForTimeout(100);
    }
    await handIn(page);
    files.push(await resultFile(page, 'ben.json'));
    // Full review: every question with the right answer.
    assert.equal(await page.locator('.review-item').count(), 3);
    assert.deepEqual(errors, []);
    await context.close();
  }

  // Cas: answers the first question right, then the 2 minutes run out; what was answered is
  // handed in. 1 of 3, flagged as timed out.
  {
    const { context, page, errors } = await studentStarts(teacher.classLink, 'Cas Diaz', { clock: true });
    await answer(page, KBD_RIGHT);
    await page.locator('#question-heading').waitFor();
    await page.clock.fastForward('02:05');
    await page.locator('#results-heading').waitFor({ timeout: 5000 });
    assert.match(await page.locator('.results').textContent(), /The time ran out/);
    files.push(await resultFile(page, 'cas.json'));
    assert.deepEqual(errors, []);
    await context.close();
  }

  // Dee: skips the first question, answers the second, flags the third and leaves it, goes
  // back and answers the first wrong. The hand-in step lists the flagged, unanswered one.
  {
    const { context, page, errors } = await studentStarts(teacher.classLink, 'Dee Evans');
    const first = await heading(page);
    await page.locator('#skip-button').click();
    await page.waitForFunction((first) => document.querySelector('#question-heading')?.textContent.trim() !== first, first);
    await answer(page, KBD_RIGHT);
    await page.locator('#question-heading').waitFor();
    const third = await heading(page);
    assert.notEqual(third, first);
    await page.locator('#flag-button').click();
    assert.equal(await page.locator('#flag-button').getAttribute('aria-pressed'), 'true');
    assert.match(await page.locator('.overview').textContent(), /⚑/);
    // Back to the first, by the overview.
    await page.locator('.overview-item').first().click();
    await page.waitForFunction((first) => document.querySelector('#question-heading')?.textContent.trim() === first, first);
    await answer(page, WRONG);
    await page.locator('#hand-in-button').click();
    assert.match(await page.locator('#unanswered-list').textContent(), /Question 3/);
    assert.match(await page.locator('#flagged-list').textContent(), /Question 3/);
    await page.locator('#confirm-hand-in').click();
    files.push(await resultFile(page, 'dee.json'));
    assert.deepEqual(errors, []);
    await context.close();
  }

  // A student cannot change the time limit: the assignment screen offers no control for it,
  // and a link edited to give more time is refused as damaged.
  {
    const a = new URL(teacher.classLink).searchParams.get('a');
    const [v, body, sum] = a.split('.');
    const json = JSON.parse(Buffer.from(body, 'base64url').toString());
    json.time_limit = 3600;
    const edited = `${v}.${Buffer.from(JSON.stringify(json)).toString('base64url')}.${sum}`;
    const { context, page } = await open(ctx, `?a=${edited}`);
    await page.locator('#error-heading', { hasText: 'cannot be used' }).waitFor();
    await page.goto(teacher.classLink);
    await page.locator('#assignment-heading').waitFor();
    assert.equal(await page.locator('section.assignment input[type=number], section.assignment select').count(), 0);
    await context.close();
  }

  // The teacher drops the three files on the class results.
  const { page } = teacher;
  await page.locator('#to-class').click();
  await page.locator('#class-heading').waitFor();
  await page.locator('#result-files').setInputFiles(files);
  await page.locator('#intake-heading').waitFor();
  const report = await page.locator('#intake-report li').allTextContents();
  assert.deepEqual(report, [
    'ben.json: added (Ben Diaz, 67 %)',
    'cas.json: added (Cas Diaz, 33 %), flagged: time ran out',
    'dee.json: added (Dee Evans, 33 %)',
  ]);
  const rows = await page.locator('#class-table tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
  assert.deepEqual(rows.map((r) => [r[0], r[1], r[2], r[5], r[6]]), [
    ['Ben Diaz', '2 / 3', '67 %', '1', 'none'],
    ['Cas Diaz', '1 / 3', '33 %', '1', '⚑ time ran out'],
    ['Dee Evans', '1 / 3', '33 %', '1', 'none'],
  ]);
  // The single choice: Paris from Ben, from Cas if it came first, from Dee if it came second;
  // Rome from Dee if it came first.
  const at = order.indexOf('Where was the NATO–Russia Founding Act signed?');
  assert.notEqual(at, -1);
  const paris = 1 + (at === 0 ? 1 : 0) + (at === 1 ? 1 : 0);
  const rome = at === 0 ? 1 : 0;
  const single = page.locator('#item-k-single');
  assert.equal((await single.locator('.i-facility').textContent()).trim(), paris === 2 ? '66.7 %' : '33.3 %');
  const counts = await page.locator('#responses-k-single tbody tr').evaluateAll((rows) =>
    rows.map((r) => [r.children[0].textContent.trim(), r.children[1].textContent.trim()]));
  assert.deepEqual(counts.slice(0, 2), [['Paris ✓ (right answer)', String(paris)], ['Rome', String(rome)]]);
  await teacher.context.close();
});
