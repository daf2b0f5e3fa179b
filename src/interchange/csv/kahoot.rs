//! Kahoot's quiz spreadsheet: `Question`, `Answer 1` … `Answer 4`, `Time limit` and
//! `Correct answer(s)` ("1" or "1,3"), found below the template's lines of notes. A question
//! whose answers are True and False becomes a true/false question.

use super::records::Row;
use crate::bank::SourceFile;
use crate::bank::raw::{RawAnswer, at, text_at};
use crate::interchange::build::{Builder, list_at, raw_question};
use crate::interchange::{Format, Imported};
use crate::text::quoted;

struct Columns {
    question: usize,
    answers: Vec<usize>,
    time: Option<usize>,
    correct: Option<usize>,
}

fn columns(header: &Row) -> Columns {
    let names: Vec<String> = header
        .cells
        .iter()
        .map(|c| super::folded(&c.text))
        .collect();
    let find = |prefix: &str| names.iter().position(|n| n.starts_with(prefix));
    Columns {
        question: find("question").unwrap_or(0),
        answers: (1..=6)
            .filter_map(|k| find(&format!("answer {k}")))
            .collect(),
        time: find("time limit"),
        correct: find("correct answer"),
    }
}

pub fn read(source: SourceFile, rows: Vec<Row>, header: usize) -> Imported {
    let mut b = Builder::new(Format::Csv, source);
    let columns = columns(&rows[header]);
    if columns.correct.is_none() {
        b.problem(
            rows[header].at(),
            "Kahoot's header has no \"Correct answer(s)\" column: add it, with the number of the right answer in each row",
        );
    }
    let mut timed = None;
    let mut ordinal = 0;
    for row in rows.iter().skip(header + 1) {
        let Some(question) = row.get(columns.question) else {
            continue;
        };
        ordinal += 1;
        let start = question.at;
        let id = b.id_for(None, ordinal, start);
        if let Some(cell) = columns.time.and_then(|t| row.get(t)) {
            timed.get_or_insert(cell.at);
        }
        let answers: Vec<(usize, usize, String)> = columns
            .answers
            .iter()
            .enumerate()
            .filter_map(|(k, &col)| {
                row.get(col)
                    .map(|c| (k + 1, c.at, c.text.trim().to_string()))
            })
            .collect();
        let Some(correct) = columns.correct.and_then(|c| row.get(c)) else {
            if columns.correct.is_some() {
                b.question_problem(
                    &id,
                    start,
                    "no correct answer: put its number (1 to 4) in \"Correct answer(s)\"",
                );
            }
            continue;
        };
        let mut rights = Vec::new();
        let mut ok = true;
        for part in correct
            .text
            .split([',', ';', ' '])
            .filter(|p| !p.trim().is_empty())
        {
            match part
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|n| answers.iter().find(|a| a.0 == n))
            {
                Some(answer) => rights.push(answer.2.clone()),
                None => {
                    b.question_problem(
                        &id,
                        correct.at,
                        format!(
                            "\"Correct answer(s)\" names {}, which is not one of this row's answers (give their numbers, like 1 or 1,3)",
                            quoted(part.trim(), 20)
                        ),
                    );
                    ok = false;
                }
            }
        }
        if !ok {
            continue;
        }
        let prompt = text_at(start, question.text.trim());
        let lower: Vec<String> = answers.iter().map(|a| a.2.to_lowercase()).collect();
        let q = if lower == ["true", "false"] && rights.len() == 1 {
            let mut q = raw_question(start, &id, "true_false", prompt);
            q.answer = Some(at(
                correct.at,
                RawAnswer::Bool(rights[0].eq_ignore_ascii_case("true")),
            ));
            q
        } else {
            let kind = if rights.len() == 1 {
                "single"
            } else {
                "multiple"
            };
            let mut q = raw_question(start, &id, kind, prompt);
            q.choices = Some(list_at(
                answers.first().map_or(start, |a| a.1),
                answers.iter().map(|(_, at, text)| (*at, text.clone())),
            ));
            q.answer = Some(at(
                correct.at,
                if rights.len() == 1 {
                    RawAnswer::Text(rights.remove(0))
                } else {
                    RawAnswer::List(rights)
                },
            ));
            q
        };
        b.push(start, q);
    }
    if let Some(at) = timed {
        b.change(
            at,
            "the time limits are not kept: an Accord quiz has no time limit per question",
        );
    }
    b.finish()
}
