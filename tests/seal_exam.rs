//! A sealed exam end to end in the core: a student's run from the public part alone (an exam,
//! answers saved unscored, resumed, handed in without credits, nothing logged), the teacher's
//! grading of the class with the opened bank equal to grading the same responses unsealed
//! (scores, credits, flags and the item analysis), and the review after the key's release.

mod common;

use std::sync::OnceLock;

use accord::assignment::{Assignment, BankRef, DrawOrder, Mode, Review, Run};
use accord::bank::{Bank, QuestionKind, Shape};
use accord::progress::{Answer, BankKey, Learner, Paper, ProfileId};
use accord::quiz::{Credit, QuizResult, QuizSession, Response, Seed, SessionError, score};
use accord::results::analysis::analyse;
use accord::results::{ResultRecord, Roster, Taken};
use accord::seal::{
    Iterations, Key, Opened, ReviewError, SealedBank, derive_key, open, review_of, seal,
};
use accord::storage::MemoryStore;
use proptest::prelude::*;

/// 2024-01-01 in ms since the epoch.
const T0: u64 = 1_704_067_200_000;
const SEALED_PATH: &str = "questions/sealed-exam1.json";

fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(common::demo_bank)
}

/// The key of a passphrase at the real minimum strength, derived once per run.
fn key() -> &'static Key {
    static KEY: OnceLock<Key> = OnceLock::new();
    KEY.get_or_init(|| derive_key("violet otter lamp", &[3; 16], Iterations::MIN))
}

/// The demo bank sealed whole. Nonces from a counter: distinct, as random ones would be.
fn sealed() -> &'static SealedBank {
    static SEALED: OnceLock<SealedBank> = OnceLock::new();
    SEALED.get_or_init(|| {
        let ids: Vec<String> = bank().questions.iter().map(|q| q.id.clone()).collect();
        let mut n = 0u8;
        let nonces = move || {
            n += 1;
            [n; 12]
        };
        seal(bank(), &ids, key(), [3; 16], Iterations::MIN, nonces).expect("the bank seals")
    })
}

fn opened() -> &'static Opened {
    static OPENED: OnceLock<Opened> = OnceLock::new();
    OPENED.get_or_init(|| open(sealed(), key()).expect("the key opens it"))
}

/// The teacher's sealed assignment: every question, an exam with a time limit, the key
/// hidden until release.
fn assignment() -> Assignment {
    let mut a = Assignment::new(
        "exam1".into(),
        "Sealed test".into(),
        BankRef {
            path: SEALED_PATH.into(),
            id: "demo".into(),
            version: bank().meta.version.clone(),
        },
        Seed::parse("sealed-seed").unwrap(),
    );
    a.count = 50;
    a.mode = Mode::Exam;
    a.review = Review::Nothing;
    a.time_limit = Some(1200);
    a.sealed = true;
    a
}

fn run(student: &str) -> Run {
    Run {
        assignment: assignment(),
        student: student.into(),
        accommodation: None,
        attempt: 1,
    }
}

/// A response on a question's own lists as the same answer on its neutral shape, found by
/// text (independently of the seal module's mapping).
fn to_neutral(kind: &QuestionKind, neutral: &Shape, response: &Response) -> Response {
    let at = |list: &[String], text: &String| list.iter().position(|t| t == text).unwrap();
    let sorted = |mut v: Vec<usize>| {
        v.sort_unstable();
        v
    };
    match (kind.shape(), neutral, response) {
        (Shape::Single { choices: o }, Shape::Single { choices: n }, Response::Choice(i)) => {
            Response::Choice(at(n, &o[*i]))
        }
        (Shape::Multiple { choices: o }, Shape::Multiple { choices: n }, Response::Choices(p)) => {
            Response::Choices(sorted(p.iter().map(|&i| at(n, &o[i])).collect()))
        }
        (Shape::Ordering { items: o }, Shape::Ordering { items: n }, Response::Order(order)) => {
            Response::Order(order.iter().map(|&i| at(n, &o[i])).collect())
        }
        (
            Shape::Matching {
                lefts: ol,
                rights: or,
            },
            Shape::Matching {
                lefts: nl,
                rights: nr,
            },
            Response::Pairs(pairs),
        ) => Response::Pairs(
            nl.iter()
                .map(|left| pairs[at(&ol, left)].map(|r| at(nr, &or[r])))
                .collect(),
        ),
        _ => response.clone(),
    }
}

/// What a student answers to question `id` on the bank's own lists: the first choice, the
/// listed order, the listed pairing (the right order and pairs), and some typed answers, so
/// the class has right, wrong and partly right answers.
fn answer_on_bank_lists(id: &str, student: usize) -> Response {
    match (id, student % 2) {
        ("a-single", 0) => Response::Choice(0),
        ("a-single", _) => Response::Choice(2),
        ("a-multiple", 0) => Response::Choices(vec![0, 1, 2]),
        ("a-multiple", _) => Response::Choices(vec![0, 3]),
        ("b-tf", n) => Response::Bool(n == 1),
        ("b-order", 0) => Response::Order(vec![0, 1, 2, 3]),
        ("b-order", _) => Response::Order(vec![1, 0, 2, 3]),
        ("b-match", 0) => Response::Pairs(vec![Some(0), Some(1), Some(2)]),
        ("b-match", _) => Response::Pairs(vec![Some(1), Some(0), None]),
        ("b-num", n) => Response::Number(if n == 0 { 2023.0 } else { 1999.0 }),
        ("b-text", _) => Response::Text("Primakov".into()),
        ("b-cloze", _) => Response::Blanks(vec!["Paris".into(), "1997".into()]),
        _ => Response::Parts(vec![1]),
    }
}

/// A student's tab of the sealed exam's page.
fn tab(local: &MemoryStore, session: &MemoryStore) -> Learner<MemoryStore, MemoryStore> {
    Learner::open(
        local.clone(),
        session.clone(),
        ProfileId::default_profile(),
        sealed(),
        BankKey::new("demo", SEALED_PATH),
        T0,
    )
}

/// Student `n` takes the sealed exam through the learner's actions and hands in.
fn take_exam(n: usize) -> ResultRecord {
    let (local, session) = (MemoryStore::default(), MemoryStore::default());
    let mut learner = tab(&local, &session);
    learner
        .start_assignment(sealed(), run(&format!("Student {n}")), format!("q{n}"), T0)
        .unwrap();
    let ids: Vec<String> = learner
        .quiz()
        .unwrap()
        .items
        .iter()
        .map(|i| i.question.clone())
        .collect();
    for (k, id) in ids.iter().enumerate() {
        let question = bank().question(id).unwrap();
        let neutral = sealed().shape_of(id).unwrap();
        let response = to_neutral(&question.kind, &neutral, &answer_on_bank_lists(id, n));
        let at = T0 + 1_000 * (k as u64 + 1);
        assert_eq!(learner.answer(sealed(), response, at), Ok(Answer::Saved));
    }
    learner.hand_in(sealed(), T0 + 60_000).unwrap();
    learner.handed_in().cloned().unwrap()
}

/// The same record with each response on the bank's own lists, as an unsealed exam would
/// have handed it in.
fn unsealed_twin(record: &ResultRecord) -> ResultRecord {
    let mut twin = record.clone();
    twin.run.assignment.sealed = false;
    twin.run.assignment.bank.path = "q/index.toml".into();
    for item in &mut twin.items {
        let question = bank().question(&item.question).unwrap();
        let neutral = sealed().shape_of(&item.question).unwrap();
        let response = item.response.clone().unwrap();
        // The original response is the one whose neutral form is the given one.
        let original = candidates(&question.kind)
            .into_iter()
            .find(|r| to_neutral(&question.kind, &neutral, r) == response)
            .unwrap();
        item.credit = Some(score(&question.kind, &original));
        item.response = Some(original);
    }
    twin
}

/// Every response `answer_on_bank_lists` gives to a question.
fn candidates(kind: &QuestionKind) -> Vec<Response> {
    let id = bank()
        .questions
        .iter()
        .find(|q| &q.kind == kind)
        .unwrap()
        .id
        .clone();
    (0..2).map(|n| answer_on_bank_lists(&id, n)).collect()
}

#[test]
fn a_sealed_run_is_drawn_from_the_public_part_as_an_exam_with_the_runs_time_limit() {
    let mut practice = run("Ana");
    practice.assignment.mode = Mode::Practice;
    let session = sealed().start_run(&practice, "q1".into(), T0).unwrap();
    assert!(session.navigable(), "a sealed run is always an exam");
    assert_eq!(session.deadline, Some(T0 + 1_200_000));
    assert_eq!(session.items.len(), bank().questions.len());
    for item in &session.items {
        let shape = sealed().shape_of(&item.question).unwrap();
        assert_eq!(
            item.order.len(),
            shape.shuffled_list_len(),
            "{}",
            item.question
        );
    }
    // The same student draws the same exam again; a draw per student differs by name.
    let again = sealed().start_run(&run("Ana"), "q2".into(), T0).unwrap();
    assert_eq!(again.items, session.items);
    let mut per_student = run("Ana");
    per_student.assignment.order = DrawOrder::PerStudent;
    per_student.assignment.count = 4;
    let ana = sealed().start_run(&per_student, "q3".into(), T0).unwrap();
    per_student.student = "Ben".into();
    let ben = sealed().start_run(&per_student, "q4".into(), T0).unwrap();
    assert_eq!((ana.items.len(), ben.items.len()), (4, 4));
    assert_ne!(ana.items, ben.items);
}

#[test]
fn answers_to_a_sealed_exam_are_saved_unscored_and_one_that_does_not_fit_is_refused() {
    let mut session = sealed().start_run(&run("Ana"), "q1".into(), T0).unwrap();
    let id = session.items[0].question.clone();
    let shape = sealed().shape_of(&id).unwrap();
    let misfit = match shape {
        Shape::TrueFalse => Response::Number(1.0),
        _ => Response::Bool(true),
    };
    assert_eq!(
        sealed().submit(&mut session, misfit, T0 + 10),
        Err(SessionError::ResponseDoesNotFit)
    );
    let fits = to_neutral(
        &bank().question(&id).unwrap().kind,
        &shape,
        &answer_on_bank_lists(&id, 0),
    );
    assert_eq!(sealed().submit(&mut session, fits, T0 + 20), Ok(None));
    let saved = session.answers[0].as_ref().unwrap();
    assert_eq!(
        saved.credit,
        Credit::ZERO,
        "ungraded: zero until the teacher grades"
    );
    // A practice quiz cannot be answered without a key: it would need feedback.
    let mut practice = session.clone();
    practice.settings.mode = accord::quiz::QuizMode::Practice;
    practice.current = 1;
    assert_eq!(
        practice.submit_unscored(|id| sealed().shape_of(id), Response::Bool(true), T0 + 30),
        Err(SessionError::NotNavigable)
    );
}

#[test]
fn a_sealed_run_hands_in_a_result_without_credits_and_puts_nothing_in_the_progress() {
    let (local, session) = (MemoryStore::default(), MemoryStore::default());
    let mut learner = tab(&local, &session);
    learner
        .start_assignment(sealed(), run("Ana"), "q1".into(), T0)
        .unwrap();
    let id = learner.quiz().unwrap().items[0].question.clone();
    let response = to_neutral(
        &bank().question(&id).unwrap().kind,
        &sealed().shape_of(&id).unwrap(),
        &answer_on_bank_lists(&id, 0),
    );
    assert_eq!(
        learner.answer(sealed(), response.clone(), T0 + 5_000),
        Ok(Answer::Saved)
    );
    // A reload resumes the attempt from the saved slot, checked against the public part.
    let mut reloaded = tab(&local, &session);
    let quiz = reloaded.quiz().expect("the tab's exam resumes").clone();
    assert_eq!(
        quiz.answers[0].as_ref().map(|a| &a.response),
        Some(&response)
    );
    reloaded.hand_in(sealed(), T0 + 9_000).unwrap();
    let record = reloaded.handed_in().cloned().unwrap();
    assert!(record.run.assignment.sealed);
    assert!(
        record.items.iter().all(|i| i.credit.is_none()),
        "no credits"
    );
    assert_eq!(record.items[0].response.as_ref(), Some(&response));
    assert_eq!(reloaded.attempts_used("exam1"), 1);
    let progress = reloaded.data().bank(&BankKey::new("demo", SEALED_PATH));
    assert!(
        progress.is_none_or(|p| p.history.is_empty() && p.reviews.is_empty()),
        "no score is known, so nothing reaches the history or the review log"
    );
}

#[test]
fn a_saved_sealed_exam_that_no_longer_fits_the_public_part_is_refused() {
    let session = sealed().start_run(&run("Ana"), "q1".into(), T0).unwrap();
    assert!(sealed().restore(session.clone()).is_ok());
    let mut changed = session.clone();
    changed.items[0].order.push(99);
    assert!(matches!(
        sealed().restore(changed),
        Err(SessionError::DoesNotFit(_))
    ));
    let mut other = session.clone();
    other.bank_id = "another".into();
    assert!(matches!(
        sealed().restore(other),
        Err(SessionError::DoesNotFit(_))
    ));
    let mut unknown = session;
    unknown.items[0].question = "no-such-question".into();
    assert!(matches!(
        sealed().restore(unknown),
        Err(SessionError::MissingQuestion(_))
    ));
}

#[test]
fn the_teacher_grades_a_sealed_class_exactly_as_the_same_responses_unsealed() {
    let records: Vec<ResultRecord> = (0..4).map(take_exam).collect();
    let mut sealed_class = Roster::default();
    let mut unsealed_class = Roster::default();
    let mut twin_assignment = assignment();
    twin_assignment.sealed = false;
    twin_assignment.bank.path = "q/index.toml".into();
    for record in &records {
        let taken = sealed_class.take(record.clone(), "file", &assignment(), &[], opened());
        assert_eq!(taken, Taken::Added);
        let twin = unsealed_twin(record);
        unsealed_class.take(twin, "file", &twin_assignment, &[], bank());
    }
    let mut partial = 0;
    for (s, u) in sealed_class.entries.iter().zip(&unsealed_class.entries) {
        assert_eq!(s.credits, u.credits, "{}", s.record.run.student);
        assert_eq!((s.points, s.max), (u.points, u.max));
        assert_eq!(s.flags, Vec::new(), "fingerprints agree, nothing to flag");
        assert_eq!(u.flags, Vec::new());
        partial += s
            .credits
            .iter()
            .flatten()
            .filter(|c| !c.is_full() && !c.is_zero())
            .count();
    }
    assert!(partial > 0, "some answers were partly right");
    let scores: Vec<u32> = sealed_class.entries.iter().map(|e| e.percent()).collect();
    assert!(
        scores.contains(&100),
        "the listed order and pairs are right: {scores:?}"
    );
    assert!(scores.iter().any(|&p| p < 100), "{scores:?}");
}

#[test]
fn the_item_analysis_of_a_sealed_class_counts_the_same_choices_as_unsealed() {
    let records: Vec<ResultRecord> = (0..4).map(take_exam).collect();
    let mut sealed_class = Roster::default();
    let mut unsealed_class = Roster::default();
    let mut twin_assignment = assignment();
    twin_assignment.sealed = false;
    twin_assignment.bank.path = "q/index.toml".into();
    for record in &records {
        sealed_class.take(record.clone(), "file", &assignment(), &[], opened());
        unsealed_class.take(unsealed_twin(record), "file", &twin_assignment, &[], bank());
    }
    let sealed_analysis = analyse(&sealed_class.matrix(opened()));
    let unsealed_analysis = analyse(&unsealed_class.matrix(bank()));
    assert_eq!(sealed_analysis.test, unsealed_analysis.test);
    for s in &sealed_analysis.items {
        let u = unsealed_analysis
            .items
            .iter()
            .find(|u| u.id == s.id)
            .unwrap();
        assert_eq!(s.facility, u.facility, "{}", s.id);
        assert_eq!(s.discrimination, u.discrimination, "{}", s.id);
        // Each choice's count, by its text: the sealed matrix lists choices in the neutral
        // order, the unsealed one in the bank's.
        let counts = |r: &accord::results::analysis::ResponseCounts| {
            let mut c: Vec<(String, usize)> = r
                .categories
                .iter()
                .map(|c| (c.label.clone(), c.count))
                .collect();
            c.sort();
            c
        };
        assert_eq!(counts(&s.responses), counts(&u.responses), "{}", s.id);
    }
    // The right choices the report marks are the same texts in either order.
    let single = accord::results::Grader::question(opened(), "a-single").unwrap();
    let QuestionKind::SingleChoice { choices, answer } = single.1 else {
        panic!("a single choice question")
    };
    assert_eq!(choices[*answer], "Paris");
}

#[test]
fn after_release_a_handed_in_result_reviews_with_the_teachers_credits() {
    let record = take_exam(1);
    let mut class = Roster::default();
    class.take(record.clone(), "file", &assignment(), &[], opened());
    let entry = &class.entries[0];
    let review = review_of(&record, opened()).unwrap();
    let opened_bank = opened().to_bank();
    let review = review
        .restore(&opened_bank)
        .expect("a sound quiz on the opened bank");
    let credits: Vec<Option<Credit>> = review
        .answers
        .iter()
        .map(|a| a.as_ref().map(|a| a.credit))
        .collect();
    assert_eq!(credits, entry.credits);
    let result = QuizResult::of(&review, &opened_bank);
    assert_eq!((result.points, result.max), (entry.points, entry.max));
    assert_eq!(review.finished_at, Some(record.handed_in_at));
    // The review feeds the progress like an unsealed exam: history once, every answer logged.
    let (local, session) = (MemoryStore::default(), MemoryStore::default());
    let mut learner = tab(&local, &session);
    let key = BankKey::new("demo", SEALED_PATH);
    let mut data = learner.data().clone();
    opened_bank.archive(&mut data, &key, &review);
    opened_bank.archive(&mut data, &key, &review);
    let progress = data.bank(&key).unwrap();
    assert_eq!(
        progress.history.len(),
        1,
        "the same review is archived once"
    );
    assert_eq!(progress.reviews.len(), record.items.len());
    let _ = learner.take_notices();
}

#[test]
fn a_result_of_another_bank_or_question_is_not_reviewed() {
    let record = take_exam(0);
    let mut other = record.clone();
    other.bank.id = "another".into();
    assert_eq!(
        review_of(&other, opened()),
        Err(ReviewError::OtherBank("another".into()))
    );
    let mut unknown = record;
    unknown.items[0].question = "gone".into();
    assert_eq!(
        review_of(&unknown, opened()),
        Err(ReviewError::MissingQuestion("gone".into()))
    );
}

fn any_response() -> impl Strategy<Value = Response> {
    prop_oneof![
        (0usize..12).prop_map(Response::Choice),
        proptest::collection::vec(0usize..12, 0..6).prop_map(Response::Choices),
        any::<bool>().prop_map(Response::Bool),
        proptest::collection::vec(0usize..12, 0..6).prop_map(Response::Order),
        proptest::collection::vec(proptest::option::of(0usize..12), 0..6).prop_map(Response::Pairs),
        any::<f64>().prop_map(Response::Number),
        ".{0,20}".prop_map(Response::Text),
        proptest::collection::vec(".{0,8}", 0..4).prop_map(Response::Blanks),
        proptest::collection::vec(0usize..12, 0..6).prop_map(Response::Parts),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn reviewing_a_result_with_any_responses_and_times_never_panics_and_fits_the_bank(
        responses in proptest::collection::vec(proptest::option::of(any_response()), 9),
        times in proptest::collection::vec(any::<u64>(), 9),
        started in any::<u64>(),
        handed_in in any::<u64>(),
    ) {
        let mut record = take_exam(0);
        record.started_at = started;
        record.handed_in_at = handed_in;
        for ((item, response), at) in record.items.iter_mut().zip(responses).zip(times) {
            item.response = response;
            item.answered_at = Some(at);
        }
        let review = review_of(&record, opened()).unwrap();
        // Whatever fits the neutral shape comes back as a response the bank accepts.
        for (item, answer) in review.items.iter().zip(&review.answers) {
            if let Some(a) = answer {
                let kind = &bank().question(&item.question).unwrap().kind;
                prop_assert!(a.response.fits(kind));
                prop_assert_eq!(a.credit, score(kind, &a.response));
            }
        }
        let _ = QuizSession::restore(review, &opened().to_bank());
    }
}
