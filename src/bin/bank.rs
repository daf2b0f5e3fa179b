//! The `bank` command: check a question bank with the app's own validator, count its
//! questions, and (with the interchange and results modules) convert, export and analyse.
//! Run `bank --help` for the commands.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use accord::bank::{
    Bank, FactSheet, MANIFEST, Manifest, QuestionType, Rules, SourceFile, load_bank,
};
use accord::calendar::{Date, LocalTime};
use accord::interchange::{self, Exported, Format, TomlLayout};
use accord::text::escape_controls;

// The `scorm` command lives beside this file, so each command stays in its own file.
#[path = "bank/results.rs"]
mod results;
#[path = "bank/scorm.rs"]
mod scorm;

const HELP: &str = "\
bank: check and inspect Accord question banks.

usage:
  bank check <bank> [--facts <facts.md> | --no-facts]
      Check every file of a bank with the app's own validator and list every problem as
      file:line:column: what is wrong. <bank> is the bank's folder or its index.toml.
      A bank whose index.toml names a fact sheet (fact_sheet = \"…\") is checked against
      it: fact ids, error ids and source links must be in the sheet. The sheet is looked
      for at that path, relative to index.toml; --facts gives another path, --no-facts
      skips the sheet. Other banks are never checked against a fact sheet.
      <bank> may also be one file in another format (GIFT, Aiken, CSV, Moodle XML: see
      convert): it is checked as the app reads it, with what it leaves out listed.
  bank stats <bank>
      Count the questions by topic, type and difficulty.
  bank convert <file> [--to toml|gift|xml] [--out <folder-or-file>] [--force]
      Read a quiz from another format, check it with the same validator, and write it out.
      <file> is GIFT (.gift, or Moodle's .txt), Aiken (.aiken or .txt), CSV (.csv, .tsv:
      Accord's template, Kahoot's spreadsheet or term/definition cards) or Moodle XML
      (.xml); a .txt file's format is told from its text. A TOML bank (its folder or
      index.toml) is read too. Problems are listed as file:line:column: what is wrong;
      what could not be brought in, and what changed on the way, are listed after them.
      --to     the format to write: toml (the default), gift or xml.
      --out    where to write. For toml, a folder (index.toml and one file per topic) or a
               file ending in .toml (the whole bank in one file); without --out, a folder
               named after <file>, beside it. For gift and xml, a file; without --out,
               <file> with the new extension, beside it.
      --force  write over files that are already there (otherwise refused).
  bank export <bank> --to gift|xml [--out <file>] [--force]
      Write a bank as GIFT or Moodle XML, to carry it into Moodle. Without --out it goes to
      standard output. Questions the format cannot hold (GIFT has no ordering, and one gap
      per fill-in-the-blanks) are listed, with what changed for the others.
  bank bundle <bank> --out <file>
      Check the bank, then write its files (their exact text) into one JSON file that the app
      loads in a single request. The build writes questions/bundle.json this way.
  bank scorm --site <dist> --assignment <code, link or file> --version 1.2|2004
             --out <file.zip> [--title <text>] [--pass <percent>]
      Package an assignment as a SCORM 1.2 or SCORM 2004 (4th edition) package to upload to
      an LMS, as the teacher's page does: from a built site (<dist>), the SCORM page's files
      (the list in scorm-files.json), the files of the assignment's bank (its folder) and
      the assignment. Its imsmanifest.xml launches scorm.html?scorm=<version>&a=<code>.
      --assignment takes the assignment's code or student link, or a file holding it on one
      line. The title and pass mark are the assignment's; --title and --pass (0-100) give
      others. A sealed exam gives the LMS no pass mark: only the teacher knows its score.
  bank results --assignment <code, link or file> --bank <folder> [--issued <code>]...
               [--csv gradebook|items] <result files or files of codes>...
      A class's results of one assignment: each result regraded with the bank's own key
      (a credit in a file is never trusted) and flagged when it deserves a look (another
      assignment's, conditions that differ, extra time not issued, questions changed). Prints
      the class table, or with --csv the gradebook or the item analysis. --issued gives the
      accommodation code of each student link you issued.
  bank --help
      This text.

exit status: 0 when the bank is valid, 1 when it has problems, 2 for a usage error.";

/// Where the fact sheet comes from.
enum FactsChoice {
    /// As the manifest says (the default).
    FromManifest,
    Given(PathBuf),
    Skip,
}

/// What `convert` and `export` write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Toml,
    Gift,
    Xml,
}

impl Target {
    fn extension(self) -> &'static str {
        match self {
            Target::Toml => "toml",
            Target::Gift => "gift",
            Target::Xml => "xml",
        }
    }
}

struct Args {
    command: String,
    bank: String,
    facts: FactsChoice,
    to: Option<Target>,
    out: Option<PathBuf>,
    force: bool,
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("bank: {message}\n\n{HELP}");
    ExitCode::from(2)
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut iter = args.iter();
    let command = iter.next().ok_or("no command given")?.clone();
    if !matches!(
        command.as_str(),
        "check" | "stats" | "convert" | "export" | "bundle"
    ) {
        return Err(format!("unknown command \"{}\"", escape_controls(&command)));
    }
    let writes = matches!(command.as_str(), "convert" | "export" | "bundle");
    let mut bank = None;
    let mut facts = FactsChoice::FromManifest;
    let mut to = None;
    let mut out = None;
    let mut force = false;
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--facts" if command == "check" => {
                let path = iter.next().ok_or("--facts needs a file")?;
                facts = FactsChoice::Given(PathBuf::from(path));
            }
            "--no-facts" if command == "check" => facts = FactsChoice::Skip,
            "--to" if writes => {
                let name = iter
                    .next()
                    .ok_or("--to needs a format: toml, gift or xml")?;
                to = Some(match (name.as_str(), command.as_str()) {
                    ("toml", "convert") => Target::Toml,
                    ("gift", _) => Target::Gift,
                    ("xml", _) => Target::Xml,
                    (other, _) => {
                        let formats = if command == "convert" {
                            "toml, gift or xml"
                        } else {
                            "gift or xml"
                        };
                        return Err(format!(
                            "--to {}: {command} writes {formats}",
                            escape_controls(other)
                        ));
                    }
                });
            }
            "--out" if writes => {
                out = Some(PathBuf::from(
                    iter.next().ok_or("--out needs a folder or a file")?,
                ));
            }
            "--force" if writes => force = true,
            option if option.starts_with('-') => {
                return Err(format!(
                    "unknown option \"{}\" for {command}",
                    escape_controls(option)
                ));
            }
            path if bank.is_none() => bank = Some(path.to_string()),
            extra => {
                return Err(format!(
                    "unexpected argument \"{}\"",
                    escape_controls(extra)
                ));
            }
        }
    }
    if command == "bundle" && out.is_none() {
        return Err("bundle needs --out <file>".to_string());
    }
    if command == "export" && to.is_none() {
        return Err("export needs --to gift or --to xml".to_string());
    }
    let missing = if command == "convert" {
        "no file given: name the quiz file to convert"
    } else {
        "no bank given: name its folder or its index.toml"
    };
    Ok(Args {
        command,
        bank: bank.ok_or(missing)?,
        facts,
        to,
        out,
        force,
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "scorm") {
        return scorm::run(&args[1..]);
    }
    if args.first().is_some_and(|a| a == "results") {
        return results::run(&args[1..]);
    }
    if args.iter().any(|a| a == "--help" || a == "-h") || args.is_empty() {
        println!("{HELP}");
        return if args.is_empty() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let args = match parse_args(&args) {
        Ok(args) => args,
        Err(message) => return usage_error(&message),
    };
    match args.command.as_str() {
        "convert" => return convert(&args),
        "export" => return export(&args),
        _ => {}
    }
    // A file in another format (GIFT, Aiken, CSV, Moodle XML) is checked as an import would
    // read it: the same validator, with what it leaves out listed.
    if matches!(args.command.as_str(), "check" | "stats") && !is_toml_bank(Path::new(&args.bank)) {
        return match load_any(&args.bank) {
            Ok(bank) if args.command == "check" => {
                println!(
                    "{}: OK, {}.",
                    escape_controls(&args.bank),
                    questions_in_topics(&bank)
                );
                ExitCode::SUCCESS
            }
            Ok(bank) => {
                print!("{}", stats(&bank));
                ExitCode::SUCCESS
            }
            Err(report) => {
                eprint!("{report}");
                ExitCode::FAILURE
            }
        };
    }
    let manifest_path = match manifest_path(&args.bank) {
        Ok(path) => path,
        Err(message) => {
            eprintln!("bank: {message}");
            return ExitCode::FAILURE;
        }
    };
    let (bank, sheet_note, files) = match load(&manifest_path, &args.facts) {
        Ok(loaded) => loaded,
        Err(report) => {
            eprint!("{report}");
            return ExitCode::FAILURE;
        }
    };
    match args.command.as_str() {
        "check" => {
            println!(
                "{}: OK, {} ({sheet_note}).",
                manifest_path.display(),
                questions_in_topics(&bank)
            );
        }
        "bundle" => {
            let out = args.out.as_deref().unwrap_or(Path::new("bundle.json"));
            if let Err(e) = std::fs::write(out, bundle_json(&bank, &files)) {
                eprintln!("bank: cannot write {}: {e}", out.display());
                return ExitCode::FAILURE;
            }
            println!(
                "{}: {} files, {} questions bundled.",
                out.display(),
                files.len(),
                bank.questions.len()
            );
        }
        _ => print!("{}", stats(&bank)),
    }
    ExitCode::SUCCESS
}

/// The bundle the app loads: the compiled bank, with a stamp of every file it came from (the
/// manifest first, with paths as the page names them: `questions/index.toml`), so the page can
/// tell when a teacher has edited them since the build.
fn bundle_json(bank: &accord::bank::Bank, files: &[SourceFile]) -> String {
    let files: Vec<SourceFile> = files
        .iter()
        .map(|f| SourceFile::new(f.name.trim_start_matches("./"), f.text.as_str()))
        .collect();
    accord::bank::compiled::encode(bank, &files)
}

/// "12 questions in 1 topic", in English (the checker's own language).
fn questions_in_topics(bank: &accord::bank::Bank) -> String {
    use accord::text::{Language, count};
    format!(
        "{} in {}",
        count(
            bank.questions.len() as u64,
            "question",
            "questions",
            Language::English
        ),
        count(
            bank.topics.len() as u64,
            "topic",
            "topics",
            Language::English
        )
    )
}

/// The manifest of `bank`: the folder's index.toml, or the file itself.
fn manifest_path(bank: &str) -> Result<PathBuf, String> {
    let path = Path::new(bank);
    if path.is_dir() {
        let manifest = path.join(MANIFEST);
        if manifest.is_file() {
            return Ok(manifest);
        }
        return Err(format!(
            "{} has no {MANIFEST}: a bank's folder starts with its manifest",
            escape_controls(bank)
        ));
    }
    if path.is_file() {
        if path.file_name().is_some_and(|n| n == MANIFEST) {
            return Ok(path.to_path_buf());
        }
        return Err(format!(
            "{} is a file, not a bank: give the bank's folder or its {MANIFEST}",
            escape_controls(bank)
        ));
    }
    Err(format!("{} does not exist", escape_controls(bank)))
}

/// Load and check the bank; the text on failure lists every problem.
fn load(
    manifest_path: &Path,
    facts: &FactsChoice,
) -> Result<(Bank, String, Vec<SourceFile>), String> {
    let read = |path: &Path| std::fs::read_to_string(path).map_err(|e| e.to_string());
    let name = manifest_path.to_string_lossy().to_string();
    let text = read(manifest_path).map_err(|e| format!("{name}: cannot read: {e}\n"))?;
    let problems = |errors: accord::bank::BankErrors| {
        format!("{}{} problem(s) found.\n", errors, errors.len())
    };
    let manifest_file = SourceFile::new(&name, text);
    let manifest = Manifest::parse(manifest_file.clone()).map_err(problems)?;
    let sheet_path = match (facts, manifest.fact_sheet()) {
        (FactsChoice::Skip, _) | (_, None) => None,
        (FactsChoice::Given(path), Some(_)) => Some(path.clone()),
        (FactsChoice::FromManifest, Some(named)) => {
            Some(manifest_path.parent().unwrap_or(Path::new(".")).join(named))
        }
    };
    let sheet = match &sheet_path {
        Some(path) if path.is_file() => {
            Some(FactSheet::parse(&read(path).map_err(|e| {
                format!("cannot read the fact sheet {}: {e}\n", path.display())
            })?))
        }
        _ => None,
    };
    let note = match (&sheet_path, &sheet, manifest.fact_sheet()) {
        (_, _, None) => "the bank names no fact sheet".to_string(),
        (Some(path), Some(_), _) => {
            format!(
                "fact and error ids and links checked against {}",
                path.display()
            )
        }
        (Some(path), None, _) => format!(
            "the fact sheet {} was not found, so fact ids were checked for form only",
            path.display()
        ),
        (None, _, _) => "fact sheet skipped (--no-facts)".to_string(),
    };
    let listed = manifest.listed_files().map_err(problems)?;
    let mut files = Vec::new();
    let mut errors = accord::bank::BankErrors::default();
    for file in listed {
        match read(Path::new(&file.path)) {
            Ok(text) => files.push(SourceFile::new(file.path, text)),
            Err(why) => errors.push(
                file.listed_at,
                format!("cannot read \"{}\": {why}", escape_controls(&file.path)),
            ),
        }
    }
    if !errors.is_empty() {
        return Err(problems(errors));
    }
    let rules = Rules {
        facts: sheet.as_ref(),
        today: Some(today()),
    };
    let mut all = vec![manifest_file];
    all.extend(files.iter().cloned());
    let bank = load_bank(manifest, files, rules).map_err(problems)?;
    Ok((bank, note, all))
}

/// Today's date where it is latest: "today" anywhere on Earth is at most UTC+14, so no
/// review date a teacher writes today is refused as in the future.
fn today() -> Date {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    LocalTime::new(now, 14 * 60).date()
}

/// Whether `path` names a TOML bank: a folder, or a `.toml` file.
fn is_toml_bank(path: &Path) -> bool {
    path.is_dir() || path.extension().is_some_and(|e| e == "toml")
}

/// Load any input of `convert`: a TOML bank, or a file in another format (checked, with
/// its skipped and changed items listed on standard error).
fn load_any(input: &str) -> Result<Bank, String> {
    let path = Path::new(input);
    if is_toml_bank(path) {
        let manifest = manifest_path(input).map_err(|m| format!("bank: {m}\n"))?;
        return load(&manifest, &FactsChoice::FromManifest).map(|(bank, _, _)| bank);
    }
    if !path.is_file() {
        return Err(format!("bank: {} does not exist\n", escape_controls(input)));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| format!("bank: cannot read {}: {e}\n", escape_controls(input)))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "bank: {} is not UTF-8 text: save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\")\n",
            escape_controls(input)
        )
    })?;
    let format = Format::detect(input, &text).ok_or_else(|| {
        format!(
            "bank: cannot tell the format of {}: name it .gift, .aiken, .csv or .xml\n",
            escape_controls(input)
        )
    })?;
    let problems = |errors: accord::bank::BankErrors| {
        format!("{}{} problem(s) found.\n", errors, errors.len())
    };
    let imported = interchange::read(format, SourceFile::new(input, text)).map_err(problems)?;
    for (title, list) in [
        ("left out", &imported.skipped),
        ("changed", &imported.changed),
    ] {
        if !list.is_empty() {
            eprintln!("{title} ({}):", list.len());
            for item in list {
                eprintln!("  {}", escape_controls(&item.to_string()));
            }
        }
    }
    let rules = Rules {
        facts: None,
        today: Some(today()),
    };
    let checked = interchange::check_imported(&imported, rules);
    match checked.bank {
        Some(bank) => {
            eprintln!(
                "{}: read as {}, {}.",
                escape_controls(input),
                format.label(),
                questions_in_topics(&bank)
            );
            Ok(bank)
        }
        None => Err(problems(checked.errors)),
    }
}

/// Refuse to write over `path` unless `--force`.
fn check_free(path: &Path, force: bool) -> Result<(), String> {
    if path.exists() && !force {
        return Err(format!(
            "bank: {} is already there: give another --out, or --force to write over it",
            path.display()
        ));
    }
    Ok(())
}

fn write_file(path: &Path, text: &str, force: bool) -> Result<(), String> {
    check_free(path, force)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("bank: cannot make {}: {e}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("bank: cannot write {}: {e}", path.display()))
}

/// What a writer could not carry, on standard error.
fn report(exported: &Exported) {
    if !exported.left_out.is_empty() {
        eprintln!("not written ({}):", exported.left_out.len());
        for item in &exported.left_out {
            eprintln!("  {}", escape_controls(&item.to_string()));
        }
    }
    if !exported.changed.is_empty() {
        eprintln!("written with a difference ({}):", exported.changed.len());
        for item in &exported.changed {
            eprintln!("  {}", escape_controls(&item.to_string()));
        }
    }
    for note in &exported.notes {
        eprintln!("note: {note}");
    }
}

/// The default output beside `input`: its name up to the first dot, with `extension`
/// (none for a folder).
fn beside(input: &Path, extension: Option<&str>) -> PathBuf {
    let name = input
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let stem = name.split('.').find(|s| !s.is_empty()).unwrap_or("bank");
    let file = match extension {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem.to_string(),
    };
    input.parent().unwrap_or(Path::new(".")).join(file)
}

fn convert(args: &Args) -> ExitCode {
    let bank = match load_any(&args.bank) {
        Ok(bank) => bank,
        Err(report) => {
            eprint!("{report}");
            return ExitCode::FAILURE;
        }
    };
    let input = Path::new(&args.bank);
    let target = args.to.unwrap_or(Target::Toml);
    let result = match target {
        Target::Toml => write_toml_bank(&bank, input, args),
        Target::Gift | Target::Xml => {
            let exported = if target == Target::Gift {
                interchange::write_gift(&bank)
            } else {
                interchange::write_moodle_xml(&bank)
            };
            let out = args
                .out
                .clone()
                .unwrap_or_else(|| beside(input, Some(target.extension())));
            if out == input {
                Err("bank: the output would replace the input: give --out".to_string())
            } else {
                report(&exported);
                let written = bank.questions.len() - exported.left_out.len();
                write_file(&out, &exported.text, args.force)
                    .map(|()| format!("wrote {written} questions to {}", out.display()))
            }
        }
    };
    finish(result)
}

fn write_toml_bank(bank: &Bank, input: &Path, args: &Args) -> Result<String, String> {
    let out = args.out.clone().unwrap_or_else(|| beside(input, None));
    let single = out.extension().is_some_and(|e| e == "toml");
    if single {
        let files = interchange::write_toml(bank, TomlLayout::SingleFile);
        write_file(&out, &files[0].1, args.force)?;
    } else {
        let files = interchange::write_toml(bank, TomlLayout::Folder);
        check_free(&out.join(MANIFEST), args.force)?;
        for (name, text) in &files {
            write_file(&out.join(name), text, true)?;
        }
    }
    Ok(format!(
        "wrote {} to {}",
        questions_in_topics(bank),
        out.display()
    ))
}

fn export(args: &Args) -> ExitCode {
    let manifest = match manifest_path(&args.bank) {
        Ok(path) => path,
        Err(message) => {
            eprintln!("bank: {message}");
            return ExitCode::FAILURE;
        }
    };
    let bank = match load(&manifest, &FactsChoice::FromManifest) {
        Ok((bank, _, _)) => bank,
        Err(report) => {
            eprint!("{report}");
            return ExitCode::FAILURE;
        }
    };
    let exported = match args.to {
        Some(Target::Xml) => interchange::write_moodle_xml(&bank),
        _ => interchange::write_gift(&bank),
    };
    report(&exported);
    match &args.out {
        None => {
            print!("{}", exported.text);
            ExitCode::SUCCESS
        }
        Some(out) => finish(write_file(out, &exported.text, args.force).map(|()| {
            format!(
                "wrote {} questions to {}",
                bank.questions.len() - exported.left_out.len(),
                out.display()
            )
        })),
    }
}

fn finish(result: Result<String, String>) -> ExitCode {
    match result {
        Ok(done) => {
            println!("{done}");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("{why}");
            ExitCode::FAILURE
        }
    }
}

fn stats(bank: &Bank) -> String {
    let n = bank.questions.len();
    let percent = |k: usize| accord::text::percent_of(k as u64, n as u64);
    let mut out = format!("{} — {n} questions\n\nBy topic:\n", bank.meta.title);
    for (topic, count) in bank.topic_counts() {
        out.push_str(&format!("  {:<28} {count:>4}\n", topic.id));
    }
    out.push_str("\nBy type:\n");
    let mut by_type: BTreeMap<QuestionType, usize> =
        QuestionType::ALL.iter().map(|t| (*t, 0)).collect();
    for q in &bank.questions {
        *by_type.entry(q.kind.question_type()).or_default() += 1;
    }
    for t in QuestionType::ALL {
        out.push_str(&format!("  {:<28} {:>4}\n", t.name(), by_type[&t]));
    }
    out.push_str("\nBy difficulty:\n");
    for (level, label) in [
        (Some(1u8), "easy"),
        (Some(2), "medium"),
        (Some(3), "hard"),
        (None, "not given"),
    ] {
        let k = bank
            .questions
            .iter()
            .filter(|q| q.difficulty.map(|d| d as u8) == level)
            .count();
        if level.is_none() && k == 0 {
            continue;
        }
        let shown = level.map_or("-".to_string(), |l| l.to_string());
        out.push_str(&format!(
            "  {shown} {label:<26} {k:>4}  ({}%)\n",
            percent(k)
        ));
    }
    let errors: std::collections::BTreeSet<&str> = bank
        .questions
        .iter()
        .flat_map(|q| q.errors.iter().map(String::as_str))
        .collect();
    out.push_str(&format!(
        "\nSource-article errors used by spot-the-error questions: {}\n",
        errors.len()
    ));
    let reviewed = bank
        .questions
        .iter()
        .filter(|q| q.reviewed.is_some())
        .count();
    out.push_str(&format!(
        "Questions with a review date: {reviewed} of {n}\n"
    ));
    out
}
