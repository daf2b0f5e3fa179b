//! Answers in words: the right answer and the learner's answer, for feedback, the results
//! review and screen readers.

use super::response::Response;
use crate::bank::{Blank, ClozePiece, QuestionKind};
use crate::text::{Language, decimal};

fn join(parts: &[&str], separator: &str) -> String {
    parts.join(separator)
}

/// The right answer, in words; numbers as the bank's language writes them.
pub fn right_answer(kind: &QuestionKind, language: Language) -> String {
    let number = |x: f64| decimal(x, 6, language);
    match kind {
        QuestionKind::SingleChoice { choices, answer } => choices[*answer].clone(),
        QuestionKind::MultipleSelect { choices, answers } => join(
            &answers
                .iter()
                .map(|&i| choices[i].as_str())
                .collect::<Vec<_>>(),
            "; ",
        ),
        QuestionKind::TrueFalse { answer } => if *answer { "True" } else { "False" }.to_string(),
        QuestionKind::Ordering { items } => {
            join(&items.iter().map(String::as_str).collect::<Vec<_>>(), " → ")
        }
        QuestionKind::Matching { lefts, rights } => lefts
            .iter()
            .zip(rights)
            .map(|(l, r)| format!("{l}: {r}"))
            .collect::<Vec<_>>()
            .join("; "),
        QuestionKind::Numeric {
            answer,
            tolerance,
            unit,
        } => {
            let mut text = number(*answer);
            if let Some(unit) = unit {
                text = format!("{text} {unit}");
            }
            if *tolerance > 0.0 {
                text = format!("{text} (± {})", number(*tolerance));
            }
            text
        }
        QuestionKind::ShortText { answer } => answer.canonical.clone(),
        QuestionKind::Cloze { pieces, blanks } => pieces
            .iter()
            .map(|piece| match piece {
                ClozePiece::Text(t) => t.clone(),
                ClozePiece::Blank(i) => match &blanks[*i] {
                    Blank::Typed(a) => format!("[{}]", a.canonical),
                    Blank::Choice { options, answer } => format!("[{}]", options[*answer]),
                },
            })
            .collect(),
        QuestionKind::SpotError { parts, wrong } => {
            let wrong: Vec<String> = wrong.iter().map(|&i| format!("“{}”", parts[i])).collect();
            let label = if wrong.len() == 1 {
                "the wrong part is"
            } else {
                "the wrong parts are"
            };
            format!("{label} {}", wrong.join(" and "))
        }
    }
}

/// The learner's answer, in words.
pub fn given_answer(kind: &QuestionKind, response: &Response, language: Language) -> String {
    let number = |x: f64| decimal(x, 6, language);
    let pick = |list: &[String], picks: &[usize]| {
        join(
            &picks
                .iter()
                .filter_map(|&i| list.get(i).map(String::as_str))
                .collect::<Vec<_>>(),
            "; ",
        )
    };
    match (kind, response) {
        (QuestionKind::SingleChoice { choices, .. }, Response::Choice(i)) => {
            choices.get(*i).cloned().unwrap_or_default()
        }
        (QuestionKind::MultipleSelect { choices, .. }, Response::Choices(picks)) => {
            pick(choices, picks)
        }
        (_, Response::Bool(b)) => if *b { "True" } else { "False" }.to_string(),
        (QuestionKind::Ordering { items }, Response::Order(order)) => join(
            &order
                .iter()
                .filter_map(|&i| items.get(i).map(String::as_str))
                .collect::<Vec<_>>(),
            " → ",
        ),
        (QuestionKind::Matching { lefts, rights }, Response::Pairs(pairs)) => lefts
            .iter()
            .zip(pairs)
            .map(|(l, r)| {
                let right = r
                    .and_then(|r| rights.get(r))
                    .map_or("(none)", String::as_str);
                format!("{l}: {right}")
            })
            .collect::<Vec<_>>()
            .join("; "),
        (_, Response::Number(x)) => number(*x),
        (_, Response::Text(t)) => t.clone(),
        (QuestionKind::Cloze { pieces, .. }, Response::Blanks(filled)) => pieces
            .iter()
            .map(|piece| match piece {
                ClozePiece::Text(t) => t.clone(),
                ClozePiece::Blank(i) => {
                    let text = filled.get(*i).map_or("", String::as_str);
                    format!("[{}]", if text.is_empty() { "…" } else { text })
                }
            })
            .collect(),
        (QuestionKind::SpotError { parts, .. }, Response::Parts(picks)) => {
            format!(
                "Picked: {}",
                join(
                    &picks
                        .iter()
                        .filter_map(|&i| parts.get(i).map(String::as_str))
                        .collect::<Vec<_>>(),
                    " … "
                )
            )
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::TextAnswer;

    #[test]
    fn answers_read_naturally() {
        let cloze = QuestionKind::Cloze {
            pieces: vec![
                ClozePiece::Text("Signed in ".into()),
                ClozePiece::Blank(0),
                ClozePiece::Text(".".into()),
            ],
            blanks: vec![Blank::Typed(TextAnswer {
                canonical: "Paris".into(),
                accept: vec![],
                typos: 0,
            })],
        };
        let en = Language::English;
        assert_eq!(right_answer(&cloze, en), "Signed in [Paris].");
        assert_eq!(
            given_answer(&cloze, &Response::Blanks(vec!["".into()]), en),
            "Signed in […]."
        );
        let numeric = QuestionKind::Numeric {
            answer: 1997.0,
            tolerance: 1.0,
            unit: Some("year".into()),
        };
        assert_eq!(right_answer(&numeric, en), "1997 year (± 1)");
        let soldiers = QuestionKind::Numeric {
            answer: 100_000.0,
            tolerance: 0.0,
            unit: Some("soldiers".into()),
        };
        assert_eq!(right_answer(&soldiers, en), "100,000 soldiers");
        assert_eq!(given_answer(&numeric, &Response::Number(2.5), en), "2.5");
        let order = QuestionKind::Ordering {
            items: vec!["a".into(), "b".into(), "c".into()],
        };
        assert_eq!(
            given_answer(&order, &Response::Order(vec![2, 0, 1]), en),
            "c → a → b"
        );
    }
}
