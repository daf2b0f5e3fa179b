//! The few things the screens ask of the browser: the clock and time zone, random bits, the
//! document (title, theme, focus), file downloads and uploads. Thin adapters, no decisions.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::calendar::LocalTime;
use crate::progress::Theme;

pub fn window() -> web_sys::Window {
    web_sys::window().expect("the app runs in a window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("the window has a document")
}

/// The time, in ms since the epoch. (There is no clock setting: tests move the browser's own
/// clock instead, so nothing a learner can set touches exam timing.)
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The time and the learner's UTC offset now.
pub fn local_time() -> LocalTime {
    let now = now_ms();
    let date = js_sys::Date::new(&JsValue::from_f64(now as f64));
    LocalTime::new(now, -(date.get_timezone_offset() as i32))
}

/// Random bits for seeds and ids; not for anything secret.
pub fn random_bits() -> u64 {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (half() << 32) | half()
}

/// A fresh id for a quiz slot or a profile.
pub fn new_id() -> String {
    crate::quiz::Seed::from_random(random_bits()).to_string()
}

/// The page's title, for each screen: "Question 3 of 10 · NATO–Russia relations · Accord".
pub fn set_title(title: &str) {
    document().set_title(title);
}

/// The document's language and the learner's theme (`data-theme` on the root element; the
/// stylesheet follows the system when there is none).
pub fn set_document(language: &str, theme: Theme) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", language);
        match theme {
            Theme::System => {
                let _ = html.remove_attribute("data-theme");
            }
            other => {
                let _ = html.set_attribute("data-theme", other.name());
            }
        }
    }
}

/// Move keyboard focus to the element with this id once the pending render has run.
///
/// Leptos applies signal changes in a queued task; a task queued now runs after it, so the
/// element exists by then (and a quick second key press already lands on it).
pub fn focus_id(id: impl Into<String>) {
    let id = id.into();
    leptos::task::spawn_local(async move {
        if let Some(el) = document().get_element_by_id(&id)
            && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = el.focus();
        }
    });
}

/// Ask the learner to confirm something, with the browser's own dialog.
pub fn confirm(message: &str) -> bool {
    window().confirm_with_message(message).unwrap_or(false)
}

/// Offer `text` as a file download.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not make the file".to_string())?;
    offer(name, &blob)
}

/// Offer `bytes` (a zip, say) as a file download.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&JsValue::from(array));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not make the file".to_string())?;
    offer(name, &blob)
}

/// A JavaScript error's message, for a notice.
pub fn error_text(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Offer `blob` as a download named `name`, through a link clicked and let go.
fn offer(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob)
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

/// The text of the first file chosen in a file input (and clear the input).
pub async fn read_chosen_file(event: &web_sys::Event) -> Option<String> {
    let input = event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    JsFuture::from(file.text()).await.ok()?.as_string()
}

/// Copy text to the clipboard (best effort).
pub fn copy_text(text: &str) {
    let _ = window().navigator().clipboard().write_text(text);
}

/// Today's date as `2026-12-01`, in the learner's time zone (for file names).
pub fn today_iso() -> String {
    local_time().date().to_string()
}

// The Compression Streams API, bound by hand: web-sys has it only behind an unstable flag.
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &CompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &CompressionStream) -> web_sys::WritableStream;
}

/// `text` compressed with raw deflate by the browser's `CompressionStream` (so the page's wasm
/// carries no compressor).
pub async fn deflate_raw(text: &str) -> Result<Vec<u8>, String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence(&parts).map_err(|_| "no blob".to_string())?;
    let stream = CompressionStream::new("deflate-raw")
        .map_err(|_| "this browser cannot compress".to_string())?;
    let pair = web_sys::ReadableWritablePair::new(&stream.readable(), &stream.writable());
    let compressed = blob.stream().pipe_through(&pair);
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&compressed))
        .map_err(|_| "no response".to_string())?;
    let buffer = JsFuture::from(
        response
            .array_buffer()
            .map_err(|_| "no buffer".to_string())?,
    )
    .await
    .map_err(|_| "the compression failed".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Open the learner's e-mail program with a message ready to send.
pub fn open_mail(to: &str, subject: &str, body: &str) {
    let encode = |t: &str| String::from(js_sys::encode_uri_component(t));
    let href = format!(
        "mailto:{}?subject={}&body={}",
        encode(to),
        encode(subject),
        encode(body)
    );
    let _ = window().location().set_href(&href);
}

/// A moment as the learner's browser writes dates and times.
pub fn format_date_time(ms: u64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    String::from(date.to_locale_string("default", &JsValue::UNDEFINED))
}
