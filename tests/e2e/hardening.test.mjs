// Links and files cannot bring in another site; the page runs under a strict
// Content-Security-Policy; a panic gives a recovery screen, never a hanging page.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness, open } from './harness.mjs';

const ctx = harness();

/** The requests a page makes, with their URLs. */
function record(page) {
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

for (const [name, link] of [
  ['a scheme without slashes', 'https:evil.example/index.toml'],
  ['a scheme with slashes', 'https://evil.example/index.toml'],
  ['a data: URL', 'data:text/plain,[bank]%23.toml'],
  ['a protocol-relative URL', '//evil.example/index.toml'],
  ['a path out of the folder', '../index.toml'],
  ['a percent-encoded way out', '%2e%2e/quiz/questions/index.toml'],
]) {
  test(`a bank link with ${name} loads nothing from it and says so`, async () => {
    const { context, page, errors } = await open(ctx, `?bank=${encodeURIComponent(link)}`);
    const urls = record(page);
    await page.locator('#start-heading').waitFor();
    const notice = await page.locator('.notice').first().textContent();
    assert.match(notice, /cannot be used/, notice);
    assert.equal(await page.locator('#start-heading').textContent(), 'NATO–Russia relations', 'the default bank');
    assert.ok(urls.every((u) => u.startsWith(ctx.base)), `only this site's folder: ${urls.join(' ')}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a manifest naming a percent-encoded way out is refused with the same message as the checker', async () => {
  const { context, page } = await open(ctx, '?bank=fixtures/escape/index.toml');
  await page.locator('#error-heading').waitFor();
  await page.locator('.problems-box summary').click();
  assert.match(await page.locator('.problems').textContent(), /file "%2e%2e\/secret\.toml" is refused: it contains '%'/);
  await context.close();
});

test('every page carries a strict Content-Security-Policy and runs under it without violations', async () => {
  for (const path of ['', 'progress.html']) {
    const { context, page, errors } = await open(ctx, path);
    await page.locator('main h1').first().waitFor();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    for (const part of ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'"]) {
      assert.ok(csp.includes(part), `${path || 'index.html'}: ${part}`);
    }
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    // The policy really blocks: a fetch to another origin fails.
    const blocked = await page.evaluate(() => fetch('https://example.org/').then(() => false, () => true));
    assert.ok(blocked);
    assert.deepEqual(errors.filter((e) => !e.includes('example.org')), []);
    await context.close();
  }
});

test('when the wasm cannot start, the page shows the recovery screen instead of hanging', async () => {
  const context = await ctx.browser.newContext();
  const page = await context.newPage();
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(ctx.base);
  await page.locator('#recovery h1').waitFor();
  assert.equal(await page.locator('#recovery h1').textContent(), 'Something went wrong');
  assert.equal(await page.locator('#recovery-download').count(), 1);
  await context.close();
});

test('a panic replaces the page with a recovery screen that keeps the data and can start afresh', async () => {
  const { context, page } = await open(ctx, '?bank=fixtures/kbd/index.toml');
  await page.locator('#start-button').waitFor();
  await page.evaluate(() => {
    localStorage.setItem('accord/progress', '{"app":"accord","schema":3,"data":{}}');
    localStorage.setItem('accord/teacher/desk', 'the teacher desk');
    localStorage.setItem('accord/debug-panic', 'on mount');
  });
  await page.reload();
  await page.locator('#recovery h1').waitFor();
  assert.match(await page.locator('.recovery-detail').textContent(), /on mount/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#recovery-download').click()]);
  assert.match(download.suggestedFilename(), /^accord-saved-data-/);
  await page.evaluate(() => localStorage.removeItem('accord/debug-panic'));
  await page.locator('#recovery-reset').click();
  await page.locator('#start-button').waitFor();
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('accord/backup/')).length);
  assert.ok(kept >= 1, 'the data was moved aside, not deleted');
  // The learner page's fresh start never touches the teacher's desk in the same browser.
  assert.equal(await page.evaluate(() => localStorage.getItem('accord/teacher/desk')), 'the teacher desk');
  await context.close();
});
