//! The `bank convert` and `bank export` commands, run as a teacher runs them.

use std::path::PathBuf;
use std::process::{Command, Output};

fn bank(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bank"))
        .args(args)
        .output()
        .expect("the bank command runs")
}

/// A fresh folder for one test, with `files` copied in from the test corpus.
fn folder(test: &str, files: &[&str]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("accord-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for file in files {
        let name = file.rsplit('/').next().unwrap();
        std::fs::copy(file, dir.join(name)).unwrap();
    }
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn convert_writes_a_gift_quiz_as_a_bank_folder_that_checks() {
    let dir = folder("gift-to-toml", &["tests/interchange/weimar.gift"]);
    let input = dir.join("weimar.gift");
    let run = bank(&["convert", input.to_str().unwrap()]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let stderr = text(&run.stderr);
    assert!(stderr.contains("left out (1):"), "{stderr}");
    assert!(
        stderr.contains("weimar.gift:43:1: question \"essay\": an essay"),
        "{stderr}"
    );
    assert!(dir.join("weimar/index.toml").is_file());
    let check = bank(&["check", dir.join("weimar").to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert!(text(&check.stdout).contains("OK, 8 questions in 2 topics"));
    // A second run refuses to write over the bank, unless told to.
    let again = bank(&["convert", input.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("is already there"));
    let forced = bank(&["convert", input.to_str().unwrap(), "--force"]);
    assert!(forced.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn convert_lists_every_problem_with_its_place_and_writes_nothing() {
    let dir = folder("mistakes", &["tests/interchange/mistakes.gift"]);
    let input = dir.join("mistakes.gift");
    let run = bank(&["convert", input.to_str().unwrap(), "--to", "xml"]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("mistakes.gift:3:28: question \"open\": this { is never closed"),
        "{stderr}"
    );
    assert!(stderr.contains("12 problem(s) found."), "{stderr}");
    assert!(!dir.join("mistakes.xml").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn convert_writes_a_csv_template_as_one_toml_file_or_as_gift() {
    let dir = folder("csv", &["docs/templates/questions.csv"]);
    let input = dir.join("questions.csv");
    let one = dir.join("bank.toml");
    let run = bank(&[
        "convert",
        input.to_str().unwrap(),
        "--out",
        one.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(
        std::fs::read_to_string(&one)
            .unwrap()
            .contains("[[question]]")
    );
    let run = bank(&["convert", input.to_str().unwrap(), "--to", "gift"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let stderr = text(&run.stderr);
    assert!(stderr.contains("not written (3):"), "{stderr}");
    assert!(stderr.contains("question \"bodies-order\": GIFT has no ordering questions"));
    assert!(dir.join("questions.gift").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_writes_the_default_bank_to_standard_output() {
    let run = bank(&["export", "questions", "--to", "gift"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let gift = text(&run.stdout);
    assert!(gift.contains("$CATEGORY: "), "categories from topics");
    assert!(gift.contains("::nat-signing-city::"), "names from ids");
}

#[test]
fn unknown_options_and_formats_are_refused_as_usage_errors() {
    for args in [
        &["convert", "x.gift", "--bogus"][..],
        &["convert", "x.gift", "--to", "pdf"],
        &["export", "questions"],
        &["export", "questions", "--to", "toml"],
        &["check", "questions", "--to", "gift"],
        &["import", "x.gift"],
    ] {
        let run = bank(args);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(text(&run.stderr).contains("usage:"), "{args:?}");
    }
    let help = bank(&["convert", "--help"]);
    assert!(help.status.success());
    assert!(text(&help.stdout).contains("bank convert <file>"));
}

#[test]
fn check_reads_a_file_in_another_format_as_the_app_does_and_lists_what_it_leaves_out() {
    let ok = bank(&["check", "tests/interchange/weimar.gift"]);
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    assert!(text(&ok.stdout).contains("weimar.gift: OK, 8 questions in 2 topics."));
    assert!(
        text(&ok.stderr).contains("left out (1):"),
        "{}",
        text(&ok.stderr)
    );
    let one = bank(&["check", "tests/interchange/ww1.aiken.txt"]);
    assert!(
        text(&one.stdout).contains("3 questions in 1 topic."),
        "{}",
        text(&one.stdout)
    );
    let bad = bank(&["check", "tests/interchange/mistakes.gift"]);
    assert!(!bad.status.success());
    assert!(text(&bad.stderr).contains("mistakes.gift:26:37: question \"twice\""));
}
