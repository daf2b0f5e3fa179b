//! Assignments and results end to end, natively: a teacher's assignment, three students'
//! runs, their result files and codes, and the class roster regraded with the teacher's key,
//! with every reason to look twice flagged.

mod common;

use accord::assignment::{
    Accommodation, Assignment, BankRef, DrawOrder, Mode, Run, TimeAllowance, decode, encode,
};
use accord::quiz::{Credit, QuizSession, Response, Seed};
use accord::results::{
    BankStamp, Flag, ResultError, ResultRecord, Roster, Taken, analysis::analyse, deflate, inflate,
    record_from_code,
};
use common::demo_bank;

const T0: u64 = 1_704_067_200_000;

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
    a.topics = vec!["alpha".into()];
    a.count = 2;
    a.mode = Mode::Exam;
    a.time_limit = Some(600);
    a
}

/// The right response to each question of the demo's "alpha" topic.
fn right(id: &str) -> Response {
    match id {
        "a-single" => Response::Choice(0),
        _ => Response::Choices(vec![0, 1, 2]),
    }
}

fn wrong(id: &str) -> Response {
    match id {
        "a-single" => Response::Choice(1),
        _ => Response::Choices(vec![3]),
    }
}

/// A student's run: answer each question right or wrong as `plan` says, then hand in.
fn take(run: &Run, plan: &[bool], minutes: u64) -> (QuizSession, ResultRecord) {
    let bank = demo_bank();
    let mut session = run.start(&bank, "q".into(), T0).unwrap();
    for (i, &ok) in plan.iter().enumerate() {
        let id = session.items[i].question.clone();
        session
            .submit(&bank, if ok { right(&id) } else { wrong(&id) }, T0 + 1_000)
            .unwrap();
        session.advance(T0 + 2_000).unwrap();
    }
    session.hand_in(T0 + minutes * 60_000).unwrap_or(());
    let record = ResultRecord::of(
        run,
        &session,
        BankStamp {
            id: "demo".into(),
            version: "1".into(),
        },
        |id| {
            bank.question(id)
                .map(|q| (q.prompt.clone(), q.kind.shape(), q.points))
        },
    );
    (session, record)
}

fn run_for(student: &str, accommodation: Option<Accommodation>) -> Run {
    Run {
        assignment: assignment(),
        student: student.into(),
        accommodation,
        attempt: 1,
    }
}

#[test]
fn an_assignment_link_round_trips_and_a_per_student_draw_is_reproducible() {
    let mut a = assignment();
    a.order = DrawOrder::PerStudent;
    assert_eq!(decode(&encode(&a)).unwrap(), a);
    let bank = demo_bank();
    let ana = |name: &str| {
        Run {
            assignment: a.clone(),
            student: name.into(),
            accommodation: None,
            attempt: 1,
        }
        .start(&bank, "q".into(), T0)
        .unwrap()
        .items
    };
    assert_eq!(ana("Ana Costa"), ana(" ana  costa "));
}

#[test]
fn a_result_file_and_code_round_trip_and_refuse_damage() {
    let (_, record) = take(&run_for("Ana Costa", None), &[true, true], 5);
    assert_eq!(ResultRecord::from_json(&record.to_json()).unwrap(), record);
    assert_eq!(
        record.file_name("2026-12-01"),
        "accord-result-cold-war-test-ana-costa-2026-12-01.json"
    );
    let code = ResultRecord::code_from_deflated(&deflate(&record.to_json()));
    assert!(code.starts_with("ACR1."));
    assert!(
        code.len() < record.to_json().len(),
        "the code is compact: {}",
        code.len()
    );
    assert_eq!(record_from_code(&code, inflate).unwrap(), record);
    // Pasted with line breaks, it still reads.
    let wrapped: String = code
        .chars()
        .collect::<Vec<_>>()
        .chunks(60)
        .map(|c| c.iter().collect::<String>() + "\n")
        .collect();
    assert_eq!(record_from_code(&wrapped, inflate).unwrap(), record);
    // A file edited without its checksum is damaged; nonsense is not a result.
    let edited = record.to_json().replace("\"Ana Costa\"", "\"Ana Cost\"");
    assert_eq!(ResultRecord::from_json(&edited), Err(ResultError::Damaged));
    assert!(matches!(
        ResultRecord::from_json("{}"),
        Err(ResultError::NotAResult(_))
    ));
    assert!(record_from_code("ACR1.@@@", inflate).is_err());
}

#[test]
fn the_class_roster_regrades_counts_once_and_flags_what_deserves_a_look() {
    let bank = demo_bank();
    let a = assignment();
    let extra = Accommodation {
        student: "Ben Diaz".into(),
        time: TimeAllowance::Extra(20),
    };
    let issued = vec![extra.clone()];
    let mut roster = Roster::default();

    // Ana: both right, on time.
    let (_, ana) = take(&run_for("Ana Costa", None), &[true, true], 5);
    assert_eq!(
        roster.take(ana.clone(), "ana.json", &a, &issued, &bank),
        Taken::Added
    );
    assert_eq!(
        roster.take(ana, "ana again.json", &a, &issued, &bank),
        Taken::Duplicate
    );
    // Ben: issued double time, uses 15 minutes of his 20.
    let (_, ben) = take(&run_for("Ben Diaz", Some(extra)), &[true, false], 15);
    roster.take(ben, "ben.json", &a, &issued, &bank);
    // Cas: claims no time limit that was never issued, and edited a credit to full marks.
    let forged = Accommodation {
        student: "Cas".into(),
        time: TimeAllowance::NoLimit,
    };
    let (_, mut cas) = take(&run_for("Cas", Some(forged)), &[false, false], 30);
    cas.items[0].credit = Some(Credit::FULL);
    let cas = ResultRecord::from_json(&rechecked(&cas)).unwrap();
    roster.take(cas, "cas.json", &a, &issued, &bank);

    let flags: Vec<(String, Vec<Flag>, u32)> = roster
        .entries
        .iter()
        .map(|e| (e.record.run.student.clone(), e.flags.clone(), e.percent()))
        .collect();
    assert_eq!(flags[0], ("Ana Costa".into(), vec![], 100));
    assert_eq!(flags[1], ("Ben Diaz".into(), vec![], 50));
    assert_eq!(flags[2].0, "Cas");
    assert_eq!(
        flags[2].2, 0,
        "regraded: the forged full credit does not count"
    );
    assert!(flags[2].1.contains(&Flag::AccommodationNotIssued));
    assert!(flags[2].1.contains(&Flag::OverTime), "30 minutes of 10");
    assert!(flags[2].1.contains(&Flag::CreditsDiffer(1)));

    // A result of another assignment is refused, and nothing already in is lost.
    let mut other = run_for("Dee", None);
    other.assignment.id = "other".into();
    let (_, dee) = take(&other, &[true, true], 5);
    assert!(matches!(
        roster.take(dee, "dee.json", &a, &issued, &bank),
        Taken::Refused(_)
    ));
    assert!(matches!(
        roster.take_text("not json", "x.json", &a, &issued, &bank),
        Taken::Refused(_)
    ));
    assert_eq!(roster.entries.len(), 3);

    // A longer time limit than the teacher set shows as conditions that differ.
    let mut longer = run_for("Eli", None);
    longer.assignment.time_limit = Some(3_600);
    let (_, eli) = take(&longer, &[true, true], 5);
    roster.take(eli, "eli.json", &a, &issued, &bank);
    assert!(
        matches!(&roster.entries[3].flags[0], Flag::ConditionsDiffer(what) if what == "time limit")
    );

    // The analysis reads the regraded matrix: the single choice was right for Ana, Ben, Eli.
    let analysis = analyse(&roster.matrix(&bank));
    assert_eq!(analysis.test.attempts, 4);
    let single = roster.entries[0]
        .record
        .items
        .iter()
        .position(|i| i.question == "a-single")
        .unwrap();
    assert_eq!(analysis.items[single].facility, Some(0.75));
    let book = roster.gradebook(|_| "2024-01-01 00:05".into());
    assert_eq!(book.len(), 4);
    assert_eq!((book[1].score, book[1].max_score), (1.0, 2.0));
}

/// The record's JSON with its checksum made to match again (as a student who edited the file
/// and knew the format would do): only regrading catches that.
fn rechecked(record: &ResultRecord) -> String {
    let mut copy = record.clone();
    copy.check = String::new();
    let json = serde_json::to_string(&copy).unwrap();
    copy.check = accord::codec::fnv1a64_hex(json.as_bytes());
    serde_json::to_string(&copy).unwrap()
}

/// `bank results`, run as a teacher runs it: result files and a file of pasted codes, the
/// class table, the gradebook CSV, and a refused file that makes the exit status fail.
#[test]
fn the_results_command_regrades_files_and_codes_and_names_what_it_refused() {
    let dir = std::env::temp_dir().join(format!("accord-results-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("bank")).unwrap();
    std::fs::write(dir.join("bank/index.toml"), common::MANIFEST).unwrap();
    std::fs::write(dir.join("bank/one.toml"), common::QUESTIONS).unwrap();
    let (_, ana) = take(&run_for("Ana Costa", None), &[true, true], 5);
    let (_, ben) = take(&run_for("Ben Diaz", None), &[true, false], 5);
    std::fs::write(dir.join("ana.json"), ana.to_json()).unwrap();
    let code = ResultRecord::code_from_deflated(&deflate(&ben.to_json()));
    std::fs::write(
        dir.join("codes.txt"),
        format!("pasted from mail:\n{code}\n"),
    )
    .unwrap();
    std::fs::write(dir.join("junk.json"), "{\"not\": \"a result\"}").unwrap();
    let link = format!("https://school.example/quiz/?a={}", encode(&assignment()));
    let run = |extra: &[&str]| {
        let mut args = vec!["results", "--assignment", &link, "--bank"];
        let bank = dir.join("bank");
        let bank = bank.to_str().unwrap().to_string();
        let files: Vec<String> = ["ana.json", "codes.txt"]
            .iter()
            .map(|f| dir.join(f).to_str().unwrap().to_string())
            .collect();
        let mut owned: Vec<String> = vec![bank];
        owned.extend(extra.iter().map(|s| s.to_string()));
        owned.extend(files);
        let owned: Vec<&str> = owned.iter().map(String::as_str).collect();
        args.extend(owned);
        std::process::Command::new(env!("CARGO_BIN_EXE_bank"))
            .args(&args)
            .output()
            .unwrap()
    };
    let table = run(&[]);
    assert!(
        table.status.success(),
        "{}",
        String::from_utf8_lossy(&table.stderr)
    );
    let out = String::from_utf8_lossy(&table.stdout);
    assert!(out.contains("Cold War test — 2 results"), "{out}");
    assert!(out.contains("Ana Costa") && out.contains("100 %"), "{out}");
    assert!(out.contains("Ben Diaz") && out.contains("50 %"), "{out}");

    let csv = run(&["--csv", "gradebook"]);
    let out = String::from_utf8_lossy(&csv.stdout);
    assert_eq!(out.lines().count(), 3, "a header and two students: {out}");

    let junk = dir.join("junk.json");
    let refused = run(&[junk.to_str().unwrap()]);
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("junk.json: refused"), "{err}");
}
