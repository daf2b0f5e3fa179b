//! The few browser things only the teacher page needs: the text of many files at once (from a
//! file input or a drop), this site's `index.html` address, and the print dialog. Thin
//! adapters, no decisions.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::ui::browser::window;

/// Each file's name and text; a file that cannot be read as text gets an empty text (the
/// intake then refuses it in words).
async fn read_all(files: web_sys::FileList) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for i in 0..files.length() {
        let Some(file) = files.get(i) else { continue };
        let text = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        out.push((file.name(), text));
    }
    out
}

/// The files chosen in a file input (which is then cleared, so the same files can be chosen
/// again).
pub async fn chosen_files(event: &web_sys::Event) -> Vec<(String, String)> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let Some(files) = input.files() else {
        return Vec::new();
    };
    let read = read_all(files).await;
    input.set_value("");
    read
}

/// The files dropped on an element.
pub async fn dropped_files(event: &web_sys::DragEvent) -> Vec<(String, String)> {
    match event.data_transfer().and_then(|d| d.files()) {
        Some(files) => read_all(files).await,
        None => Vec::new(),
    }
}

/// This site's `index.html`, absolute: where the student links point.
pub fn index_url() -> String {
    let href = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base("index.html", &href)
        .map(|u| {
            u.set_search("");
            u.set_hash("");
            u.href()
        })
        .unwrap_or_else(|_| "index.html".to_string())
}

/// Open the browser's print dialog.
pub fn print() {
    let _ = window().print();
}
