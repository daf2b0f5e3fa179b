//! Loading a bank over HTTP: fetch the manifest, then its files in parallel, then hand them
//! to the core's one parser and validator.

use futures::future::join_all;

use super::browser::fetch_text;
use crate::bank::{Bank, Location, Manifest, Rules, SourceFile, load_bank};

/// The bank, or every problem as `file:line:column: message` lines.
pub async fn load(manifest_path: &str) -> Result<Bank, Vec<String>> {
    let lines =
        |errors: crate::bank::BankErrors| errors.iter().map(|e| e.to_string()).collect::<Vec<_>>();
    let text = fetch_text(manifest_path).await.map_err(|why| {
        vec![format!(
            "{}: {why}",
            Location::file_start(manifest_path).file
        )]
    })?;
    let manifest = Manifest::parse(SourceFile::new(manifest_path, text)).map_err(lines)?;
    let listed = manifest.listed_files().map_err(lines)?;
    let texts = join_all(listed.iter().map(|file| fetch_text(&file.path))).await;
    let mut files = Vec::new();
    let mut problems = Vec::new();
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
    load_bank(manifest, files, Rules::default()).map_err(lines)
}
