//! Loading a bank for a page, without the TOML reader or the validator in the page's wasm.
//!
//! The default bank comes in one request: `questions/bundle.json`, the compiled bank written
//! at build time (checked again as it is read: see `bank::compiled`). Any other bank, and the
//! default bank when a teacher has edited its files since the build, is read from its source
//! files by the reader module (`reader`), which boot.js loads only when it is asked for.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::site::{SiteUrl, fetch_text};
use crate::bank::Bank;
use crate::bank::compiled::{self, Compiled, Stamp};
use crate::progress::DEFAULT_BANK_PATH;

/// The default bank's bundle, beside its manifest.
pub const BUNDLE: &str = "questions/bundle.json";

/// What loading gave: the bank, and stamps of the files it was built from (for `refresh`).
pub struct Loaded {
    pub bank: Bank,
    pub files: Vec<Stamp>,
    /// It came from the build's bundle (and may be older than the files on the server).
    pub from_bundle: bool,
}

/// Why a bank could not be loaded: every problem as `file:line:column: message`.
pub type Problems = Vec<String>;

/// Load the bank at `path` (relative to the page).
pub async fn load(path: &str) -> Result<Loaded, Problems> {
    if path == DEFAULT_BANK_PATH
        && let Some(compiled) = bundle().await
    {
        return Ok(Loaded {
            bank: compiled.bank,
            files: compiled.files,
            from_bundle: true,
        });
    }
    let compiled = read(path).await?;
    Ok(Loaded {
        bank: compiled.bank,
        files: compiled.files,
        from_bundle: false,
    })
}

/// The bundle's bank, if it is there and sound (a prefetch started by boot.js is used).
async fn bundle() -> Option<Compiled> {
    let text = match window_value("accordBundle").and_then(|v| v.dyn_into::<js_sys::Promise>().ok())
    {
        Some(promise) => JsFuture::from(promise).await.ok()?.as_string()?,
        None => fetch_text(&SiteUrl::resolve("", BUNDLE).ok()?).await.ok()?,
    };
    let compiled = compiled::decode(&text).ok()?;
    // The bundle speaks for the default bank only, and names files this site may fetch.
    (compiled.files[0].path == DEFAULT_BANK_PATH
        && compiled
            .files
            .iter()
            .all(|f| SiteUrl::resolve("", &f.path).is_ok()))
    .then_some(compiled)
}

fn window_value(name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(&super::browser::window(), &JsValue::from_str(name)).ok()
}

/// Ask the reader module to read the bank at `path` from its source files.
async fn read(path: &str) -> Result<Compiled, Problems> {
    let unavailable = |why: &str| vec![format!("{path}: the bank reader could not start ({why})")];
    let start = window_value("accordReader")
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| unavailable("this page has no boot script"))?;
    let promise = start
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or_else(|| unavailable("it did not load"))?;
    let module = JsFuture::from(promise)
        .await
        .map_err(|e| unavailable(&super::browser::error_text(&e)))?;
    let read_bank = js_sys::Reflect::get(&module, &JsValue::from_str("read_bank"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| unavailable("it has no read_bank"))?;
    let answer = read_bank
        .call1(&JsValue::NULL, &JsValue::from_str(path))
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or_else(|| unavailable("it did not answer"))?;
    match JsFuture::from(answer).await {
        Ok(text) => {
            let text = text.as_string().unwrap_or_default();
            compiled::decode(&text).map_err(|why| vec![format!("{path}: {why}")])
        }
        Err(problems) => Err(problems
            .as_string()
            .map(|text| text.lines().map(str::to_string).collect())
            .unwrap_or_else(|| unavailable(&super::browser::error_text(&problems)))),
    }
}

/// After the first screen: compare the files a bundled bank came from with the server's. If a
/// teacher edited them and they make a valid bank, that bank. Offline, or with broken edits,
/// the bundle's bank stays (it was checked when the site was built).
pub async fn refresh(path: &str, stamps: &[Stamp]) -> Option<Loaded> {
    let urls: Vec<SiteUrl> = stamps
        .iter()
        .map(|s| SiteUrl::resolve("", &s.path))
        .collect::<Result<_, _>>()
        .ok()?;
    let texts = futures::future::join_all(urls.iter().map(fetch_text)).await;
    let mut changed = false;
    for (stamp, text) in stamps.iter().zip(texts) {
        let file = crate::bank::SourceFile::new(&stamp.path, text.ok()?);
        changed |= Stamp::of(&file) != *stamp;
    }
    if !changed {
        return None;
    }
    let compiled = read(path).await.ok()?;
    Some(Loaded {
        bank: compiled.bank,
        files: compiled.files,
        from_bundle: false,
    })
}
