//! The progress data itself and the pure updates on it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::bank::Bank;
use crate::quiz::{Credit, QuizSession, QuizSettings, Seed};

/// Everything saved for one browser, per bank id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgressData {
    pub banks: BTreeMap<String, BankProgress>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BankProgress {
    /// The quiz in progress, if any: resumed after a reload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<QuizSession>,
    /// Finished quizzes, oldest first.
    #[serde(default)]
    pub history: Vec<FinishedQuiz>,
    /// Per question id.
    #[serde(default)]
    pub questions: BTreeMap<String, QuestionStats>,
}

/// One finished quiz, as the history keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinishedQuiz {
    pub seed: Seed,
    pub settings: QuizSettings,
    pub started_at: u64,
    pub finished_at: u64,
    /// Sum of credits, in thousandths.
    pub points: u32,
    pub questions: u32,
    pub right: u32,
}

/// How a question has gone for this learner.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionStats {
    pub seen: u32,
    /// Answers with full credit.
    pub right: u32,
    pub last_seen: u64,
    /// Credit of the latest answer, in thousandths.
    pub last_credit: u16,
}

impl ProgressData {
    pub fn bank(&self, bank_id: &str) -> Option<&BankProgress> {
        self.banks.get(bank_id)
    }

    pub fn bank_mut(&mut self, bank_id: &str) -> &mut BankProgress {
        self.banks.entry(bank_id.to_string()).or_default()
    }

    /// Count an answer to a question.
    pub fn record_answer(&mut self, bank_id: &str, question_id: &str, credit: Credit, now: u64) {
        let stats = self
            .bank_mut(bank_id)
            .questions
            .entry(question_id.to_string())
            .or_default();
        stats.seen += 1;
        stats.right += u32::from(credit.is_full());
        stats.last_seen = now;
        stats.last_credit = credit.thousandths();
    }

    /// Move a finished active quiz into the history. Returns whether there was one.
    pub fn archive_active(&mut self, bank: &Bank) -> bool {
        let progress = self.bank_mut(&bank.meta.id);
        let Some(session) = progress.active.take_if(|s| s.is_finished()) else {
            return false;
        };
        let result = session.result(bank);
        progress.history.push(FinishedQuiz {
            seed: session.seed.clone(),
            settings: session.settings.clone(),
            started_at: session.started_at,
            finished_at: session.finished_at.unwrap_or(session.started_at),
            points: result.points,
            questions: result.questions as u32,
            right: result.right as u32,
        });
        true
    }
}
