// Shared set-up for the end-to-end tests: the release build served under a sub-path by a
// local server on 127.0.0.1, and a headless Debian Chromium driven by playwright-core.

import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';

export const SUB_PATH = '/quiz/';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// Every test file finishes well within this; the server then stops by itself.
const SERVER_LIFETIME_MS = 10 * 60 * 1000;

/** Start the server and browser before the file's tests; stop both after. */
export function harness() {
  const ctx = { base: '', browser: null, server: null };
  before(async () => {
    ctx.server = await serve({
      mounts: { [SUB_PATH]: 'dist', [`${SUB_PATH}fixtures/`]: 'tests/e2e/fixtures' },
    });
    setTimeout(() => ctx.server.close(), SERVER_LIFETIME_MS).unref();
    ctx.base = `http://127.0.0.1:${ctx.server.address().port}${SUB_PATH}`;
    ctx.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await ctx.browser?.close();
    ctx.server?.closeAllConnections?.();
    ctx.server?.close();
  });
  return ctx;
}

/**
 * A fresh browser context (its own localStorage) and a page on `path` under the sub-path.
 * `clock: true` installs Playwright's fake clock first, so a test can move the page's time
 * (`page.clock.fastForward`) the way a learner's days pass; the app has no clock setting.
 * Content-Security-Policy violations are collected in `errors`, like uncaught errors.
 */
export async function open(ctx, path = '', { clock = false, ...options } = {}) {
  const context = await ctx.browser.newContext({ viewport: { width: 900, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  watch(page, errors);
  if (clock) await page.clock.install();
  await page.goto(ctx.base + path);
  return { context, page, errors };
}

/** Collect a page's uncaught errors and Content-Security-Policy violations into `errors`. */
export function watch(page, errors) {
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) errors.push(m.text());
  });
}

/** Another tab of the same browser context (shared localStorage, its own sessionStorage). */
export async function newTab(ctx, context, path = '') {
  const page = await context.newPage();
  const errors = [];
  watch(page, errors);
  await page.goto(ctx.base + path);
  return { page, errors };
}
