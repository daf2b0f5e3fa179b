//! The `bank` command: check a question bank with the app's own validator, count its
//! questions, and (with the interchange and results modules) convert, export and analyse.
//! Run `bank --help` for the commands.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use accord::bank::{
    Bank, FactSheet, MANIFEST, Manifest, QuestionType, Rules, SourceFile, load_bank,
};
use accord::calendar::LocalTime;
use accord::text::escape_controls;

// The `scorm` command lives beside this file, so each command stays in its own file.
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
  bank stats <bank>
      Count the questions by topic, type and difficulty.
  bank bundle <bank> --out <file>
      Check the bank, then write its files (their exact text) into one JSON file that the app
      loads in a single request. The build writes questions/bundle.json this way.
  bank scorm --site <dist> --assignment <code or file> --version 1.2|2004 --out <file.zip>
             [--title <text>] [--pass <percent>]
      Package a built site (every file under <dist>) as a SCORM 1.2 or SCORM 2004 (4th
      edition) package to upload to an LMS. Its imsmanifest.xml launches
      index.html?a=<code>. --assignment takes the assignment's code, or a file holding it on
      one line. --pass gives the LMS the pass mark (0-100) for its own pass/fail; leave it
      out for a sealed exam, whose score only the teacher knows.
  bank --help
      This text.

exit status: 0 when the bank is valid (or the package is written), 1 when it has problems,
2 for a usage error.";

/// Where the fact sheet comes from.
enum FactsChoice {
    /// As the manifest says (the default).
    FromManifest,
    Given(PathBuf),
    Skip,
}

struct Args {
    command: String,
    bank: String,
    facts: FactsChoice,
    out: Option<PathBuf>,
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("bank: {message}\n\n{HELP}");
    ExitCode::from(2)
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut iter = args.iter();
    let command = iter.next().ok_or("no command given")?.clone();
    if !matches!(command.as_str(), "check" | "stats" | "bundle") {
        return Err(format!("unknown command \"{}\"", escape_controls(&command)));
    }
    let mut bank = None;
    let mut facts = FactsChoice::FromManifest;
    let mut out = None;
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--out" if command == "bundle" => {
                out = Some(PathBuf::from(iter.next().ok_or("--out needs a file")?));
            }
            "--facts" if command == "check" => {
                let path = iter.next().ok_or("--facts needs a file")?;
                facts = FactsChoice::Given(PathBuf::from(path));
            }
            "--no-facts" if command == "check" => facts = FactsChoice::Skip,
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
    Ok(Args {
        command,
        bank: bank.ok_or("no bank given: name its folder or its index.toml")?,
        facts,
        out,
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") || args.is_empty() {
        println!("{HELP}");
        return if args.is_empty() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    if args.first().is_some_and(|a| a == "scorm") {
        return scorm::run(&args[1..]);
    }
    let args = match parse_args(&args) {
        Ok(args) => args,
        Err(message) => return usage_error(&message),
    };
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
                "{}: OK, {} questions in {} topics ({sheet_note}).",
                manifest_path.display(),
                bank.questions.len(),
                bank.topics.len()
            );
        }
        "bundle" => {
            let out = args.out.as_deref().unwrap_or(Path::new("bundle.json"));
            if let Err(e) = std::fs::write(out, bundle_json(&files)) {
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

/// The bundle the app loads: every file's exact text, the manifest first, with paths as the
/// page names them (`questions/index.toml`).
fn bundle_json(files: &[SourceFile]) -> String {
    let files: Vec<(String, &str)> = files
        .iter()
        .map(|f| (f.name.trim_start_matches("./").to_string(), f.text.as_str()))
        .collect();
    serde_json::json!({ "app": "accord-bundle", "files": files }).to_string()
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
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    // "Today" anywhere on Earth is at most UTC+14.
    let today = LocalTime::new(now, 14 * 60).date();
    let rules = Rules {
        facts: sheet.as_ref(),
        today: Some(today),
    };
    let mut all = vec![manifest_file];
    all.extend(files.iter().cloned());
    let bank = load_bank(manifest, files, rules).map_err(problems)?;
    Ok((bank, note, all))
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
