//! What an LMS receives: the SCORM 1.2 and 2004 values of every interaction type, the time
//! formats, the status against the pass mark, suspend data that resumes a quiz, manifests
//! that parse, and packages that list back exactly.

mod common;

use accord::bank::Bank;
use accord::lms::{
    self, Clock, Commit, InteractionType, Item, Key, MANIFEST_FILE, PackageInfo, PassMark,
    ScormVersion, Shapes, SuspendError, SuspendFit,
};
use accord::quiz::{
    Answered, QuizItem, QuizMode, QuizSession, QuizSettings, Response, Seed, score,
};
use common::{demo_bank, load};
use proptest::prelude::*;

use ScormVersion::{V12, V2004};

/// 2026-12-01T13:00:00Z: 20 788 days after the epoch (see `lms::time`'s test) plus 13 hours.
const T0: u64 = 20_788 * 86_400_000 + 13 * 3_600_000;

fn seed() -> Seed {
    Seed::parse("lms-test").unwrap()
}

/// A layout in the bank's own order for every question (identity orders), so that the
/// expected identifiers below can be read straight off the bank.
fn items_in_bank_order(bank: &Bank) -> Vec<QuizItem> {
    bank.questions
        .iter()
        .map(|q| {
            let shape = q.kind.shape();
            let blank_orders = match &shape {
                accord::bank::Shape::Cloze { blanks, .. } => blanks
                    .iter()
                    .map(|b| match b {
                        accord::bank::BlankShape::Typed => vec![],
                        accord::bank::BlankShape::Options(o) => (0..o.len()).collect(),
                    })
                    .collect(),
                _ => vec![],
            };
            QuizItem {
                question: q.id.clone(),
                order: (0..shape.shuffled_list_len()).collect(),
                blank_orders,
            }
        })
        .collect()
}

/// The responses the golden tests use, one per demo question, with their credit:
/// single wrong (0), multiple 2 of 3 (0.667), true/false right, ordering with one pair
/// swapped (5 of 6 pairs: 0.833), matching 1 of 3 (0.333), numeric right, short text right
/// within its one typo, cloze 1 of 2 blanks (0.5), spot the error right.
fn responses() -> Vec<(&'static str, Response)> {
    vec![
        ("a-single", Response::Choice(1)),
        ("a-multiple", Response::Choices(vec![0, 1])),
        ("b-tf", Response::Bool(false)),
        ("b-order", Response::Order(vec![1, 0, 2, 3])),
        ("b-match", Response::Pairs(vec![Some(0), Some(2), None])),
        ("b-num", Response::Number(2023.0)),
        ("b-text", Response::Text("primakof".into())),
        (
            "b-cloze",
            Response::Blanks(vec!["Paris".into(), "1991".into()]),
        ),
        ("b-spot", Response::Parts(vec![1])),
    ]
}

/// An exam over the whole demo bank in bank order, each question on screen for 30 s and
/// answered 20 s in, the spot-the-error question flagged; then back to the first question
/// (at 4 min 30 s); not handed in.
fn answered_exam(bank: &Bank) -> QuizSession {
    let settings = QuizSettings {
        mode: QuizMode::Exam,
        ..QuizSettings::all_topics(9)
    };
    let mut session =
        QuizSession::with_items(bank, settings, seed(), items_in_bank_order(bank), T0)
            .unwrap()
            .with_id("assignment-7")
            .with_deadline(3_600_000);
    for (i, (id, response)) in responses().into_iter().enumerate() {
        let shown = T0 + 30_000 * i as u64;
        session.go_to(i, shown).unwrap();
        assert_eq!(session.items[i].question, id);
        session.submit(bank, response, shown + 20_000).unwrap();
        if id == "b-spot" {
            session.toggle_flag().unwrap();
        }
    }
    session.go_to(0, T0 + 270_000).unwrap();
    session
}

fn clock(now: u64) -> Clock {
    Clock {
        now,
        session_start: T0,
        utc_offset_minutes: 60,
    }
}

/// The interaction of demo question `id` answered with `response` at 13:05:09.25 UTC after
/// 90.5 s on screen, with the key and results revealed.
fn golden(version: ScormVersion, bank: &Bank, id: &str, response: Response) -> lms::Interaction {
    let question = bank.question(id).unwrap();
    let shape = question.kind.shape();
    let answer = Answered {
        credit: score(&question.kind, &response),
        response,
        at: T0 + (5 * 60 + 9) * 1000 + 250,
    };
    lms::interaction(
        version,
        &Item {
            id,
            shape: &shape,
            question: Some(question),
            answer: Some(&answer),
            time_ms: 90_500,
            reveal: true,
            utc_offset_minutes: 60,
        },
    )
}

/// `(type, learner response, result, correct patterns)` of each demo question.
fn summary(i: &lms::Interaction) -> (&str, &str, &str, Vec<&str>) {
    (
        i.kind.name(),
        i.learner_response.as_deref().unwrap_or("-"),
        i.result.as_deref().unwrap_or("-"),
        i.correct_responses.iter().map(String::as_str).collect(),
    )
}

#[test]
fn every_question_type_has_its_scorm_1_2_interaction() {
    let bank = demo_bank();
    let got: Vec<_> = responses()
        .into_iter()
        .map(|(id, r)| golden(V12, &bank, id, r))
        .collect();
    let table: Vec<_> = got.iter().map(summary).collect();
    // Choices, items, parts and right-hand sides are a, b, c … in the bank's order; matching
    // left-hand sides 1, 2, 3 …; lists are comma-separated, pairs joined by a period
    // (SCORM 1.2 RTE §3.4.4). A wrong answer is "wrong"; partial credit its decimal.
    assert_eq!(
        table,
        vec![
            ("choice", "b", "wrong", vec!["a"]),
            ("choice", "a,b", "0.667", vec!["a,b,c"]),
            ("true-false", "f", "correct", vec!["f"]),
            ("sequencing", "b,a,c,d", "0.833", vec!["a,b,c,d"]),
            ("matching", "1.a,2.c", "0.333", vec!["1.a,2.b,3.c"]),
            ("numeric", "2023", "correct", vec!["2023"]),
            (
                "fill-in",
                "primakof",
                "correct",
                vec!["Primakov", "Yevgeny Primakov"]
            ),
            ("fill-in", "Paris[,]1991", "0.5", vec!["Paris[,]1997"]),
            ("choice", "b", "correct", vec!["b"]),
        ]
    );
    let first = &got[0];
    // 13:05:09.25 UTC is 14:05:09 at UTC+1; 90.5 s on screen.
    assert_eq!(first.time.as_deref(), Some("14:05:09"));
    assert_eq!(first.latency.as_deref(), Some("00:01:30.50"));
    assert_eq!(first.weighting.as_deref(), Some("1"));
    assert_eq!(first.description, None, "1.2 has no description");
}

#[test]
fn every_question_type_has_its_scorm_2004_interaction() {
    let bank = demo_bank();
    let got: Vec<_> = responses()
        .into_iter()
        .map(|(id, r)| golden(V2004, &bank, id, r))
        .collect();
    let table: Vec<_> = got.iter().map(summary).collect();
    // The same identifiers with 2004's reserved delimiters [,] and [.] (SCORM 2004 4th
    // edition RTE Tables 4.2.9.1a and 4.2.9.2a); true/false in words; wrong is "incorrect".
    assert_eq!(
        table,
        vec![
            ("choice", "b", "incorrect", vec!["a"]),
            ("choice", "a[,]b", "0.667", vec!["a[,]b[,]c"]),
            ("true-false", "false", "correct", vec!["false"]),
            (
                "sequencing",
                "b[,]a[,]c[,]d",
                "0.833",
                vec!["a[,]b[,]c[,]d"]
            ),
            (
                "matching",
                "1[.]a[,]2[.]c",
                "0.333",
                vec!["1[.]a[,]2[.]b[,]3[.]c"]
            ),
            ("numeric", "2023", "correct", vec!["2023"]),
            (
                "fill-in",
                "primakof",
                "correct",
                vec!["Primakov", "Yevgeny Primakov"]
            ),
            ("fill-in", "Paris[,]1991", "0.5", vec!["Paris[,]1997"]),
            ("choice", "b", "correct", vec!["b"]),
        ]
    );
    let first = &got[0];
    assert_eq!(first.time.as_deref(), Some("2026-12-01T14:05:09.25+01:00"));
    assert_eq!(first.latency.as_deref(), Some("PT1M30.5S"));
    assert_eq!(
        first.description.as_deref(),
        Some("Where was the Founding Act signed?")
    );
}

#[test]
fn interaction_values_set_the_id_and_type_before_anything_else() {
    let bank = demo_bank();
    let interaction = golden(
        V2004,
        &bank,
        "b-match",
        Response::Pairs(vec![Some(0), Some(1), Some(2)]),
    );
    let values = interaction.values(V2004, 4);
    let elements: Vec<&str> = values.iter().map(|(e, _)| e.as_str()).collect();
    assert_eq!(
        elements,
        vec![
            "cmi.interactions.4.id",
            "cmi.interactions.4.type",
            "cmi.interactions.4.description",
            "cmi.interactions.4.weighting",
            "cmi.interactions.4.timestamp",
            "cmi.interactions.4.latency",
            "cmi.interactions.4.learner_response",
            "cmi.interactions.4.result",
            "cmi.interactions.4.correct_responses.0.pattern",
        ]
    );
    let v12: Vec<String> = interaction_values(V12, &bank);
    assert!(v12.contains(&"cmi.interactions.0.student_response".to_string()));
    assert!(v12.contains(&"cmi.interactions.0.time".to_string()));
}

fn interaction_values(version: ScormVersion, bank: &Bank) -> Vec<String> {
    golden(version, bank, "b-tf", Response::Bool(true))
        .values(version, 0)
        .into_iter()
        .map(|(e, _)| e)
        .collect()
}

#[test]
fn a_number_too_large_for_2004s_decimal_is_sent_as_other() {
    let bank = demo_bank();
    // 2004 run-times take at most five digits before the point; 1.2 writes any decimal.
    let big = golden(V2004, &bank, "b-num", Response::Number(1_234_567.0));
    assert_eq!(big.kind, InteractionType::Other);
    assert_eq!(big.learner_response.as_deref(), Some("1234567"));
    let same_in_12 = golden(V12, &bank, "b-num", Response::Number(1_234_567.0));
    assert_eq!(same_in_12.kind, InteractionType::Numeric);
    let decimal = golden(V2004, &bank, "b-num", Response::Number(-12.125));
    assert_eq!(decimal.learner_response.as_deref(), Some("-12.125"));
    assert_eq!(decimal.result.as_deref(), Some("incorrect"));
}

#[test]
fn typed_answers_are_cut_to_each_versions_limit_between_characters() {
    let bank = demo_bank();
    // 300 × "é" (one UTF-16 unit each): 1.2 keeps 255, 2004 keeps 250.
    let long = "é".repeat(300);
    let v12 = golden(V12, &bank, "b-text", Response::Text(long.clone()));
    assert_eq!(v12.learner_response.unwrap().chars().count(), 255);
    let v2004 = golden(V2004, &bank, "b-text", Response::Text(long));
    assert_eq!(v2004.learner_response.unwrap().chars().count(), 250);
    // "𝄞" takes two UTF-16 units: 126 of them are 252 units, so 125 fit in 250.
    let wide = golden(V2004, &bank, "b-text", Response::Text("𝄞".repeat(126)));
    assert_eq!(wide.learner_response.unwrap().chars().count(), 125);
    // A line break would break every run-time's pattern; a delimiter inside a 2004 text
    // would split it.
    let tricky = golden(V2004, &bank, "b-text", Response::Text("a\nb[,]c".into()));
    assert_eq!(tricky.learner_response.as_deref(), Some("a b,c"));
}

#[test]
fn cmi_timespan_has_two_to_four_digit_hours_and_two_decimals() {
    assert_eq!(lms::cmi_timespan(0), "00:00:00.00");
    assert_eq!(lms::cmi_timespan(59_990), "00:00:59.99");
    // 1 h 2 min 3.4 s = 3 723 400 ms.
    assert_eq!(lms::cmi_timespan(3_723_400), "01:02:03.40");
    // 123 h 4 min 5 s: past 99 hours the hours take three digits.
    assert_eq!(
        lms::cmi_timespan((123 * 3600 + 4 * 60 + 5) * 1000),
        "123:04:05.00"
    );
    // 10 000 h does not fit HHHH: the most the type holds.
    assert_eq!(lms::cmi_timespan(10_000 * 3_600_000), "9999:59:59.99");
}

#[test]
fn iso_durations_name_only_the_parts_they_have() {
    assert_eq!(lms::iso_duration(0), "PT0S");
    assert_eq!(lms::iso_duration(59_990), "PT59.99S");
    assert_eq!(lms::iso_duration(3_723_400), "PT1H2M3.4S");
    assert_eq!(lms::iso_duration(90_500), "PT1M30.5S");
    assert_eq!(
        lms::iso_duration((123 * 3600 + 4 * 60 + 5) * 1000),
        "PT123H4M5S"
    );
}

fn commit(version: ScormVersion, session: &QuizSession, key: Key, mark: f64) -> Commit {
    lms::commit(
        version,
        session,
        key,
        PassMark::from_fraction(mark).unwrap(),
        clock(T0 + 10 * 60_000),
    )
}

#[test]
fn a_handed_in_exam_passes_or_fails_against_the_pass_mark() {
    let bank = demo_bank();
    let mut session = answered_exam(&bank);
    session.hand_in(T0 + 9 * 60_000).unwrap();
    // Credits 0 + 0.667 + 1 + 0.833 + 0.333 + 1 + 1 + 0.5 + 1 = 6.333 of 9 points:
    // 70.366… %, truncated to 70.36; scaled 0.7036666… truncated to seven places.
    let pass = commit(V12, &session, Key::Open(&bank), 0.7);
    assert_eq!(pass.get("cmi.core.score.raw"), Some("70.36"));
    assert_eq!(pass.get("cmi.core.score.min"), Some("0"));
    assert_eq!(pass.get("cmi.core.score.max"), Some("100"));
    assert_eq!(pass.get("cmi.core.lesson_status"), Some("passed"));
    assert_eq!(pass.get("cmi.core.exit"), Some(""));
    // 10 minutes since this session began.
    assert_eq!(pass.get("cmi.core.session_time"), Some("00:10:00.00"));
    let fail = commit(V12, &session, Key::Open(&bank), 0.75);
    assert_eq!(fail.get("cmi.core.lesson_status"), Some("failed"));

    let pass = commit(V2004, &session, Key::Open(&bank), 0.7);
    assert_eq!(pass.get("cmi.score.scaled"), Some("0.7036666"));
    assert_eq!(pass.get("cmi.score.raw"), Some("70.36"));
    assert_eq!(pass.get("cmi.completion_status"), Some("completed"));
    assert_eq!(pass.get("cmi.success_status"), Some("passed"));
    assert_eq!(pass.get("cmi.exit"), Some("normal"));
    assert_eq!(pass.get("cmi.session_time"), Some("PT10M"));
    let fail = commit(V2004, &session, Key::Open(&bank), 0.75);
    assert_eq!(fail.get("cmi.success_status"), Some("failed"));
    // Exactly at the mark passes: 6.333 / 9 is at least 0.703.
    let edge = commit(V2004, &session, Key::Open(&bank), 0.703);
    assert_eq!(edge.get("cmi.success_status"), Some("passed"));
}

#[test]
fn an_exam_in_progress_sends_responses_but_no_score_and_no_results() {
    let bank = demo_bank();
    let session = answered_exam(&bank);
    for version in ScormVersion::ALL {
        let c = commit(version, &session, Key::Open(&bank), 0.5);
        let e = version.elements();
        assert_eq!(c.get(e.score_raw), None, "{version}");
        assert_eq!(c.get(e.exit), Some("suspend"));
        assert!(
            !c.values.iter().any(|(e, _)| e.ends_with(".result")),
            "{version}: a result before hand-in would be feedback"
        );
        let response = format!("cmi.interactions.2.{}", e.learner_response);
        assert!(c.get(&response).is_some(), "{version}");
    }
    let c = commit(V12, &session, Key::Open(&bank), 0.5);
    assert_eq!(c.get("cmi.core.lesson_status"), Some("incomplete"));
    let c = commit(V2004, &session, Key::Open(&bank), 0.5);
    assert_eq!(c.get("cmi.completion_status"), Some("incomplete"));
    assert_eq!(c.get("cmi.success_status"), Some("unknown"));
}

#[test]
fn practice_sends_its_running_score_and_results_at_once() {
    let bank = demo_bank();
    let mut session = answered_exam(&bank);
    session.settings.mode = QuizMode::Practice;
    let c = commit(V2004, &session, Key::Open(&bank), 0.5);
    assert_eq!(c.get("cmi.score.raw"), Some("70.36"));
    assert_eq!(c.get("cmi.interactions.0.result"), Some("incorrect"));
    assert_eq!(
        c.get("cmi.success_status"),
        Some("unknown"),
        "not finished yet"
    );
}

#[test]
fn a_sealed_exam_sends_no_score_no_results_and_no_correct_responses() {
    let bank = demo_bank();
    let shapes = Shapes::of(&bank);
    let mut session = answered_exam(&bank);
    session.hand_in(T0 + 9 * 60_000).unwrap();
    let c12 = commit(V12, &session, Key::Sealed(&shapes), 0.5);
    assert_eq!(c12.get("cmi.core.lesson_status"), Some("completed"));
    let c04 = commit(V2004, &session, Key::Sealed(&shapes), 0.5);
    assert_eq!(c04.get("cmi.completion_status"), Some("completed"));
    assert_eq!(c04.get("cmi.success_status"), Some("unknown"));
    for c in [&c12, &c04] {
        for (element, _) in &c.values {
            assert!(!element.contains("score"), "{element}");
            assert!(!element.ends_with(".result"), "{element}");
            assert!(!element.contains("correct_responses"), "{element}");
            assert!(!element.ends_with(".weighting"), "{element}");
            assert!(!element.ends_with(".description"), "{element}");
        }
    }
    // The responses still go: the teacher grades them later.
    assert_eq!(c04.get("cmi.interactions.0.learner_response"), Some("b"));
    assert_eq!(c12.get("cmi.interactions.8.student_response"), Some("b"));
}

#[test]
fn interactions_follow_the_quiz_with_valid_ids() {
    let bank = demo_bank();
    let session = answered_exam(&bank);
    let c = commit(V12, &session, Key::Open(&bank), 0.5);
    let ids: Vec<&str> = c
        .values
        .iter()
        .filter(|(e, _)| e.ends_with(".id"))
        .map(|(_, v)| v.as_str())
        .collect();
    let expected: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, expected);
    // CMIIdentifier: printable, no white space, at most 255.
    assert!(
        ids.iter()
            .all(|id| id.len() <= 255 && id.chars().all(|c| c.is_ascii_graphic()))
    );
    // Every item held 30 s; its latency says so in both versions.
    assert_eq!(c.get("cmi.interactions.3.latency"), Some("00:00:30.00"));
    let c = commit(V2004, &session, Key::Open(&bank), 0.5);
    assert_eq!(c.get("cmi.interactions.3.latency"), Some("PT30S"));
}

#[test]
fn a_second_commit_sends_only_what_changed() {
    let bank = demo_bank();
    let mut session = answered_exam(&bank);
    let first = commit(V2004, &session, Key::Open(&bank), 0.5);
    let same = lms::commit(
        V2004,
        &session,
        Key::Open(&bank),
        PassMark::from_fraction(0.5).unwrap(),
        clock(T0 + 11 * 60_000),
    );
    // A minute later: the session time and the on-screen item's latency changed.
    let changed: Vec<String> = same.since(&first).into_iter().map(|(e, _)| e).collect();
    // Item 1 is back on screen since 4 min 30 s: its latency grows with the clock.
    assert_eq!(
        changed,
        vec!["cmi.session_time", "cmi.interactions.0.latency"]
    );
    session.hand_in(T0 + 11 * 60_000).unwrap();
    let done = lms::commit(
        V2004,
        &session,
        Key::Open(&bank),
        PassMark::from_fraction(0.5).unwrap(),
        clock(T0 + 11 * 60_000),
    );
    let delta = done.since(&same);
    assert!(delta.iter().any(|(e, v)| e == "cmi.exit" && v == "normal"));
    assert!(
        !delta.iter().any(|(e, _)| e.contains("correct_responses")),
        "unchanged patterns are not sent again"
    );
}

#[test]
fn suspend_data_round_trips_a_quiz_exactly() {
    let bank = demo_bank();
    let session = answered_exam(&bank);
    let text = lms::encode(&session, Key::Open(&bank)).unwrap();
    assert_eq!(lms::decode(&text, Key::Open(&bank)), Ok(session.clone()));
    let mut finished = session.clone();
    finished.hand_in(T0 + 20 * 60_000).unwrap();
    let text = lms::encode(&finished, Key::Open(&bank)).unwrap();
    assert_eq!(lms::decode(&text, Key::Open(&bank)), Ok(finished));
}

#[test]
fn a_sealed_exam_resumes_from_shapes_with_unknown_credits() {
    let bank = demo_bank();
    let shapes = Shapes::of(&bank);
    let session = answered_exam(&bank);
    let text = lms::encode(&session, Key::Sealed(&shapes)).unwrap();
    let resumed = lms::decode(&text, Key::Sealed(&shapes)).unwrap();
    assert_eq!(resumed.items, session.items);
    assert_eq!(resumed.flags, session.flags);
    assert_eq!(resumed.time_ms, session.time_ms);
    for (got, want) in resumed.answers.iter().zip(&session.answers) {
        let (got, want) = (got.as_ref().unwrap(), want.as_ref().unwrap());
        assert_eq!(got.response, want.response);
        assert_eq!(got.at, want.at);
        assert!(got.credit.is_zero());
    }
}

#[test]
fn suspend_data_of_another_bank_or_app_is_refused_with_a_reason() {
    let bank = demo_bank();
    let session = answered_exam(&bank);
    let text = lms::encode(&session, Key::Open(&bank)).unwrap();
    let other = Shapes::new(
        "other-bank",
        bank.questions
            .iter()
            .map(|q| (q.id.clone(), q.kind.shape())),
    );
    assert!(matches!(
        lms::decode(&text, Key::Sealed(&other)),
        Err(SuspendError::DoesNotFit(_))
    ));
    assert_eq!(
        lms::decode("", Key::Open(&bank)),
        Err(SuspendError::NotOurs)
    );
    assert_eq!(
        lms::decode("{\"json\":1}", Key::Open(&bank)),
        Err(SuspendError::NotOurs)
    );
    // Item 1's layout cut short: it no longer fits its question.
    let broken = text.replacen("|0,0123,", "|0,012,", 1);
    assert_ne!(broken, text);
    let err = lms::decode(&broken, Key::Open(&bank)).unwrap_err();
    assert!(err.to_string().contains("layout of item 1"), "{err}");
}

/// A bank of 50 questions cycling through the nine types (the demo's nine, renamed).
fn bank_of_50() -> Bank {
    let mut text = String::new();
    for n in 0..50 {
        let template = &common::QUESTIONS;
        // Cut the demo file into its nine questions and take the n-th mod 9, renamed.
        let questions: Vec<&str> = template.split("[[question]]").skip(1).collect();
        let q = questions[n % 9];
        let id_line = q.lines().find(|l| l.starts_with("id = ")).unwrap();
        text.push_str("[[question]]");
        text.push_str(&q.replacen(id_line, &format!("id = \"q-{n:02}\""), 1));
    }
    load(
        &[("index.toml", common::MANIFEST), ("one.toml", &text)],
        None,
    )
    .expect("valid")
}

/// An exam over all 50 with every question answered (typed answers of 20-odd characters),
/// every fifth flagged, and a minute or two on each.
fn answered_50(bank: &Bank) -> QuizSession {
    let settings = QuizSettings {
        mode: QuizMode::Exam,
        ..QuizSettings::all_topics(50)
    };
    let items = accord::quiz::lay_out(
        bank,
        &bank
            .questions
            .iter()
            .map(|q| q.id.clone())
            .collect::<Vec<_>>(),
        &seed(),
    );
    let mut session = QuizSession::with_items(bank, settings, seed(), items, T0)
        .unwrap()
        .with_id("assignment-50")
        .with_deadline(2 * 3_600_000);
    let demo = responses();
    for i in 0..50 {
        let shown = T0 + 100_000 * i as u64;
        session.go_to(i, shown).unwrap();
        let (_, mut response) = demo[i % 9].clone();
        if let Response::Text(t) = &mut response {
            *t = format!("Yevgeny Maksimovich {i}");
        }
        if let Response::Blanks(b) = &mut response {
            b[0] = format!("Paris, France {i}");
        }
        session.submit(bank, response, shown + 61_234).unwrap();
        if i % 5 == 0 {
            session.toggle_flag().unwrap();
        }
    }
    session.go_to(0, T0 + 5_000_123).unwrap();
    session
}

#[test]
fn a_50_question_quiz_fits_scorm_1_2s_suspend_data_whole() {
    let bank = bank_of_50();
    let session = answered_50(&bank);
    let (text, fit) = lms::encode_within(&session, Key::Open(&bank), 4096).unwrap();
    assert_eq!(fit, SuspendFit::Whole);
    assert!(text.len() <= 4096, "{} characters", text.len());
    // Measured when written: well under half the limit. A jump means the format grew.
    assert!(text.len() < 2000, "{} characters", text.len());
    assert_eq!(lms::decode(&text, Key::Open(&bank)), Ok(session));
}

#[test]
fn a_quiz_too_long_for_the_limit_drops_its_times_first_then_refuses() {
    let bank = bank_of_50();
    let session = answered_50(&bank);
    let whole = lms::encode(&session, Key::Open(&bank)).unwrap().len();
    let (lean, fit) = lms::encode_within(&session, Key::Open(&bank), whole - 1).unwrap();
    assert_eq!(fit, SuspendFit::WithoutTimes);
    let resumed = lms::decode(&lean, Key::Open(&bank)).unwrap();
    assert!(resumed.time_ms.iter().all(|&t| t == 0));
    assert_eq!(resumed.answers, session.answers, "nothing else is lost");
    assert_eq!(
        lms::encode_within(&session, Key::Open(&bank), lean.len() - 1),
        Err(SuspendError::TooLong {
            length: lean.len(),
            limit: lean.len() - 1
        })
    );
    // The commit then leaves suspend_data out, so the LMS keeps the last one that fitted.
    let mut long = session.clone();
    for answer in long.answers.iter_mut().flatten() {
        if let Response::Text(t) = &mut answer.response {
            *t = "x".repeat(900);
        }
    }
    let c = lms::commit(
        V12,
        &long,
        Key::Open(&bank),
        PassMark::from_fraction(0.5).unwrap(),
        clock(T0),
    );
    assert!(matches!(c.suspend, Err(SuspendError::TooLong { .. })));
    assert_eq!(c.get("cmi.suspend_data"), None);
    let c = lms::commit(
        V2004,
        &long,
        Key::Open(&bank),
        PassMark::from_fraction(0.5).unwrap(),
        clock(T0),
    );
    assert_eq!(c.suspend, Ok(SuspendFit::Whole), "2004 holds 64 000");
}

/// The characters suspend data is made of, to reach deep into the decoder.
const ALPHABET: &str = "A1|,/~-0123456789abcdeftz";

proptest! {
    #[test]
    fn decoding_arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let bank = demo_bank();
        let _ = lms::decode(&text, Key::Open(&bank));
        let shapes = Shapes::of(&bank);
        let _ = lms::decode(&text, Key::Sealed(&shapes));
    }

    #[test]
    fn decoding_text_in_our_alphabet_never_panics(
        body in proptest::collection::vec(0usize..ALPHABET.len(), 0..400)
    ) {
        let bank = demo_bank();
        let text: String = std::iter::once("A1|".to_string())
            .chain(body.into_iter().map(|i| (ALPHABET.as_bytes()[i] as char).to_string()))
            .collect();
        let _ = lms::decode(&text, Key::Open(&bank));
    }

    #[test]
    fn decoding_near_misses_never_panics(
        cuts in proptest::collection::vec((0usize..2000, 0usize..ALPHABET.len()), 1..6)
    ) {
        let bank = demo_bank();
        let valid = lms::encode(&answered_exam(&bank), Key::Open(&bank)).unwrap();
        let mut chars: Vec<char> = valid.chars().collect();
        for (at, pick) in cuts {
            let at = at % chars.len();
            chars[at] = ALPHABET.as_bytes()[pick] as char;
        }
        let text: String = chars.into_iter().collect();
        if let Ok(session) = lms::decode(&text, Key::Open(&bank)) {
            // Whatever decodes is a session the app can use.
            prop_assert!(session.restore(&bank).is_ok());
        }
    }
}

fn info<'a>(code: &'a str, launch: &'a str, mark: Option<PassMark>) -> PackageInfo<'a> {
    PackageInfo {
        name: code,
        title: "Versailles <1919> & \"after\"\u{7}",
        launch,
        pass_mark: mark,
    }
}

fn site_files() -> Vec<String> {
    vec![
        "index.html".into(),
        "accord-1f2e.js".into(),
        "accord-1f2e_bg.wasm".into(),
        "questions/index.toml".into(),
        "questions/one file.toml".into(),
        "questions/carte-é.png".into(),
    ]
}

/// The elements' names, their texts and the files' hrefs, read back with quick-xml's reader
/// (which fails on anything that is not well-formed XML).
fn parse(xml: &str) -> (Vec<String>, Vec<(String, String)>, Vec<String>) {
    use quick_xml::XmlVersion;
    use quick_xml::escape::resolve_predefined_entity;
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut names = Vec::new();
    let mut texts = Vec::new();
    let mut hrefs = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut text = String::new();
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let start = matches!(event, Event::Start(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name().as_ref().to_string();
                for attr in e.attributes() {
                    let attr = attr.expect("well-formed attribute");
                    let value = attr.normalized_value(XmlVersion::Explicit1_0).unwrap();
                    if attr.key.as_ref() == "href" && name == "file" {
                        hrefs.push(value.to_string());
                    }
                }
                names.push(name.clone());
                if start {
                    open.push(name);
                }
                text.clear();
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                let resolved = resolve_predefined_entity(&name).expect("a predefined entity");
                text.push_str(resolved);
            }
            Event::End(_) => {
                let name = open.pop().unwrap();
                if !text.trim().is_empty() {
                    texts.push((name, std::mem::take(&mut text)));
                }
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(open.is_empty(), "every element is closed");
    (names, texts, hrefs)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn both_manifests_are_well_formed_and_name_every_file() {
    let files = site_files();
    let launch = format!("index.html?a={}", lms::percent_encode("v1.Ab-c_9/x", false));
    assert_eq!(launch, "index.html?a=v1.Ab-c_9%2Fx");
    for (version, schema) in [(V12, "1.2"), (V2004, "2004 4th Edition")] {
        let xml = lms::manifest(
            version,
            &info("v1.Ab-c_9", &launch, PassMark::from_thousandths(625)),
            &files,
        )
        .unwrap();
        let (names, texts, hrefs) = parse(&xml);
        assert_eq!(names[0], "manifest");
        assert!(
            texts.contains(&("schemaversion".into(), schema.into())),
            "{xml}"
        );
        assert!(texts.contains(&("schema".into(), "ADL SCORM".into())));
        // The title comes back as written, less the bell XML cannot hold.
        assert!(texts.contains(&("title".into(), "Versailles <1919> & \"after\" ".into())));
        let mut named: Vec<String> = hrefs.iter().map(|h| percent_decode(h)).collect();
        named.sort();
        let mut want = files.clone();
        want.sort();
        assert_eq!(named, want, "every packaged file, and only those");
        assert_eq!(names.iter().filter(|n| *n == "resource").count(), 1);
        assert_eq!(names.iter().filter(|n| *n == "item").count(), 1);
        assert!(xml.contains("href=\"index.html?a=v1.Ab-c_9%2Fx\""));
        match version {
            V12 => {
                assert!(xml.contains("adlcp:scormtype=\"sco\""));
                assert!(texts.contains(&("adlcp:masteryscore".into(), "62.5".into())));
            }
            V2004 => {
                assert!(xml.contains("adlcp:scormType=\"sco\""));
                assert!(xml.contains("xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\""));
                assert!(texts.contains(&("imsss:minNormalizedMeasure".into(), "0.625".into())));
            }
        }
    }
}

#[test]
fn a_sealed_manifest_gives_no_pass_mark() {
    let files = site_files();
    for version in ScormVersion::ALL {
        let xml = lms::manifest(version, &info("x", "index.html?a=x", None), &files).unwrap();
        assert!(!xml.contains("masteryscore") && !xml.contains("minNormalizedMeasure"));
    }
}

#[test]
fn a_manifest_refuses_a_package_without_its_launch_page_or_with_unsafe_paths() {
    let no_index = vec!["app.js".to_string()];
    let err = lms::manifest(V12, &info("x", "index.html?a=x", None), &no_index).unwrap_err();
    assert!(err.to_string().contains("index.html"), "{err}");
    for bad in [
        "../etc/passwd",
        "/abs",
        "a//b",
        "a\\b",
        "imsmanifest.xml",
        "./a",
    ] {
        let files = vec!["index.html".to_string(), bad.to_string()];
        assert!(
            lms::manifest(V2004, &info("x", "index.html", None), &files).is_err(),
            "{bad}"
        );
    }
}

fn entries() -> Vec<(String, Vec<u8>)> {
    site_files()
        .into_iter()
        .map(|path| {
            let bytes = format!("contents of {path}\n").repeat(20).into_bytes();
            (path, bytes)
        })
        .collect()
}

#[test]
fn a_package_lists_back_exactly_its_manifest_and_files() {
    use std::io::Read;
    let entries = entries();
    let bytes = lms::scorm_package(V2004, &info("x", "index.html?a=x", None), &entries).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    let mut want: Vec<String> = entries.iter().map(|(p, _)| p.clone()).collect();
    want.sort();
    want.insert(0, MANIFEST_FILE.to_string());
    let mut got_sorted = names.clone();
    got_sorted[1..].sort();
    assert_eq!(got_sorted, want);
    assert_eq!(names[0], MANIFEST_FILE, "the manifest comes first");
    for (path, content) in &entries {
        let mut file = zip.by_name(path).unwrap();
        assert_eq!(file.compression(), zip::CompressionMethod::Deflated);
        let mut read = Vec::new();
        file.read_to_end(&mut read).unwrap();
        assert_eq!(&read, content, "{path}");
    }
    let mut manifest = String::new();
    zip.by_name(MANIFEST_FILE)
        .unwrap()
        .read_to_string(&mut manifest)
        .unwrap();
    let (_, _, hrefs) = parse(&manifest);
    assert_eq!(hrefs.len(), entries.len());
}

#[test]
fn the_same_entries_give_the_same_bytes() {
    let mut entries = entries();
    let a = lms::scorm_package(V12, &info("x", "index.html?a=x", None), &entries).unwrap();
    entries.reverse();
    let b = lms::scorm_package(V12, &info("x", "index.html?a=x", None), &entries).unwrap();
    assert_eq!(a, b, "order of entries and the clock change nothing");
}

#[test]
fn a_package_refuses_a_file_given_twice() {
    let mut entries = entries();
    entries.push(entries[0].clone());
    let err = lms::zip_entries(&entries).unwrap_err();
    assert!(err.to_string().contains("twice"), "{err}");
}

/// An assignment on the demo bank passing at 60 %, and its link code.
fn assignment() -> (accord::assignment::Assignment, String) {
    let mut a = accord::assignment::Assignment::new(
        "a1".into(),
        "Versailles quiz".into(),
        accord::assignment::BankRef {
            path: "questions/index.toml".into(),
            id: "demo".into(),
            version: "1".into(),
        },
        seed(),
    );
    a.pass_mark = Some(60);
    let code = accord::assignment::encode(&a);
    (a, code)
}

/// A built site as `bank scorm` reads it: the SCORM page's files and their list, the default
/// bank with its bundle, another bank, and pages a package does not need.
fn site(dir: &std::path::Path) -> std::path::PathBuf {
    let site = dir.join("dist");
    for folder in ["questions", "other"] {
        std::fs::create_dir_all(site.join(folder)).unwrap();
    }
    for (path, text) in [
        ("scorm.html", "<!doctype html>"),
        ("scorm-1f2e.js", "js"),
        ("scorm-1f2e_bg.wasm", "wasm"),
        (
            "scorm-files.json",
            r#"{"files": ["scorm-1f2e.js", "scorm-1f2e_bg.wasm", "scorm.html"]}"#,
        ),
        ("index.html", "<!doctype html>"),
        ("teacher.html", "<!doctype html>"),
        ("questions/index.toml", "[bank]"),
        ("questions/one.toml", "[[question]]"),
        ("questions/bundle.json", "{}"),
        ("other/index.toml", "[bank]"),
    ] {
        std::fs::write(site.join(path), text).unwrap();
    }
    site
}

fn bank_scorm(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_bank"))
        .arg("scorm")
        .args(args)
        .output()
        .unwrap()
}

/// The zip's entry names and its manifest, checked on the way: the manifest is well-formed
/// XML (quick-xml's reader) and its files are exactly the zip's other entries.
fn zip_names_and_manifest(path: &std::path::Path) -> (Vec<String>, String) {
    use std::io::Read;
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    let mut manifest = String::new();
    zip.by_name(MANIFEST_FILE)
        .unwrap()
        .read_to_string(&mut manifest)
        .unwrap();
    let (_, _, hrefs) = parse(&manifest);
    let mut named: Vec<String> = hrefs.iter().map(|h| percent_decode(h)).collect();
    named.sort();
    let mut packed: Vec<String> = names
        .iter()
        .filter(|n| *n != MANIFEST_FILE)
        .cloned()
        .collect();
    packed.sort();
    assert_eq!(
        named, packed,
        "the manifest names every file in the zip, and only those"
    );
    (names, manifest)
}

#[test]
fn the_bank_scorm_command_packages_the_scorm_page_the_bank_and_the_assignment() {
    use std::ffi::OsStr;
    let dir = std::env::temp_dir().join(format!("accord-lms-cli-{}", std::process::id()));
    let site = site(&dir);
    let out = dir.join("quiz.zip");
    let (_, code) = assignment();
    let run = bank_scorm(&[
        OsStr::new("--site"),
        site.as_os_str(),
        OsStr::new("--assignment"),
        OsStr::new(&code),
        OsStr::new("--version"),
        OsStr::new("1.2"),
        OsStr::new("--out"),
        out.as_os_str(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let (names, manifest) = zip_names_and_manifest(&out);
    // The SCORM page's listed files and the default bank's folder with its bundle: not the
    // learner's or the teacher's page, not the other bank.
    assert_eq!(
        names,
        [
            MANIFEST_FILE,
            "questions/bundle.json",
            "questions/index.toml",
            "questions/one.toml",
            "scorm-1f2e.js",
            "scorm-1f2e_bg.wasm",
            "scorm.html",
        ]
    );
    // The launch page names the version and carries the code (the & escaped in XML); the
    // title and the 60 % mastery score are the assignment's.
    assert!(
        manifest.contains(&format!("href=\"scorm.html?scorm=1.2&amp;a={code}\"")),
        "{manifest}"
    );
    assert!(manifest.contains("<title>Versailles quiz</title>"));
    assert!(manifest.contains("<adlcp:masteryscore>60</adlcp:masteryscore>"));

    // A student link works as well as the code; --pass and --title win over the assignment's.
    let link = format!("https://school.example/quiz/index.html?a={code}");
    let run = bank_scorm(&[
        OsStr::new("--site"),
        site.as_os_str(),
        OsStr::new("--assignment"),
        OsStr::new(&link),
        OsStr::new("--version"),
        OsStr::new("2004"),
        OsStr::new("--pass"),
        OsStr::new("75"),
        OsStr::new("--title"),
        OsStr::new("Retake"),
        OsStr::new("--out"),
        out.as_os_str(),
    ]);
    assert!(run.status.success());
    let (_, manifest) = zip_names_and_manifest(&out);
    assert!(manifest.contains("scorm.html?scorm=2004&amp;a="));
    assert!(manifest.contains("<imsss:minNormalizedMeasure>0.75</imsss:minNormalizedMeasure>"));
    assert!(manifest.contains("<title>Retake</title>"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_bank_scorm_command_says_what_is_wrong() {
    use std::ffi::OsStr;
    let dir = std::env::temp_dir().join(format!("accord-lms-cli-bad-{}", std::process::id()));
    let site = site(&dir);
    let out = dir.join("quiz.zip");
    let (mut a, code) = assignment();
    let run = |assignment: &str, site: &std::path::Path, version: &str| {
        bank_scorm(&[
            OsStr::new("--site"),
            site.as_os_str(),
            OsStr::new("--assignment"),
            OsStr::new(assignment),
            OsStr::new("--version"),
            OsStr::new(version),
            OsStr::new("--out"),
            out.as_os_str(),
        ])
    };
    let stderr = |o: &std::process::Output| String::from_utf8_lossy(&o.stderr).to_string();
    let bad = run(&code, &site, "3");
    assert_eq!(bad.status.code(), Some(2), "a usage error");
    assert!(stderr(&bad).contains("--version is 1.2 or 2004"));
    let bad = run("v1&code", &site, "1.2");
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("is not an assignment"),
        "{}",
        stderr(&bad)
    );
    a.bank.path = "missing/index.toml".into();
    let bad = run(&accord::assignment::encode(&a), &site, "1.2");
    assert!(
        stderr(&bad).contains("missing/index.toml, which is not in"),
        "{}",
        stderr(&bad)
    );
    std::fs::remove_file(site.join("scorm-files.json")).unwrap();
    let bad = run(&code, &site, "1.2");
    assert!(
        stderr(&bad).contains("built by ./scripts/build"),
        "{}",
        stderr(&bad)
    );
    assert!(!out.exists(), "nothing written");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn without_a_pass_mark_a_finished_quiz_is_completed_with_success_unknown() {
    let bank = demo_bank();
    let mut session = answered_exam(&bank);
    session.hand_in(T0 + 300_000).unwrap();
    let v12 = lms::commit(V12, &session, Key::Open(&bank), None, clock(T0 + 300_000));
    assert_eq!(v12.get("cmi.core.lesson_status"), Some("completed"));
    assert!(
        v12.get("cmi.core.score.raw").is_some(),
        "the score is still sent"
    );
    let v2004 = lms::commit(V2004, &session, Key::Open(&bank), None, clock(T0 + 300_000));
    assert_eq!(v2004.get("cmi.completion_status"), Some("completed"));
    assert_eq!(v2004.get("cmi.success_status"), Some("unknown"));
    // An assignment's whole percentage is the same mark in thousandths.
    assert_eq!(PassMark::from_percent(70), PassMark::from_thousandths(700));
    assert_eq!(PassMark::from_percent(101), None);
}

#[test]
fn the_build_s_file_list_is_checked_before_anything_is_fetched() {
    let good = r#"{"files": ["scorm.html", "scorm-1.js", "icons/icon.svg"]}"#;
    assert_eq!(
        lms::file_list(good).unwrap(),
        ["scorm.html", "scorm-1.js", "icons/icon.svg"]
    );
    for (bad, says) in [
        ("not json", "not the list the build writes"),
        (r#"{"files": ["a.js"]}"#, "does not name scorm.html"),
        (r#"{"files": ["scorm.html", "scorm.html"]}"#, "twice"),
        (
            r#"{"files": ["scorm.html", "../secret"]}"#,
            "cannot be a file in a package",
        ),
        (
            r#"{"files": ["scorm.html", "imsmanifest.xml"]}"#,
            "cannot be a file",
        ),
    ] {
        let err = lms::file_list(bad).unwrap_err();
        assert!(err.contains(says), "{bad}: {err}");
    }
}

#[test]
fn a_bank_s_package_files_are_its_sources_its_images_and_its_bundle() {
    let mut bank = demo_bank();
    bank.questions[0].image = Some(accord::bank::Image {
        file: "maps/paris.png".into(),
        alt: "A map".into(),
        caption: None,
    });
    bank.questions[1].image = bank.questions[0].image.clone();
    let sources = vec![
        "questions/index.toml".to_string(),
        "questions/one.toml".to_string(),
    ];
    assert_eq!(
        lms::bank_files(&bank, &sources, Some("questions/bundle.json")),
        [
            "questions/bundle.json",
            "questions/index.toml",
            "questions/maps/paris.png",
            "questions/one.toml",
        ]
    );
    assert_eq!(
        lms::bank_files(&bank, &["quiz.gift".to_string()], None),
        ["maps/paris.png", "quiz.gift"]
    );
}

proptest! {
    #[test]
    fn the_file_list_decoder_never_panics(text in ".{0,300}") {
        let _ = lms::file_list(&text);
        let _ = lms::file_list(&format!(r#"{{"files": ["scorm.html", "{}"]}}"#, text.replace('"', "")));
    }
}

/// A learner's device: its own localStorage and sessionStorage, on the demo bank.
fn device(
    local: &accord::storage::MemoryStore,
    now: u64,
) -> accord::progress::Learner<accord::storage::MemoryStore, accord::storage::MemoryStore> {
    accord::progress::Learner::open(
        local.clone(),
        accord::storage::MemoryStore::new(),
        accord::progress::ProfileId::default_profile(),
        &demo_bank(),
        accord::progress::BankKey::new("demo", accord::progress::DEFAULT_BANK_PATH),
        now,
    )
}

#[test]
fn an_lms_s_suspend_data_resumes_a_run_on_a_device_that_never_saw_it_and_hands_it_in_once() {
    use accord::assignment::{Mode, Run};
    let bank = demo_bank();
    let (mut a, _) = assignment();
    a.mode = Mode::Exam;
    a.count = 3;
    let run = Run {
        assignment: a.clone(),
        student: "Marie Curie".into(),
        accommodation: None,
        attempt: 1,
    };
    // The first device: two answers, each sent to the LMS as suspend data.
    let mut first = device(&accord::storage::MemoryStore::new(), T0);
    first
        .start_assignment(&bank, run.clone(), "q-lms".into(), T0)
        .unwrap();
    for n in 0..2u64 {
        let id = first.quiz().unwrap().items[first.quiz().unwrap().current]
            .question
            .clone();
        let response = responses().into_iter().find(|(q, _)| *q == id).unwrap().1;
        first
            .answer(&bank, response, T0 + 10_000 * (n + 1))
            .unwrap();
    }
    let kept = lms::encode(first.quiz().unwrap(), Key::Open(&bank)).unwrap();

    // Another device: nothing in its storage; the LMS's suspend data puts the run on screen
    // where it was, as the assignment's run.
    let local = accord::storage::MemoryStore::new();
    let mut second = device(&local, T0 + 60_000);
    let session = lms::decode(&kept, Key::Open(&bank)).unwrap();
    second.take_over(&bank, session, run.clone(), T0 + 60_000);
    let quiz = second.quiz().unwrap();
    assert_eq!(quiz.id, "q-lms");
    assert_eq!(quiz.current, 2, "on the third question");
    assert_eq!(quiz.answers.iter().flatten().count(), 2);
    assert_eq!(
        quiz.shown_at,
        Some(T0 + 60_000),
        "time on screen counts from now"
    );
    assert_eq!(second.run().unwrap().student, "Marie Curie");
    second.hand_in(&bank, T0 + 70_000).unwrap();
    assert_eq!(second.attempts_used("a1"), 1);
    let done = lms::encode(second.finished().unwrap(), Key::Open(&bank)).unwrap();

    // Launched again with the finished run's suspend data: shown, not handed in twice.
    let mut third = device(&local, T0 + 80_000);
    let session = lms::decode(&done, Key::Open(&bank)).unwrap();
    third.take_over(&bank, session, Run { attempt: 2, ..run }, T0 + 80_000);
    assert!(third.quiz().is_none());
    assert_eq!(third.finished().map(|q| q.id.as_str()), Some("q-lms"));
    assert_eq!(third.handed_in().unwrap().run.attempt, 1);
    assert_eq!(third.attempts_used("a1"), 1, "the same attempt, kept once");
}
