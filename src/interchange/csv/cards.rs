//! Term/definition cards (Quizlet's export: two columns, tab or comma, header optional):
//! each card asks for the term that matches its definition. With four cards or more it is a
//! single choice whose wrong choices are the terms of the next cards in the file (no
//! randomness, so the same file always gives the same bank); with fewer, a typed answer.

use super::records::Row;
use crate::bank::SourceFile;
use crate::bank::look_alike;
use crate::bank::raw::{RawAnswer, at, text_at};
use crate::interchange::build::{Builder, list_at, raw_question};
use crate::interchange::{Format, Imported};

/// Header rows Quizlet-style files may start with: (first column, second column).
const HEADERS: [(&str, &str); 6] = [
    ("term", "definition"),
    ("front", "back"),
    ("word", "definition"),
    ("word", "meaning"),
    ("question", "answer"),
    ("term", "meaning"),
];

/// How many wrong choices each card's question gets.
const DISTRACTORS: usize = 3;

/// How many following cards are looked at for them (bounds the work when many cards share
/// a term).
const LOOK_AHEAD: usize = 50;

struct Card {
    term: String,
    term_at: usize,
    definition: String,
    definition_at: usize,
}

fn is_header(row: &Row) -> bool {
    let cell = |i: usize| {
        row.cells
            .get(i)
            .map(|c| super::folded(&c.text))
            .unwrap_or_default()
    };
    HEADERS.iter().any(|(a, b)| cell(0) == *a && cell(1) == *b)
}

/// The question asking for a definition's term.
fn prompt(definition: &str) -> String {
    let definition = definition.trim().trim_end_matches('.');
    if definition.ends_with(['?', '!']) {
        format!("Which term matches: {definition}")
    } else {
        format!("Which term matches: {definition}?")
    }
}

pub fn read(source: SourceFile, rows: Vec<Row>) -> Imported {
    let mut b = Builder::new(Format::Csv, source);
    let skip = usize::from(rows.first().is_some_and(is_header));
    let mut cards = Vec::new();
    for row in rows.iter().skip(skip) {
        match (row.get(0), row.get(1)) {
            (Some(term), Some(definition)) => cards.push(Card {
                term: term.text.trim().to_string(),
                term_at: term.at,
                definition: definition.text.trim().to_string(),
                definition_at: definition.at,
            }),
            (Some(term), None) => b.problem(
                term.at,
                "this card has a term but no definition: put the definition in the second column",
            ),
            (None, Some(definition)) => b.problem(
                definition.at,
                "this card has a definition but no term: put the term in the first column",
            ),
            (None, None) => {}
        }
    }
    if let Some(first) = cards.first() {
        let how = if cards.len() > DISTRACTORS {
            "each card becomes a single choice question: the term that matches its definition, with the terms of the next three cards as wrong choices"
        } else {
            "with fewer than four cards, each becomes a typed answer: the term that matches its definition"
        };
        b.change(first.term_at, how);
    }
    for (i, card) in cards.iter().enumerate() {
        let id = b.id_for(Some(&card.term), i + 1, card.term_at);
        let prompt = text_at(card.definition_at, prompt(&card.definition));
        let mut wrong: Vec<&Card> = Vec::new();
        for k in 1..cards.len().min(LOOK_AHEAD + 1) {
            let other = &cards[(i + k) % cards.len()];
            let distinct = !look_alike(&other.term, &card.term)
                && wrong.iter().all(|w| !look_alike(&w.term, &other.term));
            if distinct {
                wrong.push(other);
            }
            if wrong.len() == DISTRACTORS {
                break;
            }
        }
        let mut q = if wrong.len() == DISTRACTORS {
            let mut q = raw_question(card.term_at, &id, "single", prompt);
            let choices = std::iter::once(card)
                .chain(wrong)
                .map(|c| (c.term_at, c.term.clone()));
            q.choices = Some(list_at(card.term_at, choices));
            q
        } else {
            raw_question(card.term_at, &id, "short_text", prompt)
        };
        q.answer = Some(at(card.term_at, RawAnswer::Text(card.term.clone())));
        b.push(card.term_at, q);
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prompt_asks_for_the_term() {
        assert_eq!(
            prompt("A treaty of 1949."),
            "Which term matches: A treaty of 1949?"
        );
        assert_eq!(
            prompt("Who signed it?"),
            "Which term matches: Who signed it?"
        );
    }
}
