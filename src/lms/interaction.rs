//! One question as a SCORM interaction: its type, the learner's response and the correct
//! responses in the version's own format, the result, the weighting, the latency and the time.
//!
//! Accord's nine types map onto SCORM's interaction types as follows (the same in both
//! versions; 1.2 has no `other`):
//!
//! | Accord        | SCORM        | learner response, 1.2 / 2004                     |
//! |---------------|--------------|--------------------------------------------------|
//! | `single`      | `choice`     | `b` / `b`                                        |
//! | `multiple`    | `choice`     | `a,c` / `a[,]c`                                  |
//! | `true_false`  | `true-false` | `t` / `true`                                     |
//! | `ordering`    | `sequencing` | `c,a,b` / `c[,]a[,]b`                            |
//! | `matching`    | `matching`   | `1.b,2.a` / `1[.]b[,]2[.]a`                      |
//! | `numeric`     | `numeric`    | `2023` / `2023` (2004: `other` when too large)   |
//! | `short_text`  | `fill-in`    | the typed text / the typed text                  |
//! | `cloze`       | `fill-in`    | the blanks' texts joined by `[,]` / one string per blank, `[,]` between |
//! | `spot_error`  | `choice`     | the parts picked: `b` / `b`                      |
//!
//! Identifiers. SCORM 1.2 allows only single characters `0`–`9`, `a`–`z` in choice, matching
//! and sequencing responses ("A series of single characters separated by commas. Legal
//! characters are 0 to 9 and a to z", SCORM 1.2 RTE §3.4.4, `cmi.interactions.n.student_response`),
//! so choices, items, parts and right-hand sides are named by their place in the bank's own
//! list (never the shuffled screen order): `a`, `b`, `c`, …; the left-hand sides of a matching
//! question by `1`, `2`, `3`, …. The same short identifiers are used in 2004, where they are
//! valid short_identifier_type values. The real text of an answer is kept only where the version
//! takes free text: typed answers (`fill-in`), and in 2004 the question's prompt as the
//! interaction's `description`.
//!
//! Delimiters. SCORM 2004 separates a list with `[,]` and the two sides of a pair with `[.]`,
//! and bounds a numeric range with `[:]` (SCORM 2004 4th edition RTE §4.2.9.1, Table 4.2.9.1a
//! correct responses, and §4.2.9.2, Table 4.2.9.2a learner responses); 1.2 uses `,` and `.`.
//!
//! Results. A fully right answer is `correct`; a wrong one `wrong` in 1.2 and `incorrect` in
//! 2004 (2004 changed the word); partial credit is written as the credit itself, a decimal
//! between 0 and 1 (`0.667`), which both versions allow (1.2 CMIDecimal, 2004 real(10,7)).
//! No result is sent for an unanswered question, for a sealed exam (unknown until the teacher
//! grades it), or, in an exam, before it is handed in.
//!
//! Limits. A typed text keeps at most 255 characters in 1.2 (CMIString255) and 250 per string in
//! 2004 (localized_string_type SPM 250), cut between characters; 2004's `description` keeps 250.
//! Line breaks and control characters become spaces (no run-time pattern accepts them); in a
//! 2004 fill-in value a `[,]` inside the text becomes `,` and a leading `{` becomes `(`, since
//! the run-time would read them as a delimiter or a language tag.

use crate::bank::{Blank, Question, QuestionKind, QuestionType, Shape};
use crate::quiz::{Answered, Outcome, Response};

use super::format::{cut_utf16, decimal_from_f64, fixed, one_line, utf16_len};
use super::time::{cmi_time, cmi_timespan, iso_duration, iso_timestamp};
use super::version::ScormVersion;

/// SCORM's interaction types that Accord uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InteractionType {
    TrueFalse,
    Choice,
    FillIn,
    Matching,
    Sequencing,
    Numeric,
    /// 2004 only: a numeric answer too large for 2004's decimal type.
    Other,
}

impl InteractionType {
    /// The vocabulary token, the same in both versions.
    pub fn name(self) -> &'static str {
        match self {
            InteractionType::TrueFalse => "true-false",
            InteractionType::Choice => "choice",
            InteractionType::FillIn => "fill-in",
            InteractionType::Matching => "matching",
            InteractionType::Sequencing => "sequencing",
            InteractionType::Numeric => "numeric",
            InteractionType::Other => "other",
        }
    }

    /// The interaction type of an Accord question type (see the table above).
    pub fn of(question_type: QuestionType) -> InteractionType {
        match question_type {
            QuestionType::Single | QuestionType::Multiple | QuestionType::SpotError => {
                InteractionType::Choice
            }
            QuestionType::TrueFalse => InteractionType::TrueFalse,
            QuestionType::Ordering => InteractionType::Sequencing,
            QuestionType::Matching => InteractionType::Matching,
            QuestionType::Numeric => InteractionType::Numeric,
            QuestionType::ShortText | QuestionType::Cloze => InteractionType::FillIn,
        }
    }
}

/// One interaction, ready to send. Fields left `None` (or empty) are not sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interaction {
    pub id: String,
    pub kind: InteractionType,
    /// 2004 only: the prompt.
    pub description: Option<String>,
    /// The question's points.
    pub weighting: Option<String>,
    /// When the answer was given: 1.2 time of day, 2004 timestamp.
    pub time: Option<String>,
    /// The time the question was on screen, all visits added up.
    pub latency: Option<String>,
    pub learner_response: Option<String>,
    pub result: Option<String>,
    /// Patterns, each a full right answer (several for a typed answer with alternatives).
    pub correct_responses: Vec<String>,
}

/// What one quiz item contributes.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    /// The interaction's id, already made valid and unique.
    pub id: &'a str,
    pub shape: &'a Shape,
    /// The question with its answer; `None` for a sealed exam.
    pub question: Option<&'a Question>,
    pub answer: Option<&'a Answered>,
    /// Time on screen in ms.
    pub time_ms: u64,
    /// Whether results may be sent now (not in an exam before it is handed in).
    pub reveal: bool,
    pub utc_offset_minutes: i32,
}

/// The most correct-response patterns sent for one interaction: SCORM 2004's smallest
/// permitted maximum for fill-in (SPM 5, RTE §4.2.9.1); 1.2 is held to the same.
const MAX_PATTERNS: usize = 5;

/// The interaction for `item`.
pub fn interaction(version: ScormVersion, item: &Item) -> Interaction {
    let words = Words::of(version);
    let kind = InteractionType::of(item.shape.question_type());
    let elements = version.elements();
    let learner_response = item
        .answer
        .and_then(|a| response_text(&words, item.shape, &a.response))
        .filter(|text| !text.is_empty());
    let correct_responses: Vec<String> = item
        .question
        .map(|q| correct_patterns(&words, &q.kind))
        .unwrap_or_default();
    // 2004 writes numbers as real(10,7), and scorm-again's CMIDecimal pattern allows five
    // digits before the point (`-?[0-9]{1,5}(\.[0-9]{1,18})?`); to stay inside both, a larger
    // number is sent as `other`, whose values are free text (CMIString4000).
    let kind = if version == ScormVersion::V2004
        && kind == InteractionType::Numeric
        && !learner_response
            .iter()
            .chain(&correct_responses)
            .all(|text| text.split("[:]").all(fits_2004_decimal))
    {
        InteractionType::Other
    } else {
        kind
    };
    let description = match (elements.description, item.question) {
        (Some(_), Some(q)) => Some(fill_in_text(&words, &q.prompt)).filter(|t| !t.is_empty()),
        _ => None,
    };
    let result = match (item.reveal, item.question, item.answer) {
        (true, Some(_), Some(answer)) => Some(match Outcome::of(Some(answer.credit)) {
            Outcome::Right => "correct".to_string(),
            Outcome::Wrong => version.wrong().to_string(),
            _ => fixed(u64::from(answer.credit.thousandths()), 3),
        }),
        _ => None,
    };
    Interaction {
        id: item.id.to_string(),
        kind,
        description,
        weighting: item
            .question
            .map(|q| fixed(u64::from(q.points.thousandths()), 3)),
        time: item.answer.and_then(|a| match version {
            ScormVersion::V12 => Some(cmi_time(a.at, item.utc_offset_minutes)),
            ScormVersion::V2004 => iso_timestamp(a.at, item.utc_offset_minutes),
        }),
        latency: (item.time_ms > 0).then(|| match version {
            ScormVersion::V12 => cmi_timespan(item.time_ms),
            ScormVersion::V2004 => iso_duration(item.time_ms),
        }),
        learner_response,
        result,
        correct_responses,
    }
}

impl Interaction {
    /// The `(element, value)` pairs for interaction number `n`, in an order every run-time
    /// accepts: the id first, then the type (2004 refuses a response or a pattern before the
    /// type, error 408), then the rest.
    pub fn values(&self, version: ScormVersion, n: usize) -> Vec<(String, String)> {
        let elements = version.elements();
        let at = |field: &str| version.interaction_element(n, field);
        let mut out = vec![
            (at("id"), self.id.clone()),
            (at("type"), self.kind.name().to_string()),
        ];
        let optional = [
            (elements.description, &self.description),
            (Some("weighting"), &self.weighting),
            (Some(elements.interaction_time), &self.time),
            (Some("latency"), &self.latency),
            (Some(elements.learner_response), &self.learner_response),
            (Some("result"), &self.result),
        ];
        for (field, value) in optional {
            if let (Some(field), Some(value)) = (field, value) {
                out.push((at(field), value.clone()));
            }
        }
        for (k, pattern) in self.correct_responses.iter().enumerate() {
            out.push((
                at(&format!("correct_responses.{k}.pattern")),
                pattern.clone(),
            ));
        }
        out
    }
}

/// The delimiters and limits of one version.
struct Words {
    version: ScormVersion,
    list: &'static str,
    pair: &'static str,
    text_limit: usize,
}

impl Words {
    fn of(version: ScormVersion) -> Words {
        match version {
            ScormVersion::V12 => Words {
                version,
                list: ",",
                pair: ".",
                text_limit: version.elements().text_limit,
            },
            ScormVersion::V2004 => Words {
                version,
                list: "[,]",
                pair: "[.]",
                text_limit: version.elements().text_limit,
            },
        }
    }
}

/// The short identifier of entry `i` of a list in the bank's order: `a`–`z`, then `0`–`9`.
fn target_id(i: usize) -> Option<char> {
    b"abcdefghijklmnopqrstuvwxyz0123456789"
        .get(i)
        .map(|&b| char::from(b))
}

/// The short identifier of the left-hand side `i` of a matching question: `1`–`9`.
fn source_id(i: usize) -> Option<char> {
    b"123456789".get(i).map(|&b| char::from(b))
}

/// `picks` as identifiers joined by the list delimiter; `None` if one has no identifier.
fn id_list(words: &Words, picks: &[usize]) -> Option<String> {
    let ids: Option<Vec<String>> = picks
        .iter()
        .map(|&i| target_id(i).map(String::from))
        .collect();
    Some(ids?.join(words.list))
}

fn pair_list<'p>(
    words: &Words,
    pairs: impl Iterator<Item = (usize, usize)> + 'p,
) -> Option<String> {
    let pairs: Option<Vec<String>> = pairs
        .map(|(left, right)| {
            Some(format!(
                "{}{}{}",
                source_id(left)?,
                words.pair,
                target_id(right)?
            ))
        })
        .collect();
    Some(pairs?.join(words.list))
}

fn true_false(words: &Words, value: bool) -> String {
    match (words.version, value) {
        (ScormVersion::V12, true) => "t".into(),
        (ScormVersion::V12, false) => "f".into(),
        (ScormVersion::V2004, true) => "true".into(),
        (ScormVersion::V2004, false) => "false".into(),
    }
}

/// A typed text made safe for the version (see the module's notes on limits).
fn fill_in_text(words: &Words, text: &str) -> String {
    let mut text = one_line(text);
    if words.version == ScormVersion::V2004 {
        // Replacing can join a new `[,]` ("[[,]]" → "[,]"), so repeat; each pass shortens.
        while text.contains("[,]") {
            text = text.replace("[,]", ",");
        }
        if let Some(rest) = text.strip_prefix('{') {
            text = format!("({rest}");
        }
    }
    cut_utf16(&text, words.text_limit).to_string()
}

/// Several texts as one fill-in value: 2004's list of strings, or for 1.2 (one string) the
/// same `[,]`-joined text, cut to the limit as a whole.
fn fill_in_list(words: &Words, texts: &[&str]) -> String {
    let parts: Vec<String> = texts.iter().map(|t| fill_in_text(words, t)).collect();
    let joined = parts.join("[,]");
    match words.version {
        ScormVersion::V12 => cut_utf16(&joined, words.text_limit).to_string(),
        ScormVersion::V2004 => joined,
    }
}

fn number(words: &Words, x: f64) -> Option<String> {
    let text = decimal_from_f64(x, 7)?;
    (utf16_len(&text) <= words.text_limit.max(255)).then_some(text)
}

/// Whether `text` is a decimal 2004 run-times accept: `-?[0-9]{1,5}(\.[0-9]{1,18})?`.
fn fits_2004_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    (1..=5).contains(&whole.len())
        && all_digits(whole)
        && fraction.is_none_or(|f| (1..=18).contains(&f.len()) && all_digits(f))
}

/// The learner's response in the version's format; `None` when it does not fit the shape.
fn response_text(words: &Words, shape: &Shape, response: &Response) -> Option<String> {
    match (shape, response) {
        (Shape::Single { .. }, Response::Choice(i)) => target_id(*i).map(String::from),
        (Shape::Multiple { .. }, Response::Choices(picks))
        | (Shape::SpotError { .. }, Response::Parts(picks))
        | (Shape::Ordering { .. }, Response::Order(picks)) => id_list(words, picks),
        (Shape::TrueFalse, Response::Bool(b)) => Some(true_false(words, *b)),
        (Shape::Matching { .. }, Response::Pairs(pairs)) => pair_list(
            words,
            pairs
                .iter()
                .enumerate()
                .filter_map(|(left, right)| right.map(|r| (left, r))),
        ),
        (Shape::Numeric { .. }, Response::Number(x)) => number(words, *x),
        (Shape::ShortText, Response::Text(text)) => Some(fill_in_text(words, text)),
        (Shape::Cloze { .. }, Response::Blanks(texts)) => {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            Some(fill_in_list(words, &texts))
        }
        _ => None,
    }
}

/// The right answers as patterns.
fn correct_patterns(words: &Words, kind: &QuestionKind) -> Vec<String> {
    let patterns: Vec<Option<String>> = match kind {
        QuestionKind::SingleChoice { answer, .. } => vec![target_id(*answer).map(String::from)],
        QuestionKind::MultipleSelect { answers, .. } => vec![id_list(words, answers)],
        QuestionKind::SpotError { wrong, .. } => vec![id_list(words, wrong)],
        QuestionKind::TrueFalse { answer } => vec![Some(true_false(words, *answer))],
        QuestionKind::Ordering { items } => {
            vec![id_list(words, &(0..items.len()).collect::<Vec<_>>())]
        }
        QuestionKind::Matching { lefts, .. } => {
            vec![pair_list(words, (0..lefts.len()).map(|i| (i, i)))]
        }
        QuestionKind::Numeric {
            answer, tolerance, ..
        } => {
            let exact = number(words, *answer);
            let range = match words.version {
                ScormVersion::V2004 if *tolerance > 0.0 => number(words, answer - tolerance)
                    .zip(number(words, answer + tolerance))
                    .map(|(low, high)| format!("{low}[:]{high}")),
                _ => exact,
            };
            vec![range]
        }
        QuestionKind::ShortText { answer } => std::iter::once(&answer.canonical)
            .chain(&answer.accept)
            .take(MAX_PATTERNS)
            .map(|text| Some(fill_in_text(words, text)))
            .collect(),
        QuestionKind::Cloze { blanks, .. } => {
            let texts: Vec<&str> = blanks
                .iter()
                .map(|blank| match blank {
                    Blank::Typed(answer) => answer.canonical.as_str(),
                    Blank::Choice { options, answer } => {
                        options.get(*answer).map_or("", String::as_str)
                    }
                })
                .collect();
            vec![Some(fill_in_list(words, &texts))]
        }
    };
    let mut out: Vec<String> = Vec::new();
    for pattern in patterns.into_iter().flatten() {
        // A repeated pattern is refused by 2004 run-times ("Data Model Element Pattern
        // Already Exists"); alternatives that read the same once cut are sent once.
        if !pattern.is_empty() && !out.contains(&pattern) {
            out.push(pattern);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_that_2004_accepts() {
        assert!(fits_2004_decimal("2023"));
        assert!(fits_2004_decimal("-2.5"));
        assert!(!fits_2004_decimal("123456"));
        assert!(!fits_2004_decimal("1."));
        assert!(!fits_2004_decimal(""));
    }

    #[test]
    fn fill_in_text_never_carries_a_delimiter_or_a_language_tag() {
        let words = Words::of(ScormVersion::V2004);
        assert_eq!(fill_in_text(&words, "a[[,]]b"), "a,b");
        assert_eq!(fill_in_text(&words, "{lang=fr}x"), "(lang=fr}x");
        assert_eq!(fill_in_text(&words, "two\nlines"), "two lines");
        let words12 = Words::of(ScormVersion::V12);
        assert_eq!(fill_in_text(&words12, "{x}"), "{x}");
    }
}
