//! The bank checker: `bank check <dir>` validates every file with the app's own validator,
//! `bank stats <dir>` counts questions by topic, type and difficulty.
//!
//! The fact sheet (`../shared/content/facts.md`, or `--facts <file>`) is used when present.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use accord::bank::{Bank, FactSheet, MANIFEST, QuestionKind, load_bank_with_on};
use accord::calendar::LocalTime;

const USAGE: &str = "usage: bank (check | stats) <questions-dir> [--facts <facts.md> | --no-facts]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(command), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let facts_path = match args.get(2).map(String::as_str) {
        Some("--facts") => match args.get(3) {
            Some(path) => Some(PathBuf::from(path)),
            None => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        },
        Some("--no-facts") => None,
        Some(_) => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        None => default_fact_sheet(),
    };
    let facts = match &facts_path {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Some(FactSheet::parse(&text)),
            Err(e) => {
                eprintln!("cannot read the fact sheet {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let dir = dir.trim_end_matches('/');
    let manifest = format!("{dir}/{MANIFEST}");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    // A day of slack for time zones: "today" anywhere on Earth is at most UTC+14.
    let today = LocalTime::new(now, 14 * 60).date();
    let loaded = load_bank_with_on(
        &manifest,
        |path| std::fs::read_to_string(path).map_err(|e| e.to_string()),
        facts.as_ref(),
        Some(today),
    );
    let bank = match loaded {
        Ok(bank) => bank,
        Err(errors) => {
            eprint!("{errors}");
            eprintln!("{} problem(s) found.", errors.len());
            return ExitCode::FAILURE;
        }
    };
    match command.as_str() {
        "check" => {
            let checked = match &facts_path {
                Some(path) => format!("fact and error ids checked against {}", path.display()),
                None => "no fact sheet found, so fact ids were not checked".to_string(),
            };
            println!(
                "{manifest}: OK, {} questions in {} topics ({checked}).",
                bank.questions.len(),
                bank.topics.len()
            );
            ExitCode::SUCCESS
        }
        "stats" => {
            print!("{}", stats(&bank));
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// `../shared/content/facts.md` beside the checkout, if it is there.
fn default_fact_sheet() -> Option<PathBuf> {
    let candidate = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/content/facts.md");
    candidate.exists().then_some(candidate)
}

fn stats(bank: &Bank) -> String {
    let n = bank.questions.len();
    let percent = |k: usize| (k * 100 + n / 2).checked_div(n).unwrap_or(0);
    let mut out = format!("{} — {n} questions\n\nBy topic:\n", bank.meta.title);
    for (topic, count) in bank.topic_counts() {
        out.push_str(&format!("  {:<28} {count:>4}\n", topic.id));
    }
    out.push_str("\nBy type:\n");
    let mut by_type: BTreeMap<&str, usize> =
        QuestionKind::TYPE_NAMES.iter().map(|t| (*t, 0)).collect();
    for q in &bank.questions {
        *by_type.entry(q.kind.type_name()).or_default() += 1;
    }
    for name in QuestionKind::TYPE_NAMES {
        out.push_str(&format!("  {name:<28} {:>4}\n", by_type[name]));
    }
    out.push_str("\nBy difficulty:\n");
    for level in [1u8, 2, 3] {
        let k = bank
            .questions
            .iter()
            .filter(|q| q.difficulty as u8 == level)
            .count();
        let label = ["easy", "medium", "hard"][usize::from(level - 1)];
        out.push_str(&format!(
            "  {level} {label:<26} {k:>4}  ({}%)\n",
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
    out
}
