//! The progress data itself and the pure updates on it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::review_log::{Review, ReviewLog};
use crate::bank::Bank;
use crate::quiz::{Credit, QuizSession, QuizSettings, Seed};

/// Everything saved for one browser: the learner's settings, and progress per bank id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgressData {
    #[serde(default)]
    pub settings: LearnerSettings,
    pub banks: BTreeMap<String, BankProgress>,
}

/// Choices the learner makes once, for every bank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearnerSettings {
    /// The share of reviews the scheduler aims to have remembered (FSRS desired retention).
    pub desired_retention: f64,
    /// Multiplies exam time limits, for learners who need more time (WCAG 2.2.1).
    pub time_extension: f64,
    /// Exams run without any time limit (WCAG 2.2.1: the learner can turn limits off).
    #[serde(default)]
    pub time_limits_off: bool,
}

impl LearnerSettings {
    /// An exam's time limit in ms once the learner's settings apply, or none.
    pub fn effective_limit(&self, limit_secs: Option<u32>) -> Option<u64> {
        let secs = f64::from(limit_secs?);
        if self.time_limits_off {
            return None;
        }
        Some((secs * self.time_extension.clamp(1.0, 10.0) * 1000.0) as u64)
    }
}

impl Default for LearnerSettings {
    fn default() -> Self {
        LearnerSettings {
            desired_retention: 0.9,
            time_extension: 1.0,
            time_limits_off: false,
        }
    }
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
    /// Every answer, oldest first (schema 2 on).
    #[serde(default)]
    pub reviews: ReviewLog,
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

    /// Count an answer to a question, and log it.
    pub fn record_answer(&mut self, bank_id: &str, question_id: &str, credit: Credit, now: u64) {
        let progress = self.bank_mut(bank_id);
        progress
            .reviews
            .push(Review::new(question_id, now, credit.thousandths()));
        let stats = progress
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

/// What merging added, for telling the learner after an import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub reviews_added: usize,
    pub quizzes_added: usize,
}

impl ProgressData {
    /// Take in everything `other` has that this lacks, losing nothing and counting nothing
    /// twice, so merging the same data again changes nothing.
    ///
    /// Reviews and finished quizzes are united; per-question counts take the larger of each
    /// count (they cannot be added without double counting); the quiz in progress and the
    /// settings stay this side's, since they belong to the tab or device doing the merge.
    pub fn merge(&mut self, other: &ProgressData) -> MergeSummary {
        let mut summary = MergeSummary::default();
        for (bank_id, theirs) in &other.banks {
            let ours = self.bank_mut(bank_id);
            let before = ours.reviews.len();
            ours.reviews.merge(&theirs.reviews);
            summary.reviews_added += ours.reviews.len() - before;
            for quiz in &theirs.history {
                if !ours.history.contains(quiz) {
                    ours.history.push(quiz.clone());
                    summary.quizzes_added += 1;
                }
            }
            ours.history.sort_by_key(|q| (q.finished_at, q.started_at));
            for (id, their) in &theirs.questions {
                let stats = ours.questions.entry(id.clone()).or_default();
                stats.seen = stats.seen.max(their.seen);
                stats.right = stats.right.max(their.right);
                if their.last_seen > stats.last_seen {
                    stats.last_seen = their.last_seen;
                    stats.last_credit = their.last_credit;
                }
            }
        }
        summary
    }
}
