//! The teacher page's Questions area, its pure part: the files a teacher drops or chooses (the
//! TOML files of one bank with its index.toml, or one GIFT, Aiken, CSV or Moodle XML file)
//! checked by the one validator, with every problem placed beside the question it is in and
//! what an import left out or changed. The same calls as `bank check` and `bank convert`.

use crate::bank::{
    Bank, BankError, BankErrors, FactSheet, Location, MANIFEST, Manifest, Question, Rules,
    SourceFile, Topic, check_bank,
};
use crate::interchange::{self, Format, Skipped};
use crate::text::{Language, count, escape_controls, quoted};

/// A file the teacher brought: its name (with its folder, when the browser gives one) and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BroughtFile {
    pub name: String,
    pub text: String,
}

impl BroughtFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        BroughtFile {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// One question as the files give it, with the problems found in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Where the question starts.
    pub at: Location,
    /// Its id, when it has a readable one.
    pub id: Option<String>,
    /// The question, when it has no problem of its own.
    pub question: Option<Question>,
    /// Its problems, in file order.
    pub problems: Vec<BankError>,
}

/// The files checked: what they were read as, every problem, and every question.
#[derive(Debug, Clone, PartialEq)]
pub struct BankCheck {
    /// What was read, in words: "GIFT: quiz.gift", "Accord TOML: index.toml and 2 question files".
    pub read_as: String,
    /// The format read, if any file could be read at all.
    pub format: Option<Format>,
    /// The bank, when nothing is wrong: what the downloads are made from.
    pub bank: Option<Bank>,
    /// Every problem, as `file:line:column: message`, in file order.
    pub problems: Vec<BankError>,
    /// Every question, in file order, each with its problems.
    pub entries: Vec<Entry>,
    /// Problems inside no question (the manifest, a file as a whole, a missing file).
    pub general: Vec<BankError>,
    /// What an import could not bring in, and what it brought in with a difference.
    pub skipped: Vec<Skipped>,
    pub changed: Vec<Skipped>,
    /// Things to know that are not problems: files not read and why, the fact sheet used.
    pub notes: Vec<String>,
    /// Why the files could not be had at all (the site's bank could not be fetched): then
    /// nothing was checked.
    pub unread: Vec<String>,
    /// The bank's topics (as the files name them), for the preview's headings.
    pub topics: Vec<Topic>,
    /// The bank's language tag, for numbers in answers.
    pub language: String,
}

impl BankCheck {
    fn empty(read_as: impl Into<String>) -> Self {
        BankCheck {
            read_as: read_as.into(),
            format: None,
            bank: None,
            problems: Vec::new(),
            entries: Vec::new(),
            general: Vec::new(),
            skipped: Vec::new(),
            changed: Vec::new(),
            notes: Vec::new(),
            unread: Vec::new(),
            topics: Vec::new(),
            language: "en".to_string(),
        }
    }

    fn refuse(read_as: &str, file: &str, message: String) -> Self {
        let mut check = BankCheck::empty(read_as);
        let error = BankError {
            location: Location::file_start(file),
            message,
        };
        check.problems.push(error.clone());
        check.general.push(error);
        check
    }

    /// The bank at `path` could not be fetched, for these reasons (each a line of the reader's).
    pub fn not_fetched(path: &str, problems: Vec<String>) -> Self {
        let mut check = BankCheck::empty(format!("The bank at {}", escape_controls(path)));
        check.unread = problems;
        check
    }

    /// The title of topic `id`, or the id itself.
    pub fn topic_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.topics
            .iter()
            .find(|t| t.id == id)
            .map_or(id, |t| t.title.as_str())
    }

    pub fn language(&self) -> Language {
        Language::from_tag(&self.language)
    }

    /// One line for the teacher: "12 questions, no problems." or "12 questions, 3 with
    /// problems; 5 problems in all."
    pub fn summary(&self) -> String {
        let questions = count(
            self.entries.len() as u64,
            "question",
            "questions",
            Language::English,
        );
        if !self.unread.is_empty() {
            return "The bank's files could not be read, so nothing was checked.".to_string();
        }
        let problems = count(
            self.problems.len() as u64,
            "problem",
            "problems",
            Language::English,
        );
        if self.entries.is_empty() {
            return format!("No question could be read; {problems}.");
        }
        if self.problems.is_empty() {
            return format!("{questions}, no problems: the bank is ready to use.");
        }
        let with = self
            .entries
            .iter()
            .filter(|e| !e.problems.is_empty())
            .count();
        format!(
            "{questions}, {with} with problems; {problems} in all. Nothing can be downloaded until they are fixed."
        )
    }
}

/// The last part of a path: `topics/one.toml` → `one.toml`.
fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn is_toml(file: &BroughtFile) -> bool {
    Format::of_path(&file.name) == Some(Format::Toml)
}

/// Whether a TOML file is a manifest: named index.toml, or with a `[bank]` table.
fn is_manifest(file: &BroughtFile) -> bool {
    base_name(&file.name) == MANIFEST || file.text.lines().any(|l| l.trim() == "[bank]")
}

/// Check the files a teacher brought, with `rules` (the page passes today's date, as the
/// checker does). Never fails: whatever is wrong is in the answer's problems.
pub fn check_files(files: &[BroughtFile], rules: Rules) -> BankCheck {
    if files.is_empty() {
        return BankCheck::refuse("no file", "", "no file was given".to_string());
    }
    if files.iter().any(is_toml) {
        return check_toml(files, rules);
    }
    let mut notes = Vec::new();
    let mut chosen = None;
    for file in files {
        match Format::detect(&file.name, &file.text) {
            Some(_) if chosen.is_some() => notes.push(format!(
                "{} was not read: one file in another format is checked at a time.",
                quoted(&file.name, 80)
            )),
            Some(format) => chosen = Some((format, file)),
            None => notes.push(format!(
                "{} was not read: it is not a question file Accord reads (name it .toml, .gift, .aiken, .csv or .xml).",
                quoted(&file.name, 80)
            )),
        }
    }
    let Some((format, file)) = chosen else {
        let mut check = BankCheck::refuse(
            "no question file",
            &files[0].name,
            "none of these files is a question file: Accord reads a TOML bank (its index.toml with its question files), GIFT, Aiken, CSV and Moodle XML".to_string(),
        );
        check.notes = notes;
        return check;
    };
    let mut check = check_import(format, file, rules);
    check.notes.extend(notes);
    check
}

fn check_import(format: Format, file: &BroughtFile, rules: Rules) -> BankCheck {
    let read_as = format!("{}: {}", format.label(), escape_controls(&file.name));
    let source = SourceFile::new(&file.name, file.text.as_str());
    let imported = match interchange::read(format, source) {
        Ok(imported) => imported,
        Err(errors) => {
            let mut check = BankCheck::empty(read_as);
            check.format = Some(format);
            check.general = errors.0.clone();
            check.problems = errors.0;
            return check;
        }
    };
    let checked = interchange::check_imported(&imported, rules);
    let meta = interchange::meta_of(&imported);
    let mut check = BankCheck::empty(read_as);
    check.format = Some(format);
    check.language = meta.language;
    check.topics = imported.topics.clone();
    check.skipped = imported.skipped.clone();
    check.changed = imported.changed.clone();
    place(
        &mut check,
        checked.errors,
        checked.reports,
        std::slice::from_ref(&file.name),
    );
    check.bank = checked.bank;
    check
}

/// A TOML bank: its manifest (index.toml, or the one file with `[bank]`), the question files
/// it lists (found among the files by their path, else by their name), and its fact sheet if
/// it names one and the teacher brought it.
fn check_toml(files: &[BroughtFile], rules: Rules) -> BankCheck {
    let manifests: Vec<&BroughtFile> = files
        .iter()
        .filter(|f| is_toml(f) && is_manifest(f))
        .collect();
    let Some(&manifest_file) = manifests.first() else {
        let names: Vec<String> = files.iter().map(|f| quoted(&f.name, 60)).collect();
        return BankCheck::refuse(
            "Accord TOML",
            &files[0].name,
            if names.len() == 1 {
                format!(
                    "{} is a question file without its bank's index.toml: choose or drop index.toml together with it",
                    names[0]
                )
            } else {
                format!(
                    "{} are question files without their bank's index.toml: choose or drop index.toml together with them",
                    names.join(", ")
                )
            },
        );
    };
    let mut notes = Vec::new();
    for extra in &manifests[1..] {
        notes.push(format!(
            "{} was not read: it is another bank's manifest, and one bank is checked at a time.",
            quoted(&extra.name, 80)
        ));
    }
    let manifest_source = SourceFile::new(&manifest_file.name, manifest_file.text.as_str());
    let manifest = match Manifest::parse(manifest_source) {
        Ok(manifest) => manifest,
        Err(errors) => {
            let mut check = BankCheck::empty(format!(
                "Accord TOML: {}",
                escape_controls(&manifest_file.name)
            ));
            check.format = Some(Format::Toml);
            check.general = errors.0.clone();
            check.problems = errors.0;
            return check;
        }
    };
    let mut missing = BankErrors::default();
    let mut sources = Vec::new();
    let mut used: Vec<&str> = vec![manifest_file.name.as_str()];
    let listed = match manifest.listed_files() {
        Ok(listed) => listed,
        Err(errors) => {
            missing.0.extend(errors.0);
            Vec::new()
        }
    };
    for file in &listed {
        match find(files, &file.path) {
            Some(found) => {
                used.push(found.name.as_str());
                sources.push(SourceFile::new(&file.path, found.text.as_str()));
            }
            None => missing.push(
                file.listed_at.clone(),
                format!(
                    "{} is not among the files given: choose or drop it together with {}",
                    quoted(&file.path, 80),
                    base_name(&manifest_file.name)
                ),
            ),
        }
    }
    let sheet_file = manifest
        .fact_sheet()
        .map(|named| (named.to_string(), find(files, named)));
    let sheet = sheet_file
        .as_ref()
        .and_then(|(_, found)| found.map(|f| FactSheet::parse(&f.text)));
    match &sheet_file {
        Some((named, Some(found))) => {
            used.push(found.name.as_str());
            notes.push(format!(
                "Fact ids, error ids and source links were checked against the fact sheet {}.",
                quoted(named, 80)
            ));
        }
        Some((named, None)) => notes.push(format!(
            "The bank names the fact sheet {}; bring it with the files to check fact ids and links against it (they were checked for form only).",
            quoted(named, 80)
        )),
        None => {}
    }
    for file in files {
        if !used.contains(&file.name.as_str()) {
            notes.push(format!(
                "{} was not read: {}",
                quoted(&file.name, 80),
                if is_toml(file) {
                    "index.toml does not list it in its files."
                } else {
                    "a TOML bank is checked on its own; check a file in another format by itself."
                }
            ));
        }
    }
    let read_as = format!(
        "Accord TOML: {}{}",
        escape_controls(base_name(&manifest_file.name)),
        match sources.len() {
            0 => String::new(),
            n => format!(
                " and {}",
                count(
                    n as u64,
                    "question file",
                    "question files",
                    Language::English
                )
            ),
        }
    );
    let rules = Rules {
        facts: sheet.as_ref(),
        ..rules
    };
    let mut order = vec![manifest_file.name.clone()];
    order.extend(sources.iter().map(|s| s.name.clone()));
    let checked = check_bank(manifest, sources, rules);
    let mut check = BankCheck::empty(read_as);
    check.format = Some(Format::Toml);
    check.notes = notes;
    let mut errors = missing;
    errors.0.extend(checked.errors.0);
    if let Some(bank) = checked.partial {
        check.topics = bank.topics.clone();
        check.language = bank.meta.language.clone();
        check.bank = errors.is_empty().then_some(bank);
    }
    place(&mut check, errors, checked.reports, &order);
    check
}

/// The file at `path`: by its full name, else the one file with its base name.
fn find<'f>(files: &'f [BroughtFile], path: &str) -> Option<&'f BroughtFile> {
    let path = path.trim_start_matches("./");
    if let Some(exact) = files
        .iter()
        .find(|f| f.name.trim_start_matches("./") == path)
    {
        return Some(exact);
    }
    let mut by_name = files
        .iter()
        .filter(|f| base_name(&f.name) == base_name(path));
    match (by_name.next(), by_name.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// The question a message names, when it starts as the validator and the readers start
/// their messages about one question: `question "id": …`.
fn named_question(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("question \"")?;
    let end = rest.find("\": ")?;
    Some(&rest[..end])
}

/// Put each problem beside the question it belongs to, the rest in `general`; every problem
/// also in `problems`, file by file in `order` (the order the bank reads them), then by line
/// and column. A question takes as many problems as the validator found in it (its report's
/// count): first those that name it, then the ones after its start. A problem naming a
/// question the reader could not make at all (a GIFT question with an unclosed `{`) makes an
/// entry of its own, with no question to show.
fn place(
    check: &mut BankCheck,
    errors: BankErrors,
    reports: Vec<crate::bank::QuestionReport>,
    order: &[String],
) {
    let mut room: Vec<usize> = reports.iter().map(|r| r.problems).collect();
    check.entries = reports
        .into_iter()
        .map(|r| Entry {
            at: r.at,
            id: r.id,
            question: r.question,
            problems: Vec::new(),
        })
        .collect();
    let reported = check.entries.len();
    let mut all = errors.0;
    let rank = |file: &str| order.iter().position(|f| f == file).unwrap_or(order.len());
    all.sort_by_key(|e| (rank(&e.location.file), e.location.line, e.location.column));
    for error in &all {
        let here = (error.location.line, error.location.column);
        let file = &error.location.file;
        let named = named_question(&error.message);
        let entries = &check.entries;
        let open = |i: &usize| entries[*i].at.file == *file && room[*i] > 0;
        let starts_before = |i: &usize| (entries[*i].at.line, entries[*i].at.column) <= here;
        let by_name = named.and_then(|id| {
            let mine = || {
                (0..reported)
                    .filter(open)
                    .filter(|&i| entries[i].id.as_deref() == Some(id))
            };
            mine().rfind(starts_before).or_else(|| mine().next())
        });
        let by_place = || (0..reported).filter(open).rfind(starts_before);
        if let Some(i) = by_name.or_else(by_place) {
            room[i] -= 1;
            check.entries[i].problems.push(error.clone());
            continue;
        }
        let Some(id) = named else {
            check.general.push(error.clone());
            continue;
        };
        let unread = (reported..check.entries.len()).find(|&i| {
            check.entries[i].at.file == *file && check.entries[i].id.as_deref() == Some(id)
        });
        match unread {
            Some(i) => check.entries[i].problems.push(error.clone()),
            None => check.entries.push(Entry {
                at: error.location.clone(),
                id: Some(id.to_string()),
                question: None,
                problems: vec![error.clone()],
            }),
        }
    }
    check
        .entries
        .sort_by_key(|e| (rank(&e.at.file), e.at.line, e.at.column));
    check.problems = all;
}
