//! The CSV reader's three dialects (Accord's template, Kahoot's spreadsheet, term/definition
//! cards) on realistic files and on files with mistakes, each message with its line and column.

use accord::bank::{QuestionKind, Rules, SourceFile};
use accord::interchange::{Format, Imported, check_imported, load_imported, read};

fn import(path: &str) -> Imported {
    let text = std::fs::read_to_string(path).unwrap();
    read(Format::Csv, SourceFile::new(path, text)).unwrap()
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
fn the_documented_template_loads_with_every_type() {
    let imported = import("docs/templates/questions.csv");
    let bank = load_imported(&imported, Rules::default()).unwrap_or_else(|e| panic!("{e}"));
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
            "ordering",
            "matching",
            "numeric",
            "short_text",
            "cloze",
            "cloze",
            "spot_error"
        ]
    );
    let topics: Vec<&str> = bank.topics.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(topics, ["The Founding Act", "Enlargement"]);
    let place = bank.question("fa-place").unwrap();
    assert_eq!(
        place.sources,
        [accord::bank::Source::Citation("Textbook, p. 12".into())]
    );
    assert_eq!(place.tags, ["1997"]);
    assert_eq!(
        bank.question("bodies-order").unwrap().points.thousandths(),
        2000
    );
    assert!(matches!(&bank.question("bodies-match").unwrap().kind,
        QuestionKind::Matching { lefts, rights } if lefts == &strings(&["NACC", "PJC", "NRC"]) && rights[2] == "2002"));
    assert!(matches!(&bank.question("fin-year").unwrap().kind,
        QuestionKind::Numeric { answer, unit: Some(unit), .. } if *answer == 2023.0 && unit == "year"));
    assert!(matches!(&bank.question("fa-negotiator").unwrap().kind,
        QuestionKind::ShortText { answer } if answer.accept.len() == 2 && answer.typos == 1));
    // Moodle's embedded answers in `text`: a typed blank and a drop-down.
    assert!(matches!(&bank.question("fa-cloze").unwrap().kind,
        QuestionKind::Cloze { blanks, .. } if matches!(&blanks[1], accord::bank::Blank::Choice { answer: 1, .. })));
    assert!(matches!(&bank.question("fa-spot").unwrap().kind,
        QuestionKind::SpotError { parts, wrong } if parts.len() == 3 && wrong == &[1]));
}

#[test]
fn template_mistakes_name_the_row_the_column_and_the_likely_cause() {
    let path = "tests/interchange/mistakes.csv";
    let expected = [
        "1:30: unknown column \"answr\": did you mean \"answer\"?",
        "2:77: question \"bad-difficulty\": `difficulty` must be a whole number, not \"easy\"",
        "3:52: question \"bad-bool\": `answer` of a true_false question is true or false, not \"maybe\"",
        "4:47: question \"bad-number\": `answer` of a numeric question is a number, not \"nineteen ninety-seven\"",
        "5:69: question \"not-a-choice\": answer \"Pariss\" is not one of the choices",
        "6:23: question \"bad-type\": unknown type \"singel\" (did you mean \"single\"?); expected one of: single, multiple, true_false, ordering, matching, numeric, short_text, cloze, spot_error",
        "7:68: question \"comma\": `difficulty` must be a whole number, not \" France\" (it starts with a space: is it the end of a text with a comma? Put such a text in double quotes, like \"Paris, France\")",
        "8:54: question \"no-arrow\": the pair \"PJC 1997\" has no ->: write each pair as left -> right, pairs separated by |",
    ]
    .map(|m| format!("{path}:{m}"));
    assert_eq!(messages(&import(path)), expected);
}

#[test]
fn a_row_longer_than_the_header_points_at_the_unquoted_comma() {
    let text = "id,type,prompt,choices,answer\nq,single,Where?,Paris | Rome,Paris, France\n";
    let imported = read(Format::Csv, SourceFile::new("q.csv", text)).unwrap();
    assert_eq!(
        messages(&imported),
        [
            "q.csv:2:36: this row has 6 cells but the header has 5 columns: a text with a comma must be in double quotes, like \"Paris, 1997\""
        ]
    );
}

#[test]
fn semicolons_and_decimal_commas_from_a_european_spreadsheet_are_read() {
    let text = "id;type;prompt;answer;tolerance\npi;numeric;Pi to two decimals?;3,14;0,005\n";
    let imported = read(Format::Csv, SourceFile::new("q.csv", text)).unwrap();
    let bank = load_imported(&imported, Rules::default()).unwrap();
    assert!(matches!(bank.questions[0].kind,
        QuestionKind::Numeric { answer, tolerance, .. } if answer == 314.0 / 100.0 && tolerance == 0.005));
}

#[test]
fn a_kahoot_spreadsheet_loads_below_its_notes() {
    let imported = import("tests/interchange/kahoot.csv");
    let bank = load_imported(&imported, Rules::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        bank.questions[0].kind,
        QuestionKind::SingleChoice {
            choices: strings(&["1945", "1949", "1955", "1961"]),
            answer: 1
        }
    );
    assert_eq!(
        bank.questions[1].kind,
        QuestionKind::MultipleSelect {
            choices: strings(&["Finland", "Sweden", "Switzerland", "Austria"]),
            answers: vec![0, 1]
        }
    );
    assert_eq!(
        bank.questions[2].kind,
        QuestionKind::TrueFalse { answer: true },
        "True and False as the answers make a true/false question"
    );
    assert_eq!(bank.questions[0].origin, "tests/interchange/kahoot.csv:8");
    assert_eq!(
        imported.changed[0].to_string(),
        "tests/interchange/kahoot.csv:8:46: the time limits are not kept: an Accord quiz has no time limit per question"
    );
}

#[test]
fn kahoot_mistakes_name_the_row() {
    let path = "tests/interchange/mistakes-kahoot.csv";
    assert_eq!(
        messages(&import(path)),
        [
            format!(
                "{path}:2:41: question \"q-1\": \"Correct answer(s)\" names \"3\", which is not one of this row's answers (give their numbers, like 1 or 1,3)"
            ),
            format!(
                "{path}:3:3: question \"q-2\": no correct answer: put its number (1 to 4) in \"Correct answer(s)\""
            ),
        ]
    );
}

#[test]
fn cards_become_questions_with_the_next_cards_terms_as_wrong_choices() {
    let imported = import("tests/interchange/cards.tsv");
    let bank = load_imported(&imported, Rules::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bank.questions.len(), 5, "the header row is no card");
    let q = bank.question("start").unwrap();
    assert_eq!(
        q.prompt,
        "Which term matches: The 1991 treaty cutting strategic arms?"
    );
    // The last card's wrong choices wrap round to the first three cards.
    assert_eq!(
        q.kind,
        QuestionKind::SingleChoice {
            choices: strings(&["START", "NATO", "Warsaw Pact", "CFE"]),
            answer: 0
        }
    );
    // The same file gives the same bank: no randomness.
    let again = load_imported(&import("tests/interchange/cards.tsv"), Rules::default()).unwrap();
    assert_eq!(again, bank);
}

#[test]
fn fewer_than_four_cards_become_typed_answers() {
    let text = "NATO,The alliance of 1949.\nCFE,The treaty of 1990.\n";
    let imported = read(Format::Csv, SourceFile::new("few.csv", text)).unwrap();
    let bank = load_imported(&imported, Rules::default()).unwrap();
    assert!(matches!(&bank.question("cfe").unwrap().kind,
        QuestionKind::ShortText { answer } if answer.canonical == "CFE"));
}

#[test]
fn a_card_missing_a_side_is_reported() {
    let path = "tests/interchange/mistakes-cards.csv";
    assert_eq!(
        messages(&import(path)),
        [
            format!(
                "{path}:2:1: this card has a term but no definition: put the definition in the second column"
            ),
            format!(
                "{path}:3:2: this card has a definition but no term: put the term in the first column"
            ),
        ]
    );
}

#[test]
fn a_csv_of_no_known_kind_is_refused_whole() {
    let text = "a,b,c\n1,2,3\n";
    let errors = read(Format::Csv, SourceFile::new("odd.csv", text)).unwrap_err();
    let message = errors.to_string();
    assert!(
        message.starts_with("odd.csv:1:1: cannot tell which kind of CSV this is"),
        "{message}"
    );
    assert!(read(Format::Csv, SourceFile::new("empty.csv", "")).is_err());
}
