//! The browser side of the Questions area: the files a teacher drops or chooses, the files of
//! the bank this page's site serves (fetched as the bank reader fetches them), and downloads
//! of bytes (a zip). Thin adapters, no decisions.

use wasm_bindgen::{JsCast, JsValue};

use super::files::{chosen_files, dropped_files};
use crate::results::desk::BroughtFile;
use crate::ui::browser::document;

fn brought(files: Vec<(String, String)>) -> Vec<BroughtFile> {
    files
        .into_iter()
        .map(|(name, text)| BroughtFile::new(name, text))
        .collect()
}

/// The files chosen in a file input.
pub async fn chosen(event: &web_sys::Event) -> Vec<BroughtFile> {
    brought(chosen_files(event).await)
}

/// The files dropped on an element.
pub async fn dropped(event: &web_sys::DragEvent) -> Vec<BroughtFile> {
    brought(dropped_files(event).await)
}

/// The files of the bank at `path` on this site (its manifest and the files it lists, or
/// the one file), fetched the way the bank reader fetches them; or why they could not be.
pub async fn hosted(path: &str) -> Result<Vec<BroughtFile>, Vec<String>> {
    let files = crate::ui::reader::fetch(path).await?;
    Ok(files
        .into_iter()
        .map(|f| BroughtFile::new(f.name, f.text))
        .collect())
}

/// Offer `bytes` as a file download.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&JsValue::from(array));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not make the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "no download address".to_string())?;
    let link: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|_| "no link")?
        .dyn_into()
        .map_err(|_| "no link")?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
