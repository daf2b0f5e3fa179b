//! Spreadsheets saved as CSV, in three dialects told apart by the header row: Accord's
//! template (one row per question, a `type` column), Kahoot's quiz template (`Question`,
//! `Answer 1` … `Correct answer(s)`), and two-column term/definition cards (Quizlet's export).
//! Cells keep their byte offsets, so every message names the file, line and column.

mod cards;
mod kahoot;
mod records;
mod template;

use crate::bank::{BankErrors, Location, SourceFile};
use crate::interchange::Imported;
use records::{Row, delimiter, rows};

/// How many rows may come before Kahoot's header (its template has a few lines of notes).
const PREAMBLE: usize = 20;

/// A header cell, folded for comparison: lowercase, single spaces, no BOM.
fn folded(text: &str) -> String {
    text.trim_start_matches('\u{feff}')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a row is Accord's template header: it names `type` and `prompt`.
fn is_template(row: &Row) -> bool {
    let names: Vec<String> = row.cells.iter().map(|c| folded(&c.text)).collect();
    names.iter().any(|n| n == "type") && names.iter().any(|n| n == "prompt")
}

/// Whether a row is Kahoot's header: a `Question …` cell and an `Answer 1 …` cell.
fn is_kahoot(row: &Row) -> bool {
    let names: Vec<String> = row.cells.iter().map(|c| folded(&c.text)).collect();
    names.iter().any(|n| n.starts_with("question"))
        && names.iter().any(|n| n.starts_with("answer 1"))
}

pub fn read(source: SourceFile) -> Result<Imported, BankErrors> {
    let base = if source.text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    let text = &source.text[base..];
    let rows = rows(text, base, delimiter(text));
    if let Some(first) = rows.first()
        && is_template(first)
    {
        return Ok(template::read(source, rows));
    }
    if let Some(header) = rows.iter().take(PREAMBLE).position(is_kahoot) {
        return Ok(kahoot::read(source, rows, header));
    }
    if !rows.is_empty() && rows.iter().all(|r| r.cells.len() == 2 || trailing_blank(r)) {
        return Ok(cards::read(source, rows));
    }
    let mut errors = BankErrors::default();
    let at = crate::interchange::build::boundary(&source.text, rows.first().map_or(0, Row::at));
    errors.push(
        Location::at(&source.name, &source.text, at),
        if rows.is_empty() {
            "the file has no rows".to_string()
        } else {
            "cannot tell which kind of CSV this is: the first row should be Accord's template header \
             (id,topic,type,prompt,…; see docs/templates/questions.csv), Kahoot's columns \
             (Question, Answer 1 … Answer 4, Time limit, Correct answer(s)), or every row a term \
             and its definition in two columns"
                .to_string()
        },
    );
    Err(errors)
}

/// A row with two cells and then only empty ones (a spreadsheet's trailing separators).
fn trailing_blank(row: &Row) -> bool {
    row.cells.len() > 2 && row.cells[2..].iter().all(|c| c.text.trim().is_empty())
}

/// A number as a spreadsheet writes it: `3.5`, or `3,5` with a decimal comma.
pub fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    let parsed = text.parse::<f64>().ok().or_else(|| {
        (text.matches(',').count() == 1 && !text.contains('.'))
            .then(|| text.replace(',', ".").parse().ok())
            .flatten()
    });
    parsed.filter(|x| x.is_finite())
}
