// After the build, over the finished site (dist/):
// 1. fill in each page's Content-Security-Policy with the hashes of its inline scripts (Trunk's
//    loader is an inline module script: it is allowed by its hash, never by 'unsafe-inline');
// 2. write the service worker (sw.js, from pwa/sw.js) with the list of files to precache and a
//    cache version hashed from them, so every changed deploy is a new version and an identical
//    rebuild gives the identical sw.js.
//
//   node scripts/postbuild.mjs dist

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

const SOURCE = 'pwa/sw.js';
const OUTPUT = 'sw.js';
const BUNDLE = 'questions/bundle.json';
const PAGES = ['index.html', 'progress.html', 'teacher.html', 'exam.html'];

const site = process.argv[2];
if (!site) {
  console.error('usage: node scripts/postbuild.mjs <built site folder>');
  process.exit(2);
}

/** The policy for a page whose inline scripts have these texts. */
export function policy(inlineScripts) {
  const hashes = inlineScripts.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'none'",
  ].join('; ');
}

// 0. The bank reader module: named by its content's hash (so a cache never serves an old one
//    beside a new page), and named in every page by <meta name="accord-reader">.
let reader = null;
try {
  const wasm = readFileSync(join(site, 'reader_bg.wasm'));
  const js = readFileSync(join(site, 'reader.js'), 'utf8');
  const tag = createHash('sha256').update(wasm).update(js).digest('hex').slice(0, 16);
  if (!js.includes("'reader_bg.wasm'")) throw new Error('reader.js does not name reader_bg.wasm');
  reader = `reader-${tag}.js`;
  writeFileSync(join(site, `reader-${tag}_bg.wasm`), wasm);
  writeFileSync(join(site, reader), js.replaceAll("'reader_bg.wasm'", `'reader-${tag}_bg.wasm'`));
  unlinkSync(join(site, 'reader_bg.wasm'));
  unlinkSync(join(site, 'reader.js'));
  console.log(`postbuild: bank reader module ${reader}`);
} catch (e) {
  if (e.code !== 'ENOENT') throw e;
}
if (reader) {
  for (const page of PAGES) {
    let html;
    try {
      html = readFileSync(join(site, page), 'utf8');
    } catch {
      continue;
    }
    const meta = `<meta name="accord-reader" content="${reader}">`;
    html = html.replace(/<meta name="accord-reader"[^>]*>\n?/, '').replace('</head>', `${meta}\n</head>`);
    writeFileSync(join(site, page), html);
  }
}

// 1. Content-Security-Policy.
for (const page of PAGES) {
  let html;
  try {
    html = readFileSync(join(site, page), 'utf8');
  } catch {
    continue;
  }
  if (!html.includes('ACCORD_CSP')) throw new Error(`${page} has no ACCORD_CSP placeholder`);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  if (inline.some((s) => s.includes('ACCORD_CSP'))) throw new Error(`${page}: unexpected script content`);
  writeFileSync(join(site, page), html.replace('ACCORD_CSP', policy(inline)));
  console.log(`postbuild: ${page}: Content-Security-Policy with ${inline.length} inline script hash(es)`);
}

// 2. The service worker.
/** Every file under `dir`, as URL paths relative to the site, sorted. */
function walk(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(site, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .sort();
}

const all = walk(site).filter((f) => !f.startsWith('.'));
// The app shell: the pages, their hashed scripts, wasm and stylesheets, the manifest and icons.
const shell = all.filter((f) => f !== OUTPUT && !f.startsWith('questions/'));
if (!shell.includes('index.html')) throw new Error(`${site} has no index.html: run this after the build`);
// The default bank: its bundle, and the images its questions show.
const questions = [];
if (all.includes(BUNDLE)) {
  questions.push(BUNDLE);
  // The compiled bank: image paths are relative to the manifest (the first file).
  const bundle = JSON.parse(readFileSync(join(site, BUNDLE), 'utf8'));
  const folder = posix.dirname(bundle.files[0].path);
  for (const q of bundle.questions) {
    if (!q.image) continue;
    const image = posix.join(folder, q.image.file);
    if (all.includes(image) && !questions.includes(image)) questions.push(image);
  }
}

const template = readFileSync(SOURCE, 'utf8');
const hash = createHash('sha256').update(template);
for (const f of [...shell, ...questions]) hash.update(`\0${f}\0`).update(readFileSync(join(site, f)));
const version = hash.digest('hex').slice(0, 16);

const build = { version, shell, questions };
const header = `// Generated by scripts/postbuild.mjs from ${SOURCE} at build time: do not edit.\n` +
  `const BUILD = ${JSON.stringify(build, null, 2)};\n\n`;
writeFileSync(join(site, OUTPUT), header + template);
console.log(`postbuild: ${OUTPUT} version ${version}: ${shell.length} app files, ${questions.length} question files precached`);
