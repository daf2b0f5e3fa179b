// Accord's service worker: the app keeps working offline once it has been opened.
//
// This is the source. The build (scripts/postbuild.mjs) writes dist/sw.js:
// this file preceded by `const BUILD = {...}` with the cache version (a hash of everything
// precached) and the list of files that are really in dist/. A new deploy therefore gives a new
// sw.js, which the browser installs beside the old one; the page then offers a reload.
//
// Strategies (all for same-origin GET requests inside the scope; everything else is untouched):
// - navigations (./, ./?seed=x&n=5, …): network first, falling back to the cached index.html;
// - question banks (*.toml, *.gift, *.txt, *.csv, the bundle): network first, so a teacher's
//   edits on the server win, falling back to the last copy cached;
// - everything else (hashed .js/.wasm/.css, manifest, icons): cache first.

/* global BUILD */
const SCOPE = self.registration.scope; // ends with '/'; the folder the app is served from
const PREFIX = `accord:${SCOPE}:`; // several Accord sites on one origin keep their own caches
const CACHE = PREFIX + BUILD.version;
const url = (path) => new URL(path, SCOPE).href;
const INDEX = url('index.html');

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // The app shell must be complete, or this version is not installed at all. Files with a
      // content hash in their name (app-0123456789abcdef.css; Trunk drops leading zeros, so
      // 12 to 16 digits) may come from the HTTP cache,
      // which the page has just filled; the others are checked with the server.
      const hashed = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;
      await cache.addAll(
        BUILD.shell.map((path) => new Request(url(path), { cache: hashed.test(path) ? 'default' : 'no-cache' })),
      );
      // The default bank's bundle and images: do not fail on one that is gone.
      await Promise.allSettled(
        BUILD.questions.map(async (path) => {
          const response = await fetch(url(path), { cache: 'no-cache' });
          if (response.ok) await cache.put(url(path), response);
        }),
      );
    })(),
  );
  // No skipWaiting here: a new version waits until the learner chooses to reload.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      // Control the page that installed the first version, so it works offline at once.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    // Offline, a page opens from its cached copy whatever its query (?seed=x, ?bank=y).
    const page = new URL(request.url);
    page.search = '';
    event.respondWith(networkFirst(request, page.pathname.endsWith('/') ? INDEX : page.href, false));
  } else if (/\.(toml|gift|txt|csv|json)$/.test(new URL(request.url).pathname)) {
    // Question banks: the server's copy first, so a teacher's edits win.
    event.respondWith(networkFirst(request, request, true));
  } else {
    event.respondWith(cacheFirst(request));
  }
});

/** The network's answer if there is one (cached for later when `keep`), else `fallback` from the cache. */
async function networkFirst(request, fallback, keep) {
  try {
    const response = await fetch(request);
    if (keep && response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => {});
    }
    return response;
  } catch (offline) {
    const cached = await caches.match(fallback, { cacheName: CACHE });
    if (cached) return cached;
    throw offline;
  }
}

/** The cached copy if there is one; otherwise the network's, cached when it is an app file. */
async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => {});
  }
  return response;
}
