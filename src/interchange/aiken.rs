//! Aiken, the simplest multiple-choice text format: a question line, options `A. text` or
//! `A) text`, then `ANSWER: B`. Read line by line as Moodle reads it (blank lines between
//! questions are optional); `ANSWER: A, C` gives a multiple select.

use crate::bank::SourceFile;
use crate::bank::raw::{RawAnswer, at, text_at};
use crate::interchange::build::{Builder, list_at, raw_question};
use crate::interchange::{Format, Imported};
use crate::text::quoted;

struct Pending {
    start: usize,
    text: Vec<String>,
    /// (letter, offset, text)
    options: Vec<(char, usize, String)>,
}

/// `A. text` or `A) text`: the letter and where the text starts in the line.
fn option(line: &str) -> Option<(char, usize)> {
    let mut chars = line.char_indices();
    let (_, letter) = chars.next()?;
    let (_, mark) = chars.next()?;
    if !letter.is_ascii_alphabetic() || !matches!(mark, '.' | ')') {
        return None;
    }
    let rest = &line[2..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some((
        letter.to_ascii_uppercase(),
        2 + (rest.len() - rest.trim_start().len()),
    ))
}

pub fn read(source: SourceFile) -> Imported {
    let mut b = Builder::new(Format::Aiken, source);
    let text = b.text().to_string();
    let mut pending: Option<Pending> = None;
    let mut ordinal = 0;
    let mut offset = 0;
    for raw_line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw_line.len();
        let indent = raw_line.len() - raw_line.trim_start().len();
        let line = raw_line.trim();
        let at_line = line_start + indent;
        if line.is_empty() {
            continue;
        }
        if let Some(letters) = line
            .get(..7)
            .filter(|head| head.eq_ignore_ascii_case("answer:"))
            .map(|_| &line[7..])
        {
            let answer_at = at_line + 7 + (letters.len() - letters.trim_start().len());
            match pending.take() {
                Some(p) if !p.options.is_empty() => {
                    ordinal += 1;
                    finish(&mut b, p, letters, answer_at, ordinal);
                }
                _ => b.problem(
                    at_line,
                    "ANSWER: without options above it: write the question, then its options A. B. …, then ANSWER:",
                ),
            }
            continue;
        }
        if let Some((letter, text_at)) = option(line) {
            let Some(p) = pending.as_mut() else {
                b.problem(
                    at_line,
                    format!(
                        "option {letter} comes before any question: write the question on the line above its options"
                    ),
                );
                continue;
            };
            let expected = (b'A' + p.options.len().min(25) as u8) as char;
            if letter != expected {
                b.problem(
                    at_line,
                    format!("option {letter} where {expected} was expected: letter the options A, B, C … in order"),
                );
            }
            p.options.push((
                letter,
                at_line + text_at,
                line[text_at..].trim().to_string(),
            ));
            continue;
        }
        match pending.as_mut() {
            Some(p) if p.options.is_empty() => p.text.push(line.to_string()),
            _ => {
                if let Some(p) = pending.take() {
                    missing_answer(&mut b, &p);
                }
                pending = Some(Pending {
                    start: at_line,
                    text: vec![line.to_string()],
                    options: Vec::new(),
                });
            }
        }
    }
    if let Some(p) = pending {
        missing_answer(&mut b, &p);
    }
    b.finish()
}

fn missing_answer(b: &mut Builder, p: &Pending) {
    let question = p.text.join(" ");
    let message = if p.options.is_empty() {
        format!(
            "the question {} has no options: put them on the lines below it, as A. … B. …, then ANSWER: and the right letter",
            quoted(&question, 40)
        )
    } else {
        format!(
            "the question {} has no ANSWER: line: end it with ANSWER: and the letter of the right option",
            quoted(&question, 40)
        )
    };
    b.problem(p.start, message);
}

fn finish(b: &mut Builder, p: Pending, letters: &str, answer_at: usize, ordinal: usize) {
    let id = b.id_for(None, ordinal, p.start);
    let named: Vec<char> = letters
        .split([',', ' ', ';', '\t'])
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut chars = l.trim_end_matches(['.', ')']).chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c.to_ascii_uppercase(),
                _ => '?',
            }
        })
        .collect();
    let range = format!("{}–{}", p.options[0].0, p.options[p.options.len() - 1].0);
    if named.is_empty() {
        b.question_problem(
            &id,
            answer_at,
            format!("ANSWER: names no option: write the letter of the right one ({range})"),
        );
        return;
    }
    let mut rights = Vec::new();
    for letter in named {
        match p.options.iter().find(|(l, _, _)| *l == letter) {
            Some((_, _, text)) => rights.push(text.clone()),
            None => {
                b.question_problem(
                    &id,
                    answer_at,
                    format!(
                        "ANSWER: {} is not one of the options {range}",
                        quoted(letters.trim(), 20)
                    ),
                );
                return;
            }
        }
    }
    let kind = if rights.len() == 1 {
        "single"
    } else {
        "multiple"
    };
    let mut q = raw_question(p.start, &id, kind, text_at(p.start, p.text.join("\n")));
    q.choices = Some(list_at(
        p.options[0].1,
        p.options.iter().map(|(_, at, text)| (*at, text.clone())),
    ));
    q.answer = Some(at(
        answer_at,
        if rights.len() == 1 {
            RawAnswer::Text(rights.remove(0))
        } else {
            RawAnswer::List(rights)
        },
    ));
    b.push(p.start, q);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_a_letter_a_mark_and_a_space() {
        assert_eq!(option("A. Paris"), Some(('A', 3)));
        assert_eq!(option("b)  Rome"), Some(('B', 4)));
        assert_eq!(option("A.D. 1066"), None);
        assert_eq!(option("Ä. x"), None);
    }
}
