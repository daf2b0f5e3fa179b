// Parsing and validating a generated 10,000-question bank, natively and in the browser: the
// native number from `cargo run --release --bin bench parse`, the browser's from bench.html
// (src/bin/bench_page.rs: the same bank, the app's own parser and validator, in wasm built
// with the app's release settings), run in headless Chromium. A benchmark, not a test.
//
//   node scripts/bench-parse.mjs [--no-build]     (./scripts/bench-parse runs this)
//
// --no-build skips the page's build (trunk build bench.html … --dist target/site-bench); the
// native benchmark is always run through cargo, which builds it when it changed.

import { serve } from './static-server.mjs';
import { launch, options, run, spread } from './bench-common.mjs';

const SITE = 'target/site-bench';
const TIMEOUT_MS = 5 * 60 * 1000;

const opts = options(process.argv.slice(2));
if (opts.build) run('trunk', ['build', 'bench.html', '--release', '--offline', '--dist', SITE]);

console.log('\nNative (cargo run --release --bin bench parse):');
run('cargo', ['run', '--release', '--quiet', '--locked', '--bin', 'bench', '--', 'parse', 'results']);

// Each load is a fresh browser context: its first run is the one a learner's page makes (the
// wasm's code still cold); the runs after it are the steady state the native number compares to.
const LOADS = 3;

const server = await serve({ mounts: { '/bench/': SITE }, compress: true });
const browser = await launch();
try {
  const results = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/bench/`);
    const handle = await page
      .waitForFunction(() => window.accordBenchParse, null, { timeout: TIMEOUT_MS, polling: 500 })
      .catch((e) => {
        throw new Error(`the benchmark page never reported (${errors.join('; ') || e.message})`);
      });
    const result = JSON.parse(await handle.jsonValue());
    if (result.error) throw new Error(`the benchmark page failed: ${result.error}`);
    results.push(result);
    await context.close();
  }
  const { questions, bytes } = results[0];
  const runs = results[0].parse_ms.length;
  const first = results.map((r) => r.parse_ms[0]);
  const later = results.flatMap((r) => r.parse_ms.slice(1));
  console.log(`\nBrowser (wasm, headless ${browser.version()}), ${LOADS} page loads of ${runs} runs; median (min–max):`);
  console.log(`parse + validate ${questions} questions (${Math.floor(bytes / 1024)} KB):  ${spread(later)}  (target ≤ 150 ms)`);
  console.log(`  the first run of a page load:               ${spread(first)}`);
  console.log(`  of which TOML syntax alone:                  ${spread(results.flatMap((r) => r.syntax_ms))}`);
  console.log(`results: ${results[0].results_files} files of 50 questions in:    ${spread(results.flatMap((r) => r.results_ms))}  (target ≤ 250 ms)`);
} finally {
  await browser.close();
  server.closeAllConnections?.();
  server.close();
}
