//! The validated bank: once a bank is built from these types, every question is well formed.
//!
//! Indices in a `QuestionKind` always point inside their lists; answers are never missing.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// A whole bank: metadata, topics and questions, in the order the files gave them.
#[derive(Debug, Clone, PartialEq)]
pub struct Bank {
    pub meta: BankMeta,
    pub topics: Vec<Topic>,
    pub questions: Vec<Question>,
    /// Question id → position in `questions`, built once by `Bank::new`.
    index: HashMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankMeta {
    pub id: String,
    pub title: String,
    pub description: String,
    pub version: String,
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    pub id: String,
    pub title: String,
}

/// How hard a question is: 1 easy, 2 medium, 3 hard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Difficulty {
    Easy = 1,
    Medium = 2,
    Hard = 3,
}

impl Difficulty {
    pub fn from_level(level: i64) -> Option<Self> {
        match level {
            1 => Some(Difficulty::Easy),
            2 => Some(Difficulty::Medium),
            3 => Some(Difficulty::Hard),
            _ => None,
        }
    }

    /// The label with a capital, for display: "Easy".
    pub fn title(self) -> &'static str {
        match self {
            Difficulty::Easy => "Easy",
            Difficulty::Medium => "Medium",
            Difficulty::Hard => "Hard",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub topic: String,
    pub prompt: String,
    pub explanation: String,
    /// Fact-sheet ids (`F-FA-02`) the question rests on.
    pub facts: Vec<String>,
    /// Source-article error ids (`E-001-03`), for spot-the-error questions.
    pub errors: Vec<String>,
    /// Public source URLs.
    pub sources: Vec<String>,
    pub difficulty: Difficulty,
    pub tags: Vec<String>,
    /// When the question was last checked against its sources, if the bank says.
    pub reviewed: Option<crate::calendar::Date>,
    pub kind: QuestionKind,
    /// Where the question starts, as `file:line`, for messages about it.
    pub origin: String,
}

/// An accepted typed answer: the canonical text plus alternatives and a typo allowance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextAnswer {
    pub canonical: String,
    pub accept: Vec<String>,
    /// How many single-letter edits to forgive (0–2).
    pub typos: u8,
}

/// One blank of a cloze question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blank {
    Typed(TextAnswer),
    Choice { options: Vec<String>, answer: usize },
}

/// The text of a cloze question, split at its blanks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClozePiece {
    Text(String),
    /// The index of a blank in `QuestionKind::Cloze::blanks`.
    Blank(usize),
}

/// The nine kinds of question, each with its answer.
#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    SingleChoice {
        choices: Vec<String>,
        answer: usize,
    },
    MultipleSelect {
        choices: Vec<String>,
        /// Sorted, distinct, non-empty.
        answers: Vec<usize>,
    },
    TrueFalse {
        answer: bool,
    },
    /// `items` are in the correct order.
    Ordering {
        items: Vec<String>,
    },
    /// Each left is paired with the right at the same index.
    Matching {
        lefts: Vec<String>,
        rights: Vec<String>,
    },
    Numeric {
        answer: f64,
        tolerance: f64,
        unit: Option<String>,
    },
    ShortText {
        answer: TextAnswer,
    },
    Cloze {
        pieces: Vec<ClozePiece>,
        blanks: Vec<Blank>,
    },
    SpotError {
        parts: Vec<String>,
        /// Sorted, distinct, non-empty.
        wrong: Vec<usize>,
    },
}

impl QuestionKind {
    /// The name used in bank files.
    pub fn type_name(&self) -> &'static str {
        match self {
            QuestionKind::SingleChoice { .. } => "single",
            QuestionKind::MultipleSelect { .. } => "multiple",
            QuestionKind::TrueFalse { .. } => "true_false",
            QuestionKind::Ordering { .. } => "ordering",
            QuestionKind::Matching { .. } => "matching",
            QuestionKind::Numeric { .. } => "numeric",
            QuestionKind::ShortText { .. } => "short_text",
            QuestionKind::Cloze { .. } => "cloze",
            QuestionKind::SpotError { .. } => "spot_error",
        }
    }

    /// Every type name, in the order the docs list them.
    pub const TYPE_NAMES: [&'static str; 9] = [
        "single",
        "multiple",
        "true_false",
        "ordering",
        "matching",
        "numeric",
        "short_text",
        "cloze",
        "spot_error",
    ];
}

impl Bank {
    pub fn new(meta: BankMeta, topics: Vec<Topic>, questions: Vec<Question>) -> Self {
        let index = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        Bank {
            meta,
            topics,
            questions,
            index,
        }
    }

    /// The question with this id. Uses the index, and stays right (if slower) when
    /// `questions` was edited after the bank was built.
    pub fn question(&self, id: &str) -> Option<&Question> {
        let indexed = self.index.get(id).and_then(|&i| self.questions.get(i));
        match indexed {
            Some(q) if q.id == id => Some(q),
            _ => self.questions.iter().find(|q| q.id == id),
        }
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// How many questions each topic has, in topic order.
    pub fn topic_counts(&self) -> Vec<(&Topic, usize)> {
        self.topics
            .iter()
            .map(|t| (t, self.questions.iter().filter(|q| q.topic == t.id).count()))
            .collect()
    }
}
