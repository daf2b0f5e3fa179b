// Print the gzip size of every file a first visit to Accord's learner page loads: the page, its
// scripts, wasm and stylesheet, and the default question bundle; with --check, fail when the
// total is over the ceiling or the page makes more than MAX_REQUESTS requests.
//
// Two numbers: the target (issue 13: 150 KB gzip) and the ceiling the test command enforces.
// The ceiling is a ratchet, set just above today's size: no change can grow the first load
// unnoticed, and each step of the size work lowers it. Until the target is met the report
// says by how much it is missed.
//
//   node scripts/size.mjs dist [--check]

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const TARGET_KB = 150;
export const CEILING_KB = 428;
export const MAX_REQUESTS = 8;
const dist = process.argv[2] || 'dist';
const check = process.argv.includes('--check');
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';

// What index.html itself loads: its scripts, stylesheets, modulepreloads and preloads, the
// manifest and the icon; the wasm its loader fetches; and the bundle boot.js fetches.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = new Set();
for (const m of html.matchAll(/(?:src|href)="\.?\/?([^"#?]+)"/g)) {
  if (!/^(https?:|data:)/.test(m[1])) refs.add(m[1]);
}
for (const m of html.matchAll(/module_or_path:\s*'\.?\/?([^']+)'/g)) refs.add(m[1]);
refs.add('questions/bundle.json');
const files = ['index.html', ...[...refs].filter((f) => f !== 'index.html').sort()];

const rows = files.map((f) => {
  const data = readFileSync(join(dist, f));
  return [f, data.length, gzipSync(data, { level: 9 }).length];
});
console.log(`${'file (learner first load)'.padEnd(48)} ${'raw'.padStart(11)} ${'gzip -9'.padStart(11)}`);
for (const [f, raw, gz] of rows) console.log(`${f.padEnd(48)} ${kb(raw)} ${kb(gz)}`);
const raw = rows.reduce((a, r) => a + r[1], 0);
const gz = rows.reduce((a, r) => a + r[2], 0);
console.log(`${`total first load (${rows.length} requests)`.padEnd(48)} ${kb(raw)} ${kb(gz)}`);
const over = (limit) => ((gz - limit * 1024) / 1024).toFixed(1);
const underCeiling = gz <= CEILING_KB * 1024;
const fewRequests = rows.length <= MAX_REQUESTS;
console.log(`target: ${TARGET_KB} KB gzip — ${gz <= TARGET_KB * 1024 ? 'met' : `not met yet, over by ${over(TARGET_KB)} KB`}`);
console.log(`ceiling (checked): ${CEILING_KB} KB gzip — ${underCeiling ? 'within' : `OVER by ${over(CEILING_KB)} KB`}; requests ${rows.length} of at most ${MAX_REQUESTS}`);
if (check && !(underCeiling && fewRequests)) process.exit(1);
