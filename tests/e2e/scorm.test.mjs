// SCORM packages against a real SCORM run-time: the teacher's page downloads an assignment as
// SCORM 1.2 and 2004 packages; each is unzipped and served beside a test LMS page that puts
// scorm-again's API (the LMS side of both versions, from npm) on the parent window of the
// iframe the package runs in. A student takes the quiz; the tests read what the LMS received
// (score, status, session time, each interaction), close the course, reload the LMS page on a
// device that forgot everything, and resume from the suspend data alone.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { serve } from '../../scripts/static-server.mjs';
import { harness, open, watch } from './harness.mjs';
import { unzip } from './zip.mjs';

const ctx = harness();
const lms = { server: null, base: '', dir: '' };

before(async () => {
  lms.dir = await mkdtemp(join(tmpdir(), 'accord-scorm-'));
  // Another origin than the site's: the packages live on the LMS, beside its page.
  lms.server = await serve({
    mounts: {
      '/lms/': 'tests/e2e/fixtures/scorm',
      '/lms/vendor/': 'node_modules/scorm-again/dist',
      '/lms/packages/': lms.dir,
    },
  });
  lms.base = `http://127.0.0.1:${lms.server.address().port}/lms/`;
});

after(async () => {
  lms.server?.closeAllConnections?.();
  lms.server?.close();
  if (lms.dir) await rm(lms.dir, { recursive: true, force: true });
});

// The assignments the tests package: a practice on the three-question bank, and an exam on
// the bank of every question type. Both pass at 70 %.
const KBD = { bank: 'fixtures/kbd/index.toml', title: 'Founding practice', count: 3, exam: false };
const TYPES = { bank: 'fixtures/types/index.toml', title: 'Every type exam', count: 9, exam: true };

/** Make `plan`'s assignment on the teacher's page and download both packages of it. */
async function teacherPackages(plan) {
  const { context, page, errors } = await open(ctx, `teacher.html?bank=${plan.bank}`);
  await page.locator('#new-assignment').click();
  await page.locator('#a-title').fill(plan.title);
  await page.locator('#a-count').fill(String(plan.count));
  if (plan.exam) await page.locator('#mode-exam').check();
  await page.locator('#a-pass-mark').fill('70');
  await page.locator('#save-assignment').click();
  await page.locator('#share-heading').waitFor();
  const packages = {};
  for (const [version, button] of [['1.2', '#scorm-12'], ['2004', '#scorm-2004']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
    const zip = await readFile(await download.path());
    const name = download.suggestedFilename();
    const folder = name.replace(/\.zip$/, '');
    const entries = unzip(zip);
    for (const { name: path, data } of entries) {
      await mkdir(dirname(join(lms.dir, folder, path)), { recursive: true });
      await writeFile(join(lms.dir, folder, path), data);
    }
    const manifest = entries.find((e) => e.name === 'imsmanifest.xml').data.toString('utf8');
    packages[version] = { name, folder, entries, manifest, read: await readManifest(page, manifest) };
  }
  assert.match(await page.locator('#scorm-status').textContent(), /downloaded/);
  assert.deepEqual(errors, []);
  await context.close();
  return packages;
}

/** The manifest as the browser's XML parser reads it. */
function readManifest(page, xml) {
  return page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const text = (name) => doc.getElementsByTagName(name)[0]?.textContent ?? null;
    const resource = doc.getElementsByTagName('resource')[0];
    return {
      error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
      root: doc.documentElement.namespaceURI,
      schemaversion: text('schemaversion'),
      title: text('title'),
      href: resource?.getAttribute('href') ?? null,
      scormType: resource?.getAttribute('adlcp:scormtype') ?? resource?.getAttribute('adlcp:scormType') ?? null,
      files: [...doc.getElementsByTagName('file')].map((f) => f.getAttribute('href')),
      masteryscore: text('adlcp:masteryscore'),
      minNormalizedMeasure: text('imsss:minNormalizedMeasure'),
    };
  }, xml);
}

const made = new Map();
/** The packages of `plan`, made once for the whole file. */
function packagesOf(plan) {
  if (!made.has(plan)) made.set(plan, teacherPackages(plan));
  return made.get(plan);
}

test('the teacher page downloads SCORM 1.2 and 2004 packages whose manifests are well-formed and name every file', async () => {
  for (const plan of [KBD, TYPES]) {
    const packages = await packagesOf(plan);
    for (const [version, p] of Object.entries(packages)) {
      const { read, entries } = p;
      assert.equal(read.error, null, `${p.name}: the manifest parses`);
      assert.equal(entries[0].name, 'imsmanifest.xml', 'the manifest comes first');
      const names = entries.map((e) => e.name).filter((n) => n !== 'imsmanifest.xml');
      // Every file of the zip is named by the manifest, and the manifest names nothing else.
      assert.deepEqual([...read.files].map(decodeURIComponent).sort(), [...names].sort(), p.name);
      assert.equal(new Set(names).size, names.length);
      for (const { name, data } of entries) assert.ok(data.length > 0, `${name} is not empty`);
      // The launch page, its wasm, the boot script and the bank travel; the teacher's page and
      // the learner's own page do not.
      assert.ok(names.includes('scorm.html'));
      assert.ok(names.some((n) => /^scorm-[0-9a-f]{12,16}_bg\.wasm$/.test(n)), 'the SCORM page wasm');
      assert.ok(names.some((n) => /^reader-[0-9a-f]{12,16}_bg\.wasm$/.test(n)), 'the bank reader');
      assert.ok(names.includes(plan.bank), `the bank ${plan.bank}`);
      assert.ok(!names.includes('teacher.html') && !names.includes('index.html') && !names.includes('sw.js'));
      assert.ok(!names.some((n) => /^teacher-/.test(n)));
      assert.match(read.href, new RegExp(`^scorm\\.html\\?scorm=${version.replace('.', '\\.')}&a=1\\.`));
      assert.equal(read.scormType, 'sco');
      assert.equal(read.title, plan.title);
      if (version === '1.2') {
        assert.equal(read.root, 'http://www.imsproject.org/xsd/imscp_rootv1p1p2');
        assert.equal(read.schemaversion, '1.2');
        assert.equal(read.masteryscore, '70');
      } else {
        assert.equal(read.root, 'http://www.imsglobal.org/xsd/imscp_v1p1');
        assert.equal(read.schemaversion, '2004 4th Edition');
        assert.equal(read.minNormalizedMeasure, '0.7');
      }
    }
  }
  // The types bank's files: its manifest and the one file it lists.
  const types = (await packagesOf(TYPES))['2004'].entries.map((e) => e.name);
  assert.ok(types.includes('fixtures/types/one.toml'));
});

/** A fresh browser (its own storage) on the test LMS page for `version`. */
async function lmsPage(version) {
  const context = await ctx.browser.newContext({ viewport: { width: 1000, height: 1000 }, timezoneId: 'UTC' });
  const page = await context.newPage();
  const errors = [];
  watch(page, errors);
  await page.goto(`${lms.base}host.html?version=${version}`);
  return { context, page, errors };
}

/** Launch `pkg` in the LMS page with what the LMS kept (`initial`). */
async function launch(page, pkg, initial) {
  await page.evaluate(([href, initial]) => window.launch(href, initial), [`packages/${pkg.folder}/${pkg.read.href}`, initial]);
  return page.frameLocator('#sco');
}

const log = (page) => page.evaluate(() => window.lms);
const cmi = (page) => page.evaluate(() => window.cmi());

/** How to answer each question of the two banks, by prompt, with mouse and keyboard. */
const option = (sco, text) => sco.locator('.card label.option, .card label.part').filter({ hasText: text }).click();
const ANSWERS = {
  // The three-question bank: the first wrong, the others right.
  'Where was the NATO–Russia Founding Act signed?': (sco) => option(sco, 'Rome'),
  'The Founding Act is a treaty ratified by parliaments.': (sco) => option(sco, 'False'),
  'Which states joined NATO on 12 March 1999?': async (sco) => {
    for (const c of ['Czech Republic', 'Hungary', 'Poland']) await option(sco, c);
  },
  // The bank of every type, answered as tests/lms.rs's golden responses are.
  'Where was the Founding Act signed?': (sco) => option(sco, 'Rome'),
  'Which joined in 1999?': async (sco) => {
    for (const c of ['Czech Republic', 'Hungary']) await option(sco, c);
  },
  'The Founding Act is a ratified treaty.': (sco) => option(sco, 'False'),
  'Earliest first.': async (sco) => {
    const order = ['PfP', 'NACC', 'Founding Act', 'NRC'];
    for (let target = 0; target < order.length; target++) {
      const items = await sco.locator('.ordering li .text').allTextContents();
      for (let k = items.indexOf(order[target]); k > target; k--) {
        await sco.getByRole('button', { name: `Move “${order[target]}” up` }).click();
      }
    }
    assert.deepEqual(await sco.locator('.ordering li .text').allTextContents(), order);
  },
  'Match body and year.': async (sco) => {
    for (const [i, year] of ['1991', '1997', '2002'].entries()) await sco.locator(`#match-${i}`).selectOption({ label: year });
  },
  'Year Finland joined?': (sco) => sco.locator('#answer-input').fill('2023'),
  'Russian negotiator?': (sco) => sco.locator('#answer-input').fill('primakof'),
  'Complete.': async (sco) => {
    await sco.locator('input.blank').fill('Paris');
    await sco.locator('select.blank').selectOption({ label: '1991' });
  },
  'Which part is wrong?': (sco) => option(sco, 'then the Soviet Union,'),
};

const heading = async (sco) => (await sco.locator('#question-heading').textContent()).trim();

/** Answer the question on screen and check (or, in an exam, save) the answer. */
async function answer(sco) {
  await sco.locator('#question-heading').waitFor();
  const prompt = await heading(sco);
  assert.ok(ANSWERS[prompt], `no plan for "${prompt}"`);
  await ANSWERS[prompt](sco);
  await sco.locator('#check-button').click();
  return prompt;
}

/** Wait until the LMS has had `n` commits. */
const commits = (page, n) => page.waitForFunction((n) => window.lms.commits >= n, n);

/** The interactions the LMS holds, as a list, each with its correct patterns as a list. */
function interactions(data) {
  const list = data.interactions?.childArray ?? Object.values(data.interactions ?? {});
  return list.map((i) => ({
    ...i,
    patterns: (i.correct_responses?.childArray ?? Object.values(i.correct_responses ?? {})).map((c) => c.pattern),
  }));
}

test('inside a SCORM 1.2 LMS a practice assignment reports each answer, resumes from the suspend data and reports the result', async () => {
  const pkg = (await packagesOf(KBD))['1.2'];
  const { context, page, errors } = await lmsPage('1.2');
  let sco = await launch(page, pkg, { core: { student_id: 's-001', student_name: 'Curie, Marie' } });

  // The learner is the one the LMS names: shown, not asked.
  await sco.locator('#assignment-heading').waitFor();
  assert.equal((await sco.locator('#lms-learner').textContent()).trim(), 'Learner: Marie Curie');
  assert.equal(await sco.locator('#student-name').count(), 0);
  assert.match(await sco.locator('#lms-name').textContent(), /Marie Curie/);
  assert.equal((await log(page)).initialized, 1);
  await sco.locator('#start-assignment').click();

  // Each answer is committed as it is given, with its result at once (practice).
  const before = (await log(page)).commits;
  const first = await answer(sco);
  await sco.locator('#feedback').waitFor();
  await commits(page, before + 1);
  let data = await cmi(page);
  assert.equal(data.core.lesson_status, 'incomplete');
  assert.notEqual(data.suspend_data, '');
  const id = { 'Where was the NATO–Russia Founding Act signed?': 'k-single', 'The Founding Act is a treaty ratified by parliaments.': 'k-tf', 'Which states joined NATO on 12 March 1999?': 'k-multiple' }[first];
  const sent = (await log(page)).sets;
  const index = sent.find(([e, v]) => /^cmi\.interactions\.\d+\.id$/.test(e) && v === id)[0].split('.')[2];
  const result = sent.filter(([e]) => e === `cmi.interactions.${index}.result`).map(([, v]) => v);
  assert.deepEqual(result, [id === 'k-single' ? 'wrong' : 'correct']);
  await sco.locator('#next-button').click();
  await sco.locator('.counter', { hasText: 'Question 2 of 3' }).waitFor();

  // The learner closes the course: the attempt is suspended and the session finished.
  assert.equal(await page.evaluate(() => window.closeSco()), 1);
  const kept = await cmi(page);
  assert.equal(kept.core.exit, 'suspend');
  assert.notEqual(kept.suspend_data, '');
  assert.deepEqual((await log(page)).refused, []);

  // A reload of the LMS page on a device that forgot everything: the LMS's suspend data alone
  // resumes the attempt, on its second question.
  await page.reload();
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  sco = await launch(page, pkg, { suspend_data: kept.suspend_data, core: { student_id: 's-001', student_name: 'Curie, Marie', entry: 'resume' } });
  await sco.locator('.counter', { hasText: 'Question 2 of 3' }).waitFor();
  await answer(sco);
  await sco.locator('#next-button').click();
  await answer(sco);
  await sco.locator('#next-button').click();
  await sco.locator('#results-heading').waitFor();
  assert.match(await sco.locator('#lms-sent').textContent(), /sent to your course/);
  await page.waitForFunction(() => window.lms.finishes === 1);

  // What the LMS holds: 2 of 3 points is 66.66 %, below the pass mark of 70 %.
  data = await cmi(page);
  assert.deepEqual(
    { raw: data.core.score.raw, min: data.core.score.min, max: data.core.score.max, status: data.core.lesson_status, exit: data.core.exit },
    { raw: '66.66', min: '0', max: '100', status: 'failed', exit: '' },
  );
  const time = (await log(page)).sets.filter(([e]) => e === 'cmi.core.session_time').at(-1)[1];
  assert.match(time, /^\d{2,4}:\d{2}:\d{2}\.\d{2}$/);
  const got = interactions(data);
  assert.equal(got.length, 3);
  const byId = Object.fromEntries(got.map((i) => [i.id, i]));
  // Choices are a, b, c … in the bank's order (Rome is b); lists are comma-separated.
  assert.deepEqual(
    ['k-single', 'k-tf', 'k-multiple'].map((id) => {
      const i = byId[id];
      return [i.type, i.student_response, i.result, i.patterns, i.weighting];
    }),
    [
      ['choice', 'b', 'wrong', ['a'], '1'],
      ['true-false', 'f', 'correct', ['f'], '1'],
      ['choice', 'a,b,c', 'correct', ['a,b,c'], '1'],
    ],
  );
  // Latencies as sent are CMITimespans with two decimals; scorm-again keeps them as numbers of
  // seconds written back, so a latency of 0.30 s reads back as "00:00:00.3".
  const latencies = (await log(page)).sets.filter(([e]) => /^cmi\.interactions\.\d+\.latency$/.test(e));
  assert.ok(latencies.length >= 3);
  for (const [, v] of latencies) assert.match(v, /^\d{2,4}:\d{2}:\d{2}\.\d{2}$/, 'a latency as sent');
  for (const i of got) {
    assert.match(i.latency, /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/, `${i.id} latency`);
    assert.match(i.time, /^\d{2}:\d{2}:\d{2}$/, `${i.id} time`);
  }
  assert.deepEqual((await log(page)).refused, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('inside a SCORM 2004 LMS an exam of every question type reports responses, resumes from the suspend data and reports score, status and interactions', async () => {
  const pkg = (await packagesOf(TYPES))['2004'];
  const { context, page, errors } = await lmsPage('2004');
  const learner = { learner_id: 's-002', learner_name: '{lang=en}Ada Lovelace' };
  let sco = await launch(page, pkg, learner);
  await sco.locator('#assignment-heading').waitFor();
  assert.equal((await sco.locator('#lms-learner').textContent()).trim(), 'Learner: Ada Lovelace');
  await sco.locator('#start-assignment').click();

  // Four answers, each committed: the responses reach the LMS, but no result and no score
  // before the hand-in (an exam gives no feedback).
  const seen = [];
  for (let n = 1; n <= 4; n++) {
    const before = (await log(page)).commits;
    seen.push(await answer(sco));
    await sco.locator('.counter', { hasText: `Exam question ${n + 1} of 9` }).waitFor();
    await commits(page, before + 1);
  }
  let data = await cmi(page);
  assert.equal(data.completion_status, 'incomplete');
  assert.equal(data.success_status, 'unknown');
  assert.equal(data.score.raw, '');
  const early = interactions(data);
  assert.equal(early.filter((i) => i.learner_response !== '').length, 4);
  assert.ok(early.every((i) => i.result === ''), 'no result before the hand-in');

  // Closed, then the LMS page reloaded on a device that forgot everything: resumed from the
  // suspend data, on the fifth question, with the four answers kept.
  await page.evaluate(() => window.closeSco());
  const kept = await cmi(page);
  assert.equal(kept.exit, 'suspend');
  await page.reload();
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  sco = await launch(page, pkg, { ...learner, entry: 'resume', suspend_data: kept.suspend_data });
  await sco.locator('.counter', { hasText: 'Exam question 5 of 9' }).waitFor();
  const labels = await sco.locator('.overview button').evaluateAll((b) => b.map((x) => x.getAttribute('aria-label')));
  assert.deepEqual(labels.slice(0, 5), ['Question 1: answered', 'Question 2: answered', 'Question 3: answered', 'Question 4: answered', 'Question 5: not answered']);
  for (let n = 5; n <= 9; n++) {
    seen.push(await answer(sco));
    if (n < 9) await sco.locator('.counter', { hasText: `Exam question ${n + 1} of 9` }).waitFor();
  }
  assert.equal(new Set(seen).size, 9);
  await sco.locator('#hand-in-button').click();
  await sco.locator('#confirm-hand-in').click();
  await sco.locator('#results-heading').waitFor();
  await page.waitForFunction(() => window.lms.finishes === 1);

  // 0 + 0.667 + 1 + 0.833 + 1 + 1 + 1 + 0.5 + 1 = 7 of 9 points: 77.77 % (truncated), scaled
  // 0.7777777 (seven decimals, truncated); at least the pass mark of 70 %.
  data = await cmi(page);
  assert.deepEqual(
    { raw: data.score.raw, min: data.score.min, max: data.score.max, scaled: data.score.scaled, completion: data.completion_status, success: data.success_status, exit: data.exit },
    { raw: '77.77', min: '0', max: '100', scaled: '0.7777777', completion: 'completed', success: 'passed', exit: 'normal' },
  );
  const time = (await log(page)).sets.filter(([e]) => e === 'cmi.session_time').at(-1)[1];
  assert.match(time, /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
  const byId = Object.fromEntries(interactions(data).map((i) => [i.id, i]));
  // The golden table of tests/lms.rs, now through a real run-time.
  assert.deepEqual(
    ['a-single', 'a-multiple', 'b-tf', 'b-order', 'b-match', 'b-num', 'b-text', 'b-cloze', 'b-spot'].map((id) => {
      const i = byId[id];
      return [id, i.type, i.learner_response, i.result, i.patterns];
    }),
    [
      ['a-single', 'choice', 'b', 'incorrect', ['a']],
      ['a-multiple', 'choice', 'a[,]b', '0.667', ['a[,]b[,]c']],
      ['b-tf', 'true-false', 'false', 'correct', ['false']],
      ['b-order', 'sequencing', 'b[,]a[,]c[,]d', '0.833', ['a[,]b[,]c[,]d']],
      ['b-match', 'matching', '1[.]a[,]2[.]b[,]3[.]c', 'correct', ['1[.]a[,]2[.]b[,]3[.]c']],
      ['b-num', 'numeric', '2023', 'correct', ['2023']],
      ['b-text', 'fill-in', 'primakof', 'correct', ['Primakov', 'Yevgeny Primakov']],
      ['b-cloze', 'fill-in', 'Paris[,]1991', '0.5', ['Paris[,]1997']],
      ['b-spot', 'choice', 'b', 'correct', ['b']],
    ],
  );
  for (const i of Object.values(byId)) {
    assert.match(i.latency, /^PT/, `${i.id} latency`);
    assert.match(i.timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{2}Z$/, `${i.id} timestamp (UTC)`);
    assert.equal(i.weighting, '1');
  }
  assert.equal(byId['a-single'].description, 'Where was the Founding Act signed?');
  assert.deepEqual((await log(page)).refused, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('outside an LMS the package page is the learner app as ever, and the learner page carries no SCORM code', async () => {
  const pkg = (await packagesOf(KBD))['2004'];
  const context = await ctx.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  watch(page, errors);
  await page.goto(`${lms.base}packages/${pkg.folder}/${pkg.read.href}`);
  await page.locator('#assignment-heading').waitFor();
  // No LMS: the name is asked, as on the student link.
  await page.locator('#student-name').waitFor();
  assert.equal(await page.locator('#lms-learner').count(), 0);
  await page.locator('#student-name').fill('Ben Diaz');
  await page.locator('#start-assignment').click();
  await page.locator('#question-heading').waitFor();
  assert.deepEqual(errors, []);
  await context.close();

  // The learner's own page loads a wasm with none of the adapter's names in it.
  const html = await readFile('dist/index.html', 'utf8');
  const wasm = await readFile(join('dist', html.match(/(accord-[0-9a-f]{12,16}_bg\.wasm)/)[1]));
  for (const name of ['API_1484_11', 'LMSInitialize', 'cmi.core.lesson_status', 'suspend_data']) {
    assert.equal(wasm.includes(name), false, `the learner wasm names ${name}`);
  }
  const scorm = await readFile(join(lms.dir, pkg.folder, pkg.entries.find((e) => /^scorm-.*_bg\.wasm$/.test(e.name)).name));
  assert.ok(scorm.includes('API_1484_11') && scorm.includes('LMSInitialize'), 'the SCORM page wasm does');
});
