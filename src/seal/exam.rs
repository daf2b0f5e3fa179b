//! A sealed exam on the student's side: a run drawn from the sealed bank's public part alone,
//! answered on its neutral shapes, and handed in without credits; after the key's release, a
//! handed-in result turned back into a scored quiz on the opened bank, for review.

use super::opening::Opened;
use super::sealed::SealedBank;
use crate::assignment::Run;
use crate::bank::{BlankShape, Shape};
use crate::lms::Shapes;
use crate::quiz::{Answered, QuizItem, QuizMode, QuizSession, SessionError, draw_shown, score};
use crate::results::{BankStamp, ResultRecord};

impl SealedBank {
    /// What question `id` shows (its neutral shape), if the bank has it.
    pub fn shape_of(&self, id: &str) -> Option<Shape> {
        self.question(id).map(|q| q.shape.clone())
    }

    /// Every question's shape under the bank's id: what the SCORM data model may send of a
    /// sealed exam (responses, never a score or a correct response).
    pub fn shapes(&self) -> Shapes {
        Shapes::new(
            self.meta.id.clone(),
            self.questions
                .iter()
                .map(|q| (q.id.clone(), q.shape.clone())),
        )
    }

    /// The bank a result of this exam names.
    pub fn stamp(&self) -> BankStamp {
        BankStamp {
            id: self.meta.id.clone(),
            version: self.meta.version.clone(),
        }
    }
}

/// Draw a student's run of a sealed assignment from the public part: the assignment's topics,
/// count and seed, drawn as a bank with these questions would be; always an exam (there is no
/// key to give feedback with), with the run's time limit.
pub fn start_run(
    sealed: &SealedBank,
    run: &Run,
    id: String,
    now: u64,
) -> Result<QuizSession, SessionError> {
    let mut settings = run.settings();
    settings.mode = QuizMode::Exam;
    let seed = run.seed();
    let items = draw_shown(
        sealed
            .questions
            .iter()
            .map(|q| (q.id.as_str(), q.topic.as_str(), q.shape.clone())),
        &settings,
        &seed,
    );
    if items.is_empty() {
        return Err(SessionError::NoQuestions);
    }
    let n = items.len();
    let session = QuizSession {
        id,
        bank_id: sealed.meta.id.clone(),
        seed,
        settings,
        answers: vec![None; n],
        items,
        current: 0,
        started_at: now,
        finished_at: None,
        deadline: None,
        flags: vec![false; n],
        time_ms: vec![0; n],
        shown_at: Some(now),
        timed_out: false,
    };
    Ok(match run.time_limit_ms() {
        Some(ms) => session.with_deadline(ms),
        None => session,
    })
}

/// The result of a finished run of a sealed exam: every response as given on the neutral
/// shapes, no credit (the run's assignment is sealed), fingerprints of what was shown.
pub fn result_of(sealed: &SealedBank, run: &Run, session: &QuizSession) -> ResultRecord {
    let mut run = run.clone();
    run.assignment.sealed = true;
    ResultRecord::of(&run, session, sealed.stamp(), |id| {
        sealed
            .question(id)
            .map(|q| (q.prompt.clone(), q.shape.clone(), q.points))
    })
}

/// Why a handed-in result cannot be reviewed with an opened bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewError {
    /// The result is of another bank.
    OtherBank(String),
    /// The opened bank lacks one of the result's questions.
    MissingQuestion(String),
}

impl std::fmt::Display for ReviewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReviewError::OtherBank(id) => write!(
                f,
                "this result was taken on another question bank ({})",
                crate::text::quoted(id, 60)
            ),
            ReviewError::MissingQuestion(id) => write!(
                f,
                "the released exam has no question {}",
                crate::text::quoted(id, 60)
            ),
        }
    }
}

/// The layout that shows a question's lists in the bank's own order.
fn listed_order(shape: &Shape) -> (Vec<usize>, Vec<Vec<usize>>) {
    let blanks = match shape {
        Shape::Cloze { blanks, .. } => blanks
            .iter()
            .map(|b| match b {
                BlankShape::Options(options) => (0..options.len()).collect(),
                BlankShape::Typed => Vec::new(),
            })
            .collect(),
        _ => Vec::new(),
    };
    ((0..shape.shuffled_list_len()).collect(), blanks)
}

/// A handed-in result of a sealed exam as a finished quiz on the opened bank
/// ([`Opened::to_bank`]): each response mapped from the neutral shape to the question's own
/// lists and scored as an unsealed exam's would be, with the result's times and flags. A
/// response that does not fit counts as unanswered. The quiz's id names the assignment and
/// the attempt, so the same result always gives the same quiz (archiving it twice changes
/// nothing).
pub fn review_of(record: &ResultRecord, opened: &Opened) -> Result<QuizSession, ReviewError> {
    if record.bank.id != opened.meta().id {
        return Err(ReviewError::OtherBank(record.bank.id.clone()));
    }
    let mut items = Vec::with_capacity(record.items.len());
    let mut answers = Vec::with_capacity(record.items.len());
    for item in &record.items {
        let question = opened
            .question(&item.question)
            .ok_or_else(|| ReviewError::MissingQuestion(item.question.clone()))?;
        let kind = &question.question().kind;
        let (order, blank_orders) = listed_order(&kind.shape());
        items.push(QuizItem {
            question: item.question.clone(),
            order,
            blank_orders,
        });
        let original = item.response.as_ref().and_then(|r| question.to_original(r));
        answers.push(original.map(|response| {
            Answered {
                credit: score(kind, &response),
                response,
                at: item
                    .answered_at
                    .unwrap_or(record.handed_in_at)
                    .min(record.handed_in_at)
                    .max(record.started_at),
            }
        }));
    }
    let n = items.len();
    let run = &record.run;
    let mut settings = run.settings();
    settings.mode = QuizMode::Exam;
    Ok(QuizSession {
        id: format!("{}-{}", run.assignment.id, run.attempt),
        bank_id: opened.meta().id.clone(),
        seed: run.seed(),
        settings,
        items,
        answers,
        current: n,
        started_at: record.started_at,
        finished_at: Some(record.handed_in_at),
        deadline: None,
        flags: record.items.iter().map(|i| i.flagged).collect(),
        time_ms: record.items.iter().map(|i| i.time_ms).collect(),
        shown_at: None,
        timed_out: record.timed_out,
    })
}
