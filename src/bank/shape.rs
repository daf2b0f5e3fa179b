//! What a question shows a learner, without its answer: the lists to pick from or put in
//! order, the unit, the blanks. The screens render a `Shape`; a sealed exam ships only shapes
//! (with its lists in a neutral order), never the key.

use serde::{Deserialize, Serialize};

use super::model::{Blank, ClozePiece, QuestionKind};
use super::question_type::QuestionType;

/// One blank as the learner sees it: a field to type in, or options to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlankShape {
    Typed,
    Options(Vec<String>),
}

/// A question's shape, one variant per type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Shape {
    Single {
        choices: Vec<String>,
    },
    Multiple {
        choices: Vec<String>,
    },
    TrueFalse,
    Ordering {
        items: Vec<String>,
    },
    Matching {
        lefts: Vec<String>,
        rights: Vec<String>,
    },
    Numeric {
        unit: Option<String>,
    },
    ShortText,
    Cloze {
        pieces: Vec<ClozePiece>,
        blanks: Vec<BlankShape>,
    },
    SpotError {
        parts: Vec<String>,
    },
}

impl Shape {
    pub fn question_type(&self) -> QuestionType {
        match self {
            Shape::Single { .. } => QuestionType::Single,
            Shape::Multiple { .. } => QuestionType::Multiple,
            Shape::TrueFalse => QuestionType::TrueFalse,
            Shape::Ordering { .. } => QuestionType::Ordering,
            Shape::Matching { .. } => QuestionType::Matching,
            Shape::Numeric { .. } => QuestionType::Numeric,
            Shape::ShortText => QuestionType::ShortText,
            Shape::Cloze { .. } => QuestionType::Cloze,
            Shape::SpotError { .. } => QuestionType::SpotError,
        }
    }

    /// The list a quiz shuffles for this question (choices, items, right-hand sides).
    pub fn shuffled_list_len(&self) -> usize {
        match self {
            Shape::Single { choices } | Shape::Multiple { choices } => choices.len(),
            Shape::Ordering { items } => items.len(),
            Shape::Matching { rights, .. } => rights.len(),
            _ => 0,
        }
    }
}

impl QuestionKind {
    /// What the learner sees of this question.
    pub fn shape(&self) -> Shape {
        match self {
            QuestionKind::SingleChoice { choices, .. } => Shape::Single {
                choices: choices.clone(),
            },
            QuestionKind::MultipleSelect { choices, .. } => Shape::Multiple {
                choices: choices.clone(),
            },
            QuestionKind::TrueFalse { .. } => Shape::TrueFalse,
            QuestionKind::Ordering { items } => Shape::Ordering {
                items: items.clone(),
            },
            QuestionKind::Matching { lefts, rights } => Shape::Matching {
                lefts: lefts.clone(),
                rights: rights.clone(),
            },
            QuestionKind::Numeric { unit, .. } => Shape::Numeric { unit: unit.clone() },
            QuestionKind::ShortText { .. } => Shape::ShortText,
            QuestionKind::Cloze { pieces, blanks } => Shape::Cloze {
                pieces: pieces.clone(),
                blanks: blanks
                    .iter()
                    .map(|b| match b {
                        Blank::Typed(_) => BlankShape::Typed,
                        Blank::Choice { options, .. } => BlankShape::Options(options.clone()),
                    })
                    .collect(),
            },
            QuestionKind::SpotError { parts, .. } => Shape::SpotError {
                parts: parts.clone(),
            },
        }
    }
}
