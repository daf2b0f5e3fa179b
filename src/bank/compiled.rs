//! The compiled bank: a bank the validator accepted, written as JSON (the default bank's
//! `questions/bundle.json`, built with the site, and what the reader module hands back), then
//! read by the learner's page without the TOML reader or the validator.
//!
//! Reading it back is not trusting it: every promise the model makes (indices in range, lists
//! within their limits, ids valid and unique, no hidden characters, sane lengths) is checked
//! again, so a damaged or hand-edited file is refused with a reason. It never names lines:
//! the files it was compiled from are the place for that, and their stamps are kept so the
//! page can tell when a teacher has edited them since.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::check::hygiene::{Limit, text_problem};
use super::model::{Bank, BankMeta, Blank, ClozePiece, Question, QuestionKind, Source, Topic};
use super::parse::SourceFile;
use super::path::check_relative;
use super::question_type::{
    BLANK_OPTIONS, CHOICES, CLAIM_PARTS, CLOZE_BLANKS, MATCHING_PAIRS, MAX_TYPOS, ORDERING_ITEMS,
};
use super::valid_id;
use crate::codec::fnv1a64_hex;

/// What the `format` field of a compiled bank says.
pub const FORMAT: &str = "accord-bank";
/// The version of the layout below; a newer one is refused with a reason.
pub const VERSION: u32 = 1;

/// One file the bank was compiled from: its path relative to the page, and a hash of its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub path: String,
    /// FNV-1a 64 of the text, in hex: enough to notice an edit (not a security check).
    pub hash: String,
}

impl Stamp {
    pub fn of(file: &SourceFile) -> Stamp {
        Stamp {
            path: file.name.clone(),
            hash: fnv1a64_hex(file.text.as_bytes()),
        }
    }
}

/// A compiled bank as read back: the bank, and the files it came from (manifest first).
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    pub bank: Bank,
    pub files: Vec<Stamp>,
}

#[derive(Serialize)]
struct WireOut<'a> {
    format: &'a str,
    version: u32,
    files: &'a [Stamp],
    meta: &'a BankMeta,
    topics: &'a [Topic],
    questions: &'a [Question],
}

#[derive(Deserialize)]
struct WireIn {
    format: String,
    version: u32,
    files: Vec<Stamp>,
    meta: BankMeta,
    topics: Vec<Topic>,
    questions: Vec<Question>,
}

/// The compiled form of `bank`, made from `files`.
pub fn encode(bank: &Bank, files: &[SourceFile]) -> String {
    let stamps: Vec<Stamp> = files.iter().map(Stamp::of).collect();
    serde_json::to_string(&WireOut {
        format: FORMAT,
        version: VERSION,
        files: &stamps,
        meta: &bank.meta,
        topics: &bank.topics,
        questions: &bank.questions,
    })
    .expect("a bank always serialises")
}

/// Read a compiled bank back, checking everything the model promises.
pub fn decode(text: &str) -> Result<Compiled, String> {
    #[derive(Deserialize)]
    struct Head {
        format: Option<String>,
        version: Option<u32>,
    }
    let head: Head =
        serde_json::from_str(text).map_err(|e| format!("not a compiled bank ({e})"))?;
    if head.format.as_deref() != Some(FORMAT) {
        return Err("not a compiled bank (its format is not \"accord-bank\")".into());
    }
    match head.version {
        Some(VERSION) => {}
        Some(v) if v > VERSION => {
            return Err(format!(
                "compiled by a newer version of Accord (layout {v}); rebuild the site"
            ));
        }
        _ => return Err("a compiled bank of an unknown layout".into()),
    }
    let wire: WireIn = serde_json::from_str(text).map_err(|e| format!("damaged: {e}"))?;
    debug_assert_eq!(wire.format, FORMAT);
    debug_assert_eq!(wire.version, VERSION);
    check_files(&wire.files)?;
    check_bank(&wire.meta, &wire.topics, &wire.questions)?;
    Ok(Compiled {
        bank: Bank::new(wire.meta, wire.topics, wire.questions),
        files: wire.files,
    })
}

fn check_files(files: &[Stamp]) -> Result<(), String> {
    if files.is_empty() {
        return Err("it names no source files".into());
    }
    for f in files {
        check_relative(&f.path).map_err(|why| format!("source file {:?}: {why}", f.path))?;
        if f.hash.len() != 16 || !f.hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!("source file {:?} has a damaged stamp", f.path));
        }
    }
    Ok(())
}

fn text(what: &str, text: &str, limit: Limit) -> Result<(), String> {
    match text_problem(text, limit) {
        Some(problem) => Err(format!("{what} {problem}")),
        None => Ok(()),
    }
}

fn id(what: &str, id: &str) -> Result<(), String> {
    if valid_id(id) {
        Ok(())
    } else {
        Err(format!("{what} {id:?} is not a valid id"))
    }
}

fn check_bank(meta: &BankMeta, topics: &[Topic], questions: &[Question]) -> Result<(), String> {
    id("the bank's id", &meta.id)?;
    text("the bank's title", &meta.title, Limit::Line)?;
    text("the bank's description", &meta.description, Limit::Long)?;
    text("the bank's version", &meta.version, Limit::Short)?;
    text("the bank's language", &meta.language, Limit::Short)?;
    if topics.is_empty() || questions.is_empty() {
        return Err("it has no topics or no questions".into());
    }
    let mut topic_ids = HashSet::new();
    for t in topics {
        id("a topic", &t.id)?;
        text("a topic's title", &t.title, Limit::Line)?;
        if !topic_ids.insert(t.id.as_str()) {
            return Err(format!("topic {:?} is listed twice", t.id));
        }
    }
    let mut question_ids = HashSet::new();
    for q in questions {
        id("a question", &q.id)?;
        if !question_ids.insert(q.id.as_str()) {
            return Err(format!("question {:?} is there twice", q.id));
        }
        if !topic_ids.contains(q.topic.as_str()) {
            return Err(format!("question {:?} has an unknown topic", q.id));
        }
        check_question(q).map_err(|why| format!("question {:?}: {why}", q.id))?;
    }
    Ok(())
}

fn check_question(q: &Question) -> Result<(), String> {
    text("the prompt", &q.prompt, Limit::Prompt)?;
    text("the origin", &q.origin, Limit::Line)?;
    if let Some(e) = &q.explanation {
        text("the explanation", e, Limit::Long)?;
    }
    for list in [&q.facts, &q.errors, &q.tags] {
        if list.len() > 64 {
            return Err("too many facts, errors or tags".into());
        }
        for item in list {
            text("a fact, error or tag", item, Limit::Short)?;
        }
    }
    if q.sources.len() > 64 {
        return Err("too many sources".into());
    }
    for s in &q.sources {
        text("a source", s.text(), Limit::Line)?;
        if let Source::Link(url) = s
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            return Err("a source link is not a web address".into());
        }
    }
    if let Some(image) = &q.image {
        check_relative(&image.file).map_err(|why| format!("the image: {why}"))?;
        text("the image's text", &image.alt, Limit::Line)?;
        if let Some(c) = &image.caption {
            text("the caption", c, Limit::Line)?;
        }
    }
    if let Some(x) = &q.extract {
        text("the extract", &x.text, Limit::Long)?;
        text("the attribution", &x.attribution, Limit::Line)?;
    }
    check_kind(&q.kind)
}

fn entries(
    what: &str,
    items: &[String],
    range: std::ops::RangeInclusive<usize>,
) -> Result<(), String> {
    if !range.contains(&items.len()) {
        return Err(format!(
            "{} {what}, not {}–{}",
            items.len(),
            range.start(),
            range.end()
        ));
    }
    for item in items {
        text(what, item, Limit::Line)?;
    }
    Ok(())
}

/// Sorted, distinct, non-empty, each below `len`.
fn picks(what: &str, picks: &[usize], len: usize) -> Result<(), String> {
    let sorted = picks.windows(2).all(|w| w[0] < w[1]);
    if picks.is_empty() || !sorted || picks.iter().any(|&i| i >= len) {
        return Err(format!("its {what} are out of range"));
    }
    Ok(())
}

fn typed(answer: &super::model::TextAnswer) -> Result<(), String> {
    text("the answer", &answer.canonical, Limit::Line)?;
    if answer.canonical.trim().is_empty() || answer.typos > MAX_TYPOS || answer.accept.len() > 32 {
        return Err("its typed answer is empty or out of range".into());
    }
    for a in &answer.accept {
        text("an accepted answer", a, Limit::Line)?;
    }
    Ok(())
}

fn check_kind(kind: &QuestionKind) -> Result<(), String> {
    match kind {
        QuestionKind::SingleChoice { choices, answer } => {
            entries("choices", choices, CHOICES)?;
            picks("answer", &[*answer], choices.len())
        }
        QuestionKind::MultipleSelect { choices, answers } => {
            entries("choices", choices, CHOICES)?;
            picks("answers", answers, choices.len())
        }
        QuestionKind::TrueFalse { .. } => Ok(()),
        QuestionKind::Ordering { items } => entries("items", items, ORDERING_ITEMS),
        QuestionKind::Matching { lefts, rights } => {
            entries("pairs", lefts, MATCHING_PAIRS)?;
            entries("pairs", rights, MATCHING_PAIRS)?;
            if lefts.len() != rights.len() {
                return Err("its pairs do not pair up".into());
            }
            Ok(())
        }
        QuestionKind::Numeric {
            answer,
            tolerance,
            unit,
        } => {
            if !answer.is_finite() || !tolerance.is_finite() || *tolerance < 0.0 {
                return Err("its number or tolerance is not a usable number".into());
            }
            match unit {
                Some(unit) => text("the unit", unit, Limit::Line),
                None => Ok(()),
            }
        }
        QuestionKind::ShortText { answer } => typed(answer),
        QuestionKind::Cloze { pieces, blanks } => {
            if !CLOZE_BLANKS.contains(&blanks.len()) || pieces.len() > 2 * blanks.len() + 1 {
                return Err("its blanks are out of range".into());
            }
            // Every blank appears exactly once, in order.
            let used: Vec<usize> = pieces
                .iter()
                .filter_map(|p| match p {
                    ClozePiece::Blank(i) => Some(*i),
                    ClozePiece::Text(_) => None,
                })
                .collect();
            if used != (0..blanks.len()).collect::<Vec<_>>() {
                return Err("its text and blanks do not match".into());
            }
            for p in pieces {
                if let ClozePiece::Text(t) = p {
                    text("the text", t, Limit::Prompt)?;
                }
            }
            for b in blanks {
                match b {
                    Blank::Typed(answer) => typed(answer)?,
                    Blank::Choice { options, answer } => {
                        entries("options", options, BLANK_OPTIONS)?;
                        picks("answer", &[*answer], options.len())?;
                    }
                }
            }
            Ok(())
        }
        QuestionKind::SpotError { parts, wrong } => {
            entries("parts", parts, CLAIM_PARTS)?;
            picks("wrong parts", wrong, parts.len())
        }
    }
}
