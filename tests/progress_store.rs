//! Progress over the in-memory store: saved answers survive a reload, unreadable data is kept
//! aside and never overwritten, a full store keeps the earlier data, and old schemas load.

mod common;

use accord::progress::{
    BACKUP_PREFIX, CURRENT_SCHEMA, DecodeProblem, Notice, PROGRESS_KEY, ProgressData,
    ProgressStore, SaveError, decode, encode,
};
use accord::quiz::{Credit, QuizSession, QuizSettings, Response, Seed};
use accord::storage::{KeyValueStore, MemoryStore, StorageError};
use common::demo_bank;

fn seed() -> Seed {
    Seed::parse("store").unwrap()
}

#[test]
fn a_fresh_store_starts_empty_and_writable() {
    let (store, data, notices) = ProgressStore::open(MemoryStore::new(), 0);
    assert_eq!(data, ProgressData::default());
    assert!(notices.is_empty());
    assert!(store.is_writable());
}

#[test]
fn an_answer_saved_mid_quiz_is_there_after_a_reload() {
    let bank = demo_bank();
    let storage = MemoryStore::new();
    let (store, mut data, _) = ProgressStore::open(storage.clone(), 0);
    let mut quiz = QuizSession::start(&bank, QuizSettings::all_topics(3), seed(), 10).unwrap();
    let (_, question) = quiz.current(&bank).unwrap();
    let qid = question.id.clone();
    let credit = quiz
        .submit(&bank, Response::Bool(true), 20)
        .unwrap_or(Credit::ZERO);
    data.record_answer(&bank.meta.id, &qid, credit, 20);
    data.bank_mut(&bank.meta.id).active = Some(quiz.clone());
    store.save(&data).unwrap();

    // "Reload": a new store over the same storage.
    let (_, reloaded, notices) = ProgressStore::open(storage, 30);
    assert!(notices.is_empty());
    assert_eq!(reloaded, data);
    let progress = reloaded.bank("demo").unwrap();
    assert_eq!(progress.active.as_ref(), Some(&quiz));
    assert_eq!(progress.questions[&qid].seen, 1);
}

#[test]
fn unreadable_data_is_moved_aside_before_anything_is_written() {
    let storage = MemoryStore::new();
    storage.set(PROGRESS_KEY, "{not json").unwrap();
    let (store, data, notices) = ProgressStore::open(storage.clone(), 1_700_000_000_000);
    assert_eq!(data, ProgressData::default());
    let backup_key = format!("{BACKUP_PREFIX}1700000000000");
    assert!(matches!(&notices[..], [Notice::MovedAside { backup_key: k, .. }] if *k == backup_key));
    assert_eq!(
        storage.get(&backup_key).unwrap().as_deref(),
        Some("{not json")
    );
    assert_eq!(store.backups(), vec![backup_key.clone()]);
    assert!(notices[0].to_string().contains(&backup_key));

    // Saving now replaces the main key, but the backup stays.
    store.save(&ProgressData::default()).unwrap();
    assert_eq!(
        storage.get(&backup_key).unwrap().as_deref(),
        Some("{not json")
    );
}

#[test]
fn foreign_json_is_moved_aside_too() {
    let storage = MemoryStore::new();
    storage
        .set(PROGRESS_KEY, r#"{"app":"other","schema":1,"data":{}}"#)
        .unwrap();
    let (_, _, notices) = ProgressStore::open(storage, 5);
    assert!(matches!(&notices[..], [Notice::MovedAside { why, .. }] if why.contains("\"other\"")));
}

#[test]
fn a_second_corruption_never_overwrites_the_first_backup() {
    let storage = MemoryStore::new();
    storage.set(PROGRESS_KEY, "first").unwrap();
    let _ = ProgressStore::open(storage.clone(), 7);
    storage.set(PROGRESS_KEY, "second").unwrap();
    let (store, _, _) = ProgressStore::open(storage.clone(), 7);
    let backups = store.backups();
    assert_eq!(backups.len(), 2);
    let kept: Vec<String> = backups
        .iter()
        .map(|k| storage.get(k).unwrap().unwrap())
        .collect();
    assert_eq!(kept, vec!["first", "second"]);
}

#[test]
fn when_the_backup_cannot_be_written_the_original_is_left_and_saving_stops() {
    let storage = MemoryStore::with_quota(60);
    storage
        .set(PROGRESS_KEY, "garbage that fills the quota")
        .unwrap();
    let (store, _, notices) = ProgressStore::open(storage.clone(), 9);
    assert!(matches!(&notices[..], [Notice::ReadOnly { .. }]));
    assert_eq!(
        store.save(&ProgressData::default()),
        Err(SaveError::ReadOnly)
    );
    assert_eq!(
        storage.get(PROGRESS_KEY).unwrap().as_deref(),
        Some("garbage that fills the quota")
    );
}

#[test]
fn a_full_store_reports_the_error_and_keeps_the_earlier_save() {
    let bank = demo_bank();
    let storage = MemoryStore::with_quota(400);
    let (store, mut data, _) = ProgressStore::open(storage.clone(), 0);
    data.record_answer("demo", "a-single", Credit::FULL, 1);
    store.save(&data).unwrap();
    let saved = storage.get(PROGRESS_KEY).unwrap();

    // A whole quiz in progress is far more than 400 bytes.
    data.bank_mut("demo").active =
        Some(QuizSession::start(&bank, QuizSettings::all_topics(9), seed(), 2).unwrap());
    let err = store.save(&data).unwrap_err();
    assert_eq!(err, SaveError::Storage(StorageError::QuotaExceeded));
    assert!(err.to_string().contains("storage is full"), "{err}");
    assert_eq!(storage.get(PROGRESS_KEY).unwrap(), saved);
}

#[test]
fn data_from_a_newer_version_is_left_untouched() {
    let storage = MemoryStore::new();
    let newer = format!(
        r#"{{"app":"accord","schema":{},"data":{{"future":true}}}}"#,
        CURRENT_SCHEMA + 1
    );
    storage.set(PROGRESS_KEY, &newer).unwrap();
    let (store, _, notices) = ProgressStore::open(storage.clone(), 3);
    assert!(matches!(&notices[..], [Notice::ReadOnly { why }] if why.contains("newer version")));
    assert_eq!(
        store.save(&ProgressData::default()),
        Err(SaveError::ReadOnly)
    );
    assert_eq!(storage.get(PROGRESS_KEY).unwrap(), Some(newer));
    assert!(store.backups().is_empty());
}

#[test]
fn schema_one_as_first_written_still_loads() {
    // A save exactly as the first release wrote it: the migration path starts here.
    let v1 = r#"{"app":"accord","schema":1,"data":{"banks":{"nato-russia":{
        "active":null,
        "history":[{"seed":"abc","settings":{"topics":[],"count":10},"started_at":1,"finished_at":2,
                    "points":7500,"questions":10,"right":7}],
        "questions":{"fa-place":{"seen":3,"right":2,"last_seen":2,"last_credit":1000}}}}}}"#;
    let data = decode(v1).unwrap();
    let progress = data.bank("nato-russia").unwrap();
    assert_eq!(progress.history[0].points, 7500);
    assert_eq!(progress.questions["fa-place"].right, 2);
    // And it round-trips through the current encoder.
    assert_eq!(decode(&encode(&data)).unwrap(), data);
}

#[test]
fn decoding_names_the_problem() {
    assert!(matches!(decode("[]"), Err(DecodeProblem::Unreadable(_))));
    assert!(matches!(
        decode(r#"{"app":"accord","schema":0,"data":{}}"#),
        Err(DecodeProblem::Unreadable(_))
    ));
    assert_eq!(
        decode(r#"{"app":"accord","schema":99,"data":{}}"#),
        Err(DecodeProblem::TooNew(99))
    );
    assert!(matches!(
        decode(r#"{"app":"accord","schema":1,"data":{"banks":{"x":{"history":"oops"}}}}"#),
        Err(DecodeProblem::Unreadable(why)) if why.starts_with("damaged")
    ));
}

#[test]
fn finishing_a_quiz_moves_it_into_the_history() {
    let bank = demo_bank();
    let mut data = ProgressData::default();
    let settings = QuizSettings::topics(vec!["alpha".into()], 1);
    let mut quiz = QuizSession::start(&bank, settings, seed(), 100).unwrap();
    data.bank_mut("demo").active = Some(quiz.clone());
    assert!(
        !data.archive_active(&bank),
        "an unfinished quiz stays active"
    );
    let response = match quiz.items[0].question.as_str() {
        "a-single" => Response::Choice(0),
        _ => Response::Choices(vec![0, 1, 2]),
    };
    quiz.submit(&bank, response, 110).unwrap();
    quiz.advance(120).unwrap();
    data.bank_mut("demo").active = Some(quiz);
    assert!(data.archive_active(&bank));
    let progress = data.bank("demo").unwrap();
    assert!(progress.active.is_none());
    assert_eq!(progress.history.len(), 1);
    assert_eq!(progress.history[0].points, 1000);
    assert_eq!(progress.history[0].finished_at, 120);
}

#[test]
fn focus_picks_the_weakest_topics_first() {
    use accord::progress::{topic_score, weakest_topics};
    let bank = demo_bank();
    let mut data = ProgressData::default();
    // Alpha: both questions right. Beta: one of seven right, the rest unseen.
    data.record_answer("demo", "a-single", Credit::FULL, 1);
    data.record_answer("demo", "a-multiple", Credit::FULL, 2);
    data.record_answer("demo", "b-tf", Credit::FULL, 3);
    let progress = data.bank("demo");
    assert_eq!(topic_score(&bank, progress, "alpha"), 1000);
    assert_eq!(topic_score(&bank, progress, "beta"), 1000 / 7);
    assert_eq!(weakest_topics(&bank, progress, 1), vec!["beta"]);
    assert_eq!(
        weakest_topics(&bank, None, 2),
        vec!["alpha", "beta"],
        "ties keep the bank's order"
    );
}

#[test]
fn the_learner_can_extend_or_turn_off_time_limits() {
    use accord::progress::LearnerSettings;
    let mut settings = LearnerSettings::default();
    assert_eq!(settings.effective_limit(Some(600)), Some(600_000));
    settings.time_extension = 1.5;
    assert_eq!(settings.effective_limit(Some(600)), Some(900_000));
    settings.time_limits_off = true;
    assert_eq!(settings.effective_limit(Some(600)), None);
    assert_eq!(LearnerSettings::default().effective_limit(None), None);
}
