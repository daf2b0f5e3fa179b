// The teacher page's Questions and Paper areas (issue 11): a teacher drops a GIFT file and a
// CSV, reads each question as students see it beside its problems (file:line:column, the
// validator's own words), downloads the bank as TOML and checks it with the bank command;
// checks the bank the site serves, even a broken one; prints a worksheet and its answer key
// to PDF (A4 and Letter) and reads their text; prints an assignment's draw. And the learner's
// results review prints open, without buttons, within the page.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { harness, open } from './harness.mjs';
import { flat, readPdf } from './pdf.mjs';

const ctx = harness();
const run = promisify(execFile);

async function isFocused(page, id) {
  await page.waitForFunction((id) => document.activeElement?.id === id, id);
}

const text = async (page, selector) => (await page.locator(selector).textContent()).trim();

/** Drop `files` ({ name, type, text }) on the element, as a drag from the desktop does. */
async function drop(page, selector, files) {
  await page.locator(selector).evaluate((zone, files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([f.text], f.name, { type: f.type }));
    const event = (type) => new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true });
    zone.dispatchEvent(event('dragenter'));
    zone.dispatchEvent(event('dragover'));
    zone.dispatchEvent(event('drop'));
  }, files);
}

/** The page printed to PDF (print media, as the print dialog lays it out), read back. */
async function printed(page, options = {}) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ printBackground: false, ...options });
  await page.emulateMedia({ media: 'screen' });
  return readPdf(pdf);
}

// The problems `bank check` lists for tests/interchange/mistakes.gift (tests/interchange_gift.rs
// holds the same list): the page names the file as the browser gives it, without its folder.
const GIFT_PROBLEMS = [
  '3:28: question "open": this { is never closed: end the answers with } (to show a brace in the text, write \\{)',
  '5:47: question "stray": this } closes nothing: answers go between { and } (to show a brace in the text, write \\})',
  '8:32: question "first": a second set of answers { … } in one question: leave a blank line between questions',
  '10:52: question "no-right": no answer is marked right: put = before the right answer, or weights like %50% (adding up to 100%) before each right answer of a multiple answer question',
  '12:42: question "no-marker": the answer "Yeltsin" has no = or ~ before it: start each answer with = (right) or ~ (wrong)',
  '14:40: question "bad-weight": the weight "%half%" is not a percentage between -100 and 100, like %50% or %-25%',
  '16:47: question "bad-number": "3,14" is not a number (write decimals with a point, like 3.14): numerical answers are {#answer}, {#answer:tolerance} or {#min..max}',
  '18:48: question "backwards": the range 1991..1989 runs backwards: write the smaller number first',
  '20:50: question "no-arrow": the pair "PJC 1997" has no ->: write each pair as =left -> right',
  '22:1: the question name opened with :: is not closed: write ::name:: before the question text',
  '24:41: question "nested": a second { before the } that closes the first: close the answers with }, or write \\{ for a brace in the text',
  '26:37: question "twice": `choices` has "Paris" twice; entries must be distinct',
].map((m) => `mistakes.gift:${m}`);

test('a teacher drops a GIFT file and a CSV, sees each question beside its problems, and downloads TOML', async () => {
  const { context, page, errors } = await open(ctx, 'teacher.html?bank=fixtures/kbd/index.toml', { acceptDownloads: true });
  await page.locator('#desk-heading').waitFor();
  await page.locator('#area-questions').click();
  await isFocused(page, 'questions-heading');
  assert.equal(await page.locator('#area-questions').getAttribute('aria-current'), 'page');
  assert.equal(await page.locator('#area-assignments').getAttribute('aria-current'), null);

  // A GIFT file with a mistake in nearly every question, chosen in the file input.
  await page.locator('#bank-files').setInputFiles('tests/interchange/mistakes.gift');
  await isFocused(page, 'check-heading');
  assert.equal(await text(page, '#check-heading'), 'GIFT: mistakes.gift');
  assert.match(await text(page, '#check-summary'), /; 12 problems in all\. Nothing can be downloaded until they are fixed\.$/);
  assert.deepEqual(await page.locator('#problem-list li').allTextContents(), GIFT_PROBLEMS);
  // Each problem beside its question; a question that could not be read is not shown.
  const broken = page.locator('.entry[data-id="open"]');
  assert.deepEqual(await broken.locator('.entry-problems li').allTextContents(), [GIFT_PROBLEMS[0]]);
  assert.match(await broken.locator('.entry-preview').textContent(), /Not shown/);
  assert.deepEqual(await page.locator('.entry[data-id="twice"] .entry-problems li').allTextContents(), [GIFT_PROBLEMS[11]]);
  // The problem that names no question is listed on its own.
  assert.deepEqual(await page.locator('#general-problems li').allTextContents(), [GIFT_PROBLEMS[9]]);
  const fine = page.locator('.entry[data-id="fine"]');
  assert.equal(await text(page, '.entry[data-id="fine"] .sheet-prompt'), 'This question is fine.');
  assert.deepEqual(await fine.locator('.sheet-choices .sheet-text').allTextContents(), ['True', 'False']);
  assert.equal(await text(page, '.entry[data-id="fine"] .entry-problems'), 'No problems.');
  assert.equal(await page.locator('#downloads').count(), 0, 'nothing to download while there are problems');

  // A CSV (Kahoot's spreadsheet), dropped on the drop zone.
  const csv = await readFile('tests/interchange/kahoot.csv', 'utf8');
  await drop(page, '#bank-drop', [{ name: 'kahoot.csv', type: 'text/csv', text: csv }]);
  await page.locator('#check-heading', { hasText: 'CSV: kahoot.csv' }).waitFor();
  assert.equal(await text(page, '#check-summary'), '3 questions, no problems: the bank is ready to use.');
  assert.equal(await page.locator('#problem-list').count(), 0);
  const first = page.locator('.entry[data-id="q-1"]');
  assert.equal(await text(page, '.entry[data-id="q-1"] .sheet-prompt'), 'When was NATO founded?');
  assert.deepEqual(await first.locator('.sheet-choices .sheet-label').allTextContents(), ['A', 'B', 'C', 'D']);
  assert.deepEqual(await first.locator('.sheet-choices .sheet-text').allTextContents(), ['1945', '1949', '1955', '1961']);
  // The answer, in the preview's letters (the bank's order): 1949 is B.
  assert.equal(await text(page, '.entry[data-id="q-1"] .key-answer'), 'Answer: B — 1949');
  assert.match(await text(page, '#import-changed'), /^kahoot\.csv:8:46: the time limits are not kept/);
  // What each format carries.
  assert.equal(await text(page, '#download-toml-notes'), 'Carries everything in the bank.');
  assert.equal(await text(page, '#download-toml-zip-notes'), 'Carries everything in the bank.');
  assert.ok((await page.locator('#download-gift-notes li').count()) >= 1);

  // One TOML file: a bank the bank command checks.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-toml').click()]);
  assert.equal(download.suggestedFilename(), 'index.toml');
  const toml = await readFile(await download.path(), 'utf8');
  for (const id of ['q-1', 'q-2', 'q-3']) assert.match(toml, new RegExp(`\\[\\[question\\]\\]\\nid = "${id}"`));
  assert.match(await text(page, '#download-message'), /index\.toml was downloaded/);
  const dir = await mkdtemp(join(tmpdir(), 'accord-banktools-'));
  try {
    await writeFile(join(dir, 'index.toml'), toml);
    const { stdout } = await run('cargo', ['run', '--quiet', '--locked', '--bin', 'bank', '--', 'check', dir]);
    assert.match(stdout, /OK, 3 questions in 1 topic/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // The folder, zipped: index.toml and one file per topic, in a folder named after the bank.
  const [zip] = await Promise.all([page.waitForEvent('download'), page.locator('#download-toml-zip').click()]);
  assert.equal(zip.suggestedFilename(), 'kahoot.zip');
  const bytes = await readFile(await zip.path());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
  for (const name of ['kahoot/index.toml', 'kahoot/kahoot.toml']) assert.ok(bytes.includes(name), name);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the bank the site serves is checked the same way, pictures and passages shown, and a broken one too', async () => {
  const { context, page, errors } = await open(ctx, 'teacher.html?bank=fixtures/paper/index.toml');
  await page.locator('#desk-heading').waitFor();
  await page.locator('#area-questions').click();
  await page.locator('#check-hosted').click();
  await isFocused(page, 'check-heading');
  assert.equal(await text(page, '#check-heading'), 'Accord TOML: index.toml');
  assert.equal(await text(page, '#check-summary'), '4 questions, no problems: the bank is ready to use.');
  assert.equal(
    await text(page, '.entry[data-id="p-map"] .sheet-image'),
    'Picture: A map of Germany with a dot on the Rhine (West Germany, 1955)',
  );
  const speech = page.locator('.entry[data-id="p-speech"]');
  assert.equal(await text(page, '.entry[data-id="p-speech"] blockquote'), 'Ich bin ein Berliner.');
  assert.equal(await text(page, '.entry[data-id="p-speech"] figcaption'), '— John F. Kennedy, West Berlin');
  assert.equal(await text(page, '.entry[data-id="p-speech"] .sheet-points'), '(2 points)');
  assert.equal(await text(page, '.entry[data-id="p-speech"] .sheet-instruction'), 'Write your answer (in year) on the line.');
  assert.equal(await speech.locator('.sheet-line').count(), 1);
  assert.deepEqual(await page.locator('.entry[data-id="p-gaps"] .sheet-gap').allTextContents(), ['(1)', '(2)']);
  assert.equal(await text(page, '.entry[data-id="p-gaps"] .sheet-gap-options'), '(2) October · November · December');
  assert.equal(await page.locator('.entry[data-id="p-order"] .sheet-box').count(), 3);
  assert.deepEqual(errors, []);
  await context.close();

  // A broken bank: students get the error page; the teacher still checks it question by question.
  const broken = await open(ctx, 'teacher.html?bank=fixtures/broken/index.toml');
  await broken.page.locator('#error-heading').waitFor();
  await broken.page.locator('#check-hosted').click();
  await isFocused(broken.page, 'check-heading');
  assert.equal(await text(broken.page, '#check-heading'), 'Accord TOML: index.toml and 1 question file');
  assert.deepEqual(await broken.page.locator('.entry[data-id="q1"] .entry-problems li').allTextContents(), [
    'fixtures/broken/questions.toml:7:10: question "q1": answer "Pariss" is not one of the choices',
  ]);
  assert.deepEqual(broken.errors, []);
  await broken.context.close();
});

const EXPLANATIONS = [
  'Bonn was the capital of West Germany.',
  'Kennedy spoke in West Berlin on 26 June 1963.',
  '9 November 1989.',
  '1948, 1961, 1989.',
];
const SOURCES = ['Atlas of the Cold War, p. 12', 'https://example.org/kennedy'];

test('a worksheet and its answer key print to PDF apart: the questions on one, the answers on the other, A4 or Letter', async () => {
  const { context, page, errors } = await open(ctx, 'teacher.html?bank=fixtures/paper/index.toml');
  await page.locator('#desk-heading').waitFor();
  await page.locator('#area-paper').click();
  await isFocused(page, 'paper-heading');
  // No topic ticked: every question, numbered, with the worksheet's letters in the key.
  await page.locator('#worksheet').waitFor();
  assert.equal(await page.locator('#worksheet .sheet-item').count(), 4);
  const labels = await page.locator('#worksheet .sheet-item').first().locator('.sheet-choices li').allTextContents();
  const bonn = labels.find((l) => l.endsWith('Bonn')).split(' ')[0];
  assert.equal(await text(page, '#answer-key .key-item:first-child .key-answer'), `Answer: ${bonn} — Bonn`);

  // The worksheet alone, on A4.
  await page.locator('#paper-part-worksheet').check();
  await page.locator('#paper-size').selectOption('a4');
  const sheet = await printed(page, { preferCSSPageSize: true });
  // A4 is 210 × 297 mm: 595 × 842 points.
  for (const p of sheet) assert.deepEqual([p.width, p.height], [595, 842]);
  const sheetText = flat(sheet);
  for (const expected of [
    'Paper bank', 'Name', '4 questions · 5 points',
    '1. Which city is marked on the map?', 'Berlin', 'Bonn', 'Leipzig',
    'Picture: A map of Germany with a dot on the Rhine (West Germany, 1955)',
    'Ich bin ein Berliner.', 'In which year was this said? (2 points)', 'year',
    'The Wall fell in', '(2) October · November · December',
    'Put these in order: write 1 to 3 in the boxes, 1 for the first.', 'The Wall is built',
  ]) assert.ok(sheetText.includes(expected), `the worksheet shows "${expected}"`);
  for (const hidden of [...EXPLANATIONS, ...SOURCES, 'Answer key', 'Answer:', 'Why:', 'anything from']) {
    assert.ok(!sheetText.includes(hidden), `the worksheet does not show "${hidden}"`);
  }
  for (const control of ['Which questions', 'Paper size', 'Print…', 'Assignments', 'for teachers']) {
    assert.ok(!sheetText.includes(control), `no "${control}" on paper`);
  }

  // The key alone, on Letter.
  await page.locator('#paper-part-key').check();
  await page.locator('#paper-size').selectOption('letter');
  const key = await printed(page, { preferCSSPageSize: true });
  // US Letter is 8.5 × 11 in: 612 × 792 points.
  for (const p of key) assert.deepEqual([p.width, p.height], [612, 792]);
  const keyText = flat(key);
  for (const expected of [
    'Answer key: Paper bank', `Answer: ${bonn} — Bonn`, ...EXPLANATIONS, ...SOURCES,
    '1963 year', 'anything from 1962 to 1964', '(1) 1989 · (2) November',
  ]) assert.ok(keyText.includes(expected), `the key shows "${expected}"`);
  assert.ok(!keyText.includes('Circle the letter'), 'the key is not the worksheet');

  // Both: the key starts a page of its own.
  await page.locator('#paper-part-both').check();
  const both = await printed(page, { preferCSSPageSize: true });
  const keyStart = both.findIndex((p) => p.text.includes('Answer key'));
  assert.ok(keyStart >= 1, 'the key is not on the first page');
  assert.match(both[keyStart].text.trimStart(), /^Answer key: Paper bank/);
  assert.ok(both.slice(0, keyStart).every((p) => !EXPLANATIONS.some((e) => p.text.replace(/\s+/g, ' ').includes(e))));

  // A choice of one topic: its questions only, renumbered.
  await page.locator('#paper-topic-0').check();
  assert.equal(await page.locator('#worksheet .sheet-item').count(), 1);
  assert.equal(await text(page, '#worksheet-title'), 'Paper bank: Maps');
  assert.deepEqual(errors, []);
  await context.close();
});

test("paper for an assignment prints the assignment's own draw, and says so when it is drawn per student", async () => {
  const { context, page, errors } = await open(ctx, 'teacher.html?bank=fixtures/kbd/index.toml');
  await page.locator('#desk-heading').waitFor();
  await page.locator('#link-input').fill(await readFile('tests/e2e/fixtures/results/assignment-link.txt', 'utf8'));
  await page.locator('#add-from-link').click();
  await page.locator('#results-kbd-check').waitFor();

  await page.locator('#area-paper').click();
  await page.locator('#paper-from-assignment').check();
  await page.locator('#paper-assignment').selectOption('kbd-check');
  await page.locator('#worksheet-title', { hasText: 'Keyboard check' }).waitFor();
  assert.equal(await text(page, '#worksheet .instructions'), 'Answer all three questions.');
  const prompts = await page.locator('#worksheet .sheet-prompt > span:nth-child(2)').allTextContents();
  assert.deepEqual([...prompts].sort(), [
    'The Founding Act is a treaty ratified by parliaments.',
    'Where was the NATO–Russia Founding Act signed?',
    'Which states joined NATO on 12 March 1999?',
  ]);
  assert.equal(await page.locator('#paper-notes').count(), 0);

  // An assignment drawn per student.
  await page.locator('#area-assignments').click();
  await page.locator('#new-assignment').click();
  await page.locator('#a-title').fill('Each their own');
  await page.locator('#order-per-student').check();
  await page.locator('#save-assignment').click();
  await isFocused(page, 'share-heading');
  await page.locator('#area-paper').click();
  await page.locator('#paper-from-assignment').check();
  await page.locator('#paper-assignment').selectOption({ label: 'Each their own' });
  await page.locator('#paper-notes').waitFor();
  assert.match(await text(page, '#paper-notes'), /Paper uses the assignment's own seed draw instead/);
  assert.equal(await page.locator('#worksheet .sheet-item').count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the learner's results review prints open, without buttons, within the page's width", async () => {
  const { context, page, errors } = await open(ctx, '?bank=fixtures/kbd/index.toml&seed=print', { viewport: { width: 360, height: 800 } });
  await page.locator('#start-button').click();
  for (let n = 0; n < 3; n++) {
    await page.locator('#question-heading').waitFor();
    await page.locator('.card label.option').first().click();
    await page.locator('#check-button').click();
    await page.locator('#next-button').click();
  }
  await page.locator('#results-heading').waitFor();
  await page.emulateMedia({ media: 'print' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `nothing runs off the side (${overflow} px)`);
  const pages = await printed(page);
  const all = flat(pages);
  // The explanations are in folded <details> on screen; on paper they are open.
  for (const explanation of ['Paris, 27 May 1997.', 'It is a political act, not a ratified treaty.']) {
    assert.ok(all.includes(explanation), `the review prints "${explanation}"`);
  }
  assert.ok(all.includes('Review of 3 questions'));
  for (const button of ['Try the same quiz again', 'New quiz', 'Copy']) {
    assert.ok(!all.includes(button), `no "${button}" button on paper`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
