// A small static file server for Accord's built site: 127.0.0.1 only, no dependencies.
// Used by ./scripts/serve and by the end-to-end tests (which mount the site under a sub-path);
// the benchmarks ask for gzip (`compress: true`), as a production host would send.
//
//   node scripts/static-server.mjs --root dist [--port 8080] [--prefix /quiz/] [--mount /quiz/fixtures/=tests/e2e/fixtures] [--gzip]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** gzip -9 of a file's body, kept while the file is unchanged (the size script's measure). */
const gzipped = new Map();
function gzipOf(file, info, body) {
  const key = `${file}:${info.mtimeMs}:${info.size}`;
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
  return gzipped.get(key);
}

/**
 * Start serving; `mounts` maps URL prefixes (ending in /) to folders. With `compress`, bodies
 * go out gzip -9 to clients that accept it. Resolves to the server.
 */
export function serve({ port = 0, mounts, compress = false }) {
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const mount = table.find(([prefix]) => path.startsWith(prefix));
      if (!mount) {
        const [first] = table[table.length - 1];
        if (path === '/' && first !== '/') {
          res.writeHead(302, { location: first }).end();
          return;
        }
        res.writeHead(404).end('not found');
        return;
      }
      const [prefix, root] = mount;
      let file = normalize(join(root, path.slice(prefix.length)));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info && info.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (!body) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
        return;
      }
      const headers = {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
      };
      let out = body;
      if (compress) {
        headers.vary = 'accept-encoding';
        if (/\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
          out = gzipOf(file, await stat(file), body);
          headers['content-encoding'] = 'gzip';
        }
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : out);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const get = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const prefix = get('--prefix', '/');
  const mounts = { [prefix]: get('--root', 'dist') };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--mount') {
      const [p, dir] = args[i + 1].split('=');
      mounts[p] = dir;
    }
  }
  const server = await serve({ port: Number(get('--port', 8080)), mounts, compress: args.includes('--gzip') });
  const { port } = server.address();
  console.log(`Accord is being served at http://127.0.0.1:${port}${prefix}  (Ctrl-C to stop)`);
}
