//! Paper: what a worksheet and its answer key hold, for each question type in a known layout
//! (golden values derived from the layout by hand), for a choice of topics or questions, and
//! for an assignment's own draw; and that the worksheet never holds an answer.

mod common;

use accord::assignment::{Assignment, BankRef, DrawOrder};
use accord::bank::{Bank, Question, Source};
use accord::paper::{
    ClozeBit, Labelled, PaperChoice, PaperError, SheetBody, identity_item, key_item, label, paper,
    paper_seed, sheet_item,
};
use accord::quiz::{QuizItem, QuizSettings, Seed, draw, lay_out};
use accord::text::Language;

fn bank() -> Bank {
    common::demo_bank()
}

fn question<'b>(bank: &'b Bank, id: &str) -> &'b Question {
    bank.question(id)
        .unwrap_or_else(|| panic!("{id} is in the demo bank"))
}

fn item(id: &str, order: &[usize], blank_orders: &[&[usize]]) -> QuizItem {
    QuizItem {
        question: id.to_string(),
        order: order.to_vec(),
        blank_orders: blank_orders.iter().map(|o| o.to_vec()).collect(),
    }
}

fn labelled(pairs: &[(&str, &str)]) -> Vec<Labelled> {
    pairs
        .iter()
        .map(|(label, text)| Labelled {
            label: label.to_string(),
            text: text.to_string(),
        })
        .collect()
}

const EN: Language = Language::English;

#[test]
fn a_single_choice_is_lettered_in_the_layout_order_and_the_key_names_the_letter() {
    let bank = bank();
    let q = question(&bank, "a-single");
    // Choices Paris, Rome, Madrid, Helsinki shown in the order 2, 0, 3, 1: Madrid is A,
    // Paris B, Helsinki C, Rome D; the answer (Paris) is B.
    let layout = item("a-single", &[2, 0, 3, 1], &[]);
    let sheet = sheet_item(q, &layout, 3, "Alpha");
    assert_eq!(sheet.number, 3);
    assert_eq!(sheet.topic, "Alpha");
    assert_eq!(sheet.prompt, "Where was the Founding Act signed?");
    assert_eq!(
        sheet.instruction,
        "Circle the letter of the one right answer."
    );
    assert_eq!(
        sheet.body,
        SheetBody::Choices {
            options: labelled(&[
                ("A", "Madrid"),
                ("B", "Paris"),
                ("C", "Helsinki"),
                ("D", "Rome")
            ]),
            many: false,
        }
    );
    let key = key_item(q, &layout, 3, EN);
    assert_eq!(key.number, 3);
    assert_eq!(key.marks, "B");
    assert_eq!(key.answer, "Paris");
    assert_eq!(key.explanation.as_deref(), Some("Paris, 27 May 1997."));
    assert_eq!(
        key.sources,
        vec![Source::Link("https://example.org/fa".to_string())]
    );
    assert_eq!(key.facts, vec!["F-FA-02".to_string()]);
}

#[test]
fn a_multiple_select_lists_every_right_letter_in_sheet_order() {
    let bank = bank();
    let q = question(&bank, "a-multiple");
    // Czech Republic, Hungary, Poland, Slovakia in the order 3, 2, 1, 0: Slovakia A, Poland
    // B, Hungary C, Czech Republic D. Right: the first three, so B, C and D.
    let layout = item("a-multiple", &[3, 2, 1, 0], &[]);
    let sheet = sheet_item(q, &layout, 1, "Alpha");
    assert_eq!(
        sheet.instruction,
        "Circle the letter of every right answer."
    );
    assert!(matches!(sheet.body, SheetBody::Choices { many: true, .. }));
    let key = key_item(q, &layout, 1, EN);
    assert_eq!(key.marks, "B, C, D");
    assert_eq!(key.answer, "Czech Republic; Hungary; Poland");
}

#[test]
fn true_or_false_keeps_true_first() {
    let bank = bank();
    let q = question(&bank, "b-tf");
    let layout = item("b-tf", &[], &[]);
    let sheet = sheet_item(q, &layout, 1, "Beta");
    assert_eq!(
        sheet.body,
        SheetBody::Choices {
            options: labelled(&[("A", "True"), ("B", "False")]),
            many: false,
        }
    );
    assert_eq!(key_item(q, &layout, 1, EN).marks, "False");
}

#[test]
fn an_ordering_question_gets_boxes_and_the_key_gives_each_letter_its_place() {
    let bank = bank();
    let q = question(&bank, "b-order");
    // Right order: NACC, PfP, Founding Act, NRC (places 1 to 4). Shown as 3, 1, 0, 2: A is
    // NRC (place 4), B PfP (2), C NACC (1), D Founding Act (3).
    let layout = item("b-order", &[3, 1, 0, 2], &[]);
    let sheet = sheet_item(q, &layout, 1, "Beta");
    assert_eq!(
        sheet.instruction,
        "Put these in order: write 1 to 4 in the boxes, 1 for the first."
    );
    assert_eq!(
        sheet.body,
        SheetBody::Ordering {
            items: labelled(&[
                ("A", "NRC"),
                ("B", "PfP"),
                ("C", "NACC"),
                ("D", "Founding Act")
            ]),
        }
    );
    let key = key_item(q, &layout, 1, EN);
    assert_eq!(key.marks, "A 4 · B 2 · C 1 · D 3");
    assert_eq!(key.answer, "NACC → PfP → Founding Act → NRC");
}

#[test]
fn a_matching_question_numbers_the_left_and_letters_the_shuffled_right() {
    let bank = bank();
    let q = question(&bank, "b-match");
    // Pairs NACC–1991, PJC–1997, NRC–2002; the right side shown as 2, 0, 1: A 2002, B 1991,
    // C 1997. So 1 (NACC) is B, 2 (PJC) is C, 3 (NRC) is A.
    let layout = item("b-match", &[2, 0, 1], &[]);
    let sheet = sheet_item(q, &layout, 1, "Beta");
    assert_eq!(
        sheet.body,
        SheetBody::Matching {
            lefts: labelled(&[("1", "NACC"), ("2", "PJC"), ("3", "NRC")]),
            rights: labelled(&[("A", "2002"), ("B", "1991"), ("C", "1997")]),
        }
    );
    assert_eq!(key_item(q, &layout, 1, EN).marks, "1 B · 2 C · 3 A");
}

#[test]
fn typed_answers_get_a_line_and_the_key_says_what_else_counts() {
    let bank = bank();
    let numeric = question(&bank, "b-num");
    let layout = item("b-num", &[], &[]);
    assert_eq!(
        sheet_item(numeric, &layout, 1, "Beta").body,
        SheetBody::Line { unit: None }
    );
    let key = key_item(numeric, &layout, 1, EN);
    assert_eq!(key.marks, "2023");
    assert!(key.also.is_empty(), "no tolerance, nothing else counts");

    let text = question(&bank, "b-text");
    let layout = item("b-text", &[], &[]);
    let key = key_item(text, &layout, 2, EN);
    assert_eq!(key.marks, "Primakov");
    assert_eq!(
        key.also,
        vec![
            "also accepted: Yevgeny Primakov".to_string(),
            "one typing slip is forgiven".to_string()
        ]
    );
}

#[test]
fn a_tolerance_is_given_as_the_range_that_counts() {
    let manifest = common::MANIFEST;
    let questions = "[[question]]\nid = \"n\"\ntopic = \"alpha\"\ntype = \"numeric\"\n\
        prompt = \"How far, in km?\"\nanswer = 1500\ntolerance = 50\nunit = \"km\"\n\n\
        [[question]]\nid = \"m\"\ntopic = \"beta\"\ntype = \"true_false\"\nprompt = \"Yes?\"\nanswer = true\n";
    let bank = common::load(&[("index.toml", manifest), ("one.toml", questions)], None)
        .expect("the bank loads");
    let q = question(&bank, "n");
    let layout = item("n", &[], &[]);
    let sheet = sheet_item(q, &layout, 1, "Alpha");
    assert_eq!(sheet.instruction, "Write your answer (in km) on the line.");
    assert_eq!(
        sheet.body,
        SheetBody::Line {
            unit: Some("km".to_string())
        }
    );
    let key = key_item(q, &layout, 1, EN);
    // 1500 ± 50: from 1450 to 1550 (four-digit numbers are written without a separator).
    assert_eq!(key.marks, "1500 km");
    assert_eq!(key.also, vec!["anything from 1450 to 1550".to_string()]);
    assert_eq!(
        key.answer, "1500 km",
        "the range is said once, among what else counts"
    );
}

#[test]
fn a_cloze_text_numbers_its_gaps_and_lists_the_options_in_layout_order() {
    let bank = bank();
    let q = question(&bank, "b-cloze");
    // "Signed in {1} in {2}.": gap 1 typed (Paris), gap 2 a choice of 1991, 1997, 2002,
    // shown as 2, 1, 0: 2002, 1997, 1991.
    let layout = item("b-cloze", &[], &[&[], &[2, 1, 0]]);
    let sheet = sheet_item(q, &layout, 1, "Beta");
    assert_eq!(
        sheet.instruction,
        "Fill in each numbered gap; where options are given, write one of them."
    );
    assert_eq!(
        sheet.body,
        SheetBody::Cloze {
            bits: vec![
                ClozeBit::Text("Signed in ".to_string()),
                ClozeBit::Gap {
                    number: 1,
                    options: vec![]
                },
                ClozeBit::Text(" in ".to_string()),
                ClozeBit::Gap {
                    number: 2,
                    options: vec!["2002".into(), "1997".into(), "1991".into()]
                },
                ClozeBit::Text(".".to_string()),
            ]
        }
    );
    assert_eq!(key_item(q, &layout, 1, EN).marks, "(1) Paris · (2) 1997");
}

#[test]
fn a_spot_the_error_claim_is_numbered_and_the_key_names_the_wrong_part() {
    let bank = bank();
    let q = question(&bank, "b-spot");
    let layout = item("b-spot", &[], &[]);
    let sheet = sheet_item(q, &layout, 1, "Beta");
    assert_eq!(
        sheet.body,
        SheetBody::Parts {
            parts: labelled(&[
                ("1", "Russia,"),
                ("2", "then the Soviet Union,"),
                ("3", "viewed it as a challenge.")
            ]),
        }
    );
    let key = key_item(q, &layout, 1, EN);
    assert_eq!(key.marks, "2");
    assert_eq!(key.answer, "the wrong part is “then the Soviet Union,”");
}

#[test]
fn a_layout_that_does_not_fit_the_question_falls_back_to_the_bank_order() {
    let bank = bank();
    let q = question(&bank, "a-single");
    // Index 9 is out of range and 0 is there twice: not a layout of four choices.
    for bad in [&[9, 0, 1, 2][..], &[0, 0, 1, 2], &[0, 1], &[]] {
        let layout = item("a-single", bad, &[]);
        let sheet = sheet_item(q, &layout, 1, "Alpha");
        assert_eq!(
            sheet.body,
            SheetBody::Choices {
                options: labelled(&[
                    ("A", "Paris"),
                    ("B", "Rome"),
                    ("C", "Madrid"),
                    ("D", "Helsinki")
                ]),
                many: false,
            },
            "{bad:?}"
        );
        assert_eq!(key_item(q, &layout, 1, EN).marks, "A");
    }
    let cloze = question(&bank, "b-cloze");
    let layout = item("b-cloze", &[], &[&[7, 7, 7]]);
    let key = key_item(cloze, &layout, 1, EN);
    assert_eq!(key.marks, "(1) Paris · (2) 1997");
}

#[test]
fn labels_run_from_a_to_z_then_turn_into_numbers() {
    assert_eq!(label(0), "A");
    assert_eq!(label(7), "H");
    assert_eq!(label(25), "Z");
    // The 27th entry: past Z, its number.
    assert_eq!(label(26), "27");
    // The last possible index saturates rather than overflowing.
    assert_eq!(label(usize::MAX), usize::MAX.to_string());
}

#[test]
fn the_preview_layout_keeps_the_bank_order() {
    let bank = bank();
    for q in &bank.questions {
        let sheet = sheet_item(q, &identity_item(q), 1, "");
        if let SheetBody::Ordering { items } = &sheet.body {
            let texts: Vec<&str> = items.iter().map(|l| l.text.as_str()).collect();
            assert_eq!(texts, ["NACC", "PfP", "Founding Act", "NRC"]);
        }
        if let SheetBody::Cloze { bits } = &sheet.body {
            assert!(bits.contains(&ClozeBit::Gap {
                number: 2,
                options: vec!["1991".into(), "1997".into(), "2002".into()]
            }));
        }
    }
}

#[test]
fn a_choice_of_topics_prints_their_questions_numbered_in_bank_order() {
    let bank = bank();
    let p = paper(&bank, &PaperChoice::Topics(vec!["alpha".into()]), "").unwrap();
    assert_eq!(p.title, "Demo bank: Alpha");
    let ids: Vec<(usize, &str)> = p
        .worksheet
        .iter()
        .map(|i| (i.number, i.id.as_str()))
        .collect();
    assert_eq!(ids, [(1, "a-single"), (2, "a-multiple")]);
    let key_ids: Vec<(usize, &str)> = p.key.iter().map(|i| (i.number, i.id.as_str())).collect();
    assert_eq!(key_ids, [(1, "a-single"), (2, "a-multiple")]);
    assert_eq!(p.total_points(), "2 points");
    assert!(p.notes.is_empty());
    // No topic chosen is every topic: all nine questions.
    let all = paper(&bank, &PaperChoice::Topics(vec![]), "Unit test").unwrap();
    assert_eq!(all.title, "Unit test");
    assert_eq!(all.worksheet.len(), 9);
    assert_eq!(all.total_points(), "9 points");
}

#[test]
fn the_same_choice_prints_the_same_paper_laid_out_by_the_paper_seed() {
    let bank = bank();
    let choice = PaperChoice::Topics(vec![]);
    assert_eq!(
        paper(&bank, &choice, "").unwrap(),
        paper(&bank, &choice, "").unwrap()
    );
    let ids: Vec<String> = bank.questions.iter().map(|q| q.id.clone()).collect();
    let layout = lay_out(&bank, &ids, &paper_seed());
    let p = paper(&bank, &choice, "").unwrap();
    for ((sheet, key), item) in p.worksheet.iter().zip(&p.key).zip(&layout) {
        let q = question(&bank, &item.question);
        assert_eq!(*sheet, sheet_item(q, item, sheet.number, &sheet.topic));
        assert_eq!(*key, key_item(q, item, key.number, EN));
    }
}

#[test]
fn chosen_questions_print_in_the_order_chosen_once_each() {
    let bank = bank();
    let choice = PaperChoice::Questions(vec!["b-spot".into(), "a-single".into(), "b-spot".into()]);
    let p = paper(&bank, &choice, "").unwrap();
    let ids: Vec<&str> = p.worksheet.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["b-spot", "a-single"]);
    assert_eq!(p.title, "Demo bank");
}

#[test]
fn a_choice_the_bank_cannot_give_says_why() {
    let bank = bank();
    assert_eq!(
        paper(&bank, &PaperChoice::Questions(vec![]), ""),
        Err(PaperError::NoQuestions)
    );
    let unknown = paper(&bank, &PaperChoice::Topics(vec!["gamma".into()]), "").unwrap_err();
    assert_eq!(unknown, PaperError::UnknownTopics(vec!["gamma".into()]));
    assert_eq!(unknown.to_string(), "this bank has no topic \"gamma\"");
    let unknown = paper(&bank, &PaperChoice::Questions(vec!["nope\u{7}".into()]), "").unwrap_err();
    assert_eq!(
        unknown.to_string(),
        "this bank has no question \"nope\\u{0007}\""
    );
}

fn assignment(order: DrawOrder) -> Assignment {
    let mut a = Assignment::new(
        "as1".into(),
        "Founding quiz".into(),
        BankRef {
            path: "questions/index.toml".into(),
            id: "demo".into(),
            version: "1".into(),
        },
        Seed::parse("k3f9x2qa").unwrap(),
    );
    a.order = order;
    a.count = 4;
    a.topics = vec!["beta".into()];
    a.instructions = "No notes.".into();
    a
}

#[test]
fn an_assignment_prints_its_own_seed_draw_with_its_title_and_instructions() {
    let bank = bank();
    let a = assignment(DrawOrder::Same);
    let p = paper(&bank, &PaperChoice::Assignment(Box::new(a.clone())), "").unwrap();
    assert_eq!(p.title, "Founding quiz");
    assert_eq!(p.instructions, "No notes.");
    assert!(p.notes.is_empty());
    // The same questions, in the same order and layout, as the assignment's link draws.
    let drawn = draw(
        &bank,
        &QuizSettings::topics(vec!["beta".into()], 4),
        &a.seed,
    );
    assert_eq!(drawn.len(), 4);
    let ids: Vec<&str> = p.worksheet.iter().map(|i| i.id.as_str()).collect();
    let expected: Vec<&str> = drawn.iter().map(|i| i.question.as_str()).collect();
    assert_eq!(ids, expected);
    for (sheet, item) in p.worksheet.iter().zip(&drawn) {
        let q = question(&bank, &item.question);
        assert_eq!(*sheet, sheet_item(q, item, sheet.number, "Beta"));
    }
}

#[test]
fn an_assignment_drawn_per_student_says_paper_uses_its_own_seed_draw() {
    let bank = bank();
    let same = paper(
        &bank,
        &PaperChoice::Assignment(Box::new(assignment(DrawOrder::Same))),
        "",
    )
    .unwrap();
    let per = paper(
        &bank,
        &PaperChoice::Assignment(Box::new(assignment(DrawOrder::PerStudent))),
        "",
    )
    .unwrap();
    assert_eq!(
        per.worksheet, same.worksheet,
        "the assignment's own seed draw"
    );
    assert_eq!(per.notes.len(), 1);
    assert!(
        per.notes[0].contains("Paper uses the assignment's own seed draw"),
        "{}",
        per.notes[0]
    );
}

#[test]
fn an_assignment_of_another_bank_or_version_is_refused_or_noted() {
    let bank = bank();
    let mut other = assignment(DrawOrder::Same);
    other.bank.id = "weimar".into();
    let refused = paper(&bank, &PaperChoice::Assignment(Box::new(other)), "").unwrap_err();
    assert_eq!(
        refused.to_string(),
        "the assignment draws from the bank \"weimar\", not \"demo\": open the teacher page with its bank"
    );
    let mut older = assignment(DrawOrder::Same);
    older.bank.version = "0.9".into();
    let p = paper(&bank, &PaperChoice::Assignment(Box::new(older)), "").unwrap();
    assert_eq!(
        p.notes,
        [
            "The assignment was set on version \"0.9\" of the bank; this is version \"1\", so its questions may differ from what students drew in the app."
        ]
    );
}

#[test]
fn the_worksheet_holds_no_answer_explanation_or_source() {
    let bank = bank();
    let p = paper(&bank, &PaperChoice::Topics(vec![]), "").unwrap();
    let sheet = format!("{:?}", p.worksheet);
    for q in &bank.questions {
        let explanation = q.explanation.as_deref().unwrap();
        assert!(!sheet.contains(explanation), "{explanation}");
        for source in &q.sources {
            assert!(!sheet.contains(source.text()), "{}", source.text());
        }
    }
    // The typed answers (a choice's right answer is on the sheet among the others).
    for answer in ["Primakov", "2023"] {
        assert!(!sheet.contains(answer), "{answer}");
    }
    let key = format!("{:?}", p.key);
    assert!(key.contains("Primakov") && key.contains("The USSR had dissolved in 1991."));
}

#[test]
fn an_ordering_question_never_prints_in_its_right_order() {
    let bank = bank();
    // Whatever the seed, the layout of an ordering question is never the answer itself.
    for n in 0..50u64 {
        let seed = Seed::from_random(n);
        let items = lay_out(&bank, &["b-order".to_string()], &seed);
        let p = sheet_item(question(&bank, "b-order"), &items[0], 1, "Beta");
        let SheetBody::Ordering { items } = p.body else {
            panic!("an ordering")
        };
        let texts: Vec<&str> = items.iter().map(|l| l.text.as_str()).collect();
        assert_ne!(texts, ["NACC", "PfP", "Founding Act", "NRC"], "seed {seed}");
    }
}

#[test]
fn points_other_than_one_are_shown() {
    let questions =
        common::QUESTIONS.replacen("difficulty = 1\n", "difficulty = 1\npoints = 2.5\n", 1);
    let bank = common::load(
        &[("index.toml", common::MANIFEST), ("one.toml", &questions)],
        None,
    )
    .expect("loads");
    let p = paper(&bank, &PaperChoice::Topics(vec!["alpha".into()]), "").unwrap();
    assert_eq!(p.worksheet[0].points_text().as_deref(), Some("2.5 points"));
    assert_eq!(p.worksheet[1].points_text(), None);
    assert_eq!(p.key[0].points_text().as_deref(), Some("2.5 points"));
    // 2.5 + 1.
    assert_eq!(p.total_points(), "3.5 points");
}
