//! Bank parsing and validation: the demo bank loads, and malformed banks are refused with
//! messages naming the file, line and column, and what is wrong.

mod common;

use accord::bank::{Blank, ClozePiece, Difficulty, FactSheet, QuestionKind, QuestionType};
use common::{
    MANIFEST, QUESTIONS, demo_bank, errors_for, load, strict_errors_for, strict_manifest,
};

/// The demo's questions with one question's text replaced, to make one thing wrong.
fn with(from: &str, to: &str) -> String {
    assert!(QUESTIONS.contains(from), "fixture lacks {from:?}");
    QUESTIONS.replacen(from, to, 1)
}

fn assert_one_error(questions: &str, expected: &str) {
    let errors = errors_for(questions);
    assert_eq!(errors, vec![expected.to_string()], "full list: {errors:#?}");
}

/// As `assert_one_error`, in a bank that names a fact sheet.
fn assert_one_strict_error(questions: &str, expected: &str) {
    let errors = strict_errors_for(questions);
    assert_eq!(errors, vec![expected.to_string()], "full list: {errors:#?}");
}

#[test]
fn the_demo_bank_loads_with_every_type() {
    let bank = demo_bank();
    assert_eq!(bank.meta.title, "Demo bank");
    assert_eq!(bank.topics.len(), 2);
    let types: Vec<QuestionType> = bank
        .questions
        .iter()
        .map(|q| q.kind.question_type())
        .collect();
    assert_eq!(types, QuestionType::ALL);
    let single = bank.question("a-single").unwrap();
    assert_eq!(
        single.kind,
        QuestionKind::SingleChoice {
            choices: vec![
                "Paris".into(),
                "Rome".into(),
                "Madrid".into(),
                "Helsinki".into()
            ],
            answer: 0
        }
    );
    assert_eq!(single.difficulty, Some(Difficulty::Easy));
    assert_eq!(single.origin, "q/one.toml:2");
    let QuestionKind::Cloze { pieces, blanks } = &bank.question("b-cloze").unwrap().kind else {
        panic!("b-cloze is a cloze");
    };
    assert_eq!(pieces[1], ClozePiece::Blank(0));
    assert!(matches!(&blanks[1], Blank::Choice { answer: 1, .. }));
}

#[test]
fn a_toml_syntax_error_names_file_line_and_column() {
    let errors = errors_for("[[question]]\nid = \"x\"\nprompt = \"unterminated\n");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with("q/one.toml:3:"), "{}", errors[0]);
    assert!(errors[0].contains("string"), "{}", errors[0]);
}

#[test]
fn an_unknown_field_is_refused_where_it_stands() {
    let errors = errors_for(&with(
        "difficulty = 1\n\n[[question]]\nid = \"a-multiple\"",
        "dificulty = 1\n\n[[question]]\nid = \"a-multiple\"",
    ));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("q/one.toml:12:1: unknown field `dificulty`"),
        "{}",
        errors[0]
    );
}

#[test]
fn duplicate_ids_are_refused_with_the_first_place() {
    assert_one_error(
        &with("id = \"a-multiple\"", "id = \"a-single\""),
        "q/one.toml:15:6: duplicate question id \"a-single\" (first used at q/one.toml:3)",
    );
}

#[test]
fn an_answer_outside_the_choices_is_refused() {
    assert_one_error(
        &with("answer = \"Paris\"", "answer = \"Pariss\""),
        "q/one.toml:8:10: question \"a-single\": answer \"Pariss\" is not one of the choices",
    );
}

#[test]
fn an_unknown_topic_is_refused() {
    assert_one_error(
        &with(
            "topic = \"alpha\"\ntype = \"multiple\"",
            "topic = \"gamma\"\ntype = \"multiple\"",
        ),
        "q/one.toml:16:9: question \"a-multiple\": unknown topic \"gamma\"; the bank declares no such topic",
    );
}

#[test]
fn duplicate_ordering_items_are_refused() {
    assert_one_error(
        &with("items = [\"NACC\", \"PfP\"", "items = [\"NACC\", \"NACC\""),
        "q/one.toml:43:18: question \"b-order\": `items` has \"NACC\" twice; entries must be distinct",
    );
}

#[test]
fn a_negative_tolerance_is_refused() {
    assert_one_error(
        &with("answer = 2023\n", "answer = 2023\ntolerance = -1\n"),
        "q/one.toml:66:13: question \"b-num\": `tolerance` is negative; it must be 0 or more",
    );
}

#[test]
fn unequal_or_repeated_matching_sides_are_refused() {
    assert_one_error(
        &with("[\"NRC\", \"2002\"]]", "[\"NRC\"]]"),
        "q/one.toml:54:45: question \"b-match\": each pair needs exactly two sides, [left, right]; this one has 1",
    );
    assert_one_error(
        &with("[\"NRC\", \"2002\"]]", "[\"NRC\", \"1997\"]]"),
        "q/one.toml:54:53: question \"b-match\": `pairs (right side)` has \"1997\" twice; entries must be distinct",
    );
}

#[test]
fn a_missing_explanation_or_source_is_refused_in_a_bank_with_a_fact_sheet() {
    assert_one_strict_error(
        &with("explanation = \"Paris, 27 May 1997.\"\n", ""),
        "q/one.toml:2:1: question \"a-single\": missing `explanation`",
    );
    assert_one_strict_error(
        &with("sources = [\"https://example.org/enl\"]", "sources = []"),
        "q/one.toml:23:11: question \"a-multiple\": `sources` has 0 entries; it needs 1 to 10",
    );
}

#[test]
fn a_difficulty_outside_one_to_three_is_refused() {
    assert_one_error(
        &with(
            "difficulty = 3\n\n[[question]]\nid = \"b-spot\"",
            "difficulty = 4\n\n[[question]]\nid = \"b-spot\"",
        ),
        "q/one.toml:94:14: question \"b-cloze\": difficulty 4 is outside 1–3 (1 easy, 2 medium, 3 hard)",
    );
}

#[test]
fn a_wrong_answer_type_is_explained() {
    assert_one_error(
        &with("answer = false", "answer = \"false\""),
        "q/one.toml:31:10: question \"b-tf\": `answer` of a true_false question is true or false (no quotes)",
    );
}

#[test]
fn a_field_of_another_type_is_refused() {
    assert_one_error(
        &with(
            "answer = false\n",
            "answer = false\nchoices = [\"True\", \"False\"]\n",
        ),
        "q/one.toml:32:11: question \"b-tf\": `choices` does not belong to a true_false question",
    );
}

#[test]
fn cloze_markers_must_match_the_blanks() {
    assert_one_error(
        &with("Signed in {1} in {2}.", "Signed in {1} in {3}."),
        "q/one.toml:89:8: question \"b-cloze\": `text` must hold the markers {1} to {2}, once each and in order, one per blank; found [{1}, {3}]",
    );
}

#[test]
fn an_unknown_type_lists_the_known_ones() {
    let errors = errors_for(&with("type = \"numeric\"", "type = \"number\""));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0]
            .contains("unknown type \"number\"; expected one of: single, multiple, true_false"),
        "{}",
        errors[0]
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let broken = with("answer = \"Paris\"", "answer = \"Pariss\"").replacen(
        "difficulty = 2",
        "difficulty = 0",
        1,
    );
    assert_eq!(errors_for(&broken).len(), 2);
}

#[test]
fn a_missing_question_file_names_the_manifest_line() {
    let errors = load(&[("index.toml", MANIFEST)], None).unwrap_err();
    assert_eq!(
        errors.to_string().trim(),
        "q/index.toml:8:10: cannot read \"q/one.toml\": not found (404)"
    );
}

#[test]
fn an_unsafe_file_path_is_refused() {
    let manifest = MANIFEST.replace("files = [\"one.toml\"]", "files = [\"../secret.toml\"]");
    let errors = load(&[("index.toml", &manifest)], None).unwrap_err();
    assert!(
        errors
            .to_string()
            .contains("file \"../secret.toml\" is refused: it must stay inside this folder"),
        "{errors}"
    );
}

#[test]
fn a_manifest_without_bank_table_is_refused() {
    let manifest = MANIFEST.replace("[bank]", "[bonk]");
    let errors = load(&[("index.toml", &manifest), ("one.toml", QUESTIONS)], None).unwrap_err();
    assert!(
        errors
            .to_string()
            .starts_with("q/index.toml:2:2: unknown field `bonk`"),
        "{errors}"
    );
}

#[test]
fn a_topic_without_questions_is_refused() {
    let manifest = format!("{MANIFEST}\n[[topic]]\nid = \"gamma\"\ntitle = \"Gamma\"\n");
    let errors = load(&[("index.toml", &manifest), ("one.toml", QUESTIONS)], None).unwrap_err();
    assert_eq!(
        errors.to_string().trim(),
        "q/index.toml:19:6: topic \"gamma\" has no questions"
    );
}

#[test]
fn fact_ids_are_checked_against_the_fact_sheet_when_given() {
    let sheet = FactSheet::parse(
        "**F-FA-02** **F-ENL-04** **F-FA-10** **F-NACC-01** **F-NRC-02** **F-NORD-03** **F-FA-04** \
         **F-END-07** **E-001-03.** https://example.org/fa https://example.org/enl https://example.org/nacc \
         https://example.org/nrc https://example.org/nord https://example.org/end",
    );
    let strict = strict_manifest();
    assert!(
        load(
            &[("index.toml", &strict), ("one.toml", QUESTIONS)],
            Some(&sheet)
        )
        .is_ok()
    );
    let broken = QUESTIONS.replacen("F-FA-02", "F-FA-99", 1);
    assert!(
        load(
            &[("index.toml", MANIFEST), ("one.toml", &broken)],
            Some(&sheet)
        )
        .is_ok(),
        "a bank that names no fact sheet is never held to one"
    );
    let errors = load(
        &[("index.toml", &strict), ("one.toml", &broken)],
        Some(&sheet),
    )
    .unwrap_err();
    assert_eq!(
        errors.to_string().trim(),
        "q/one.toml:10:10: question \"a-single\": `facts` entry \"F-FA-99\" is not in the fact sheet"
    );
}

#[test]
fn a_multiple_answer_must_name_choices() {
    assert_one_error(
        &with(
            r#"answer = ["Czech Republic", "Hungary", "Poland"]"#,
            r#"answer = ["Czech Republic", "Austria"]"#,
        ),
        "q/one.toml:20:10: question \"a-multiple\": answer \"Austria\" is not one of the choices",
    );
    assert_one_error(
        &with(
            r#"answer = ["Czech Republic", "Hungary", "Poland"]"#,
            "answer = []",
        ),
        "q/one.toml:20:10: question \"a-multiple\": `answer` is empty; name at least one",
    );
}

#[test]
fn a_short_text_answer_is_text_with_at_most_two_typos() {
    assert_one_error(
        &with("typos = 1", "typos = 3"),
        "q/one.toml:78:9: question \"b-text\": typos 3 is outside 0–2",
    );
    assert_one_error(
        &with("answer = \"Primakov\"", "answer = 1997"),
        "q/one.toml:76:10: question \"b-text\": `answer` of a short_text question is a text",
    );
}

#[test]
fn a_cloze_option_answer_must_be_an_option() {
    assert_one_error(
        &with(
            "{ answer = \"1997\", options",
            "{ answer = \"1998\", options",
        ),
        "q/one.toml:90:33: question \"b-cloze\": option answer \"1998\" is not one of the options",
    );
}

#[test]
fn spot_the_error_needs_a_wrong_part_that_exists_and_an_error_id() {
    assert_one_error(
        &with(
            "wrong = [\"then the Soviet Union,\"]",
            "wrong = [\"then the USSR,\"]",
        ),
        "q/one.toml:102:9: question \"b-spot\": wrong part \"then the USSR,\" is not one of the parts",
    );
    assert_one_strict_error(
        &with("errors = [\"E-001-03\"]\n", ""),
        "q/one.toml:96:1: question \"b-spot\": missing `errors`",
    );
    let all_wrong = with(
        "wrong = [\"then the Soviet Union,\"]",
        "wrong = [\"Russia,\", \"then the Soviet Union,\", \"viewed it as a challenge.\"]",
    );
    assert_one_error(
        &all_wrong,
        "q/one.toml:102:9: question \"b-spot\": every part is marked wrong; at least one part must be right",
    );
}

#[test]
fn a_value_of_the_wrong_toml_type_is_named() {
    assert_one_error(
        &with("prompt = \"Year Finland joined?\"", "prompt = 2023"),
        "q/one.toml:64:10: `prompt` must be text in quotes, not an integer",
    );
}

#[test]
fn a_review_date_must_be_a_real_date_and_not_in_the_future() {
    use accord::bank::{Rules, load_bank_with};
    use accord::calendar::Date;
    let dated = |date: &str| {
        with(
            "difficulty = 1\n",
            &format!("difficulty = 1\nreviewed = {date}\n"),
        )
    };
    let bank = common::load(
        &[("index.toml", MANIFEST), ("one.toml", &dated("2026-12-01"))],
        None,
    )
    .unwrap();
    assert_eq!(
        bank.question("a-single").unwrap().reviewed,
        Date::new(2026, 12, 1)
    );
    let errors = errors_for(&dated("2026-02-30"));
    // TOML itself refuses dates that do not exist.
    assert!(errors[0].contains("invalid date"), "{errors:?}");
    let errors = errors_for(&dated("\"2026-12-01\""));
    assert!(errors[0].contains("without quotes"), "{errors:?}");
    let errors = errors_for(&dated("2026-12-01T10:00:00"));
    assert!(errors[0].contains("without a time"), "{errors:?}");
    let files = [
        ("q/index.toml", MANIFEST.to_string()),
        ("q/one.toml", dated("2026-12-02")),
    ];
    let read = |path: &str| {
        files
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| "missing".to_string())
    };
    let errors = load_bank_with(
        "q/index.toml",
        read,
        Rules {
            facts: None,
            today: Date::new(2026, 12, 1),
        },
    )
    .unwrap_err();
    assert!(
        errors
            .to_string()
            .contains("`reviewed` 2026-12-02 is in the future (today is 2026-12-01)"),
        "{errors}"
    );
}

// Found by the hardening audit (issue 8, §5): each refused with a message that says where.

#[test]
fn a_number_too_large_for_a_float_is_refused_not_read_as_infinity() {
    // It once said "tolerance inf is negative".
    let errors = errors_for(&with(
        "answer = 2023\n",
        "answer = 2023\ntolerance = 1e400\n",
    ));
    assert_eq!(
        errors,
        vec!["q/one.toml:66:13: `tolerance` is too large a number"]
    );
}

#[test]
fn a_deeply_dotted_key_is_reported_where_it_stands() {
    let key = vec!["a"; 1000].join(".");
    let questions = format!("{QUESTIONS}\n\n{key} = 1\n");
    // It once said line 1; the key is on the file's last line: the demo file's 107 lines
    // and its final newline, two more newlines, then the key on line 110.
    assert_eq!(QUESTIONS.lines().count(), 107);
    let errors = errors_for(&questions);
    assert_eq!(
        errors,
        vec![
            "q/one.toml:110:1: recursion limit: the nesting is too deep (a key with very many dots, or lists inside lists)"
        ]
    );
}

#[test]
fn files_of_the_same_name_in_two_folders_are_two_files() {
    // `files = ["sub/one.toml", "one.toml"]` was once refused as "listed twice".
    let manifest = MANIFEST.replace(
        "files = [\"one.toml\"]",
        "files = [\"sub/one.toml\", \"one.toml\"]",
    );
    let (first, rest) = QUESTIONS.split_at(QUESTIONS.find("\n[[question]]").unwrap());
    let bank = load(
        &[
            ("index.toml", &manifest),
            ("sub/one.toml", first),
            ("one.toml", rest),
        ],
        None,
    )
    .unwrap();
    assert_eq!(bank.questions.len(), demo_bank().questions.len());
}
