//! Round trips through the writers: TOML → bank → TOML → bank gives the same bank (on the
//! 290-question default bank and the nine-type fixture), TOML → GIFT → TOML keeps every
//! question GIFT can say, and Moodle XML written from a bank reads back.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use accord::bank::{
    Bank, Blank, ClozePiece, Question, QuestionKind, Rules, SourceFile, load_bank_with,
};
use accord::interchange::{
    Format, TomlLayout, load_imported, read, write_gift, write_moodle_xml, write_toml,
};

fn load_dir(manifest: &str) -> Bank {
    load_bank_with(
        manifest,
        |path| std::fs::read_to_string(path).map_err(|e| e.to_string()),
        Rules::default(),
    )
    .unwrap_or_else(|e| panic!("{manifest} loads:\n{e}"))
}

fn load_files(files: &[(String, String)]) -> Bank {
    let map: BTreeMap<String, String> = files
        .iter()
        .map(|(path, text)| (format!("out/{path}"), text.clone()))
        .collect();
    load_bank_with(
        "out/index.toml",
        |path| map.get(path).cloned().ok_or_else(|| "missing".to_string()),
        Rules::default(),
    )
    .unwrap_or_else(|e| panic!("the written bank loads:\n{e}\n{}", files[0].1))
}

/// The bank's questions without where they came from, grouped by topic as the writer
/// groups them (stable within a topic).
fn comparable(bank: &Bank) -> Vec<Question> {
    let mut questions: Vec<Question> = bank
        .questions
        .iter()
        .cloned()
        .map(|mut q| {
            q.origin = String::new();
            q
        })
        .collect();
    questions.sort_by_key(|q| bank.topics.iter().position(|t| t.id == q.topic));
    questions
}

fn assert_same_bank(a: &Bank, b: &Bank) {
    assert_eq!(a.meta, b.meta);
    assert_eq!(a.topics, b.topics);
    let (qa, qb) = (comparable(a), comparable(b));
    assert_eq!(qa.len(), qb.len());
    for (x, y) in qa.iter().zip(&qb) {
        assert_eq!(x, y, "question {} changed", x.id);
    }
}

#[test]
fn the_default_bank_written_as_a_folder_reads_back_the_same() {
    let bank = load_dir("questions/index.toml");
    assert_eq!(bank.questions.len(), 290, "the default bank's size");
    let files = write_toml(&bank, TomlLayout::Folder);
    // index.toml plus one file per topic.
    assert_eq!(files.len(), 1 + bank.topics.len());
    let again = load_files(&files);
    assert_same_bank(&bank, &again);
    // Written again, the files are the same text: the writer is stable.
    assert_eq!(write_toml(&again, TomlLayout::Folder), files);
}

#[test]
fn the_default_bank_written_as_one_file_reads_back_the_same() {
    let bank = load_dir("questions/index.toml");
    let files = write_toml(&bank, TomlLayout::SingleFile);
    assert_eq!(files.len(), 1);
    assert_same_bank(&bank, &load_files(&files));
}

#[test]
fn the_nine_type_fixture_reads_back_the_same_from_a_folder_and_from_one_file() {
    let bank = load_dir("tests/e2e/fixtures/types/index.toml");
    for layout in [TomlLayout::Folder, TomlLayout::SingleFile] {
        assert_same_bank(&bank, &load_files(&write_toml(&bank, layout)));
    }
}

#[test]
fn points_images_extracts_and_review_dates_survive_the_toml_writer() {
    let extra = "\n[[question]]\nid = \"x-rich\"\ntopic = \"alpha\"\ntype = \"true_false\"\nprompt = \"It's \\\"quoted\\\"\\nand on two lines.\"\nanswer = true\npoints = 2.5\nreviewed = 2025-03-01\nimage = { file = \"img/map.png\", alt = \"A map\", caption = \"Europe, 1997\" }\nextract = { text = \"'''We''' agree.\", attribution = \"The Act\" }\n";
    let questions = format!("{}{extra}", common::QUESTIONS);
    let bank = common::load(
        &[("index.toml", common::MANIFEST), ("one.toml", &questions)],
        None,
    )
    .unwrap();
    let rich = bank.question("x-rich").unwrap();
    assert_eq!(rich.points.thousandths(), 2500);
    assert!(rich.image.is_some() && rich.extract.is_some() && rich.reviewed.is_some());
    assert_same_bank(&bank, &load_files(&write_toml(&bank, TomlLayout::Folder)));
}

/// What a question asks and accepts, with lists as sets: what a round trip through another
/// format must keep.
#[derive(Debug, PartialEq)]
enum Essence {
    Choice {
        choices: BTreeSet<String>,
        right: BTreeSet<String>,
        several: bool,
    },
    TrueFalse(bool),
    Numeric(String, String),
    Typed(String, BTreeSet<String>),
    Pairs(BTreeSet<(String, String)>),
    Gap {
        text: String,
        blank: String,
    },
    Items(Vec<String>),
}

fn set(items: &[String]) -> BTreeSet<String> {
    items.iter().cloned().collect()
}

fn picked(items: &[String], picks: &[usize]) -> BTreeSet<String> {
    picks.iter().map(|&i| items[i].clone()).collect()
}

fn essence(q: &Question) -> Essence {
    match &q.kind {
        QuestionKind::SingleChoice { choices, answer } => Essence::Choice {
            choices: set(choices),
            right: picked(choices, &[*answer]),
            several: false,
        },
        QuestionKind::MultipleSelect { choices, answers } => Essence::Choice {
            choices: set(choices),
            right: picked(choices, answers),
            several: true,
        },
        // Written as a multiple answer question: which parts are wrong.
        QuestionKind::SpotError { parts, wrong } => Essence::Choice {
            choices: set(parts),
            right: picked(parts, wrong),
            several: true,
        },
        QuestionKind::TrueFalse { answer } => Essence::TrueFalse(*answer),
        QuestionKind::Numeric {
            answer, tolerance, ..
        } => Essence::Numeric(answer.to_string(), tolerance.to_string()),
        QuestionKind::ShortText { answer } => {
            Essence::Typed(answer.canonical.clone(), set(&answer.accept))
        }
        QuestionKind::Matching { lefts, rights } => {
            Essence::Pairs(lefts.iter().cloned().zip(rights.iter().cloned()).collect())
        }
        QuestionKind::Cloze { pieces, blanks } => {
            let text = pieces
                .iter()
                .map(|p| match p {
                    ClozePiece::Text(t) => t.clone(),
                    ClozePiece::Blank(_) => "_".to_string(),
                })
                .collect();
            let blank = match &blanks[0] {
                Blank::Typed(t) => format!("{} {:?}", t.canonical, t.accept),
                Blank::Choice { options, answer } => format!("{:?} {answer}", set(options)),
            };
            Essence::Gap { text, blank }
        }
        QuestionKind::Ordering { items } => Essence::Items(items.clone()),
    }
}

/// Whether GIFT can say a question at all (the writer lists the others as left out).
fn gift_can_say(q: &Question) -> bool {
    match &q.kind {
        QuestionKind::Ordering { .. } => false,
        QuestionKind::Cloze { blanks, .. } => blanks.len() == 1,
        _ => true,
    }
}

/// A single-gap cloze whose gap ends the sentence reads back as the plain question GIFT
/// makes of it (the writer notes this).
fn gap_at_end(q: &Question) -> bool {
    matches!(&q.kind, QuestionKind::Cloze { pieces, .. }
        if !matches!(pieces.last(), Some(ClozePiece::Text(t)) if !t.trim().is_empty()))
}

fn gift_round_trip(bank: &Bank) {
    let exported = write_gift(bank);
    let left_out: BTreeSet<&str> = exported.left_out.iter().map(|l| l.id.as_str()).collect();
    let expected_out: BTreeSet<&str> = bank
        .questions
        .iter()
        .filter(|q| !gift_can_say(q))
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(left_out, expected_out, "what GIFT leaves out");
    let imported = read(
        Format::Gift,
        SourceFile::new("bank.gift", exported.text.clone()),
    )
    .unwrap();
    assert!(
        imported.problems.is_empty(),
        "{}\n{}",
        imported.problems,
        exported.text
    );
    let again = load_imported(&imported, Rules::default()).unwrap_or_else(|e| panic!("{e}"));
    let topic_title = |b: &Bank, q: &Question| b.topic(&q.topic).unwrap().title.clone();
    let mut compared = 0;
    for q in bank.questions.iter().filter(|q| gift_can_say(q)) {
        let back = again
            .question(&q.id)
            .unwrap_or_else(|| panic!("{} is back", q.id));
        assert_eq!(topic_title(bank, q), topic_title(&again, back), "{}", q.id);
        assert_eq!(back.explanation, q.explanation, "{}", q.id);
        if gap_at_end(q) {
            continue;
        }
        if !matches!(q.kind, QuestionKind::Cloze { .. }) {
            assert_eq!(back.prompt, q.prompt, "{}", q.id);
        }
        assert_eq!(essence(back), essence(q), "{}", q.id);
        compared += 1;
    }
    assert!(compared > 0);
    assert_eq!(
        again.questions.len(),
        bank.questions.len() - expected_out.len()
    );
}

#[test]
fn the_nine_type_fixture_keeps_through_gift_every_question_gift_can_say() {
    let bank = load_dir("tests/e2e/fixtures/types/index.toml");
    gift_round_trip(&bank);
    // The fixture's ordering and two-blank cloze are the ones GIFT cannot say.
    let exported = write_gift(&bank);
    let out: Vec<&str> = exported.left_out.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(out, ["b-order", "b-cloze"]);
}

#[test]
fn the_default_bank_keeps_through_gift_every_question_gift_can_say() {
    gift_round_trip(&load_dir("questions/index.toml"));
}

#[test]
fn moodle_xml_written_from_a_bank_reads_back_with_every_type() {
    let bank = load_dir("tests/e2e/fixtures/types/index.toml");
    let exported = write_moodle_xml(&bank);
    assert!(exported.left_out.is_empty(), "XML says all nine types");
    let imported = read(
        Format::MoodleXml,
        SourceFile::new("bank.xml", exported.text.clone()),
    )
    .unwrap();
    assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
    let again = load_imported(&imported, Rules::default())
        .unwrap_or_else(|e| panic!("{e}\n{}", exported.text));
    for q in &bank.questions {
        let back = again.question(&q.id).unwrap();
        assert_eq!(back.prompt, q.prompt, "{}", q.id);
        assert_eq!(back.points, q.points, "{}", q.id);
        assert_eq!(back.tags, q.tags, "{}", q.id);
        assert_eq!(back.sources, q.sources, "{}", q.id);
        assert_eq!(back.explanation, q.explanation, "{}", q.id);
        if let QuestionKind::Cloze { .. } = q.kind {
            assert_eq!(back.kind, q.kind, "{}", q.id);
        } else if !matches!(q.kind, QuestionKind::SpotError { .. }) {
            assert_eq!(essence(back), essence(q), "{}", q.id);
        }
    }
}

#[test]
fn the_default_bank_as_moodle_xml_reads_back_whole() {
    let bank = load_dir("questions/index.toml");
    let exported = write_moodle_xml(&bank);
    let imported = read(
        Format::MoodleXml,
        SourceFile::new("bank.xml", exported.text),
    )
    .unwrap();
    let again = load_imported(&imported, Rules::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.questions.len(), bank.questions.len());
}
