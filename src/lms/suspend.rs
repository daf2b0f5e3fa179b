//! The quiz in `cmi.suspend_data`: a compact text that resumes a session in a later launch,
//! and its decoder, which trusts nothing (the LMS, the learner and other packages can all
//! write there) and checks what it reads by meaning before a quiz is rebuilt from it.
//!
//! Why a format of our own rather than JSON: SCORM 1.2 gives `suspend_data` 4,096 characters
//! (CMIString4096; 2004 gives 64,000), and a 50-question quiz as the session's JSON takes
//! about 15,000. Here a question is its position in the bank, a layout is one character per
//! entry, and a number is base 36, so a 50-question quiz takes about 1,500.
//!
//! The format, version `A1`: records separated by `|`, fields within a record by `,`.
//! - `A1`, the tag;
//! - the header: start, finish, deadline and "shown at" (ms since the epoch, base 36, empty
//!   when absent), the current position, `t` if the time ran out, the mode (`p`ractice,
//!   `r`eview, `e`xam, `f`ocus), the time limit in seconds, the count asked for, the seed, the
//!   quiz id, the bank id, and the topics joined by `/`;
//! - one record per item: the question's position in the bank (base 36), its layout (one base-36
//!   character per entry), each cloze blank's option order (joined by `/`), `1` if flagged, the
//!   ms on screen, and if answered, the answer's time (ms after the start, base 36, `-` before
//!   it when earlier) and the response: indices as base-36 characters (matching: one per
//!   left-hand side, `-` for none), `t`/`f`, a number as Rust writes an `f64` (which reads
//!   back exactly), a text, or a cloze's texts joined by `/`.
//!
//! Texts are written as they are, except that `|`, `,`, `/`, `~`, control characters and the
//! line and paragraph separators become `~` and four hex digits (`,` is `~002c`): the result is
//! one line with no separator inside a field.
//!
//! When a quiz does not fit the limit, the time per question is left out first (it is
//! informational: it feeds latency and the teacher's time column, not the score); if it still
//! does not fit (only with long typed answers), encoding fails with `TooLong` and the caller
//! keeps the last suspend data that fitted. Nothing else is ever dropped silently.

use crate::bank::{BlankShape, Shape};
use crate::quiz::{
    Answered, Credit, QuizItem, QuizMode, QuizSession, QuizSettings, Response, Seed, is_permutation,
};
use crate::text::escape_controls;

use super::format::utf16_len;
use super::key::Key;

const TAG: &str = "A1";
const HEADER_FIELDS: usize = 13;
const ITEM_FIELDS: usize = 7;

/// How the suspend data fitted its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuspendFit {
    Whole,
    /// The time per question was left out to fit; everything else is there.
    WithoutTimes,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuspendError {
    /// Not suspend data this app wrote (empty, another package's, or another format).
    NotOurs,
    /// Suspend data of ours, damaged: what is wrong, and where.
    Damaged(String),
    /// Well formed, but it does not fit the questions (the package was replaced by one with
    /// another bank since the quiz began).
    DoesNotFit(String),
    /// The session holds something the format cannot write (a question missing from the
    /// bank, a list longer than 36).
    Unencodable(String),
    /// Longer than the limit even without the time per question.
    TooLong { length: usize, limit: usize },
}

impl std::fmt::Display for SuspendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SuspendError::NotOurs => write!(f, "the saved data is not a quiz of this app"),
            SuspendError::Damaged(why) => write!(f, "the saved quiz is damaged: {why}"),
            SuspendError::DoesNotFit(why) => {
                write!(f, "the saved quiz does not fit these questions: {why}")
            }
            SuspendError::Unencodable(why) => write!(f, "the quiz cannot be saved: {why}"),
            SuspendError::TooLong { length, limit } => write!(
                f,
                "the quiz takes {length} characters to save and the LMS keeps at most {limit}; \
                 shorter typed answers would fit"
            ),
        }
    }
}

fn damaged(why: impl Into<String>) -> SuspendError {
    SuspendError::Damaged(why.into())
}

/// The whole session as suspend data, times included, with no length limit.
pub fn encode(session: &QuizSession, key: Key) -> Result<String, SuspendError> {
    write(session, key, true)
}

/// The session as suspend data of at most `limit` UTF-16 code units (as the LMS counts):
/// whole if it fits, else without the time per question, else `TooLong`.
pub fn encode_within(
    session: &QuizSession,
    key: Key,
    limit: usize,
) -> Result<(String, SuspendFit), SuspendError> {
    let whole = write(session, key, true)?;
    if utf16_len(&whole) <= limit {
        return Ok((whole, SuspendFit::Whole));
    }
    let lean = write(session, key, false)?;
    let length = utf16_len(&lean);
    if length <= limit {
        Ok((lean, SuspendFit::WithoutTimes))
    } else {
        Err(SuspendError::TooLong { length, limit })
    }
}

fn b36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn optional_b36(n: Option<u64>) -> String {
    n.map(b36).unwrap_or_default()
}

/// One base-36 character for an index below 36.
fn index_char(i: usize) -> Option<char> {
    (i < 36).then(|| char::from_digit(i as u32, 36)).flatten()
}

fn indices(list: &[usize]) -> Result<String, SuspendError> {
    list.iter()
        .map(|&i| index_char(i))
        .collect::<Option<String>>()
        .ok_or_else(|| SuspendError::Unencodable("a list has more than 36 entries".into()))
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '|' | ',' | '/' | '~')
            || c.is_control()
            || c == '\u{2028}'
            || c == '\u{2029}'
        {
            out.push_str(&format!("~{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn mode_letter(mode: QuizMode) -> char {
    match mode {
        QuizMode::Practice => 'p',
        QuizMode::Review => 'r',
        QuizMode::Exam => 'e',
        QuizMode::Focus => 'f',
    }
}

fn response_text(response: &Response) -> Result<String, SuspendError> {
    Ok(match response {
        Response::Choice(i) => indices(&[*i])?,
        Response::Choices(list) | Response::Order(list) | Response::Parts(list) => indices(list)?,
        Response::Bool(b) => if *b { "t" } else { "f" }.to_string(),
        Response::Pairs(pairs) => pairs
            .iter()
            .map(|p| match p {
                None => Some('-'),
                Some(r) => index_char(*r),
            })
            .collect::<Option<String>>()
            .ok_or_else(|| SuspendError::Unencodable("a matching answer is out of range".into()))?,
        Response::Number(x) => format!("{x:?}"),
        Response::Text(text) => escape(text),
        Response::Blanks(texts) => texts
            .iter()
            .map(|t| escape(t))
            .collect::<Vec<_>>()
            .join("/"),
    })
}

fn write(session: &QuizSession, key: Key, with_times: bool) -> Result<String, SuspendError> {
    let positions: std::collections::HashMap<&str, usize> = key
        .ids()
        .into_iter()
        .enumerate()
        .map(|(i, id)| (id, i))
        .collect();
    let settings = &session.settings;
    let header = [
        b36(session.started_at),
        optional_b36(session.finished_at),
        optional_b36(session.deadline),
        optional_b36(session.shown_at),
        b36(session.current as u64),
        if session.timed_out { "t" } else { "" }.to_string(),
        mode_letter(settings.mode).to_string(),
        optional_b36(settings.time_limit.map(u64::from)),
        b36(settings.count as u64),
        escape(session.seed.as_str()),
        escape(&session.id),
        escape(&session.bank_id),
        settings
            .topics
            .iter()
            .map(|t| escape(t))
            .collect::<Vec<_>>()
            .join("/"),
    ];
    let mut out = format!("{TAG}|{}", header.join(","));
    for (i, item) in session.items.iter().enumerate() {
        let position = positions.get(item.question.as_str()).ok_or_else(|| {
            SuspendError::Unencodable(format!(
                "question \"{}\" is not in the bank",
                escape_controls(&item.question)
            ))
        })?;
        let blank_orders = item
            .blank_orders
            .iter()
            .map(|order| indices(order))
            .collect::<Result<Vec<_>, _>>()?
            .join("/");
        let time = session.time_ms.get(i).copied().unwrap_or(0);
        let (at, response) = match session.answers.get(i).and_then(Option::as_ref) {
            Some(answer) => {
                let delta = i128::from(answer.at) - i128::from(session.started_at);
                let at = if delta < 0 {
                    format!("-{}", b36(delta.unsigned_abs() as u64))
                } else {
                    b36(delta as u64)
                };
                (at, response_text(&answer.response)?)
            }
            None => (String::new(), String::new()),
        };
        let fields = [
            b36(*position as u64),
            indices(&item.order)?,
            blank_orders,
            if session.flags.get(i).copied().unwrap_or(false) {
                "1"
            } else {
                ""
            }
            .to_string(),
            if with_times && time > 0 {
                b36(time)
            } else {
                String::new()
            },
            at,
            response,
        ];
        out.push('|');
        out.push_str(&fields.join(","));
    }
    Ok(out)
}

fn parse_b36(field: &str, what: &str) -> Result<u64, SuspendError> {
    if field.is_empty() || field.len() > 13 {
        return Err(damaged(format!("{what} is not a number")));
    }
    field.chars().try_fold(0u64, |n, c| {
        let digit = c
            .to_digit(36)
            .filter(|_| !c.is_ascii_uppercase())
            .ok_or_else(|| damaged(format!("{what} is not a number")))?;
        n.checked_mul(36)
            .and_then(|n| n.checked_add(u64::from(digit)))
            .ok_or_else(|| damaged(format!("{what} is too large")))
    })
}

fn parse_optional(field: &str, what: &str) -> Result<Option<u64>, SuspendError> {
    if field.is_empty() {
        Ok(None)
    } else {
        parse_b36(field, what).map(Some)
    }
}

fn parse_indices(field: &str, what: &str) -> Result<Vec<usize>, SuspendError> {
    field
        .chars()
        .map(|c| {
            c.to_digit(36)
                .filter(|_| !c.is_ascii_uppercase())
                .map(|d| d as usize)
                .ok_or_else(|| {
                    damaged(format!(
                        "{what} holds \"{}\"",
                        escape_controls(&c.to_string())
                    ))
                })
        })
        .collect()
}

fn unescape(field: &str) -> Result<String, SuspendError> {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '~' {
            out.push(c);
            continue;
        }
        let hex: String = chars.by_ref().take(4).collect();
        let code = (hex.len() == 4 && hex.chars().all(|h| h.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(&hex, 16).ok())
            .flatten()
            .and_then(char::from_u32)
            .ok_or_else(|| damaged("a text has a broken escape"))?;
        out.push(code);
    }
    Ok(out)
}

fn parse_mode(field: &str) -> Result<QuizMode, SuspendError> {
    match field {
        "p" => Ok(QuizMode::Practice),
        "r" => Ok(QuizMode::Review),
        "e" => Ok(QuizMode::Exam),
        "f" => Ok(QuizMode::Focus),
        _ => Err(damaged("the quiz mode is unknown")),
    }
}

fn parse_response(field: &str, shape: &Shape, n: usize) -> Result<Response, SuspendError> {
    let what = format!("the answer to item {n}");
    let response = match shape {
        Shape::Single { .. } => {
            let picks = parse_indices(field, &what)?;
            match picks.as_slice() {
                [i] => Response::Choice(*i),
                _ => return Err(damaged(format!("{what} is not one choice"))),
            }
        }
        Shape::Multiple { .. } => Response::Choices(parse_indices(field, &what)?),
        Shape::SpotError { .. } => Response::Parts(parse_indices(field, &what)?),
        Shape::Ordering { .. } => Response::Order(parse_indices(field, &what)?),
        Shape::TrueFalse => match field {
            "t" => Response::Bool(true),
            "f" => Response::Bool(false),
            _ => return Err(damaged(format!("{what} is neither true nor false"))),
        },
        Shape::Matching { .. } => Response::Pairs(
            field
                .chars()
                .map(|c| match c {
                    '-' => Ok(None),
                    c => c
                        .to_digit(36)
                        .filter(|_| !c.is_ascii_uppercase())
                        .map(|d| Some(d as usize))
                        .ok_or_else(|| damaged(format!("{what} holds a stray character"))),
                })
                .collect::<Result<_, _>>()?,
        ),
        Shape::Numeric { .. } => {
            let number = (field.len() <= 40
                && field
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | 'e' | '+')))
            .then(|| field.parse::<f64>().ok())
            .flatten()
            .filter(|x| x.is_finite())
            .ok_or_else(|| damaged(format!("{what} is not a number")))?;
            Response::Number(number)
        }
        Shape::ShortText => Response::Text(unescape(field)?),
        Shape::Cloze { .. } => {
            Response::Blanks(field.split('/').map(unescape).collect::<Result<_, _>>()?)
        }
    };
    if response.fits_shape(shape) {
        Ok(response)
    } else {
        Err(SuspendError::DoesNotFit(format!(
            "{what} does not fit its question"
        )))
    }
}

fn parse_blank_orders(
    field: &str,
    shape: &Shape,
    n: usize,
) -> Result<Vec<Vec<usize>>, SuspendError> {
    let misfit =
        || SuspendError::DoesNotFit(format!("the blanks of item {n} do not fit its question"));
    match shape {
        Shape::Cloze { blanks, .. } => {
            let groups: Vec<&str> = field.split('/').collect();
            if groups.len() != blanks.len() {
                return Err(misfit());
            }
            blanks
                .iter()
                .zip(groups)
                .map(|(blank, group)| {
                    let order = parse_indices(group, "a blank's order")?;
                    let fits = match blank {
                        BlankShape::Typed => order.is_empty(),
                        BlankShape::Options(options) => is_permutation(&order, options.len()),
                    };
                    if fits { Ok(order) } else { Err(misfit()) }
                })
                .collect()
        }
        _ if field.is_empty() => Ok(Vec::new()),
        _ => Err(misfit()),
    }
}

/// Rebuild a session from suspend data, checked against `key`: every position, layout and
/// response must fit the question it names, the counts and times must make sense, and the
/// bank must be the one the quiz began with. With the open key the session is then checked
/// and scored again by [`QuizSession::restore`]; with a sealed key every credit is zero (the
/// learner's side cannot score it).
pub fn decode(text: &str, key: Key) -> Result<QuizSession, SuspendError> {
    let mut records = text.split('|');
    if records.next() != Some(TAG) {
        return Err(SuspendError::NotOurs);
    }
    let header: Vec<&str> = records
        .next()
        .ok_or_else(|| damaged("it has no header"))?
        .split(',')
        .collect();
    if header.len() != HEADER_FIELDS {
        return Err(damaged(format!(
            "its header has {} fields instead of {HEADER_FIELDS}",
            header.len()
        )));
    }
    let started_at = parse_b36(header[0], "the start time")?;
    let finished_at = parse_optional(header[1], "the finish time")?;
    let deadline = parse_optional(header[2], "the deadline")?;
    let shown_at = parse_optional(header[3], "the time the question came on screen")?;
    let current = usize::try_from(parse_b36(header[4], "the current position")?)
        .map_err(|_| damaged("the current position is too large"))?;
    let timed_out = match header[5] {
        "" => false,
        "t" => true,
        _ => return Err(damaged("the time-out mark is unknown")),
    };
    let mode = parse_mode(header[6])?;
    let time_limit = parse_optional(header[7], "the time limit")?
        .map(|s| u32::try_from(s).map_err(|_| damaged("the time limit is too large")))
        .transpose()?;
    let count = usize::try_from(parse_b36(header[8], "the question count")?)
        .map_err(|_| damaged("the question count is too large"))?;
    let seed =
        Seed::parse(&unescape(header[9])?).ok_or_else(|| damaged("the seed is not valid"))?;
    let id = unescape(header[10])?;
    let bank_id = unescape(header[11])?;
    let topics = if header[12].is_empty() {
        Vec::new()
    } else {
        header[12]
            .split('/')
            .map(unescape)
            .collect::<Result<Vec<_>, _>>()?
    };
    if bank_id != key.bank_id() {
        return Err(SuspendError::DoesNotFit(format!(
            "it belongs to another question bank (\"{}\")",
            escape_controls(&bank_id)
        )));
    }
    if finished_at.is_some_and(|f| f < started_at) || deadline.is_some_and(|d| d < started_at) {
        return Err(damaged("its times are out of order"));
    }

    let ids = key.ids();
    let mut items = Vec::new();
    let mut answers = Vec::new();
    let mut flags = Vec::new();
    let mut time_ms = Vec::new();
    for (n, record) in records.enumerate() {
        let n = n + 1;
        let fields: Vec<&str> = record.split(',').collect();
        if fields.len() != ITEM_FIELDS {
            return Err(damaged(format!(
                "item {n} has {} fields instead of {ITEM_FIELDS}",
                fields.len()
            )));
        }
        let position = usize::try_from(parse_b36(fields[0], "a question's position")?)
            .map_err(|_| damaged("a question's position is too large"))?;
        let question = *ids.get(position).ok_or_else(|| {
            SuspendError::DoesNotFit(format!("item {n} names a question the bank does not have"))
        })?;
        let shape = key.shape(question).ok_or_else(|| {
            SuspendError::DoesNotFit(format!("item {n} names a question the bank does not have"))
        })?;
        let order = parse_indices(fields[1], "a layout")?;
        if !is_permutation(&order, shape.shuffled_list_len()) {
            return Err(SuspendError::DoesNotFit(format!(
                "the layout of item {n} does not fit question \"{}\"",
                escape_controls(question)
            )));
        }
        let blank_orders = parse_blank_orders(fields[2], &shape, n)?;
        let flag = match fields[3] {
            "" => false,
            "1" => true,
            _ => return Err(damaged(format!("the flag of item {n} is unknown"))),
        };
        let time = parse_optional(fields[4], "a question's time")?.unwrap_or(0);
        let answer = match (fields[5], fields[6]) {
            ("", "") => None,
            ("", _) => return Err(damaged(format!("the answer to item {n} has no time"))),
            (at, response) => {
                let (negative, digits) = match at.strip_prefix('-') {
                    Some(digits) => (true, digits),
                    None => (false, at),
                };
                let delta = parse_b36(digits, "an answer's time")?;
                let at = if negative {
                    started_at.checked_sub(delta)
                } else {
                    started_at.checked_add(delta)
                }
                .ok_or_else(|| damaged("an answer's time is out of range"))?;
                Some(Answered {
                    response: parse_response(response, &shape, n)?,
                    credit: Credit::ZERO,
                    at,
                })
            }
        };
        items.push(QuizItem {
            question: question.to_string(),
            order,
            blank_orders,
        });
        answers.push(answer);
        flags.push(flag);
        time_ms.push(time);
    }
    if items.is_empty() {
        return Err(damaged("it has no questions"));
    }
    if current > items.len() {
        return Err(damaged("it is on a question past its last"));
    }
    let session = QuizSession {
        id,
        bank_id,
        seed,
        settings: QuizSettings {
            topics,
            count,
            mode,
            time_limit,
        },
        items,
        answers,
        current,
        started_at,
        finished_at,
        deadline,
        flags,
        time_ms,
        shown_at,
        timed_out,
    };
    match key {
        Key::Open(bank) => session
            .restore(bank)
            .map_err(|e| SuspendError::DoesNotFit(e.to_string())),
        // What `restore` checks without a bank holds for a sealed exam too (no question
        // drawn twice, above all: its result would be refused).
        Key::Sealed(_) => session.check_saved().map(|()| session).map_err(damaged),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base36_numbers_read_back() {
        for n in [0, 1, 35, 36, 1_796_130_309_250, u64::MAX] {
            assert_eq!(parse_b36(&b36(n), "n"), Ok(n));
        }
        assert!(parse_b36("", "n").is_err());
        assert!(parse_b36("A", "n").is_err(), "upper case is not ours");
        assert!(
            parse_b36("zzzzzzzzzzzzz", "n").is_err(),
            "overflow is refused"
        );
    }

    #[test]
    fn texts_escape_only_what_would_break_a_field() {
        assert_eq!(
            escape("a,b/c|d~e\nf é"),
            "a~002cb~002fc~007cd~007ee~000af é"
        );
        assert_eq!(
            unescape(&escape("a,b/c|d~e\nf é")).unwrap(),
            "a,b/c|d~e\nf é"
        );
        assert!(unescape("~00").is_err());
        assert!(
            unescape("~d800").is_err(),
            "a lone surrogate is no character"
        );
    }
}
