//! Every decoder of saved progress fed arbitrary text, arbitrary JSON and mutations of real
//! saves (progress in schemas 1 to 3, quiz slots, export files, the review log, the profile
//! list), and then the start screen, the resume list, the due counts and the dashboard run on
//! whatever loaded: nothing panics, and what loads means something (the app can save it again
//! and read it back, and every count it shows fits the others).

mod common;
mod fuzzing;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use accord::assignment::{Assignment, BankRef, Mode, Run};
use accord::bank::Bank;
use accord::calendar::LocalTime;
use accord::progress::{
    Answer, BankKey, Count, DEFAULT_BANK_PATH, DashboardStats, Decoded, FORECAST_DAYS, Learner,
    LearnerSettings, PROFILES_KEY, PROGRESS_KEY, ProfileId, Profiles, ProgressData, QuizRequest,
    RECENT, ReviewLog, StartSummary, TAB_QUIZ_KEY, decode, decode_slot, due_questions, encode,
    import, name_problem, settings_for, start_quiz, weakest_topics,
};
use accord::quiz::{QuizMode, Seed};
use accord::schedule::DESIRED_RETENTION_RANGE;
use accord::storage::{KeyValueStore, MemoryStore};
use fuzzing::drive::{assert_result_adds_up, assert_sound, fitting, play_to_end};
use fuzzing::{Op, any_text, assert_plain, json_text, json_value, mutate, mutations};
use proptest::prelude::*;
use serde_json::{Value, json};

/// 2024-01-01 in ms since the epoch.
const T0: u64 = 1_704_067_200_000;
const DAY: u64 = 86_400_000;
/// The last second the review log can hold (2020-01-01 plus `u32::MAX` seconds, in 2156).
const LOG_END: u64 = 1_577_836_800_000 + 4_294_967_295 * 1000;

/// Field names of the saved formats, so that arbitrary objects look like ours often enough.
const KEYS: &[&str] = &[
    "app",
    "schema",
    "data",
    "generation",
    "settings",
    "banks",
    "assignments",
    "history",
    "reviews",
    "ids",
    "width",
    "active",
    "questions",
    "seen",
    "right",
    "last_seen",
    "last_credit",
    "seed",
    "started_at",
    "finished_at",
    "points",
    "max",
    "topics",
    "count",
    "mode",
    "time_limit",
    "desired_retention",
    "time_extension",
    "time_limits_off",
    "key_shortcuts",
    "theme",
    "bank",
    "run",
    "quiz",
    "id",
    "bank_id",
    "items",
    "answers",
    "current",
    "deadline",
    "flags",
    "time_ms",
    "shown_at",
    "timed_out",
    "question",
    "order",
    "blank_orders",
    "response",
    "credit",
    "at",
    "kind",
    "value",
    "list",
    "name",
    "exported_at",
];

type Tab = Learner<MemoryStore, MemoryStore>;

fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(common::demo_bank)
}

fn key() -> BankKey {
    BankKey::new("demo", DEFAULT_BANK_PATH)
}

fn seed(text: &str) -> Seed {
    Seed::parse(text).unwrap()
}

fn open(local: &MemoryStore, tab: &MemoryStore, now: u64) -> Tab {
    Learner::open(
        local.clone(),
        tab.clone(),
        ProfileId::default_profile(),
        bank(),
        key(),
        now,
    )
}

fn request(mode: QuizMode, count: Count) -> QuizRequest {
    QuizRequest {
        mode,
        topics: bank().topics.iter().map(|t| t.id.clone()).collect(),
        count,
        time_limit: Some(300),
    }
}

fn assignment() -> Assignment {
    let mut a = Assignment::new(
        "cw-test".into(),
        "Cold War test".into(),
        BankRef {
            path: "questions/index.toml".into(),
            id: "demo".into(),
            version: "1".into(),
        },
        seed("class-7b"),
    );
    a.count = 3;
    a.mode = Mode::Exam;
    a.time_limit = Some(600);
    a.attempts = 0;
    a
}

fn run() -> Run {
    Run {
        assignment: assignment(),
        student: "Ana Costa".into(),
        accommodation: None,
        attempt: 1,
    }
}

/// Answer the quiz on screen until it is over (or until `most` answers, leaving it open).
fn answer(learner: &mut Tab, mut now: u64, most: usize) -> u64 {
    let bank = bank();
    for k in 0..most {
        let Some(quiz) = learner.quiz() else {
            return now;
        };
        assert_sound(quiz, bank);
        now += 1_000;
        let exam = quiz.navigable();
        if exam && quiz.unanswered().is_empty() {
            let _ = learner.hand_in(bank, now);
            continue;
        }
        let Some((_, question)) = quiz.current(bank) else {
            let _ = learner.hand_in(bank, now);
            continue;
        };
        match learner.answer(bank, fitting(&question.kind, k), now) {
            Ok(Answer::Feedback(_)) => {
                learner.next(bank, now + 500);
            }
            Ok(_) => {}
            Err(_) => {
                if exam {
                    let _ = learner.hand_in(bank, now);
                } else {
                    learner.next(bank, now);
                }
            }
        }
    }
    now
}

/// Storage as a learner leaves it after a few days: finished practice, exam, focus and
/// assignment quizzes, settings changed, and three quizzes in progress (practice, exam with a
/// flag, an assignment's attempt).
fn used_storage() -> MemoryStore {
    static DUMP: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let dump = DUMP.get_or_init(|| {
        let local = MemoryStore::new();
        let tab = MemoryStore::new();
        let mut a = open(&local, &tab, T0);
        let bank = bank();
        let all = Count::Exactly(5);
        a.start(
            bank,
            &request(QuizMode::Practice, all),
            seed("p1"),
            "q-p1".into(),
            T0,
        )
        .unwrap();
        answer(&mut a, T0, 20);
        let day1 = T0 + DAY;
        a.start(
            bank,
            &request(QuizMode::Exam, Count::Exactly(3)),
            seed("e1"),
            "q-e1".into(),
            day1,
        )
        .unwrap();
        answer(&mut a, day1, 20);
        let day2 = T0 + 2 * DAY;
        a.start(
            bank,
            &request(QuizMode::Focus, Count::All),
            seed("f1"),
            "q-f1".into(),
            day2,
        )
        .unwrap();
        answer(&mut a, day2, 20);
        let day3 = T0 + 3 * DAY;
        let _ = a.start_review(bank, LocalTime::new(day3, 60), seed("r1"), "q-r1".into());
        answer(&mut a, day3, 20);
        a.start_assignment(bank, run(), "q-a1".into(), day3)
            .unwrap();
        answer(&mut a, day3, 20);
        a.update_settings(
            |s| {
                s.desired_retention = 0.85;
                s.time_extension = 1.5;
                s.theme = accord::progress::Theme::Dark;
            },
            day3,
        );
        let day4 = T0 + 4 * DAY;
        a.start(
            bank,
            &request(QuizMode::Practice, all),
            seed("p2"),
            "q-open".into(),
            day4,
        )
        .unwrap();
        answer(&mut a, day4, 2);
        a.close();
        a.start(
            bank,
            &request(QuizMode::Exam, all),
            seed("e2"),
            "q-exam".into(),
            day4,
        )
        .unwrap();
        answer(&mut a, day4, 2);
        a.toggle_flag(bank).unwrap();
        a.close();
        a.start_assignment(bank, run(), "q-a2".into(), day4)
            .unwrap();
        answer(&mut a, day4, 1);
        a.close();
        assert!(a.take_notices().is_empty());
        let keys = local.keys().unwrap();
        keys.into_iter()
            .map(|k| {
                let v = local.get(&k).unwrap().unwrap();
                (k, v)
            })
            .collect()
    });
    let local = MemoryStore::new();
    for (k, v) in dump {
        local.set(k, v).unwrap();
    }
    local
}

fn progress_text() -> String {
    used_storage().get(PROGRESS_KEY).unwrap().unwrap()
}

fn slot_texts() -> Vec<(String, String)> {
    let local = used_storage();
    let mut slots: Vec<(String, String)> = local
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with("accord/quiz/"))
        .map(|k| {
            let v = local.get(&k).unwrap().unwrap();
            (k, v)
        })
        .collect();
    slots.sort();
    slots
}

/// Progress exactly as the first release (schema 1) saved it, for the demo bank.
const SCHEMA_1: &str = r#"{"app":"accord","schema":1,"data":{"banks":{"demo":{
    "active":{"bank_id":"demo","seed":"abc","settings":{"topics":["alpha"],"count":2},
              "items":[{"question":"a-single","order":[1,0,2,3]},{"question":"b-tf","order":[]}],
              "answers":[{"response":{"kind":"choice","value":1},"credit":1000,"at":1704067300000},null],
              "current":1,"started_at":1704067200000,"finished_at":null},
    "history":[{"seed":"old","settings":{"topics":[],"count":10},"started_at":1700000000000,
                "finished_at":1700000600000,"points":7500,"questions":10,"right":7}],
    "questions":{"a-single":{"seen":3,"right":2,"last_seen":1704067300000,"last_credit":1000},
                 "b-tf":{"seen":1,"right":0,"last_seen":1700000500000,"last_credit":0}}}}}}"#;

/// Schema 2: a review log plus the per-question counts that duplicated it.
const SCHEMA_2: &str = r#"{"app":"accord","schema":2,"data":{"settings":{"desired_retention":0.85,"time_extension":1.5},
  "banks":{"demo":{
    "history":[],
    "questions":{"a-single":{"seen":4,"right":3,"last_seen":1704067300000,"last_credit":1000},
                 "b-tf":{"seen":1,"right":0,"last_seen":1704067400000,"last_credit":500}},
    "reviews":{"ids":["a-single","b-tf"],"data":"AADkH4YH6AMBAEgghgf0AQ=="}}}}}"#;

/// The progress documents the mutations start from: today's save, both older schemas, and
/// an export file.
fn documents() -> &'static [Value] {
    static DOCS: OnceLock<Vec<Value>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let data = decode(&progress_text()).unwrap().data;
        [
            progress_text(),
            SCHEMA_1.to_string(),
            SCHEMA_2.to_string(),
            accord::progress::export(&data, T0 + 5 * DAY),
        ]
        .iter()
        .map(|t| serde_json::from_str(t).unwrap())
        .collect()
    })
}

/// The times the screens are computed at: now, a month on, the review log's last second.
const NOWS: [u64; 3] = [T0 + 5 * DAY, T0 + 35 * DAY, LOG_END];

/// The start screen's numbers for one bank's progress, checked against each other.
fn check_summary(summary: &StartSummary, history: usize) {
    assert!(summary.answered <= summary.questions, "{summary:?}");
    assert!(summary.right_last_time <= summary.answered, "{summary:?}");
    assert_eq!(summary.finished, history);
    assert!(summary.recent.len() <= RECENT);
    for recent in &summary.recent {
        assert!(recent.percent <= 100, "{recent:?}");
        assert!(recent.right <= recent.questions, "{recent:?}");
    }
}

fn check_dashboard(stats: &DashboardStats, bank: &Bank) {
    assert_eq!(stats.forecast.len(), FORECAST_DAYS);
    assert_eq!(stats.mastery.len(), bank.topics.len());
    for m in &stats.mastery {
        assert!(m.right + m.partial + m.wrong <= m.questions, "{m:?}");
        assert!(m.percent() <= 100);
        let _ = m.unanswered();
    }
    for bucket in &stats.accuracy.buckets {
        assert!(bucket.right <= bucket.answers);
        assert!(bucket.percent().is_none_or(|p| p <= 100));
    }
    assert!(stats.history.len() <= stats.answers);
    for h in &stats.history {
        let _ = h.last_seen();
        h.reviews.iter().for_each(|r| {
            let _ = r.outcome();
        });
    }
}

/// Everything the learner's screens compute from loaded progress, on every bank it holds
/// (read against the demo bank, as a bank whose id was reused would be), and the property
/// that matters most: what loaded can be saved again and reads back the same.
fn check_loaded(decoded: &Decoded) {
    let data = &decoded.data;
    let bank = bank();
    let settings = &data.settings;
    assert!(DESIRED_RETENTION_RANGE.contains(&settings.desired_retention));
    assert!((1.0..=10.0).contains(&settings.time_extension));
    for limit in [None, Some(0), Some(300), Some(u32::MAX)] {
        let _ = settings.effective_limit(limit);
    }
    let scheduler = settings.scheduler();
    let again = decode(&encode(data)).expect("loaded progress saves and reads back");
    assert_eq!(&again.data, data, "and reads back the same");
    assert!(again.quizzes.is_empty());

    for progress in data.banks.values() {
        let summary = StartSummary::of(bank, Some(progress));
        check_summary(&summary, progress.history.len());
        for quiz in &progress.history {
            assert!(quiz.percent() <= 100, "{quiz:?}");
            let _ = (quiz.points(), quiz.max());
        }
        let log = &progress.reviews;
        for now in NOWS {
            for offset in [-18 * 60, 0, 14 * 60] {
                let time = LocalTime::new(now, offset);
                check_dashboard(&DashboardStats::compute(bank, log, &scheduler, time), bank);
                let cards = accord::progress::cards(log, &scheduler);
                let due = due_questions(&cards, |q| bank.question(q).is_some(), time.end_of_day());
                assert!(due.iter().all(|q| bank.question(q).is_some()));
                let _ = accord::progress::forecast(&cards, now, FORECAST_DAYS);
            }
        }
        let weakest = weakest_topics(bank, log, 3);
        assert!(weakest.len() <= 3 && weakest.iter().all(|t| bank.topic(t).is_some()));
        for mode in [QuizMode::Practice, QuizMode::Focus, QuizMode::Exam] {
            let request = request(mode, Count::All);
            let _ = settings_for(&request, bank, log);
            let mut session = start_quiz(bank, &request, settings, log, seed("s"), T0)
                .expect("the demo bank always has questions");
            assert_sound(&session, bank);
            play_to_end(&mut session, bank, T0, 1);
            assert_result_adds_up(&session, bank);
            let mut after = data.clone();
            after.archive(&key(), &session, bank);
            decode(&encode(&after)).expect("a quiz finished on loaded progress saves");
        }
    }
    for records in data.assignments.values() {
        for record in records {
            // A handed-in result can be handed in again: what it says must make sense to the
            // teacher's side (its checksum aside, which is the teacher's to judge).
            let mut resealed = record.clone();
            resealed.check = String::new();
            resealed.check =
                accord::codec::fnv1a64_hex(serde_json::to_string(&resealed).unwrap().as_bytes());
            let again = accord::results::ResultRecord::from_json(&resealed.to_json());
            assert!(
                !matches!(again, Err(accord::results::ResultError::Invalid(_))),
                "a kept result makes sense to the teacher's side: {again:?}"
            );
            let _ = record.time_used_ms();
        }
    }
    // Merging is idempotent, whatever loaded.
    let mut merged = data.clone();
    assert!(
        merged.merge(data).is_empty(),
        "merging data into itself adds nothing"
    );
    let mut fresh = ProgressData::default();
    fresh.merge(data);
    assert!(
        fresh.merge(data).is_empty(),
        "merging twice adds nothing the second time"
    );
    decode(&encode(&fresh)).expect("merged progress saves and reads back");

    // The quizzes an older schema kept inside the progress, as their slots will resume them.
    for (_, quiz) in &decoded.quizzes {
        if let Ok(mut session) = quiz.clone().restore(bank) {
            assert_sound(&session, bank);
            assert_result_adds_up(&session, bank);
            let start = session.started_at.max(session.shown_at.unwrap_or(0));
            play_to_end(&mut session, bank, start, 2);
            assert_result_adds_up(&session, bank);
        }
    }
}

fn decode_and_check(text: &str) -> Result<(), TestCaseError> {
    match decode(text) {
        Ok(decoded) => check_loaded(&decoded),
        Err(e) => assert_plain(&e.to_string()),
    }
    if let Err(why) = decode_slot(text) {
        assert_plain(&why);
    }
    Ok(())
}

/// The learner's side over a store holding whatever was there: open (scoring quizzes that
/// ended while away, resuming this tab's quiz), the start screen, the resume list, due
/// counts, the dashboard, resuming and finishing every quiz listed, starting each kind, an
/// export and its import. Whatever the app saved on the way reads back.
fn exercise(local: &MemoryStore, tab: &MemoryStore, now: u64) {
    let bank = bank();
    let before = local.get(PROGRESS_KEY).unwrap();
    let mut learner = open(local, tab, now);
    if let Some(quiz) = learner.quiz() {
        assert_sound(quiz, bank);
    }
    let time = LocalTime::new(now, 60);
    let data = learner.data().clone();
    check_summary(
        &learner.summary(bank),
        data.bank(&key()).map_or(0, |b| b.history.len()),
    );
    check_dashboard(&learner.dashboard(bank, time), bank);
    for q in learner.due_today(bank, time) {
        assert!(bank.question(&q).is_some());
    }
    let _ = learner.attempts_used("cw-test");
    let _ = learner.run_in_progress("cw-test", now);
    let mut now = answer(&mut learner, now, 30);
    let unfinished = learner.unfinished(now);
    for u in &unfinished {
        assert!(u.answered <= u.questions, "{u:?}");
    }
    for u in unfinished {
        if learner.resume(bank, &u.id, now).is_ok()
            && let Some(quiz) = learner.quiz()
        {
            assert_sound(quiz, bank);
            now = answer(&mut learner, now, 30);
        }
    }
    if let Some(done) = learner.finished() {
        assert_result_adds_up(done, bank);
    }
    learner
        .start(
            bank,
            &request(QuizMode::Focus, Count::Exactly(3)),
            seed("z"),
            "q-z".into(),
            now,
        )
        .expect("a focus quiz starts");
    now = answer(&mut learner, now, 30);
    let _ = learner.start_review(bank, LocalTime::new(now, 60), seed("y"), "q-y".into());
    now = answer(&mut learner, now, 30);
    let export = learner.export(now);
    let mut other = open(&MemoryStore::new(), &MemoryStore::new(), now);
    other.import(&export, now).expect("an export imports");
    assert!(
        other.import(&export, now).unwrap().is_empty(),
        "importing the same file twice adds nothing"
    );
    for notice in learner.take_notices() {
        assert_plain(&notice.to_string());
    }
    if learner.store().is_writable() {
        learner.reset(false).expect("a reset saves");
        assert!(learner.data().banks.is_empty());
    } else {
        // A newer build's data, left untouched: a reset must not write over it either.
        assert!(learner.reset(false).is_err());
    }
    if let Some(text) = local.get(PROGRESS_KEY).unwrap() {
        match decode(&text) {
            Ok(decoded) => check_loaded(&decoded),
            // A newer build's data is left exactly as it was, never overwritten.
            Err(accord::progress::DecodeProblem::TooNew(_)) => assert_eq!(Some(text), before),
            Err(e) => panic!("what the app saved does not read back: {e}"),
        }
    }
    for key in local.keys().unwrap() {
        if key.starts_with("accord/quiz/") {
            let text = local.get(&key).unwrap().unwrap();
            let slot = decode_slot(&text).expect("a slot the app saved reads back");
            assert!(
                key.ends_with(&format!("/{}", slot.quiz.id)),
                "a slot holds the quiz its key names: {key}"
            );
            if slot.bank == self::key() {
                slot.quiz.restore(bank).expect("and resumes");
            }
        }
    }
}

/// A store with the used storage's slots and `progress` as the saved progress.
fn store_with_progress(progress: &str) -> MemoryStore {
    let local = used_storage();
    local.set(PROGRESS_KEY, progress).unwrap();
    local
}

#[test]
fn the_fixture_is_rich_enough_to_test_with() {
    // The documents the mutations start from must hold every kind of entry, or mutating them
    // reaches less than it claims.
    let decoded = decode(&progress_text()).unwrap();
    let data = &decoded.data;
    let progress = data.bank(&key()).unwrap();
    assert!(progress.history.len() >= 4, "{}", progress.history.len());
    assert!(progress.reviews.len() >= 10);
    assert_eq!(data.assignments["cw-test"].len(), 1);
    assert_eq!(data.settings.desired_retention, 0.85);
    assert_eq!(slot_texts().len(), 3);
    for doc in documents() {
        decode(&doc.to_string()).expect("each starting document decodes");
    }
    check_loaded(&decoded);
    exercise(&used_storage(), &MemoryStore::new(), T0 + 5 * DAY);
}

#[test]
fn mutations_land_where_they_say() {
    // A test of the fixture itself: a mutation that never lands would make every property
    // over mutated documents vacuous. The nodes in order: root, a, a[0], a[1], a[1].b, c.
    let doc = json!({"a": [1, {"b": "x"}], "c": true});
    let m = |at: usize, op: Op, value: Value| fuzzing::Mutation {
        at: fuzzing::index_for(at, 6),
        op,
        pick: 0,
        value,
    };
    assert_eq!(
        mutate(&doc, &[m(4, Op::Replace, json!(7))]),
        json!({"a": [1, {"b": 7}], "c": true})
    );
    assert_eq!(
        mutate(&doc, &[m(2, Op::Delete, Value::Null)]),
        json!({"a": [{"b": "x"}], "c": true})
    );
    assert_eq!(
        mutate(&doc, &[m(2, Op::Duplicate, Value::Null)]),
        json!({"a": [1, 1, {"b": "x"}], "c": true})
    );
    assert_eq!(
        mutate(&doc, &[m(5, Op::Nudge, Value::Null)]),
        json!({"a": [1, {"b": "x"}], "c": false})
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn saved_progress_of_any_text_never_panics(text in any_text()) {
        decode_and_check(&text)?;
        let mut data = ProgressData::default();
        let _ = import(&mut data, &text);
        let _ = decode_slot(&text);
    }

    #[test]
    fn saved_progress_of_any_json_in_any_schema_never_panics(
        schema in prop_oneof![Just(json!(1)), Just(json!(2)), Just(json!(3)), fuzzing::number()],
        data in json_value(KEYS),
        whole in json_text(KEYS),
    ) {
        let text = json!({"app": "accord", "schema": schema, "data": data}).to_string();
        decode_and_check(&text)?;
        decode_and_check(&whole)?;
    }

    #[test]
    fn a_review_log_of_any_bytes_never_panics_and_what_loads_is_in_order(
        ids in prop::collection::vec(
            prop_oneof![prop::sample::select(vec!["a-single", "b-tf", "b-cloze", "gone"]).prop_map(str::to_string), ".{0,4}"],
            0..5,
        ),
        width in prop_oneof![Just(None), Just(Some(2u64)), Just(Some(4u64)), any::<u64>().prop_map(Some)],
        records in prop::collection::vec(prop::collection::vec(any::<u8>(), 6..=8), 0..12),
        tail in prop::collection::vec(any::<u8>(), 0..3),
    ) {
        let mut bytes: Vec<u8> = records.concat();
        bytes.extend(tail);
        let mut packed = json!({"ids": ids, "data": accord::codec::base64_encode(&bytes)});
        if let Some(w) = width {
            packed["width"] = json!(w);
        }
        if let Ok(log) = serde_json::from_value::<ReviewLog>(packed) {
            let reviews: Vec<_> = log.iter().cloned().collect();
            prop_assert!(reviews.windows(2).all(|w| w[0] < w[1]), "sorted, no duplicates");
            prop_assert!(reviews.iter().all(|r| r.credit.thousandths() <= 1000));
            let again: ReviewLog = serde_json::from_value(serde_json::to_value(&log).unwrap()).unwrap();
            prop_assert_eq!(&again, &log);
            let mut data = ProgressData::default();
            data.bank_mut(&key()).reviews = log;
            check_loaded(&Decoded { data, quizzes: Vec::new() });
        }
    }

    #[test]
    fn a_profile_list_of_any_json_loads_as_a_usable_list(
        text in prop_oneof![json_text(KEYS), any_text()],
    ) {
        check_profiles(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn mutated_saved_progress_never_panics_and_what_loads_is_sound(
        doc in prop::sample::select(documents()),
        edits in mutations(KEYS, 4),
    ) {
        decode_and_check(&mutate(&doc, &edits).to_string())?;
    }

    #[test]
    fn a_mutated_profile_list_loads_as_a_usable_list(edits in mutations(KEYS, 4)) {
        let list = json!({"active": "p-abcdefgh", "list": [
            {"id": "default", "name": ""},
            {"id": "p-abcdefgh", "name": "Ana"},
            {"id": "p-12345678", "name": "Ben"},
        ]});
        check_profiles(&mutate(&list, &edits).to_string());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn a_learner_opening_mutated_progress_never_panics_and_saves_what_it_reads(
        doc in prop::sample::select(documents()),
        edits in mutations(KEYS, 3),
    ) {
        let local = store_with_progress(&mutate(&doc, &edits).to_string());
        exercise(&local, &MemoryStore::new(), T0 + 5 * DAY);
    }

    #[test]
    fn a_learner_resuming_a_mutated_quiz_slot_never_panics(
        which in 0usize..3,
        edits in mutations(KEYS, 3),
        on_this_tab in any::<bool>(),
    ) {
        let local = used_storage();
        let (slot_key, text) = &slot_texts()[which];
        let doc: Value = serde_json::from_str(text).unwrap();
        let mutated = mutate(&doc, &edits).to_string();
        local.set(slot_key, &mutated).unwrap();
        let tab = MemoryStore::new();
        if on_this_tab {
            let id = slot_key.rsplit('/').next().unwrap();
            tab.set(TAB_QUIZ_KEY, id).unwrap();
        }
        exercise(&local, &tab, T0 + 4 * DAY + 60_000);
    }

    #[test]
    fn a_learner_taking_in_a_mutated_quiz_slot_from_another_tab_never_panics(
        shown in 0usize..3,
        which in 0usize..3,
        edits in mutations(KEYS, 3),
    ) {
        // The tab shows quiz `shown`; another tab (or damage) rewrites slot `which`, the one
        // on screen or another that the resume list reads.
        let bank = bank();
        let local = used_storage();
        let slots = slot_texts();
        let (slot_key, text) = &slots[which];
        let tab = MemoryStore::new();
        tab.set(TAB_QUIZ_KEY, slots[shown].0.rsplit('/').next().unwrap()).unwrap();
        let now = T0 + 4 * DAY + 60_000;
        let mut learner = open(&local, &tab, now);
        prop_assert!(learner.quiz().is_some(), "the tab's quiz is on screen");
        let doc: Value = serde_json::from_str(text).unwrap();
        let mutated = mutate(&doc, &edits).to_string();
        local.set(slot_key, &mutated).unwrap();
        learner.take_in(bank, slot_key, Some(&mutated), now);
        for notice in learner.take_notices() {
            assert_plain(&notice.to_string());
        }
        if let Some(quiz) = learner.quiz() {
            assert_sound(quiz, bank);
        }
        for u in learner.unfinished(now) {
            prop_assert!(u.answered <= u.questions);
        }
        let now = answer(&mut learner, now, 30);
        if let Some(done) = learner.finished() {
            assert_result_adds_up(done, bank);
        }
        drop(learner);
        exercise(&local, &MemoryStore::new(), now);
    }

    #[test]
    fn importing_a_mutated_export_never_panics_and_is_idempotent(edits in mutations(KEYS, 4)) {
        let export = &documents()[3];
        let text = mutate(export, &edits).to_string();
        let local = used_storage();
        let mut learner = open(&local, &MemoryStore::new(), T0 + 5 * DAY);
        if let Err(e) = learner.import(&text, T0 + 5 * DAY) {
            assert_plain(&e.to_string());
        } else {
            prop_assert!(learner.import(&text, T0 + 5 * DAY).unwrap().is_empty());
            check_loaded(&decode(&local.get(PROGRESS_KEY).unwrap().unwrap()).unwrap());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_quiz_slot_of_any_json_never_panics_and_what_resumes_is_sound(
        text in prop_oneof![json_text(KEYS), any_text()],
        edits in mutations(KEYS, 4),
        which in 0usize..3,
    ) {
        let doc: Value = serde_json::from_str(&slot_texts()[which].1).unwrap();
        for text in [text, mutate(&doc, &edits).to_string()] {
            if let Ok(slot) = decode_slot(&text) {
                if let Some(run) = &slot.run {
                    let _ = (run.seed(), run.time_limit_ms(), run.settings());
                }
                let _ = slot.quiz.is_finished();
                let restored = slot.quiz.restore(bank());
                if let Err(e) = &restored {
                    assert_plain(&e.to_string());
                }
                if let Ok(mut session) = restored {
                    assert_sound(&session, bank());
                    let start = session.started_at.max(session.shown_at.unwrap_or(0));
                    play_to_end(&mut session, bank(), start, 3);
                    assert_result_adds_up(&session, bank());
                    let mut data = ProgressData::default();
                    data.archive(&key(), &session, bank());
                    decode(&encode(&data)).expect("a resumed quiz's history entry saves");
                }
            }
        }
    }
}

/// The profile list in a store holding `text`: never empty, the default profile in it,
/// every id once, the active profile one of them; the screens' operations on it work.
fn check_profiles(text: &str) {
    let storage = MemoryStore::new();
    storage.set(PROFILES_KEY, text).unwrap();
    let mut profiles = Profiles::load(&storage);
    assert!(profiles.list.iter().any(|p| p.id.is_default()));
    let ids: BTreeMap<&ProfileId, usize> =
        profiles.list.iter().fold(BTreeMap::new(), |mut m, p| {
            *m.entry(&p.id).or_default() += 1;
            m
        });
    assert!(
        ids.values().all(|&n| n == 1),
        "every profile once: {profiles:?}"
    );
    assert!(profiles.list.iter().any(|p| p.id == profiles.active));
    assert_eq!(profiles.active().id, profiles.active);
    let _ = Profiles::display_name(profiles.active());
    let _ = name_problem("Carla", &profiles);
    let active = profiles.active.clone();
    profiles.remove(&active, &storage).unwrap();
    assert!(!profiles.list.is_empty());
    let _ = profiles.active();
    profiles.save(&storage).unwrap();
    assert_eq!(
        Profiles::load(&storage),
        profiles,
        "a saved list reads back the same"
    );
}

#[test]
fn settings_from_storage_are_brought_into_range() {
    // Every number a learner's settings hold is clamped on load, so no limit computed from
    // them can overflow: u32::MAX seconds at 1.0× is 4,294,967,295,000 ms.
    let text = r#"{"app":"accord","schema":3,"data":{"settings":{"desired_retention":1e308,"time_extension":-1e308}}}"#;
    let settings: LearnerSettings = decode(text).unwrap().data.settings;
    assert_eq!(settings.desired_retention, 0.9);
    assert_eq!(settings.time_extension, 1.0);
    assert_eq!(
        settings.effective_limit(Some(u32::MAX)),
        Some(4_294_967_295_000)
    );
}

#[test]
fn enough_mutated_documents_still_load_to_reach_the_computations() {
    // Properties over mutated documents check the computations only on those that load: with
    // the deterministic runner, 400 mutated progress documents give 201 that decode, 300
    // mutated slots 109 that read and 48 that resume on the demo bank. A quarter of those
    // counts keeps the properties meaningful.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let documents_strategy = (prop::sample::select(documents()), mutations(KEYS, 4));
    let decoded = (0..400)
        .filter(|_| {
            let (doc, edits) = documents_strategy.new_tree(&mut runner).unwrap().current();
            decode(&mutate(&doc, &edits).to_string()).is_ok()
        })
        .count();
    let slots_strategy = (0usize..3, mutations(KEYS, 3));
    let (mut read, mut resumed) = (0, 0);
    for _ in 0..300 {
        let (which, edits) = slots_strategy.new_tree(&mut runner).unwrap().current();
        let doc: Value = serde_json::from_str(&slot_texts()[which].1).unwrap();
        if let Ok(slot) = decode_slot(&mutate(&doc, &edits).to_string()) {
            read += 1;
            resumed += usize::from(slot.quiz.restore(bank()).is_ok());
        }
    }
    assert!(
        decoded >= 50 && read >= 30 && resumed >= 12,
        "{decoded} {read} {resumed}"
    );
}

// Regressions: each found by the properties above, with its minimal input written out.

#[test]
fn a_saved_quiz_with_fewer_answers_than_items_is_kept_aside_not_listed() {
    // Found by `a_learner_taking_in_a_mutated_quiz_slot_from_another_tab_never_panics`: a slot
    // written after this tab opened, whose answers list is shorter than its position, made
    // the resume list ask for the phase of an answer that is not there (index out of bounds).
    let slot = r#"{"bank":"demo","quiz":{"id":"q1","bank_id":"demo","seed":"s","settings":{"topics":[],"count":2},"items":[{"question":"b-tf","order":[]},{"question":"b-num","order":[]}],"answers":[],"current":0,"started_at":1704067200000}}"#;
    let why = decode_slot(slot).unwrap_err();
    assert!(why.contains("answers do not match"), "{why}");
    let local = MemoryStore::new();
    let mut learner = open(&local, &MemoryStore::new(), T0);
    local.set("accord/quiz/default/q1", slot).unwrap();
    assert_eq!(learner.unfinished(T0), vec![]);
    let notices = learner.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].to_string().contains("answers do not match"));
    assert_eq!(
        local.get("accord/quiz/default/q1").unwrap(),
        None,
        "moved aside"
    );
}

#[test]
fn a_saved_quiz_that_draws_a_question_twice_is_refused() {
    // Found by `mutated_saved_progress_never_panics_and_what_loads_is_sound`: a schema-1 quiz
    // in progress holding the same question twice resumed. No draw repeats a question; one
    // that held it 10,001 times would be archived as a quiz of 10,001 questions, which the
    // progress check refuses: the learner's whole progress would be moved aside on the next
    // load.
    let text = r#"{"app":"accord","schema":1,"data":{"banks":{"demo":{"active":{"bank_id":"demo","seed":"abc","settings":{"topics":[],"count":2},"items":[{"question":"b-tf","order":[]},{"question":"b-tf","order":[]}],"answers":[null,null],"current":0,"started_at":1704067200000}}}}}"#;
    let decoded = decode(text).unwrap();
    let (_, quiz) = &decoded.quizzes[0];
    let why = quiz.clone().restore(bank()).unwrap_err().to_string();
    assert!(why.contains("\"b-tf\" twice"), "{why}");
    let slot = format!(
        r#"{{"bank":"demo","quiz":{}}}"#,
        serde_json::to_string(quiz).unwrap()
    );
    assert!(decode_slot(&slot).is_err());
}

#[test]
fn a_slot_holding_another_quizs_id_is_kept_aside_and_never_removes_that_quiz() {
    // A slot's key names its quiz; a slot whose quiz says another id (damage, or a hand edit)
    // was read as that other quiz: finishing it removed the other quiz's slot, a quiz in
    // progress lost, while the damaged slot stayed to be archived again at every load.
    let local = used_storage();
    let exam = local.get("accord/quiz/default/q-exam").unwrap().unwrap();
    let mut doc: Value = serde_json::from_str(&exam).unwrap();
    doc["quiz"]["finished_at"] = json!(T0 + 4 * DAY + 5_000);
    local
        .set("accord/quiz/default/q-copy", &doc.to_string())
        .unwrap();
    let mut learner = open(&local, &MemoryStore::new(), T0 + 4 * DAY + 10_000);
    assert_eq!(
        local.get("accord/quiz/default/q-exam").unwrap(),
        Some(exam),
        "the real quiz in progress is untouched"
    );
    assert_eq!(local.get("accord/quiz/default/q-copy").unwrap(), None);
    let notices: Vec<String> = learner
        .take_notices()
        .iter()
        .map(|n| n.to_string())
        .collect();
    assert!(
        notices.iter().any(|n| n.contains("another quiz")),
        "{notices:?}"
    );
}

#[test]
fn another_tabs_copy_with_an_answer_that_does_not_fit_is_not_taken_in() {
    // Another tab's copy of the quiz on screen is merged answer by answer. Its answers were
    // taken as they were: a response that fits no question (choice 99 of four) with full
    // credit became this tab's answer, and was archived as a right one at hand-in.
    let local = used_storage();
    let tab = MemoryStore::new();
    tab.set(TAB_QUIZ_KEY, "q-exam").unwrap();
    let now = T0 + 4 * DAY + 60_000;
    let mut learner = open(&local, &tab, now);
    let quiz = learner.quiz().unwrap().clone();
    let open_item = quiz.answers.iter().position(Option::is_none).unwrap();
    let mut doc: Value =
        serde_json::from_str(&local.get("accord/quiz/default/q-exam").unwrap().unwrap()).unwrap();
    doc["quiz"]["answers"][open_item] =
        json!({"response": {"kind": "choice", "value": 99}, "credit": 1000, "at": now});
    let theirs = doc.to_string();
    local.set("accord/quiz/default/q-exam", &theirs).unwrap();
    learner.take_in(bank(), "accord/quiz/default/q-exam", Some(&theirs), now);
    assert_sound(learner.quiz().unwrap(), bank());
    assert_eq!(learner.quiz().unwrap().answers[open_item], None);
    // Nor does saving this tab's copy take it from storage.
    learner.toggle_flag(bank()).unwrap();
    assert_eq!(learner.quiz().unwrap().answers[open_item], None);
}

#[test]
fn a_profile_list_naming_a_profile_twice_loads_it_once() {
    // Loading dropped only repeats that were next to each other, so a list naming a learner
    // twice apart showed them twice on the start screen, and renaming one renamed the first.
    check_profiles(
        r#"{"active":"default","list":[{"id":"p-abcdefgh","name":"Ana"},{"id":"default","name":""},{"id":"p-abcdefgh","name":"Ben"}]}"#,
    );
}

#[test]
fn a_kept_result_that_the_teachers_side_would_refuse_makes_the_progress_damaged() {
    // Found by `mutated_saved_progress_never_panics_and_what_loads_is_sound`: progress kept a
    // handed-in result naming a question twice (or handed in before it started), which the
    // learner could hand in again only to have the teacher's side refuse it. Progress now
    // checks a kept result as the teacher's side does (its checksum aside).
    let progress = progress_text();
    let mut doc: Value = serde_json::from_str(&progress).unwrap();
    let items = &mut doc["data"]["assignments"]["cw-test"][0]["items"];
    let first = items[0].clone();
    items.as_array_mut().unwrap().push(first);
    let why = decode(&doc.to_string()).unwrap_err().to_string();
    assert!(
        why.contains("a handed-in result of \"cw-test\"") && why.contains("twice"),
        "{why}"
    );
    let mut doc: Value = serde_json::from_str(&progress).unwrap();
    doc["data"]["assignments"]["cw-test"][0]["started_at"] = json!(u64::MAX);
    let why = decode(&doc.to_string()).unwrap_err().to_string();
    assert!(why.contains("handed in before it started"), "{why}");
}

#[test]
fn messages_about_damaged_progress_show_hidden_characters_escaped() {
    // Found by the messages check in every property here: serde's messages quote the text
    // that failed as it is, so a theme of "dark" plus a bell, or a question id with a
    // right-to-left override, reached the learner's notice raw (the override reorders the
    // rest of the sentence on screen).
    let text = "{\"app\":\"accord\",\"schema\":3,\"data\":{\"settings\":{\"desired_retention\":0.9,\"time_extension\":1,\"theme\":\"dark\\u0007\"}}}";
    let why = decode(text).unwrap_err().to_string();
    assert!(why.contains("dark\\u{0007}"), "{why}");
    assert_plain(&why);
    let slot = "{\"bank\":\"demo\",\"quiz\":{\"id\":\"q1\",\"bank_id\":\"demo\",\"seed\":\"s\",\"settings\":{\"topics\":[],\"count\":1},\"items\":[{\"question\":\"b-tf\\u202e\",\"order\":[]}],\"answers\":[null],\"current\":0,\"started_at\":1704067200000}}";
    let quiz = decode_slot(slot).unwrap().quiz;
    let why = quiz.restore(bank()).unwrap_err().to_string();
    assert_eq!(
        why,
        "the question bank no longer has question \"b-tf\\u{202e}\""
    );
}
