//! A sealed bank's public part checked by meaning, since students' apps render it before any
//! key exists: ids valid and distinct, texts clean, every shape within its type's limits, every
//! list distinct and in neutral order, every nonce used once.

use std::collections::HashSet;
use std::ops::RangeInclusive;

use super::neutral::in_neutral_order;
use super::sealed::SealedBank;
use crate::bank::path::{check_relative, extension};
use crate::bank::{
    BLANK_OPTIONS, BlankShape, CHOICES, CLAIM_PARTS, CLOZE_BLANKS, ClozePiece, MATCHING_PAIRS,
    ORDERING_ITEMS, Shape, split_cloze, valid_id,
};
use crate::text::{is_hidden, quoted};

/// The most questions a sealed bank holds.
pub const MAX_QUESTIONS: usize = 10_000;
/// The most topics.
const MAX_TOPICS: usize = 1_000;

/// How long a text may be, as the bank's own rules have it (`bank::check::hygiene`).
#[derive(Clone, Copy)]
enum Limit {
    Short = 80,
    Line = 500,
    Prompt = 2_000,
    Long = 5_000,
}

/// A hidden character the bank's rules refuse: all but the soft hyphen, which they allow.
fn shown_hidden(c: char) -> bool {
    is_hidden(c) && c != '\u{00ad}'
}

struct Problems(Vec<String>);

impl Problems {
    fn push(&mut self, at: &str, what: impl AsRef<str>) {
        self.0.push(format!("{at} {}", what.as_ref()));
    }

    /// A text shown to learners: not blank, no spaces around it, not too long, and no hidden
    /// characters (line breaks and tabs only in long texts).
    fn text(&mut self, at: &str, text: &str, limit: Limit) {
        let multiline = matches!(limit, Limit::Prompt | Limit::Long);
        if text.trim().is_empty() {
            self.push(at, "is empty");
        } else if text.trim() != text {
            self.push(at, "has spaces around it");
        } else if text.chars().count() > limit as usize {
            self.push(at, format!("is longer than {} characters", limit as usize));
        } else if let Some(c) = text
            .chars()
            .find(|&c| shown_hidden(c) && !(multiline && matches!(c, '\n' | '\t')))
        {
            self.push(
                at,
                format!("contains the hidden character U+{:04X}", c as u32),
            );
        }
    }

    fn id(&mut self, at: &str, id: &str) {
        if !valid_id(id) {
            self.push(
                at,
                format!(
                    "{} is not an id (lowercase letters, digits and '-')",
                    quoted(id, 60)
                ),
            );
        }
    }

    /// A list of entries: its length within `range`, each entry a clean line, and the list in
    /// neutral order (or, for a claim's parts, merely distinct).
    fn list(&mut self, at: &str, list: &[String], range: RangeInclusive<usize>, neutral: bool) {
        if !range.contains(&list.len()) {
            self.push(
                at,
                format!(
                    "has {} entries; it needs {} to {}",
                    list.len(),
                    range.start(),
                    range.end()
                ),
            );
        }
        for (n, entry) in list.iter().enumerate() {
            self.text(&format!("{at}[{n}]"), entry, Limit::Line);
        }
        let distinct = list.iter().collect::<HashSet<_>>().len() == list.len();
        if !distinct {
            self.push(at, "has an entry twice");
        } else if neutral && !in_neutral_order(list) {
            self.push(
                at,
                "is not in the neutral (sorted) order a sealed bank keeps",
            );
        }
    }

    fn shape(&mut self, at: &str, shape: &Shape) {
        match shape {
            Shape::Single { choices } | Shape::Multiple { choices } => {
                self.list(&format!("{at}.choices"), choices, CHOICES, true);
            }
            Shape::Ordering { items } => {
                self.list(&format!("{at}.items"), items, ORDERING_ITEMS, true);
            }
            Shape::Matching { lefts, rights } => {
                self.list(&format!("{at}.lefts"), lefts, MATCHING_PAIRS, true);
                self.list(&format!("{at}.rights"), rights, MATCHING_PAIRS, true);
                if lefts.len() != rights.len() {
                    self.push(at, "has more lefts than rights, or fewer");
                }
            }
            Shape::SpotError { parts } => {
                self.list(&format!("{at}.parts"), parts, CLAIM_PARTS, false);
            }
            Shape::Numeric { unit: Some(unit) } => {
                self.text(&format!("{at}.unit"), unit, Limit::Short);
            }
            Shape::Cloze { pieces, blanks } => self.cloze(at, pieces, blanks),
            Shape::TrueFalse | Shape::ShortText | Shape::Numeric { unit: None } => {}
        }
    }

    /// The pieces are the bank's `split_cloze` of some text: markers {1} to {n} once each and
    /// in order, one per blank, and no text piece that holds a marker or follows another.
    fn cloze(&mut self, at: &str, pieces: &[ClozePiece], blanks: &[BlankShape]) {
        if !CLOZE_BLANKS.contains(&blanks.len()) {
            self.push(
                &format!("{at}.blanks"),
                format!(
                    "has {} entries; it needs {} to {}",
                    blanks.len(),
                    CLOZE_BLANKS.start(),
                    CLOZE_BLANKS.end()
                ),
            );
        }
        let markers: Vec<usize> = pieces
            .iter()
            .filter_map(|p| match p {
                ClozePiece::Blank(i) => Some(*i),
                ClozePiece::Text(_) => None,
            })
            .collect();
        if !markers.iter().copied().eq(0..blanks.len()) {
            self.push(
                &format!("{at}.pieces"),
                "must hold each blank once, in order",
            );
        }
        let mut length = 0usize;
        for (n, window) in pieces.windows(2).enumerate() {
            if let [ClozePiece::Text(_), ClozePiece::Text(_)] = window {
                self.push(&format!("{at}.pieces[{}]", n + 1), "follows another text");
            }
        }
        for (n, piece) in pieces.iter().enumerate() {
            if let ClozePiece::Text(text) = piece {
                length = length.saturating_add(text.chars().count());
                let here = format!("{at}.pieces[{n}]");
                if text.is_empty() {
                    self.push(&here, "is empty");
                } else if let Some(c) = text
                    .chars()
                    .find(|&c| shown_hidden(c) && !matches!(c, '\n' | '\t'))
                {
                    self.push(
                        &here,
                        format!("contains the hidden character U+{:04X}", c as u32),
                    );
                } else if split_cloze(text) != [ClozePiece::Text(text.clone())] {
                    self.push(&here, "holds a blank marker");
                }
            }
        }
        if length > Limit::Prompt as usize {
            self.push(&format!("{at}.pieces"), "are too long together");
        }
        for (n, blank) in blanks.iter().enumerate() {
            if let BlankShape::Options(options) = blank {
                self.list(&format!("{at}.blanks[{n}]"), options, BLANK_OPTIONS, true);
            }
        }
    }
}

/// Everything wrong with a sealed bank's public part, each naming where.
pub(crate) fn problems(bank: &SealedBank) -> Vec<String> {
    let mut p = Problems(Vec::new());
    let meta = &bank.meta;
    p.id("bank.id", &meta.id);
    p.text("bank.title", &meta.title, Limit::Line);
    p.text("bank.description", &meta.description, Limit::Long);
    p.text("bank.version", &meta.version, Limit::Short);
    p.text("bank.language", &meta.language, Limit::Short);
    if let Some(sheet) = &meta.fact_sheet {
        p.text("bank.fact_sheet", sheet, Limit::Line);
    }

    if !(1..=MAX_TOPICS).contains(&bank.topics.len()) {
        p.push("topics", format!("must hold 1 to {MAX_TOPICS} topics"));
    }
    let mut topic_ids = HashSet::new();
    for (n, topic) in bank.topics.iter().enumerate() {
        let at = format!("topics[{n}]");
        p.id(&format!("{at}.id"), &topic.id);
        if !topic_ids.insert(topic.id.as_str()) {
            p.push(&format!("{at}.id"), "is declared twice");
        }
        p.text(&format!("{at}.title"), &topic.title, Limit::Line);
    }

    if !(1..=MAX_QUESTIONS).contains(&bank.questions.len()) {
        p.push(
            "questions",
            format!("must hold 1 to {MAX_QUESTIONS} questions"),
        );
    }
    let mut nonces = HashSet::from([bank.key_check.nonce, bank.header.nonce]);
    if nonces.len() < 2 {
        p.push(
            "header.nonce",
            "is the key check's nonce; every nonce must be new",
        );
    }
    let mut ids = HashSet::new();
    for (n, q) in bank.questions.iter().enumerate() {
        let at = format!("questions[{n}]");
        p.id(&format!("{at}.id"), &q.id);
        if !ids.insert(q.id.as_str()) {
            p.push(&format!("{at}.id"), "is used by an earlier question");
        }
        if !topic_ids.contains(q.topic.as_str()) {
            p.push(
                &format!("{at}.topic"),
                format!("{} is not one of the topics", quoted(&q.topic, 60)),
            );
        }
        p.text(&format!("{at}.prompt"), &q.prompt, Limit::Prompt);
        if let Some(image) = &q.image {
            if let Err(why) = check_relative(&image.file) {
                p.push(&format!("{at}.image.file"), format!("is refused: {why}"));
            } else if !["png", "jpg", "jpeg", "gif", "webp", "svg"]
                .contains(&extension(&image.file).as_str())
            {
                p.push(&format!("{at}.image.file"), "is not a picture file");
            }
            p.text(&format!("{at}.image.alt"), &image.alt, Limit::Line);
            if let Some(caption) = &image.caption {
                p.text(&format!("{at}.image.caption"), caption, Limit::Line);
            }
        }
        if let Some(extract) = &q.extract {
            p.text(&format!("{at}.extract.text"), &extract.text, Limit::Long);
            p.text(
                &format!("{at}.extract.attribution"),
                &extract.attribution,
                Limit::Line,
            );
        }
        p.shape(&format!("{at}.shape"), &q.shape);
        if !nonces.insert(q.sealed.nonce) {
            p.push(
                &format!("{at}.sealed.nonce"),
                "was used before in this file; every nonce must be new",
            );
        }
    }
    p.0
}
