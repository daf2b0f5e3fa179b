// Sealed exams in the browser: a teacher seals an assignment with a passphrase (the real
// 600,000 PBKDF2 iterations, timed); a student takes it in another browser context while every
// response body the page receives, its localStorage and its DOM are searched at each step for
// every answer, explanation, source, typed answer, correct order and matching pair (none is
// found); the teacher opens the class with the passphrase (a wrong one is refused in words, a
// tampered file too), sees the score an unsealed exam would get, and releases the key; the
// student then sees the review and their answers reach the progress log.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';

const ctx = harness();
const TEACHER = 'teacher.html?bank=fixtures/sealed/index.toml';
const PASSPHRASE = 'violet otter lamp harbour';

// What tests/e2e/fixtures/sealed/index.toml keeps secret: every explanation and source, every
// typed answer and accepted spelling (the student types none of them), the correct order of
// the ordering items and each matching pair. (The choice questions' answers are choices, which
// students see anyway; which one is right is in no text to search, and the grading shows it.)
const SECRETS = [
  'Wawel Castle stands on its left bank.',
  'The Neva ends at Saint Petersburg, the Daugava at Riga.',
  'Elbrus, in the Caucasus, is about 840 metres higher.',
  'That is 1,642 metres: no lake on Earth is deeper.',
  'It stands in the High Tatras of Slovakia.',
  'About 3,530, 2,850, 2,200, 1,870, 1,809 and 1,805 kilometres.',
  'The highest point of each range, bar Rysy.',
  'Its source is marked by a stone at Thames Head.',
  'https://example.org/sealed/vistula',
  'https://example.org/sealed/baltic',
  '1.642',
  'Gerlachovský štít',
  'Gerlach Peak',
  'Gerlachovsky stit',
  'Thames',
];
const ORDER = ['Volga', 'Danube', 'Dnieper', 'Don', 'Pechora', 'Kama'];
const PAIRS = [['Aconcagua', 'Andes'], ['Denali', 'Alaska Range'], ['Narodnaya', 'Urals'], ['Rysy', 'Tatras']];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A correct order or pair written out in a text: its entries in that order, a few characters
// of punctuation apart (as in a JSON list or a list of labels).
const SEQUENCES = [
  new RegExp(ORDER.map(escape).join('\\W{1,8}')),
  ...PAIRS.map(([l, r]) => new RegExp(`${escape(l)}\\W{1,8}${escape(r)}`)),
];

/** Every secret found in `text`, with where it was found. */
function leaks(text, where) {
  const found = SECRETS.filter((s) => text.includes(s)).map((s) => `${where}: ${s}`);
  for (const re of SEQUENCES) if (re.test(text)) found.push(`${where}: ${re}`);
  return found;
}

/** The student's page searched: its DOM (markup and every field's value), localStorage and
 * sessionStorage. */
async function pageLeaks(page, step) {
  const { html, values, storage, session } = await page.evaluate(() => {
    const dump = (s) => Object.keys(s).map((k) => `${k}\n${s.getItem(k)}`).join('\n');
    return {
      html: document.documentElement.outerHTML,
      values: [...document.querySelectorAll('input, textarea, select')].map((e) => e.value).join('\n'),
      storage: dump(localStorage),
      session: dump(sessionStorage),
    };
  });
  return [
    ...leaks(html, `DOM at ${step}`),
    ...leaks(values, `fields at ${step}`),
    ...leaks(storage, `localStorage at ${step}`),
    ...leaks(session, `sessionStorage at ${step}`),
  ];
}

test('the search for the key finds every secret where it is in the clear', async () => {
  // Without this, a search that matched nothing (a typo in a secret, a pattern too strict)
  // would pass the test below whatever the student received.
  const source = await readFile(new URL('./fixtures/sealed/index.toml', import.meta.url), 'utf8');
  assert.equal(leaks(source, 'the plain bank').length, SECRETS.length + SEQUENCES.length);
  // The correct order and pairs as JSON lists, as an unsealed bundle would hold them.
  const json = JSON.stringify({ items: ORDER, pairs: PAIRS });
  assert.equal(leaks(json, 'a JSON list').length, SEQUENCES.length);
  // The neutral order the student's page shows is none of them.
  const neutral = JSON.stringify({ items: [...ORDER].sort(), lefts: PAIRS.map((p) => p[0]).sort(), rights: PAIRS.map((p) => p[1]).sort() });
  assert.deepEqual(leaks(neutral, 'the neutral order'), []);
});

/** The ordering items and matching choices on screen carry only neutral (alphabetical) keys. */
async function neutralKeys(page) {
  return page.evaluate(([order, pairs]) => {
    const out = [];
    const sortedItems = [...order].sort();
    for (const li of document.querySelectorAll('.ordering li')) {
      const text = li.querySelector('.text').textContent;
      if (li.id !== `order-${sortedItems.indexOf(text)}`) out.push(`${li.id} is ${text}`);
    }
    const sortedRights = pairs.map((p) => p[1]).sort();
    for (const option of document.querySelectorAll('.matching option')) {
      if (option.value !== '' && option.value !== String(sortedRights.indexOf(option.textContent))) {
        out.push(`option ${option.value} is ${option.textContent}`);
      }
    }
    return out;
  }, [ORDER, PAIRS]);
}

/** Serve `text` as every sealed file this context fetches. */
async function serveSealed(context, text) {
  await context.route(/\/questions\/sealed-[^/]*\.json$/, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: text }));
}

/** Create an assignment of the whole sealed fixture bank on the teacher's page. */
async function newAssignment(page, title) {
  await page.locator('#desk-heading').waitFor();
  await page.locator('#new-assignment').click();
  await page.locator('#a-title').fill(title);
  await page.locator('#a-count').fill('8');
  await page.locator('#save-assignment').click();
  await page.locator('#share-heading').waitFor();
}

/** Seal the assignment on screen; the sealed file's text and the seconds the sealing took. */
async function sealIt(page) {
  await page.locator('#seal-passphrase').fill(PASSPHRASE);
  await page.locator('#seal-passphrase-again').fill(PASSPHRASE);
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.locator('#seal-button').click(),
  ]);
  const seconds = (Date.now() - started) / 1000;
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8'), seconds };
}

test('a sealed exam reaches the student without its key, is graded with the passphrase and reviewed after release', async (t) => {
  // The teacher seals an assignment.
  const teacher = await open(ctx, TEACHER);
  const tp = teacher.page;
  await newAssignment(tp, 'Rivers and peaks');
  assert.match(await tp.locator('#seal-warning').textContent(), /A lost passphrase cannot be recovered/);
  await tp.locator('#seal-passphrase').fill('short');
  assert.match(await tp.locator('#seal-strength').textContent(), /Too short/);
  await tp.locator('#seal-passphrase-again').fill('short');
  await tp.locator('#seal-button').click();
  assert.match(await tp.locator('#seal-error').textContent(), /too short/);
  await tp.locator('#seal-passphrase').fill(PASSPHRASE);
  assert.match(await tp.locator('#seal-strength').textContent(), /Strong/);
  await tp.locator('#seal-passphrase-again').fill('violet otter lamp harbor');
  await tp.locator('#seal-button').click();
  assert.match(await tp.locator('#seal-error').textContent(), /differ/);
  const sealedFile = await sealIt(tp);
  t.diagnostic(`sealing (600,000 PBKDF2-HMAC-SHA256 iterations in the teacher's wasm, then AES-256-GCM): ${sealedFile.seconds.toFixed(1)} s`);
  assert.match(sealedFile.name, /^sealed-rivers-and-peaks-[0-9a-z]{8}\.json$/);
  const file = JSON.parse(sealedFile.text);
  assert.equal(file.format, 'accord-sealed-bank');
  assert.deepEqual(file.kdf.algorithm, 'pbkdf2-hmac-sha256');
  assert.equal(file.kdf.iterations, 600000, 'the real minimum, not a test value');
  assert.equal(file.questions.length, 8);
  await tp.locator('#sealed-heading').waitFor();
  assert.equal(await tp.locator('#sealed-path').textContent(), `questions/${sealedFile.name}`);
  assert.equal(await tp.locator('#seal-panel').count(), 0);
  const link = await tp.locator('#student-link').inputValue();
  assert.ok(link.startsWith(`${ctx.base}exam.html?a=1.`), link);
  assert.equal(new URL(link).searchParams.get('bank'), null);
  assert.deepEqual(leaks(sealedFile.text, 'the sealed file'), []);

  // The student, in a browser of their own, with the sealed file beside the site.
  const student = await open(ctx, 'index.html?bank=fixtures/kbd/index.toml', { serviceWorkers: 'block' });
  const sp = student.page;
  await serveSealed(student.context, sealedFile.text);
  const bodies = [];
  sp.on('response', async (response) => {
    try {
      bodies.push({ url: response.url(), body: (await response.body()).toString('latin1') + '\n' + (await response.body()).toString('utf8') });
    } catch {
      /* a redirect or an aborted request has no body */
    }
  });
  const found = [];
  const check = async (step) => {
    found.push(...(await pageLeaks(sp, step)));
    found.push(...(await neutralKeys(sp)).map((n) => `${step}: ${n}`));
  };
  await sp.goto(link);
  await sp.locator('#assignment-heading', { hasText: 'Rivers and peaks' }).waitFor();
  assert.match(await sp.locator('#sealed-note').textContent(), /This exam is sealed/);
  assert.doesNotMatch(await sp.locator('#conditions').textContent(), /After you hand in/);
  await check('the assignment screen');
  await sp.locator('#student-name').fill('Ana Costa');
  await sp.locator('#start-assignment').click();
  await sp.locator('#question-heading').waitFor();

  // Answer by the question on screen: three right, the numeric and typed ones wrong, the
  // ordering and matching left unanswered, the cloze half right.
  for (let n = 0; n < 8; n++) {
    const prompt = (await sp.locator('#question-heading').textContent()).trim();
    await check(`question ${n + 1}`);
    const choose = (text) => sp.locator('label.option', { hasText: text }).locator('input').check();
    if (prompt.startsWith('Which river flows through')) await choose('Vistula');
    else if (prompt.startsWith('Which of these flow')) {
      await choose('Neva');
      await choose('Daugava');
    } else if (prompt.startsWith('Mont Blanc')) await choose('False');
    else if (prompt.startsWith('How deep')) await sp.locator('#answer-input').fill('2');
    else if (prompt.startsWith('Name the highest')) await sp.locator('#answer-input').fill('Rysy');
    else if (prompt.startsWith('Complete the sentence')) {
      await sp.locator('input.blank').fill('Severn');
      await sp.locator('select.blank').selectOption('Kemble');
    } else {
      // Ordering and matching: skip (the last question cannot be skipped: it is left as is).
      if (n < 7) await sp.locator('#skip-button').click();
      continue;
    }
    await sp.locator('#check-button').click();
    await sp.waitForFunction((p) => document.querySelector('#question-heading')?.textContent.trim() !== p || document.querySelector('#check-button')?.textContent === 'Save answer', prompt);
    await sp.waitForTimeout(50);
  }
  await check('the last question');
  // No feedback and no score anywhere while the exam runs.
  assert.equal(await sp.locator('#feedback').count(), 0);
  assert.equal(await sp.locator('#score').count(), 0);
  await sp.locator('#hand-in-button').click();
  await sp.locator('#confirm-hand-in').click();
  await sp.locator('#results-heading', { hasText: 'Handed in' }).waitFor();
  assert.equal(await sp.locator('#score').count(), 0, 'no score for a sealed exam');
  assert.match(await sp.locator('#sealed-handed-in').textContent(), /no score here/);
  await check('the hand-in');
  const [resultDownload] = await Promise.all([sp.waitForEvent('download'), sp.locator('#download-result').click()]);
  const record = JSON.parse(await readFile(await resultDownload.path(), 'utf8'));
  assert.equal(record.run.assignment.sealed, true);
  assert.equal(record.items.length, 8);
  assert.ok(record.items.every((i) => i.credit === undefined), 'no credits in a sealed result');
  assert.equal(record.items.filter((i) => i.response).length, 6);
  const code = await sp.locator('#result-code').inputValue();
  await check('the result code');
  for (const { url, body } of bodies) found.push(...leaks(body, url));
  assert.ok(bodies.some((b) => b.url.includes('/questions/sealed-')), 'the sealed file was fetched');
  assert.ok(bodies.some((b) => /exam-[0-9a-f]+_bg\.wasm$/.test(b.url)), "the exam page's wasm was fetched");
  assert.deepEqual(found, [], 'nothing of the key reached the student');

  // The teacher, after a reload (the key is never saved), opens the class with the passphrase.
  await tp.reload();
  await tp.locator('#desk-heading').waitFor();
  const id = record.run.assignment.id;
  await tp.locator(`#results-${id}`).click();
  await tp.locator('#open-sealed').waitFor();
  // The sealed file is not on this test site: it is chosen instead.
  await tp.locator('#sealed-file-status.field-error').waitFor();
  await tp.locator('#choose-sealed').setInputFiles({ name: sealedFile.name, mimeType: 'application/json', buffer: Buffer.from(sealedFile.text) });
  await tp.locator('#sealed-file-status', { hasText: '8 questions' }).waitFor();
  await tp.locator('#open-passphrase').fill('violet otter lamp harbor');
  await tp.locator('#open-sealed-button').click();
  await tp.locator('#open-error', { hasText: 'Wrong passphrase' }).waitFor({ timeout: 120_000 });
  assert.match(await tp.locator('#open-error').textContent(), /^Wrong passphrase: this passphrase \(or release code\) does not open this sealed exam; check it and try again\.$/);
  await tp.locator('#open-passphrase').fill(PASSPHRASE);
  const opening = Date.now();
  await tp.locator('#open-sealed-button').click();
  await tp.locator('#result-codes').waitFor({ timeout: 120_000 });
  t.diagnostic(`opening (600,000 iterations, then AES-256-GCM and the validator): ${((Date.now() - opening) / 1000).toFixed(1)} s`);
  await tp.locator('#result-codes').fill(code);
  await tp.locator('#add-codes').click();
  await tp.locator('#class-table').waitFor();
  const row = await tp.locator('#class-table tbody tr').first().evaluate((r) => [...r.children].map((c) => c.textContent.trim()));
  // Vistula, Neva and Daugava, False: 3 points; the cloze's second blank of two: 0.5.
  assert.deepEqual(row.slice(0, 3), ['Ana Costa', '3.5 / 8', '44 %']);
  assert.equal(row[6], 'none', 'no flags: the fingerprints agree');
  assert.equal((await tp.locator('#item-s-single .i-facility').textContent()).trim(), '100 %');
  const counts = await tp.locator('#responses-s-single tbody tr').evaluateAll((rows) =>
    rows.map((r) => [r.children[0].textContent.trim(), r.children[1].textContent.trim()]));
  assert.deepEqual(counts.find((c) => c[0].startsWith('Vistula')), ['Vistula ✓ (right answer)', '1']);

  // Release: the student's page shows the review with the answers, and logs them.
  await tp.locator('#show-release').click();
  const release = await tp.locator('#release-link').inputValue();
  assert.ok(release.startsWith(`${ctx.base}exam.html?a=1.`) && /&release=[A-Za-z0-9_-]{43}$/.test(release), release);
  const logged = /sealed-demo@questions\/sealed-rivers-and-peaks-/;
  const before = await sp.evaluate(() => Object.entries(localStorage).map(([k, v]) => `${k}\n${v}`).join('\n'));
  assert.doesNotMatch(before, logged, 'nothing in the progress before the release');
  await sp.goto(release);
  await sp.locator('#results-heading', { hasText: 'Your review' }).waitFor();
  assert.match(await sp.locator('#score').textContent(), /44 %/);
  assert.equal((await sp.locator('#tally').textContent()).trim(), '3 right · 1 partly right · 2 wrong · 2 not answered');
  assert.equal(await sp.locator('.review-item').count(), 8);
  assert.match(await sp.locator('.review').textContent(), /Wawel Castle stands on its left bank\./);
  assert.match(await sp.locator('.review').textContent(), /Gerlachovský štít/);
  const after = await sp.evaluate(() => Object.entries(localStorage).map(([k, v]) => `${k}\n${v}`).join('\n'));
  assert.match(after, logged, 'the review went into the progress');
  // The code stays on this device: the review opens again without the link.
  await sp.goto(link);
  await sp.locator('#results-heading', { hasText: 'Your review' }).waitFor();
  await sp.locator('#new-quiz-button').click();
  assert.match(await sp.locator('#exam-over').textContent(), /released the answers/);

  assert.deepEqual(teacher.errors, []);
  assert.deepEqual(student.errors, []);
  await teacher.context.close();
  await student.context.close();
});

test('a tampered sealed file is refused, and a pasted release code opens the review', async () => {
  const teacher = await open(ctx, TEACHER);
  const tp = teacher.page;
  await newAssignment(tp, 'Tamper test');
  const sealedFile = await sealIt(tp);
  const link = await tp.locator('#student-link').inputValue();
  const file = JSON.parse(sealedFile.text);

  // A public part changed into the correct order is refused by the student's page.
  const reordered = structuredClone(file);
  const order = reordered.questions.find((q) => q.id === 's-order');
  order.shape.items = [...ORDER];
  const bad = await open(ctx, 'index.html?bank=fixtures/kbd/index.toml', { serviceWorkers: 'block' });
  await serveSealed(bad.context, JSON.stringify(reordered));
  await bad.page.goto(link);
  await bad.page.locator('#error-heading').waitFor();
  assert.match(await bad.page.locator('.problems').textContent(), /not in the neutral \(sorted\) order/);
  await bad.context.close();

  // A sealed part changed by one byte is refused by the teacher's page, by name.
  const flipped = structuredClone(file);
  const q = flipped.questions.find((x) => x.id === 's-text');
  const bytes = Buffer.from(q.sealed.ciphertext, 'base64');
  bytes[5] ^= 1;
  q.sealed.ciphertext = bytes.toString('base64');
  await tp.reload();
  await tp.locator('#desk-heading').waitFor();
  const id = JSON.parse(Buffer.from(new URL(link).searchParams.get('a').split('.')[1], 'base64url')).id;
  await tp.locator(`#results-${id}`).click();
  await tp.locator('#choose-sealed').setInputFiles({ name: sealedFile.name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(flipped)) });
  await tp.locator('#sealed-file-status', { hasText: '8 questions' }).waitFor();
  await tp.locator('#open-passphrase').fill(PASSPHRASE);
  await tp.locator('#open-sealed-button').click();
  await tp.locator('#open-error', { hasText: 'changed after sealing' }).waitFor({ timeout: 120_000 });
  assert.match(await tp.locator('#open-error').textContent(), /^Question "s-text" was changed after sealing/);

  // The untouched file opens; a student hands in nothing but pastes the release code.
  await tp.locator('#choose-sealed').setInputFiles({ name: sealedFile.name, mimeType: 'application/json', buffer: Buffer.from(sealedFile.text) });
  await tp.locator('#open-passphrase').fill(PASSPHRASE);
  await tp.locator('#open-sealed-button').click();
  await tp.locator('#show-release').click({ timeout: 120_000 });
  const releaseCode = await tp.locator('#release-code').inputValue();

  const student = await open(ctx, 'index.html?bank=fixtures/kbd/index.toml', { serviceWorkers: 'block' });
  const sp = student.page;
  await serveSealed(student.context, sealedFile.text);
  // The quiz page sends a sealed assignment to the exam's own page.
  await sp.goto(link.replace('/exam.html', '/index.html'));
  await sp.waitForURL(/\/exam\.html\?a=/);
  await sp.locator('#student-name').fill('Ben Diaz');
  await sp.locator('#start-assignment').click();
  await sp.locator('#question-heading').waitFor();
  await sp.locator('#hand-in-button').click();
  await sp.locator('#confirm-hand-in').click();
  await sp.locator('#results-heading', { hasText: 'Handed in' }).waitFor();
  await sp.locator('#new-quiz-button').click();
  await sp.locator('#release-code').fill('not a code');
  await sp.locator('#release-button').click();
  assert.match(await sp.locator('#release-problem').textContent(), /does not open this exam: that is not a release code/);
  await sp.locator('#release-code').fill(releaseCode);
  await sp.locator('#release-button').click();
  await sp.locator('#results-heading', { hasText: 'Your review' }).waitFor();
  assert.match(await sp.locator('#score').textContent(), /^0 %/);
  assert.match(await sp.locator('#tally').textContent(), /8 not answered/);
  assert.deepEqual(teacher.errors, []);
  assert.deepEqual(student.errors, []);
  await teacher.context.close();
  await student.context.close();
});
