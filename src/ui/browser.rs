//! The few things the UI asks of the browser: the clock, random bits, the URL, and fetching
//! bank files. Everything else goes through the core.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::quiz::Seed;

/// A storage setting that moves the app's clock forward by this many days: a testing aid
/// (the browser tests use it to see reviews fall due), harmless if a learner sets it.
pub const CLOCK_OFFSET_KEY: &str = "accord/clock-offset-days";

/// The time, in ms since the epoch, as the app sees it (the real clock plus any offset).
pub fn now_ms() -> u64 {
    let offset_days = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(CLOCK_OFFSET_KEY).ok().flatten())
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|d| d.is_finite())
        .unwrap_or(0.0);
    (js_sys::Date::now() + offset_days * 86_400_000.0) as u64
}

/// The last millisecond of the learner's local day containing `now`.
pub fn end_of_day(now: u64) -> u64 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(now as f64));
    date.set_hours(23);
    date.set_minutes(59);
    date.set_seconds(59);
    date.set_milliseconds(999);
    date.get_time() as u64
}

/// Random bits for a fresh seed; not for anything secret.
pub fn random_bits() -> u64 {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (half() << 32) | half()
}

fn window() -> web_sys::Window {
    web_sys::window().expect("the app runs in a window")
}

/// What the page's URL asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParams {
    pub seed: Option<Seed>,
    pub count: Option<usize>,
    pub topics: Option<Vec<String>>,
    /// The bank's manifest, relative to the page: `questions/index.toml` unless `?bank=` says.
    pub bank: String,
    /// Problems with the URL worth telling the learner.
    pub problems: Vec<String>,
}

pub const DEFAULT_BANK: &str = "questions/index.toml";

pub fn url_params() -> UrlParams {
    let search = window().location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let get = |name: &str| {
        params
            .as_ref()
            .and_then(|p| p.get(name))
            .filter(|v| !v.is_empty())
    };
    let mut problems = Vec::new();
    let seed = get("seed").and_then(|text| {
        let seed = Seed::parse(&text);
        if seed.is_none() {
            problems.push(format!(
                "The link's seed “{text}” is not valid (use up to 32 letters, digits, - or _), so a random one is used."
            ));
        }
        seed
    });
    let count = get("n")
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| (1..=500).contains(n));
    let topics = get("topics").map(|t| t.split(',').map(str::to_string).collect());
    let bank = match get("bank") {
        Some(path) if is_safe_bank_path(&path) => path,
        Some(path) => {
            problems.push(format!(
                "The link asks for the bank “{path}”, which is not a file beside this page, so the default bank is used."
            ));
            DEFAULT_BANK.to_string()
        }
        None => DEFAULT_BANK.to_string(),
    };
    UrlParams {
        seed,
        count,
        topics,
        bank,
        problems,
    }
}

/// Only banks served beside the app: a relative path to a `.toml` file, never another site.
fn is_safe_bank_path(path: &str) -> bool {
    path.ends_with(".toml")
        && !path.starts_with('/')
        && !path.contains("://")
        && !path.contains('\\')
        && path.split('/').all(|part| !part.is_empty() && part != "..")
}

/// A link that reproduces a quiz: this page with its seed, count and topics.
pub fn share_link(seed: &Seed, count: usize, topics: &[String], bank: &str) -> String {
    let location = window().location();
    let base = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    let mut link = format!("{base}?seed={seed}&n={count}");
    if !topics.is_empty() {
        link.push_str(&format!("&topics={}", topics.join(",")));
    }
    if bank != DEFAULT_BANK {
        link.push_str(&format!("&bank={bank}"));
    }
    link
}

/// Fetch a text file beside the page, always asking the server whether it changed, so a
/// teacher's edits show up on the next load.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let promise = window().fetch_with_str_and_init(path, &init);
    let response = JsFuture::from(promise).await.map_err(|_| {
        "the file could not be fetched (network error or the server is unreachable)".to_string()
    })?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "unexpected fetch result".to_string())?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} {} (is the file missing?)",
            response.status(),
            response.status_text()
        ));
    }
    let text = response
        .text()
        .map_err(|_| "the file could not be read".to_string())?;
    let text = JsFuture::from(text)
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_string())
}

/// Move keyboard focus to the element with this id once the pending render has run.
///
/// Leptos applies signal changes in a queued task; a task queued now runs after it, so the
/// element exists by then (and a quick second key press already lands on it).
pub fn focus_id(id: &'static str) {
    leptos::task::spawn_local(async move {
        if let Some(el) = window().document().and_then(|d| d.get_element_by_id(id))
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
