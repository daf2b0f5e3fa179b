// What the browser benchmarks share (scripts/bench-load.mjs, scripts/bench-parse.mjs): their
// options, running a build step, headless Chromium launched as the end-to-end tests launch it,
// and medians with min and max. Benchmarks, not tests: nothing here asserts a time.

import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';

// The end-to-end tests' flags (tests/e2e/harness.mjs).
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const launch = () => chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

/**
 * `--no-build` and, where `runs` is given (its default), `--runs N` from the command line;
 * anything else is refused.
 */
export function options(argv, { runs } = {}) {
  const out = { runs, build: true };
  const usage = runs === undefined ? '[--no-build]' : '[--runs N] [--no-build]';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-build') out.build = false;
    else if (runs !== undefined && argv[i] === '--runs' && /^[1-9]\d*$/.test(argv[i + 1] ?? '')) out.runs = Number(argv[++i]);
    else {
      console.error(`unknown option ${argv[i]}; usage: ${usage}`);
      process.exit(2);
    }
  }
  return out;
}

/** Run a command from the repository root with its output shown; stop on failure. */
export function run(command, args, env = {}) {
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed`);
    process.exit(1);
  }
}

/** Median, min and max of some numbers (the median of an even count is the upper middle). */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/** `median (min–max)` with `digits` decimals and a unit. */
export function spread(values, unit = 'ms', digits = 1) {
  const { median, min, max } = stats(values);
  const f = (x) => x.toFixed(digits);
  return `${f(median)} ${unit} (${f(min)}–${f(max)})`;
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
