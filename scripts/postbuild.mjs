// After the build, over the finished site (dist/):
// 1. fill in each page's Content-Security-Policy with the hashes of its inline scripts (Trunk's
//    loader is an inline module script: it is allowed by its hash, never by 'unsafe-inline');
// 2. write the service worker (sw.js, from pwa/sw.js) with the list of files to precache and a
//    cache version hashed from them, so every changed deploy is a new version and an identical
//    rebuild gives the identical sw.js;
// 3. write scorm-files.json, every file the SCORM page (scorm.html, a package's launch page)
//    loads, which the teacher's page fetches to make a package (src/lms/launch.rs).
//
//   node scripts/postbuild.mjs dist

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

const SOURCE = 'pwa/sw.js';
const OUTPUT = 'sw.js';
const BUNDLE = 'questions/bundle.json';
const PAGES = ['index.html', 'progress.html', 'teacher.html', 'exam.html', 'scorm.html'];
const SCORM_PAGE = 'scorm.html';
const SCORM_FILES = 'scorm-files.json';

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

// 0. The modules loaded on demand, each named by its content's hash (so a cache never serves an
//    old one beside a new page) and named in its pages by <meta name="accord-<module>">: the
//    bank reader (every page) and the SCORM packager (the teacher's page).
function hashModule(name, pages) {
  let wasm;
  let js;
  try {
    wasm = readFileSync(join(site, `${name}_bg.wasm`));
    js = readFileSync(join(site, `${name}.js`), 'utf8');
  } catch (e) {
    if (e.code === 'ENOENT') return null;
    throw e;
  }
  const tag = createHash('sha256').update(wasm).update(js).digest('hex').slice(0, 16);
  if (!js.includes(`'${name}_bg.wasm'`)) throw new Error(`${name}.js does not name ${name}_bg.wasm`);
  const file = `${name}-${tag}.js`;
  writeFileSync(join(site, `${name}-${tag}_bg.wasm`), wasm);
  writeFileSync(join(site, file), js.replaceAll(`'${name}_bg.wasm'`, `'${name}-${tag}_bg.wasm'`));
  unlinkSync(join(site, `${name}_bg.wasm`));
  unlinkSync(join(site, `${name}.js`));
  console.log(`postbuild: module ${file}`);
  for (const page of pages) {
    let html;
    try {
      html = readFileSync(join(site, page), 'utf8');
    } catch {
      continue;
    }
    const meta = `<meta name="accord-${name}" content="${file}">`;
    const old = new RegExp(`<meta name="accord-${name}"[^>]*>\\n?`);
    html = html.replace(old, '').replace('</head>', `${meta}\n</head>`);
    writeFileSync(join(site, page), html);
  }
  return file;
}
hashModule('reader', PAGES);
hashModule('packager', ['teacher.html']);

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

// 3 (first, so the service worker's listing sees it). The SCORM page's files: what its HTML
//    names (scripts, stylesheets, preloads, the icon), the wasm its loader fetches, and the bank
//    reader module the page loads for a bank read from its source files.
try {
  const html = readFileSync(join(site, SCORM_PAGE), 'utf8');
  const files = new Set([SCORM_PAGE]);
  const local = (f) => !/^(https?:|data:|blob:)/.test(f);
  for (const m of html.matchAll(/\s(?:src|href)="\.?\/?([^"#?]+)"/g)) if (local(m[1])) files.add(m[1]);
  for (const m of html.matchAll(/module_or_path:\s*'\.?\/?([^']+)'/g)) files.add(m[1]);
  for (const m of html.matchAll(/from\s*'\.?\/?([^']+\.js)'/g)) files.add(m[1]);
  const reader = html.match(/<meta name="accord-reader" content="([^"]+)">/)?.[1];
  if (reader) files.add(reader).add(reader.replace(/\.js$/, '_bg.wasm'));
  const list = [...files].sort();
  for (const f of list) readFileSync(join(site, f)); // every one is there, or the build fails here
  if (!list.some((f) => f.endsWith('_bg.wasm') && f.startsWith('scorm-'))) throw new Error(`${SCORM_PAGE} names no wasm`);
  writeFileSync(join(site, SCORM_FILES), JSON.stringify({ files: list }, null, 2) + '\n');
  console.log(`postbuild: ${SCORM_FILES}: ${list.length} files for the SCORM page`);
} catch (e) {
  if (e.code !== 'ENOENT' || e.path?.endsWith(SCORM_PAGE) !== true) throw e;
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
// Not the SCORM page's own files (it runs inside an LMS, never offline from this site) nor the
// packager, which makes packages from them.
const shell = all.filter((f) => f !== OUTPUT && !f.startsWith('questions/') && !/^(scorm[-.]|packager-)/.test(f));
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
