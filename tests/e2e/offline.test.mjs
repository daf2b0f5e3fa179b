// Offline and installing: the web manifest and icons, the service worker's precache, a whole
// quiz and a shared link with the network off, and the "new version" prompt after a deploy.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { serve } from '../../scripts/static-server.mjs';
import { harness, open, SUB_PATH } from './harness.mjs';

const ctx = harness();

/** The build's precache list and version, as scripts/postbuild.mjs wrote them into dist/sw.js. */
function built(dir = 'dist') {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  return JSON.parse(sw.match(/const BUILD = (\{[\s\S]*?\n\});/)[1]);
}

/** Wait until a service worker controls the page (it claims the page once its cache is full). */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

/** Names of the page's caches and the URLs (relative to the app) each holds. */
const cacheContents = (page) =>
  page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const keys = await (await caches.open(name)).keys();
      out[name] = keys.map((r) => r.url.slice(new URL('./', location.href).href.length)).sort();
    }
    return out;
  });

/** Answer whatever question is on screen (any of the nine types) and go on. */
async function answerAnything(page) {
  await page.locator('#check-button').waitFor();
  const choices = page.locator('.card label.option, .card label.part');
  if ((await choices.count()) > 0) await choices.first().click();
  for (const input of await page.locator('.card input[type="text"]').all()) await input.fill('1');
  for (const select of await page.locator('.card select').all()) await select.selectOption({ index: 1 });
  await page.locator('#check-button').click();
  await page.locator('#feedback').waitFor({ timeout: 5000 }).catch(async () => {
    assert.fail(`Check gave no feedback: ${await page.locator('#answer-error').textContent()}`);
  });
  await page.locator('#next-button').click();
  await page.locator('#check-button, #results-heading').first().waitFor();
}

test('the app links a web manifest with an SVG icon and 192 and 512 px PNG icons', async () => {
  const { context, page } = await open(ctx);
  await page.locator('#start-button').waitFor();
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  assert.equal(href, 'manifest.webmanifest', 'a relative URL');
  const manifest = await page.evaluate(async (h) => (await fetch(h)).json(), href);
  assert.equal(manifest.name, 'Accord');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.theme_color && manifest.background_color);
  const sizes = {};
  for (const icon of manifest.icons) {
    const seen = await page.evaluate(async (src) => {
      const url = new URL(src, new URL('manifest.webmanifest', location.href));
      const res = await fetch(url);
      const img = new Image();
      img.src = url;
      await img.decode();
      return { ok: res.ok, type: res.headers.get('content-type'), size: `${img.naturalWidth}x${img.naturalHeight}` };
    }, icon.src);
    assert.ok(seen.ok, `${icon.src} is served`);
    assert.ok(seen.type.startsWith(icon.type), `${icon.src} is ${icon.type}`);
    if (icon.sizes !== 'any') assert.equal(seen.size, icon.sizes, icon.src);
    sizes[icon.type] = [...(sizes[icon.type] ?? []), icon.sizes];
  }
  assert.ok(sizes['image/svg+xml']);
  assert.ok(sizes['image/png'].includes('192x192') && sizes['image/png'].includes('512x512'));
  await context.close();
});

test('after one visit the app works offline: a whole quiz and a shared link', async () => {
  const { context, page, errors } = await open(ctx);
  await page.locator('#start-button').waitFor();
  await controlled(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(scope, ctx.base, 'the worker is scoped to the sub-path, not the site');

  // The cache holds exactly this build's app shell and shipped bank, under its version.
  const build = built();
  const caches = await cacheContents(page);
  const name = `accord:${ctx.base}:${build.version}`;
  assert.deepEqual(Object.keys(caches), [name]);
  for (const f of [...build.shell, ...build.questions]) assert.ok(caches[name].includes(f), `${f} is cached`);
  assert.ok(build.shell.some((f) => f.endsWith('.wasm')) && build.shell.includes('index.html'));
  assert.ok(build.questions[0] === 'questions/bundle.json', 'the default bank, in one file');
  assert.ok(build.shell.includes('progress.html'), 'the progress page works offline too');

  const title = await page.locator('h1').first().textContent();
  await context.setOffline(true);
  // The network is really gone, for the page and for its service worker.
  const reached = await page.evaluate(() => fetch('not-cached.txt').then(() => true, () => false));
  assert.equal(reached, false, 'an uncached file cannot be fetched offline');

  await page.reload();
  await page.locator('#start-button').waitFor();
  assert.equal(await page.locator('h1').first().textContent(), title, 'the start screen, with the bank');
  await page.locator('#start-button').click();
  for (let n = 0; n < 50 && !(await page.locator('#results-heading').isVisible()); n++) {
    await answerAnything(page);
  }
  await page.locator('#results-heading').waitFor();
  assert.ok((await page.locator('.review-item').count()) > 0);

  // A shared link (a navigation with a query string) opens offline too, with its seed and count.
  await page.goto(`${ctx.base}?seed=offline&n=3`);
  await page.locator('#start-button').click();
  for (let n = 1; n <= 3; n++) {
    await page.locator('.counter', { hasText: `Question ${n} of 3` }).waitFor();
    await answerAnything(page);
  }
  await page.locator('#results-heading').waitFor();
  assert.equal((await page.locator('#seed').textContent()).trim(), 'offline');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new deploy offers a reload, which switches to it and drops the old cache', async () => {
  // A deploy of our own: a copy of dist/ served by a second server, so it can be changed.
  const dir = mkdtempSync(join(tmpdir(), 'accord-deploy-'));
  cpSync('dist', dir, { recursive: true });
  const server = await serve({ mounts: { [SUB_PATH]: dir } });
  const base = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
  const context = await ctx.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(base);
    await page.locator('#start-button').waitFor();
    await controlled(page);
    assert.equal(await page.locator('#update-banner').count(), 0, 'no prompt on the first install');
    const first = built(dir).version;

    // Deploy a new version: the same app with a new sw.js (as any change to dist/ gives).
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    writeFileSync(join(dir, 'sw.js'), sw.replace(`"version": "${first}"`, '"version": "next-deploy"'));
    await page.reload();
    const banner = page.locator('#update-banner', { hasText: 'A new version of Accord is available.' });
    await banner.waitFor();
    assert.equal(await banner.getAttribute('role'), 'status');

    await Promise.all([page.waitForEvent('load'), page.locator('#update-banner button', { hasText: 'Reload' }).click()]);
    await page.locator('#start-button').waitFor();
    assert.equal(await page.locator('#update-banner').count(), 0, 'the new version is running');
    const names = Object.keys(await cacheContents(page));
    assert.deepEqual(names, [`accord:${base}:next-deploy`], 'the old version\'s cache is gone');
  } finally {
    await context.close();
    server.closeAllConnections?.();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a teacher\'s edit to a question file on the server shows without a rebuild', async () => {
  // The built bundle is older than the edited file: the app notices and uses the edit.
  const dir = mkdtempSync(join(tmpdir(), 'accord-edit-'));
  cpSync('dist', dir, { recursive: true });
  const index = join(dir, 'questions/index.toml');
  writeFileSync(index, readFileSync(index, 'utf8').replace('title = "NATO–Russia relations"', 'title = "NATO–Russia relations (edited)"'));
  const server = await serve({ mounts: { [SUB_PATH]: dir } });
  const base = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
  const context = await ctx.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(base);
    await page.locator('#start-heading', { hasText: '(edited)' }).waitFor();
    assert.match(await page.locator('.notice').first().textContent(), /updated on the server/);
  } finally {
    await context.close();
    server.closeAllConnections?.();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
