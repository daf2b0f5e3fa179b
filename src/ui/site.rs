//! The page's address: what its query asks for (`?bank=`, `?seed=`, `?n=`, `?topics=`), and the
//! only way to turn a bank path into something fetchable: resolved by the browser's URL parser
//! against the page, and accepted only on the page's origin under the page's folder.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::browser::window;
use crate::bank::path::{check_relative, extension, folder_of};
use crate::progress::DEFAULT_BANK_PATH;
use crate::quiz::Seed;

/// An address on this site, inside the folder it must stay in. Only `SiteUrl::resolve` makes
/// one, so a fetch can never reach another origin or leave the app's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteUrl {
    /// The absolute URL.
    href: String,
    /// The path relative to the page, as messages name it.
    path: String,
}

impl SiteUrl {
    /// `path` (relative, as a bank names it) resolved against `base` (a path relative to the
    /// page, or "" for the page itself), if it stays under `base`'s folder on this origin.
    pub fn resolve(base: &str, path: &str) -> Result<SiteUrl, String> {
        check_relative(path).map_err(|why| why.to_string())?;
        let location = window().location();
        let page = location.href().map_err(|_| "the page has no address")?;
        let base_url =
            web_sys::Url::new_with_base(if base.is_empty() { "./" } else { base }, &page)
                .map_err(|_| "the base address is not valid")?;
        let resolved = web_sys::Url::new_with_base(path, &base_url.href())
            .map_err(|_| "it is not a valid address")?;
        let origin = location.origin().map_err(|_| "the page has no origin")?;
        let folder = web_sys::Url::new_with_base("./", &base_url.href())
            .map_err(|_| "the base address is not valid")?;
        if resolved.origin() != origin {
            return Err("it is on another site".to_string());
        }
        if !resolved.pathname().starts_with(&folder.pathname()) {
            return Err("it is outside this quiz's folder".to_string());
        }
        if !resolved.search().is_empty() || !resolved.hash().is_empty() {
            return Err("it has a query or fragment".to_string());
        }
        Ok(SiteUrl {
            href: resolved.href(),
            path: format!("{}{path}", folder_of(base)),
        })
    }

    /// The path relative to the page (`questions/index.toml`).
    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn href(&self) -> &str {
        &self.href
    }
}

/// Fetch a text file on this site, always asking the server whether it changed, so a
/// teacher's edits show up on the next load.
pub async fn fetch_text(url: &SiteUrl) -> Result<String, String> {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let response = JsFuture::from(window().fetch_with_str_and_init(url.href(), &init))
        .await
        .map_err(|_| {
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
    JsFuture::from(text)
        .await
        .map_err(|_| "the file could not be read".to_string())?
        .as_string()
        .ok_or_else(|| "the file is not text".to_string())
}

/// What the page's query asks for, checked; problems are worth telling the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParams {
    pub seed: Option<Seed>,
    pub count: Option<usize>,
    pub topics: Option<Vec<String>>,
    /// The bank to load, relative to the page.
    pub bank: String,
    /// An assignment's code, as its link carries it (`?a=`).
    pub assignment: Option<String>,
    /// A per-student link's accommodation code (`&for=`).
    pub accommodation: Option<String>,
    pub problems: Vec<String>,
}

/// The file types a bank link may name.
const BANK_TYPES: [&str; 6] = ["toml", "gift", "txt", "csv", "tsv", "xml"];

pub fn url_params() -> UrlParams {
    let search = window().location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let get = |name: &str| {
        params
            .as_ref()
            .and_then(|p| p.get(name))
            .filter(|v| !v.is_empty())
    };
    let shown = |text: &str| crate::text::quoted(text, 80);
    let mut problems = Vec::new();
    let seed = get("seed").and_then(|text| {
        let seed = Seed::parse(&text);
        if seed.is_none() {
            problems.push(format!(
                "The link's seed {} is not valid (use up to 32 letters, digits, - or _), so a random one is used.",
                shown(&text)
            ));
        }
        seed
    });
    let count = get("n")
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| (1..=500).contains(n));
    let topics = get("topics").map(|t| t.split(',').take(100).map(str::to_string).collect());
    let bank = match get("bank") {
        None => DEFAULT_BANK_PATH.to_string(),
        Some(path) => match bank_path_problem(&path) {
            None => path,
            Some(why) => {
                problems.push(format!(
                    "The link asks for the question bank {}, which cannot be used: {why}. The default questions are shown instead.",
                    shown(&path)
                ));
                DEFAULT_BANK_PATH.to_string()
            }
        },
    };
    UrlParams {
        seed,
        count,
        topics,
        bank,
        assignment: get("a"),
        accommodation: get("for"),
        problems,
    }
}

/// Why a `?bank=` path cannot be used, if it cannot.
fn bank_path_problem(path: &str) -> Option<String> {
    if let Err(why) = SiteUrl::resolve("", path) {
        return Some(why);
    }
    let ext = extension(path);
    if !BANK_TYPES.contains(&ext.as_str()) {
        return Some("a bank is an index.toml, a GIFT (.gift or .txt), an Aiken .txt, a .csv or a Moodle XML file".to_string());
    }
    None
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
    if bank != DEFAULT_BANK_PATH {
        link.push_str(&format!("&bank={bank}"));
    }
    link
}
