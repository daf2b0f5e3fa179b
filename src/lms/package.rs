//! A SCORM package's bytes: the manifest and the site's files in one zip, written with the
//! `zip` crate. The same entries always give the same bytes: entries in path order after the
//! manifest, every timestamp 1980-01-01 00:00 (the zip format's first day), every file mode
//! 0644, and deflate through flate2's pure-Rust backend (miniz_oxide, which also builds for
//! wasm, so the teacher's page can make packages too).

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::manifest::{MANIFEST_FILE, ManifestError, PackageInfo, check_path, manifest};
use super::version::ScormVersion;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageError {
    Manifest(ManifestError),
    /// Two entries with the same path.
    Duplicate(String),
    /// The zip writer failed (it writes to memory, so this means a bug or no memory).
    Zip(String),
}

impl std::fmt::Display for PackageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackageError::Manifest(e) => e.fmt(f),
            PackageError::Duplicate(path) => write!(
                f,
                "\"{}\" is in the package twice",
                crate::text::escape_controls(path)
            ),
            PackageError::Zip(why) => write!(f, "the zip could not be written: {why}"),
        }
    }
}

impl From<ManifestError> for PackageError {
    fn from(e: ManifestError) -> Self {
        PackageError::Manifest(e)
    }
}

fn zip_error(e: impl std::fmt::Display) -> PackageError {
    PackageError::Zip(e.to_string())
}

/// A zip of `entries` (`(path, bytes)`), deterministic as the module says. Paths are checked
/// as [`check_path`] does, except that the manifest's own name is allowed.
pub fn zip_entries(entries: &[(String, Vec<u8>)]) -> Result<Vec<u8>, PackageError> {
    let mut sorted: Vec<&(String, Vec<u8>)> = entries.iter().collect();
    // The manifest first, as LMS importers that peek at the start of the zip expect.
    sorted.sort_by(|a, b| (a.0 != MANIFEST_FILE, &a.0).cmp(&(b.0 != MANIFEST_FILE, &b.0)));
    for pair in sorted.windows(2) {
        if pair[0].0 == pair[1].0 {
            return Err(PackageError::Duplicate(pair[0].0.clone()));
        }
    }
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (path, bytes) in sorted {
        if path != MANIFEST_FILE {
            check_path(path)?;
        }
        zip.start_file(path.as_str(), options).map_err(zip_error)?;
        zip.write_all(bytes).map_err(zip_error)?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}

/// A whole SCORM package: `imsmanifest.xml` naming every entry, then the entries.
pub fn scorm_package(
    version: ScormVersion,
    info: &PackageInfo,
    entries: &[(String, Vec<u8>)],
) -> Result<Vec<u8>, PackageError> {
    let files: Vec<String> = entries.iter().map(|(path, _)| path.clone()).collect();
    let text = manifest(version, info, &files)?;
    let mut all = Vec::with_capacity(entries.len() + 1);
    all.push((MANIFEST_FILE.to_string(), text.into_bytes()));
    all.extend(entries.iter().cloned());
    zip_entries(&all)
}
