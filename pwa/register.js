// Register Accord's service worker (offline use, installing) and offer a reload when a new
// version of the app is waiting. Plain JS, independent of the app: where service workers are
// unavailable (an old browser, or plain http on a host other than localhost) it does nothing.
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
