// The teacher page (teacher.html, its own wasm): a teacher builds an assignment, reads its
// link and QR code, issues an accommodation; adds an assignment from a link and imports result
// files (three real ones, made by tests/teacher_desk.rs), a pasted code and a damaged file;
// reads the class table, one question's statistics and distractor counts, the flags, and the
// CSV; damaged teacher data is kept aside.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { harness, newTab, open } from './harness.mjs';

const ctx = harness();
const PAGE = 'teacher.html?bank=fixtures/kbd/index.toml';
const FIXTURES = 'tests/e2e/fixtures/results';
const UTC = { timezoneId: 'UTC' };

const fixture = (name) => readFile(`${FIXTURES}/${name}`, 'utf8');

/** The JSON a link code (`1.<base64url>.<sum>`) carries. */
function payload(code) {
  const b64 = code.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
}

const param = (link, name) => new URL(link).searchParams.get(name);

async function isFocused(page, id) {
  await page.waitForFunction((id) => document.activeElement?.id === id, id);
}

test('a teacher builds an assignment, gets its link and QR code, and issues an accommodation', async () => {
  const { context, page, errors } = await open(ctx, PAGE, UTC);
  await page.locator('#desk-heading').waitFor();
  assert.match(await page.locator('#no-assignments').textContent(), /No assignments yet/);

  await page.locator('#new-assignment').click();
  await isFocused(page, 'editor-heading');
  // Saving without a title names the field, marks it and moves focus to it.
  await page.locator('#save-assignment').click();
  await isFocused(page, 'a-title');
  assert.equal(await page.locator('#a-title').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#a-title-error').textContent(), /Give the assignment a title/);
  assert.match(await page.locator('#form-errors').textContent(), /1 problem to fix/);

  await page.locator('#a-title').fill('Founding quiz');
  await page.locator('#a-instructions').fill('No notes, please.');
  await page.locator('#topic-0').check();
  assert.equal((await page.locator('#topics-hold').textContent()).trim(), '2 questions to draw from.');
  await page.locator('#a-count').fill('2');
  await page.locator('#order-per-student').check();
  await page.locator('#mode-exam').check();
  await page.locator('#a-time-limit').fill('10');
  await page.locator('#attempts-several').check();
  await page.locator('#a-attempts-count').fill('2');
  await page.locator('#review-score').check();
  await page.locator('#a-opens').fill('2026-03-02T09:00');
  await page.locator('#a-closes').fill('2026-03-02T10:30');
  await page.locator('#a-email').fill('teacher@school.example');
  await page.locator('#a-pass-mark').fill('50');
  assert.match(await page.locator('#times-note').textContent(), /each student's own device clock/);
  await page.locator('#save-assignment').click();

  await isFocused(page, 'share-heading');
  assert.equal((await page.locator('#share-heading').textContent()).trim(), 'Founding quiz');
  const link = await page.locator('#student-link').inputValue();
  assert.ok(link.startsWith(`${ctx.base}index.html?a=1.`), link);
  assert.equal(param(link, 'bank'), 'fixtures/kbd/index.toml');
  const a = payload(param(link, 'a'));
  assert.match(a.id, /^[0-9a-z]{8}$/);
  assert.match(a.seed, /^[0-9a-z]{8}$/);
  assert.deepEqual(
    { title: a.title, instructions: a.instructions, topics: a.topics, count: a.count, order: a.order, mode: a.mode, time_limit: a.time_limit, attempts: a.attempts, review: a.review, email: a.email, pass_mark: a.pass_mark, name_required: a.name_required, bank: a.bank },
    { title: 'Founding quiz', instructions: 'No notes, please.', topics: ['founding'], count: 2, order: 'per_student', mode: 'exam', time_limit: 600, attempts: 2, review: 'score', email: 'teacher@school.example', pass_mark: 50, name_required: true, bank: { path: 'fixtures/kbd/index.toml', id: 'kbd', version: '1' } },
  );
  // 09:00 to 10:30 UTC on 2 March 2026.
  assert.equal(a.opens_at, Date.UTC(2026, 2, 2, 9, 0));
  assert.equal(a.closes_at, Date.UTC(2026, 2, 2, 10, 30));

  // The QR code: an SVG drawn in the page, with its text alternative on the wrapper.
  const qr = page.locator('#qr-code');
  assert.equal(await qr.getAttribute('role'), 'img');
  assert.match(await qr.getAttribute('aria-label'), /QR code of the student link for "Founding quiz"/);
  assert.equal(await qr.locator('svg path').count(), 1);
  const box = await qr.locator('svg').boundingBox();
  assert.ok(box.width >= 300, `big enough to project: ${box.width} px`);

  // Accommodations: a name is needed; then Ben gets 1.5× the time and a link of his own.
  await page.locator('#issue-accommodation').click();
  assert.match(await page.locator('#acc-error').textContent(), /type the student's name/);
  await isFocused(page, 'acc-student');
  await page.locator('#acc-student').fill('Ben Diaz');
  await page.locator('#acc-time').selectOption({ label: '1.5× the time' });
  await page.locator('#issue-accommodation').click();
  await page.locator('#accommodation-list li').first().waitFor();
  assert.match(await page.locator('#status').textContent(), /Ben Diaz now has 1.5× the time/);
  const own = await page.locator('#acc-link-0').inputValue();
  assert.equal(param(own, 'a'), param(link, 'a'));
  assert.deepEqual(payload(param(own, 'for')), { student: 'Ben Diaz', time: { kind: 'extra', tenths: 15 } });
  await page.locator('#acc-remove-0').click();
  await page.locator('#no-accommodations').waitFor();
  await page.locator('#acc-student').fill('Ben Diaz');
  await page.locator('#issue-accommodation').click();
  await page.locator('#accommodation-list li').first().waitFor();

  // The print view: the title and the QR code alone.
  await page.locator('#print-qr').click();
  await isFocused(page, 'print-heading');
  assert.equal(await page.locator('#print-qr-code svg').count(), 1);
  await page.locator('#print-back').click();
  await isFocused(page, 'share-heading');

  // Kept in this browser: after a reload the assignment, its link and Ben's link are still there.
  await page.reload();
  await page.locator('#assignment-list li').first().waitFor();
  assert.equal(await page.locator('#assignment-list li').count(), 1);
  await page.locator(`#share-${a.id}`).click();
  assert.equal(await page.locator('#student-link').inputValue(), link);
  assert.equal(await page.locator('#acc-link-0').inputValue(), own);
  // Editing keeps the id and seed.
  await page.locator('#to-edit').click();
  assert.equal(await page.locator('#a-title').inputValue(), 'Founding quiz');
  assert.equal(await page.locator('#a-opens').inputValue(), '2026-03-02T09:00');
  await page.locator('#a-title').fill('Founding quiz, take 2');
  await page.locator('#save-assignment').click();
  await isFocused(page, 'share-heading');
  const edited = payload(param(await page.locator('#student-link').inputValue(), 'a'));
  assert.equal(edited.title, 'Founding quiz, take 2');
  assert.equal(edited.id, a.id);
  assert.equal(edited.seed, a.seed);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the class results: files, a pasted code and a damaged file; the table, statistics, flags and CSV', async () => {
  const { context, page, errors } = await open(ctx, PAGE, { ...UTC, acceptDownloads: true });
  await page.locator('#desk-heading').waitFor();
  await page.locator('#link-input').fill(await fixture('assignment-link.txt'));
  await page.locator('#add-from-link').click();
  await page.locator('#results-kbd-check').waitFor();
  assert.match(await page.locator('#link-message').textContent(), /"Keyboard check" was added to your desk/);
  await page.locator('#results-kbd-check').click();
  await isFocused(page, 'class-heading');
  await page.locator('#class-empty').waitFor();

  const damaged = (await fixture('ana.json')).replace('"Ana Costa"', '"Ana Costs"');
  const file = async (name) => ({ name, mimeType: 'application/json', buffer: Buffer.from(await fixture(name)) });
  await page.locator('#result-files').setInputFiles([
    await file('ana.json'),
    await file('ben.json'),
    await file('cleo.json'),
    { name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(damaged) },
  ]);
  await isFocused(page, 'intake-heading');
  assert.deepEqual(await page.locator('#intake-report li').allTextContents(), [
    'ana.json: added (Ana Costa, 100 %)',
    'ben.json: added (Ben Diaz, 67 %), flagged: claims extra time you did not issue; used more time than allowed',
    'cleo.json: added (Cleo Dubois, 33 %), flagged: time ran out',
    'damaged.json: refused: this result was changed or damaged after it was handed in (its checksum does not match)',
  ]);
  assert.equal((await page.locator('#intake-heading').textContent()).trim(), '3 results added, 0 already in, 1 refused.');

  // A pasted code, twice (once counts), and a scrap of text.
  const code = (await fixture('dan-code.txt')).trim();
  await page.locator('#result-codes').fill(`${code}\n${code}\nthanks`);
  await page.locator('#add-codes').click();
  await page.locator('#intake-report li', { hasText: 'pasted code 2' }).waitFor();
  assert.deepEqual(await page.locator('#intake-report li').allTextContents(), [
    'pasted code 1: added (Dan Evans, 67 %)',
    'pasted code 2: already in the class (Dan Evans), counted once',
    'text "thanks": refused: it is not a result code (a result code starts with ACR1.)',
  ]);

  const table = async () =>
    page.locator('#class-table tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
  assert.deepEqual(await table(), [
    ['Ana Costa', '3 / 3', '100 %', '4 min 0 s', '2026-03-02 09:04', '1', 'none'],
    ['Ben Diaz', '2 / 3', '67 %', '12 min 0 s', '2026-03-02 09:13', '1', '⚑ claims extra time you did not issue⚑ used more time than allowed'],
    ['Cleo Dubois', '1 / 3', '33 %', '10 min 0 s', '2026-03-02 09:12', '1', '⚑ time ran out'],
    ['Dan Evans', '2 / 3', '67 %', '5 min 0 s', '2026-03-02 09:08', '1', 'none'],
  ]);
  // Sortable by each column: the header button says how, by aria-sort and an arrow.
  const percentHeader = page.locator('th', { has: page.locator('#sort-percent') });
  assert.equal(await percentHeader.getAttribute('aria-sort'), 'none');
  await page.locator('#sort-percent').click();
  assert.equal(await percentHeader.getAttribute('aria-sort'), 'ascending');
  assert.equal((await table())[0][0], 'Cleo Dubois');
  await page.locator('#sort-percent').click();
  assert.equal(await percentHeader.getAttribute('aria-sort'), 'descending');
  assert.equal((await table())[0][0], 'Ana Costa');
  await page.locator('#sort-time-used').click();
  assert.deepEqual((await table()).map((r) => r[0]), ['Ana Costa', 'Dan Evans', 'Cleo Dubois', 'Ben Diaz']);

  // One question's statistics: Paris for Ana, Ben and Dan, Rome for Cleo.
  const single = page.locator('#item-k-single');
  assert.equal((await single.locator('.i-facility').textContent()).trim(), '75 %');
  assert.equal((await single.locator('.i-discrimination').textContent()).trim(), '33.3 %');
  assert.equal((await single.locator('.i-flags').textContent()).trim(), 'none');
  const counts = await page.locator('#responses-k-single tbody tr').evaluateAll((rows) =>
    rows.map((r) => [r.children[0].textContent.trim(), r.children[1].textContent.trim()]));
  assert.deepEqual(counts, [
    ['Paris ✓ (right answer)', '3'], ['Rome', '1'], ['Madrid', '0'], ['Helsinki', '0'], ['Not answered', '0'],
  ]);
  assert.equal(
    (await page.locator('#item-k-tf .i-flags').textContent()).trim(),
    '⚑ negative discrimination; low discriminative efficiency',
  );
  // The whole test: mean 2 of 3, a histogram with its numbers, reliability and its reading.
  assert.equal((await page.locator('#stat-mean').textContent()).trim(), '2 of 3 (66.7 %)');
  assert.equal(await page.locator('svg#histogram').getAttribute('role'), 'img');
  assert.equal(
    await page.locator('svg#histogram').getAttribute('aria-label'),
    'Scores of 4 results: 1 in 30–40 %, 2 in 60–70 %, 1 in 90–100 %.',
  );
  assert.equal(await page.locator('svg#histogram rect').count(), 10);
  assert.equal(await page.locator('#histogram-data tbody tr').count(), 10);
  assert.match(await page.locator('#reliability').textContent(), /-37.5 %, unsatisfactory/);
  const topics = await page.locator('#topic-mastery tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
  assert.deepEqual(topics, [['Founding', '2 questions', '75 %'], ['Later', '1 question', '50 %']]);

  // The gradebook as CSV.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-gradebook').click()]);
  assert.match(download.suggestedFilename(), /^accord-gradebook-keyboard-check-\d{4}-\d\d-\d\d\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  assert.equal(
    csv,
    'Student,Score,Out of,Percentage,Time used (s),Handed in at,Attempt,Flags\r\n' +
      'Ana Costa,3,3,100,240,2026-03-02 09:04,1,\r\n' +
      'Ben Diaz,2,3,66.7,720,2026-03-02 09:13,1,claims extra time you did not issue; used more time than allowed\r\n' +
      'Cleo Dubois,1,3,33.3,600,2026-03-02 09:12,1,time ran out\r\n' +
      'Dan Evans,2,3,66.7,300,2026-03-02 09:08,1,\r\n',
  );
  const [items] = await Promise.all([page.waitForEvent('download'), page.locator('#export-items').click()]);
  const itemCsv = await readFile(await items.path(), 'utf8');
  assert.match(itemCsv, /^Question,Topic,Max points,Attempts,Answered,Mean points,Facility index \(%\)/);
  assert.match(itemCsv, /\r\nk-single,founding,1,4,4,0.75,75,/);

  // Ben's allowance, issued by pasting his own link: regraded, his flags go.
  await page.locator('#back-to-list').click();
  await page.locator('#link-input').fill(await fixture('ben-link.txt'));
  await page.locator('#add-from-link').click();
  assert.match(await page.locator('#link-message').textContent(), /already on your desk.*Ben Diaz's allowance \(1.5× the time\) was added/);
  await page.locator('#results-kbd-check').click();
  await page.locator('#class-table').waitFor();
  assert.equal((await table())[1][6], 'none');

  // Kept after a reload; and at 320 px the tables scroll, not the page.
  await page.reload();
  await page.locator('#results-kbd-check').click();
  await page.locator('#class-table').waitFor();
  assert.equal((await table()).length, 4);
  await page.setViewportSize({ width: 320, height: 700 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'the page does not scroll sideways at 320 px');
  assert.deepEqual(errors, []);
  await context.close();
});

test('damaged teacher data is kept aside, the page still opens, and a desk file imports back', async () => {
  const { context, page, errors } = await open(ctx, PAGE, UTC);
  await page.locator('#desk-heading').waitFor();
  await page.evaluate(() => localStorage.setItem('accord/teacher/desk', '{"app":"accord-teacher", broken'));
  await page.reload();
  await page.locator('#notices .notice').first().waitFor();
  assert.match(await page.locator('#notices').textContent(), /kept, unchanged, under the key "accord\/teacher\/backup\/\d{13}"/);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('accord/teacher/backup/')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, ['{"app":"accord-teacher", broken']);
  assert.equal(await page.locator('.backup-list li').count(), 1);

  // An export from elsewhere merges in; importing it twice changes nothing.
  await page.locator('#link-input').fill(await fixture('assignment-link.txt'));
  await page.locator('#add-from-link').click();
  await page.locator('#results-kbd-check').click();
  await page.locator('#result-files').setInputFiles([`${FIXTURES}/ana.json`]);
  await page.locator('#intake-report').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-class').click()]);
  const file = await download.path();
  await page.locator('#import-class').setInputFiles(file);
  await page.locator('#export-message', { hasText: 'Imported' }).waitFor();
  assert.match(await page.locator('#export-message').textContent(), /0 results added, 1 already here/);
  assert.equal(await page.locator('#class-table tbody tr').count(), 1);
  // Clearing the class keeps the assignment, after a confirmation.
  page.once('dialog', (d) => d.accept());
  await page.locator('#clear-class').click();
  await page.locator('#class-empty').waitFor();
  await page.locator('#import-class').setInputFiles(file);
  await page.locator('#class-table').waitFor();
  assert.equal(await page.locator('#class-table tbody tr').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs of the teacher page see each other\'s changes, so neither overwrites the other', async () => {
  const { context, page, errors } = await open(ctx, PAGE, UTC);
  const other = await newTab(ctx, context, PAGE);
  await page.locator('#desk-heading').waitFor();
  await other.page.locator('#desk-heading').waitFor();
  await page.locator('#link-input').fill(await fixture('assignment-link.txt'));
  await page.locator('#add-from-link').click();
  // The other tab shows it at once, and results it takes in join those of the first tab.
  await other.page.locator('#results-kbd-check').click();
  await page.locator('#results-kbd-check').click();
  const file = async (name) => ({ name, mimeType: 'application/json', buffer: Buffer.from(await fixture(name)) });
  await page.locator('#result-files').setInputFiles([await file('ana.json')]);
  await page.locator('#class-table').waitFor();
  await other.page.locator('#class-table tbody tr').first().waitFor();
  await other.page.locator('#result-files').setInputFiles([await file('ben.json')]);
  await other.page.locator('#class-table tbody tr:nth-child(2)').waitFor();
  await page.locator('#class-table tbody tr:nth-child(2)').waitFor();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('accord/teacher/class/kbd-check')).results.length);
  assert.equal(stored, 2);
  assert.deepEqual([...errors, ...other.errors], []);
  await context.close();
});
