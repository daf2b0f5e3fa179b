// The learner's first load and the answer-to-feedback time, measured in headless Chromium on
// the release build (dist/), served gzip -9 on 127.0.0.1 under /quiz/ as the end-to-end tests
// serve it. A benchmark, not a test: it prints medians with min and max and asserts no time.
//
//   node scripts/bench-load.mjs [--runs N] [--no-build]     (./scripts/bench-load runs this)
//
// 1. Cold loads of the default bank (a fresh browser context each: empty cache and storage,
//    service worker blocked), unthrottled on loopback and under Lighthouse's mobile network
//    (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, by CDP). Each: the time from navigation
//    start until Start is enabled and, Start clicked at once (inside the page), until the first
//    question's answer controls are there and enabled (performance.now() in the page); the
//    requests started by then and their bodies' gzip -9 bytes (as scripts/size.mjs counts);
//    and the same for the whole visit once the network is idle (the app fetches the bank's
//    files after its first screen to see whether they changed). One unthrottled load before
//    them is not counted: it pays for the browser's own first start.
// 2. Answer to feedback for each of the nine types (fixture tests/e2e/fixtures/types): from
//    the click on Check (the event's timestamp) to the feedback's verdict in the DOM, and to
//    the next animation frame after that; and whether that frame is the first after the click.

import { gzipSync } from 'node:zlib';
import { serve } from './static-server.mjs';
import { kb, launch, options, run, spread, stats } from './bench-common.mjs';
import { heading, pickByKeys, tabTo } from '../tests/e2e/keys.mjs';

const SUB_PATH = '/quiz/';
const THROTTLE = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const TYPES_QUIZ = '?bank=fixtures/types/index.toml&seed=types&n=9';
// Lighthouse's mobile screen.
const VIEWPORT = { width: 412, height: 823 };
const LOAD_TIMEOUT_MS = 60_000;
const IDLE_MS = 1_000;

const opts = options(process.argv.slice(2), { runs: 7 });
if (opts.build) run('./scripts/build', []);

// Runs in the page before its own scripts: clicks Start as soon as it is enabled (in a task of
// its own, as a click would come) and notes when the first question can be answered.
function loadProbe() {
  const marks = {};
  window.__accordBench = marks;
  const note = (name) => {
    if (!(name in marks)) marks[name] = performance.now();
  };
  const answerable = () => {
    const area = document.getElementById('answer-area');
    const check = document.getElementById('check-button');
    return (
      area && !area.disabled && check && !check.disabled &&
      area.querySelector('input:not(:disabled), select:not(:disabled), textarea:not(:disabled), li[tabindex]')
    );
  };
  let clicking = false;
  const look = () => {
    const start = document.getElementById('start-button');
    if (!clicking && start && !start.disabled) {
      clicking = true;
      note('startEnabled');
      setTimeout(() => {
        note('startClicked');
        document.getElementById('start-button').click();
      }, 0);
    }
    if ('startClicked' in marks && answerable()) {
      note('answerable');
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(look);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
}

/** Every request of a page as CDP reports it, with its start and end (ms after the first). */
function watchNetwork(cdp) {
  const requests = new Map();
  let first = null;
  let lastActivity = Date.now();
  const ms = (ts) => (ts - first) * 1000;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!/^https?:/.test(e.request.url)) return;
    first ??= e.timestamp;
    requests.set(e.requestId, { id: e.requestId, url: e.request.url, start: ms(e.timestamp), end: null, wire: 0, failed: false });
    lastActivity = Date.now();
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.status = e.response.status;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: ms(e.timestamp), wire: e.encodedDataLength });
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: ms(e.timestamp), failed: true });
    lastActivity = Date.now();
  });
  const idle = () => [...requests.values()].every((r) => r.end !== null) && Date.now() - lastActivity >= IDLE_MS;
  return { requests, idle };
}

async function untilIdle(network, timeout) {
  const until = Date.now() + timeout;
  while (!network.idle()) {
    if (Date.now() > until) throw new Error('the network never went idle');
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

const pathOf = (url) => new URL(url).pathname.replace(SUB_PATH, '') || '(page)';

/** One cold load of the default bank. */
async function coldLoad(browser, base, throttled) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: VIEWPORT });
  await context.addInitScript(loadProbe);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttled) await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  const network = watchNetwork(cdp);
  await page.goto(base, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
  try {
    await page.waitForFunction(() => window.__accordBench?.answerable !== undefined, null, {
      timeout: LOAD_TIMEOUT_MS,
      polling: 200,
    });
  } catch (e) {
    throw new Error(`the first question never became answerable (${errors.join('; ') || e.message})`);
  }
  await untilIdle(network, LOAD_TIMEOUT_MS);
  const marks = await page.evaluate(() => window.__accordBench);
  const requests = [...network.requests.values()];
  for (const r of requests) {
    r.gzip = 0;
    if (r.failed) continue;
    const body = await cdp.send('Network.getResponseBody', { requestId: r.id }).catch(() => null);
    if (body) r.gzip = gzipSync(Buffer.from(body.body, body.base64Encoded ? 'base64' : 'utf8'), { level: 9 }).length;
  }
  await context.close();
  if (errors.length) throw new Error(`the page had errors: ${errors.join('; ')}`);
  // The probe's clock starts at navigation start, the network's at the first request: a few
  // ms later, so "started by then" errs towards counting a request.
  const early = requests.filter((r) => r.start <= marks.answerable);
  const sum = (rs) => rs.reduce((a, r) => a + r.gzip, 0);
  return {
    marks,
    requests,
    first: { count: early.length, gzip: sum(early), wire: early.reduce((a, r) => a + r.wire, 0) },
    all: { count: requests.length, gzip: sum(requests), wire: requests.reduce((a, r) => a + r.wire, 0) },
  };
}

/** Put the ordering items in `order` with Alt+↑ on each focused item (as types.test.mjs does). */
async function orderByKeys(page, order) {
  for (let target = 0; target < order.length; target++) {
    const items = await page.locator('.ordering li .text').allTextContents();
    const at = items.indexOf(order[target]);
    await page.locator('.ordering li').nth(at).focus();
    for (let k = at; k > target; k--) await page.keyboard.press('Alt+ArrowUp');
  }
}

/** The fixture's questions by prompt: their type, and a right answer (as in types.test.mjs). */
const PLANS = {
  'Where was the Founding Act signed?': ['single', (page) => pickByKeys(page, ['Paris'])],
  'Which joined in 1999?': ['multiple', (page) => pickByKeys(page, ['Czech Republic', 'Hungary', 'Poland'])],
  'The Founding Act is a ratified treaty.': ['true_false', (page) => pickByKeys(page, ['False'])],
  'Earliest first.': ['ordering', (page) => orderByKeys(page, ['NACC', 'PfP', 'Founding Act', 'NRC'])],
  'Match body and year.': ['matching', async (page) => {
    for (const [i, year] of ['1991', '1997', '2002'].entries()) await page.locator(`#match-${i}`).selectOption(year);
  }],
  'Year Finland joined?': ['numeric', (page) => page.locator('#answer-input').fill('2023')],
  'Russian negotiator?': ['short_text', (page) => page.locator('#answer-input').fill('Primakov')],
  'Complete.': ['cloze', async (page) => {
    await tabTo(page, 'input.blank');
    await page.keyboard.type('paris');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1997');
  }],
  'Which part is wrong?': ['spot_error', (page) => pickByKeys(page, ['then the Soviet Union,'])],
};

// Runs in the page just before the click on Check: resolves to the times from the click
// event to the verdict in the DOM and to the next animation frame after it.
function feedbackProbe() {
  window.__accordFeedback = new Promise((resolve) => {
    let click = null;
    let firstFrame = null;
    const onClick = (e) => {
      if (!e.target.closest?.('#check-button')) return;
      click = e.timeStamp;
      requestAnimationFrame((frame) => (firstFrame = frame));
      window.removeEventListener('click', onClick, true);
    };
    window.addEventListener('click', onClick, true);
    const observer = new MutationObserver(() => {
      if (click === null || !document.querySelector('#feedback .verdict')?.textContent.trim()) return;
      const dom = performance.now();
      observer.disconnect();
      requestAnimationFrame((frame) => {
        resolve({ dom: dom - click, frame: performance.now() - click, firstFrame: frame === firstFrame });
      });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

/** One pass through the types fixture: each type's answer-to-feedback times. */
async function feedbackRun(browser, base) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  await page.goto(base + TYPES_QUIZ);
  await page.locator('#start-button').click();
  const out = {};
  for (let n = 0; n < 9; n++) {
    await page.locator('#check-button').waitFor();
    const prompt = await heading(page);
    const [type, answer] = PLANS[prompt] ?? [];
    if (!type) throw new Error(`no plan for the question "${prompt}"`);
    await answer(page);
    await page.evaluate(feedbackProbe);
    await page.locator('#check-button').click();
    out[type] = await page.evaluate(() => window.__accordFeedback);
    const verdict = (await page.locator('#feedback .verdict').textContent()).trim();
    if (verdict !== 'Right!') console.warn(`  (the ${type} answer got "${verdict}")`);
    await page.locator('#next-button').click();
  }
  await context.close();
  return out;
}

const server = await serve({ mounts: { [SUB_PATH]: 'dist', [`${SUB_PATH}fixtures/`]: 'tests/e2e/fixtures' }, compress: true });
const base = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
const browser = await launch();
try {
  console.log(`\nAccord load benchmark: dist/ served gzip -9 on 127.0.0.1, headless ${browser.version()}, ${opts.runs} runs each`);
  console.log('Cold loads of the default bank (fresh context: empty cache, service worker blocked); median (min–max)');
  console.log('(one load first, not counted: the browser\'s own first start)\n');
  await coldLoad(browser, base, false);
  const loads = {};
  for (const [name, throttled] of [['unthrottled', false], ['throttled', true]]) {
    loads[name] = [];
    for (let i = 0; i < opts.runs; i++) {
      loads[name].push(await coldLoad(browser, base, throttled));
      process.stdout.write('.');
    }
  }
  process.stdout.write('\n\n');
  const col = (s) => String(s).padEnd(34);
  const row = (label, f) => console.log(`${label.padEnd(30)}${col(f(loads.unthrottled))}${f(loads.throttled)}`);
  console.log(`${''.padEnd(30)}${col('unthrottled (loopback)')}throttled (150 ms RTT, 1.6/0.75 Mbit/s)`);
  row('Start enabled', (ls) => spread(ls.map((l) => l.marks.startEnabled)));
  row('first answerable question', (ls) => spread(ls.map((l) => l.marks.answerable)));
  console.log(`${''.padEnd(30)}${col('  target ≤ 250 ms')}  target ≤ 1500 ms`);
  const counts = (key) => (ls) => {
    const s = stats(ls.map((l) => l[key].count));
    return s.min === s.max ? `${s.median}` : `${s.median} (${s.min}–${s.max})`;
  };
  const bytes = (key, what) => (ls) => {
    const s = stats(ls.map((l) => l[key][what]));
    return s.min === s.max ? kb(s.median) : `${kb(s.median)} (${kb(s.min)}–${kb(s.max)})`;
  };
  row('requests by then', counts('first'));
  row('  their bodies, gzip -9', bytes('first', 'gzip'));
  row('  on the wire (with headers)', bytes('first', 'wire'));
  row('requests, whole visit', counts('all'));
  row('  their bodies, gzip -9', bytes('all', 'gzip'));
  console.log(`${''.padEnd(30)}targets: first load ≤ 150 KB gzip in ≤ 8 requests`);

  // The requests of the median throttled load, in order, with their times.
  const throttled = [...loads.throttled].sort((a, b) => a.marks.answerable - b.marks.answerable);
  const median = throttled[Math.floor(throttled.length / 2)];
  console.log(`\nRequests of the median throttled load (first answerable at ${median.marks.answerable.toFixed(0)} ms):`);
  console.log(`  ${'file'.padEnd(44)}${'gzip -9'.padStart(10)}${'start'.padStart(9)}${'end'.padStart(9)}`);
  for (const r of median.requests) {
    const late = r.start > median.marks.answerable ? '  (after)' : '';
    const name = pathOf(r.url) + (r.failed ? ' (failed)' : '');
    console.log(`  ${name.padEnd(44)}${kb(r.gzip).padStart(10)}${r.start.toFixed(0).padStart(9)}${(r.end ?? 0).toFixed(0).padStart(9)}${late}`);
  }

  console.log(`\nAnswer to feedback, types fixture, ${opts.runs} runs; median (min–max); target ≤ 16 ms to the frame`);
  const feedback = [];
  for (let i = 0; i < opts.runs; i++) feedback.push(await feedbackRun(browser, base));
  console.log(`  ${'type'.padEnd(12)}${'click → verdict in DOM'.padEnd(28)}${'click → next frame'.padEnd(28)}in the first frame`);
  for (const [type] of Object.values(PLANS)) {
    const runs = feedback.map((f) => f[type]);
    const first = runs.filter((r) => r.firstFrame).length;
    console.log(`  ${type.padEnd(12)}${spread(runs.map((r) => r.dom), 'ms', 2).padEnd(28)}${spread(runs.map((r) => r.frame)).padEnd(28)}${first}/${runs.length}`);
  }
} finally {
  await browser.close();
  server.closeAllConnections?.();
  server.close();
}
