//! Moving progress between devices: export to a JSON file, import with a merge that loses
//! nothing and is idempotent.

use serde::Serialize;

use super::merge::MergeSummary;
use super::model::ProgressData;
use super::schema::{CURRENT_SCHEMA, DecodeProblem, decode};

/// Why a file could not be imported. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    NotAnExport(String),
    TooNew(u32),
    /// The file was read, but the merged progress could not be saved; nothing changed.
    NotSaved(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::NotAnExport(why) => {
                write!(f, "This file is not an Accord progress export: {why}.")
            }
            ImportError::TooNew(v) => write!(
                f,
                "This file was exported by a newer version of Accord (schema {v}); reload the app to update it, then import again."
            ),
            ImportError::NotSaved(why) => write!(
                f,
                "The file was read, but the import could not be saved, so nothing changed: {why}"
            ),
        }
    }
}

#[derive(Serialize)]
struct Export<'a> {
    app: &'static str,
    schema: u32,
    exported_at: u64,
    data: &'a ProgressData,
}

/// All progress as a JSON document, readable by `import` of this and any later version.
pub fn export(data: &ProgressData, now: u64) -> String {
    let export = Export {
        app: "accord",
        schema: CURRENT_SCHEMA,
        exported_at: now,
        data,
    };
    serde_json::to_string_pretty(&export).expect("progress data always serializes")
}

/// Merge an exported file into `data`. Importing the same file twice changes nothing.
/// (Quizzes in progress in an older export are not imported: they belong to that device.)
pub fn import(data: &mut ProgressData, text: &str) -> Result<MergeSummary, ImportError> {
    let incoming = decode(text).map_err(|problem| match problem {
        DecodeProblem::TooNew(v) => ImportError::TooNew(v),
        DecodeProblem::Unreadable(why) => ImportError::NotAnExport(why),
    })?;
    Ok(data.merge(&incoming.data))
}
