// Print the gzip size of every file a first visit to Accord loads: the page, its script,
// wasm and stylesheet, and the default question bank (manifest plus the files it lists).
//
//   node scripts/size.mjs dist

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] || 'dist';
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
const files = readdirSync(dist).filter((f) => /\.(html|js|wasm|css)$/.test(f));
const manifest = readFileSync(join(dist, 'questions/index.toml'), 'utf8');
const listed = [...(manifest.match(/files\s*=\s*\[([^\]]*)\]/)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
const bank = ['index.toml', ...listed].map((f) => join('questions', f));

const rows = [];
for (const f of [...files, ...bank]) {
  const data = readFileSync(join(dist, f));
  rows.push([f, data.length, gzipSync(data, { level: 9 }).length]);
}
const group = (pred) => rows.filter(pred).reduce((a, r) => [a[0] + r[1], a[1] + r[2]], [0, 0]);
console.log(`${'file'.padEnd(48)} ${'raw'.padStart(11)} ${'gzip -9'.padStart(11)}`);
for (const [f, raw, gz] of rows.filter((r) => !r[0].startsWith('questions/'))) {
  console.log(`${f.padEnd(48)} ${kb(raw)} ${kb(gz)}`);
}
const [bankRaw, bankGz] = group((r) => r[0].startsWith('questions/'));
console.log(`${`questions/ (default bank, ${bank.length} files)`.padEnd(48)} ${kb(bankRaw)} ${kb(bankGz)}`);
const [raw, gz] = group(() => true);
console.log(`${'total first load'.padEnd(48)} ${kb(raw)} ${kb(gz)}`);
console.log(`budget: 150 KB gzip — ${gz <= 150 * 1024 ? 'within' : 'OVER by ' + ((gz - 150 * 1024) / 1024).toFixed(1) + ' KB'}`);
