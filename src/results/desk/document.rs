//! The desk as JSON: the versioned document an export file holds (and, without its classes,
//! what the desk key holds), and one class's document. Read once at the edge and checked by
//! meaning: each assignment by the link's own checks, each result by its checksum and
//! meaning; what does not pass is left out and said, never half taken.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::data::{DeskData, Issued, Kept, accommodation_problem};
use crate::assignment::same_student;
use crate::results::ResultRecord;
use crate::text::{escape_controls, quoted};

/// The `app` of a desk document.
pub const DESK_APP: &str = "accord-teacher";
/// The `app` of one class's document (in storage).
const CLASS_APP: &str = "accord-teacher-class";
/// The schema this build writes and reads.
pub const DESK_SCHEMA: u32 = 1;

/// The most a document may hold; beyond it, something is wrong with the file.
const MAX_ASSIGNMENTS: usize = 5_000;
const MAX_RESULTS: usize = 20_000;
const MAX_SOURCE: usize = 200;

/// Why a desk document cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskError {
    /// Not a desk document (not JSON, another app's file, no schema).
    Unreadable(String),
    /// Written by a newer Accord (its schema).
    TooNew(u32),
}

impl std::fmt::Display for DeskError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DeskError::Unreadable(why) => write!(f, "it is not a teacher's desk file ({why})"),
            DeskError::TooNew(v) => write!(
                f,
                "it was written by a newer version of Accord (schema {v}); reload the page to update it"
            ),
        }
    }
}

/// What reading gave: the usable part, and what was left out (in words), in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Salvaged<T> {
    pub data: T,
    pub left_out: Vec<String>,
}

#[derive(Serialize)]
struct DeskOut<'a> {
    app: &'static str,
    schema: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<u64>,
    assignments: &'a [Issued],
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    classes: &'a BTreeMap<String, Vec<Kept>>,
}

#[derive(Serialize)]
struct ClassOut<'a> {
    app: &'static str,
    schema: u32,
    assignment: &'a str,
    results: &'a [Kept],
}

impl DeskData {
    /// The whole desk as an export file's text.
    pub fn export(&self, now: u64) -> String {
        serde_json::to_string_pretty(&DeskOut {
            app: DESK_APP,
            schema: DESK_SCHEMA,
            exported_at: Some(now),
            assignments: &self.assignments,
            classes: &self.classes,
        })
        .expect("a desk always serializes")
    }

    /// The assignments alone, as the desk key holds them (each class has a key of its own).
    pub fn assignments_json(&self) -> String {
        serde_json::to_string(&DeskOut {
            app: DESK_APP,
            schema: DESK_SCHEMA,
            exported_at: None,
            assignments: &self.assignments,
            classes: &BTreeMap::new(),
        })
        .expect("a desk always serializes")
    }
}

/// One class's results, as its storage key holds them.
pub fn class_json(id: &str, kept: &[Kept]) -> String {
    serde_json::to_string(&ClassOut {
        app: CLASS_APP,
        schema: DESK_SCHEMA,
        assignment: id,
        results: kept,
    })
    .expect("a class always serializes")
}

/// The top of a document: its app and schema, checked.
fn header(text: &str, app: &str) -> Result<serde_json::Map<String, Value>, DeskError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| DeskError::Unreadable(format!("not JSON: {e}")))?;
    let Value::Object(map) = value else {
        return Err(DeskError::Unreadable("not a JSON object".into()));
    };
    match map.get("app").and_then(Value::as_str) {
        Some(a) if a == app => {}
        Some(other) => {
            return Err(DeskError::Unreadable(format!(
                "it is {}",
                match other {
                    "accord" => "a learner's progress export".to_string(),
                    "accord-result" => "a student's result file".to_string(),
                    other => format!("a file of {}", quoted(other, 40)),
                }
            )));
        }
        None if map.get("format").and_then(Value::as_str) == Some(crate::results::FORMAT) => {
            return Err(DeskError::Unreadable(
                "it is a student's result file: add it under Class results".into(),
            ));
        }
        None => return Err(DeskError::Unreadable("it names no app".into())),
    }
    match map.get("schema").and_then(Value::as_u64) {
        Some(v) if v == u64::from(DESK_SCHEMA) => Ok(map),
        Some(v) if v > u64::from(DESK_SCHEMA) => {
            Err(DeskError::TooNew(u32::try_from(v).unwrap_or(u32::MAX)))
        }
        _ => Err(DeskError::Unreadable(
            "its schema is missing or unknown".into(),
        )),
    }
}

/// One assignment entry, checked by meaning; `Err` says why it is left out.
fn read_issued(value: Value) -> Result<Issued, String> {
    let mut issued: Issued = serde_json::from_value(value).map_err(|e| e.to_string())?;
    crate::assignment::check(&issued.assignment)?;
    let mut kept: Vec<crate::assignment::Accommodation> = Vec::new();
    for acc in issued.accommodations {
        if let Some(why) = accommodation_problem(&acc) {
            return Err(format!("an accommodation is not valid ({why})"));
        }
        if kept.iter().any(|k| same_student(&k.student, &acc.student)) {
            return Err(format!(
                "two accommodations for {}",
                quoted(&acc.student, 60)
            ));
        }
        kept.push(acc);
    }
    issued.accommodations = kept;
    issued.updated_at = issued.updated_at.max(issued.created_at);
    Ok(issued)
}

/// One result entry of class `id`, checked: its checksum and meaning (as a result file's),
/// and that it is a result of that assignment.
fn read_kept(value: Value, id: &str) -> Result<Kept, String> {
    let Value::Object(mut map) = value else {
        return Err("it is not an entry".into());
    };
    let source = match map.remove("source") {
        Some(Value::String(s)) => s,
        _ => return Err("it does not say where it came from".into()),
    };
    let record = map.remove("record").ok_or("it holds no result")?;
    let record =
        ResultRecord::from_json(&record.to_string()).map_err(|e| format!("{source}: {e}"))?;
    if record.run.assignment.id != id {
        return Err(format!("{source}: it is a result of another assignment"));
    }
    let source: String = escape_controls(&source).chars().take(MAX_SOURCE).collect();
    Ok(Kept { source, record })
}

fn read_results(values: Vec<Value>, id: &str, left_out: &mut Vec<String>) -> Vec<Kept> {
    let mut kept = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        if kept.len() >= MAX_RESULTS {
            left_out.push(format!("results past the first {MAX_RESULTS} of one class"));
            break;
        }
        match read_kept(value, id) {
            Ok(k) => kept.push(k),
            Err(why) => left_out.push(format!("result {} of one class: {why}", i + 1)),
        }
    }
    kept
}

/// Read a desk document (an export file, or the desk key), keeping every assignment and
/// result that passes its checks.
pub fn read_desk(text: &str) -> Result<Salvaged<DeskData>, DeskError> {
    let mut map = header(text, DESK_APP)?;
    let assignments = match map.remove("assignments") {
        Some(Value::Array(items)) => items,
        None => Vec::new(),
        Some(_) => {
            return Err(DeskError::Unreadable(
                "its assignments are not a list".into(),
            ));
        }
    };
    let classes = match map.remove("classes") {
        Some(Value::Object(classes)) => classes,
        None => serde_json::Map::new(),
        Some(_) => return Err(DeskError::Unreadable("its classes are not a map".into())),
    };
    let mut out = Salvaged::<DeskData>::default();
    for (i, value) in assignments.into_iter().enumerate() {
        if out.data.assignments.len() >= MAX_ASSIGNMENTS {
            out.left_out
                .push(format!("assignments past the first {MAX_ASSIGNMENTS}"));
            break;
        }
        match read_issued(value) {
            Ok(issued) if out.data.get(&issued.assignment.id).is_some() => out.left_out.push(
                format!("assignment {}: a second copy of the same assignment", i + 1),
            ),
            Ok(issued) => out.data.assignments.push(issued),
            Err(why) => out.left_out.push(format!("assignment {}: {why}", i + 1)),
        }
    }
    for (id, value) in classes {
        let Value::Array(values) = value else {
            out.left_out
                .push(format!("the results of {}: not a list", quoted(&id, 60)));
            continue;
        };
        let kept = read_results(values, &id, &mut out.left_out);
        if !kept.is_empty() {
            out.data.classes.insert(id, kept);
        }
    }
    Ok(out)
}

/// Read one class's document (a class key), for assignment `id`.
pub fn read_class(text: &str, id: &str) -> Result<Salvaged<Vec<Kept>>, DeskError> {
    let mut map = header(text, CLASS_APP)?;
    if map.get("assignment").and_then(Value::as_str) != Some(id) {
        return Err(DeskError::Unreadable(
            "it is stored under another assignment's key".into(),
        ));
    }
    let values = match map.remove("results") {
        Some(Value::Array(values)) => values,
        _ => return Err(DeskError::Unreadable("its results are not a list".into())),
    };
    let mut left_out = Vec::new();
    let data = read_results(values, id, &mut left_out);
    Ok(Salvaged { data, left_out })
}
