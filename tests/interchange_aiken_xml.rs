//! The Aiken and Moodle XML readers on realistic files and on files with mistakes.

use accord::bank::{Blank, QuestionKind, Rules, SourceFile, TextAnswer, Weight};
use accord::interchange::{Format, Imported, check_imported, load_imported, read};

fn import(format: Format, path: &str) -> Imported {
    let text = std::fs::read_to_string(path).unwrap();
    read(format, SourceFile::new(path, text)).unwrap()
}

fn messages(imported: &Imported) -> Vec<String> {
    check_imported(imported, Rules::default())
        .errors
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn an_aiken_file_loads_with_or_without_blank_lines_between_questions() {
    let path = "tests/interchange/ww1.aiken.txt";
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(Format::detect(path, &text), Some(Format::Aiken));
    let bank = load_imported(&import(Format::Aiken, path), Rules::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bank.meta.id, "ww1");
    assert_eq!(
        bank.questions[0].kind,
        QuestionKind::SingleChoice {
            choices: strings(&["1912", "1914", "1916", "1918"]),
            answer: 1
        }
    );
    // ANSWER: A, C names two options: a multiple select.
    assert_eq!(
        bank.questions[1].kind,
        QuestionKind::MultipleSelect {
            choices: strings(&["Germany", "France", "Austria-Hungary", "Italy"]),
            answers: vec![0, 2]
        }
    );
    // The third question follows the second's ANSWER line with no blank line.
    assert_eq!(bank.questions[2].origin, format!("{path}:14"));
}

#[test]
fn aiken_mistakes_name_the_line_and_the_likely_cause() {
    let path = "tests/interchange/mistakes.aiken.txt";
    let expected = [
        "1:1: option A comes before any question: write the question on the line above its options",
        "2:1: option B comes before any question: write the question on the line above its options",
        "8:9: question \"q-1\": ANSWER: \"E\" is not one of the options A–C",
        "10:1: the question \"Which treaty founded NATO?\" has no ANSWER: line: end it with ANSWER: and the letter of the right option",
        "12:1: option C where B was expected: letter the options A, B, C … in order",
        "18:1: ANSWER: without options above it: write the question, then its options A. B. …, then ANSWER:",
        "20:1: the question \"A question with no options at the end o…\" has no options: put them on the lines below it, as A. … B. …, then ANSWER: and the right letter",
    ]
    .map(|m| format!("{path}:{m}"));
    assert_eq!(messages(&import(Format::Aiken, path)), expected);
}

#[test]
fn a_moodle_export_maps_every_supported_type_and_lists_the_rest() {
    let path = "tests/interchange/moodle-export.xml";
    let imported = import(Format::MoodleXml, path);
    let bank = load_imported(&imported, Rules::default()).unwrap_or_else(|e| panic!("{e}"));
    let topics: Vec<&str> = bank.topics.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        topics,
        ["The Cold War", "Enlargement"],
        "\"Default for …\" dropped"
    );
    let place = bank.question("founding-act-place").unwrap();
    assert_eq!(
        place.prompt,
        "Where was the NATO–Russia Founding Act signed?"
    );
    assert_eq!(place.points, Weight::from_thousandths(2000).unwrap());
    assert_eq!(place.tags, ["1997", "treaties"]);
    assert_eq!(
        place.explanation.as_deref(),
        Some(
            "In Paris, on 27 May 1997.\n“Paris”: Right.\n“Rome”: Rome is where the NATO–Russia Council was set up, in 2002."
        )
    );
    assert_eq!(
        bank.question("joined-in-1999").unwrap().kind,
        QuestionKind::MultipleSelect {
            choices: strings(&["Czech Republic", "Hungary", "Poland", "Slovakia"]),
            answers: vec![0, 1, 2]
        }
    );
    assert_eq!(
        bank.question("treaty-or-not").unwrap().kind,
        QuestionKind::TrueFalse { answer: false }
    );
    assert_eq!(
        bank.question("finland-joins").unwrap().kind,
        QuestionKind::Numeric {
            answer: 2023.0,
            tolerance: 0.0,
            unit: Some("year".into())
        }
    );
    assert!(matches!(&bank.question("bodies-and-years").unwrap().kind,
        QuestionKind::Matching { lefts, .. } if lefts.len() == 3));
    let cloze = bank.question("signed-where-and-when").unwrap();
    assert_eq!(cloze.prompt, "Complete the sentence.");
    assert!(
        matches!(&cloze.kind, QuestionKind::Cloze { blanks, .. } if blanks[0] == Blank::Typed(TextAnswer {
        canonical: "Paris".into(), accept: strings(&["Paris, France"]), typos: 0 }))
    );
    assert_eq!(
        bank.question("earliest-first").unwrap().kind,
        QuestionKind::Ordering {
            items: strings(&[
                "North Atlantic Cooperation Council",
                "Partnership for Peace",
                "Founding Act"
            ])
        }
    );
    let skipped: Vec<String> = imported.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(
        skipped,
        [
            format!(
                "{path}:132:3: question \"why-enlarge\": an essay (a written answer the teacher marks) has no answer Accord can mark, so it is left out"
            ),
            format!(
                "{path}:137:3: question \"drag-the-words\": drag-and-drop or select-the-missing-words questions have no Accord type, so it is left out"
            ),
            format!(
                "{path}:146:7: question \"map-question\": the image \"map 1.png\" is inside the Moodle file; Accord shows images from files beside the bank: save it there and add image = {{ file = \"map 1.png\", alt = \"…\" }}"
            ),
        ]
    );
    assert!(
        imported
            .changed
            .iter()
            .any(|c| c.what.contains("\"Yeltsin\" (50%)"))
    );
}

#[test]
fn moodle_xml_mistakes_are_reported_and_unfit_questions_listed() {
    let path = "tests/interchange/mistakes.xml";
    let imported = import(Format::MoodleXml, path);
    assert_eq!(
        messages(&imported),
        [
            format!(
                "{path}:3:3: question \"no-right-answer\": no answer is right: give the right answer fraction=\"100\""
            ),
            format!("{path}:13:28: question \"not-a-number\": \"nineteen\" is not a number"),
        ]
    );
    assert_eq!(
        imported.skipped[0].to_string(),
        format!(
            "{path}:15:3: question \"several-answers-in-a-gap\": blank 1 (MULTIRESPONSE) takes several answers, which an Accord blank cannot, so it is left out"
        )
    );
}

#[test]
fn broken_xml_or_another_xml_is_refused_with_its_place() {
    let broken = read(
        Format::MoodleXml,
        SourceFile::new(
            "b.xml",
            "<quiz>\n  <question type=\"truefalse\">\n</quiz>\n",
        ),
    )
    .unwrap_err()
    .to_string();
    assert!(broken.starts_with("b.xml:3:"), "{broken}");
    assert!(broken.contains("the XML is broken here"), "{broken}");
    let other = read(
        Format::MoodleXml,
        SourceFile::new("o.xml", "<?xml version=\"1.0\"?>\n<html></html>"),
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        other,
        "o.xml:2:1: this is XML but not a Moodle question file: it starts with <html>, not <quiz>\n"
    );
}
