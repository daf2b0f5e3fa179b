// Accessibility, checked by machine (issue 14): axe-core with the WCAG 2.0, 2.1 and 2.2 A and
// AA rules and the best practices on every screen of the three pages, in both colour schemes,
// at 360 and 1280 px; zero violations is the pass mark. Then what axe cannot see: reflow at
// 320 px for every question type, marks that are words under forced colours, the contrast of
// focus rings and field edges, focus after each change, single-key shortcuts, target sizes,
// titles, labels and the live region, and a start screen whose button is on a phone's first
// screen.
//
// One browser context per scheme and width walks every screen in turn, so the sweep stays
// within a few minutes on two cores. Only these contexts bypass the pages' CSP, to inject axe.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { harness, open, watch } from './harness.mjs';
import { violations } from './axe.mjs';
import { KBD_RIGHT, chooseMode, heading, openOptions, pickByKeys } from './keys.mjs';
import { assignment, link } from './assignment.mjs';

const ctx = harness();
const TYPES = '?bank=fixtures/types/index.toml';
const WIDE = '?bank=fixtures/wide/index.toml';
const KBD_PATH = '?bank=fixtures/kbd/index.toml';
const TEACHER = 'teacher.html?bank=fixtures/kbd/index.toml';
const RESULTS = 'tests/e2e/fixtures/results';

/** A wrong (or partly wrong) answer to each question of the types bank, so its marks show. */
const WRONG = {
  'Where was the Founding Act signed?': (page) => pick(page, ['Rome']),
  'Which joined in 1999?': (page) => pick(page, ['Hungary', 'Slovakia']),
  'The Founding Act is a ratified treaty.': (page) => pick(page, ['True']),
  'Earliest first.': (page) => page.locator('.ordering li').first().locator('button').nth(1).click(),
  'Match body and year.': async (page) => {
    for (const [i, year] of ['1997', '1991', '2002'].entries()) await page.locator(`#match-${i}`).selectOption(year);
  },
  'Year Finland joined?': (page) => page.locator('#answer-input').fill('2022'),
  'Russian negotiator?': (page) => page.locator('#answer-input').fill('Gorbachev'),
  'Complete.': async (page) => {
    await page.locator('input.blank').fill('Rome');
    await page.locator('select.blank').selectOption('2002');
  },
  'Which part is wrong?': (page) => pick(page, ['Russia,']),
};

/** Tick the choices (or parts) whose text is in `wanted`. */
async function pick(page, wanted) {
  for (const w of wanted) {
    await page.locator('.card label', { has: page.locator('.text', { hasText: new RegExp(`^${w}$`) }) }).locator('input').check();
  }
}

/** The violations found on a walk through screens, and how many screens were checked. */
class Findings {
  list = [];
  checks = 0;
  async run(page, screen) {
    this.checks++;
    this.list.push(...(await violations(page, screen)));
  }
}

/** Open every disclosure on the page (reviews, "Show the numbers", problems). */
const openAll = (page) => page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));

/** The learner's side: start, the nine types before and after Check, exam, results. */
async function learnerScreens(page, base, found) {
  const sweep = (screen) => found.run(page, screen);
  await page.goto(base);
  await page.locator('#start-button').waitFor();
  await sweep('start screen');
  await openOptions(page);
  await chooseMode(page, 'Exam');
  await page.locator('#profile summary').click();
  await page.locator('#add-learner').click();
  await sweep('start screen with every choice open');

  await page.goto(`${base}${TYPES}&seed=types&n=9`);
  await page.locator('#start-button').click();
  for (let n = 1; n <= 9; n++) {
    await page.locator('#check-button').waitFor();
    const prompt = await heading(page);
    await sweep(`question "${prompt}" before Check`);
    if (prompt === 'Year Finland joined?') {
      await page.locator('#answer-input').fill('twenty');
      await page.locator('#check-button').click();
      await page.locator('#answer-error', { hasText: 'not a number' }).waitFor();
      await sweep(`question "${prompt}" with an error`);
    }
    await WRONG[prompt](page);
    await page.locator('#check-button').click();
    await page.locator('#feedback').waitFor();
    await sweep(`question "${prompt}" after Check`);
    await page.locator('#next-button').click();
  }
  await page.locator('#results-heading').waitFor();
  await openAll(page);
  await sweep('results with the reviews open');

  await page.locator('#new-quiz-button').click();
  await chooseMode(page, 'Exam');
  await page.locator('#start-button').click();
  await page.locator('#timer').waitFor();
  await page.locator('#flag-button').click();
  await sweep('exam question with the timer, overview and a flag');
  await page.locator('#hand-in-button').click();
  await page.locator('#hand-in-heading').waitFor();
  await sweep('exam hand-in step');
  await page.locator('#confirm-hand-in').click();
  await page.locator('#results-heading').waitFor();
  await openAll(page);
  await sweep('exam results with the reviews open');

  await page.goto(`${base}?bank=fixtures/broken/index.toml`);
  await page.locator('#error-heading').waitFor();
  await openAll(page);
  await sweep('error page with its problems open');
}

/** The progress page: dashboard with data and its tables open, settings, reset confirmation. */
async function progressScreens(page, base, found) {
  const sweep = (screen) => found.run(page, screen);
  await page.goto(`${base}progress.html${TYPES}`);
  await page.locator('#history-table').waitFor();
  await openAll(page);
  await sweep('dashboard with data and its tables open, settings');
  await page.locator('#reset-button').click();
  await page.locator('#confirm-reset').waitFor();
  await sweep('reset confirmation');
  await page.locator('#cancel-reset').click();
}

/** An assignment: the invitation, a question, the hand-in panel; and a damaged link. */
async function assignmentScreens(page, base, found) {
  const sweep = (screen) => found.run(page, screen);
  const a = assignment({ time_limit: 600, review: 'full', email: 'teacher@school.example' });
  await page.goto(base + link(a));
  await page.locator('#assignment-heading').waitFor();
  await page.locator('#start-assignment').click();
  await page.locator('#assignment-problem', { hasText: 'name' }).waitFor();
  await sweep('assignment invitation with a missing name');
  await page.locator('#student-name').fill('Ana Costa');
  await page.locator('#start-assignment').click();
  for (let n = 0; n < 3; n++) {
    await page.locator('#check-button').waitFor();
    await pickByKeys(page, KBD_RIGHT[await heading(page)]);
    await page.locator('#check-button').click();
    await page.waitForTimeout(50);
  }
  await page.locator('#hand-in-button').click();
  await page.locator('#confirm-hand-in').click();
  await page.locator('#result-code').waitFor();
  await openAll(page);
  await sweep('assignment handed in: the hand-in panel and the review');
  await page.locator('#new-quiz-button').click();
  await page.locator('#previous-heading').waitFor();
  await sweep('assignment invitation after handing in');
  await page.goto(base + link(a).slice(0, -3) + 'xyz');
  await page.locator('#error-heading').waitFor();
  await sweep('damaged assignment link');
}

/** The teacher page: the list, the editor with errors, share and print, class results. */
async function teacherScreens(page, base, found) {
  const sweep = (screen) => found.run(page, screen);
  await page.goto(base + TEACHER);
  await page.locator('#desk-heading').waitFor();
  await sweep('teacher: empty list');
  await page.locator('#new-assignment').click();
  await page.locator('#save-assignment').click();
  await page.locator('#form-errors', { hasText: 'problem' }).waitFor();
  await sweep('teacher: editor with errors');
  await page.locator('#a-title').fill('Founding quiz');
  await page.locator('#mode-exam').check();
  await page.locator('#a-time-limit').fill('10');
  await page.locator('#save-assignment').click();
  await page.locator('#share-heading').waitFor();
  await page.locator('#acc-student').fill('Ben Diaz');
  await page.locator('#issue-accommodation').click();
  await page.locator('#accommodation-list li').first().waitFor();
  await sweep('teacher: share with QR code and an accommodation');
  await page.locator('#print-qr').click();
  await page.locator('#print-heading').waitFor();
  await sweep('teacher: print view');
  await page.locator('#print-back').click();
  await page.locator('#back-to-list').click();
  await page.locator('#link-input').fill(await readFile(`${RESULTS}/assignment-link.txt`, 'utf8'));
  await page.locator('#add-from-link').click();
  await page.locator('#results-kbd-check').waitFor();
  await sweep('teacher: list with assignments');
  await page.locator('#results-kbd-check').click();
  await page.locator('#class-empty').waitFor();
  await sweep('teacher: class results, empty');
  await page.locator('#result-files').setInputFiles(['ana.json', 'ben.json', 'cleo.json'].map((f) => `${RESULTS}/${f}`));
  await page.locator('#class-table').waitFor();
  await openAll(page);
  await sweep('teacher: class results with data');
}

/**
 * Damaged data, last (it spoils the progress the other walks read): the start screen's notice,
 * the progress page with the copy kept aside and the reset confirmation offering to delete it,
 * and the recovery screen a panic hands over to.
 */
async function damagedScreens(page, base, found) {
  const sweep = (screen) => found.run(page, screen);
  await page.goto(base + KBD_PATH);
  await page.locator('#start-button').waitFor();
  await page.evaluate(() => localStorage.setItem('accord/progress', '{"half a save'));
  await page.reload();
  await page.locator('.notice button', { hasText: 'Dismiss' }).first().waitFor();
  await sweep('start screen with a notice about a damaged save');
  await page.goto(`${base}progress.html${KBD_PATH}`);
  await page.locator('#backup-list').waitFor();
  await page.locator('#reset-button').click();
  await page.locator('#reset-backups').waitFor();
  await sweep('progress page with a backup kept aside, and the reset confirmation offering to delete it');
  await page.locator('#cancel-reset').click();
  await page.evaluate(() => localStorage.setItem('accord/debug-panic', 'a test panic'));
  await page.goto(base + KBD_PATH);
  await page.locator('#recovery h1').waitFor();
  await sweep('recovery screen');
  await page.evaluate(() => localStorage.removeItem('accord/debug-panic'));
}

for (const colorScheme of ['light', 'dark']) {
  for (const width of [360, 1280]) {
    test(`axe finds no violation on any screen (${colorScheme}, ${width} px)`, async (t) => {
      const context = await ctx.browser.newContext({
        viewport: { width, height: 800 }, colorScheme, bypassCSP: true, reducedMotion: 'reduce',
        timezoneId: 'UTC', acceptDownloads: true,
      });
      const page = await context.newPage();
      const errors = [];
      watch(page, errors);
      const walks = {
        learner: learnerScreens, progress: progressScreens, assignment: assignmentScreens, teacher: teacherScreens,
        'damaged data': damagedScreens,
      };
      let checks = 0;
      for (const [name, walk] of Object.entries(walks)) {
        await t.test(`${name} screens`, async () => {
          const found = new Findings();
          await walk(page, ctx.base, found);
          checks += found.checks;
          assert.deepEqual(found.list, [], `${found.list.length} violation(s) (${colorScheme}, ${width} px):\n${found.list.join('\n')}`);
        });
      }
      t.diagnostic(`${checks} screens checked`);
      // The one error is the test panic (accord/debug-panic) that shows the recovery screen.
      assert.deepEqual(errors, ['RuntimeError: unreachable']);
      await context.close();
    });
  }
}

test('axe itself reports a violation when a page has one (the sweep can fail)', async () => {
  const context = await ctx.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(ctx.base);
  await page.locator('#start-button').waitFor();
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'icons/icon.svg';
    document.querySelector('main').append(img);
    document.querySelector('#start-button').style.background = '#c8d0f0';
  });
  const found = (await violations(page, 'start screen, spoilt')).join('\n');
  assert.match(found, /^start screen, spoilt: image-alt \(critical\) at img: /m);
  assert.match(found, /color-contrast \(serious\) at #start-button/);
  await context.close();
});

// ---- What axe cannot see ----

/** Any answer to the question on screen (right or wrong): enough to reach its marks. */
async function anyAnswer(page) {
  const card = page.locator('.card');
  for (const s of await card.locator('.matching select, select.blank').all()) await s.selectOption({ index: 1 });
  for (const b of await card.locator('input.blank').all()) await b.fill('x');
  if (await card.locator('#answer-input').count()) {
    const numeric = (await card.locator('#answer-input').getAttribute('inputmode')) === 'decimal';
    await card.locator('#answer-input').fill(numeric ? '1' : 'x');
  }
  const choice = card.locator('label.option input, label.part input');
  if (await choice.count()) await choice.first().check();
  if (await card.locator('.ordering').count()) await card.locator('.ordering li').first().locator('button').nth(1).click();
}

/** Walk a whole practice quiz, calling `look(prompt, state)` before and after each Check. */
async function walkQuiz(page, path, look, answer = anyAnswer) {
  await page.goto(ctx.base + path);
  await page.locator('#start-button').click();
  for (;;) {
    await page.locator('#check-button, #results-heading').first().waitFor();
    if (await page.locator('#results-heading').count()) return;
    const prompt = await heading(page);
    await look(prompt, 'before Check');
    await answer(page, prompt);
    await page.locator('#check-button').click();
    await page.locator('#feedback').waitFor();
    await look(prompt, 'after Check');
    await page.locator('#next-button').click();
  }
}

/** Where the page or a part of the card sticks out at this width: a list of findings. */
const reflowProblems = (page) =>
  page.evaluate(() => {
    const found = [];
    const wide = document.documentElement.scrollWidth - window.innerWidth;
    if (wide > 0) found.push(`the page scrolls sideways by ${wide} px`);
    const card = document.querySelector('.card')?.getBoundingClientRect();
    if (card) {
      for (const el of document.querySelectorAll('.card .mark, .card select, .card input, .card .text, .card label')) {
        const box = el.getBoundingClientRect();
        if (box.right > card.right + 0.5) found.push(`${el.className || el.tagName} "${el.textContent.slice(0, 30)}" ends ${Math.round(box.right - card.right)} px past the card`);
      }
    }
    return found;
  }).then(async (found) => [...found, ...(await cutSelects(page, '.card select'))]);

/**
 * The selects (of `selector`) whose chosen text is cut: narrower than that text on one line
 * needs, and not wrapped onto more lines either. Measured on a copy holding only the choice.
 */
const cutSelects = (page, selector) =>
  page.locator(selector).evaluateAll((selects) => selects.flatMap((s) => {
    const choice = s.selectedOptions[0];
    if (!choice) return [];
    const copy = s.cloneNode(false);
    copy.append(choice.cloneNode(true));
    copy.removeAttribute('id');
    copy.style.cssText = 'position: absolute; visibility: hidden; width: auto; max-width: none; white-space: nowrap';
    s.parentNode.append(copy);
    const needs = copy.getBoundingClientRect();
    copy.remove();
    const has = s.getBoundingClientRect();
    return has.width + 0.5 < needs.width && has.height <= needs.height + 1
      ? [`${s.id || s.className} cuts "${choice.text}": ${Math.round(has.width)} of ${Math.round(needs.width)} px`]
      : [];
  }));

test('no question type makes the page scroll sideways at 320 px, before or after Check', async () => {
  const { context, page, errors } = await open(ctx, '', { viewport: { width: 320, height: 700 } });
  const found = [];
  const seen = new Set();
  for (const path of [`${TYPES}&seed=reflow&n=9`, `${WIDE}&seed=reflow&n=10`]) {
    await walkQuiz(page, path, async (prompt, state) => {
      seen.add(await page.locator('.card').evaluate((c) => {
        const kinds = { '.matching': 'matching', '.ordering': 'ordering', '.cloze': 'cloze', '.claim': 'spot the error', '#answer-input': 'typed', 'label.option input[type=checkbox]': 'multiple', 'label.option input[type=radio]': 'single or true/false' };
        return Object.entries(kinds).find(([s]) => c.querySelector(s))?.[1] ?? 'unknown';
      }));
      found.push(...(await reflowProblems(page)).map((p) => `"${prompt}" ${state}: ${p}`));
    });
  }
  assert.deepEqual(found, []);
  assert.equal(seen.size, 7, `question kinds seen: ${[...seen]}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a cloze choice blank shows the whole answer chosen in it', async () => {
  for (const width of [360, 1280]) {
    const { context, page } = await open(ctx, `${WIDE}&seed=cloze&n=10`, { viewport: { width, height: 800 } });
    await page.locator('#start-button').click();
    for (let i = 0; i < 10; i++) {
      await page.locator('#check-button').waitFor();
      if (await page.locator('select.blank').count()) break;
      await anyAnswer(page);
      await page.locator('#check-button').click();
      await page.locator('#next-button').click();
    }
    const blank = page.locator('select.blank').last();
    await blank.selectOption('Commonwealth of Independent States');
    assert.deepEqual(await cutSelects(page, 'select.blank'), [], `at ${width} px`);
    await context.close();
  }
});

test('the results and the dashboard scroll their tables, not the page, at 320 px', async () => {
  const { context, page, errors } = await open(ctx, '', { viewport: { width: 320, height: 700 } });
  await walkQuiz(page, `${WIDE}&seed=tables&n=10`, async () => {});
  await openAll(page);
  assert.deepEqual(await reflowProblems(page), [], 'results with the reviews open');
  assert.ok(await page.locator('.by-topic').count());
  // From 360 px on the three columns fit: a phone needs no sideways scroll to see the score.
  await page.setViewportSize({ width: 360, height: 700 });
  const [inside, box] = await page.locator('.by-topic').evaluate((t) => [t.parentElement.scrollWidth, t.parentElement.clientWidth]);
  assert.ok(inside <= box, `the by-topic table needs ${inside} px in a ${box} px box at 360 px`);
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(`${ctx.base}progress.html${WIDE}`);
  await page.locator('#history-table').waitFor();
  await openAll(page);
  assert.deepEqual(await reflowProblems(page), [], 'dashboard with its tables open');
  // Each select of the settings shows its whole choice.
  const cut = await cutSelects(page, '.panel select');
  assert.deepEqual(cut, [], 'settings at 320 px');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Go through the types bank to the question with this prompt (answering the others). */
async function toQuestion(page, path, wanted) {
  // A fresh start: a quiz left in progress would be resumed instead.
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); }).catch(() => {});
  await page.goto(ctx.base + path);
  await page.locator('#start-button').click();
  for (let i = 0; i < 12; i++) {
    await page.locator('#check-button').waitFor();
    if ((await heading(page)).startsWith(wanted)) return;
    await anyAnswer(page);
    await page.locator('#check-button').click();
    await page.locator('#next-button').click();
  }
  assert.fail(`never reached "${wanted}"`);
}

test('checked ordering and matching questions mark every item in words, kept under forced colours', async () => {
  const { context, page, errors } = await open(ctx, '', { viewport: { width: 360, height: 800 }, forcedColors: 'active' });
  const marked = async (rows) =>
    page.locator(rows).evaluateAll((list) => list.map((row) => {
      const mark = row.querySelector('.mark');
      const style = mark && getComputedStyle(mark);
      const box = mark?.getBoundingClientRect();
      return {
        text: mark?.textContent.trim().slice(0, 1) ?? '',
        visible: Boolean(box && box.width > 0 && box.height > 0 && style.visibility === 'visible' && style.color !== getComputedStyle(row).backgroundColor),
        edge: `${getComputedStyle(row).borderTopStyle} ${parseFloat(getComputedStyle(row).borderTopWidth) >= 2}`,
        right: row.classList.contains('is-answer'),
      };
    }));
  const expectMarks = (rows, what) => {
    assert.ok(rows.length >= 3, `${what}: ${rows.length} rows`);
    for (const r of rows) {
      assert.equal(r.text, r.right ? '✓' : '✗', `${what}: every item says right or wrong`);
      assert.ok(r.visible, `${what}: the mark is visible under forced colours`);
      assert.equal(r.edge, r.right ? 'solid true' : 'dashed true', `${what}: right and wrong differ by edge too`);
    }
    assert.ok(rows.some((r) => !r.right), `${what}: at least one item is wrong`);
  };
  await toQuestion(page, `${TYPES}&seed=types&n=9`, 'Earliest first.');
  await WRONG['Earliest first.'](page);
  await page.locator('#check-button').click();
  expectMarks(await marked('.order-item'), 'ordering');
  await toQuestion(page, `${TYPES}&seed=types&n=9`, 'Match body and year.');
  await WRONG['Match body and year.'](page);
  await page.locator('#check-button').click();
  expectMarks(await marked('.match-row'), 'matching');
  await toQuestion(page, `${TYPES}&seed=types&n=9`, 'Which joined in 1999?');
  await WRONG['Which joined in 1999?'](page);
  await page.locator('#check-button').click();
  expectMarks(await marked('label.is-answer, label.is-wrong-pick'), 'multiple choice');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the mastery chart tells right, partly right and wrong apart by pattern, with its legend under forced colours', async () => {
  const { context, page, errors } = await open(ctx, '', { viewport: { width: 360, height: 800 }, forcedColors: 'active' });
  await walkQuiz(page, `${TYPES}&seed=types&n=9`, async () => {}, (p, prompt) => WRONG[prompt](p));
  await page.goto(`${ctx.base}progress.html${TYPES}`);
  await page.locator('#mastery-chart').waitFor();
  const fills = (selector) => page.locator(selector).evaluateAll((els) => els.map((e) => getComputedStyle(e).fill));
  const legend = await fills('.legend .swatch rect');
  assert.equal(legend.length, 4);
  assert.equal(new Set(legend).size, 4, `four different legend swatches: ${legend}`);
  assert.match(legend[1], /url\(.*#hatch-partial/);
  assert.match(legend[2], /url\(.*#dots-wrong/);
  for (const [segment, fill] of [['.seg-partial', /hatch-partial/], ['.seg-wrong', /dots-wrong/]]) {
    const seen = await fills(`#mastery-chart ${segment}`);
    assert.ok(seen.length > 0 && seen.every((f) => fill.test(f)), `${segment}: ${seen}`);
  }
  assert.equal(await page.locator('.swatch').first().evaluate((s) => getComputedStyle(s).forcedColorAdjust), 'none');
  assert.deepEqual(errors, []);
  await context.close();
});

/** The contrast ratio of two CSS colours "rgb(r, g, b)". */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('focus rings and the edges of fields have at least 3:1 contrast in every theme', async () => {
  const themes = [
    { name: 'light', options: { colorScheme: 'light' } },
    { name: 'dark', options: { colorScheme: 'dark' } },
    { name: 'high contrast', options: { colorScheme: 'dark' }, theme: 'high-contrast' },
    { name: 'more contrast, light', options: { colorScheme: 'light', contrast: 'more' } },
    { name: 'more contrast, dark', options: { colorScheme: 'dark', contrast: 'more' } },
  ];
  const low = [];
  for (const { name, options, theme } of themes) {
    const { context, page } = await open(ctx, KBD_PATH, options);
    await page.locator('#start-button').waitFor();
    if (theme) await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
    await chooseMode(page, 'Exam');
    const colours = async () => page.evaluate(() => {
      const style = (s) => getComputedStyle(document.querySelector(s));
      return {
        page: style('body').backgroundColor,
        surface: style('.options').backgroundColor,
        focus: getComputedStyle(document.activeElement).outlineColor,
        ring: `${getComputedStyle(document.activeElement).outlineStyle} ${parseFloat(getComputedStyle(document.activeElement).outlineWidth) >= 2}`,
        field: style('#time-limit').borderTopColor,
        fieldBg: style('#time-limit').backgroundColor,
      };
    });
    await page.locator('#start-button').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const onPage = await colours();
    await page.locator('#time-limit').focus();
    const inBox = await colours();
    assert.deepEqual([onPage.ring, inBox.ring], ['solid true', 'solid true'], `${name}: a focus ring is drawn`);
    const pairs = [
      ['focus ring on the page', onPage.focus, onPage.page],
      ['focus ring on a surface', inBox.focus, inBox.surface],
      ['field edge on a surface', inBox.field, inBox.surface],
      ['field edge against its fill', inBox.field, inBox.fieldBg],
    ];
    for (const [what, a, b] of pairs) {
      const ratio = contrast(a, b);
      if (ratio < 3) low.push(`${name}: ${what} is ${ratio.toFixed(2)}:1 (${a} on ${b})`);
    }
    await context.close();
  }
  assert.deepEqual(low, []);
});

test('dismissing a notice moves focus to the screen\'s heading, not the page\'s body', async () => {
  const { context, page } = await open(ctx, KBD_PATH);
  await page.locator('#start-button').waitFor();
  await page.evaluate(() => localStorage.setItem('accord/progress', '{"half a save'));
  await page.reload();
  await page.locator('.notice button', { hasText: 'Dismiss' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'start-heading');
  await context.close();
});

test('number keys pick answers only with focus in the answer area, never on "Leave quiz"', async () => {
  const { context, page } = await open(ctx, `${KBD_PATH}&seed=keys`);
  await page.locator('#start-button').click();
  await page.locator('#question-heading').waitFor();
  await page.locator('.quiz-bar button', { hasText: 'Leave quiz' }).focus();
  await page.keyboard.press('1');
  assert.equal(await page.locator('.card input:checked').count(), 0, 'a number key on "Leave quiz" picks nothing');
  await page.locator('.card label.option input').first().focus();
  await page.keyboard.press('2');
  assert.equal(await page.locator('.card input:checked').count(), 1, 'in the answer area it picks');
  await context.close();
});

test('source links are at least 24 px tall and read differently when they lead to different pages', async () => {
  const { context, page, errors } = await open(ctx, '', { viewport: { width: 360, height: 800 } });
  const links = (scope) =>
    page.locator(`${scope} .sources a`).evaluateAll((list) => list.map((a) => ({
      text: a.textContent.trim(), href: a.href, height: a.getBoundingClientRect().height,
    })));
  const check = (list, where) => {
    assert.ok(list.length >= 4, `${where}: ${list.length} links`);
    for (const l of list) assert.ok(l.height >= 24, `${where}: "${l.text}" is ${l.height} px tall`);
    const byText = new Map();
    for (const l of list) {
      assert.ok(!byText.has(l.text) || byText.get(l.text) === l.href, `${where}: "${l.text}" leads to two pages`);
      byText.set(l.text, l.href);
    }
  };
  await toQuestion(page, `${WIDE}&seed=links&n=10`, 'In December 1991');
  await anyAnswer(page);
  await page.locator('#check-button').click();
  check(await links('#feedback'), 'feedback');
  for (let i = 0; i < 10 && !(await page.locator('#results-heading').count()); i++) {
    await page.locator('#next-button').click();
    await page.locator('#check-button, #results-heading').first().waitFor();
    if (await page.locator('#results-heading').count()) break;
    await anyAnswer(page);
    await page.locator('#check-button').click();
  }
  await openAll(page);
  check(await links('.review-item:has(a[href*="topics_69344"]):has(a[href*="truman"])'), 'results review');
  assert.deepEqual(errors, []);
  await context.close();
});

test('every screen has one h1 and a title of its own; fields are labelled with what goes in them', async () => {
  const { context, page, errors } = await open(ctx, `${TYPES}&seed=types&n=9`);
  const titles = new Map();
  const screen = async (name) => {
    assert.equal(await page.locator('h1').count(), 1, `${name}: one h1`);
    const title = await page.title();
    assert.ok(!titles.has(title), `${name} has the title of ${titles.get(title)}: ${title}`);
    titles.set(title, name);
  };
  await page.locator('#start-button').waitFor();
  await screen('start');
  await page.locator('#start-button').click();
  const plan = {
    'Year Finland joined?': async () => {
      await page.locator('#answer-input').fill('twenty');
      await page.locator('#check-button').click();
      await page.locator('#answer-error', { hasText: 'not a number' }).waitFor();
      assert.equal(await page.locator('#answer-input').getAttribute('aria-invalid'), 'true');
      // Said once, by the live region; the message under the field is not a live region itself.
      assert.match(await page.locator('#announcer').textContent(), /not a number/);
      assert.equal(await page.locator('#answer-error').evaluate((e) => Boolean(e.closest('[role=alert], [role=status], [aria-live]'))), false);
      await page.locator('#answer-input').fill('2023');
    },
    'Complete.': async () => {
      assert.deepEqual(
        await page.locator('.cloze .blank').evaluateAll((b) => b.map((x) => x.getAttribute('aria-label'))),
        ['Blank 1 of 2, after “Signed in”', 'Blank 2 of 2, after “in”'],
      );
      await anyAnswer(page);
    },
  };
  for (let n = 1; n <= 9; n++) {
    await page.locator('#check-button').waitFor();
    const prompt = await heading(page);
    await screen(`question ${n}`);
    assert.equal(await page.locator('h1#question-heading').count(), 1, 'the question is the h1');
    await (plan[prompt] ?? (() => anyAnswer(page)))();
    await page.locator('#check-button').click();
    await page.locator('#feedback').waitFor();
    assert.deepEqual(await page.locator('#feedback .sources :is(h2, h3, h4)').evaluateAll((h) => h.map((x) => x.tagName)), ['H2']);
    await page.locator('#next-button').click();
  }
  await page.locator('#results-heading').waitFor();
  await screen('results');
  await openAll(page);
  const levels = await page.locator('.review .sources :is(h2, h3, h4)').evaluateAll((h) => [...new Set(h.map((x) => x.tagName))]);
  assert.deepEqual(levels, ['H3'], 'Sources in the review sit under the review\'s h2');
  await page.locator('#new-quiz-button').click();
  await chooseMode(page, 'Exam');
  await page.locator('#start-button').click();
  await page.locator('#hand-in-button').click();
  await page.locator('#hand-in-heading').waitFor();
  await screen('exam hand-in step');
  await page.goto(`${ctx.base}progress.html${TYPES}`);
  await page.locator('#dashboard-heading').waitFor();
  await screen('progress page');
  await page.goto(`${ctx.base}?bank=fixtures/broken/index.toml`);
  await page.locator('#error-heading').waitFor();
  await screen('error page');
  await page.goto(ctx.base + link(assignment()));
  await page.locator('#assignment-heading').waitFor();
  await screen('assignment');
  await page.goto(ctx.base + TEACHER);
  await page.locator('#desk-heading').waitFor();
  await screen('teacher page');
  // A numeric question's unit is part of its field's name.
  await toQuestion(page, `${WIDE}&seed=unit&n=10`, 'In the PJC');
  assert.equal(await page.getByRole('textbox', { name: 'Your answer (in members)' }).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Answer saved." is said again every time an answer is saved, even with the same words', async () => {
  const { context, page } = await open(ctx, `${KBD_PATH}&seed=saved`);
  await chooseMode(page, 'Exam');
  await page.locator('#time-limit').selectOption('0');
  await page.locator('#start-button').click();
  await page.locator('.overview button').last().click();
  await pickByKeys(page, KBD_RIGHT[await heading(page)]);
  const said = [];
  for (let i = 0; i < 2; i++) {
    await page.locator('#check-button').click();
    await page.waitForTimeout(100);
    said.push(await page.locator('#announcer').textContent());
  }
  assert.match(said[0], /^Answer saved\. Question 3\./);
  assert.notEqual(said[1], said[0], 'the live region changes, so it is said again');
  assert.equal(said[1].trim(), said[0].trim());
  await context.close();
});

test('the start button is on the first screen of a 360 × 740 phone, with every choice folded away', async () => {
  const { context, page, errors } = await open(ctx, '', { viewport: { width: 360, height: 740 } });
  const button = await page.locator('#start-button').boundingBox();
  assert.ok(button.y + button.height <= 740, `the button ends at ${button.y + button.height} px`);
  const topics = await page.locator('input[name=topic]').count();
  assert.ok(topics >= 20, `${topics} topics`);
  assert.match(await page.locator('#plan-summary').textContent(), new RegExp(`all ${topics} topics`));
  const options = page.locator('#quiz-options');
  assert.equal(await options.evaluate((d) => d.open), false, 'the choices are folded away');
  assert.equal(await options.locator('input[name=mode]').count(), 3);
  assert.equal(await options.locator('input[name=topic]').count(), topics);
  assert.ok(await options.locator('input[name=count]').count() >= 3);
  // The modes are radio buttons that look like radio buttons, each with its words.
  await openOptions(page);
  const modes = await options.locator('input[name=mode]').evaluateAll((list) => list.map((r) => ({
    looks: getComputedStyle(r).appearance, size: r.getBoundingClientRect().width, label: r.closest('label')?.textContent.trim() ?? '',
  })));
  for (const m of modes) {
    assert.equal(m.looks, 'auto');
    assert.ok(m.size >= 16, `a radio ${m.size} px wide`);
    assert.match(m.label, /^(Practice|Exam|Focus): /);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('more contrast asked for by the system gives the high-contrast palette; the theme chosen persists', async () => {
  const { context, page } = await open(ctx, KBD_PATH, { colorScheme: 'light', contrast: 'more' });
  await page.locator('#start-button').waitFor();
  const edge = () => page.locator('.review-box').evaluate((e) => getComputedStyle(e).borderTopColor);
  assert.equal(await edge(), 'rgb(0, 0, 0)');
  await context.close();

  const { context: c2, page: p2 } = await open(ctx, `progress.html${KBD_PATH}`, { colorScheme: 'light' });
  for (const theme of ['dark', 'high-contrast', 'light', 'system']) {
    await p2.locator('#theme').selectOption(theme);
    await p2.reload();
    await p2.locator('#theme').waitFor();
    assert.equal(await p2.locator('#theme').inputValue(), theme, `${theme} is kept`);
    assert.equal(await p2.evaluate(() => document.documentElement.dataset.theme ?? 'system'), theme);
  }
  await c2.close();
});

for (const [name, options, theme] of [
  ['the high-contrast theme, 360 px', { colorScheme: 'light', viewport: { width: 360, height: 800 } }, 'high-contrast'],
  ['more contrast asked for by a dark system, 1280 px', { colorScheme: 'dark', contrast: 'more', viewport: { width: 1280, height: 800 } }, null],
]) {
  test(`axe finds no violation in ${name}`, async () => {
    const context = await ctx.browser.newContext({ ...options, bypassCSP: true, reducedMotion: 'reduce', timezoneId: 'UTC' });
    const page = await context.newPage();
    if (theme) {
      await page.goto(`${ctx.base}progress.html${TYPES}`);
      await page.locator('#theme').selectOption(theme);
    }
    const found = new Findings();
    await learnerScreens(page, ctx.base, found);
    await progressScreens(page, ctx.base, found);
    assert.deepEqual(found.list, [], `${found.list.length} violation(s) in ${name}:\n${found.list.join('\n')}`);
    await context.close();
  });
}
