//! What a package holds and where it starts: the launch address (the SCORM page with the
//! version and the assignment's code), the list of the page's own files the build writes,
//! and the files of the bank an assignment draws from. Paths only: fetching is the caller's.
//!
//! The launch page is `scorm.html`, the learner's app built with the SCORM adapter (its own
//! wasm, so the learner's `index.html` never carries it). Its query names the version the
//! package speaks (`scorm=1.2` or `scorm=2004`), so the page looks for that version's API
//! first, and the assignment (`a=`), as the student link carries it.
//!
//! The build writes `scorm-files.json` beside the page: `{"files": [...]}`, every file the
//! page loads (the page, its script, wasm and stylesheets, the boot script, the icon, the bank
//! reader module). The teacher's page fetches that list, then the bank's files, and zips them.

use crate::bank::Bank;
use crate::bank::path::folder_of;
use crate::text::escape_controls;

use super::manifest::{check_path, percent_encode};
use super::version::ScormVersion;

/// The page a package launches.
pub const LAUNCH_PAGE: &str = "scorm.html";

/// The launch page's query parameter naming the version.
pub const VERSION_PARAM: &str = "scorm";

/// The list of the launch page's files, written by the build beside it.
pub const FILE_LIST: &str = "scorm-files.json";

/// The most files the list may name (the page needs about ten).
const MAX_FILES: usize = 200;

/// The launch address of a package of `version` for the assignment whose link code is `code`:
/// `scorm.html?scorm=2004&a=<code>`, the code percent-encoded.
pub fn launch(version: ScormVersion, code: &str) -> String {
    format!(
        "{LAUNCH_PAGE}?{VERSION_PARAM}={}&a={}",
        version.param(),
        percent_encode(code, false)
    )
}

/// The paths in the build's `scorm-files.json`, checked: each a path a package may hold
/// (see [`check_path`]), each once, and the launch page among them. Says what is wrong.
pub fn file_list(text: &str) -> Result<Vec<String>, String> {
    #[derive(serde::Deserialize)]
    struct List {
        files: Vec<String>,
    }
    let list: List = serde_json::from_str(text).map_err(|e| {
        format!("{FILE_LIST} is not the list the build writes ({e}): build the site again")
    })?;
    if list.files.len() > MAX_FILES {
        return Err(format!(
            "{FILE_LIST} names {} files, more than the {MAX_FILES} a page needs",
            list.files.len()
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for file in &list.files {
        check_path(file).map_err(|e| format!("{FILE_LIST}: {e}"))?;
        if !seen.insert(file.as_str()) {
            return Err(format!(
                "{FILE_LIST} names \"{}\" twice",
                escape_controls(file)
            ));
        }
    }
    if !seen.contains(LAUNCH_PAGE) {
        return Err(format!(
            "{FILE_LIST} does not name {LAUNCH_PAGE}: build the site again"
        ));
    }
    Ok(list.files)
}

/// The files of `bank` a package must carry so the launch page can load it: the files it was
/// read from (`sources`, paths relative to the page, its manifest first), the images its
/// questions show (relative to the manifest's folder), and `bundle`, the compiled bank the
/// default bank is loaded from, when there is one. Sorted, each once.
pub fn bank_files(bank: &Bank, sources: &[String], bundle: Option<&str>) -> Vec<String> {
    let folder = sources.first().map_or("", |manifest| folder_of(manifest));
    let mut files: Vec<String> = sources.to_vec();
    files.extend(
        bank.questions
            .iter()
            .filter_map(|q| q.image.as_ref())
            .map(|image| format!("{folder}{}", image.file)),
    );
    files.extend(bundle.map(str::to_string));
    files.sort();
    files.dedup();
    files
}

/// The name to save a package under: the assignment's title in lowercase letters, digits and
/// `-` (at most 60), then the version: `founding-quiz-scorm2004.zip`.
pub fn file_name(title: &str, version: ScormVersion) -> String {
    let mut stem = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.len() >= 60 {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    let stem = if stem.is_empty() { "quiz" } else { stem };
    let version = match version {
        ScormVersion::V12 => "scorm12",
        ScormVersion::V2004 => "scorm2004",
    };
    format!("{stem}-{version}.zip")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_launch_names_the_version_and_the_encoded_code() {
        assert_eq!(
            launch(ScormVersion::V12, "1.ab_c-d.x9"),
            "scorm.html?scorm=1.2&a=1.ab_c-d.x9"
        );
        // A code is URL-safe base64 already; anything else is encoded.
        assert_eq!(
            launch(ScormVersion::V2004, "a b&c"),
            "scorm.html?scorm=2004&a=a%20b%26c"
        );
    }

    #[test]
    fn file_names_keep_letters_and_digits() {
        assert_eq!(
            file_name("Founding quiz: 1997!", ScormVersion::V2004),
            "founding-quiz-1997-scorm2004.zip"
        );
        assert_eq!(file_name("¿?", ScormVersion::V12), "quiz-scorm12.zip");
    }
}
