//! The rules of each question type: what its fields must hold, and how they become the
//! type's `QuestionKind` with every index in range.

use super::cloze;
use super::hygiene::{Limit, typeable};
use super::reporter::{ListName, QUOTE, Reporter};
use crate::bank::model::{QuestionKind, TextAnswer};
use crate::bank::question_type::{
    CHOICES, CLAIM_PARTS, MATCHING_PAIRS, MAX_TYPOS, ORDERING_ITEMS, QuestionType,
};
use crate::bank::raw::{RawAnswer, RawQuestion, Text, TextList};
use crate::text::quoted;
use toml::Spanned;

pub(super) fn check(
    here: &mut Reporter,
    question_type: QuestionType,
    q: &mut RawQuestion,
    start: usize,
) -> Option<QuestionKind> {
    match question_type {
        QuestionType::Single => {
            let choices = here.list(&mut q.choices, "choices", start, CHOICES)?;
            let answer = match answer(here, q, start)? {
                (RawAnswer::Text(t), at) => {
                    here.index_in(t, at, &choices, "answer", ListName::Choices)?
                }
                (_, at) => {
                    here.err(
                        at,
                        "`answer` of a single question is the text of one choice",
                    );
                    return None;
                }
            };
            Some(QuestionKind::SingleChoice { choices, answer })
        }
        QuestionType::Multiple => {
            let choices = here.list(&mut q.choices, "choices", start, CHOICES)?;
            let answers = match answer(here, q, start)? {
                (RawAnswer::List(list), at) => {
                    here.picks(list, at, &choices, "answer", ListName::Choices)?
                }
                (RawAnswer::Text(t), at) => here.picks(
                    std::slice::from_ref(t),
                    at,
                    &choices,
                    "answer",
                    ListName::Choices,
                )?,
                (_, at) => {
                    here.err(
                        at,
                        "`answer` of a multiple question is a list of choice texts",
                    );
                    return None;
                }
            };
            Some(QuestionKind::MultipleSelect { choices, answers })
        }
        QuestionType::TrueFalse => match answer(here, q, start)? {
            (RawAnswer::Bool(answer), _) => Some(QuestionKind::TrueFalse { answer: *answer }),
            (_, at) => {
                here.err(
                    at,
                    "`answer` of a true_false question is true or false (no quotes)",
                );
                None
            }
        },
        QuestionType::Ordering => {
            let items = here.list(&mut q.items, "items", start, ORDERING_ITEMS)?;
            Some(QuestionKind::Ordering { items })
        }
        QuestionType::Matching => matching(here, q, start),
        QuestionType::Numeric => numeric(here, q, start),
        QuestionType::ShortText => {
            let canonical = match answer(here, q, start)? {
                (RawAnswer::Text(t), at) => typed_text(here, t, at, "answer")?,
                (_, at) => {
                    here.err(at, "`answer` of a short_text question is a text");
                    return None;
                }
            };
            let answer = text_answer(here, canonical, &mut q.accept, &q.typos)?;
            Some(QuestionKind::ShortText { answer })
        }
        QuestionType::Cloze => cloze::check(here, q, start),
        QuestionType::SpotError => {
            let parts = here.list(&mut q.parts, "parts", start, CLAIM_PARTS)?;
            let Some(wrong_field) = &q.wrong else {
                here.err(start, "missing `wrong` (the part or parts that are wrong)");
                return None;
            };
            let wrong_texts: Vec<String> = wrong_field
                .get_ref()
                .iter()
                .map(|w| w.get_ref().clone())
                .collect();
            let wrong = here.picks(
                &wrong_texts,
                wrong_field.span().start,
                &parts,
                "wrong",
                ListName::Parts,
            )?;
            if wrong.len() == parts.len() {
                here.err(
                    wrong_field.span().start,
                    "every part is marked wrong; at least one part must be right",
                );
                return None;
            }
            Some(QuestionKind::SpotError { parts, wrong })
        }
    }
}

fn answer<'q>(
    here: &mut Reporter,
    q: &'q RawQuestion,
    start: usize,
) -> Option<(&'q RawAnswer, usize)> {
    match &q.answer {
        None => {
            here.err(start, "missing `answer`");
            None
        }
        Some(a) => Some((a.get_ref(), a.span().start)),
    }
}

/// A typed answer's text: not blank, a line long, and something a learner can type.
pub(super) fn typed_text(here: &mut Reporter, text: &str, at: usize, name: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        here.err(at, format!("`{name}` is empty"));
        return None;
    }
    if let Some(problem) = super::hygiene::text_problem(text, Limit::Line) {
        here.err(at, format!("`{name}` {problem}"));
        return None;
    }
    if !typeable(text) {
        here.err(
            at,
            format!(
                "`{name}` {} has no letters or digits a learner could type (answers are matched ignoring case, accents and punctuation)",
                quoted(text, QUOTE)
            ),
        );
        return None;
    }
    Some(text.to_string())
}

pub(super) fn text_answer(
    here: &mut Reporter,
    canonical: String,
    accept: &mut Option<TextList>,
    typos: &Option<Spanned<i64>>,
) -> Option<TextAnswer> {
    let accept = match accept {
        None => Vec::new(),
        Some(list) => {
            let entries = here.list_items(list, "accept", 0..=20)?;
            let mut ok = true;
            for (entry, raw) in entries.iter().zip(list.get_ref()) {
                ok &= typed_text(here, entry, raw.span().start, "accept").is_some();
            }
            if !ok {
                return None;
            }
            entries
        }
    };
    let typos = match typos {
        None => 0,
        Some(t) if (0..=i64::from(MAX_TYPOS)).contains(t.get_ref()) => *t.get_ref() as u8,
        Some(t) => {
            here.err(
                t.span().start,
                format!("typos {} is outside 0–{MAX_TYPOS}", t.get_ref()),
            );
            return None;
        }
    };
    Some(TextAnswer {
        canonical,
        accept,
        typos,
    })
}

fn numeric(here: &mut Reporter, q: &mut RawQuestion, start: usize) -> Option<QuestionKind> {
    let answer = match answer(here, q, start)? {
        (RawAnswer::Integer(i), _) => *i as f64,
        (RawAnswer::Float(f), _) if f.is_finite() => *f,
        (_, at) => {
            here.err(at, "`answer` of a numeric question is a number (no quotes)");
            return None;
        }
    };
    if answer.abs() > 1e15 {
        here.err(
            q.answer.as_ref().map_or(start, |a| a.span().start),
            "`answer` is too large; numeric answers go up to a million billion (1e15)",
        );
        return None;
    }
    let tolerance = match &q.tolerance {
        None => 0.0,
        Some(t) => {
            let value = t.get_ref().value();
            if value < 0.0 {
                here.err(
                    t.span().start,
                    "`tolerance` is negative; it must be 0 or more",
                );
                return None;
            }
            if value > 1e15 {
                here.err(t.span().start, "`tolerance` is too large");
                return None;
            }
            value
        }
    };
    let unit = unit(here, &mut q.unit)?;
    Some(QuestionKind::Numeric {
        answer,
        tolerance,
        unit,
    })
}

fn unit(here: &mut Reporter, unit: &mut Option<Text>) -> Option<Option<String>> {
    match unit {
        Some(u) if u.get_ref().trim().is_empty() => Some(None),
        _ => here.optional_text(unit, "unit", Limit::Short),
    }
}

fn matching(here: &mut Reporter, q: &RawQuestion, start: usize) -> Option<QuestionKind> {
    let Some(pairs) = &q.pairs else {
        here.err(start, "missing `pairs` (a list of [left, right] pairs)");
        return None;
    };
    let n = pairs.get_ref().len();
    if !MATCHING_PAIRS.contains(&n) {
        here.err(
            pairs.span().start,
            format!(
                "`pairs` has {n} pairs; it needs {} to {}",
                MATCHING_PAIRS.start(),
                MATCHING_PAIRS.end()
            ),
        );
        return None;
    }
    let mut ok = true;
    let mut sides: [Vec<Text>; 2] = [Vec::new(), Vec::new()];
    for pair in pairs.get_ref() {
        match &pair.get_ref()[..] {
            [left, right] => {
                sides[0].push(left.clone());
                sides[1].push(right.clone());
            }
            other => {
                here.err(
                    pair.span().start,
                    format!(
                        "each pair needs exactly two sides, [left, right]; this one has {}",
                        other.len()
                    ),
                );
                ok = false;
            }
        }
    }
    if !ok {
        return None;
    }
    let [lefts, rights] = sides;
    let lefts = here.list_items(
        &mut Spanned::new(pairs.span(), lefts),
        "pairs (left side)",
        MATCHING_PAIRS,
    );
    let rights = here.list_items(
        &mut Spanned::new(pairs.span(), rights),
        "pairs (right side)",
        MATCHING_PAIRS,
    );
    Some(QuestionKind::Matching {
        lefts: lefts?,
        rights: rights?,
    })
}
