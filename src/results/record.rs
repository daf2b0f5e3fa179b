//! A student's result of one assignment: the assignment as they ran it, their name, the
//! bank's version and a fingerprint of each question drawn, every response as given with its
//! credit and time, the start and hand-in times, and whether time ran out. Never anything else
//! of the learner's progress.
//!
//! As a file it is JSON; as a code (for pasting into an LMS box, a form or an e-mail) it is the
//! same JSON compressed (raw deflate) and in URL-safe base64. A checksum catches damage; the
//! teacher's side never trusts a credit it did not compute itself.

use serde::{Deserialize, Serialize};

use crate::assignment::Run;
use crate::bank::{Shape, Weight};
use crate::codec::{base64url_decode, base64url_encode, fnv1a64_hex};
use crate::quiz::{Credit, QuizSession, Response};
use crate::text::escape_controls;

pub const FORMAT: &str = "accord-result";
pub const VERSION: u32 = 1;
/// The prefix of a result code.
pub const CODE_PREFIX: &str = "ACR1.";

/// The bank a result was taken on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankStamp {
    pub id: String,
    pub version: String,
}

/// One drawn question and what the student did with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultItem {
    pub question: String,
    /// A fingerprint of the question as the student saw it (see [`fingerprint`]).
    pub fingerprint: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<Response>,
    /// The credit the student's app gave (none for a sealed exam). Regraded by the teacher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<Credit>,
    /// ms with the question on screen.
    pub time_ms: u64,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub flagged: bool,
    /// When it was answered (ms since the epoch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_at: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultRecord {
    pub format: String,
    pub version: u32,
    pub run: Run,
    pub bank: BankStamp,
    pub items: Vec<ResultItem>,
    pub started_at: u64,
    pub handed_in_at: u64,
    #[serde(default)]
    pub timed_out: bool,
    /// FNV-1a of the record's JSON without this field.
    #[serde(default)]
    pub check: String,
}

/// Why a result file or code cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResultError {
    NotAResult(String),
    Damaged,
    TooNew(u32),
    Invalid(String),
}

impl std::fmt::Display for ResultError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ResultError::NotAResult(why) => write!(f, "this is not an Accord result ({why})"),
            ResultError::Damaged => write!(
                f,
                "this result was changed or damaged after it was handed in (its checksum does not match)"
            ),
            ResultError::TooNew(v) => write!(
                f,
                "this result was made by a newer version of Accord (version {v}); reload the page to update it"
            ),
            ResultError::Invalid(why) => write!(f, "this result does not make sense ({why})"),
        }
    }
}

/// A fingerprint of a question as a student sees it: its prompt, its lists (in a neutral,
/// sorted order, so a sealed and an unsealed copy agree) and its points. 16 hex digits.
pub fn fingerprint(prompt: &str, shape: &Shape, points: Weight) -> String {
    let mut text = format!(
        "{}\u{1e}{}\u{1e}{}",
        prompt,
        shape.question_type().name(),
        points.thousandths()
    );
    let mut push = |list: &[String]| {
        let mut sorted: Vec<&String> = list.iter().collect();
        sorted.sort();
        for entry in sorted {
            text.push('\u{1f}');
            text.push_str(entry);
        }
        text.push('\u{1e}');
    };
    match shape {
        Shape::Single { choices } | Shape::Multiple { choices } => push(choices),
        Shape::Ordering { items } => push(items),
        Shape::Matching { lefts, rights } => {
            push(lefts);
            push(rights);
        }
        Shape::SpotError { parts } => push(parts),
        Shape::Cloze { blanks, .. } => {
            for blank in blanks {
                if let crate::bank::BlankShape::Options(options) = blank {
                    push(options);
                } else {
                    push(&[]);
                }
            }
        }
        Shape::Numeric { unit } => push(unit.as_slice()),
        Shape::TrueFalse | Shape::ShortText => {}
    }
    fnv1a64_hex(text.as_bytes())
}

impl ResultRecord {
    /// The result of `session` for `run`. `seen` gives each drawn question's prompt, shape and
    /// points (from the bank, or from the sealed bank's public part).
    pub fn of(
        run: &Run,
        session: &QuizSession,
        bank: BankStamp,
        seen: impl Fn(&str) -> Option<(String, Shape, Weight)>,
    ) -> ResultRecord {
        let items = session
            .items
            .iter()
            .zip(&session.answers)
            .enumerate()
            .map(|(i, (item, answer))| {
                let fingerprint = seen(&item.question)
                    .map(|(prompt, shape, points)| fingerprint(&prompt, &shape, points))
                    .unwrap_or_default();
                ResultItem {
                    question: item.question.clone(),
                    fingerprint,
                    response: answer.as_ref().map(|a| a.response.clone()),
                    credit: if run.assignment.sealed {
                        None
                    } else {
                        answer.as_ref().map(|a| a.credit)
                    },
                    time_ms: session.time_ms.get(i).copied().unwrap_or(0),
                    flagged: session.flags.get(i).copied().unwrap_or(false),
                    answered_at: answer.as_ref().map(|a| a.at),
                }
            })
            .collect();
        let mut record = ResultRecord {
            format: FORMAT.to_string(),
            version: VERSION,
            run: run.clone(),
            bank,
            items,
            started_at: session.started_at,
            handed_in_at: session.finished_at.unwrap_or(session.started_at),
            timed_out: session.timed_out,
            check: String::new(),
        };
        record.check = record.checksum();
        record
    }

    /// The FNV-1a hash of the record's JSON. Asked of a record whose `check` is empty (the
    /// checksum is of the record without it), so no copy of the record is made: a class of
    /// 1,000 results is checked without 1,000 clones.
    fn checksum(&self) -> String {
        debug_assert!(self.check.is_empty());
        // Through the same serialiser as `to_json` (a writer of its own would be a second
        // copy of every serialiser in the learner's wasm).
        fnv1a64_hex(self.to_json().as_bytes())
    }

    /// The result as a file's text: compact JSON (the teacher's page reads it; pretty printing
    /// would put a second copy of every serialiser in the learner's wasm).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a result always serializes")
    }

    /// A result file's text, checked: the format, the checksum, and what it says.
    pub fn from_json(text: &str) -> Result<ResultRecord, ResultError> {
        #[derive(Deserialize)]
        struct Head {
            format: Option<String>,
            version: Option<u64>,
        }
        let head_of = |format: Option<&str>, version: Option<u64>| {
            if format != Some(FORMAT) {
                return Err(ResultError::NotAResult("it is some other file".into()));
            }
            match version {
                Some(1) => Ok(()),
                Some(v) => Err(ResultError::TooNew(u32::try_from(v).unwrap_or(u32::MAX))),
                None => Err(ResultError::NotAResult("it has no version".into())),
            }
        };
        // Read once as a result; only a text that is not one is read again for its head, to
        // say what it is (another file, a newer version, or a damaged result).
        let record: ResultRecord = match serde_json::from_str(text) {
            Ok(record) => record,
            Err(e) => {
                let head: Head = serde_json::from_str(text).map_err(|e| {
                    ResultError::NotAResult(escape_controls(&format!("not JSON: {e}")))
                })?;
                head_of(head.format.as_deref(), head.version)?;
                return Err(ResultError::Invalid(escape_controls(&e.to_string())));
            }
        };
        head_of(Some(&record.format), Some(u64::from(record.version)))?;
        let mut record = record;
        let check = std::mem::take(&mut record.check);
        if check != record.checksum() {
            return Err(ResultError::Damaged);
        }
        record.check = check;
        record.check_meaning().map_err(ResultError::Invalid)?;
        Ok(record)
    }

    /// What a result says, checked by meaning (the checksum aside): also what the learner's
    /// progress checks of the results it keeps to hand in again.
    pub(crate) fn check_meaning(&self) -> Result<(), String> {
        self.run.check()?;
        if self.items.is_empty() || self.items.len() > 500 {
            return Err("it has no questions, or too many".into());
        }
        if self.handed_in_at < self.started_at {
            return Err("it was handed in before it started".into());
        }
        let mut seen = std::collections::BTreeSet::new();
        for item in &self.items {
            if !crate::bank::valid_id(&item.question) || !seen.insert(&item.question) {
                return Err(format!(
                    "question \"{}\" is not valid or is there twice",
                    escape_controls(&item.question)
                ));
            }
        }
        Ok(())
    }

    /// The time the student used, in ms.
    pub fn time_used_ms(&self) -> u64 {
        self.handed_in_at.saturating_sub(self.started_at)
    }

    /// A file name for the result: the assignment, the student and the date.
    pub fn file_name(&self, date: &str) -> String {
        format!(
            "accord-result-{}-{}-{date}.json",
            slug(&self.run.assignment.title),
            slug(&self.run.student)
        )
    }

    /// The result as a code, from its JSON compressed with raw deflate by the caller (the
    /// browser's `CompressionStream`, or `deflate` below).
    pub fn code_from_deflated(deflated: &[u8]) -> String {
        format!("{CODE_PREFIX}{}", base64url_encode(deflated))
    }

    /// The compressed bytes of a code (the caller inflates them and reads the JSON).
    pub fn deflated_from_code(code: &str) -> Result<Vec<u8>, ResultError> {
        let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        let body = compact
            .strip_prefix(CODE_PREFIX)
            .ok_or_else(|| ResultError::NotAResult("a result code starts with ACR1.".into()))?;
        base64url_decode(body).ok_or(ResultError::Damaged)
    }
}

/// Letters and digits of a name, lowercased, joined by '-': "Cold War test!" → "cold-war-test".
pub fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let joined = words.join("-");
    let cut: String = joined.chars().take(40).collect();
    if cut.is_empty() {
        "result".to_string()
    } else {
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_name_files_plainly() {
        assert_eq!(slug("Cold War test!"), "cold-war-test");
        assert_eq!(slug("Ana Costa-Lopes"), "ana-costa-lopes");
        assert_eq!(slug("   "), "result");
    }

    #[test]
    fn a_fingerprint_ignores_list_order_but_not_wording() {
        let a = Shape::Single {
            choices: vec!["Paris".into(), "Rome".into()],
        };
        let b = Shape::Single {
            choices: vec!["Rome".into(), "Paris".into()],
        };
        let c = Shape::Single {
            choices: vec!["Rome".into(), "Madrid".into()],
        };
        let w = Weight::ONE;
        assert_eq!(fingerprint("Where?", &a, w), fingerprint("Where?", &b, w));
        assert_ne!(fingerprint("Where?", &a, w), fingerprint("Where?", &c, w));
        assert_ne!(fingerprint("Where?", &a, w), fingerprint("Where ?", &a, w));
    }
}
