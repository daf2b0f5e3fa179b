//! Reading a bank from its source files in the browser: a TOML bank (its manifest, then the
//! files it lists, fetched in parallel) or a single GIFT, Aiken, CSV or Moodle XML file, each
//! through the core's one parser and validator. This is the reader module's code (`reader`
//! bin): the learner's own wasm never links it, and asks the module through `loader`.

use futures::future::join_all;

use super::site::{SiteUrl, fetch_text};
use crate::bank::{Bank, BankErrors, Manifest, Rules, SourceFile, load_bank};
use crate::interchange::{self, Format};

/// Every problem as `file:line:column: message`.
pub type Problems = Vec<String>;

fn lines(errors: BankErrors) -> Problems {
    errors.iter().map(|e| e.to_string()).collect()
}

/// Read the bank at `path` (relative to the page), with the files it was read from.
pub async fn read(path: &str) -> Result<(Bank, Vec<SourceFile>), Problems> {
    let files = fetch(path).await?;
    let Some((first, rest)) = files.split_first() else {
        return Err(vec![format!("{path}: nothing could be fetched")]);
    };
    match Format::detect(path, &first.text) {
        Some(Format::Toml) => {
            let manifest = Manifest::parse(first.clone()).map_err(lines)?;
            let bank = load_bank(manifest, rest.to_vec(), Rules::default()).map_err(lines)?;
            Ok((bank, files))
        }
        Some(format) => {
            let imported = interchange::read(format, first.clone()).map_err(lines)?;
            let bank = interchange::load_imported(&imported, Rules::default()).map_err(lines)?;
            Ok((bank, files))
        }
        None => Err(vec![format!(
            "{path}: this is not a question file Accord can read (a TOML bank's index.toml, GIFT, Aiken, CSV or Moodle XML)"
        )]),
    }
}

/// The files of the bank at `path`, as `read` reads them: a TOML bank's manifest first, then
/// the files it lists (fetched in parallel); or the one file in another format. The teacher's
/// page checks these itself, to show each question beside its problems.
pub async fn fetch(path: &str) -> Result<Vec<SourceFile>, Problems> {
    let url = SiteUrl::resolve("", path).map_err(|why| vec![format!("{path}: {why}")])?;
    let text = fetch_text(&url)
        .await
        .map_err(|why| vec![format!("{path}: {why}")])?;
    match Format::detect(path, &text) {
        Some(Format::Toml) => fetch_toml(path, text).await,
        _ => Ok(vec![SourceFile::new(path, text)]),
    }
}

/// A TOML bank: the manifest's text is in hand; fetch the files it lists, in parallel.
async fn fetch_toml(path: &str, text: String) -> Result<Vec<SourceFile>, Problems> {
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
    Ok(files)
}
