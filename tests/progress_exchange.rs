//! The review log, the migrations from schemas 1 and 2, the checks of meaning on saved data,
//! export and import, and two tabs saving at once.

mod common;

use accord::progress::{
    BankKey, CURRENT_SCHEMA, DEFAULT_BANK_PATH, ImportError, PROGRESS_KEY, ProfileId, ProgressData,
    ProgressStore, Review, ReviewFlags, ReviewLog, decode, encode, export, import,
};
use accord::quiz::Credit;
use accord::storage::{KeyValueStore, MemoryStore};

/// 2024-01-01 in ms since the epoch.
const T0: u64 = 1_704_067_200_000;

fn key() -> BankKey {
    BankKey::new("nato-russia", DEFAULT_BANK_PATH)
}

fn credit(t: u16) -> Credit {
    Credit::from_thousandths(t).unwrap()
}

fn log_of(n: usize, questions: usize) -> ReviewLog {
    let mut log = ReviewLog::new();
    for i in 0..n {
        let at = T0 + (i as u64) * 37_000;
        log.push(Review::new(
            &format!("question-id-{:06}", i % questions),
            at,
            credit((i % 1001) as u16),
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
    // 100,000 reviews of 2,000 questions with 22-character ids.
    let log = log_of(100_000, 2_000);
    let bytes = serde_json::to_string(&log).unwrap().len();
    let per_review = bytes as f64 / 100_000.0;
    assert!(per_review <= 32.0, "{per_review} bytes per review");
    // localStorage holds about 5 million UTF-16 units; the log is ASCII, one unit a byte.
    assert!(bytes <= 3_200_000);
}

#[test]
fn past_65536_questions_the_log_widens_its_index_instead_of_misattributing() {
    // One review each of 70,000 questions: a 16-bit index would wrap at 65,536.
    let log = log_of(70_000, 70_000);
    let json = serde_json::to_string(&log).unwrap();
    assert!(json.contains("\"width\":4"), "the wide layout is marked");
    let back: ReviewLog = serde_json::from_str(&json).unwrap();
    assert_eq!(back, log, "every review keeps its own question");
    // Small logs keep the compact layout (and older saves without `width` still read).
    let small = serde_json::to_string(&log_of(10, 5)).unwrap();
    assert!(!small.contains("width"));
}

#[test]
fn reviews_keep_their_second_credit_and_flags() {
    let mut log = ReviewLog::new();
    let mut migrated = Review::new("q", T0 + 1_999, credit(667));
    migrated.flags = ReviewFlags::MIGRATED;
    log.push(migrated);
    let back: ReviewLog = serde_json::from_str(&serde_json::to_string(&log).unwrap()).unwrap();
    let review = back.iter().next().unwrap();
    assert_eq!(review.at, T0 + 1_000, "kept to the second");
    assert_eq!(review.credit, credit(667));
    assert!(review.flags.contains(ReviewFlags::MIGRATED));
}

#[test]
fn a_damaged_review_log_is_refused_not_misread() {
    for bad in [
        r#"{"ids":["a"],"data":"not base64!"}"#,
        r#"{"ids":["a"],"data":"AAAA"}"#, // 3 bytes: a partial record
        r#"{"ids":[],"data":"AAAAAAAAAAA="}"#, // index 0 of an empty id table
        r#"{"ids":["a"],"width":3,"data":""}"#, // no such layout
        r#"{"ids":["a"],"data":"AAAAAAAA/wM="}"#, // credit 1023
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

/// The triples (question, credit, flags) of a log, oldest first.
fn reviews(log: &ReviewLog) -> Vec<(String, u16, ReviewFlags)> {
    log.iter()
        .map(|r| (r.question.clone(), r.credit.thousandths(), r.flags))
        .collect()
}

#[test]
fn migrating_from_schema_1_keeps_everything_in_the_log_and_moves_the_quiz_out() {
    let decoded = decode(SCHEMA_1).unwrap();
    let progress = decoded.data.bank(&key()).unwrap();
    // The quiz in progress now belongs in a slot of its own.
    assert_eq!(decoded.quizzes.len(), 1);
    let (bank, quiz) = &decoded.quizzes[0];
    assert_eq!(bank, &key());
    assert_eq!(quiz.current, 1);
    assert!(!quiz.id.is_empty(), "a migrated quiz gets an id");
    assert_eq!(progress.history.len(), 1);
    assert_eq!(progress.history[0].points, 7500);
    assert_eq!(progress.history[0].percent(), 75);
    // Each question's last answer became a review marked as migrated, and the counts that
    // schema 1 held beyond it (fa-place: seen 3, right 2) became carried-over reviews.
    let records = progress.reviews.records();
    assert_eq!(
        (records["fa-place"].seen, records["fa-place"].right),
        (3, 2)
    );
    assert_eq!((records["fa-date"].seen, records["fa-date"].right), (1, 0));
    assert_eq!(records["fa-place"].latest.at, 1_704_067_300_000);
    assert_eq!(
        progress.reviews.timed().count(),
        2,
        "carried-over answers have no real time"
    );
    assert_eq!(decoded.data.settings.desired_retention, 0.9);
    // Saved again, it is the current schema and reads back the same.
    let saved = encode(&decoded.data);
    assert!(saved.contains(&format!("\"schema\":{CURRENT_SCHEMA}")));
    assert_eq!(decode(&saved).unwrap().data, decoded.data);
}

/// Schema 2: a review log plus the per-question counts that duplicated it.
const SCHEMA_2: &str = r#"{"app":"accord","schema":2,"data":{"settings":{"desired_retention":0.85,"time_extension":1.5},
  "banks":{"nato-russia":{
    "history":[],
    "questions":{"a":{"seen":4,"right":3,"last_seen":1704067300000,"last_credit":1000},
                 "b":{"seen":1,"right":0,"last_seen":1704067400000,"last_credit":500}},
    "reviews":{"ids":["a","b"],"data":"AADkH4YH6AMBAEgghgf0AQ=="}}}}}"#;

#[test]
fn migrating_from_schema_2_keeps_every_count_and_drops_the_duplicate_store() {
    let decoded = decode(SCHEMA_2).unwrap();
    let progress = decoded.data.bank(&key()).unwrap();
    let records = progress.reviews.records();
    // The log held one review of each; the counts said "a" was seen 4 times, right 3.
    assert_eq!((records["a"].seen, records["a"].right), (4, 3));
    assert_eq!((records["b"].seen, records["b"].right), (1, 0));
    assert_eq!(
        records["a"].latest.credit,
        Credit::FULL,
        "the latest answer is the real one"
    );
    assert_eq!(records["b"].latest.credit, credit(500));
    let carried: Vec<_> = reviews(&progress.reviews)
        .into_iter()
        .filter(|(_, _, f)| f.contains(ReviewFlags::CARRIED))
        .collect();
    assert_eq!(carried.len(), 3);
    assert_eq!(decoded.data.settings.time_extension, 1.5);
    let saved = encode(&decoded.data);
    assert!(
        !saved.contains("\"questions\""),
        "no second source of truth is stored"
    );
}

#[test]
fn saved_numbers_that_make_no_sense_are_refused_as_damaged() {
    // The history entry of issue 8: 2^31 questions (a division by zero on the start screen).
    let huge = r#"{"app":"accord","schema":3,"data":{"banks":{"x":{"history":[{"seed":"s","settings":{"topics":[],"count":1},"started_at":1,"finished_at":2,"points":0,"questions":2147483648,"right":0}]}}}}"#;
    assert!(decode(huge).unwrap_err().to_string().contains("damaged"));
    for (field, value) in [("questions", "0"), ("right", "11"), ("points", "20000")] {
        let text = format!(
            r#"{{"app":"accord","schema":3,"data":{{"banks":{{"x":{{"history":[{{"seed":"s","settings":{{"topics":[],"count":1}},"started_at":1,"finished_at":2,"points":0,"questions":10,"right":0,"{field}":{value}}}]}}}}}}}}"#
        );
        // Later keys win in serde_json for duplicate fields: the bad value is the one read.
        assert!(decode(&text).is_err(), "{field} = {value}");
    }
}

#[test]
fn a_store_holding_schema_1_opens_without_a_notice_and_saves_as_the_current_schema() {
    let storage = MemoryStore::new();
    storage.set(PROGRESS_KEY, SCHEMA_1).unwrap();
    let (mut store, _, notices) =
        ProgressStore::open(storage.clone(), ProfileId::default_profile(), T0);
    assert!(notices.is_empty());
    let saved = storage.get(PROGRESS_KEY).unwrap().unwrap();
    assert!(saved.contains(&format!("\"schema\":{CURRENT_SCHEMA}")));
    let (slots, _) = store.quizzes(T0);
    assert_eq!(slots.len(), 1, "the quiz in progress moved to its slot");
    assert!(store.backups().is_empty());
}

fn device(answers: &[(&str, u64, Credit)]) -> ProgressData {
    let mut data = ProgressData::default();
    for (question, at, credit) in answers {
        data.record_answer(&key(), question, *credit, *at);
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
    let log = laptop.log(&key());
    assert_eq!(log.len(), 4);
    assert_eq!(log.records()["fa-place"].latest.at, T0 + 86_400_000);

    let once = laptop.clone();
    let again = import(&mut laptop, &file).unwrap();
    assert!(again.is_empty());
    assert_eq!(
        laptop, once,
        "importing the same file twice changes nothing"
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
    let profile = ProfileId::default_profile;
    let (mut tab_a, mut data_a, _) = ProgressStore::open(storage.clone(), profile(), T0);
    let (mut tab_b, mut data_b, _) = ProgressStore::open(storage.clone(), profile(), T0);
    data_a.record_answer(&key(), "fa-place", Credit::FULL, T0 + 1_000);
    tab_a.save_merging(&mut data_a, T0 + 1_000).unwrap();
    // Tab B never saw A's answer, then answers and saves.
    data_b.record_answer(&key(), "fa-date", Credit::ZERO, T0 + 2_000);
    tab_b.save_merging(&mut data_b, T0 + 2_000).unwrap();

    let (_, stored, _) = ProgressStore::open(storage, profile(), T0 + 3_000);
    let questions: Vec<String> = stored
        .log(&key())
        .iter()
        .map(|r| r.question.clone())
        .collect();
    assert_eq!(questions, vec!["fa-place", "fa-date"]);
    assert_eq!(data_b, stored, "the saving tab now holds the merged whole");
}

mod due {
    use super::{T0, credit};
    use accord::progress::{Review, ReviewFlags, ReviewLog, cards, due_questions, forecast};
    use accord::schedule::{DAY_MS, Scheduler};

    fn log(reviews: &[(&str, u64, u16)]) -> ReviewLog {
        let mut log = ReviewLog::new();
        for (q, at, c) in reviews {
            log.push(Review::new(q, *at, credit(*c)));
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
    fn carried_over_answers_do_not_schedule() {
        let mut carried = Review::new("old", T0, credit(0));
        carried.flags = ReviewFlags::CARRIED;
        let mut log = log(&[]);
        log.push(carried);
        assert!(cards(&log, &Scheduler::default()).is_empty());
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
