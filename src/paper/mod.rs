//! Paper: what a printed worksheet and its separate answer key hold, in order and numbered,
//! with the letters to circle, the boxes and lines to write on, and the key's answers in the
//! worksheet's own letters, with explanations and sources.
//!
//! Pure: questions and layouts in, plain values out; the teacher page renders and prints them.
//! It never touches the browser, and it never changes a bank or an assignment.

mod choose;
mod key;
mod sheet;

pub use choose::{PaperChoice, PaperError, paper_seed};
pub use key::{KeyItem, key_item};
pub use sheet::{ClozeBit, Labelled, SheetBody, SheetItem, identity_item, label, sheet_item};

use crate::bank::Bank;
use crate::text::Language;

/// A worksheet and its answer key, for the same questions in the same order.
#[derive(Debug, Clone, PartialEq)]
pub struct Paper {
    pub title: String,
    /// What the students are told at the top (an assignment's instructions), if anything.
    pub instructions: String,
    /// What the teacher should know about this paper (a draw per student, another version).
    pub notes: Vec<String>,
    pub worksheet: Vec<SheetItem>,
    /// One entry per worksheet item, numbered the same.
    pub key: Vec<KeyItem>,
}

impl Paper {
    /// The points the whole worksheet is worth, in words ("12 points").
    pub fn total_points(&self) -> String {
        let thousandths: u64 = self.worksheet.iter().map(|i| u64::from(i.points)).sum();
        points_text(thousandths)
    }
}

/// Thousandths of a point in words: "1 point", "2.5 points".
pub(crate) fn points_text(thousandths: u64) -> String {
    let value = thousandths as f64 / 1000.0;
    let number = crate::text::decimal(value, 3, Language::English);
    format!(
        "{number} {}",
        if thousandths == 1000 {
            "point"
        } else {
            "points"
        }
    )
}

/// The paper for `choice` from `bank`: every question laid out as the choice says (an
/// assignment by its own seed), numbered from 1, with its key.
pub fn paper(bank: &Bank, choice: &PaperChoice, title: &str) -> Result<Paper, PaperError> {
    let chosen = choose::choose(bank, choice)?;
    let language = Language::from_tag(&bank.meta.language);
    let mut worksheet = Vec::new();
    let mut key = Vec::new();
    for (n, item) in chosen.items.iter().enumerate() {
        let Some(question) = bank.question(&item.question) else {
            continue;
        };
        let topic = bank
            .topic(&question.topic)
            .map_or(question.topic.as_str(), |t| t.title.as_str());
        worksheet.push(sheet_item(question, item, n + 1, topic));
        key.push(key_item(question, item, n + 1, language));
    }
    let title = match title.trim() {
        "" => chosen.title,
        given => given.to_string(),
    };
    Ok(Paper {
        title,
        instructions: chosen.instructions,
        notes: chosen.notes,
        worksheet,
        key,
    })
}
