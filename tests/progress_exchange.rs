//! The review log, the migration from schema 1, export and import, and two tabs saving at once.

mod common;

use accord::progress::{
    CURRENT_SCHEMA, ImportError, PROGRESS_KEY, ProgressData, ProgressStore, Review, ReviewFlags,
    ReviewLog, decode, encode, export, import,
};
use accord::quiz::Credit;
use accord::storage::{KeyValueStore, MemoryStore};

/// 2024-01-01 in ms since the epoch.
const T0: u64 = 1_704_067_200_000;

fn log_of(n: usize, questions: usize) -> ReviewLog {
    let mut log = ReviewLog::new();
    for i in 0..n {
        let at = T0 + (i as u64) * 37_000;
        log.push(Review::new(
            &format!("question-id-{:04}", i % questions),
            at,
            (i % 1001) as u16,
        ));
    }
    log
}

#[test]
fn a_review_log_round_trips_through_json() {
    let log = log_of(1_000, 50);
    let json = serde_json::to_string(&log).unwrap();
    let back: ReviewLog = serde_json::from_str(&json).unwrap();
    assert_eq!(back, log);
}

#[test]
fn a_review_takes_at_most_32_bytes_so_100000_fit_in_localstorage() {
    // 100,000 reviews of 2,000 questions with 20-character ids.
    let log = log_of(100_000, 2_000);
    let bytes = serde_json::to_string(&log).unwrap().len();
    let per_review = bytes as f64 / 100_000.0;
    println!("100,000 reviews: {bytes} bytes, {per_review:.2} bytes per review");
    assert!(per_review <= 32.0, "{per_review} bytes per review");
    // localStorage holds about 5 million UTF-16 units; the log is ASCII, one unit a byte.
    assert!(bytes <= 3_200_000);
}

#[test]
fn reviews_keep_their_second_credit_and_flags() {
    let mut log = ReviewLog::new();
    let mut migrated = Review::new("q", T0 + 1_999, 667);
    migrated.flags = ReviewFlags::MIGRATED;
    log.push(migrated);
    let back: ReviewLog = serde_json::from_str(&serde_json::to_string(&log).unwrap()).unwrap();
    let review = back.iter().next().unwrap();
    assert_eq!(review.at, T0 + 1_000, "kept to the second");
    assert_eq!(review.credit, 667);
    assert!(review.flags.contains(ReviewFlags::MIGRATED));
}

#[test]
fn a_damaged_review_log_is_refused_not_misread() {
    for bad in [
        r#"{"ids":["a"],"data":"not base64!"}"#,
        r#"{"ids":["a"],"data":"AAAA"}"#, // 3 bytes: a partial record
        r#"{"ids":[],"data":"AAAAAAAAAAA="}"#, // index 0 of an empty id table
    ] {
        assert!(serde_json::from_str::<ReviewLog>(bad).is_err(), "{bad}");
    }
}

/// Progress exactly as the first release (schema 1) saved it.
const SCHEMA_1: &str = r#"{"app":"accord","schema":1,"data":{"banks":{"nato-russia":{
    "active":{"bank_id":"nato-russia","seed":"abc","settings":{"topics":["founding-act"],"count":2},
              "items":[{"question":"fa-place","order":[1,0,2,3]},{"question":"fa-date","order":[]}],
              "answers":[{"response":{"kind":"choice","value":1},"credit":1000,"at":1704067300000},null],
              "current":1,"started_at":1704067200000,"finished_at":null},
    "history":[{"seed":"old","settings":{"topics":[],"count":10},"started_at":1700000000000,
                "finished_at":1700000600000,"points":7500,"questions":10,"right":7}],
    "questions":{"fa-place":{"seen":3,"right":2,"last_seen":1704067300000,"last_credit":1000},
                 "fa-date":{"seen":1,"right":0,"last_seen":1700000500000,"last_credit":0}}}}}}"#;

#[test]
fn migrating_from_schema_1_keeps_everything_and_starts_the_review_log() {
    let data = decode(SCHEMA_1).unwrap();
    let progress = data.bank("nato-russia").unwrap();
    // Nothing lost: the quiz in progress, the history and the counts are all there.
    let active = progress.active.as_ref().unwrap();
    assert_eq!(active.current, 1);
    assert_eq!(active.answers[0].as_ref().unwrap().credit, Credit::FULL);
    assert_eq!(progress.history.len(), 1);
    assert_eq!(progress.history[0].points, 7500);
    assert_eq!(progress.questions["fa-place"].seen, 3);
    assert_eq!(progress.questions["fa-date"].last_credit, 0);
    // Each question's last answer became a review, marked as migrated.
    let reviews: Vec<(&str, u64, u16)> = progress
        .reviews
        .iter()
        .map(|r| (r.question.as_str(), r.at, r.credit))
        .collect();
    assert_eq!(
        reviews,
        vec![
            ("fa-date", 1_700_000_500_000, 0),
            ("fa-place", 1_704_067_300_000, 1000)
        ]
    );
    assert!(
        progress
            .reviews
            .iter()
            .all(|r| r.flags.contains(ReviewFlags::MIGRATED))
    );
    assert_eq!(data.settings.desired_retention, 0.9);
    // Saved again, it is schema 2 and reads back the same.
    let saved = encode(&data);
    assert!(saved.contains(&format!("\"schema\":{CURRENT_SCHEMA}")));
    assert_eq!(decode(&saved).unwrap(), data);
}

#[test]
fn a_store_holding_schema_1_opens_without_a_notice_and_saves_as_schema_2() {
    let storage = MemoryStore::new();
    storage.set(PROGRESS_KEY, SCHEMA_1).unwrap();
    let (store, data, notices) = ProgressStore::open(storage.clone(), T0);
    assert!(notices.is_empty());
    store.save(&data).unwrap();
    assert!(
        storage
            .get(PROGRESS_KEY)
            .unwrap()
            .unwrap()
            .contains("\"schema\":2")
    );
    assert!(store.backups().is_empty());
}

fn device(answers: &[(&str, u64, Credit)]) -> ProgressData {
    let mut data = ProgressData::default();
    for (question, at, credit) in answers {
        data.record_answer("nato-russia", question, *credit, *at);
    }
    data
}

#[test]
fn importing_merges_without_loss_and_twice_changes_nothing() {
    let mut laptop = device(&[
        ("fa-place", T0, Credit::FULL),
        ("fa-date", T0 + 60_000, Credit::ZERO),
    ]);
    let phone = device(&[
        ("fa-place", T0 + 86_400_000, Credit::FULL),
        ("enl-1999", T0 + 90_000_000, Credit::FULL),
    ]);
    let file = export(&phone, T0 + 100_000_000);

    let summary = import(&mut laptop, &file).unwrap();
    assert_eq!(summary.reviews_added, 2);
    let progress = laptop.bank("nato-russia").unwrap();
    assert_eq!(progress.reviews.len(), 4);
    assert_eq!(progress.questions["fa-place"].last_seen, T0 + 86_400_000);
    assert!(progress.questions.contains_key("enl-1999"));

    let once = laptop.clone();
    let again = import(&mut laptop, &file).unwrap();
    assert_eq!((again.reviews_added, again.quizzes_added), (0, 0));
    assert_eq!(
        laptop, once,
        "importing the same file twice changes nothing"
    );
}

#[test]
fn an_export_of_everything_imports_into_an_empty_browser_unchanged() {
    let data = decode(SCHEMA_1).unwrap();
    let mut fresh = ProgressData::default();
    import(&mut fresh, &export(&data, T0)).unwrap();
    let (a, b) = (
        fresh.bank("nato-russia").unwrap(),
        data.bank("nato-russia").unwrap(),
    );
    assert_eq!(
        (&a.reviews, &a.history, &a.questions),
        (&b.reviews, &b.history, &b.questions)
    );
    assert!(
        a.active.is_none(),
        "a quiz in progress belongs to the device it was started on"
    );
}

#[test]
fn bad_files_are_refused_with_a_clear_message_and_change_nothing() {
    let mut data = device(&[("fa-place", T0, Credit::FULL)]);
    let before = data.clone();
    let cases = [
        ("", "not an Accord progress export"),
        ("hello", "not an Accord progress export"),
        (
            r#"{"app":"anki","schema":1,"data":{}}"#,
            "written by \"anki\"",
        ),
        (
            r#"{"app":"accord","schema":2,"data":{"banks":{"x":{"reviews":{"ids":[],"data":"??"}}}}}"#,
            "damaged",
        ),
    ];
    for (text, expected) in cases {
        let err = import(&mut data, text).unwrap_err();
        assert!(err.to_string().contains(expected), "{text:?} gave {err}");
    }
    let err = import(&mut data, r#"{"app":"accord","schema":99,"data":{}}"#).unwrap_err();
    assert_eq!(err, ImportError::TooNew(99));
    assert!(err.to_string().contains("newer version"));
    assert_eq!(data, before);
}

#[test]
fn two_tabs_answering_at_once_both_keep_their_reviews() {
    let storage = MemoryStore::new();
    let (tab_a, mut data_a, _) = ProgressStore::open(storage.clone(), T0);
    let (tab_b, mut data_b, _) = ProgressStore::open(storage.clone(), T0);
    data_a.record_answer("nato-russia", "fa-place", Credit::FULL, T0 + 1_000);
    tab_a.save_merging(&mut data_a, T0 + 1_000).unwrap();
    // Tab B never saw A's answer, then answers and saves.
    data_b.record_answer("nato-russia", "fa-date", Credit::ZERO, T0 + 2_000);
    tab_b.save_merging(&mut data_b, T0 + 2_000).unwrap();

    let (_, stored, _) = ProgressStore::open(storage, T0 + 3_000);
    let questions: Vec<String> = stored
        .bank("nato-russia")
        .unwrap()
        .reviews
        .iter()
        .map(|r| r.question.clone())
        .collect();
    assert_eq!(questions, vec!["fa-place", "fa-date"]);
    assert_eq!(data_b, stored, "the saving tab now holds the merged whole");
}

mod due {
    use super::T0;
    use accord::progress::{Review, ReviewLog, cards, due_questions, forecast};
    use accord::schedule::{DAY_MS, Scheduler};

    fn log(reviews: &[(&str, u64, u16)]) -> ReviewLog {
        let mut log = ReviewLog::new();
        for (q, at, credit) in reviews {
            log.push(Review::new(q, *at, *credit));
        }
        log
    }

    #[test]
    fn a_right_answer_is_due_after_its_interval_and_a_wrong_one_sooner() {
        let scheduler = Scheduler::default();
        let cards = cards(&log(&[("right", T0, 1000), ("wrong", T0, 0)]), &scheduler);
        assert!(cards["right"].due > cards["wrong"].due);
        assert_eq!(
            due_questions(&cards, |_| true, T0 + DAY_MS / 2),
            Vec::<String>::new()
        );
        // A wrong answer comes back the next day; a right one (stability ≈ 2.3 days) later.
        assert_eq!(due_questions(&cards, |_| true, T0 + DAY_MS), vec!["wrong"]);
        assert_eq!(
            due_questions(&cards, |_| true, T0 + 30 * DAY_MS),
            vec!["wrong", "right"]
        );
    }

    #[test]
    fn questions_the_bank_no_longer_has_are_never_due() {
        let cards = cards(
            &log(&[("gone", T0, 0), ("kept", T0, 0)]),
            &Scheduler::default(),
        );
        assert_eq!(
            due_questions(&cards, |q| q == "kept", T0 + 10 * DAY_MS),
            vec!["kept"]
        );
    }

    #[test]
    fn later_reviews_replace_earlier_ones_in_the_card() {
        let scheduler = Scheduler::default();
        let once = cards(&log(&[("q", T0, 1000)]), &scheduler);
        let twice = cards(
            &log(&[("q", T0, 1000), ("q", T0 + 3 * DAY_MS, 1000)]),
            &scheduler,
        );
        assert!(twice["q"].state.stability > once["q"].state.stability);
        assert_eq!(twice["q"].last_review, T0 + 3 * DAY_MS);
    }

    #[test]
    fn the_forecast_counts_reviews_per_day_ahead() {
        let cards = cards(
            &log(&[("a", T0, 0), ("b", T0, 0), ("c", T0, 1000)]),
            &Scheduler::default(),
        );
        let days = forecast(&cards, T0, 14);
        assert_eq!(days.len(), 14);
        assert_eq!(days.iter().sum::<usize>(), 3);
        assert_eq!(days[1], 2, "both wrong answers are due a day later");
    }
}
