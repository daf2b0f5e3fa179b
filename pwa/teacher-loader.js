// The teacher page's loader for the SCORM packager module (packager-<hash>.js and its wasm,
// named by the page's <meta name="accord-packager">): the manifest and zip code, loaded only
// when a teacher asks for a package, so the page's own wasm stays without it.
(() => {
  let module = null;
  window.accordPackager = () => {
    if (!module) {
      const meta = document.querySelector('meta[name="accord-packager"]');
      module = meta
        ? import(new URL(meta.content, document.baseURI).href).then(async (m) => {
            await m.default();
            return m;
          })
        : Promise.reject(new Error('this site was built without the SCORM packager'));
      module.catch(() => (module = null));
    }
    return module;
  };
})();
