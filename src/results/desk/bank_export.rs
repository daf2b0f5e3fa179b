//! The downloads of the Questions area: a checked bank as Accord TOML (one file, or a folder
//! in a zip: index.toml and one file per topic), GIFT or Moodle XML, each with what that
//! format cannot carry. The same writers as `bank convert`; the zip is written with `zip`.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::bank::{Bank, MANIFEST};
use crate::interchange::{self, LeftOut, TomlLayout};

/// What the teacher can download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    /// The whole bank in one `index.toml`.
    TomlFile,
    /// A zip holding a folder named after the bank: index.toml and one file per topic.
    TomlFolder,
    Gift,
    MoodleXml,
}

impl Download {
    pub const ALL: [Download; 4] = [
        Download::TomlFolder,
        Download::TomlFile,
        Download::Gift,
        Download::MoodleXml,
    ];

    /// The button's words.
    pub fn label(self) -> &'static str {
        match self {
            Download::TomlFolder => "Accord TOML, a folder (zip)",
            Download::TomlFile => "Accord TOML, one file",
            Download::Gift => "GIFT (Moodle and others)",
            Download::MoodleXml => "Moodle XML",
        }
    }

    /// A stable name for element ids and tests.
    pub fn slug(self) -> &'static str {
        match self {
            Download::TomlFolder => "toml-zip",
            Download::TomlFile => "toml",
            Download::Gift => "gift",
            Download::MoodleXml => "xml",
        }
    }
}

/// A file ready to download, with what its format left out or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub file_name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
    /// Questions not written at all, each with why.
    pub left_out: Vec<LeftOut>,
    /// Questions written with a difference.
    pub changed: Vec<LeftOut>,
    /// What the format leaves out of every question.
    pub notes: Vec<String>,
}

impl Prepared {
    /// Whether the format carries the whole bank.
    pub fn is_whole(&self) -> bool {
        self.left_out.is_empty() && self.changed.is_empty() && self.notes.is_empty()
    }
}

/// The bank as `download` says. An error only if the zip cannot be written (it is written to
/// memory, so that would be a bug).
pub fn prepare(bank: &Bank, download: Download) -> Result<Prepared, String> {
    let id = &bank.meta.id;
    let whole = |file_name: String, mime, bytes| Prepared {
        file_name,
        mime,
        bytes,
        left_out: Vec::new(),
        changed: Vec::new(),
        notes: Vec::new(),
    };
    let exported = |file_name: String, mime, e: interchange::Exported| Prepared {
        file_name,
        mime,
        bytes: e.text.into_bytes(),
        left_out: e.left_out,
        changed: e.changed,
        notes: e.notes,
    };
    Ok(match download {
        Download::TomlFile => {
            let files = interchange::write_toml(bank, TomlLayout::SingleFile);
            let text = files.into_iter().next().map(|(_, t)| t).unwrap_or_default();
            whole(MANIFEST.to_string(), "application/toml", text.into_bytes())
        }
        Download::TomlFolder => {
            let files = interchange::write_toml(bank, TomlLayout::Folder);
            whole(
                format!("{id}.zip"),
                "application/zip",
                zip_folder(id, &files)?,
            )
        }
        Download::Gift => exported(
            format!("{id}.gift"),
            "text/plain",
            interchange::write_gift(bank),
        ),
        Download::MoodleXml => exported(
            format!("{id}.xml"),
            "application/xml",
            interchange::write_moodle_xml(bank),
        ),
    })
}

/// A zip with `files` in a folder named `folder`: deflated, every timestamp the zip format's
/// first day and every mode 0644, so the same bank always gives the same bytes.
pub fn zip_folder(folder: &str, files: &[(String, String)]) -> Result<Vec<u8>, String> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let failed = |e: &dyn std::fmt::Display| format!("the zip could not be written: {e}");
    zip.add_directory(format!("{folder}/"), options)
        .map_err(|e| failed(&e))?;
    for (name, text) in files {
        zip.start_file(format!("{folder}/{name}"), options)
            .map_err(|e| failed(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| failed(&e))?;
    }
    Ok(zip.finish().map_err(|e| failed(&e))?.into_inner())
}
