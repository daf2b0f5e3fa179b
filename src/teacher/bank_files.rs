//! The browser side of the Questions area: the files a teacher drops or chooses, the files of
//! the bank this page's site serves (fetched as the bank reader fetches them), and downloads
//! of bytes go through `ui::browser::download_bytes`. Thin adapters, no decisions.

use super::files::{chosen_files, dropped_files};
use crate::results::desk::BroughtFile;

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
