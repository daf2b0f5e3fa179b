//! Other quiz formats, read and written: GIFT, Aiken, CSV and Moodle XML in; GIFT, Moodle XML
//! and TOML out. Every reader fills `bank::raw` questions with byte offsets into its own file,
//! and every question then goes through `bank`'s one validator: nothing here bypasses it,
//! reads files or touches the UI (the CLI and the teacher page bring the text).
//!
//! What a format cannot say is listed (`Imported::skipped`, `Imported::changed`,
//! `Exported::left_out`), never dropped silently. The GIFT, Aiken and CSV readers are small
//! and serde-free, for the learner app; Moodle XML and the writers are for the teacher's side.

mod aiken;
mod build;
mod csv;
mod format;
mod gift;
mod moodle_cloze;
mod plain;
mod toml_out;
mod xml;

use toml::Spanned;

use crate::bank::raw::RawQuestion;
use crate::bank::{
    Bank, BankErrors, BankMeta, Location, QuestionReport, Rules, SourceFile, Topic, Validator,
};

pub use format::Format;
pub use gift::write as write_gift;
pub use plain::slug;
pub use toml_out::{TomlLayout, write as write_toml};
pub use xml::write as write_moodle_xml;

/// A file read into raw questions, ready for the validator.
#[derive(Debug, Clone)]
pub struct Imported {
    pub format: Format,
    /// The file as given; every span below is a byte offset into its text.
    pub source: SourceFile,
    /// A title for the bank (from the file name).
    pub title: Option<String>,
    /// The topics the questions use (categories made into valid, unique ids); at least one.
    pub topics: Vec<Topic>,
    pub questions: Vec<Spanned<RawQuestion>>,
    /// What could not be brought in, with its place and why (an essay, an embedded image).
    pub skipped: Vec<Skipped>,
    /// What was brought in with a difference the teacher should know (partial credit dropped).
    pub changed: Vec<Skipped>,
    /// Mistakes in the file itself (an unclosed `{`): reported with the validator's problems.
    pub problems: BankErrors,
}

/// One thing skipped or changed on import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub at: Location,
    pub what: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Location { file, line, column } = &self.at;
        write!(f, "{file}:{line}:{column}: {}", self.what)
    }
}

/// A bank written in another format, with what that format could not carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub text: String,
    /// Questions not written at all, each with why.
    pub left_out: Vec<LeftOut>,
    /// Questions written with a difference (a unit or a typo allowance dropped).
    pub changed: Vec<LeftOut>,
    /// What the format leaves out for every question (sources, difficulty …).
    pub notes: Vec<String>,
}

/// A question (by id) and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub id: String,
    pub why: String,
}

impl std::fmt::Display for LeftOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "question {}: {}",
            crate::text::quoted(&self.id, 60),
            self.why
        )
    }
}

/// Read one file in `format`. An error only when the whole file is unreadable (no known CSV
/// header, no `<quiz>`); problems with single questions are in `Imported::problems`.
pub fn read(format: Format, source: SourceFile) -> Result<Imported, BankErrors> {
    match format {
        Format::Gift => Ok(gift::read(source)),
        Format::Aiken => Ok(aiken::read(source)),
        Format::Csv => csv::read(source),
        Format::MoodleXml => xml::read(source),
        Format::Toml => {
            let mut errors = BankErrors::default();
            errors.push(
                Location::file_start(&source.name),
                "a TOML file is already a bank: load it with its index.toml (bank check <folder>)",
            );
            Err(errors)
        }
    }
}

/// The bank's metadata for an imported file: the id from the file name, the title, version
/// "1", language "en", and no fact sheet.
pub fn meta_of(imported: &Imported) -> BankMeta {
    let title = imported
        .title
        .clone()
        .unwrap_or_else(|| plain::title_from_file(&imported.source.name));
    let id = match slug(&plain::title_from_file(&imported.source.name)) {
        id if id.is_empty() => "imported".to_string(),
        id => id,
    };
    let file = imported
        .source
        .name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default();
    BankMeta {
        id,
        title,
        description: format!("Imported from {file} ({}).", imported.format.label()),
        version: "1".to_string(),
        language: "en".to_string(),
        fact_sheet: None,
    }
}

/// An imported file checked by the validator: the bank when nothing is wrong, every problem
/// (the file's own and the validator's, in file order), and each question's report for a
/// preview beside its problems.
#[derive(Debug, Clone)]
pub struct Checked {
    pub bank: Option<Bank>,
    pub errors: BankErrors,
    pub reports: Vec<QuestionReport>,
}

pub fn check_imported(imported: &Imported, rules: Rules) -> Checked {
    let mut errors = imported.problems.clone();
    let mut validator = Validator::with_meta(rules, meta_of(imported), imported.topics.clone());
    validator.questions(&imported.source, imported.questions.clone(), &mut errors);
    let reports = validator.reports().to_vec();
    if imported.questions.is_empty() && errors.is_empty() {
        let skipped = match imported.skipped.len() {
            0 => String::new(),
            n => format!(" ({n} skipped: see the list)"),
        };
        errors.push(
            Location::file_start(&imported.source.name),
            format!("no question in this file could be brought in{skipped}"),
        );
    }
    let bank = validator.finish(&imported.source, &mut errors);
    errors
        .0
        .sort_by_key(|e| (e.location.line, e.location.column));
    Checked {
        bank: bank.filter(|_| errors.is_empty()),
        errors,
        reports,
    }
}

/// Validate an imported file into a bank: its problems and the validator's, or the bank.
pub fn load_imported(imported: &Imported, rules: Rules) -> Result<Bank, BankErrors> {
    let checked = check_imported(imported, rules);
    match checked.bank {
        Some(bank) => Ok(bank),
        None => Err(checked.errors),
    }
}
