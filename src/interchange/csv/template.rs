//! Accord's own spreadsheet template: one row per question, a column per field (the TOML
//! field names), lists in one cell separated by ` | `. Documented in docs/question-format.md
//! ("Importing"), with a sample in docs/templates/questions.csv.

use super::number;
use super::records::{Cell, Row};
use crate::bank::SourceFile;
use crate::bank::raw::{RawAnswer, RawBlank, RawNumber, RawQuestion, TextList, at, text_at};
use crate::interchange::build::{Builder, boundary, list_at, raw_number};
use crate::interchange::gift::CLOZE_PROMPT;
use crate::interchange::{Format, Imported, moodle_cloze};
use crate::text::quoted;

/// The template's columns, in the order the sample file gives them.
pub const COLUMNS: [&str; 16] = [
    "id",
    "topic",
    "type",
    "prompt",
    "choices",
    "answer",
    "accept",
    "typos",
    "tolerance",
    "unit",
    "text",
    "explanation",
    "sources",
    "difficulty",
    "points",
    "tags",
];

/// Which column of the file holds each of [`COLUMNS`].
struct Header {
    columns: [Option<usize>; COLUMNS.len()],
}

impl Header {
    fn read(b: &mut Builder, row: &Row) -> Header {
        let mut columns = [None; COLUMNS.len()];
        for (i, cell) in row.cells.iter().enumerate() {
            let name = super::folded(&cell.text);
            if name.is_empty() {
                continue;
            }
            match COLUMNS.iter().position(|c| *c == name) {
                Some(k) if columns[k].is_some() => {
                    b.problem(
                        cell.at,
                        format!("the column {} is there twice", quoted(&name, 40)),
                    );
                }
                Some(k) => columns[k] = Some(i),
                None => {
                    let hint = crate::text::closest(&name, &COLUMNS)
                        .map(|near| format!(": did you mean \"{near}\"?"))
                        .unwrap_or_else(|| format!("; the columns are {}", COLUMNS.join(", ")));
                    b.problem(
                        cell.at,
                        format!("unknown column {}{hint}", quoted(&name, 40)),
                    );
                }
            }
        }
        Header { columns }
    }

    fn cell<'r>(&self, row: &'r Row, name: &str) -> Option<&'r Cell> {
        let k = COLUMNS.iter().position(|c| *c == name)?;
        row.get(self.columns[k]?)
    }
}

/// The entries of a list cell, split at `|` (a `\|` is a bar inside an entry), each with
/// where it starts (counted from the cell; exact unless the cell has doubled quotes).
fn entries(cell: &Cell, text: &str) -> Vec<(usize, String)> {
    let quote = usize::from(text.starts_with('"'));
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let mut chars = cell.text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|(_, n)| *n == '|') => {
                chars.next();
                current.push('|');
            }
            '|' => {
                out.push((start, std::mem::take(&mut current)));
                start = i + 1;
            }
            c => current.push(c),
        }
    }
    out.push((start, current));
    out.into_iter()
        .map(|(i, entry)| {
            let lead = entry.len() - entry.trim_start().len();
            // Exact unless the cell has doubled quotes; kept on a character either way.
            let at = quote + i + lead;
            (cell.at + boundary(text, at), entry.trim().to_string())
        })
        .filter(|(_, entry)| !entry.is_empty())
        .collect()
}

pub fn read(source: SourceFile, rows: Vec<Row>) -> Imported {
    let mut b = Builder::new(Format::Csv, source);
    let header = Header::read(&mut b, &rows[0]);
    let width = rows[0].cells.len();
    for (n, row) in rows.iter().enumerate().skip(1) {
        if let Some(extra) = row.cells[width.min(row.cells.len())..]
            .iter()
            .find(|c| !c.text.trim().is_empty())
        {
            b.problem(
                extra.at,
                format!(
                    "this row has {} cells but the header has {width} columns: a text with a comma must be in double quotes, like \"Paris, 1997\"",
                    row.cells.len()
                ),
            );
            continue;
        }
        question(&mut b, &header, row, n);
    }
    b.finish()
}

fn question(b: &mut Builder, header: &Header, row: &Row, ordinal: usize) {
    let start = row.at();
    let problems_before = b.problem_count();
    let file_text = b.text().to_string();
    let raw_at = |cell: &Cell| &file_text[cell.at.min(file_text.len())..];
    let cell = |name: &str| header.cell(row, name);
    let text = |name: &str| cell(name).map(|c| text_at(c.at, c.text.trim()));
    let list = |name: &str| -> Option<TextList> {
        cell(name).map(|c| list_at(c.at, entries(c, raw_at(c))))
    };
    let id = match cell("id") {
        Some(c) => {
            b.given_id(c.text.trim());
            c.text.trim().to_string()
        }
        None => b.id_for(None, ordinal, start),
    };
    let kind = cell("type").map(|c| c.text.trim().to_ascii_lowercase());
    let mut q = RawQuestion {
        id: Some(text_at(cell("id").map_or(start, |c| c.at), id.clone())),
        kind: cell("type").map(|c| text_at(c.at, c.text.trim().to_ascii_lowercase())),
        prompt: text("prompt"),
        explanation: text("explanation"),
        sources: list("sources"),
        tags: list("tags"),
        text: text("text"),
        accept: list("accept"),
        unit: text("unit"),
        ..RawQuestion::default()
    };
    if let Some(c) = cell("topic") {
        let topic = b.topic_id(c.text.trim());
        q.topic = Some(text_at(c.at, topic));
    } else {
        q.topic = Some(text_at(start, b.file_topic_id()));
    }
    let problem = |b: &mut Builder, at: usize, message: String| {
        b.question_problem(&id, at, message);
    };
    let whole = |b: &mut Builder, name: &str| -> Option<toml::Spanned<i64>> {
        let c = cell(name)?;
        match c.text.trim().parse::<i64>() {
            Ok(n) => Some(at(c.at, n)),
            Err(_) => {
                b.question_problem(
                    &id,
                    c.at,
                    format!(
                        "`{name}` must be a whole number, not {}{}",
                        quoted(&c.text, 40),
                        comma_hint(c)
                    ),
                );
                None
            }
        }
    };
    q.difficulty = whole(b, "difficulty");
    q.typos = whole(b, "typos");
    let decimal = |b: &mut Builder, name: &str| -> Option<toml::Spanned<RawNumber>> {
        let c = cell(name)?;
        match number(&c.text) {
            Some(x) => Some(at(c.at, raw_number(x))),
            None => {
                b.question_problem(
                    &id,
                    c.at,
                    format!(
                        "`{name}` must be a number, not {}{}",
                        quoted(&c.text, 40),
                        comma_hint(c)
                    ),
                );
                None
            }
        }
    };
    q.points = decimal(b, "points");
    q.tolerance = decimal(b, "tolerance");
    let choices = list("choices");
    let answer = cell("answer");
    let answer_text = answer.map(|c| at(c.at, RawAnswer::Text(c.text.trim().to_string())));
    let answer_list = answer.map(|c| {
        let entries = entries(c, raw_at(c));
        at(
            c.at,
            RawAnswer::List(entries.into_iter().map(|(_, e)| e).collect()),
        )
    });
    match kind.as_deref() {
        Some("multiple") => {
            q.choices = choices;
            q.answer = answer_list;
        }
        Some("spot_error") => {
            q.parts = choices;
            q.wrong = answer.map(|c| list_at(c.at, entries(c, raw_at(c))));
        }
        Some("true_false") => {
            q.answer = answer.and_then(|c| match c.text.trim().to_ascii_lowercase().as_str() {
                "true" | "t" | "yes" => Some(at(c.at, RawAnswer::Bool(true))),
                "false" | "f" | "no" => Some(at(c.at, RawAnswer::Bool(false))),
                _ => {
                    problem(
                        b,
                        c.at,
                        format!(
                            "`answer` of a true_false question is true or false, not {}{}",
                            quoted(&c.text, 40),
                            comma_hint(c)
                        ),
                    );
                    None
                }
            });
            q.choices = choices;
        }
        Some("ordering") => {
            q.items = choices;
            if let Some(c) = answer {
                problem(
                    b,
                    c.at,
                    "an ordering question has no `answer`: list its items in the right order under `choices`".to_string(),
                );
            }
        }
        Some("matching") => {
            if let Some(c) = cell("choices") {
                let mut pairs = Vec::new();
                for (at_entry, entry) in entries(c, raw_at(c)) {
                    match entry.split_once("->") {
                        Some((left, right)) => pairs.push(list_at(
                            at_entry,
                            [
                                (at_entry, left.trim().to_string()),
                                (at_entry, right.trim().to_string()),
                            ],
                        )),
                        None => problem(
                            b,
                            at_entry,
                            format!(
                                "the pair {} has no ->: write each pair as left -> right, pairs separated by |",
                                quoted(&entry, 40)
                            ),
                        ),
                    }
                }
                q.pairs = Some(at(c.at, pairs));
            }
            if let Some(c) = answer {
                problem(
                    b,
                    c.at,
                    "a matching question has no `answer`: write its pairs under `choices`, as left -> right | left -> right".to_string(),
                );
            }
        }
        Some("numeric") => {
            q.choices = choices;
            q.answer = answer.and_then(|c| match number(&c.text) {
                Some(x) => Some(at(
                    c.at,
                    match raw_number(x) {
                        RawNumber::Integer(i) => RawAnswer::Integer(i),
                        RawNumber::Float(f) => RawAnswer::Float(f),
                    },
                )),
                None => {
                    problem(
                        b,
                        c.at,
                        format!(
                            "`answer` of a numeric question is a number, not {}{}",
                            quoted(&c.text, 40),
                            comma_hint(c)
                        ),
                    );
                    None
                }
            });
        }
        Some("cloze") => {
            q.choices = choices;
            cloze(b, &id, &mut q, answer, &file_text);
        }
        _ => {
            q.choices = choices;
            q.answer = answer_text;
        }
    }
    if b.problem_count() == problems_before {
        b.push(start, q);
    }
}

/// A hint for a cell that is not what its column needs: a cell starting with a space is
/// most likely the end of a text with a comma that was not in quotes.
fn comma_hint(cell: &Cell) -> &'static str {
    if cell.text.starts_with(' ') {
        " (it starts with a space: is it the end of a text with a comma? Put such a text in double quotes, like \"Paris, France\")"
    } else {
        ""
    }
}

/// A cloze row: its text with Moodle's embedded answers (`{1:SA:=Paris}`), or with Accord's
/// markers `{1}` and each blank's answer in `answer`, separated by `|`.
fn cloze(b: &mut Builder, id: &str, q: &mut RawQuestion, answer: Option<&Cell>, file: &str) {
    if q.text.is_none()
        && let Some(prompt) = q.prompt.clone()
        && (moodle_cloze::has_embedded(prompt.get_ref()) || prompt.get_ref().contains("{1}"))
    {
        let at_prompt = prompt.span().start;
        q.text = Some(prompt);
        q.prompt = Some(text_at(at_prompt, CLOZE_PROMPT));
        b.question_change(
            id,
            at_prompt,
            format!("the sentence with gaps is in `prompt`: it becomes the cloze text, and the prompt is \"{CLOZE_PROMPT}\""),
        );
    }
    let Some(text) = q.text.clone() else {
        return;
    };
    let at_text = text.span().start;
    if moodle_cloze::has_embedded(text.get_ref()) {
        match moodle_cloze::read(text.get_ref()) {
            Ok(cloze) => {
                for note in cloze.notes {
                    b.question_change(id, at_text, note);
                }
                q.text = Some(text_at(at_text, cloze.text));
                let blanks = cloze
                    .blanks
                    .into_iter()
                    .map(|spec| {
                        at(
                            at_text,
                            RawBlank {
                                answer: Some(text_at(at_text, spec.answer)),
                                accept: (!spec.accept.is_empty()).then(|| {
                                    list_at(at_text, spec.accept.into_iter().map(|a| (at_text, a)))
                                }),
                                options: spec
                                    .options
                                    .map(|o| list_at(at_text, o.into_iter().map(|a| (at_text, a)))),
                                typos: None,
                            },
                        )
                    })
                    .collect();
                q.blanks = Some(at(at_text, blanks));
            }
            Err(why) => b.question_problem(id, at_text, why),
        }
        if let Some(c) = answer {
            b.question_problem(
                id,
                c.at,
                "the answers are already in the text ({1:SA:=…}): leave `answer` empty",
            );
        }
        return;
    }
    if let Some(c) = answer {
        let raw = &file[c.at.min(file.len())..];
        let blanks = entries(c, raw)
            .into_iter()
            .map(|(at_entry, entry)| {
                at(
                    at_entry,
                    RawBlank {
                        answer: Some(text_at(at_entry, entry)),
                        ..RawBlank::default()
                    },
                )
            })
            .collect();
        q.blanks = Some(at(c.at, blanks));
    }
}
