//! The stored form of progress: a JSON envelope with a schema version, the migrations that
//! bring any older version up to the current one, and the checks of meaning that every
//! decoded value must pass before the app trusts it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::bank_key::BankKey;
use super::model::{BankProgress, FinishedQuiz, LearnerSettings, ProgressData};
use super::review_log::{Review, ReviewFlags, ReviewLog};
use crate::quiz::{Credit, QuizSession};
use crate::text::escape_controls;

/// The schema this build writes. Every version adds a step to `decode` so that data saved by
/// any earlier build still loads:
/// - 1: the first release (quiz in progress, history, per-question counts);
/// - 2: adds the review log and the learner's settings. Migrating from 1 keeps everything and
///   turns each question's last answer into a review, so spaced review starts from it;
/// - 3: the log is the only record of answers (the per-question counts become carried-over
///   reviews), quizzes in progress move to slots of their own, and a reset generation counter
///   lets every tab respect a reset.
pub const CURRENT_SCHEMA: u32 = 3;

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
    /// Kept as text until the schema says what it holds: read once, with no JSON tree in
    /// between (a tree would double the wasm's deserialising code).
    data: Box<RawValue>,
}

const APP: &str = "accord";

/// Why saved progress could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// Not JSON, not our envelope, or values that make no sense: something else wrote this
    /// key, or it was damaged.
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

/// Decoded progress, and the quizzes in progress an older schema kept inside it (they belong
/// in quiz slots now).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decoded {
    pub data: ProgressData,
    pub quizzes: Vec<(BankKey, QuizSession)>,
}

pub fn encode(data: &ProgressData) -> String {
    let envelope = EnvelopeOut {
        app: APP,
        schema: CURRENT_SCHEMA,
        data,
    };
    serde_json::to_string(&envelope).expect("progress data always serializes")
}

/// Read saved progress, migrating it from whatever schema it was written with, and check
/// that what it says makes sense.
pub fn decode(text: &str) -> Result<Decoded, DecodeProblem> {
    let envelope: EnvelopeIn = serde_json::from_str(text).map_err(|e| {
        DecodeProblem::Unreadable(escape_controls(&format!("not Accord progress: {e}")))
    })?;
    if envelope.app != APP {
        return Err(DecodeProblem::Unreadable(format!(
            "written by \"{}\", not Accord",
            escape_controls(&envelope.app)
        )));
    }
    // serde's messages quote the offending text as it is: escaped here, as every message
    // about saved data is.
    let damaged =
        |e: serde_json::Error| DecodeProblem::Unreadable(escape_controls(&format!("damaged: {e}")));
    let mut decoded = match envelope.schema {
        0 => return Err(DecodeProblem::Unreadable("schema 0 does not exist".into())),
        1 | 2 => {
            let legacy: Legacy = serde_json::from_str(envelope.data.get()).map_err(damaged)?;
            legacy.migrate(envelope.schema)
        }
        CURRENT_SCHEMA => Decoded {
            data: serde_json::from_str(envelope.data.get()).map_err(damaged)?,
            quizzes: Vec::new(),
        },
        newer => return Err(DecodeProblem::TooNew(newer)),
    };
    check_meaning(&decoded.data)
        .map_err(|why| DecodeProblem::Unreadable(format!("damaged: {why}")))?;
    decoded.data.settings = decoded.data.settings.sanitized();
    Ok(decoded)
}

/// The checks of meaning: counts that fit together, so no computation on them can fail.
fn check_meaning(data: &ProgressData) -> Result<(), String> {
    for (id, records) in &data.assignments {
        let id_text = crate::text::quoted(id, 40);
        for record in records {
            // The teacher's own check of a result: one kept here can be handed in again.
            record
                .check_meaning()
                .map_err(|why| format!("a handed-in result of {id_text}: {why}"))?;
            if record.run.assignment.id != *id {
                return Err(format!("a handed-in result of {id_text} does not fit"));
            }
        }
    }
    for (key, bank) in &data.banks {
        for (n, quiz) in bank.history.iter().enumerate() {
            let at = || {
                let key = crate::text::quoted(key.as_str(), 60);
                format!("bank {key}, finished quiz {}", n + 1)
            };
            if quiz.questions == 0 || quiz.questions > 10_000 {
                return Err(format!("{} has {} questions", at(), quiz.questions));
            }
            if quiz.right > quiz.questions {
                return Err(format!("{} has more right answers than questions", at()));
            }
            let most = u64::from(quiz.questions) * 100_000;
            match quiz.max {
                Some(max) if max == 0 || max > most => {
                    return Err(format!("{} has an impossible maximum score", at()));
                }
                _ => {}
            }
            if quiz.points > quiz.max.unwrap_or(u64::from(quiz.questions) * 1000) {
                return Err(format!("{} has more points than it could earn", at()));
            }
        }
    }
    Ok(())
}

/// Schemas 1 and 2 as they were stored.
#[derive(Deserialize)]
struct Legacy {
    #[serde(default)]
    settings: LearnerSettings,
    banks: BTreeMap<BankKey, LegacyBank>,
}

#[derive(Deserialize)]
struct LegacyBank {
    #[serde(default)]
    active: Option<QuizSession>,
    #[serde(default)]
    history: Vec<FinishedQuiz>,
    #[serde(default)]
    questions: BTreeMap<String, LegacyStats>,
    #[serde(default)]
    reviews: ReviewLog,
}

/// The per-question counts schemas 1 and 2 kept.
#[derive(Deserialize)]
struct LegacyStats {
    seen: u32,
    right: u32,
    last_seen: u64,
    last_credit: u16,
}

impl Legacy {
    fn migrate(self, schema: u32) -> Decoded {
        let mut decoded = Decoded {
            data: ProgressData {
                generation: 0,
                settings: self.settings,
                banks: BTreeMap::new(),
                assignments: BTreeMap::new(),
            },
            quizzes: Vec::new(),
        };
        for (key, legacy) in self.banks {
            let mut reviews = legacy.reviews;
            if schema == 1 {
                v1_last_answers(&mut reviews, &legacy.questions);
            }
            carry_counts(&mut reviews, &legacy.questions);
            if let Some(mut quiz) = legacy.active {
                if quiz.id.is_empty() {
                    quiz.id = format!("saved-{}", quiz.started_at);
                }
                decoded.quizzes.push((key.clone(), quiz));
            }
            decoded.data.banks.insert(
                key,
                BankProgress {
                    history: legacy.history,
                    reviews,
                },
            );
        }
        decoded
    }
}

/// Schema 1 kept each question's last answer (time and credit) but no log: make that answer
/// the log's first review, marked as migrated.
fn v1_last_answers(reviews: &mut ReviewLog, questions: &BTreeMap<String, LegacyStats>) {
    for (id, stats) in questions {
        if stats.seen > 0 {
            let credit = Credit::from_thousandths(stats.last_credit.min(1000)).unwrap_or_default();
            let mut review = Review::new(id, stats.last_seen, credit);
            review.flags = ReviewFlags::MIGRATED;
            reviews.push(review);
        }
    }
}

/// Schema 2's per-question counts said more than its log where the log started late (data
/// from schema 1): add the missing answers as carried-over reviews, so every count the old
/// data held can still be read from the log. Their times are unknown; they are placed a
/// second apart just before the question's first logged answer, and marked so that
/// scheduling and charts skip them.
fn carry_counts(reviews: &mut ReviewLog, questions: &BTreeMap<String, LegacyStats>) {
    let records: BTreeMap<String, (u32, u32, u64)> = reviews
        .records()
        .into_iter()
        .map(|(id, r)| (id.to_string(), (r.seen, r.right, r.latest.at)))
        .collect();
    let first_at: BTreeMap<String, u64> = reviews.iter().fold(BTreeMap::new(), |mut map, r| {
        map.entry(r.question.clone()).or_insert(r.at);
        map
    });
    for (id, stats) in questions {
        let (logged, logged_right, _) = records.get(id).copied().unwrap_or((0, 0, 0));
        let missing = stats.seen.saturating_sub(logged).min(10_000);
        let mut right_missing = stats.right.saturating_sub(logged_right).min(missing);
        let before = first_at.get(id).copied().unwrap_or(stats.last_seen);
        for n in 0..missing {
            let credit = if right_missing > 0 {
                right_missing -= 1;
                Credit::FULL
            } else {
                Credit::ZERO
            };
            let at = before.saturating_sub(1000 * u64::from(n + 1));
            let mut review = Review::new(id, at, credit);
            review.flags = ReviewFlags::CARRIED;
            reviews.push(review);
        }
    }
}
