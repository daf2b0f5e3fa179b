//! The stored form of progress: a JSON envelope with a schema version, and the migrations
//! that bring any older version up to the current one.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::model::ProgressData;
use super::review_log::{Review, ReviewFlags};

/// The schema this build writes. Every version adds a step to `decode` so that data saved by
/// any earlier build still loads:
/// - 1: the first release (quiz in progress, history, per-question counts);
/// - 2: adds the review log and the learner's settings. Migrating from 1 keeps everything and
///   turns each question's last answer into a review, so spaced review starts from it.
pub const CURRENT_SCHEMA: u32 = 2;

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
    let damaged = |e: serde_json::Error| DecodeProblem::Unreadable(format!("damaged: {e}"));
    match envelope.schema {
        0 => Err(DecodeProblem::Unreadable("schema 0 does not exist".into())),
        // Schema 2 only added fields, so schema-1 data reads into today's types (the new
        // fields start empty); then the step fills them from what schema 1 knew.
        1 => {
            let mut data: ProgressData = serde_json::from_value(envelope.data).map_err(damaged)?;
            v1_to_v2(&mut data);
            Ok(data)
        }
        CURRENT_SCHEMA => serde_json::from_value(envelope.data).map_err(damaged),
        newer => Err(DecodeProblem::TooNew(newer)),
    }
}

/// Schema 1 kept each question's last answer (time and credit) but no log: make that answer
/// the log's first review, marked as migrated.
fn v1_to_v2(data: &mut ProgressData) {
    for progress in data.banks.values_mut() {
        for (id, stats) in &progress.questions {
            if stats.seen > 0 {
                let mut review = Review::new(id, stats.last_seen, stats.last_credit);
                review.flags = ReviewFlags::MIGRATED;
                progress.reviews.push(review);
            }
        }
    }
}
