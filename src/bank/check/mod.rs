//! Validation: raw questions (from TOML or any imported format) into a `Bank`, every problem
//! written down with its file, line and column.
//!
//! The one validation path: the app, the checker and the teacher's page all come through here.
//! Split by concern: `reporter` (where we are, field readers), `hygiene` (rules for text),
//! `manifest` (the bank, its topics, cross-file checks), `common` (fields every question has),
//! `kinds` (the rules of each type) and `cloze` (blank markers).

mod cloze;
mod common;
pub(crate) mod hygiene;
mod kinds;
mod manifest;
mod reporter;

use std::collections::HashMap;

use toml::Spanned;

use super::error::{BankErrors, LineIndex, Location};
use super::facts::FactSheet;
use super::model::{Bank, BankMeta, Question, Topic};
use super::parse::SourceFile;
use super::raw::{RawManifest, RawQuestion};
use crate::calendar::Date;
use reporter::Reporter;

pub use cloze::split_cloze;
pub use hygiene::{look_alike, typeable};

/// What a check holds a bank to, beyond the format itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rules<'f> {
    /// The fact sheet to check ids and links against. Used only for a bank whose manifest
    /// names a fact sheet (`fact_sheet = …`); a bank that names none is never held to it.
    pub facts: Option<&'f FactSheet>,
    /// Review dates after this day are refused (the checker passes today; the app does not).
    pub today: Option<Date>,
}

/// One question's problems, for showing them beside it (the teacher's preview).
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionReport {
    /// Where the question starts.
    pub at: Location,
    /// The question's id, when it has a readable one.
    pub id: Option<String>,
    /// The question, when it has no problems.
    pub question: Option<Question>,
    /// How many of the bank's problems are this question's.
    pub problems: usize,
}

/// What the validator keeps of each question it saw, for `reports`: cheap enough to keep for
/// every question of a large bank (the question itself is in `questions`, not copied).
struct Seen {
    at: Location,
    /// The id as read, for a question with problems (a valid one has its own).
    id: Option<String>,
    /// Its index in `questions`, when it had no problems.
    question: Option<usize>,
    problems: usize,
}

/// Accumulates a bank across files; problems go into the caller's `BankErrors`.
pub struct Validator<'f> {
    rules: Rules<'f>,
    meta: Option<BankMeta>,
    /// Whether the bank is held to the fact-sheet rules (its manifest names a fact sheet).
    strict: bool,
    topics: Vec<Topic>,
    questions: Vec<Question>,
    ids: HashMap<String, Location>,
    seen: Vec<Seen>,
}

impl<'f> Validator<'f> {
    pub fn new(rules: Rules<'f>) -> Self {
        Validator {
            rules,
            meta: None,
            strict: false,
            topics: Vec::new(),
            questions: Vec::new(),
            ids: HashMap::new(),
            seen: Vec::new(),
        }
    }

    /// A bank with no manifest (an imported file): its metadata and topics are given.
    pub fn with_meta(rules: Rules<'f>, meta: BankMeta, topics: Vec<Topic>) -> Self {
        let mut validator = Validator::new(rules);
        validator.strict = meta.fact_sheet.is_some();
        validator.meta = Some(meta);
        validator.topics = topics;
        validator
    }

    /// The manifest: the bank's metadata and topics, and any questions it holds itself.
    pub fn manifest(&mut self, file: &SourceFile, mut raw: RawManifest, errors: &mut BankErrors) {
        let lines = LineIndex::new(&file.text);
        let mut here = Reporter::new(file, &lines, 0, errors);
        manifest::check(self, &mut here, &mut raw);
        self.questions(file, raw.question, errors);
    }

    /// The questions of one file.
    pub fn questions(
        &mut self,
        file: &SourceFile,
        raws: Vec<Spanned<RawQuestion>>,
        errors: &mut BankErrors,
    ) {
        self.questions_at(file, 0, raws, errors);
    }

    /// The questions read from the part of `file` that starts at byte `base` (their spans
    /// count from there).
    pub fn questions_at(
        &mut self,
        file: &SourceFile,
        base: usize,
        raws: Vec<Spanned<RawQuestion>>,
        errors: &mut BankErrors,
    ) {
        let lines = LineIndex::new(&file.text);
        self.seen.reserve(raws.len());
        self.questions.reserve(raws.len());
        self.ids.reserve(raws.len());
        for raw in raws {
            let start = raw.span().start;
            let mut here = Reporter::new(file, &lines, base, errors);
            let at = here.at(start);
            let question = common::question(self, &mut here, start, &at, raw.into_inner());
            let problems = here.written();
            let (id, index) = match question {
                Some(question) => {
                    self.questions.push(question);
                    (None, Some(self.questions.len() - 1))
                }
                None => (here.question_id().map(str::to_string), None),
            };
            self.seen.push(Seen {
                at,
                id,
                question: index,
                problems,
            });
        }
    }

    /// Every question seen so far, in order, each with its count of problems.
    pub fn reports(&self) -> Vec<QuestionReport> {
        self.seen
            .iter()
            .map(|seen| {
                let question = seen.question.map(|i| self.questions[i].clone());
                QuestionReport {
                    at: seen.at.clone(),
                    id: question
                        .as_ref()
                        .map(|q| q.id.clone())
                        .or_else(|| seen.id.clone()),
                    question,
                    problems: seen.problems,
                }
            })
            .collect()
    }

    /// Cross-file checks (every topic used), then the bank if nothing was wrong.
    pub fn finish(self, manifest: &SourceFile, errors: &mut BankErrors) -> Option<Bank> {
        manifest::finish(&self, manifest, errors);
        Some(Bank::new(self.meta?, self.topics, self.questions))
    }

    fn topic_known(&self, id: &str) -> bool {
        self.topics.iter().any(|t| t.id == id)
    }
}

/// Ids of banks, topics and questions: lowercase letters, digits and '-', up to 80.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
}
