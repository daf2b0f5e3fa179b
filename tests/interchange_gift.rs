//! The GIFT reader against Moodle's own documentation examples, a teacher's quiz and a file
//! of typical mistakes; and the GIFT writer's weights and escapes.

use accord::bank::{Bank, Blank, ClozePiece, QuestionKind, Rules, SourceFile, TextAnswer};
use accord::interchange::{Checked, Format, Imported, check_imported, read, write_gift};

fn import(path: &str) -> Imported {
    let text = std::fs::read_to_string(path).unwrap();
    read(Format::Gift, SourceFile::new(path, text)).unwrap()
}

fn import_text(text: &str) -> Imported {
    read(Format::Gift, SourceFile::new("quiz.gift", text)).unwrap()
}

fn checked(imported: &Imported) -> Checked {
    check_imported(imported, Rules::default())
}

fn messages(checked: &Checked) -> Vec<String> {
    checked.errors.iter().map(ToString::to_string).collect()
}

/// The bank of a file that must load; every question, whatever the problems elsewhere.
fn questions(imported: &Imported) -> Bank {
    let reports = checked(imported).reports;
    let questions = reports.into_iter().filter_map(|r| r.question).collect();
    Bank::new(
        accord::interchange::meta_of(imported),
        imported.topics.clone(),
        questions,
    )
}

fn kind<'b>(bank: &'b Bank, id: &str) -> &'b QuestionKind {
    &bank
        .question(id)
        .unwrap_or_else(|| panic!("{id} was read"))
        .kind
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

const EXAMPLES: &str = "tests/interchange/moodle-examples.gift";

#[test]
fn every_moodle_documentation_example_is_read_or_listed_with_a_reason() {
    let imported = import(EXAMPLES);
    let checked = checked(&imported);
    // The one problem: Moodle's two-pair matching example is below Accord's three pairs.
    assert_eq!(
        messages(&checked),
        [format!(
            "{EXAMPLES}:198:38: question \"q4\": `pairs` has 2 pairs; it needs 3 to 6"
        )]
    );
    // Skipped, with their lines: the essay Q8, the description, and the essay that has only
    // general feedback.
    let skipped: Vec<(usize, bool)> = imported
        .skipped
        .iter()
        .map(|s| (s.at.line, s.what.contains("essay")))
        .collect();
    assert_eq!(skipped, [(213, true), (220, false), (223, true)]);
    // 51 questions in the file less the 3 skipped; one (Q4) has a problem.
    assert_eq!(imported.questions.len(), 48);
    assert_eq!(checked.reports.iter().filter(|r| r.problems > 0).count(), 1);
}

#[test]
fn moodle_examples_map_to_the_nearest_accord_types() {
    let imported = import(EXAMPLES);
    let bank = questions(&imported);
    // Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}
    assert_eq!(
        kind(&bank, "q-1"),
        &QuestionKind::SingleChoice {
            choices: strings(&["Grant", "Jefferson", "no one"]),
            answer: 2
        }
    );
    // Grant is {~buried =entombed ~living} in Grant's tomb: a missing word.
    assert_eq!(
        kind(&bank, "q-2"),
        &QuestionKind::Cloze {
            pieces: vec![
                ClozePiece::Text("Grant is ".into()),
                ClozePiece::Blank(0),
                ClozePiece::Text(" in Grant's tomb.".into())
            ],
            blanks: vec![Blank::Choice {
                options: strings(&["buried", "entombed", "living"]),
                answer: 1
            }]
        }
    );
    assert_eq!(
        kind(&bank, "q-3"),
        &QuestionKind::TrueFalse { answer: false }
    );
    assert_eq!(
        kind(&bank, "q-4"),
        &QuestionKind::ShortText {
            answer: TextAnswer {
                canonical: "no one".into(),
                accept: strings(&["nobody"]),
                typos: 0
            }
        }
    );
    // {#1822:1}
    assert_eq!(
        kind(&bank, "q-5"),
        &QuestionKind::Numeric {
            answer: 1822.0,
            tolerance: 1.0,
            unit: None
        }
    );
    // {#3.141..3.142}: the midpoint 3.1415 and half the width, 0.0005, as {#3.1415:0.0005}.
    assert_eq!(kind(&bank, "q-15"), kind(&bank, "q-14"));
    // 3.1415 written as a division: clippy takes the literal for a rough π.
    assert_eq!(
        kind(&bank, "q-15"),
        &QuestionKind::Numeric {
            answer: 31_415.0 / 10_000.0,
            tolerance: 0.0005,
            unit: None
        }
    );
    // {#1..5}: 3 ± 2.
    assert_eq!(
        kind(&bank, "q6"),
        &QuestionKind::Numeric {
            answer: 3.0,
            tolerance: 2.0,
            unit: None
        }
    );
    // Two plus two equals {=four =4}.
    assert!(
        matches!(kind(&bank, "q-8"), QuestionKind::Cloze { blanks, .. }
        if blanks == &[Blank::Typed(TextAnswer { canonical: "four".into(), accept: strings(&["4"]), typos: 0 })])
    );
    assert!(
        matches!(kind(&bank, "q-12"), QuestionKind::Matching { lefts, rights }
        if lefts == &strings(&["Canada", "Italy", "Japan", "India"]) && rights[3] == "New Delhi")
    );
    // Multiple answers with %50% weights, the wrong ones at 0 % or −50 %.
    for id in ["q-27", "q-28"] {
        assert_eq!(
            kind(&bank, id),
            &QuestionKind::MultipleSelect {
                choices: strings(&["No one", "Grant", "Grant's wife", "Grant's father"]),
                answers: vec![1, 2]
            }
        );
    }
    // Escaped control characters are text.
    assert!(
        matches!(kind(&bank, "gift-control-characters"), QuestionKind::SingleChoice { choices, answer: 5 }
        if choices == &strings(&["~", "=", "#", "{", "}", "\\"]))
    );
    assert!(
        matches!(kind(&bank, "q-29"), QuestionKind::SingleChoice { choices, answer: 1 }
        if choices[1] == "= 2 + 3")
    );
    assert_eq!(bank.question("q-48").unwrap().prompt, "1 + 2 =");
    // Names become ids; a name used twice gets a suffix.
    assert!(bank.question("kanji-origins").is_some());
    assert!(bank.question("jesus-hometown-2").is_some());
    // Lines wrapped in the file join with a space.
    assert_eq!(
        bank.question("kanji-origins").unwrap().prompt,
        "Japanese characters originally came from what country?"
    );
}

#[test]
fn formats_are_made_plain_and_the_change_is_noted() {
    let imported = import(EXAMPLES);
    let bank = questions(&imported);
    assert_eq!(
        bank.question("q-22").unwrap().prompt,
        "Who's buried in Grant's tomb?",
        "[markdown] ** dropped"
    );
    assert!(
        matches!(kind(&bank, "q-51"), QuestionKind::SingleChoice { choices, .. }
        if choices == &strings(&["this", "this & that"]))
    );
    let notes: Vec<String> = imported.changed.iter().map(ToString::to_string).collect();
    assert!(notes.contains(&format!(
        "{EXAMPLES}:96:1: question \"q-22\": Markdown formatting is removed: Accord shows plain text"
    )));
    assert!(notes.contains(&format!(
        "{EXAMPLES}:242:1: question \"q-51\": HTML formatting is removed: Accord shows plain text"
    )));
}

#[test]
fn feedback_is_folded_into_the_explanation_and_partial_credit_is_noted() {
    let imported = import(EXAMPLES);
    let bank = questions(&imported);
    assert_eq!(
        bank.question("q2").unwrap().explanation.as_deref(),
        Some("“yellow”: right; good!\n“red”: wrong, it's yellow\n“blue”: wrong, it's yellow")
    );
    // {FALSE#…}: the first feedback is shown to a learner who answers wrong, here "True".
    assert_eq!(
        bank.question("q-23").unwrap().explanation.as_deref(),
        Some("“True”: No one is buried in Grant's tomb.")
    );
    assert_eq!(
        bank.question("q-47").unwrap().explanation.as_deref(),
        Some("“True”: No: it rises in the east.\n“False”: Yes.")
    );
    let notes: Vec<String> = imported.changed.iter().map(ToString::to_string).collect();
    let expected = [
        format!(
            "{EXAMPLES}:107:5: question \"jesus-hometown\": partial credit for \"Bethlehem\" (25%), \"Galilee\" (50%) is dropped: in Accord a single choice is right or wrong"
        ),
        format!(
            "{EXAMPLES}:111:1: the name \"Jesus' hometown\" is used before: the question's id is \"jesus-hometown-2\""
        ),
        format!(
            "{EXAMPLES}:111:43: question \"jesus-hometown-2\": answers with partial or no credit are dropped, since Accord accepts a typed answer or not: \"Nazereth\" (75%), \"Bethlehem\" (25%)"
        ),
        format!(
            "{EXAMPLES}:207:40: question \"q7\": only the fully right answer is kept (an Accord numeric question has one answer within a tolerance); dropped: \"1822 ± 2\" (50%)"
        ),
        format!(
            "{EXAMPLES}:192:3: question \"q2\": feedback for single answers is folded into the explanation, which Accord shows after any answer"
        ),
    ];
    for note in expected {
        assert!(notes.contains(&note), "{note}\nnot in {notes:#?}");
    }
}

#[test]
fn categories_become_topics_with_valid_ids() {
    let imported = import(EXAMPLES);
    let topics: Vec<(&str, &str)> = imported
        .topics
        .iter()
        .map(|t| (t.id.as_str(), t.title.as_str()))
        .collect();
    assert_eq!(
        topics,
        [
            ("moodle-examples", "Moodle examples"),
            ("quick-examples", "Quick examples"),
            ("tom-dick-harry", "tom / dick / harry"),
        ]
    );
    let bank = questions(&imported);
    assert_eq!(bank.question("q1").unwrap().topic, "quick-examples");
    assert_eq!(bank.question("continents").unwrap().topic, "tom-dick-harry");
}

#[test]
fn a_teachers_quiz_loads_whole() {
    let imported = import("tests/interchange/weimar.gift");
    let checked = checked(&imported);
    assert!(checked.errors.is_empty(), "{}", checked.errors);
    let bank = checked.bank.unwrap();
    assert_eq!(bank.meta.id, "weimar");
    assert_eq!(bank.meta.fact_sheet, None);
    assert_eq!(bank.topics.len(), 2);
    let types: Vec<&str> = bank
        .questions
        .iter()
        .map(|q| q.kind.question_type().name())
        .collect();
    assert_eq!(
        types,
        [
            "single",
            "multiple",
            "true_false",
            "short_text",
            "numeric",
            "matching",
            "cloze",
            "single"
        ]
    );
    assert_eq!(imported.skipped.len(), 1, "the essay");
    assert_eq!(
        bank.question("hyperinflation")
            .unwrap()
            .explanation
            .as_deref(),
        Some("Prices doubled every few days by November 1923.")
    );
}

#[test]
fn mistakes_are_reported_with_their_line_and_likely_cause() {
    let path = "tests/interchange/mistakes.gift";
    let checked = checked(&import(path));
    let expected = [
        "3:28: question \"open\": this { is never closed: end the answers with } (to show a brace in the text, write \\{)",
        "5:47: question \"stray\": this } closes nothing: answers go between { and } (to show a brace in the text, write \\})",
        "8:32: question \"first\": a second set of answers { … } in one question: leave a blank line between questions",
        "10:52: question \"no-right\": no answer is marked right: put = before the right answer, or weights like %50% (adding up to 100%) before each right answer of a multiple answer question",
        "12:42: question \"no-marker\": the answer \"Yeltsin\" has no = or ~ before it: start each answer with = (right) or ~ (wrong)",
        "14:40: question \"bad-weight\": the weight \"%half%\" is not a percentage between -100 and 100, like %50% or %-25%",
        "16:47: question \"bad-number\": \"3,14\" is not a number (write decimals with a point, like 3.14): numerical answers are {#answer}, {#answer:tolerance} or {#min..max}",
        "18:48: question \"backwards\": the range 1991..1989 runs backwards: write the smaller number first",
        "20:50: question \"no-arrow\": the pair \"PJC 1997\" has no ->: write each pair as =left -> right",
        "22:1: the question name opened with :: is not closed: write ::name:: before the question text",
        "24:41: question \"nested\": a second { before the } that closes the first: close the answers with }, or write \\{ for a brace in the text",
        "26:37: question \"twice\": `choices` has \"Paris\" twice; entries must be distinct",
    ]
    .map(|m| format!("{path}:{m}"));
    assert_eq!(messages(&checked), expected);
    assert!(checked.bank.is_none(), "a file with mistakes does not load");
    // The question after them is still read.
    assert!(
        checked
            .reports
            .iter()
            .any(|r| r.id.as_deref() == Some("fine") && r.question.is_some())
    );
}

#[test]
fn several_equals_in_a_choice_make_a_multiple_select_and_say_so() {
    let imported = import_text("Which were founders? {=Belgium =France ~Spain}\n");
    let bank = questions(&imported);
    assert_eq!(
        kind(&bank, "q-1"),
        &QuestionKind::MultipleSelect {
            choices: strings(&["Belgium", "France", "Spain"]),
            answers: vec![0, 1]
        }
    );
    assert!(
        imported.changed[0]
            .what
            .contains("several answers are marked right")
    );
}

#[test]
fn unequal_weights_in_a_multiple_answer_question_are_noted() {
    let imported = import_text("Which? {~%25%a ~%75%b ~c}\n");
    assert!(
        imported.changed[0]
            .what
            .contains("the weights \"a\" (25%), \"b\" (75%) are not kept"),
        "{:?}",
        imported.changed
    );
    let even = import_text("Which? {~%50%a ~%50%b ~%-100%c}\n");
    assert!(even.changed.is_empty());
}

#[test]
fn a_file_of_only_essays_loads_nothing_and_says_why() {
    let imported = import_text("Discuss. {}\n\nDescribe. {}\n");
    assert_eq!(imported.skipped.len(), 2);
    let checked = checked(&imported);
    assert_eq!(
        messages(&checked),
        ["quiz.gift:1:1: no question in this file could be brought in (2 skipped: see the list)"]
    );
}

#[test]
fn the_writer_gives_moodle_weights_equal_to_accords_scoring() {
    let bank = questions(&import_text(
        "::m:: Which joined in 1999? {~%33.33333%Poland ~%33.33333%Hungary ~%33.33333%Czechia ~%-33.33333%Austria}\n",
    ));
    let text = write_gift(&bank).text;
    // Three right answers: each +100/3 %, each wrong one −100/3 %, so ticking all four earns
    // max(0, 3 × 33.33 − 33.33) = 66.67 % in Moodle and (3 − 1) / 3 in Accord.
    assert!(
        text.contains("\t~%33.33333%Poland\n\t~%33.33333%Hungary\n\t~%33.33333%Czechia\n\t~%-33.33333%Austria\n"),
        "{text}"
    );
}

#[test]
fn the_writer_escapes_what_gift_would_read_as_syntax() {
    let bank = questions(&import_text(
        "::e:: Is 1 \\= 1 \\{always\\}\\: \\#1 \\~ ok? {T####Yes\\: always.}\n",
    ));
    let q = bank.question("e").unwrap();
    assert_eq!(q.prompt, "Is 1 = 1 {always}: #1 ~ ok?");
    let text = write_gift(&bank).text;
    assert!(
        text.contains("::e::Is 1 \\= 1 \\{always\\}\\: \\#1 \\~ ok? {TRUE####Yes\\: always.}"),
        "{text}"
    );
}
