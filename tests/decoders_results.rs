//! The decoders of what travels between teacher and students fed arbitrary text, arbitrary
//! JSON and mutations of real values: result files and codes, assignment links and
//! accommodations, sealed banks, and the base64 under them. Mutated values are sealed again
//! with a correct checksum half the time, so the checks of meaning behind the checksum are
//! reached. Whatever loads is then used as the app uses it: results regraded in a class
//! roster with item analysis and exports, assignments started, played and handed in, sealed
//! exams opened.

mod common;
mod fuzzing;

use std::sync::OnceLock;

use accord::assignment::{
    self, Accommodation, Assignment, BankRef, DrawOrder, Mode, Run, TimeAllowance,
};
use accord::bank::Bank;
use accord::codec::{
    base64_decode, base64_encode, base64url_decode, base64url_encode, fnv1a64, fnv1a64_hex,
};
use accord::lms::{Key as LmsKey, Shapes};
use accord::progress::{ProgressData, decode, encode};
use accord::quiz::{QuizSession, Seed};
use accord::results::analysis::{
    analyse, gradebook_csv, item_analysis_csv, response_counts_csv, test_summary_csv,
};
use accord::results::{BankStamp, ResultRecord, Roster, Taken, deflate, inflate, record_from_code};
use accord::seal::{Iterations, Key, SealedBank, derive_key, open, seal};
use fuzzing::drive::{assert_result_adds_up, assert_sound, fitting, play_to_end};
use fuzzing::{any_text, assert_plain, json_text, json_value, mutate, mutations};
use proptest::prelude::*;
use serde_json::Value;

/// 2024-01-01 in ms since the epoch.
const T0: u64 = 1_704_067_200_000;

const KEYS: &[&str] = &[
    "format",
    "version",
    "run",
    "assignment",
    "student",
    "accommodation",
    "attempt",
    "bank",
    "items",
    "question",
    "fingerprint",
    "response",
    "credit",
    "time_ms",
    "flagged",
    "answered_at",
    "started_at",
    "handed_in_at",
    "timed_out",
    "check",
    "id",
    "title",
    "instructions",
    "path",
    "topics",
    "count",
    "order",
    "seed",
    "mode",
    "time_limit",
    "attempts",
    "review",
    "opens_at",
    "closes_at",
    "name_required",
    "email",
    "pass_mark",
    "sealed",
    "time",
    "kind",
    "tenths",
    "value",
];

fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(common::demo_bank)
}

fn stamp() -> BankStamp {
    BankStamp {
        id: "demo".into(),
        version: "1".into(),
    }
}

/// The teacher's assignment: an exam over the whole demo bank, 20 minutes, draws per student.
fn assignment() -> Assignment {
    let mut a = Assignment::new(
        "cw-test".into(),
        "Cold War test".into(),
        BankRef {
            path: "questions/index.toml".into(),
            id: "demo".into(),
            version: "1".into(),
        },
        Seed::parse("class-7b").unwrap(),
    );
    a.count = 6;
    a.mode = Mode::Exam;
    a.time_limit = Some(1_200);
    a.order = DrawOrder::PerStudent;
    a.attempts = 2;
    a
}

/// The assignments the link mutations start from: the teacher's, a practice one with
/// topics, dates, e-mail and pass mark, and a sealed one.
fn assignments() -> &'static [Assignment] {
    static ALL: OnceLock<Vec<Assignment>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut practice = assignment();
        practice.id = "hw-3".into();
        practice.mode = Mode::Practice;
        practice.topics = vec!["beta".into()];
        practice.count = 4;
        practice.time_limit = None;
        practice.opens_at = Some(T0 - 1_000);
        practice.closes_at = Some(T0 + 86_400_000);
        practice.email = Some("teacher@example.org".into());
        practice.pass_mark = Some(60);
        practice.instructions = "Answer alone.".into();
        let mut sealed = assignment();
        sealed.id = "final".into();
        sealed.sealed = true;
        sealed.bank.path = "exam.sealed.json".into();
        vec![assignment(), practice, sealed]
    })
}

fn issued() -> Vec<Accommodation> {
    vec![Accommodation {
        student: "Ben Diaz".into(),
        time: TimeAllowance::Extra(15),
    }]
}

/// A student's attempt at `run`, answered from `k` on, handed in after `minutes`.
fn take(run: &Run, k: usize, minutes: u64) -> ResultRecord {
    let bank = bank();
    let mut session = run.start(bank, "q".into(), T0).unwrap();
    let n = session.items.len();
    for i in 0..n.saturating_sub(k % 2) {
        session.go_to(i, T0 + 1_000 * i as u64).unwrap();
        let kind = &bank.question(&session.items[i].question).unwrap().kind;
        session
            .submit(bank, fitting(kind, k + i), T0 + 1_000 * i as u64 + 500)
            .unwrap();
        if i == 1 {
            session.toggle_flag().unwrap();
        }
    }
    let _ = session.hand_in(T0 + minutes * 60_000);
    let _ = session.expire(T0 + minutes * 60_000);
    result_of(run, &session)
}

fn result_of(run: &Run, session: &QuizSession) -> ResultRecord {
    let bank = bank();
    ResultRecord::of(run, session, stamp(), |id| {
        bank.question(id)
            .map(|q| (q.prompt.clone(), q.kind.shape(), q.points))
    })
}

fn run_for(student: &str, accommodation: Option<Accommodation>, attempt: u32) -> Run {
    Run {
        assignment: assignment(),
        student: student.into(),
        accommodation,
        attempt,
    }
}

/// Results as students hand them in: on time, over time, with the extra time issued, with
/// extra time not issued, a second attempt, a sealed exam's (no credits).
fn records() -> &'static [ResultRecord] {
    static RECORDS: OnceLock<Vec<ResultRecord>> = OnceLock::new();
    RECORDS.get_or_init(|| {
        let extra = |name: &str| Accommodation {
            student: name.into(),
            time: TimeAllowance::Extra(15),
        };
        let mut sealed_run = run_for("Eli Fox", None, 1);
        sealed_run.assignment = assignments()[2].clone();
        vec![
            take(&run_for("Ana Costa", None, 1), 0, 12),
            take(&run_for("Ben Diaz", Some(extra("Ben Diaz")), 1), 1, 28),
            take(&run_for("Cai Wu", Some(extra("Cai Wu")), 1), 2, 25),
            take(&run_for("Ana Costa", None, 2), 3, 40),
            take(&sealed_run, 4, 10),
        ]
    })
}

fn record_docs() -> &'static [Value] {
    static DOCS: OnceLock<Vec<Value>> = OnceLock::new();
    DOCS.get_or_init(|| {
        records()
            .iter()
            .map(|r| serde_json::from_str(&r.to_json()).unwrap())
            .collect()
    })
}

/// The text of a mutated result: with its checksum made right again when `reseal` (so the
/// checks of meaning are what refuses it), as it is otherwise.
fn result_text(value: Value, reseal: bool) -> String {
    match serde_json::from_value::<ResultRecord>(value.clone()) {
        Ok(mut record) if reseal => {
            // The checksum is FNV-1a of the record's JSON with an empty `check`.
            record.check = String::new();
            record.check = fnv1a64_hex(serde_json::to_string(&record).unwrap().as_bytes());
            record.to_json()
        }
        _ => value.to_string(),
    }
}

/// A result the teacher's side accepted, used as it uses one: taken into the class with the
/// others, regraded, analysed and exported; kept on the learner's side as handed in; and
/// carried as a code.
fn check_record(record: &ResultRecord) {
    let bank = bank();
    let _ = record.file_name("2026-12-01");
    let _ = record.time_used_ms();
    let code = ResultRecord::code_from_deflated(&deflate(&record.to_json()));
    assert_eq!(&record_from_code(&code, inflate).unwrap(), record);

    let mut roster = Roster::default();
    for other in records() {
        roster.take(other.clone(), "file", &assignment(), &issued(), bank);
    }
    let taken = roster.take(
        record.clone(),
        "pasted code",
        &assignment(),
        &issued(),
        bank,
    );
    if taken == Taken::Added {
        assert_eq!(
            roster.take(record.clone(), "again", &assignment(), &issued(), bank),
            Taken::Duplicate
        );
    }
    roster.regrade(&assignment(), &issued(), bank);
    for entry in &roster.entries {
        assert_eq!(entry.credits.len(), entry.record.items.len());
        assert!(entry.points <= entry.max);
        assert!(entry.percent() <= 100);
        entry.flags.iter().for_each(|f| {
            let _ = f.text();
        });
    }
    let book = roster.gradebook(|at| at.to_string());
    assert_eq!(book.len(), roster.entries.len());
    let _ = gradebook_csv(&book);
    let analysis = analyse(&roster.matrix(bank));
    assert_eq!(analysis.test.attempts, roster.entries.len());
    let _ = item_analysis_csv(&analysis);
    let _ = response_counts_csv(&analysis);
    let _ = test_summary_csv(&analysis.test);
    for item in &record.items {
        let counts = roster.outcomes(&item.question);
        assert!(counts.iter().sum::<usize>() <= roster.entries.len());
    }

    // On the learner's side the handed-in result is kept with the progress, which must
    // still save and read back.
    let mut data = ProgressData::default();
    data.hand_in(record.clone());
    decode(&encode(&data)).expect("progress holding an accepted result saves and reads back");
}

/// A link's code for any JSON text, with the checksum a link carries (what a hand-made or
/// edited link with a recomputed checksum looks like).
fn link_of(json: &str) -> String {
    let payload = base64url_encode(json.as_bytes());
    let sum = Seed::from_random(fnv1a64(payload.as_bytes()));
    format!("1.{payload}.{sum}")
}

/// An assignment a link carried, used as the student's page uses it: the conditions checked
/// for a few students and times, each student's draw started, played and handed in; the
/// result must be one the teacher's side accepts.
fn check_assignment(a: &Assignment) {
    let bank = bank();
    assert_eq!(assignment::decode(&assignment::encode(a)).as_ref(), Ok(a));
    let _ = a.attempts_text();
    for (student, acc) in [
        ("Ana Costa", None),
        ("", None),
        ("Ben Diaz", Some(&issued()[0])),
    ] {
        for now in [0, T0, u64::MAX] {
            let _ = Run::can_start(a, student, acc, 0, now);
            let _ = Run::can_start(a, student, acc, u32::MAX, now);
        }
        let run = Run {
            assignment: a.clone(),
            student: student.into(),
            accommodation: acc.cloned(),
            attempt: 1,
        };
        let _ = (run.seed(), run.settings(), run.time_limit_ms());
        let Ok(mut session) = run.start(bank, "q".into(), T0) else {
            continue;
        };
        assert_sound(&session, bank);
        play_to_end(&mut session, bank, T0, 5);
        assert_result_adds_up(&session, bank);
        let record = result_of(&run, &session);
        let back = ResultRecord::from_json(&record.to_json());
        if !student.is_empty() || !a.name_required {
            assert_eq!(
                back.as_ref(),
                Ok(&record),
                "the result of a decoded assignment is accepted"
            );
        }
    }
}

fn check_accommodation(acc: &Accommodation) {
    let code = assignment::encode_accommodation(acc);
    assert_eq!(assignment::decode_accommodation(&code).as_ref(), Ok(acc));
    let _ = acc.time.label();
    let run = Run {
        assignment: assignment(),
        student: acc.student.clone(),
        accommodation: Some(acc.clone()),
        attempt: 1,
    };
    let limit = run.time_limit_ms();
    assert!(limit.is_none_or(|ms| ms <= 1_200_000 * 10), "{limit:?}");
    let _ = Run::can_start(&run.assignment, &acc.student, Some(acc), 0, T0);
    let _ = Run::can_start(&run.assignment, "Someone Else", Some(acc), 0, T0);
}

const PASSPHRASE: &str = "correct horse battery staple";
const SALT: [u8; 16] = *b"sixteen-byte-slt";

/// The key of `PASSPHRASE`, derived once per run at the real minimum strength.
fn key() -> &'static Key {
    static KEY: OnceLock<Key> = OnceLock::new();
    KEY.get_or_init(|| derive_key(PASSPHRASE, &SALT, Iterations::MIN))
}

/// The demo bank sealed whole, as its file's JSON.
fn sealed_doc() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| {
        let ids: Vec<String> = bank().questions.iter().map(|q| q.id.clone()).collect();
        let mut n = 0u8;
        let nonces = move || {
            n += 1;
            [n; 12]
        };
        let sealed = seal(bank(), &ids, key(), SALT, Iterations::MIN, nonces).unwrap();
        serde_json::from_str(&sealed.to_json()).unwrap()
    })
}

/// A sealed bank that read: the student's side builds its shapes and resumes a quiz on
/// them; the teacher's side opens it, and what opens is exactly the questions sealed.
fn check_sealed_bank(sealed: &SealedBank) {
    let shapes = Shapes::new(
        sealed.meta().id.clone(),
        sealed
            .questions()
            .iter()
            .map(|q| (q.id().to_string(), q.shape().clone())),
    );
    let _ = sealed.public_text();
    let key_for_lms = LmsKey::Sealed(&shapes);
    let _ = key_for_lms.ids();
    let opened = open(sealed, key());
    if let Err(e) = &opened {
        assert_plain(&e.to_string());
    }
    if let Ok(opened) = opened {
        let questions: Vec<_> = opened.questions().iter().map(|q| q.question()).collect();
        assert_eq!(questions, bank().questions.iter().collect::<Vec<_>>());
        let _ = opened.to_bank();
    }
}

#[test]
fn the_fixtures_are_accepted_and_used() {
    for record in records() {
        let back = ResultRecord::from_json(&record.to_json()).unwrap();
        assert_eq!(&back, record);
        check_record(&back);
    }
    for a in assignments() {
        check_assignment(&assignment::decode(&assignment::encode(a)).unwrap());
    }
    check_accommodation(&issued()[0]);
    let sealed = SealedBank::from_json(&sealed_doc().to_string()).unwrap();
    check_sealed_bank(&sealed);
    assert!(open(&sealed, key()).is_ok());
}

#[test]
fn enough_mutated_values_still_load_to_reach_the_computations() {
    // With the deterministic runner, of 300 resealed mutated results 124 are accepted, and
    // of 300 mutated links with their checksum made right 96 decode. A quarter of those
    // counts keeps the properties below meaningful.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = (prop::sample::select(record_docs()), mutations(KEYS, 3));
    let results = (0..300)
        .filter(|_| {
            let (doc, edits) = strategy.new_tree(&mut runner).unwrap().current();
            ResultRecord::from_json(&result_text(mutate(&doc, &edits), true)).is_ok()
        })
        .count();
    let strategy = (prop::sample::select(assignments()), mutations(KEYS, 3));
    let links = (0..300)
        .filter(|_| {
            let (a, edits) = strategy.new_tree(&mut runner).unwrap().current();
            let doc = serde_json::to_value(&a).unwrap();
            assignment::decode(&link_of(&mutate(&doc, &edits).to_string())).is_ok()
        })
        .count();
    assert!(results >= 31 && links >= 24, "{results} {links}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_result_file_or_code_of_any_text_never_panics(
        text in prop_oneof![any_text(), json_text(KEYS)],
    ) {
        match ResultRecord::from_json(&text) {
            Ok(record) => check_record(&record),
            Err(e) => assert_plain(&e.to_string()),
        }
        for code in [text.clone(), format!("ACR1.{text}")] {
            if let Err(e) = record_from_code(&code, inflate) {
                assert_plain(&e.to_string());
            }
        }
        let _ = record_from_code(&ResultRecord::code_from_deflated(&deflate(&text)), inflate);
        let _ = record_from_code(&ResultRecord::code_from_deflated(text.as_bytes()), inflate);
    }

    #[test]
    fn an_assignment_link_of_any_text_or_json_never_panics(
        text in any_text(),
        json in json_text(KEYS),
    ) {
        for code in [text.clone(), format!("1.{text}"), link_of(&text)] {
            if let Err(e) = assignment::decode(&code) {
                assert_plain(&e.to_string());
            }
            if let Err(e) = assignment::decode_accommodation(&code) {
                assert_plain(&e.to_string());
            }
        }
        match assignment::decode(&link_of(&json)) {
            Ok(a) => check_assignment(&a),
            Err(e) => assert_plain(&e.to_string()),
        }
        match assignment::decode_accommodation(&link_of(&json)) {
            Ok(acc) => check_accommodation(&acc),
            Err(e) => assert_plain(&e.to_string()),
        }
    }

    #[test]
    fn a_sealed_bank_of_any_json_never_panics(value in json_value(KEYS)) {
        let _ = SealedBank::from_json(&value.to_string());
        let mut file = sealed_doc().clone();
        file["questions"] = value;
        if let Ok(sealed) = SealedBank::from_json(&file.to_string()) {
            check_sealed_bank(&sealed);
        }
    }

    #[test]
    fn base64_of_any_text_in_its_alphabet_never_panics_and_round_trips(
        text in "[A-Za-z0-9+/=_-]{0,40}",
        bytes in prop::collection::vec(any::<u8>(), 0..40),
    ) {
        for (decoded, encode) in [
            (base64_decode(&text), base64_encode as fn(&[u8]) -> String),
            (base64url_decode(&text), base64url_encode),
        ] {
            if let Some(decoded) = decoded {
                let again = encode(&decoded);
                prop_assert_eq!(base64_decode(&again).or(base64url_decode(&again)), Some(decoded));
            }
        }
        prop_assert_eq!(base64_decode(&base64_encode(&bytes)), Some(bytes.clone()));
        prop_assert_eq!(base64url_decode(&base64url_encode(&bytes)), Some(bytes));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_mutated_result_never_panics_and_what_is_accepted_regrades(
        doc in prop::sample::select(record_docs()),
        edits in mutations(KEYS, 3),
        reseal in any::<bool>(),
    ) {
        let text = result_text(mutate(&doc, &edits), reseal);
        match ResultRecord::from_json(&text) {
            Ok(record) => check_record(&record),
            Err(e) => assert_plain(&e.to_string()),
        }
        let code = ResultRecord::code_from_deflated(&deflate(&text));
        let _ = record_from_code(&code, inflate);
    }

    #[test]
    fn a_mutated_assignment_link_never_panics_and_what_decodes_runs(
        a in prop::sample::select(assignments()),
        edits in mutations(KEYS, 3),
    ) {
        let doc = serde_json::to_value(&a).unwrap();
        let json = mutate(&doc, &edits).to_string();
        match assignment::decode(&link_of(&json)) {
            Ok(decoded) => check_assignment(&decoded),
            Err(e) => assert_plain(&e.to_string()),
        }
    }

    #[test]
    fn a_mutated_accommodation_never_panics(edits in mutations(KEYS, 3)) {
        let doc = serde_json::to_value(&issued()[0]).unwrap();
        let json = mutate(&doc, &edits).to_string();
        match assignment::decode_accommodation(&link_of(&json)) {
            Ok(acc) => check_accommodation(&acc),
            Err(e) => assert_plain(&e.to_string()),
        }
    }

    #[test]
    fn a_mutated_sealed_bank_never_panics_and_opens_only_to_what_was_sealed(
        edits in mutations(KEYS, 3),
    ) {
        let text = mutate(sealed_doc(), &edits).to_string();
        match SealedBank::from_json(&text) {
            Ok(sealed) => check_sealed_bank(&sealed),
            Err(e) => assert_plain(&e.to_string()),
        }
    }
}

// Regressions: each with its minimal input written out.

#[test]
fn a_result_code_that_inflates_past_the_limit_is_refused_not_cut_short() {
    // Inflating stops at 4 MB (a code of a few kilobytes could expand to gigabytes), but a
    // longer text was cut to its first 4 MB and handed on as if it were whole. 5 MB of
    // spaces deflate to about 5 kB.
    let bomb = deflate(&" ".repeat(5 << 20));
    assert!(bomb.len() < 10_000);
    assert_eq!(inflate(&bomb), None);
    let code = ResultRecord::code_from_deflated(&bomb);
    assert!(record_from_code(&code, inflate).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_name_a_student_may_start_with_gives_a_result_the_teacher_accepts(
        typed in prop_oneof![any_text(), "[a-zA-Z ]{150,260}", "\\PC{0,20}"],
    ) {
        // The student's page starts a run with the typed name normalized; whatever name the
        // conditions let start, the teacher's side must accept the result it gives.
        let a = assignment();
        if Run::can_start(&a, &typed, None, 0, T0).is_ok() {
            let run = Run {
                assignment: a,
                student: assignment::normalize_name(&typed),
                accommodation: None,
                attempt: 1,
            };
            let record = take(&run, 0, 5);
            let back = ResultRecord::from_json(&record.to_json());
            prop_assert!(back.is_ok(), "{:?} for {:?}", back, typed);
        }
    }
}

#[test]
fn a_name_longer_than_a_result_may_hold_is_refused_at_the_start() {
    // Found by `any_name_a_student_may_start_with_gives_a_result_the_teacher_accepts`: a
    // 201-character name could start (the page's field stops at 100, the core did not), and
    // its result was refused on the teacher's side, the attempt lost.
    let name = "a".repeat(201);
    assert_eq!(
        Run::can_start(&assignment(), &name, None, 0, T0),
        Err(assignment::Refusal::NameTooLong)
    );
    assert!(Run::can_start(&assignment(), &"a".repeat(200), None, 0, T0).is_ok());
}
