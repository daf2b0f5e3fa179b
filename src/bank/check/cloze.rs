//! Fill-in-the-blanks: the text split at its `{1}`, `{2}` … markers, and each blank's answer
//! (typed, or chosen from options).

use super::hygiene::Limit;
use super::kinds::{text_answer, typed_text};
use super::reporter::{ListName, Reporter};
use crate::bank::model::{Blank, ClozePiece, QuestionKind};
use crate::bank::question_type::{BLANK_OPTIONS, CLOZE_BLANKS};
use crate::bank::raw::{RawBlank, RawQuestion};
use toml::Spanned;

pub(super) fn check(
    here: &mut Reporter,
    q: &mut RawQuestion,
    start: usize,
) -> Option<QuestionKind> {
    let Some(text_at) = q.text.as_ref().map(|t| t.span().start) else {
        here.err(
            start,
            "missing `text` (the sentence, with {1}, {2} … where the blanks go)",
        );
        return None;
    };
    let text = here.required_text(&mut q.text, "text", start, Limit::Prompt)?;
    let Some(blanks_field) = &mut q.blanks else {
        here.err(start, "missing `blanks`");
        return None;
    };
    let blanks_at = blanks_field.span().start;
    let raw_blanks = blanks_field.get_mut();
    if !CLOZE_BLANKS.contains(&raw_blanks.len()) {
        here.err(
            blanks_at,
            format!(
                "`blanks` has {} entries; it needs {} to {}",
                raw_blanks.len(),
                CLOZE_BLANKS.start(),
                CLOZE_BLANKS.end()
            ),
        );
        return None;
    }
    let pieces = split_cloze(&text);
    let markers: Vec<usize> = pieces
        .iter()
        .filter_map(|p| match p {
            ClozePiece::Blank(i) => Some(*i),
            ClozePiece::Text(_) => None,
        })
        .collect();
    let expected: Vec<usize> = (0..raw_blanks.len()).collect();
    if markers != expected {
        let found: Vec<String> = markers.iter().map(|i| format!("{{{}}}", i + 1)).collect();
        here.err(
            text_at,
            format!(
                "`text` must hold the markers {{1}} to {{{}}}, once each and in order, one per blank; found [{}]",
                raw_blanks.len(),
                found.join(", ")
            ),
        );
        return None;
    }
    let mut blanks = Vec::new();
    for (n, raw) in raw_blanks.iter_mut().enumerate() {
        blanks.push(blank(here, raw, n + 1)?);
    }
    Some(QuestionKind::Cloze { pieces, blanks })
}

fn blank(here: &mut Reporter, raw: &mut Spanned<RawBlank>, n: usize) -> Option<Blank> {
    let at = raw.span().start;
    let b = raw.get_mut();
    let Some(answer_field) = &b.answer else {
        here.err(at, format!("blank {{{n}}} has no `answer`"));
        return None;
    };
    let answer = typed_text(
        here,
        answer_field.get_ref(),
        answer_field.span().start,
        &format!("blank {{{n}}} answer"),
    )?;
    match &mut b.options {
        Some(options) => {
            if b.accept.is_some() || b.typos.is_some() {
                here.err(
                    at,
                    format!("blank {{{n}}} has `options`, so `accept` and `typos` do not apply"),
                );
                return None;
            }
            let options = here.list_items(options, "options", BLANK_OPTIONS)?;
            let index = here.index_in(&answer, at, &options, "option answer", ListName::Options)?;
            Some(Blank::Choice {
                options,
                answer: index,
            })
        }
        None => Some(Blank::Typed(text_answer(
            here,
            answer,
            &mut b.accept,
            &b.typos,
        )?)),
    }
}

/// Split `…{1}…{2}…` into text and blank markers; a `{` not followed by digits and `}` is text.
pub fn split_cloze(text: &str) -> Vec<ClozePiece> {
    let mut pieces = Vec::new();
    let mut rest = text;
    let mut literal = String::new();
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let digits = after.chars().take_while(|c| c.is_ascii_digit()).count();
        let number = after[..digits]
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=99).contains(n));
        if let (Some(number), true) = (number, after[digits..].starts_with('}')) {
            literal.push_str(&rest[..open]);
            if !literal.is_empty() {
                pieces.push(ClozePiece::Text(std::mem::take(&mut literal)));
            }
            pieces.push(ClozePiece::Blank(number - 1));
            rest = &after[digits + 1..];
        } else {
            literal.push_str(&rest[..=open]);
            rest = after;
        }
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        pieces.push(ClozePiece::Text(literal));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloze_text_splits_at_numbered_markers_only() {
        let pieces = split_cloze("In {1}, {x} and {2}.");
        assert_eq!(
            pieces,
            vec![
                ClozePiece::Text("In ".into()),
                ClozePiece::Blank(0),
                ClozePiece::Text(", {x} and ".into()),
                ClozePiece::Blank(1),
                ClozePiece::Text(".".into()),
            ]
        );
        assert_eq!(
            split_cloze("{99999999999999999999}"),
            vec![ClozePiece::Text("{99999999999999999999}".into())]
        );
    }
}
