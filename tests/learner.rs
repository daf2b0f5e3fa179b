//! The learner's actions end to end over the in-memory store: a reload resumes the tab's quiz,
//! two tabs with different quizzes keep both, the same quiz in two tabs is never answered
//! twice, a reset wins in every tab, exams log their answers at hand-in, and an import into a
//! full store reports failure.

mod common;

use accord::progress::{
    Answer, BankKey, Count, DEFAULT_BANK_PATH, ImportError, Learner, LearnerNotice, PROGRESS_KEY,
    ProfileId, QuizRequest, export,
};
use accord::quiz::{Phase, QuizMode, Response, Seed, SessionError};
use accord::storage::{KeyValueStore, MemoryStore};
use common::demo_bank;

/// 2024-01-01 in ms since the epoch.
const T0: u64 = 1_704_067_200_000;

type Tab = Learner<MemoryStore, MemoryStore>;

/// A tab: shared localStorage, its own sessionStorage.
fn tab(local: &MemoryStore, session: &MemoryStore, now: u64) -> Tab {
    Learner::open(
        local.clone(),
        session.clone(),
        ProfileId::default_profile(),
        &demo_bank(),
        BankKey::new("demo", DEFAULT_BANK_PATH),
        now,
    )
}

fn request(mode: QuizMode, n: usize) -> QuizRequest {
    let bank = demo_bank();
    QuizRequest {
        mode,
        topics: bank.topics.iter().map(|t| t.id.clone()).collect(),
        count: Count::Exactly(n),
        time_limit: None,
    }
}

fn seed(text: &str) -> Seed {
    Seed::parse(text).unwrap()
}

/// Some response that fits each demo question.
fn response(id: &str) -> Response {
    match id {
        "a-single" => Response::Choice(0),
        "a-multiple" => Response::Choices(vec![0, 1, 2]),
        "b-tf" => Response::Bool(false),
        "b-order" => Response::Order(vec![0, 1, 2, 3]),
        "b-match" => Response::Pairs(vec![Some(0), Some(1), Some(2)]),
        "b-num" => Response::Number(2023.0),
        "b-text" => Response::Text("Primakov".into()),
        "b-cloze" => Response::Blanks(vec!["Paris".into(), "1997".into()]),
        _ => Response::Parts(vec![1]),
    }
}

fn answer_current(tab: &mut Tab, now: u64) -> Result<Answer, SessionError> {
    let bank = demo_bank();
    let id = tab.quiz().unwrap().items[tab.quiz().unwrap().current]
        .question
        .clone();
    tab.answer(&bank, response(&id), now)
}

#[test]
fn a_reload_resumes_the_quiz_this_tab_showed() {
    let (local, session) = (MemoryStore::new(), MemoryStore::new());
    let bank = demo_bank();
    let mut a = tab(&local, &session, T0);
    a.start(
        &bank,
        &request(QuizMode::Practice, 3),
        seed("r"),
        "q1".into(),
        T0,
    )
    .unwrap();
    assert!(matches!(
        answer_current(&mut a, T0 + 1_000),
        Ok(Answer::Feedback(_))
    ));
    a.next(&bank, T0 + 2_000);
    let on_screen = a.quiz().cloned().unwrap();

    let reloaded = tab(&local, &session, T0 + 3_000);
    let resumed = reloaded.quiz().unwrap();
    assert_eq!(resumed.current, 1);
    assert_eq!(resumed.answers, on_screen.answers);
    // A new tab (its own sessionStorage) does not take the quiz over, but lists it.
    let mut other = tab(&local, &MemoryStore::new(), T0 + 3_000);
    assert!(other.quiz().is_none());
    assert_eq!(other.unfinished(T0 + 3_000).len(), 1);
}

#[test]
fn two_tabs_with_different_quizzes_keep_both() {
    let local = MemoryStore::new();
    let bank = demo_bank();
    let (mut a, mut b) = (
        tab(&local, &MemoryStore::new(), T0),
        tab(&local, &MemoryStore::new(), T0),
    );
    a.start(
        &bank,
        &request(QuizMode::Practice, 3),
        seed("a"),
        "qa".into(),
        T0,
    )
    .unwrap();
    b.start(
        &bank,
        &request(QuizMode::Exam, 3),
        seed("b"),
        "qb".into(),
        T0,
    )
    .unwrap();
    answer_current(&mut a, T0 + 1_000).unwrap();
    answer_current(&mut b, T0 + 2_000).unwrap();
    // A third tab sees both quizzes in progress.
    let mut c = tab(&local, &MemoryStore::new(), T0 + 3_000);
    let ids: Vec<String> = c.unfinished(T0 + 3_000).into_iter().map(|u| u.id).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"qa".to_string()) && ids.contains(&"qb".to_string()));
}

#[test]
fn the_same_quiz_in_two_tabs_is_never_answered_twice() {
    let (local, session) = (MemoryStore::new(), MemoryStore::new());
    let bank = demo_bank();
    let mut a = tab(&local, &session, T0);
    a.start(
        &bank,
        &request(QuizMode::Practice, 3),
        seed("s"),
        "q1".into(),
        T0,
    )
    .unwrap();
    // Tab B shows the same quiz (a duplicated tab shares the sessionStorage copy).
    let mut b = tab(&local, &session, T0 + 100);
    assert_eq!(b.quiz().unwrap().id, "q1");
    answer_current(&mut a, T0 + 1_000).unwrap();
    // B has not seen A's answer; answering the same question is refused, A's answer stands.
    assert_eq!(
        answer_current(&mut b, T0 + 2_000),
        Err(SessionError::AlreadyAnswered)
    );
    assert!(b.take_notices().contains(&LearnerNotice::AnsweredElsewhere));
    assert_eq!(b.quiz().unwrap().phase(), Phase::Feedback(0));
    assert_eq!(b.data().log(b.key()).len(), 0, "B logged nothing");
    assert_eq!(a.data().log(a.key()).len(), 1);
}

#[test]
fn a_reset_in_one_tab_wins_in_every_tab() {
    let local = MemoryStore::new();
    let bank = demo_bank();
    let (mut a, mut b) = (
        tab(&local, &MemoryStore::new(), T0),
        tab(&local, &MemoryStore::new(), T0),
    );
    a.start(
        &bank,
        &request(QuizMode::Practice, 2),
        seed("x"),
        "qa".into(),
        T0,
    )
    .unwrap();
    answer_current(&mut a, T0 + 1_000).unwrap();
    b.take_in(
        &demo_bank(),
        PROGRESS_KEY,
        local.get(PROGRESS_KEY).unwrap().as_deref(),
        T0 + 1_500,
    );
    assert_eq!(b.data().log(b.key()).len(), 1, "B has A's answer");

    a.reset(true).unwrap();
    // B's storage listener sees the reset: it must not write the "missing" answer back.
    let changed = b.take_in(
        &demo_bank(),
        PROGRESS_KEY,
        local.get(PROGRESS_KEY).unwrap().as_deref(),
        T0 + 2_000,
    );
    assert!(changed);
    assert!(b.take_notices().contains(&LearnerNotice::ResetElsewhere));
    assert_eq!(b.data().log(b.key()).len(), 0);
    // And a save from B, even one that raced the event, does not undo it.
    b.update_settings(|s| s.time_extension = 2.0, T0 + 3_000);
    let mut fresh = tab(&local, &MemoryStore::new(), T0 + 4_000);
    assert_eq!(fresh.data().log(fresh.key()).len(), 0);
    assert!(
        fresh.unfinished(T0 + 4_000).is_empty(),
        "the reset deleted the quizzes in progress too"
    );
}

#[test]
fn delete_everything_also_deletes_backups_when_asked() {
    let local = MemoryStore::new();
    local.set(PROGRESS_KEY, "{unreadable").unwrap();
    let mut a = tab(&local, &MemoryStore::new(), T0);
    assert_eq!(a.store().backups().len(), 1);
    a.reset(false).unwrap();
    assert_eq!(a.store().backups().len(), 1, "kept unless asked");
    a.reset(true).unwrap();
    assert!(a.store().backups().is_empty());
}

#[test]
fn an_exam_logs_its_final_answers_at_hand_in() {
    let local = MemoryStore::new();
    let bank = demo_bank();
    let mut a = tab(&local, &MemoryStore::new(), T0);
    a.start(
        &bank,
        &request(QuizMode::Exam, 3),
        seed("e"),
        "qe".into(),
        T0,
    )
    .unwrap();
    assert_eq!(answer_current(&mut a, T0 + 1_000), Ok(Answer::Saved));
    assert_eq!(a.quiz().unwrap().current, 1, "an exam moves straight on");
    assert_eq!(
        a.data().log(a.key()).len(),
        0,
        "nothing logged before hand-in"
    );
    a.go_to(&bank, 0, T0 + 2_000).unwrap();
    assert_eq!(a.toggle_flag(&bank), Ok(true));
    a.hand_in(&bank, T0 + 3_000).unwrap();
    assert!(a.quiz().is_none());
    assert!(a.finished().unwrap().is_finished());
    assert_eq!(a.data().log(a.key()).len(), 1);
    assert_eq!(a.data().bank(a.key()).unwrap().history.len(), 1);
}

#[test]
fn an_exam_whose_time_ran_out_while_away_is_scored_on_return() {
    let (local, session) = (MemoryStore::new(), MemoryStore::new());
    let bank = demo_bank();
    let mut a = tab(&local, &session, T0);
    let mut exam = request(QuizMode::Exam, 3);
    exam.time_limit = Some(60);
    a.start(&bank, &exam, seed("t"), "qt".into(), T0).unwrap();
    answer_current(&mut a, T0 + 1_000).unwrap();
    let mut back = tab(&local, &session, T0 + 3_600_000);
    assert!(back.quiz().is_none());
    assert!(back.take_notices().contains(&LearnerNotice::QuizExpired));
    let history = &back.data().bank(back.key()).unwrap().history;
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].finished_at, T0 + 60_000);
}

#[test]
fn importing_into_a_full_store_reports_failure_and_changes_nothing() {
    let local = MemoryStore::with_quota(3_000);
    let mut a = tab(&local, &MemoryStore::new(), T0);
    // A file with many answers, from another device.
    let mut other = accord::progress::ProgressData::default();
    for n in 0..200 {
        other.record_answer(
            a.key(),
            &format!("question-{n}"),
            accord::quiz::Credit::FULL,
            T0 + n * 1000,
        );
    }
    let before = a.data().clone();
    let err = a.import(&export(&other, T0), T0).unwrap_err();
    assert!(matches!(err, ImportError::NotSaved(_)), "{err}");
    assert!(err.to_string().contains("nothing changed"));
    assert_eq!(a.data(), &before);
}

#[test]
fn a_foreign_bank_reusing_the_id_keeps_its_progress_apart() {
    let local = MemoryStore::new();
    let bank = demo_bank();
    let mut real = tab(&local, &MemoryStore::new(), T0);
    real.start(
        &bank,
        &request(QuizMode::Practice, 1),
        seed("f"),
        "q1".into(),
        T0,
    )
    .unwrap();
    answer_current(&mut real, T0 + 1_000).unwrap();
    let foreign = Learner::open(
        local.clone(),
        MemoryStore::new(),
        ProfileId::default_profile(),
        &bank,
        BankKey::new("demo", "elsewhere/index.toml"),
        T0 + 2_000,
    );
    assert_eq!(foreign.data().log(foreign.key()).len(), 0);
    assert_eq!(
        foreign.data().log(real.key()).len(),
        1,
        "the real bank's progress is untouched"
    );
}

#[test]
fn a_setting_changed_in_one_tab_is_kept_and_reaches_the_other() {
    let local = MemoryStore::new();
    let (mut a, mut b) = (
        tab(&local, &MemoryStore::new(), T0),
        tab(&local, &MemoryStore::new(), T0),
    );
    a.update_settings(|s| s.key_shortcuts = false, T0 + 1_000);
    // Saving merged the older stored settings in: the change must survive that.
    assert!(!a.settings().key_shortcuts);
    let fresh = tab(&local, &MemoryStore::new(), T0 + 2_000);
    assert!(!fresh.settings().key_shortcuts);
    // The other tab takes it from the storage event.
    assert!(b.take_in(
        &demo_bank(),
        PROGRESS_KEY,
        local.get(PROGRESS_KEY).unwrap().as_deref(),
        T0 + 3_000
    ));
    assert!(!b.settings().key_shortcuts);
}

#[test]
fn an_assignment_runs_on_the_teachers_conditions_counts_attempts_and_hands_in_a_result() {
    use accord::assignment::{Assignment, BankRef, Mode, Run};
    let local = MemoryStore::new();
    let bank = demo_bank();
    let mut a = tab(&local, &MemoryStore::new(), T0);
    // The learner's own setting would give 10× the time: an assignment ignores it.
    a.update_settings(|s| s.time_extension = 10.0, T0);
    let mut assignment = Assignment::new(
        "hw-1".into(),
        "Homework".into(),
        BankRef {
            path: DEFAULT_BANK_PATH.into(),
            id: "demo".into(),
            version: "1".into(),
        },
        seed("hw"),
    );
    assignment.mode = Mode::Exam;
    assignment.count = 2;
    assignment.time_limit = Some(600);
    let run = Run {
        assignment: assignment.clone(),
        student: "Ana".into(),
        accommodation: None,
        attempt: 0,
    };
    a.start_assignment(&bank, run.clone(), "qa".into(), T0)
        .unwrap();
    assert_eq!(a.quiz().unwrap().deadline, Some(T0 + 600_000));
    answer_current(&mut a, T0 + 1_000).unwrap();
    // Leaving keeps the attempt to resume; it is not thrown away.
    a.quit(T0 + 2_000);
    assert!(a.quiz().is_none());
    assert_eq!(a.run_in_progress("hw-1", T0 + 2_000).as_deref(), Some("qa"));
    a.resume(&bank, "qa", T0 + 3_000).unwrap();
    assert_eq!(a.run().unwrap().student, "Ana");
    a.hand_in(&bank, T0 + 4_000).unwrap();
    let result = a.handed_in().unwrap().clone();
    assert_eq!(result.run.attempt, 1);
    assert_eq!(result.items.len(), 2);
    assert!(result.items[0].response.is_some());
    assert_eq!(a.attempts_used("hw-1"), 1);
    // The result is kept with the progress: a new tab still counts the attempt.
    let again = tab(&local, &MemoryStore::new(), T0 + 5_000);
    assert_eq!(again.attempts_used("hw-1"), 1);
    assert_eq!(again.results_of("hw-1"), std::slice::from_ref(&result));
}
