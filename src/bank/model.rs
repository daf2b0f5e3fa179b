//! The validated bank: once a bank is built from these types, every question is well formed.
//!
//! Indices in a `QuestionKind` always point inside their lists; answers are never missing.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::question_type::QuestionType;

/// A whole bank: metadata, topics and questions, in the order the files gave them.
#[derive(Debug, Clone, PartialEq)]
pub struct Bank {
    pub meta: BankMeta,
    pub topics: Vec<Topic>,
    pub questions: Vec<Question>,
    /// Question id → position in `questions`, built once by `Bank::new`.
    index: HashMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankMeta {
    pub id: String,
    pub title: String,
    pub description: String,
    pub version: String,
    pub language: String,
    /// The fact sheet the bank's questions cite (`fact_sheet` in the manifest). Only a bank
    /// that names one is held to the fact-sheet rules: every question cites fact ids and
    /// sources, and has an explanation and a difficulty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact_sheet: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub topic: String,
    pub prompt: String,
    /// Why the right answer is right; shown after answering. Optional unless the bank has a
    /// fact sheet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// Fact-sheet ids (`F-FA-02`) the question rests on (empty without a fact sheet).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<String>,
    /// Source-article error ids (`E-001-03`), for spot-the-error questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
    /// Where the facts come from: links and plain citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<Difficulty>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// How many points a fully right answer earns.
    #[serde(default, skip_serializing_if = "Weight::is_one")]
    pub points: Weight,
    /// A picture shown above the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// A quoted passage shown above the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extract: Option<Extract>,
    /// When the question was last checked against its sources, if the bank says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<crate::calendar::Date>,
    pub kind: QuestionKind,
    /// Where the question starts, as `file:line`, for messages about it.
    pub origin: String,
}

/// One source of a question: a web page, or a citation in words ("Textbook, p. 12").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// An `http://` or `https://` address.
    Link(String),
    Citation(String),
}

impl Source {
    pub fn text(&self) -> &str {
        match self {
            Source::Link(text) | Source::Citation(text) => text,
        }
    }
}

/// A picture beside the bank's files, with the text that stands in for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// A path relative to the bank's manifest, checked to stay inside the bank's folder.
    pub file: String,
    /// What the picture shows, for anyone who cannot see it. Required.
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
}

/// A passage quoted from a source, with who said or wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extract {
    pub text: String,
    pub attribution: String,
}

/// A question's points weight, in thousandths of a point (1 point is 1000).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Weight(u32);

impl Weight {
    pub const ONE: Weight = Weight(1000);
    /// The heaviest a question may be: 100 points.
    pub const MAX: Weight = Weight(100_000);

    /// A weight of `thousandths / 1000` points, if it is above 0 and at most [`Weight::MAX`].
    pub fn from_thousandths(thousandths: u32) -> Option<Weight> {
        (1..=Self::MAX.0)
            .contains(&thousandths)
            .then_some(Weight(thousandths))
    }

    pub fn thousandths(self) -> u32 {
        self.0
    }

    /// The usual weight, which a compiled bank leaves out.
    pub fn is_one(&self) -> bool {
        *self == Weight::ONE
    }
}

impl TryFrom<u32> for Weight {
    type Error = String;
    fn try_from(thousandths: u32) -> Result<Weight, String> {
        Weight::from_thousandths(thousandths)
            .ok_or_else(|| format!("a weight of {thousandths} thousandths is out of range"))
    }
}

impl From<Weight> for u32 {
    fn from(weight: Weight) -> u32 {
        weight.0
    }
}

impl Default for Weight {
    fn default() -> Self {
        Weight::ONE
    }
}

/// An accepted typed answer: the canonical text plus alternatives and a typo allowance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextAnswer {
    pub canonical: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    /// How many single-letter edits to forgive (0–2).
    #[serde(default)]
    pub typos: u8,
}

/// One blank of a cloze question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Blank {
    Typed(TextAnswer),
    Choice { options: Vec<String>, answer: usize },
}

/// The text of a cloze question, split at its blanks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClozePiece {
    Text(String),
    /// The index of a blank in `QuestionKind::Cloze::blanks`.
    Blank(usize),
}

/// The nine kinds of question, each with its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    pub fn question_type(&self) -> QuestionType {
        match self {
            QuestionKind::SingleChoice { .. } => QuestionType::Single,
            QuestionKind::MultipleSelect { .. } => QuestionType::Multiple,
            QuestionKind::TrueFalse { .. } => QuestionType::TrueFalse,
            QuestionKind::Ordering { .. } => QuestionType::Ordering,
            QuestionKind::Matching { .. } => QuestionType::Matching,
            QuestionKind::Numeric { .. } => QuestionType::Numeric,
            QuestionKind::ShortText { .. } => QuestionType::ShortText,
            QuestionKind::Cloze { .. } => QuestionType::Cloze,
            QuestionKind::SpotError { .. } => QuestionType::SpotError,
        }
    }
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
