//! An opened sealed bank as the teacher's grader: class results regraded exactly as an unsealed
//! exam's would be, and the item analysis counting each choice in the order students saw it.

use super::neutral::Remap;
use super::opening::{Opened, grade};
use crate::bank::{QuestionKind, Weight};
use crate::quiz::{Credit, Response};
use crate::results::Grader;

/// A question's key in the order students saw its choices: a single or multiple choice
/// question's choices in the neutral order with their answers moved along, so a response's
/// indices name the same choices in the analysis as on the student's screen. Every other
/// type keeps the bank's own key: its lists carry no categories, or (a claim's parts, a true
/// or false) keep their order.
pub(crate) fn listed_kind(kind: &QuestionKind, remap: &Remap) -> QuestionKind {
    let neutral = |i: &usize| remap.neutral_index(*i);
    match kind {
        QuestionKind::SingleChoice { choices, answer } => {
            let mut listed = choices.clone();
            listed.sort();
            match neutral(answer) {
                Some(answer) => QuestionKind::SingleChoice {
                    choices: listed,
                    answer,
                },
                None => kind.clone(),
            }
        }
        QuestionKind::MultipleSelect { choices, answers } => {
            let mut listed = choices.clone();
            listed.sort();
            match answers.iter().map(neutral).collect::<Option<Vec<_>>>() {
                Some(mut answers) => {
                    answers.sort_unstable();
                    QuestionKind::MultipleSelect {
                        choices: listed,
                        answers,
                    }
                }
                None => kind.clone(),
            }
        }
        other => other.clone(),
    }
}

impl Grader for Opened {
    fn question(&self, id: &str) -> Option<(&str, &QuestionKind, Weight, &str)> {
        let q = Opened::question(self, id)?;
        let original = q.question();
        Some((
            &original.prompt,
            q.listed_kind(),
            original.points,
            &original.topic,
        ))
    }

    fn grade(&self, id: &str, response: &Response) -> Option<Credit> {
        let q = Opened::question(self, id)?;
        response.fits_shape(q.shape()).then(|| grade(q, response))
    }
}
