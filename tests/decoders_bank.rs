//! Loading a bank (`bank::load_bank_with`) from arbitrary manifest and question texts, and
//! from the demo bank mutated line by line (values swapped for edge values, lines dropped,
//! repeated or moved). Whatever loads is then used as the app uses a bank: every question
//! described, answered and scored, quizzes of every mode drawn and played to the end, the
//! start screen and dashboard computed, the LMS sent its data, the bank written out as TOML
//! and read back. Nothing panics; the validator's promises (every index in range) hold.

mod common;
mod fuzzing;

use std::collections::BTreeMap;

use accord::bank::{Bank, BankErrors, Rules, load_bank_with};
use accord::calendar::LocalTime;
use accord::interchange::{TomlLayout, write_toml};
use accord::lms::{self, Key};
use accord::progress::{BankKey, DashboardStats, ProgressData, StartSummary, decode, encode};
use accord::quiz::describe::{given_answer, right_answer};
use accord::quiz::{Credit, QuizMode, QuizSession, QuizSettings, Seed, score};
use accord::results::fingerprint;
use accord::text::Language;
use common::{MANIFEST, QUESTIONS};
use fuzzing::drive::{assert_result_adds_up, assert_sound, fitting, play_to_end};
use proptest::prelude::*;
use proptest::sample::Index;

/// 2024-01-01 in ms since the epoch.
const T0: u64 = 1_704_067_200_000;

fn load(manifest: &str, questions: &str) -> Result<Bank, BankErrors> {
    let files: BTreeMap<&str, &str> = [("q/index.toml", manifest), ("q/one.toml", questions)]
        .into_iter()
        .collect();
    load_bank_with(
        "q/index.toml",
        |path| {
            files
                .get(path)
                .map(|t| t.to_string())
                .ok_or_else(|| "not found (404)".to_string())
        },
        Rules::default(),
    )
}

/// A bank that loaded, used as the app uses one.
fn check_bank(bank: &Bank) {
    assert!(
        !bank.questions.is_empty(),
        "a bank that loads has questions"
    );
    let language = Language::from_tag(&bank.meta.language);
    let key = BankKey::new(&bank.meta.id, "q/index.toml");
    let mut data = ProgressData::default();
    for (k, question) in bank.questions.iter().enumerate() {
        assert!(
            bank.topic(&question.topic).is_some(),
            "its topic is the bank's"
        );
        let kind = &question.kind;
        let _ = right_answer(kind, language);
        let response = fitting(kind, k);
        let _ = given_answer(kind, &response, language);
        assert!(score(kind, &response) <= Credit::FULL);
        let _ = fingerprint(&question.prompt, &kind.shape(), question.points);
        data.record_answer(
            &key,
            &question.id,
            score(kind, &response),
            T0 + 1_000 * k as u64,
        );
    }
    let seed = Seed::parse("fuzz").unwrap();
    for mode in [QuizMode::Practice, QuizMode::Exam, QuizMode::Focus] {
        let settings = QuizSettings {
            mode,
            ..QuizSettings::all_topics(usize::MAX)
        };
        let mut session = QuizSession::start(bank, settings, seed.clone(), T0).unwrap();
        assert_sound(&session, bank);
        assert_eq!(
            session.items.len(),
            bank.questions.len(),
            "all drawn, once each"
        );
        let text = lms::encode(&session, Key::Open(bank)).expect("a fresh quiz encodes");
        assert_eq!(lms::decode(&text, Key::Open(bank)).unwrap(), session);
        play_to_end(&mut session, bank, T0, 2);
        assert_result_adds_up(&session, bank);
        data.archive(&key, &session, bank);
    }
    let ids: Vec<String> = bank.questions.iter().map(|q| q.id.clone()).collect();
    let review = QuizSession::start_review(bank, &ids, seed, T0).unwrap();
    assert_sound(&review, bank);
    let progress = data.bank(&key).unwrap();
    let summary = StartSummary::of(bank, Some(progress));
    assert_eq!(summary.answered, bank.questions.len());
    let time = LocalTime::new(T0 + 86_400_000, 60);
    let stats = DashboardStats::compute(bank, &progress.reviews, &data.settings.scheduler(), time);
    assert_eq!(stats.mastery.len(), bank.topics.len());
    decode(&encode(&data)).expect("progress on a loaded bank saves and reads back");

    let files: BTreeMap<String, String> = write_toml(bank, TomlLayout::Folder)
        .into_iter()
        .map(|(path, text)| (format!("out/{path}"), text))
        .collect();
    let again = load_bank_with(
        "out/index.toml",
        |path| files.get(path).cloned().ok_or_else(|| "missing".into()),
        Rules::default(),
    )
    .unwrap_or_else(|e| panic!("the bank written as TOML loads again: {e:?}"));
    assert_eq!(again.questions.len(), bank.questions.len());
    assert_eq!(again.topics, bank.topics);
}

/// Values that sit on the format's edges, to put where a value was.
const VALUES: &[&str] = &[
    "\"\"",
    "\" \"",
    "0",
    "-1",
    "1",
    "2",
    "3",
    "4",
    "99",
    "1.5",
    "-0.0",
    "1e308",
    "2147483648",
    "9223372036854775807",
    "nan",
    "inf",
    "true",
    "[]",
    "[\"\"]",
    "[\"Paris\", \"Paris\"]",
    "[\"Paris\"]",
    "[[\"NACC\", \"1991\"]]",
    "[[\"NACC\"]]",
    "[{ answer = \"x\" }]",
    "[{ answer = \"1997\", options = [] }]",
    "[{ answer = \"9\", options = [\"1\", \"2\"] }]",
    "\"{1}\"",
    "\"{1} {1}\"",
    "\"{3}\"",
    "\"{0}\"",
    "\"a-single\"",
    "\"beta\"",
    "\"gamma\"",
    "\"single\"",
    "\"cloze\"",
    "\"matching\"",
    "\"spot_error\"",
    "\"ordering\"",
    "\"\\u0007\"",
    "\"\\u202e\"",
    "\"../x.toml\"",
    "[\"one.toml\", \"one.toml\"]",
    "{}",
];

/// One line edit: which line, what to do, with which value.
fn line_edit() -> impl Strategy<Value = (Index, u8, Index)> {
    (any::<Index>(), any::<u8>(), any::<Index>())
}

/// `text` with line edits: a value swapped for an edge value (most often), a line dropped,
/// repeated, moved, or cut short.
fn edit_lines(text: &str, edits: &[(Index, u8, Index)]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for (at, op, pick) in edits {
        if lines.is_empty() {
            break;
        }
        let i = at.index(lines.len());
        match op % 10 {
            0..=5 => {
                if let Some((key, _)) = lines[i].split_once(" = ") {
                    lines[i] = format!("{key} = {}", VALUES[pick.index(VALUES.len())]);
                }
            }
            6 => {
                lines.remove(i);
            }
            7 => {
                let copy = lines[i].clone();
                lines.insert(pick.index(lines.len() + 1), copy);
            }
            8 => {
                let line = lines.remove(i);
                lines.insert(pick.index(lines.len() + 1), line);
            }
            _ => {
                let chars: Vec<char> = lines[i].chars().collect();
                lines[i] = chars[..pick.index(chars.len() + 1)].iter().collect();
            }
        }
    }
    lines.join("\n") + "\n"
}

#[test]
fn the_demo_bank_is_used_whole() {
    check_bank(&common::demo_bank());
}

#[test]
fn enough_edited_banks_still_load_to_reach_the_computations() {
    // With the deterministic runner, 200 demo banks with one or two line edits give 47 that
    // load. A quarter of that keeps the property below meaningful.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = (prop::collection::vec(line_edit(), 1..=2), any::<bool>());
    let loads = (0..200)
        .filter(|_| {
            let (edits, manifest) = strategy.new_tree(&mut runner).unwrap().current();
            let (m, q) = if manifest {
                (edit_lines(MANIFEST, &edits), QUESTIONS.to_string())
            } else {
                (MANIFEST.to_string(), edit_lines(QUESTIONS, &edits))
            };
            load(&m, &q).is_ok()
        })
        .count();
    assert!(loads >= 12, "{loads}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_bank_of_any_text_never_panics(
        manifest in prop_oneof![Just(MANIFEST.to_string()), ".{0,200}", fuzzing::bytes_text()],
        questions in prop_oneof![".{0,300}", fuzzing::bytes_text()],
    ) {
        if let Ok(bank) = load(&manifest, &questions) {
            check_bank(&bank);
        }
        if let Err(errors) = load(MANIFEST, &questions) {
            prop_assert!(!errors.is_empty());
            for e in errors.iter() {
                prop_assert!(!e.to_string().chars().any(|c| c.is_control() && c != '\n'));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn an_edited_demo_bank_never_panics_and_what_loads_keeps_its_promises(
        edits in prop::collection::vec(line_edit(), 1..=3),
        manifest in any::<bool>(),
    ) {
        let (m, q) = if manifest {
            (edit_lines(MANIFEST, &edits), QUESTIONS.to_string())
        } else {
            (MANIFEST.to_string(), edit_lines(QUESTIONS, &edits))
        };
        if let Ok(bank) = load(&m, &q) {
            check_bank(&bank);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_fact_sheet_or_date_of_any_text_never_panics(text in fuzzing::any_text()) {
        let _ = accord::bank::FactSheet::parse(&text);
        if let Some(date) = accord::calendar::Date::parse_iso(&text) {
            prop_assert_eq!(date.to_string(), text.clone());
            prop_assert_eq!(accord::calendar::Date::from_day(date.to_day()), date);
        }
        for cut in 0..text.len().min(12) {
            if text.is_char_boundary(cut) {
                let _ = accord::calendar::Date::parse_iso(&text[cut..]);
            }
        }
    }
}
