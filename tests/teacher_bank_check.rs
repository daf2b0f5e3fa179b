//! The teacher page's Questions area, natively: files a teacher brings are checked by the same
//! validator as `bank check` (the same messages, placed beside their questions), a TOML bank's
//! files are found by path or by name, what is not read is said, and the downloads (a zip of
//! the TOML folder, one TOML file, GIFT, Moodle XML) read back as the bank.

mod common;

use std::io::Read as _;

use accord::bank::{Bank, Rules, load_bank_with};
use accord::interchange::{Format, check_imported, read};
use accord::results::desk::{BankCheck, BroughtFile, Download, check_files, prepare};
use proptest::prelude::*;

fn file(name: &str, text: &str) -> BroughtFile {
    BroughtFile::new(name, text)
}

fn from_disk(path: &str) -> BroughtFile {
    file(path, &std::fs::read_to_string(path).unwrap())
}

fn check(files: &[BroughtFile]) -> BankCheck {
    check_files(files, Rules::default())
}

fn messages(errors: &[accord::bank::BankError]) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

fn demo_files() -> Vec<BroughtFile> {
    vec![
        file("index.toml", common::MANIFEST),
        file("one.toml", common::QUESTIONS),
    ]
}

#[test]
fn a_gift_file_with_mistakes_gets_the_validators_own_messages_beside_each_question() {
    let path = "tests/interchange/mistakes.gift";
    let result = check(&[from_disk(path)]);
    assert_eq!(result.read_as, "GIFT: tests/interchange/mistakes.gift");
    assert_eq!(result.format, Some(Format::Gift));
    assert!(result.bank.is_none());
    // The very messages of `bank check`, in the same order.
    let text = std::fs::read_to_string(path).unwrap();
    let imported = read(Format::Gift, accord::bank::SourceFile::new(path, text)).unwrap();
    let expected = messages(&check_imported(&imported, Rules::default()).errors.0);
    assert_eq!(messages(&result.problems), expected);
    assert_eq!(expected.len(), 12);
    assert_eq!(
        expected[0],
        "tests/interchange/mistakes.gift:3:28: question \"open\": this { is never closed: end the answers with } (to show a brace in the text, write \\{)"
    );
    // Each problem sits with its question.
    let entry = |id: &str| {
        result
            .entries
            .iter()
            .find(|e| e.id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("{id} is listed"))
    };
    assert_eq!(messages(&entry("open").problems), [expected[0].clone()]);
    let open = entry("open");
    assert!(
        open.question.is_none(),
        "the reader could not make it a question"
    );
    let twice = entry("twice");
    assert_eq!(
        messages(&twice.problems),
        [
            "tests/interchange/mistakes.gift:26:37: question \"twice\": `choices` has \"Paris\" twice; entries must be distinct"
        ]
    );
    assert!(
        twice.question.is_none(),
        "a question with a problem is not shown"
    );
    let fine = entry("fine");
    assert!(fine.problems.is_empty());
    assert_eq!(
        fine.question.as_ref().map(|q| q.prompt.as_str()),
        Some("This question is fine.")
    );
    // Every problem is either beside a question or outside any, never lost or doubled.
    let placed: usize = result
        .entries
        .iter()
        .map(|e| e.problems.len())
        .sum::<usize>()
        + result.general.len();
    assert_eq!(placed, 12);
    assert_eq!(
        result.summary(),
        format!(
            "{} questions, {} with problems; 12 problems in all. Nothing can be downloaded until they are fixed.",
            result.entries.len(),
            result
                .entries
                .iter()
                .filter(|e| !e.problems.is_empty())
                .count()
        )
    );
}

#[test]
fn a_csv_file_is_checked_and_its_problems_named_by_line() {
    let result = check(&[from_disk("tests/interchange/mistakes.csv")]);
    assert_eq!(result.format, Some(Format::Csv));
    assert!(result.bank.is_none());
    assert!(!result.problems.is_empty());
    for problem in &result.problems {
        assert!(
            problem.location.file == "tests/interchange/mistakes.csv" && problem.location.line >= 1,
            "{problem}"
        );
    }
    // Row 3 (the second question) says "maybe" for a true/false answer.
    let bad_bool = result
        .entries
        .iter()
        .find(|e| e.id.as_deref() == Some("bad-bool"))
        .unwrap();
    assert_eq!(bad_bool.at.line, 3);
    assert!(!bad_bool.problems.is_empty());
}

#[test]
fn a_good_import_gives_a_bank_and_says_what_it_left_out() {
    let result = check(&[from_disk("tests/interchange/weimar.gift")]);
    assert!(
        result.problems.is_empty(),
        "{:?}",
        messages(&result.problems)
    );
    let bank = result.bank.as_ref().expect("a bank");
    assert_eq!(bank.questions.len(), result.entries.len());
    assert!(result.entries.iter().all(|e| e.question.is_some()));
    assert!(
        result
            .summary()
            .ends_with("no problems: the bank is ready to use.")
    );
    // 8 questions; an essay left out (nothing Accord can mark), and two changed on the way
    // (feedback folded into the explanation, HTML made plain), as `bank check` lists them.
    assert_eq!(result.entries.len(), 8);
    assert_eq!(
        result
            .skipped
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [
            "tests/interchange/weimar.gift:43:1: question \"essay\": an essay (a written answer the teacher marks) has no answer Accord can mark, so it is left out"
        ]
    );
    assert_eq!(result.changed.len(), 2);
}

#[test]
fn aiken_and_moodle_xml_files_are_checked_the_same_way() {
    // ww1.aiken.txt has three questions (three ANSWER: lines), all sound.
    let aiken = check(&[from_disk("tests/interchange/ww1.aiken.txt")]);
    assert_eq!(aiken.format, Some(Format::Aiken));
    assert_eq!(aiken.read_as, "Aiken: tests/interchange/ww1.aiken.txt");
    assert!(aiken.problems.is_empty(), "{:?}", messages(&aiken.problems));
    assert_eq!(aiken.entries.len(), 3);
    assert_eq!(aiken.bank.as_ref().map(|b| b.questions.len()), Some(3));

    // moodle-export.xml holds 11 questions besides its 2 categories: the essay and the
    // drag-the-words question have no Accord type, so 9 come in; the map question's embedded
    // image is the third thing left out, as `bank check` lists them.
    let xml = check(&[from_disk("tests/interchange/moodle-export.xml")]);
    assert_eq!(xml.format, Some(Format::MoodleXml));
    assert_eq!(
        xml.read_as,
        "Moodle XML: tests/interchange/moodle-export.xml"
    );
    assert!(xml.problems.is_empty(), "{:?}", messages(&xml.problems));
    assert_eq!(xml.entries.len(), 9);
    assert_eq!(xml.bank.as_ref().map(|b| b.questions.len()), Some(9));
    assert_eq!(xml.topics.len(), 2);
    let skipped: Vec<String> = xml.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    assert!(skipped[0].starts_with(
        "tests/interchange/moodle-export.xml:132:3: question \"why-enlarge\": an essay"
    ));
    assert_eq!(xml.changed.len(), 8);
}

#[test]
fn a_toml_bank_is_read_from_its_manifest_and_the_files_it_lists() {
    let result = check(&demo_files());
    assert_eq!(
        result.read_as,
        "Accord TOML: index.toml and 1 question file"
    );
    assert!(
        result.problems.is_empty(),
        "{:?}",
        messages(&result.problems)
    );
    assert_eq!(result.entries.len(), 9);
    assert_eq!(result.topic_title("beta"), "Beta");
    assert_eq!(
        result.summary(),
        "9 questions, no problems: the bank is ready to use."
    );
    let bank = result.bank.expect("the bank");
    assert_eq!(bank.meta.id, "demo");
    same_questions(&bank, &common::demo_bank());
}

#[test]
fn a_toml_files_problems_are_placed_and_the_bank_withheld() {
    let broken = common::QUESTIONS.replacen("answer = \"Paris\"", "answer = \"Pariss\"", 1);
    let result = check(&[
        file("index.toml", common::MANIFEST),
        file("one.toml", &broken),
    ]);
    assert!(result.bank.is_none());
    assert_eq!(result.problems.len(), 1);
    let entry = result
        .entries
        .iter()
        .find(|e| !e.problems.is_empty())
        .unwrap();
    assert_eq!(entry.id.as_deref(), Some("a-single"));
    assert_eq!(
        entry.problems[0].to_string(),
        "one.toml:8:10: question \"a-single\": answer \"Pariss\" is not one of the choices"
    );
    // The topics still give the preview its headings.
    assert_eq!(result.topic_title("alpha"), "Alpha");
}

#[test]
fn listed_files_are_found_by_name_when_the_browser_gives_no_folder() {
    let manifest =
        common::MANIFEST.replace("files = [\"one.toml\"]", "files = [\"topics/one.toml\"]");
    let result = check(&[
        file("index.toml", &manifest),
        file("one.toml", common::QUESTIONS),
    ]);
    assert!(
        result.problems.is_empty(),
        "{:?}",
        messages(&result.problems)
    );
    assert_eq!(result.entries[0].at.file, "topics/one.toml");
}

#[test]
fn a_missing_listed_file_is_named_where_it_is_listed() {
    let result = check(&[file("index.toml", common::MANIFEST)]);
    assert!(result.bank.is_none());
    // `files = ["one.toml"]` is line 8 of the manifest; the name starts at column 10.
    assert_eq!(
        messages(&result.general),
        [
            "index.toml:8:10: \"one.toml\" is not among the files given: choose or drop it together with index.toml",
            "index.toml:11:6: topic \"alpha\" has no questions",
            "index.toml:15:6: topic \"beta\" has no questions",
        ]
    );
}

#[test]
fn question_files_without_their_manifest_are_refused_in_words() {
    let result = check(&[file("one.toml", common::QUESTIONS)]);
    assert_eq!(
        messages(&result.problems),
        [
            "one.toml:1:1: \"one.toml\" is a question file without its bank's index.toml: choose or drop index.toml together with it"
        ]
    );
}

#[test]
fn files_that_are_not_read_are_said() {
    let mut files = demo_files();
    files.push(file("extra.toml", "[[question]]\nid = \"x\"\n"));
    files.push(file("quiz.gift", "Is it? {T}\n"));
    let result = check(&files);
    assert!(result.problems.is_empty());
    assert_eq!(
        result.notes,
        [
            "\"extra.toml\" was not read: index.toml does not list it in its files.",
            "\"quiz.gift\" was not read: a TOML bank is checked on its own; check a file in another format by itself."
        ]
    );
    let two = check(&[
        file("a.gift", "Is it? {T}\n"),
        file("notes.pdf", "%PDF"),
        file("b.gift", "Is it? {F}\n"),
    ]);
    assert_eq!(two.read_as, "GIFT: a.gift");
    assert_eq!(
        two.notes,
        [
            "\"notes.pdf\" was not read: it is not a question file Accord reads (name it .toml, .gift, .aiken, .csv or .xml).",
            "\"b.gift\" was not read: one file in another format is checked at a time."
        ]
    );
    let none = check(&[file("notes.pdf", "%PDF")]);
    assert!(none.bank.is_none());
    assert_eq!(none.problems.len(), 1);
    assert_eq!(none.summary(), "No question could be read; 1 problem.");
}

#[test]
fn a_named_fact_sheet_is_used_when_it_is_brought_and_asked_for_when_not() {
    let manifest = common::strict_manifest();
    let without = check(&[
        file("index.toml", &manifest),
        file("one.toml", common::QUESTIONS),
    ]);
    assert_eq!(
        without.notes,
        [
            "The bank names the fact sheet \"facts.md\"; bring it with the files to check fact ids and links against it (they were checked for form only)."
        ]
    );
    // A sheet that lacks the bank's fact ids: now they are refused.
    let sheet = "# Facts\n\n| id | fact | source |\n|---|---|---|\n| F-FA-02 | Paris | https://example.org/fa |\n";
    let with = check(&[
        file("index.toml", &manifest),
        file("one.toml", common::QUESTIONS),
        file("facts.md", sheet),
    ]);
    assert_eq!(
        with.notes,
        ["Fact ids, error ids and source links were checked against the fact sheet \"facts.md\"."]
    );
    assert!(
        !with.problems.is_empty(),
        "the other fact ids are not in this sheet"
    );
}

#[test]
fn a_bank_that_cannot_be_fetched_says_so_and_checks_nothing() {
    let result = BankCheck::not_fetched(
        "questions/index.toml",
        vec!["questions/index.toml: the server answered 404".into()],
    );
    assert_eq!(result.read_as, "The bank at questions/index.toml");
    assert!(result.bank.is_none());
    assert_eq!(
        result.summary(),
        "The bank's files could not be read, so nothing was checked."
    );
}

fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut text = String::new();
            entry.read_to_string(&mut text).unwrap();
            (entry.name().expect("a UTF-8 name").to_string(), text)
        })
        .collect()
}

fn load_from(files: &[(String, String)], manifest: &str) -> Bank {
    load_bank_with(
        manifest,
        |path| {
            files
                .iter()
                .find(|(name, _)| name == path)
                .map(|(_, text)| text.clone())
                .ok_or_else(|| format!("{path} is not in the download"))
        },
        Rules::default(),
    )
    .unwrap_or_else(|e| panic!("the download loads:\n{e}"))
}

fn same_questions(a: &Bank, b: &Bank) {
    let strip = |bank: &Bank| {
        let mut qs: Vec<_> = bank
            .questions
            .iter()
            .cloned()
            .map(|mut q| {
                q.origin.clear();
                q
            })
            .collect();
        qs.sort_by(|x, y| x.id.cmp(&y.id));
        qs
    };
    assert_eq!(a.meta, b.meta);
    assert_eq!(a.topics, b.topics);
    assert_eq!(strip(a), strip(b));
}

#[test]
fn the_toml_folder_downloads_as_a_zip_of_the_bank_that_reads_back_the_same() {
    let bank = common::demo_bank();
    let prepared = prepare(&bank, Download::TomlFolder).unwrap();
    assert_eq!(prepared.file_name, "demo.zip");
    assert_eq!(prepared.mime, "application/zip");
    assert!(prepared.is_whole());
    let files = unzip(&prepared.bytes);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    // A folder named after the bank: the manifest, then one file per topic.
    assert_eq!(
        names,
        [
            "demo/",
            "demo/index.toml",
            "demo/alpha.toml",
            "demo/beta.toml"
        ]
    );
    same_questions(&load_from(&files, "demo/index.toml"), &bank);
    // The same bank gives the same bytes.
    assert_eq!(
        prepare(&bank, Download::TomlFolder).unwrap().bytes,
        prepared.bytes
    );
}

#[test]
fn the_one_toml_file_download_is_an_index_toml_that_reads_back_the_same() {
    let bank = common::demo_bank();
    let prepared = prepare(&bank, Download::TomlFile).unwrap();
    assert_eq!(prepared.file_name, "index.toml");
    let text = String::from_utf8(prepared.bytes).unwrap();
    assert!(text.contains("[[question]]\nid = \"a-single\""));
    same_questions(
        &load_from(&[("index.toml".into(), text)], "index.toml"),
        &bank,
    );
}

#[test]
fn gift_and_moodle_xml_downloads_list_what_they_cannot_carry() {
    let bank = common::demo_bank();
    let gift = prepare(&bank, Download::Gift).unwrap();
    assert_eq!(gift.file_name, "demo.gift");
    assert!(!gift.is_whole());
    // GIFT has no ordering question.
    assert!(
        gift.left_out.iter().any(|l| l.id == "b-order"),
        "{:?}",
        gift.left_out
    );
    let xml = prepare(&bank, Download::MoodleXml).unwrap();
    assert_eq!(xml.file_name, "demo.xml");
    assert!(String::from_utf8(xml.bytes).unwrap().contains("<quiz>"));
}

fn names() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("index.toml".to_string()),
        Just("one.toml".to_string()),
        Just("quiz.gift".to_string()),
        Just("quiz.txt".to_string()),
        Just("cards.csv".to_string()),
        Just("export.xml".to_string()),
        Just("facts.md".to_string()),
        ".{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_files_are_checked_without_panicking_and_every_problem_is_placed_once(
        files in proptest::collection::vec((names(), ".{0,300}"), 0..4)
    ) {
        let files: Vec<BroughtFile> = files.into_iter().map(|(n, t)| BroughtFile::new(n, t)).collect();
        let result = check(&files);
        let placed: usize = result.entries.iter().map(|e| e.problems.len()).sum::<usize>() + result.general.len();
        prop_assert_eq!(placed, result.problems.len());
        prop_assert_eq!(result.bank.is_some(), result.problems.is_empty() && result.unread.is_empty() && !result.entries.is_empty());
        let _ = result.summary();
    }

    #[test]
    fn the_demo_bank_with_any_line_changed_is_checked_without_panicking(
        line in 0usize..120, text in ".{0,40}"
    ) {
        let mut lines: Vec<String> = common::QUESTIONS.lines().map(str::to_string).collect();
        let at = line % lines.len();
        lines[at] = text;
        let questions = lines.join("\n");
        let result = check(&[file("index.toml", common::MANIFEST), file("one.toml", &questions)]);
        if let Some(bank) = &result.bank {
            for d in Download::ALL {
                let prepared = prepare(bank, d);
                prop_assert!(prepared.is_ok());
            }
        }
    }
}
