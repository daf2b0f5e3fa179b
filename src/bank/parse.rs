//! Reading bank files: TOML syntax and shape, the list of files a manifest names, and the
//! assembly of a whole bank. Fetching or reading the files is the caller's job.

use super::error::{BankErrors, Location};
use super::facts::FactSheet;
use super::model::Bank;
use super::raw::{self, Problems, RawManifest};
use super::validate::Validator;

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

fn syntax_error(file: &SourceFile, error: toml::de::Error) -> BankErrors {
    let offset = error.span().map_or(0, |span| span.start);
    let mut errors = BankErrors::default();
    let message = error.message().trim().replace('\n', " ");
    errors.push(Location::at(&file.name, &file.text, offset), message);
    errors
}

/// Parse a file's TOML and read its shape with `read`; any problem fails the file.
fn read_file<T>(
    file: &SourceFile,
    read: impl FnOnce(&toml::de::DeTable, &mut Problems) -> T,
) -> Result<T, BankErrors> {
    let document = toml::de::DeTable::parse(&file.text).map_err(|e| syntax_error(file, e))?;
    let mut problems = Problems::new();
    let value = read(document.get_ref(), &mut problems);
    if problems.is_empty() {
        return Ok(value);
    }
    problems.sort_by_key(|(offset, _)| *offset);
    let mut errors = BankErrors::default();
    for (offset, message) in problems {
        errors.push(Location::at(&file.name, &file.text, offset), message);
    }
    Err(errors)
}

impl Manifest {
    pub fn parse(source: SourceFile) -> Result<Self, BankErrors> {
        let raw: RawManifest = read_file(&source, raw::manifest)?;
        Ok(Manifest { source, raw })
    }

    pub fn name(&self) -> &str {
        &self.source.name
    }

    /// The question files this manifest names, resolved beside it.
    pub fn listed_files(&self) -> Result<Vec<ListedFile>, BankErrors> {
        let dir = match self.source.name.rfind('/') {
            Some(i) => &self.source.name[..=i],
            None => "",
        };
        let mut errors = BankErrors::default();
        let mut listed = Vec::new();
        let files = self.raw.bank.as_ref().map(|b| &b.get_ref().files[..]);
        for file in files.unwrap_or_default() {
            let at = Location::at(&self.source.name, &self.source.text, file.span().start);
            let name = file.get_ref();
            let safe = !name.is_empty()
                && !name.starts_with('/')
                && !name.contains('\\')
                && !name.contains("://")
                && name.split('/').all(|part| part != ".." && part != ".");
            if !safe {
                errors.push(
                    at,
                    format!(
                        "file \"{name}\" must be a relative path beside index.toml, without \"..\""
                    ),
                );
            } else if !name.ends_with(".toml") {
                errors.push(at, format!("file \"{name}\" must end in .toml"));
            } else if listed
                .iter()
                .any(|l: &ListedFile| l.path.ends_with(&format!("/{name}")) || l.path == *name)
            {
                errors.push(at, format!("file \"{name}\" is listed twice"));
            } else {
                listed.push(ListedFile {
                    path: format!("{dir}{name}"),
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
///
/// `facts`, when given, also checks every fact and error id against the fact sheet.
/// Every problem in every file is reported, not only the first.
pub fn load_bank(
    manifest: Manifest,
    files: Vec<SourceFile>,
    facts: Option<&FactSheet>,
) -> Result<Bank, BankErrors> {
    load_bank_on(manifest, files, facts, None)
}

/// As [`load_bank`], also refusing review dates after `today`.
pub fn load_bank_on(
    manifest: Manifest,
    files: Vec<SourceFile>,
    facts: Option<&FactSheet>,
    today: Option<crate::calendar::Date>,
) -> Result<Bank, BankErrors> {
    let mut errors = BankErrors::default();
    let mut validator = Validator::new(facts);
    validator.today = today;
    validator.manifest(&manifest.source, manifest.raw, &mut errors);
    for file in &files {
        match read_file(file, raw::question_file) {
            Ok(questions) => validator.questions(file, questions, &mut errors),
            Err(e) => errors.0.extend(e.0),
        }
    }
    let bank = validator.finish(&manifest.source, &mut errors);
    match bank {
        Some(bank) if errors.is_empty() => Ok(bank),
        _ => Err(errors),
    }
}

/// Parse a whole bank whose files are all at hand (tests, the checker, benchmarks):
/// `read` gives the text of a path, or an error message.
pub fn load_bank_with(
    manifest_path: &str,
    read: impl Fn(&str) -> Result<String, String>,
    facts: Option<&FactSheet>,
) -> Result<Bank, BankErrors> {
    load_bank_with_on(manifest_path, read, facts, None)
}

/// As [`load_bank_with`], also refusing review dates after `today`.
pub fn load_bank_with_on(
    manifest_path: &str,
    read: impl Fn(&str) -> Result<String, String>,
    facts: Option<&FactSheet>,
    today: Option<crate::calendar::Date>,
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
    load_bank_on(manifest, files, facts, today)
}
