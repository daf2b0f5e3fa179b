//! The numbers the start screen shows: how much of the bank the learner has answered, how
//! much of it was right the last time, and the recent quizzes.

use super::model::BankProgress;
use crate::bank::Bank;

/// One recent quiz, as the start screen lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentQuiz {
    pub finished_at: u64,
    pub percent: u32,
    pub right: u32,
    pub questions: u32,
    pub seed: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartSummary {
    /// Questions in the bank.
    pub questions: usize,
    /// Questions of the bank answered at least once.
    pub answered: usize,
    /// Of those, the ones whose latest answer was fully right.
    pub right_last_time: usize,
    /// Finished quizzes in all.
    pub finished: usize,
    /// The latest finished quizzes, newest first (at most [`RECENT`]).
    pub recent: Vec<RecentQuiz>,
}

/// How many recent quizzes the start screen lists.
pub const RECENT: usize = 5;

impl StartSummary {
    pub fn of(bank: &Bank, progress: Option<&BankProgress>) -> StartSummary {
        let mut summary = StartSummary {
            questions: bank.questions.len(),
            answered: 0,
            right_last_time: 0,
            finished: 0,
            recent: Vec::new(),
        };
        let Some(progress) = progress else {
            return summary;
        };
        for (id, record) in progress.reviews.records() {
            if bank.question(id).is_some() {
                summary.answered += 1;
                summary.right_last_time += usize::from(record.latest.credit.is_full());
            }
        }
        summary.finished = progress.history.len();
        summary.recent = progress
            .history
            .iter()
            .rev()
            .take(RECENT)
            .map(|h| RecentQuiz {
                finished_at: h.finished_at,
                percent: h.percent(),
                right: h.right,
                questions: h.questions,
                seed: h.seed.to_string(),
            })
            .collect();
        summary
    }
}
