// Accord's boot script, plain JS that runs before the app's wasm and without it:
// 1. starts fetching the default question bundle at once, in parallel with the wasm, and
//    loads the bank reader module when the app asks for it;
// 2. defines the recovery screen the app's panic hook hands over to (and shows it if the app
//    never starts), so a crash never leaves a hanging page and no saved data is lost;
// 3. registers the service worker (offline use, installing) and offers a reload when a new
//    version is waiting.

// 1. The default bank's bundle: only when the page asks for no other bank. The app checks
//    everything it receives; this only saves a round trip.
(() => {
  const params = new URLSearchParams(location.search);
  if (params.has('bank')) return;
  window.accordBundle = fetch('questions/bundle.json', { cache: 'no-cache' })
    .then((r) => (r.ok ? r.text() : null))
    .catch(() => null);
})();

// 1b. The bank reader: a separate module (reader-<hash>.js and its wasm, named by the page's
//     <meta name="accord-reader">) with the TOML reader, the validator and the other formats'
//     readers. The learner's wasm stays small: it reads only compiled banks, and asks for the
//     reader when a bank has to be read from its source files (a teacher's edit, ?bank=).
(() => {
  let module = null;
  window.accordReader = () => {
    if (!module) {
      const meta = document.querySelector('meta[name="accord-reader"]');
      module = meta
        ? import(new URL(meta.content, document.baseURI).href).then(async (m) => {
            await m.default();
            return m;
          })
        : Promise.reject(new Error('this site was built without the bank reader'));
      module.catch(() => (module = null));
    }
    return module;
  };
})();

// 2. Recovery. Everything Accord saved is under keys starting "accord/".
(() => {
  const PREFIX = 'accord/';
  const BACKUP = 'accord/backup/';
  const saved = () => {
    const out = {};
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key && key.startsWith(PREFIX)) out[key] = localStorage.getItem(key);
      }
    } catch (e) {
      /* storage unavailable: nothing to save */
    }
    return out;
  };
  const download = () => {
    const blob = new Blob([JSON.stringify(saved(), null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `accord-saved-data-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  // Move this page's data aside (backups are kept), so it starts afresh: the teacher page moves
  // only the teacher's desk (into its own backups, which it lists), the learner's pages only the
  // learner's data; neither touches the other's.
  const TEACHER = 'accord/teacher/';
  const TEACHER_BACKUP = 'accord/teacher/backup/';
  const teacherPage = /(^|\/)teacher\.html$/.test(location.pathname);
  const moveAside = () => {
    const now = String(Date.now()).padStart(13, '0');
    let n = 0;
    for (const [key, value] of Object.entries(saved())) {
      const teachers = key.startsWith(TEACHER);
      if (teachers !== teacherPage) continue;
      if (key.startsWith(BACKUP) || key.startsWith(TEACHER_BACKUP) || key === 'accord/profiles') continue;
      const aside = teacherPage ? `${TEACHER_BACKUP}${now}-${++n}` : `${BACKUP}${now}-${++n}`;
      try {
        localStorage.setItem(aside, value);
        localStorage.removeItem(key);
      } catch (e) {
        return false;
      }
    }
    return true;
  };
  let shown = false;
  window.accordRecover = (message) => {
    if (shown) return;
    shown = true;
    const main = document.createElement('main');
    main.id = 'recovery';
    main.className = 'recovery';
    const h1 = document.createElement('h1');
    h1.textContent = 'Something went wrong';
    h1.tabIndex = -1;
    const p = document.createElement('p');
    p.textContent =
      'Accord stopped because of an error. Your saved progress is still in this browser. ' +
      'You can download it, or move it aside (it is kept, not deleted) and start afresh.';
    const detail = document.createElement('pre');
    detail.className = 'recovery-detail';
    detail.textContent = String(message || 'The app did not start.');
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    const button = (id, text, action) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.id = id;
      b.textContent = text;
      b.addEventListener('click', action);
      return b;
    };
    const actions = document.createElement('div');
    actions.className = 'actions';
    actions.append(
      button('recovery-download', 'Download my saved data', download),
      button('recovery-reset', 'Move it aside and start afresh', () => {
        status.textContent = moveAside()
          ? 'Your data was moved aside. Reloading…'
          : 'There was no room to move it aside: download it first, then free some space.';
        if (status.textContent.endsWith('…')) setTimeout(() => location.reload(), 300);
      }),
      button('recovery-reload', 'Reload', () => location.reload()),
    );
    main.append(h1, p, actions, status, detail);
    document.body.replaceChildren(main);
    h1.focus();
  };
  // A wasm that fails to load or start shows the same screen.
  window.addEventListener('error', (e) => {
    const ours = String(e.filename || '').startsWith(location.origin);
    if (document.getElementById('boot') && (ours || /wasm|WebAssembly/i.test(String(e.message)))) {
      window.accordRecover(e.message);
    }
  });
  window.addEventListener('unhandledrejection', (e) => {
    if (document.getElementById('boot')) window.accordRecover(String(e.reason));
  });
  // Never a hang: if the app has not started after 30 s, say so and offer a reload.
  setTimeout(() => {
    const boot = document.getElementById('boot');
    if (boot && !shown) {
      boot.textContent = 'Accord is taking long to start. Check your connection, then ';
      const again = document.createElement('button');
      again.type = 'button';
      again.textContent = 'reload';
      again.addEventListener('click', () => location.reload());
      boot.append(again);
    }
  }, 30000);
})();

// 3. The service worker.
(() => {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  // sw.js sits beside this script and index.html: resolve it from here, so the app works from
  // any sub-path, and keep the scope to that folder (never the whole site).
  const here = document.currentScript?.src || document.baseURI;
  const swUrl = new URL('sw.js', here);
  const scope = new URL('./', swUrl);
  const sw = navigator.serviceWorker;
  let reloading = false;

  function offer(worker) {
    if (document.getElementById('update-banner')) return;
    const banner = document.createElement('div');
    banner.id = 'update-banner';
    banner.setAttribute('role', 'status');
    banner.style.cssText =
      'position:fixed;left:50%;bottom:1rem;transform:translateX(-50%);z-index:10;' +
      'display:flex;gap:.75rem;align-items:center;flex-wrap:wrap;justify-content:center;' +
      'max-width:calc(100% - 2rem);padding:.5rem .75rem;border-radius:var(--radius,10px);' +
      'background:var(--surface,#fff);color:var(--text,#1b1f2a);border:1px solid var(--border,#d5d9e3);' +
      'box-shadow:0 2px 10px rgba(0,0,0,.18)';
    const text = document.createElement('span');
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'update-reload';
    button.className = 'quiet';
    button.textContent = 'Reload';
    button.addEventListener('click', () => {
      reloading = true;
      button.disabled = true;
      // Already running (another tab reloaded first): just load the page from it.
      if (worker.state === 'activated') location.reload();
      else worker.postMessage({ type: 'SKIP_WAITING' });
    });
    banner.append(text, button);
    document.body.append(banner);
    // Filled in after the live region is in the page, so screen readers announce it.
    setTimeout(() => (text.textContent = 'A new version of Accord is available.'), 100);
  }

  // The new version took over after Reload was pressed: load the page again from it.
  sw.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
  });

  function watch(reg) {
    // Only an update when a version already controls the page; the first install is silent.
    if (reg.waiting && sw.controller) offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && sw.controller) offer(worker);
      });
    });
  }

  const register = () =>
    sw
      .register(swUrl.href, { scope: scope.href })
      .then(watch)
      .catch((e) => console.warn('Accord works, but not offline: the service worker could not be registered.', e));
  // After the page has loaded, so the precache does not compete with the first load.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
})();
