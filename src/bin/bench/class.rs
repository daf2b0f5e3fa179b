//! The class the results benchmark imports: generated result files of one assignment, made
//! with the app's own session and result code. Test data only: no logic of the app.

use accord::assignment::{Assignment, BankRef, DrawOrder, Mode, Run};
use accord::bank::{Bank, BlankShape, Shape};
use accord::quiz::{Response, Seed};
use accord::results::{BankStamp, Remembering, ResultRecord, Roster, Taken, analysis::analyse};

use super::generated;

/// The assignment's length: every question of the generated bank, in each student's own order.
pub const QUESTIONS: usize = 50;

/// 2024-01-01 in ms since the epoch.
const T0: u64 = 1_704_067_200_000;

pub struct Class {
    bank: Bank,
    assignment: Assignment,
    /// The students' result files, as text.
    pub files: Vec<String>,
}

/// A response of the shape's kind, right or wrong as `pick` (a pseudo-random number) falls.
fn response(shape: &Shape, pick: u64) -> Response {
    let n = |len: usize| (pick as usize) % len.max(1);
    match shape {
        Shape::Single { choices } => Response::Choice(n(choices.len())),
        Shape::Multiple { choices } => {
            let mut picks = vec![0, n(choices.len())];
            picks.dedup();
            Response::Choices(picks)
        }
        Shape::TrueFalse => Response::Bool(!pick.is_multiple_of(3)),
        Shape::Ordering { items } => {
            let mut order: Vec<usize> = (0..items.len()).collect();
            order.rotate_left(n(items.len()));
            Response::Order(order)
        }
        Shape::Matching { lefts, rights } => Response::Pairs(
            (0..lefts.len())
                .map(|i| Some((i + n(rights.len())) % rights.len()))
                .collect(),
        ),
        Shape::Numeric { .. } => Response::Number(1995.0 + (pick % 4) as f64),
        Shape::ShortText => Response::Text(
            if pick.is_multiple_of(2) {
                "Paris"
            } else {
                "Rome"
            }
            .into(),
        ),
        Shape::Cloze { blanks, .. } => Response::Blanks(
            blanks
                .iter()
                .map(|blank| match blank {
                    BlankShape::Typed => if pick.is_multiple_of(2) {
                        "Paris"
                    } else {
                        "Rome"
                    }
                    .to_string(),
                    BlankShape::Options(options) => options[n(options.len())].clone(),
                })
                .collect(),
        ),
        Shape::SpotError { parts } => Response::Parts(vec![n(parts.len())]),
    }
}

impl Class {
    /// `students` result files of a `QUESTIONS`-question assignment, each student answering
    /// everything, better or worse by a pseudo-random ability.
    pub fn generated(students: usize, questions: usize) -> Class {
        let (manifest, text) = generated::generated_bank(questions);
        let bank = accord::bank::load_bank_with(
            generated::MANIFEST_PATH,
            |path| {
                Ok(if path == generated::MANIFEST_PATH {
                    manifest.clone()
                } else {
                    text.clone()
                })
            },
            accord::bank::Rules::default(),
        )
        .expect("the generated bank is valid");
        let mut assignment = Assignment::new(
            "bench-class".into(),
            "Bench class".into(),
            BankRef {
                path: generated::MANIFEST_PATH.into(),
                id: "bench".into(),
                version: "1".into(),
            },
            Seed::parse("bench").expect("a valid seed"),
        );
        assignment.topics = vec!["t".into()];
        assignment.count = questions as u16;
        assignment.order = DrawOrder::PerStudent;
        assignment.mode = Mode::Exam;
        let files = (0..students)
            .map(|s| {
                let run = Run {
                    assignment: assignment.clone(),
                    student: format!("Student {s:04}"),
                    accommodation: None,
                    attempt: 1,
                };
                // Each student starts at a moment of their own, as a class does.
                let started = T0 + s as u64 * 1_237;
                let mut session = run
                    .start(&bank, format!("s{s}"), started)
                    .expect("the draw starts");
                let mut at = started;
                for i in 0..session.items.len() {
                    let id = session.items[i].question.clone();
                    let shape = bank.question(&id).expect("drawn from it").kind.shape();
                    // A cheap mix of the student and the question, so answers vary.
                    let pick = (s as u64 * 2_654_435_761 + i as u64 * 40_503) >> 7;
                    at += 20_000;
                    session
                        .submit(&bank, response(&shape, pick), at)
                        .expect("a response of the right shape");
                    let _ = session.advance(at + 1_000);
                }
                let _ = session.hand_in(at + 2_000);
                ResultRecord::of(
                    &run,
                    &session,
                    BankStamp {
                        id: "bench".into(),
                        version: "1".into(),
                    },
                    |id| {
                        bank.question(id)
                            .map(|q| (q.prompt.clone(), q.kind.shape(), q.points))
                    },
                )
                .to_json()
            })
            .collect();
        Class {
            bank,
            assignment,
            files,
        }
    }

    /// What the teacher page does with the dropped files: read and check each, take it into the
    /// roster regraded with the bank, then analyse. The results taken in and the mean score.
    pub fn import_and_analyse(&self) -> (usize, f64) {
        let mut roster = Roster::default();
        let grader = Remembering::new(&self.bank);
        let mut added = 0;
        for (i, text) in self.files.iter().enumerate() {
            let record = ResultRecord::from_json(text).expect("a generated result reads");
            let taken = roster.take(record, &format!("{i}.json"), &self.assignment, &[], &grader);
            added += usize::from(taken == Taken::Added);
        }
        let analysis = analyse(&roster.matrix(&self.bank));
        let mean = analysis
            .test
            .mean
            .and_then(|m| analysis.test.fraction_of_max(m))
            .unwrap_or(0.0);
        (added, mean)
    }
}
