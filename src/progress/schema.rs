//! The stored form of progress: a JSON envelope with a schema version, and the migrations
//! that bring any older version up to the current one.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::model::ProgressData;

/// The schema this build writes. Version 1 is the first; every later version adds a step to
/// `migrate` so that data saved by any earlier build still loads.
pub const CURRENT_SCHEMA: u32 = 1;

/// The envelope every save is wrapped in.
#[derive(Serialize)]
struct EnvelopeOut<'a> {
    app: &'static str,
    schema: u32,
    data: &'a ProgressData,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    app: String,
    schema: u32,
    data: Value,
}

const APP: &str = "accord";

/// Why saved progress could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// Not JSON, or not our envelope: something else wrote this key, or it was damaged.
    Unreadable(String),
    /// Our envelope, but written by a newer build than this one.
    TooNew(u32),
}

impl std::fmt::Display for DecodeProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeProblem::Unreadable(why) => write!(f, "it could not be read ({why})"),
            DecodeProblem::TooNew(v) => write!(
                f,
                "it was saved by a newer version of Accord (schema {v}; this version knows up to {CURRENT_SCHEMA})"
            ),
        }
    }
}

pub fn encode(data: &ProgressData) -> String {
    let envelope = EnvelopeOut {
        app: APP,
        schema: CURRENT_SCHEMA,
        data,
    };
    serde_json::to_string(&envelope).expect("progress data always serializes")
}

/// Read saved progress, migrating it from whatever schema it was written with.
pub fn decode(text: &str) -> Result<ProgressData, DecodeProblem> {
    let envelope: EnvelopeIn = serde_json::from_str(text)
        .map_err(|e| DecodeProblem::Unreadable(format!("not Accord progress: {e}")))?;
    if envelope.app != APP {
        return Err(DecodeProblem::Unreadable(format!(
            "written by \"{}\", not Accord",
            envelope.app
        )));
    }
    let data = migrate(envelope.schema, envelope.data)?;
    serde_json::from_value(data).map_err(|e| DecodeProblem::Unreadable(format!("damaged: {e}")))
}

/// Bring `data` from `schema` up to `CURRENT_SCHEMA`, one version at a time.
fn migrate(schema: u32, data: Value) -> Result<Value, DecodeProblem> {
    match schema {
        0 => Err(DecodeProblem::Unreadable("schema 0 does not exist".into())),
        // Version 1 is current: nothing to do. A version 2 would add `1 => migrate(2, v1_to_v2(data))`.
        CURRENT_SCHEMA => Ok(data),
        newer => Err(DecodeProblem::TooNew(newer)),
    }
}
