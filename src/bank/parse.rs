//! Reading bank files: TOML syntax (with hints for the usual mistakes, and recovery so that
//! one syntax error does not hide the rest of a file), the list of files a manifest names, and
//! the assembly of a whole bank. Fetching or reading the files is the caller's job.

use super::check::{QuestionReport, Rules, Validator};
use super::error::{BankErrors, Location};
use super::model::Bank;
use super::path::{beside, check_relative, extension};
use super::raw::{Problems, RawManifest, RawQuestion};
use super::toml_reader;
use crate::text::quoted;
use toml::Spanned;

/// One bank file's name (as it should appear in messages) and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// A question file the manifest lists: its path (beside the manifest) and where it is listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedFile {
    pub path: String,
    pub listed_at: Location,
}

/// A parsed manifest, ready to say which files it needs.
#[derive(Debug)]
pub struct Manifest {
    pub(super) source: SourceFile,
    pub(super) raw: RawManifest,
}

/// The likely cause of a TOML syntax error, from the message and the line it is on.
fn hint(message: &str, line: &str) -> Option<&'static str> {
    let value = line.split_once('=').map_or("", |(_, v)| v.trim_start());
    if line.contains(['“', '”', '„', '‘', '’']) && !value.starts_with(['"', '\'']) {
        return Some(
            "these look like curly quotes from a word processor; use straight quotes \" \"",
        );
    }
    if message.contains("expected newline") && value.starts_with('\'') {
        return Some(
            "an apostrophe inside '…' ends the text early; put text with an apostrophe in double quotes \"…\"",
        );
    }
    if message.contains("must be quoted") {
        return Some("text must be in quotes, like prompt = \"…\"");
    }
    if message.contains("invalid basic string") || message.contains("unclosed") {
        return Some(
            "a text is not closed on its line; close it with \", or use \"\"\" … \"\"\" for text over several lines",
        );
    }
    if message.contains("recursion limit") {
        return Some("the nesting is too deep (a key with very many dots, or lists inside lists)");
    }
    None
}

/// Where an error without a span probably is: the line with the most nesting.
fn deepest_line(text: &str) -> usize {
    let mut best = (0, 0);
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let key = line.split('=').next().unwrap_or_default();
        let depth = key.matches('.').count() + line.matches(['[', '{']).count();
        if depth > best.0 {
            best = (depth, offset);
        }
        offset += line.len();
    }
    best.1
}

fn syntax_error(
    file: &SourceFile,
    base: usize,
    chunk: &str,
    error: &toml::de::Error,
) -> (Location, String) {
    let offset = base
        + error
            .span()
            .map_or_else(|| deepest_line(chunk), |span| span.start);
    let location = Location::at(&file.name, &file.text, offset);
    let line = file.text.lines().nth(location.line - 1).unwrap_or_default();
    let message = crate::text::escape_controls(error.message().trim());
    let message = match hint(&message, line) {
        Some(hint) => format!("{message}: {hint}"),
        None => message,
    };
    (location, message)
}

/// Why a chunk of TOML gave no value.
enum ChunkError {
    /// Not TOML: one error, at the syntax mistake.
    Syntax(BankErrors),
    /// TOML, but with fields of the wrong shape.
    Shape(BankErrors),
}

impl ChunkError {
    fn errors(self) -> BankErrors {
        match self {
            ChunkError::Syntax(e) | ChunkError::Shape(e) => e,
        }
    }
}

/// Parse `chunk` (the text at `base` in `file`) and read its shape with `read`.
fn read_chunk<T>(
    file: &SourceFile,
    base: usize,
    chunk: &str,
    read: impl FnOnce(&toml::de::DeTable, &mut Problems) -> T,
) -> Result<T, ChunkError> {
    let mut errors = BankErrors::default();
    let document = match toml::de::DeTable::parse(chunk) {
        Ok(document) => document,
        Err(e) => {
            let (location, message) = syntax_error(file, base, chunk, &e);
            errors.push(location, message);
            return Err(ChunkError::Syntax(errors));
        }
    };
    let mut problems = Problems::new();
    let value = read(document.get_ref(), &mut problems);
    if problems.is_empty() {
        return Ok(value);
    }
    problems.sort_by_key(|(offset, _)| *offset);
    for (offset, message) in problems {
        errors.push(Location::at(&file.name, &file.text, base + offset), message);
    }
    Err(ChunkError::Shape(errors))
}

/// The questions of a question file, each chunk of `[[question]]` tables at its offset.
/// A file that parses gives one chunk; after a syntax error, each `[[question]]` is read on
/// its own, so the rest of the file is still checked.
pub(super) type Chunks = Vec<(usize, Vec<Spanned<RawQuestion>>)>;

fn question_chunks(file: &SourceFile, errors: &mut BankErrors) -> Chunks {
    match read_chunk(file, 0, &file.text, toml_reader::question_file) {
        Ok(questions) => return vec![(0, questions)],
        Err(ChunkError::Shape(e)) => {
            errors.0.extend(e.0);
            return Vec::new();
        }
        Err(ChunkError::Syntax(_)) => {}
    }
    let mut chunks = Vec::new();
    for (base, chunk) in split_at_questions(&file.text) {
        match read_chunk(file, base, chunk, toml_reader::question_file) {
            Ok(questions) => chunks.push((base, questions)),
            Err(e) => errors.0.extend(e.errors().0),
        }
    }
    chunks
}

/// The text cut before each line that starts a `[[question]]` table.
fn split_at_questions(text: &str) -> Vec<(usize, &str)> {
    // The text before the first table goes with it: a comment at the top is no chunk.
    let mut starts = vec![0];
    let mut offset = 0;
    let mut seen_first = false;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with("[[question]]") {
            if seen_first {
                starts.push(offset);
            }
            seen_first = true;
        }
        offset += line.len();
    }
    starts.push(text.len());
    starts
        .windows(2)
        .map(|w| (w[0], &text[w[0]..w[1]]))
        .filter(|(_, chunk)| !chunk.trim().is_empty())
        .collect()
}

impl Manifest {
    pub fn parse(source: SourceFile) -> Result<Self, BankErrors> {
        let raw: RawManifest = read_chunk(&source, 0, &source.text, toml_reader::manifest)
            .map_err(ChunkError::errors)?;
        Ok(Manifest { source, raw })
    }

    pub fn name(&self) -> &str {
        &self.source.name
    }

    /// The fact sheet the manifest names (`fact_sheet = "…"`), as written.
    pub fn fact_sheet(&self) -> Option<&str> {
        let bank = self.raw.bank.as_ref()?.get_ref();
        Some(bank.fact_sheet.as_ref()?.get_ref().as_str())
    }

    /// The question files this manifest names, resolved beside it. The same check as the
    /// app's: plain relative paths inside the bank's folder (see `bank::path`).
    pub fn listed_files(&self) -> Result<Vec<ListedFile>, BankErrors> {
        let mut errors = BankErrors::default();
        let mut listed: Vec<ListedFile> = Vec::new();
        let files = self.raw.bank.as_ref().map(|b| &b.get_ref().files[..]);
        for file in files.unwrap_or_default() {
            let at = Location::at(&self.source.name, &self.source.text, file.span().start);
            let name = file.get_ref();
            let path = beside(&self.source.name, name);
            if let Err(why) = check_relative(name) {
                errors.push(at, format!("file {} is refused: {why}", quoted(name, 60)));
            } else if extension(name) != "toml" {
                errors.push(at, format!("file {} must end in .toml", quoted(name, 60)));
            } else if listed.iter().any(|l| l.path == path) {
                errors.push(at, format!("file {} is listed twice", quoted(name, 60)));
            } else {
                listed.push(ListedFile {
                    path,
                    listed_at: at,
                });
            }
        }
        if errors.is_empty() {
            Ok(listed)
        } else {
            Err(errors)
        }
    }
}

/// Parse and validate a manifest with its question files (in the order `listed_files` gave).
/// Every problem in every file is reported, not only the first.
pub fn load_bank(
    manifest: Manifest,
    files: Vec<SourceFile>,
    rules: Rules,
) -> Result<Bank, BankErrors> {
    let (validator, source, mut errors) = validate(manifest, &files, rules);
    let bank = validator.finish(&source, &mut errors);
    match bank {
        Some(bank) if errors.is_empty() => Ok(bank),
        _ => Err(errors),
    }
}

/// The validator after it has seen the manifest and every question of `files`, with the
/// manifest's file (to finish with) and the problems so far.
fn validate<'r>(
    manifest: Manifest,
    files: &[SourceFile],
    rules: Rules<'r>,
) -> (Validator<'r>, SourceFile, BankErrors) {
    let mut errors = BankErrors::default();
    let mut validator = Validator::new(rules);
    validator.manifest(&manifest.source, manifest.raw, &mut errors);
    for file in files {
        for (base, questions) in question_chunks(file, &mut errors) {
            validator.questions_at(file, base, questions, &mut errors);
        }
    }
    (validator, manifest.source, errors)
}

/// A bank checked for a preview beside its problems (the teacher's page).
#[derive(Debug, Clone)]
pub struct CheckedBank {
    /// The bank as far as it was built (its metadata, topics and sound questions): a bank
    /// to use only when `errors` is empty.
    pub partial: Option<Bank>,
    pub errors: BankErrors,
    /// Every question seen, in order, each with its count of problems.
    pub reports: Vec<QuestionReport>,
}

/// [`load_bank`], keeping each question's report and the bank as far as it was built. The
/// reports copy every sound question, so only the teacher's page asks for them.
pub fn check_bank(manifest: Manifest, files: Vec<SourceFile>, rules: Rules) -> CheckedBank {
    let (validator, source, mut errors) = validate(manifest, &files, rules);
    let reports = validator.reports();
    let partial = validator.finish(&source, &mut errors);
    CheckedBank {
        partial,
        errors,
        reports,
    }
}

/// Parse a whole bank whose files are all at hand (tests, the checker, benchmarks):
/// `read` gives the text of a path, or an error message.
pub fn load_bank_with(
    manifest_path: &str,
    read: impl Fn(&str) -> Result<String, String>,
    rules: Rules,
) -> Result<Bank, BankErrors> {
    let text = read(manifest_path).map_err(|why| {
        let mut e = BankErrors::default();
        e.push(Location::file_start(manifest_path), why);
        e
    })?;
    let manifest = Manifest::parse(SourceFile::new(manifest_path, text))?;
    let listed = manifest.listed_files()?;
    let mut files = Vec::new();
    let mut errors = BankErrors::default();
    for file in listed {
        match read(&file.path) {
            Ok(text) => files.push(SourceFile::new(file.path, text)),
            Err(why) => errors.push(
                file.listed_at,
                format!("cannot read \"{}\": {why}", file.path),
            ),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    load_bank(manifest, files, rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_cut_before_each_question_table() {
        let text = "# head\n[[question]]\nid = \"a\"\n\n  [[question]]\nid = \"b\"\n";
        let chunks = split_at_questions(text);
        assert_eq!(chunks.len(), 2);
        assert_eq!(chunks[0].0, 0);
        assert!(
            chunks[1]
                .1
                .trim_start()
                .starts_with("[[question]]\nid = \"b\"")
        );
    }

    #[test]
    fn syntax_hints_name_the_likely_mistake() {
        assert!(
            hint("string values must be quoted", "prompt = “Who?”")
                .unwrap()
                .contains("curly quotes")
        );
        assert!(
            hint(
                "unexpected key or value, expected newline, `#`",
                "prompt = 'It's'"
            )
            .unwrap()
            .contains("apostrophe")
        );
        assert!(
            hint("string values must be quoted", "prompt = Who")
                .unwrap()
                .contains("in quotes")
        );
    }
}
