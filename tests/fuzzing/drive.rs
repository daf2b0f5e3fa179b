//! Running whatever loaded: a response that fits any question, a quiz answered to its end
//! through every move the screens offer, and the checks that what a session says adds up.

use accord::bank::{Bank, Blank, QuestionKind};
use accord::quiz::{Phase, QuizResult, QuizSession, Response, is_permutation};

/// A response that fits `kind`; `k` varies which one (so some are right, some wrong).
pub fn fitting(kind: &QuestionKind, k: usize) -> Response {
    let response = match kind {
        QuestionKind::SingleChoice { choices, .. } => Response::Choice(k % choices.len()),
        QuestionKind::MultipleSelect { choices, answers } => {
            if k.is_multiple_of(2) {
                Response::Choices(answers.clone())
            } else {
                Response::Choices(vec![k % choices.len()])
            }
        }
        QuestionKind::TrueFalse { .. } => Response::Bool(k.is_multiple_of(2)),
        QuestionKind::Ordering { items } => {
            let mut order: Vec<usize> = (0..items.len()).collect();
            if k % 2 == 1 {
                order.reverse();
            }
            Response::Order(order)
        }
        QuestionKind::Matching { lefts, rights } => Response::Pairs(
            (0..lefts.len())
                .map(|i| (k % 3 != 2).then_some((i + k) % rights.len()))
                .collect(),
        ),
        QuestionKind::Numeric { answer, .. } => Response::Number(if k.is_multiple_of(2) {
            *answer
        } else {
            k as f64
        }),
        QuestionKind::ShortText { answer } => Response::Text(if k.is_multiple_of(2) {
            answer.canonical.clone()
        } else {
            "something else".to_string()
        }),
        QuestionKind::Cloze { blanks, .. } => Response::Blanks(
            blanks
                .iter()
                .map(|b| match b {
                    Blank::Typed(a) if k.is_multiple_of(2) => a.canonical.clone(),
                    Blank::Typed(_) => "x".to_string(),
                    Blank::Choice { options, answer } => {
                        options[(answer + k) % options.len()].clone()
                    }
                })
                .collect(),
        ),
        QuestionKind::SpotError { parts, .. } => Response::Parts(vec![k % parts.len()]),
    };
    assert!(
        response.fits(kind),
        "the fixture's response fits: {response:?}"
    );
    response
}

/// A response of the wrong shape for `kind` (every kind refuses a pick past any list).
pub fn misfit(kind: &QuestionKind) -> Response {
    match kind {
        QuestionKind::SingleChoice { .. } => Response::Choice(usize::MAX),
        _ => Response::Choice(0),
    }
}

/// What a session must hold before any screen uses it: every list one entry per item, the
/// position in range, every item's question in the bank with a layout that fits, every
/// answer fitting its question.
pub fn assert_sound(session: &QuizSession, bank: &Bank) {
    let n = session.items.len();
    assert!(n > 0, "a session has items");
    assert_eq!(session.answers.len(), n, "one answer slot per item");
    assert_eq!(session.flags.len(), n, "one flag per item");
    assert_eq!(session.time_ms.len(), n, "one time per item");
    assert!(session.current <= n, "the position is in range");
    let mut ids: Vec<&str> = session.items.iter().map(|i| i.question.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "no question is drawn twice");
    assert!(n <= bank.questions.len(), "no more items than the bank has");
    for (item, answer) in session.items.iter().zip(&session.answers) {
        let question = bank
            .question(&item.question)
            .expect("every item's question is in the bank");
        if let QuestionKind::Cloze { blanks, .. } = &question.kind {
            assert_eq!(item.blank_orders.len(), blanks.len());
            for (b, order) in blanks.iter().zip(&item.blank_orders) {
                if let Blank::Choice { options, .. } = b {
                    assert!(is_permutation(order, options.len()));
                }
            }
        }
        if let Some(a) = answer {
            assert!(a.response.fits(&question.kind), "a kept answer fits");
        }
    }
}

/// The results screen's numbers, checked against each other.
pub fn assert_result_adds_up(session: &QuizSession, bank: &Bank) -> QuizResult {
    let result = QuizResult::of(session, bank);
    let t = result.tally;
    assert_eq!(
        t.right + t.partial + t.wrong + t.unanswered,
        result.questions
    );
    assert_eq!(result.questions, session.items.len());
    assert!(result.points <= result.max, "{result:?}");
    assert!(result.percent() <= 100);
    for topic in &result.topics {
        assert!(topic.points <= topic.max && topic.percent() <= 100);
    }
    result
}

/// Every move the screens offer, on a sound session, until it is finished: a misfit answer
/// (refused), then fitting answers, feedback and next, flags and jumps in an exam, then
/// hand-in. Times only go forward from `now`. Returns the time it ended.
pub fn play_to_end(session: &mut QuizSession, bank: &Bank, mut now: u64, k: usize) -> u64 {
    let n = session.items.len();
    let _ = session.overview();
    let _ = session.unanswered();
    let _ = session.remaining(now);
    for step in 0..(4 * n + 8) {
        now = now.saturating_add(1_000);
        let _ = session.current(bank);
        let _ = session.current_answer();
        match session.phase() {
            Phase::Finished => break,
            Phase::Feedback(_) => {
                session.advance(now).expect("feedback moves on");
            }
            Phase::Answering(i) => {
                let kind = &bank.question(&session.items[i].question).unwrap().kind;
                if session.submit(bank, misfit(kind), now).is_ok() {
                    panic!("a response of the wrong shape is refused");
                }
                if session.is_finished() {
                    break; // The misfit's check found the time was up.
                }
                let _ = session.submit(bank, fitting(kind, k + step), now);
                if session.navigable() {
                    let _ = session.toggle_flag();
                    if step % 3 == 2 {
                        let _ = session.go_to((i + k) % n, now);
                    }
                    let _ = session.advance(now);
                    if session.unanswered().is_empty() || step > 2 * n {
                        let _ = session.hand_in(now);
                    }
                } else {
                    let _ = session.advance(now);
                }
            }
        }
        assert!(session.current <= n);
    }
    if !session.is_finished() {
        let _ = session.hand_in(now);
        let _ = session.expire(u64::MAX);
    }
    assert!(
        session.is_finished(),
        "every quiz can be brought to its end"
    );
    assert!(session.submit(bank, Response::Bool(true), now).is_err());
    now
}
