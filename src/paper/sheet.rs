//! One question as the worksheet prints it: its number, prompt, picture and passage, what to
//! do, and the lettered choices, numbered parts, boxes or answer lines, in the layout the
//! item gives (a quiz's shuffled order). It is made from the question's `Shape`, what a learner
//! sees, so nothing of the answer can reach the sheet.

use crate::bank::{Blank, BlankShape, ClozePiece, Extract, Image, Question, QuestionKind, Shape};
use crate::quiz::{QuizItem, is_permutation};

/// A label and the text beside it: "B" and "Paris".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labelled {
    pub label: String,
    pub text: String,
}

/// A piece of a cloze text on paper: words, or a numbered gap to write in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClozeBit {
    Text(String),
    /// Gap `number` (from 1); `options` to choose from, in the layout's order, or none to type.
    Gap {
        number: usize,
        options: Vec<String>,
    },
}

/// What a student writes on or circles, per kind of question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetBody {
    /// Lettered choices to circle: one (single choice, true/false) or every right one.
    Choices { options: Vec<Labelled>, many: bool },
    /// Lettered items, each with a box for its place (1 first).
    Ordering { items: Vec<Labelled> },
    /// Numbered items on the left, each with a box for the letter of its match on the right.
    Matching {
        lefts: Vec<Labelled>,
        rights: Vec<Labelled>,
    },
    /// A line to write the answer on, with the unit after it, if any.
    Line { unit: Option<String> },
    /// The text with numbered gaps.
    Cloze { bits: Vec<ClozeBit> },
    /// Numbered parts of a claim, to circle the wrong ones.
    Parts { parts: Vec<Labelled> },
}

/// One question on the worksheet.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetItem {
    /// From 1, in the worksheet's order.
    pub number: usize,
    pub id: String,
    /// The topic's title.
    pub topic: String,
    pub prompt: String,
    /// The picture is not printed (the sheet has no files); its text alternative is.
    pub image: Option<Image>,
    pub extract: Option<Extract>,
    /// What a fully right answer earns, in thousandths of a point.
    pub points: u32,
    /// What to do, in a sentence.
    pub instruction: String,
    pub body: SheetBody,
}

impl SheetItem {
    /// "2 points", shown when a question is not worth the usual one point.
    pub fn points_text(&self) -> Option<String> {
        (self.points != 1000).then(|| super::points_text(u64::from(self.points)))
    }
}

/// The label of the `i`-th entry of a list (from 0): A to Z, then 27, 28 … (banks allow at
/// most eight, but a label never fails).
pub fn label(i: usize) -> String {
    match u8::try_from(i) {
        Ok(n) if n < 26 => char::from(b'A' + n).to_string(),
        _ => i.saturating_add(1).to_string(),
    }
}

/// `order` when it is a layout of a list of `n`; the list's own order otherwise (a layout
/// that does not fit is never trusted).
pub(super) fn layout(order: &[usize], n: usize) -> Vec<usize> {
    if is_permutation(order, n) {
        order.to_vec()
    } else {
        (0..n).collect()
    }
}

fn lettered(list: &[String], order: &[usize]) -> Vec<Labelled> {
    layout(order, list.len())
        .into_iter()
        .enumerate()
        .map(|(pos, i)| Labelled {
            label: label(pos),
            text: list[i].clone(),
        })
        .collect()
}

fn numbered(list: &[String]) -> Vec<Labelled> {
    list.iter()
        .enumerate()
        .map(|(i, text)| Labelled {
            label: (i + 1).to_string(),
            text: text.clone(),
        })
        .collect()
}

/// A layout that keeps every list in the bank's order: for a preview, where the teacher
/// reads the question as written (students get it shuffled).
pub fn identity_item(question: &Question) -> QuizItem {
    let (order, blank_orders) = match &question.kind {
        QuestionKind::SingleChoice { choices, .. }
        | QuestionKind::MultipleSelect { choices, .. } => {
            ((0..choices.len()).collect(), Vec::new())
        }
        QuestionKind::Ordering { items } => ((0..items.len()).collect(), Vec::new()),
        QuestionKind::Matching { rights, .. } => ((0..rights.len()).collect(), Vec::new()),
        QuestionKind::Cloze { blanks, .. } => (
            Vec::new(),
            blanks
                .iter()
                .map(|b| match b {
                    Blank::Choice { options, .. } => (0..options.len()).collect(),
                    Blank::Typed(_) => Vec::new(),
                })
                .collect(),
        ),
        _ => (Vec::new(), Vec::new()),
    };
    QuizItem {
        question: question.id.clone(),
        order,
        blank_orders,
    }
}

/// Question `number` of the worksheet, laid out as `item` says.
pub fn sheet_item(question: &Question, item: &QuizItem, number: usize, topic: &str) -> SheetItem {
    let (instruction, body) = match question.kind.shape() {
        Shape::Single { choices } => (
            "Circle the letter of the one right answer.".to_string(),
            SheetBody::Choices {
                options: lettered(&choices, &item.order),
                many: false,
            },
        ),
        Shape::Multiple { choices } => (
            "Circle the letter of every right answer.".to_string(),
            SheetBody::Choices {
                options: lettered(&choices, &item.order),
                many: true,
            },
        ),
        Shape::TrueFalse => (
            "Circle True or False.".to_string(),
            SheetBody::Choices {
                options: lettered(&["True".to_string(), "False".to_string()], &[0, 1]),
                many: false,
            },
        ),
        Shape::Ordering { items } => (
            format!(
                "Put these in order: write 1 to {} in the boxes, 1 for the first.",
                items.len()
            ),
            SheetBody::Ordering {
                items: lettered(&items, &item.order),
            },
        ),
        Shape::Matching { lefts, rights } => (
            "Write in each box the letter of its match.".to_string(),
            SheetBody::Matching {
                lefts: numbered(&lefts),
                rights: lettered(&rights, &item.order),
            },
        ),
        Shape::Numeric { unit } => (
            match &unit {
                Some(unit) => format!("Write your answer (in {unit}) on the line."),
                None => "Write your answer on the line.".to_string(),
            },
            SheetBody::Line { unit },
        ),
        Shape::ShortText => (
            "Write your answer on the line.".to_string(),
            SheetBody::Line { unit: None },
        ),
        Shape::Cloze { pieces, blanks } => {
            let any_options = blanks.iter().any(|b| matches!(b, BlankShape::Options(_)));
            let instruction = if any_options {
                "Fill in each numbered gap; where options are given, write one of them."
            } else {
                "Fill in each numbered gap."
            };
            (
                instruction.to_string(),
                SheetBody::Cloze {
                    bits: cloze_bits(&pieces, &blanks, &item.blank_orders),
                },
            )
        }
        Shape::SpotError { parts } => (
            "Circle the number of each part that is wrong.".to_string(),
            SheetBody::Parts {
                parts: numbered(&parts),
            },
        ),
    };
    SheetItem {
        number,
        id: question.id.clone(),
        topic: topic.to_string(),
        prompt: question.prompt.clone(),
        image: question.image.clone(),
        extract: question.extract.clone(),
        points: question.points.thousandths(),
        instruction,
        body,
    }
}

fn cloze_bits(
    pieces: &[ClozePiece],
    blanks: &[BlankShape],
    orders: &[Vec<usize>],
) -> Vec<ClozeBit> {
    pieces
        .iter()
        .filter_map(|piece| match piece {
            ClozePiece::Text(text) => Some(ClozeBit::Text(text.clone())),
            ClozePiece::Blank(b) => {
                let options = match blanks.get(*b)? {
                    BlankShape::Typed => Vec::new(),
                    BlankShape::Options(options) => {
                        let order = orders.get(*b).map_or(&[][..], Vec::as_slice);
                        layout(order, options.len())
                            .into_iter()
                            .map(|i| options[i].clone())
                            .collect()
                    }
                };
                Some(ClozeBit::Gap {
                    number: b + 1,
                    options,
                })
            }
        })
        .collect()
}
