//! Loading a bank over HTTP and handing the files to the core's one parser and validator.
//!
//! The default bank comes in one request: `questions/bundle.json`, written at build time with
//! the exact text of every file (so errors still name the file and line). After the first
//! screen is up, `refresh` fetches the files themselves; if a teacher edited them on the
//! server, the edited bank is returned and replaces the bundle's.

use futures::future::join_all;
use serde::Deserialize;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::site::{SiteUrl, fetch_text};
use crate::bank::{Bank, BankErrors, Manifest, Rules, SourceFile, load_bank, path::extension};
use crate::progress::DEFAULT_BANK_PATH;

/// The default bank's bundle, beside its manifest.
pub const BUNDLE: &str = "questions/bundle.json";

/// What loading gave: the bank, and the files it was built from (for `refresh`).
pub struct Loaded {
    pub bank: Bank,
    pub files: Vec<SourceFile>,
    /// It came from the build's bundle (and may be older than the files on the server).
    pub from_bundle: bool,
}

/// Why a bank could not be loaded: every problem as `file:line:column: message`.
pub type Problems = Vec<String>;

fn lines(errors: BankErrors) -> Problems {
    errors.iter().map(|e| e.to_string()).collect()
}

#[derive(Deserialize)]
struct Bundle {
    app: String,
    files: Vec<(String, String)>,
}

/// Load the bank at `path` (relative to the page).
pub async fn load(path: &str) -> Result<Loaded, Problems> {
    if path == DEFAULT_BANK_PATH
        && let Some(files) = bundle().await
        && let Ok(mut loaded) = from_files(files)
    {
        loaded.from_bundle = true;
        return Ok(loaded);
    }
    match extension(path).as_str() {
        "toml" => load_toml(path).await,
        other => Err(vec![format!(
            "{path}: banks in .{other} files cannot be opened by this version of the app"
        )]),
    }
}

/// The bundle's files, if it is there and readable (a prefetch started by boot.js is used).
async fn bundle() -> Option<Vec<SourceFile>> {
    let text = match prefetched() {
        Some(promise) => JsFuture::from(promise).await.ok()?.as_string()?,
        None => fetch_text(&SiteUrl::resolve("", BUNDLE).ok()?).await.ok()?,
    };
    let bundle: Bundle = serde_json::from_str(&text).ok()?;
    if bundle.app != "accord-bundle" || bundle.files.is_empty() {
        return None;
    }
    // Every path must be one this site may fetch, starting with the manifest.
    if bundle.files[0].0 != DEFAULT_BANK_PATH {
        return None;
    }
    let mut files = Vec::new();
    for (path, text) in bundle.files {
        SiteUrl::resolve(DEFAULT_BANK_PATH, path.strip_prefix("questions/")?).ok()?;
        files.push(SourceFile::new(path, text));
    }
    Some(files)
}

/// The bundle text boot.js began fetching before the app started, if it did.
fn prefetched() -> Option<js_sys::Promise> {
    let value = js_sys::Reflect::get(
        &super::browser::window(),
        &wasm_bindgen::JsValue::from_str("accordBundle"),
    )
    .ok()?;
    value.dyn_into::<js_sys::Promise>().ok()
}

/// Parse and validate a manifest (first) and the files it lists (the rest, any order).
fn from_files(mut files: Vec<SourceFile>) -> Result<Loaded, Problems> {
    let kept = files.clone();
    let manifest_file = files.remove(0);
    let manifest = Manifest::parse(manifest_file).map_err(lines)?;
    let listed = manifest.listed_files().map_err(lines)?;
    let mut ordered = Vec::new();
    for file in &listed {
        let text = files
            .iter()
            .find(|f| f.name == file.path)
            .ok_or_else(|| vec![format!("{}: not in the bundle", file.path)])?;
        ordered.push(text.clone());
    }
    let bank = load_bank(manifest, ordered, Rules::default()).map_err(lines)?;
    Ok(Loaded {
        bank,
        files: kept,
        from_bundle: false,
    })
}

/// Fetch a TOML bank: its manifest, then the files it lists, in parallel.
async fn load_toml(path: &str) -> Result<Loaded, Problems> {
    let url = SiteUrl::resolve("", path).map_err(|why| vec![format!("{path}: {why}")])?;
    let text = fetch_text(&url)
        .await
        .map_err(|why| vec![format!("{path}: {why}")])?;
    let manifest_file = SourceFile::new(path, text);
    let manifest = Manifest::parse(manifest_file.clone()).map_err(lines)?;
    let listed = manifest.listed_files().map_err(lines)?;
    let mut problems = Vec::new();
    let mut urls = Vec::new();
    for file in &listed {
        let name = &file.path[crate::bank::path::folder_of(path).len()..];
        match SiteUrl::resolve(path, name) {
            Ok(url) => urls.push(url),
            Err(why) => {
                let at = &file.listed_at;
                problems.push(format!(
                    "{}:{}:{}: file \"{name}\" is refused: {why}",
                    at.file, at.line, at.column
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let texts = join_all(urls.iter().map(fetch_text)).await;
    let mut files = vec![manifest_file];
    for (file, text) in listed.into_iter().zip(texts) {
        match text {
            Ok(text) => files.push(SourceFile::new(file.path, text)),
            Err(why) => {
                let at = file.listed_at;
                problems.push(format!(
                    "{}:{}:{}: cannot load \"{}\": {why}",
                    at.file, at.line, at.column, file.path
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    from_files(files)
}

/// After the first screen: fetch the files a bundled bank came from. If the server has
/// different ones (a teacher edited them) that make a valid bank, that bank. Offline, or with
/// broken edits, the bundle's bank stays (it was checked when the site was built).
pub async fn refresh(path: &str, current: &[SourceFile]) -> Option<Loaded> {
    let fresh = load_toml(path).await.ok()?;
    (!same_files(&fresh.files, current)).then_some(fresh)
}

fn same_files(a: &[SourceFile], b: &[SourceFile]) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|f| b.iter().any(|g| g.name == f.name && g.text == f.text))
}
