//! One question as the answer key gives it: the answer in the worksheet's own letters and
//! numbers (what to look for when marking) and in words, what else is accepted, then the
//! explanation, the sources and the fact-sheet entries.

use super::sheet::{label, layout};
use crate::bank::{Blank, ClozePiece, Question, QuestionKind, Source};
use crate::quiz::QuizItem;
use crate::quiz::describe::right_answer;
use crate::text::Language;

/// One question of the key, numbered as on the worksheet.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyItem {
    pub number: usize,
    pub id: String,
    pub prompt: String,
    /// The answer as marked on the sheet: "B", "A, C", "A 2 · B 3 · C 1", "(1) Paris".
    pub marks: String,
    /// The answer in words: "Paris", "NACC → PfP → NRC".
    pub answer: String,
    /// Other answers that count: typed alternatives, a tolerance, forgiven typos.
    pub also: Vec<String>,
    pub explanation: Option<String>,
    pub sources: Vec<Source>,
    pub facts: Vec<String>,
    /// What a fully right answer earns, in thousandths of a point.
    pub points: u32,
}

impl KeyItem {
    /// "2 points", when a question is not worth the usual one point.
    pub fn points_text(&self) -> Option<String> {
        (self.points != 1000).then(|| super::points_text(u64::from(self.points)))
    }
}

/// The labels of the positions (on the sheet) of the bank indices in `picked`, in sheet order.
fn labels_of(order: &[usize], n: usize, picked: impl Fn(usize) -> bool) -> Vec<String> {
    layout(order, n)
        .into_iter()
        .enumerate()
        .filter(|&(_, i)| picked(i))
        .map(|(pos, _)| label(pos))
        .collect()
}

/// Where bank index `i` is on the sheet, as its label.
fn label_of(order: &[usize], n: usize, i: usize) -> String {
    labels_of(order, n, |j| j == i).join("")
}

fn typos(n: u8) -> Option<String> {
    match n {
        0 => None,
        1 => Some("one typing slip is forgiven".to_string()),
        n => Some(format!("{n} typing slips are forgiven")),
    }
}

/// The key's entry for question `number`, laid out as `item` says (the worksheet's layout).
pub fn key_item(
    question: &Question,
    item: &QuizItem,
    number: usize,
    language: Language,
) -> KeyItem {
    let mut also = Vec::new();
    let marks = match &question.kind {
        QuestionKind::SingleChoice { choices, answer } => {
            label_of(&item.order, choices.len(), *answer)
        }
        QuestionKind::MultipleSelect { choices, answers } => {
            labels_of(&item.order, choices.len(), |i| answers.contains(&i)).join(", ")
        }
        QuestionKind::TrueFalse { answer } => if *answer { "True" } else { "False" }.to_string(),
        QuestionKind::Ordering { items } => layout(&item.order, items.len())
            .into_iter()
            .enumerate()
            .map(|(pos, i)| format!("{} {}", label(pos), i + 1))
            .collect::<Vec<_>>()
            .join(" · "),
        QuestionKind::Matching { lefts, rights } => (0..lefts.len())
            .map(|i| format!("{} {}", i + 1, label_of(&item.order, rights.len(), i)))
            .collect::<Vec<_>>()
            .join(" · "),
        QuestionKind::Numeric {
            answer,
            tolerance,
            unit,
        } => {
            let number = |x: f64| crate::text::decimal(x, 6, language);
            if *tolerance > 0.0 {
                also.push(format!(
                    "anything from {} to {}",
                    number(answer - tolerance),
                    number(answer + tolerance)
                ));
            }
            match unit {
                Some(unit) => format!("{} {unit}", number(*answer)),
                None => number(*answer),
            }
        }
        QuestionKind::ShortText { answer } => {
            if !answer.accept.is_empty() {
                also.push(format!("also accepted: {}", answer.accept.join("; ")));
            }
            also.extend(typos(answer.typos));
            answer.canonical.clone()
        }
        QuestionKind::Cloze { pieces, blanks } => {
            for (i, blank) in blanks.iter().enumerate() {
                if let Blank::Typed(t) = blank {
                    if !t.accept.is_empty() {
                        also.push(format!("gap {}: also {}", i + 1, t.accept.join("; ")));
                    }
                    if let Some(slips) = typos(t.typos) {
                        also.push(format!("gap {}: {slips}", i + 1));
                    }
                }
            }
            pieces
                .iter()
                .filter_map(|p| match p {
                    ClozePiece::Blank(b) => {
                        let text = match blanks.get(*b)? {
                            Blank::Typed(t) => t.canonical.clone(),
                            Blank::Choice { options, answer } => options[*answer].clone(),
                        };
                        Some(format!("({}) {text}", b + 1))
                    }
                    ClozePiece::Text(_) => None,
                })
                .collect::<Vec<_>>()
                .join(" · ")
        }
        QuestionKind::SpotError { wrong, .. } => {
            let numbers: Vec<String> = wrong.iter().map(|i| (i + 1).to_string()).collect();
            numbers.join(", ")
        }
    };
    // A number is its own answer in words (the tolerance is among `also`).
    let answer = match question.kind {
        QuestionKind::Numeric { .. } => marks.clone(),
        _ => right_answer(&question.kind, language),
    };
    KeyItem {
        number,
        id: question.id.clone(),
        prompt: question.prompt.clone(),
        marks,
        answer,
        also,
        explanation: question.explanation.clone(),
        sources: question.sources.clone(),
        facts: question.facts.clone(),
        points: question.points.thousandths(),
    }
}
