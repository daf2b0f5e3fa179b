//! The decoders of quiz state fed arbitrary JSON and mutations of real quizzes: a saved
//! session checked against its bank (`QuizSession::restore`), and the LMS's suspend data
//! (`lms::decode`, with the open and the sealed key). Whatever loads is then played on to its
//! end (answers, feedback, flags, jumps, hand-in), scored, archived and sent to the LMS:
//! nothing panics, every index stays in range, every count fits the others.

mod common;
mod fuzzing;

use std::sync::OnceLock;

use accord::bank::{Bank, Shape};
use accord::lms::{self, Clock, Key, PassMark, ScormVersion, Shapes};
use accord::progress::{BankKey, DEFAULT_BANK_PATH, ProgressData, decode, encode};
use accord::quiz::{QuizMode, QuizSession, QuizSettings, Seed, is_permutation};
use fuzzing::drive::{assert_result_adds_up, assert_sound, fitting, play_to_end};
use fuzzing::{assert_plain, json_value, mutate, mutations};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

/// 2024-01-01 in ms since the epoch.
const T0: u64 = 1_704_067_200_000;

const KEYS: &[&str] = &[
    "id",
    "bank_id",
    "seed",
    "settings",
    "topics",
    "count",
    "mode",
    "time_limit",
    "items",
    "question",
    "order",
    "blank_orders",
    "answers",
    "response",
    "kind",
    "value",
    "credit",
    "at",
    "current",
    "started_at",
    "finished_at",
    "deadline",
    "flags",
    "time_ms",
    "shown_at",
    "timed_out",
];

fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(common::demo_bank)
}

fn shapes() -> &'static Shapes {
    static SHAPES: OnceLock<Shapes> = OnceLock::new();
    SHAPES.get_or_init(|| Shapes::of(bank()))
}

fn settings(mode: QuizMode, count: usize) -> QuizSettings {
    QuizSettings {
        mode,
        ..QuizSettings::all_topics(count)
    }
}

/// Answer `n` questions of `session` the way a learner would, from `now`.
fn answer(session: &mut QuizSession, n: usize, mut now: u64) {
    let bank = bank();
    for k in 0..n {
        now += 20_000;
        let Some((_, question)) = session.current(bank) else {
            return;
        };
        let response = fitting(&question.kind, k);
        session.submit(bank, response, now).unwrap();
        if session.navigable() && k % 3 == 1 {
            session.toggle_flag().unwrap();
        }
        session.advance(now + 1_000).unwrap();
    }
}

/// Quizzes as the app leaves them: practice half done, an exam with flags and a deadline
/// gone back to its first question, a review, a finished practice quiz.
fn sessions() -> &'static [QuizSession] {
    static SESSIONS: OnceLock<Vec<QuizSession>> = OnceLock::new();
    SESSIONS.get_or_init(|| {
        let bank = bank();
        let seed = |s: &str| Seed::parse(s).unwrap();
        let mut practice = QuizSession::start(bank, settings(QuizMode::Practice, 5), seed("p"), T0)
            .unwrap()
            .with_id("q-practice");
        answer(&mut practice, 2, T0);
        let mut exam = QuizSession::start(bank, settings(QuizMode::Exam, 9), seed("e"), T0)
            .unwrap()
            .with_id("q-exam")
            .with_deadline(3_600_000);
        answer(&mut exam, 7, T0);
        exam.go_to(0, T0 + 600_000).unwrap();
        let due: Vec<String> = ["b-cloze", "a-multiple", "b-match"]
            .map(String::from)
            .to_vec();
        let mut review = QuizSession::start_review(bank, &due, seed("r"), T0)
            .unwrap()
            .with_id("q-review");
        answer(&mut review, 1, T0);
        let mut done = QuizSession::start(bank, settings(QuizMode::Focus, 3), seed("d"), T0)
            .unwrap()
            .with_id("q-done");
        answer(&mut done, 3, T0);
        assert!(done.is_finished());
        vec![practice, exam, review, done]
    })
}

fn session_docs() -> &'static [Value] {
    static DOCS: OnceLock<Vec<Value>> = OnceLock::new();
    DOCS.get_or_init(|| {
        sessions()
            .iter()
            .map(|s| serde_json::to_value(s).unwrap())
            .collect()
    })
}

/// A restored session, played on: sound at every step, scored, archived into progress that
/// saves and reads back, and sent to the LMS in both versions.
fn check_restored(mut session: QuizSession) {
    let bank = bank();
    assert_sound(&session, bank);
    assert_result_adds_up(&session, bank);
    check_lms(&session);
    let start = session.started_at.max(session.shown_at.unwrap_or(0)).max(
        session
            .answers
            .iter()
            .flatten()
            .map(|a| a.at)
            .max()
            .unwrap_or(0),
    );
    play_to_end(&mut session, bank, start, 1);
    assert_sound(&session, bank);
    assert_result_adds_up(&session, bank);
    check_lms(&session);
    let mut data = ProgressData::default();
    data.archive(&BankKey::new("demo", DEFAULT_BANK_PATH), &session, bank);
    decode(&encode(&data)).expect("a finished quiz's history entry saves and reads back");
}

/// What the LMS is sent for a session, with either key; its suspend data reads back.
fn check_lms(session: &QuizSession) {
    let clock = Clock {
        now: session.started_at.saturating_add(60_000),
        session_start: session.started_at,
        utc_offset_minutes: 60,
    };
    let mark = PassMark::from_fraction(0.5).unwrap();
    for version in [ScormVersion::V12, ScormVersion::V2004] {
        for key in [Key::Open(bank()), Key::Sealed(shapes())] {
            let commit = lms::commit(version, session, key, mark, clock);
            let _ = commit.since(&commit);
        }
    }
    let text = lms::encode(session, Key::Open(bank())).expect("a sound session encodes");
    let back = lms::decode(&text, Key::Open(bank())).expect("and decodes");
    assert_eq!(back.items, session.items);
}

/// A session the sealed key let through: it cannot be scored on the learner's side, so it
/// is checked against the shapes the learner saw.
fn check_sealed(session: &QuizSession) {
    session
        .check_saved()
        .expect("what decodes passes the checks of a saved quiz");
    assert_eq!(session.flags.len(), session.items.len());
    assert_eq!(session.time_ms.len(), session.items.len());
    let key = Key::Sealed(shapes());
    for (item, answer) in session.items.iter().zip(&session.answers) {
        let shape: Shape = key.shape(&item.question).expect("a question the exam has");
        assert!(is_permutation(&item.order, shape.shuffled_list_len()));
        if let Some(a) = answer {
            assert!(a.response.fits_shape(&shape), "{:?}", a.response);
            assert!(
                a.credit.is_zero(),
                "the learner's side never scores a sealed exam"
            );
        }
    }
    let text = lms::encode(session, key).expect("a decoded session encodes again");
    assert_eq!(
        &lms::decode(&text, key).unwrap(),
        session,
        "and reads back the same"
    );
    let clock = Clock {
        now: session.started_at,
        session_start: session.started_at,
        utc_offset_minutes: 0,
    };
    for version in [ScormVersion::V12, ScormVersion::V2004] {
        let _ = lms::commit(
            version,
            session,
            key,
            PassMark::from_fraction(0.5).unwrap(),
            clock,
        );
    }
}

fn suspend_texts() -> &'static [String] {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        sessions()
            .iter()
            .map(|s| lms::encode(s, Key::Open(bank())).unwrap())
            .collect()
    })
}

/// Field values that sit on the suspend format's edges: base-36 numbers past `u32` and
/// `u64`, positions past the bank, negative times, unknown marks, escapes cut short.
const TOKENS: &[&str] = &[
    "",
    "0",
    "1",
    "2",
    "8",
    "9",
    "z",
    "zz",
    "-",
    "-1",
    "-z",
    "t",
    "f",
    "e",
    "p",
    "r",
    "x",
    "A",
    "1/0",
    "0/1/2",
    "2/1/0/0",
    "0/0",
    "~002c",
    "~00",
    "~zzzz",
    "~d800",
    "a~007cb",
    "1z141z4",
    "3w5e11264sgsf",
    "3w5e11264sgsg",
    "zzzzzzzzzzzzz",
    "lms-test",
    "demo",
    "1e308",
    "NaN",
    "inf",
    "-0",
    "Paris",
    "1997/",
    "~0007",
    "a~202eb",
];

/// One edit of suspend data: a record, a field in it, what to do, and with which token.
fn suspend_edit() -> impl Strategy<Value = (Index, Index, u8, Index)> {
    (any::<Index>(), any::<Index>(), any::<u8>(), any::<Index>())
}

/// Suspend data with edits made field by field: a field replaced by an edge token, or by its
/// own text with a character changed, dropped or doubled; a record dropped, repeated or
/// moved.
fn edit_suspend(text: &str, edits: &[(Index, Index, u8, Index)]) -> String {
    let mut records: Vec<Vec<String>> = text
        .split('|')
        .map(|r| r.split(',').map(str::to_string).collect())
        .collect();
    for (record, field, op, token) in edits {
        if records.is_empty() {
            break;
        }
        let r = record.index(records.len());
        if records[r].is_empty() {
            records[r].push(String::new());
        }
        let f = field.index(records[r].len());
        match op % 8 {
            0..=2 => records[r][f] = TOKENS[token.index(TOKENS.len())].to_string(),
            3 => {
                let mut chars: Vec<char> = records[r][f].chars().collect();
                if !chars.is_empty() {
                    let at = token.index(chars.len());
                    chars[at] = ['0', 'z', '-', '/', '~', 'a'][usize::from(*op) % 6];
                }
                records[r][f] = chars.into_iter().collect();
            }
            4 => {
                records[r].remove(f);
            }
            5 => {
                let copy = records[r][f].clone();
                records[r].insert(f, copy);
            }
            6 => {
                let copy = records[r].clone();
                let to = token.index(records.len() + 1);
                records.insert(to, copy);
            }
            _ => {
                records.remove(r);
            }
        }
    }
    records
        .iter()
        .map(|r| r.join(","))
        .collect::<Vec<_>>()
        .join("|")
}

fn decode_suspend(text: &str) {
    match lms::decode(text, Key::Open(bank())) {
        Ok(session) => check_restored(session),
        Err(e) => assert_plain(&e.to_string()),
    }
    match lms::decode(text, Key::Sealed(shapes())) {
        Ok(session) => check_sealed(&session),
        Err(e) => assert_plain(&e.to_string()),
    }
}

/// A saved session restored against the bank: checked and played on, or refused in words.
fn restore_and_check(session: QuizSession) {
    if let Err(why) = session.check_saved() {
        assert_plain(&why);
    }
    match session.restore(bank()) {
        Ok(restored) => check_restored(restored),
        Err(e) => assert_plain(&e.to_string()),
    }
}

#[test]
fn the_fixtures_are_sound_and_round_trip() {
    for session in sessions() {
        let restored = session.clone().restore(bank()).unwrap();
        assert_eq!(&restored, session);
        check_restored(restored);
    }
    for text in suspend_texts() {
        let open = lms::decode(text, Key::Open(bank())).unwrap();
        check_restored(open);
        check_sealed(&lms::decode(text, Key::Sealed(shapes())).unwrap());
    }
}

#[test]
fn enough_edited_documents_still_load_to_reach_the_computations() {
    // With the deterministic runner, of 400 mutated sessions 62 restore, and of 400 edited
    // suspend texts 40 decode with the open key and 40 with the sealed one. A quarter of
    // those counts keeps the properties above meaningful.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = (prop::sample::select(session_docs()), mutations(KEYS, 3));
    let restored = (0..400)
        .filter(|_| {
            let (doc, edits) = strategy.new_tree(&mut runner).unwrap().current();
            serde_json::from_value::<QuizSession>(mutate(&doc, &edits))
                .is_ok_and(|s| s.restore(bank()).is_ok())
        })
        .count();
    let strategy = (
        prop::sample::select(suspend_texts()),
        prop::collection::vec(suspend_edit(), 1..=2),
    );
    let (mut open, mut sealed) = (0, 0);
    for _ in 0..400 {
        let (text, edits) = strategy.new_tree(&mut runner).unwrap().current();
        let text = edit_suspend(&text, &edits);
        open += usize::from(lms::decode(&text, Key::Open(bank())).is_ok());
        sealed += usize::from(lms::decode(&text, Key::Sealed(shapes())).is_ok());
    }
    assert!(
        restored >= 15 && open >= 10 && sealed >= 10,
        "{restored} {open} {sealed}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_saved_session_of_any_json_never_panics_and_what_restores_is_sound(
        value in json_value(KEYS),
    ) {
        if let Ok(session) = serde_json::from_value::<QuizSession>(value) {
            restore_and_check(session);
        }
    }

    #[test]
    fn suspend_data_of_any_text_in_our_alphabet_never_panics(
        tokens in prop::collection::vec(prop::sample::select(TOKENS), 0..40),
        separators in prop::collection::vec(prop::sample::select(vec![",", "|", ",", ","]), 0..40),
    ) {
        let body: String = tokens.iter().zip(separators.iter().chain(std::iter::repeat(&",")))
            .map(|(t, s)| format!("{t}{s}")).collect();
        decode_suspend(&format!("A1|{body}"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    #[test]
    fn a_mutated_saved_session_never_panics_and_what_restores_is_sound(
        doc in prop::sample::select(session_docs()),
        edits in mutations(KEYS, 3),
    ) {
        if let Ok(session) = serde_json::from_value::<QuizSession>(mutate(&doc, &edits)) {
            restore_and_check(session);
        }
    }

    #[test]
    fn edited_suspend_data_never_panics_and_what_decodes_is_sound(
        text in prop::sample::select(suspend_texts()),
        edits in prop::collection::vec(suspend_edit(), 1..=3),
    ) {
        decode_suspend(&edit_suspend(&text, &edits));
    }
}

// Regressions: each found by the properties above, with its minimal input written out.

#[test]
fn suspend_data_naming_a_question_twice_is_refused_with_either_key() {
    // Found by `edited_suspend_data_never_panics_and_what_decodes_is_sound`: a record repeated
    // (the cloze question, item 1 and 2 below) decoded with the sealed key, which skips the
    // bank's checks. The result of such a quiz names the question twice, and the teacher's
    // side refuses it as not making sense: the student's hand-in would be lost.
    let text = "A1|lqu5m2o0,,,lqu5mivc,1,,r,,3,r,q-review,demo,|7,,/120,,g7c,ffk,Paris/1997|7,,/120,,g7c,ffk,Paris/1997|4,201,,,,,";
    for key in [Key::Open(bank()), Key::Sealed(shapes())] {
        let why = lms::decode(text, key).unwrap_err().to_string();
        assert!(why.contains("\"b-cloze\" twice"), "{why}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn typed_answers_of_any_text_never_panic_and_score_within_range(
        typed in prop_oneof![fuzzing::any_text(), "[a-zA-Z0-9 ,.\\-]{0,1200}"],
    ) {
        // What a learner types: read as a number, matched against the typed answers (with
        // their typo allowance), and scored on every question that takes typing.
        if let Ok(x) = accord::quiz::parse_number(&typed) {
            prop_assert!(x.is_finite());
        }
        for question in &bank().questions {
            let response = match &question.kind {
                accord::bank::QuestionKind::ShortText { .. } => accord::quiz::Response::Text(typed.clone()),
                accord::bank::QuestionKind::Cloze { blanks, .. } => {
                    accord::quiz::Response::Blanks(vec![typed.clone(); blanks.len()])
                }
                accord::bank::QuestionKind::Numeric { .. } => match accord::quiz::parse_number(&typed) {
                    Ok(x) => accord::quiz::Response::Number(x),
                    Err(why) => {
                        assert_plain(&why);
                        continue;
                    }
                },
                _ => continue,
            };
            if response.fits(&question.kind) {
                prop_assert!(accord::quiz::score(&question.kind, &response).thousandths() <= 1000);
            }
        }
    }

    #[test]
    fn names_and_ids_from_the_lms_of_any_text_are_one_line_and_short(raw in fuzzing::any_text()) {
        for version in [ScormVersion::V12, ScormVersion::V2004] {
            let name = lms::learner_name(version, &raw);
            prop_assert!(!name.chars().any(char::is_control) && lms::utf16_len(&name) <= 250);
        }
        let id = lms::learner_id(&raw);
        prop_assert!(!id.chars().any(char::is_control) && lms::utf16_len(&id) <= 250);
        let _ = ScormVersion::parse(&raw);
    }
}
