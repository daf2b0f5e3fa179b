//! Progress over the in-memory store: unreadable data is kept aside once and never
//! overwritten, a full store keeps the earlier data and says what to do, newer data is left
//! alone, and old schemas load.

mod common;

use accord::progress::{
    BACKUP_PREFIX, BankKey, CURRENT_SCHEMA, DEFAULT_BANK_PATH, DecodeProblem, LearnerSettings,
    Notice, PROGRESS_KEY, ProfileId, ProgressData, ProgressStore, SaveError, decode, encode,
    weakest_topics,
};
use accord::quiz::{Credit, QuizResult, QuizSession, QuizSettings, Response, Seed};
use accord::storage::{KeyValueStore, MemoryStore, StorageError};
use common::demo_bank;

fn seed() -> Seed {
    Seed::parse("store").unwrap()
}

fn open(
    storage: &MemoryStore,
    now: u64,
) -> (ProgressStore<MemoryStore>, ProgressData, Vec<Notice>) {
    ProgressStore::open(storage.clone(), ProfileId::default_profile(), now)
}

fn demo_key() -> BankKey {
    BankKey::new("demo", DEFAULT_BANK_PATH)
}

#[test]
fn a_fresh_store_starts_empty_and_writable() {
    let (store, data, notices) = open(&MemoryStore::new(), 0);
    assert_eq!(data, ProgressData::default());
    assert!(notices.is_empty());
    assert!(store.is_writable());
}

#[test]
fn unreadable_data_is_moved_aside_once_before_anything_is_written() {
    let storage = MemoryStore::new();
    storage.set(PROGRESS_KEY, "{not json").unwrap();
    let (mut store, data, notices) = open(&storage, 1_700_000_000_000);
    assert_eq!(data, ProgressData::default());
    let backup_key = format!("{BACKUP_PREFIX}1700000000000");
    assert!(matches!(&notices[..], [Notice::MovedAside { backup_key: k, .. }] if *k == backup_key));
    assert_eq!(
        storage.get(&backup_key).unwrap().as_deref(),
        Some("{not json")
    );
    assert_eq!(
        storage.get(PROGRESS_KEY).unwrap(),
        None,
        "moved, not copied"
    );
    assert!(notices[0].to_string().contains(&backup_key));

    // The first save does not back it up a second time.
    let mut fresh = ProgressData::default();
    store.save_merging(&mut fresh, 1_700_000_000_500).unwrap();
    assert_eq!(store.backups().len(), 1);
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
    let (_, _, notices) = open(&storage, 5);
    assert!(matches!(&notices[..], [Notice::MovedAside { why, .. }] if why.contains("\"other\"")));
}

#[test]
fn a_second_corruption_never_overwrites_the_first_backup() {
    let storage = MemoryStore::new();
    storage.set(PROGRESS_KEY, "first").unwrap();
    let _ = open(&storage, 7);
    storage.set(PROGRESS_KEY, "second").unwrap();
    let (store, _, _) = open(&storage, 7);
    let kept: Vec<String> = store
        .backups()
        .iter()
        .map(|(k, _)| storage.get(k).unwrap().unwrap())
        .collect();
    assert_eq!(kept, vec!["first", "second"]);
}

#[test]
fn with_no_room_for_a_copy_the_data_stays_put_until_the_learner_frees_it() {
    // 2 MB of unreadable data in a 2.5 MB store: no room to copy it aside.
    let storage = MemoryStore::with_quota(2_500_000);
    let garbage = "x".repeat(2_000_000);
    storage.set(PROGRESS_KEY, &garbage).unwrap();
    let (mut store, _, notices) = open(&storage, 9);
    assert!(matches!(&notices[..], [Notice::NoRoomToKeep { key, .. }] if key == PROGRESS_KEY));
    assert!(notices[0].to_string().contains("Download it"));
    assert_eq!(
        store.save(&ProgressData::default()),
        Err(SaveError::ReadOnly)
    );
    assert_eq!(
        storage.get(PROGRESS_KEY).unwrap().as_deref(),
        Some(garbage.as_str())
    );
    // What the learner downloads is exactly what was there; then they free the space.
    assert_eq!(store.blocked().unwrap().1, garbage);
    store.discard_blocked().unwrap();
    assert!(store.is_writable());
    store.save(&ProgressData::default()).unwrap();
    assert!(store.backups().is_empty());
}

#[test]
fn when_the_backup_cannot_be_written_for_another_reason_saving_stops() {
    let storage = MemoryStore::new();
    storage.set(PROGRESS_KEY, "garbage").unwrap();
    storage.fail_writes("the disk is read-only");
    let (store, _, notices) = open(&storage, 9);
    assert!(matches!(&notices[..], [Notice::ReadOnly { .. }]));
    assert_eq!(
        store.save(&ProgressData::default()),
        Err(SaveError::ReadOnly)
    );
    assert_eq!(
        storage.get(PROGRESS_KEY).unwrap().as_deref(),
        Some("garbage")
    );
}

#[test]
fn a_full_store_reports_the_error_and_keeps_the_earlier_save() {
    let storage = MemoryStore::with_quota(400);
    let (store, mut data, _) = open(&storage, 0);
    data.record_answer(&demo_key(), "a-single", Credit::FULL, 1_704_067_200_000);
    store.save(&data).unwrap();
    let saved = storage.get(PROGRESS_KEY).unwrap();
    for n in 0..100 {
        data.record_answer(
            &demo_key(),
            &format!("question-{n}"),
            Credit::FULL,
            1_704_067_200_000,
        );
    }
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
    let (store, _, notices) = open(&storage, 3);
    assert!(matches!(&notices[..], [Notice::ReadOnly { why }] if why.contains("newer version")));
    assert_eq!(
        store.save(&ProgressData::default()),
        Err(SaveError::ReadOnly)
    );
    assert_eq!(storage.get(PROGRESS_KEY).unwrap(), Some(newer));
    assert!(store.backups().is_empty());
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
fn a_finished_quiz_goes_into_the_history_with_its_points() {
    let bank = demo_bank();
    let mut data = ProgressData::default();
    let settings = QuizSettings::topics(vec!["alpha".into()], 1);
    let mut quiz = QuizSession::start(&bank, settings, seed(), 100).unwrap();
    let response = match quiz.items[0].question.as_str() {
        "a-single" => Response::Choice(0),
        _ => Response::Choices(vec![0, 1, 2]),
    };
    quiz.submit(&bank, response, 110).unwrap();
    quiz.advance(120).unwrap();
    data.archive(&demo_key(), &quiz, &bank);
    data.archive(&demo_key(), &quiz, &bank);
    let progress = data.bank(&demo_key()).unwrap();
    assert_eq!(progress.history.len(), 1, "archiving twice keeps one entry");
    assert_eq!(progress.history[0].points, 1000);
    assert_eq!(progress.history[0].percent(), 100);
    assert_eq!(progress.history[0].finished_at, 120);
    assert_eq!(QuizResult::of(&quiz, &bank).percent(), 100);
    assert_eq!(decode(&encode(&data)).unwrap().data, data);
}

#[test]
fn focus_picks_the_weakest_topics_first() {
    let bank = demo_bank();
    let mut data = ProgressData::default();
    // Alpha: both questions right. Beta: one of seven right, the rest unseen.
    let t = 1_704_067_200_000;
    data.record_answer(&demo_key(), "a-single", Credit::FULL, t);
    data.record_answer(&demo_key(), "a-multiple", Credit::FULL, t + 1000);
    data.record_answer(&demo_key(), "b-tf", Credit::FULL, t + 2000);
    let log = data.log(&demo_key());
    assert_eq!(weakest_topics(&bank, log, 1), vec!["beta"]);
    assert_eq!(
        weakest_topics(&bank, &Default::default(), 2),
        vec!["alpha", "beta"],
        "ties keep the bank's order"
    );
}

#[test]
fn the_learner_can_extend_or_turn_off_time_limits_of_their_own_exams() {
    let mut settings = LearnerSettings::default();
    assert_eq!(settings.effective_limit(Some(600)), Some(600_000));
    settings.time_extension = 1.5;
    assert_eq!(settings.effective_limit(Some(600)), Some(900_000));
    settings.time_limits_off = true;
    assert_eq!(settings.effective_limit(Some(600)), None);
    assert_eq!(LearnerSettings::default().effective_limit(None), None);
    // Saved settings are not trusted: out-of-range numbers come back in range.
    let wild = LearnerSettings {
        desired_retention: f64::NAN,
        time_extension: 1e9,
        ..LearnerSettings::default()
    }
    .sanitized();
    assert_eq!(wild.desired_retention, 0.9);
    assert_eq!(wild.time_extension, 10.0);
    assert_eq!(
        wild.effective_limit(Some(u32::MAX)),
        Some(u64::from(u32::MAX) * 10_000)
    );
}
