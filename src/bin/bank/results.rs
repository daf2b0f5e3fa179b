//! `bank results`: a class's results of one assignment, from the command line, with the same
//! core as the teacher's page: every result file or code regraded with the bank's key and
//! flagged, then the class table or a CSV (the gradebook, the item analysis).

use std::path::Path;
use std::process::ExitCode;

use accord::assignment::{Accommodation, decode, decode_accommodation};
use accord::bank::{Bank, Rules, load_bank_with};
use accord::results::analysis::{analyse, gradebook_csv, item_analysis_csv};
use accord::results::{Flag, Remembering, Roster, Taken, inflate, record_from_code};
use accord::text::escape_controls;

struct Args {
    assignment: String,
    bank: String,
    issued: Vec<Accommodation>,
    csv: Option<String>,
    inputs: Vec<String>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut assignment = None;
    let mut bank = None;
    let mut issued = Vec::new();
    let mut csv = None;
    let mut inputs = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = |what: &str| {
            iter.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs {what}"))
        };
        match arg.as_str() {
            "--assignment" => {
                assignment = Some(value("the assignment's link code or a file holding it")?)
            }
            "--bank" => bank = Some(value("the bank's folder")?),
            "--issued" => {
                let code = value("an accommodation code (the &for= of a student's link)")?;
                issued.push(decode_accommodation(&code).map_err(|e| format!("--issued: {e}"))?);
            }
            "--csv" => {
                let kind = value("gradebook or items")?;
                if kind != "gradebook" && kind != "items" {
                    return Err(format!(
                        "--csv is gradebook or items, not \"{}\"",
                        escape_controls(&kind)
                    ));
                }
                csv = Some(kind);
            }
            other if other.starts_with('-') => {
                return Err(format!(
                    "unknown option \"{}\" for results",
                    escape_controls(other)
                ));
            }
            input => inputs.push(input.to_string()),
        }
    }
    if inputs.is_empty() {
        return Err("no results given: name result files (or files of pasted codes)".into());
    }
    Ok(Args {
        assignment: assignment.ok_or("--assignment is needed")?,
        bank: bank.ok_or("--bank is needed: the questions the results are graded against")?,
        issued,
        csv,
        inputs,
    })
}

/// The assignment's code: given, or read from a file (a link works too).
fn code_of(text: &str) -> String {
    let text = std::fs::read_to_string(text).unwrap_or_else(|_| text.to_string());
    let text = text.trim();
    match text.split_once("a=") {
        Some((_, rest)) => rest.split('&').next().unwrap_or(rest).to_string(),
        None => text.to_string(),
    }
}

fn load(folder: &str) -> Result<Bank, String> {
    let manifest = Path::new(folder).join(accord::bank::MANIFEST);
    load_bank_with(
        &manifest.to_string_lossy(),
        |p| std::fs::read_to_string(p).map_err(|e| e.to_string()),
        Rules::default(),
    )
    .map_err(|e| e.to_string())
}

pub fn run(args: &[String]) -> ExitCode {
    let args = match parse(args) {
        Ok(args) => args,
        Err(why) => {
            eprintln!("bank results: {why}");
            return ExitCode::from(2);
        }
    };
    let assignment = match decode(&code_of(&args.assignment)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("bank results: the assignment cannot be used: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bank = match load(&args.bank) {
        Ok(bank) => bank,
        Err(problems) => {
            eprint!("{problems}");
            return ExitCode::FAILURE;
        }
    };
    let mut roster = Roster::default();
    let mut refused = 0;
    let grader = Remembering::new(&bank);
    for input in &args.inputs {
        let text = match std::fs::read_to_string(input) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{}: cannot read: {e}", escape_controls(input));
                refused += 1;
                continue;
            }
        };
        // A file holds one result as JSON, or any number of pasted codes.
        let taken: Vec<Taken> = if text.trim_start().starts_with('{') {
            vec![roster.take_text(&text, input, &assignment, &args.issued, &grader)]
        } else {
            text.split_whitespace()
                .filter(|w| w.starts_with("ACR1."))
                .map(|code| match record_from_code(code, inflate) {
                    Ok(record) => roster.take(record, input, &assignment, &args.issued, &grader),
                    Err(e) => Taken::Refused(e.to_string()),
                })
                .collect()
        };
        for t in taken {
            if let Taken::Refused(why) = t {
                eprintln!("{}: refused: {why}", escape_controls(input));
                refused += 1;
            }
        }
    }
    let when = |ms: u64| {
        let local = accord::calendar::local_date_time(ms, 0);
        format!("{local} UTC")
    };
    match args.csv.as_deref() {
        Some("gradebook") => print!("{}", gradebook_csv(&roster.gradebook(when))),
        Some(_) => print!("{}", item_analysis_csv(&analyse(&roster.matrix(&bank)))),
        None => {
            println!("{} — {} results", assignment.title, roster.entries.len());
            for e in &roster.entries {
                let flags: Vec<String> = e.flags.iter().map(Flag::text).collect();
                println!(
                    "  {:<24} {:>6} of {:<6} {:>4} %  attempt {}  {}",
                    escape_controls(&e.record.run.student),
                    e.points.display(accord::text::Language::English),
                    e.max.display(accord::text::Language::English),
                    e.percent(),
                    e.record.run.attempt,
                    flags.join("; ")
                );
            }
        }
    }
    if refused > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
