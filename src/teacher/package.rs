//! An assignment as a SCORM package, made in the teacher's browser: the launch page's files
//! (the list the build wrote), the bank's files and the assignment's code, fetched from this
//! site, then zipped by the packager module (`lms`'s manifest and zip, loaded on demand so the
//! page's wasm carries neither) and offered as a download. Fetching only; `lms` decides.

use futures::future::join_all;
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::assignment::Assignment;
use crate::bank::Bank;
use crate::lms::{self, PassMark, ScormVersion};
use crate::progress::DEFAULT_BANK_PATH;
use crate::ui::browser::window;
use crate::ui::loader::BUNDLE;
use crate::ui::site::{SiteUrl, fetch_text};

/// A file of this site, as bytes.
async fn fetch_bytes(url: &SiteUrl) -> Result<Vec<u8>, String> {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let failed = || format!("{} could not be fetched", url.path());
    let response: web_sys::Response =
        JsFuture::from(window().fetch_with_str_and_init(url.href(), &init))
            .await
            .map_err(|_| failed())?
            .dyn_into()
            .map_err(|_| failed())?;
    if !response.ok() {
        return Err(format!(
            "{}: the server answered {} (is it missing from the site?)",
            url.path(),
            response.status()
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The package of `assignment` (which draws from `bank`, read from the files `sources`), for
/// `version`: its file name and its bytes.
pub async fn make(
    version: ScormVersion,
    assignment: &Assignment,
    bank: &Bank,
    sources: &[String],
) -> Result<(String, Vec<u8>), String> {
    let list = SiteUrl::resolve("", lms::FILE_LIST)?;
    let text = fetch_text(&list).await.map_err(|why| {
        format!(
            "{}: {why}. Packages are made from the built site",
            lms::FILE_LIST
        )
    })?;
    let mut paths = lms::file_list(&text)?;
    let bundle = (assignment.bank.path == DEFAULT_BANK_PATH).then_some(BUNDLE);
    paths.extend(lms::bank_files(bank, sources, bundle));
    paths.sort();
    paths.dedup();
    let urls = paths
        .iter()
        .map(|p| SiteUrl::resolve("", p).map_err(|why| format!("{p}: {why}")))
        .collect::<Result<Vec<_>, _>>()?;
    let bytes = join_all(urls.iter().map(fetch_bytes)).await;
    let entries = paths
        .into_iter()
        .zip(bytes)
        .map(|(path, bytes)| bytes.map(|b| (path, b)))
        .collect::<Result<Vec<_>, _>>()?;
    let code = crate::assignment::encode(assignment);
    let launch = lms::launch(version, &code);
    // A sealed exam's score is unknown to the learner's page: no pass mark to compare.
    let pass_mark = assignment
        .pass_mark
        .filter(|_| !assignment.sealed)
        .and_then(PassMark::from_percent);
    let files = js_sys::Array::new();
    for (path, bytes) in &entries {
        let pair = js_sys::Array::of2(
            &JsValue::from_str(path),
            &js_sys::Uint8Array::from(bytes.as_slice()),
        );
        files.push(&pair);
    }
    let args = js_sys::Array::of5(
        &JsValue::from_str(version.param()),
        &JsValue::from_str(&assignment.id),
        &JsValue::from_str(&assignment.title),
        &JsValue::from_str(&launch),
        &pass_mark.map_or(JsValue::UNDEFINED, |m| JsValue::from(m.thousandths())),
    );
    args.push(&files);
    let zip = call_packager(&args).await?;
    Ok((lms::file_name(&assignment.title, version), zip))
}

/// The packager module's `make_package(...args)`: the zip's bytes, or why not.
async fn call_packager(args: &js_sys::Array) -> Result<Vec<u8>, String> {
    let unavailable = |why: String| format!("the SCORM packager could not start ({why})");
    let start = Reflect::get(&window(), &JsValue::from_str("accordPackager"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| unavailable("this page has no loader for it".into()))?;
    let promise = start
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or_else(|| unavailable("it did not load".into()))?;
    let module = JsFuture::from(promise)
        .await
        .map_err(|e| unavailable(crate::ui::browser::error_text(&e)))?;
    let make = Reflect::get(&module, &JsValue::from_str("make_package"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| unavailable("it has no make_package".into()))?;
    let zip = make
        .apply(&JsValue::NULL, args)
        .map_err(|e| crate::ui::browser::error_text(&e))?;
    Ok(js_sys::Uint8Array::new(&zip).to_vec())
}

/// Offer `bytes` as a zip file download.
pub fn download_zip(name: &str, bytes: &[u8]) -> Result<(), String> {
    crate::ui::browser::download_bytes(name, "application/zip", bytes)
}
