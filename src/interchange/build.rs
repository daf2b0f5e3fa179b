//! What every reader shares while it fills raw questions: where a byte offset is, the topics
//! (categories made into valid, unique ids), question ids made from names, and the lists of
//! what was skipped, changed or malformed.

use std::collections::HashSet;

use toml::Spanned;

use super::plain::{slug, title_from_file};
use super::{Format, Imported, Skipped};
use crate::bank::raw::{RawNumber, RawQuestion, Text, TextList, at, text_at};
use crate::bank::{BankErrors, LineIndex, Location, SourceFile, Topic};
use crate::text::quoted;

/// How long a name or answer may be inside a note.
pub const QUOTE: usize = 60;

pub struct Builder {
    format: Format,
    source: SourceFile,
    lines: LineIndex,
    title: Option<String>,
    /// The topic of questions before any category: named after the file.
    file_topic: Topic,
    /// Declared categories, in the order met; the file's topic is added when used.
    topics: Vec<Topic>,
    /// The id of the topic new questions go to.
    current: String,
    ids: HashSet<String>,
    /// The next suffix to try for a name used before, so many equal names stay cheap.
    suffixes: std::collections::HashMap<String, usize>,
    questions: Vec<Spanned<RawQuestion>>,
    skipped: Vec<Skipped>,
    changed: Vec<Skipped>,
    problems: BankErrors,
}

impl Builder {
    pub fn new(format: Format, source: SourceFile) -> Self {
        let title = title_from_file(&source.name);
        let id = match slug(&title) {
            id if id.is_empty() => "questions".to_string(),
            id => id,
        };
        let lines = LineIndex::new(&source.text);
        Builder {
            format,
            source,
            lines,
            title: Some(title.clone()),
            file_topic: Topic {
                id: id.clone(),
                title,
            },
            topics: Vec::new(),
            current: id,
            ids: HashSet::new(),
            suffixes: std::collections::HashMap::new(),
            questions: Vec::new(),
            skipped: Vec::new(),
            changed: Vec::new(),
            problems: BankErrors::default(),
        }
    }

    pub fn text(&self) -> &str {
        &self.source.text
    }

    pub fn at(&self, offset: usize) -> Location {
        let offset = boundary(&self.source.text, offset);
        Location::indexed(&self.source.name, &self.source.text, &self.lines, offset)
    }

    /// Something in the file that is not brought in (an essay, an image), and why.
    pub fn skip(&mut self, offset: usize, what: impl Into<String>) {
        let at = self.at(offset);
        self.skipped.push(Skipped {
            at,
            what: what.into(),
        });
    }

    /// Something brought in with a difference the teacher should know about.
    pub fn change(&mut self, offset: usize, what: impl Into<String>) {
        let at = self.at(offset);
        self.changed.push(Skipped {
            at,
            what: what.into(),
        });
    }

    /// A mistake in the file: the bank does not load until it is fixed.
    pub fn problem(&mut self, offset: usize, message: impl AsRef<str>) {
        let at = self.at(offset);
        self.problems.push(at, message.as_ref());
    }

    /// How many problems the file has so far (a reader leaves out a question it found a
    /// problem in, so the validator does not repeat it as a missing field).
    pub fn problem_count(&self) -> usize {
        self.problems.len()
    }

    /// A problem about the question `id`, named as the validator names it.
    pub fn question_problem(&mut self, id: &str, offset: usize, message: impl AsRef<str>) {
        self.problem(
            offset,
            format!("question {}: {}", quoted(id, QUOTE), message.as_ref()),
        );
    }

    pub fn question_change(&mut self, id: &str, offset: usize, message: impl AsRef<str>) {
        self.change(
            offset,
            format!("question {}: {}", quoted(id, QUOTE), message.as_ref()),
        );
    }

    /// Questions from here on belong to the category `title` (made a topic when new).
    pub fn category(&mut self, title: &str) {
        let title = title.trim();
        if title == self.file_topic.title {
            self.current = self.file_topic.id.clone();
            return;
        }
        if let Some(t) = self.topics.iter().find(|t| t.title == title) {
            self.current = t.id.clone();
            return;
        }
        let base = match slug(title) {
            s if s.is_empty() => "topic".to_string(),
            s => s,
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.topics.iter().any(|t| t.id == id) || self.file_topic.id == id {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.topics.push(Topic {
            id: id.clone(),
            title: title.to_string(),
        });
        self.current = id;
    }

    /// The topic id for a category title (made a topic when new).
    pub fn topic_id(&mut self, title: &str) -> String {
        self.category(title);
        self.current.clone()
    }

    /// The id of the topic named after the file.
    pub fn file_topic_id(&self) -> String {
        self.file_topic.id.clone()
    }

    /// An id from a question's name (or `q-<ordinal>` without one), unique in the file.
    pub fn id_for(&mut self, name: Option<&str>, ordinal: usize, offset: usize) -> String {
        let from_name = name.map(slug).filter(|s| !s.is_empty());
        let base = from_name.clone().unwrap_or_else(|| format!("q-{ordinal}"));
        let mut id = base.clone();
        let mut n = self.suffixes.get(&base).copied().unwrap_or(2);
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.suffixes.insert(base.clone(), n);
        if id != base && from_name.is_some() {
            self.change(
                offset,
                format!(
                    "the name {} is used before: the question's id is {}",
                    quoted(name.unwrap_or_default(), QUOTE),
                    quoted(&id, QUOTE)
                ),
            );
        }
        self.ids.insert(id.clone());
        id
    }

    /// An id the file gives itself (checked by the validator, duplicates included).
    pub fn given_id(&mut self, id: &str) {
        self.ids.insert(id.to_string());
    }

    /// Add a question; it goes to the current topic unless it names one.
    pub fn push(&mut self, start: usize, mut q: RawQuestion) {
        if q.topic.is_none() {
            q.topic = Some(text_at(start, self.current.clone()));
        }
        self.questions.push(Spanned::new(start..start, q));
    }

    pub fn finish(mut self) -> Imported {
        let place = |s: &Skipped| (s.at.line, s.at.column);
        self.skipped.sort_by_key(place);
        self.changed.sort_by_key(place);
        let used: HashSet<&str> = self
            .questions
            .iter()
            .filter_map(|q| q.get_ref().topic.as_ref().map(|t| t.get_ref().as_str()))
            .collect();
        let mut topics = Vec::new();
        if used.contains(self.file_topic.id.as_str()) {
            topics.push(self.file_topic.clone());
        }
        topics.extend(
            self.topics
                .iter()
                .filter(|t| used.contains(t.id.as_str()))
                .cloned(),
        );
        if topics.is_empty() {
            topics.push(self.file_topic.clone());
        }
        Imported {
            format: self.format,
            source: self.source,
            title: self.title,
            topics,
            questions: self.questions,
            skipped: self.skipped,
            changed: self.changed,
            problems: self.problems,
        }
    }
}

/// `offset` moved back to the start of the character it falls in (and into the text), so
/// that slicing there cannot panic: offsets from outside parsers may land mid-character.
pub fn boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A raw question with the fields every format fills.
pub fn raw_question(start: usize, id: &str, kind: &str, prompt: Text) -> RawQuestion {
    RawQuestion {
        id: Some(text_at(start, id)),
        kind: Some(text_at(start, kind)),
        prompt: Some(prompt),
        ..RawQuestion::default()
    }
}

/// A list of texts, each at its own offset; the list at `start`.
pub fn list_at(start: usize, items: impl IntoIterator<Item = (usize, String)>) -> TextList {
    at(
        start,
        items
            .into_iter()
            .map(|(offset, text)| text_at(offset, text))
            .collect(),
    )
}

/// The explanation of an imported question: its general feedback, then any feedback given
/// for single answers, one per line (`“Rome”: …`), since Accord shows one explanation after
/// answering.
#[derive(Debug, Default)]
pub struct Feedback {
    general: Option<(usize, String)>,
    per_answer: Vec<(usize, String)>,
}

impl Feedback {
    pub fn general(&mut self, offset: usize, text: String) {
        if !text.trim().is_empty() {
            self.general = Some((offset, text.trim().to_string()));
        }
    }

    pub fn answer(&mut self, offset: usize, answer: &str, text: &str) {
        if !text.trim().is_empty() {
            self.per_answer
                .push((offset, format!("“{}”: {}", answer.trim(), text.trim())));
        }
    }

    /// Feedback under a label that is no answer ("Any other answer: …").
    pub fn labelled(&mut self, offset: usize, label: &str, text: &str) {
        if !text.trim().is_empty() {
            self.per_answer
                .push((offset, format!("{label}: {}", text.trim())));
        }
    }

    pub fn has_per_answer(&self) -> bool {
        !self.per_answer.is_empty()
    }

    /// The first offset of per-answer feedback, for the note about folding it.
    pub fn per_answer_at(&self) -> Option<usize> {
        self.per_answer.first().map(|(at, _)| *at)
    }

    pub fn explanation(self) -> Option<Text> {
        let offset = self
            .general
            .as_ref()
            .map(|(at, _)| *at)
            .or_else(|| self.per_answer.first().map(|(at, _)| *at))?;
        let mut lines: Vec<String> = self.general.into_iter().map(|(_, t)| t).collect();
        lines.extend(self.per_answer.into_iter().map(|(_, t)| t));
        Some(text_at(offset, lines.join("\n")))
    }
}

/// The note for a question whose per-answer feedback went into its explanation.
pub const FOLDED: &str = "feedback for single answers is folded into the explanation, which Accord shows after any answer";

/// A number as the raw type holds it: whole numbers as integers, others as decimals.
pub fn raw_number(x: f64) -> RawNumber {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        RawNumber::Integer(x as i64)
    } else {
        RawNumber::Float(x)
    }
}
