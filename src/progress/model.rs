//! The progress data itself and the pure updates on it: the learner's settings, and per bank
//! the finished quizzes and the review log (everything else is derived from the log).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::bank_key::BankKey;
use super::review_log::{Review, ReviewLog};
use crate::bank::Bank;
use crate::quiz::{Credit, Points, QuizResult, QuizSession, QuizSettings, Seed};
use crate::results::ResultRecord;
use crate::schedule::Scheduler;

/// Everything saved for one learner (one profile) in one browser.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgressData {
    /// How many times this learner's progress was deleted. A tab that still holds data of an
    /// earlier generation takes the reset in instead of writing the old data back.
    #[serde(default)]
    pub generation: u64,
    #[serde(default)]
    pub settings: LearnerSettings,
    /// Per bank (see [`BankKey`]).
    #[serde(default)]
    pub banks: BTreeMap<BankKey, BankProgress>,
    /// Assignments handed in on this device, per assignment id: each attempt's result, so
    /// attempts are counted and a result can be handed in again.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub assignments: BTreeMap<String, Vec<ResultRecord>>,
}

/// Choices the learner makes once, for every bank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearnerSettings {
    /// The share of reviews the scheduler aims to have remembered (FSRS desired retention).
    pub desired_retention: f64,
    /// Multiplies the time limits of exams the learner sets up (WCAG 2.2.1). A teacher's
    /// assignment ignores it unless the teacher granted extra time.
    pub time_extension: f64,
    /// Self-set exams run without any time limit (WCAG 2.2.1).
    #[serde(default)]
    pub time_limits_off: bool,
    /// Number keys pick answers (off: only Tab and Space/Enter; WCAG 2.1.4).
    #[serde(default = "yes")]
    pub key_shortcuts: bool,
    /// The colour theme.
    #[serde(default)]
    pub theme: Theme,
}

fn yes() -> bool {
    true
}

/// The colour theme the learner chose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the system's light or dark setting (and its contrast setting).
    #[default]
    System,
    Light,
    Dark,
    HighContrast,
}

impl Theme {
    pub const ALL: [Theme; 4] = [
        Theme::System,
        Theme::Light,
        Theme::Dark,
        Theme::HighContrast,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::HighContrast => "high-contrast",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "As the system is set",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
            Theme::HighContrast => "High contrast",
        }
    }

    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == name)
    }
}

impl LearnerSettings {
    /// The time extensions a learner may choose.
    pub const EXTENSIONS: [f64; 5] = [1.0, 1.5, 2.0, 3.0, 10.0];
    /// The desired retentions a learner may choose.
    pub const RETENTIONS: [f64; 4] = [0.8, 0.85, 0.9, 0.95];

    /// A desired retention as the settings list it: "85 %", "90 % (recommended)" for the
    /// default.
    pub fn retention_label(retention: f64) -> String {
        let thousandths = (retention.clamp(0.0, 1.0) * 1000.0).round() as u64;
        let recommended = (retention - crate::schedule::DEFAULT_DESIRED_RETENTION).abs() < 1e-9;
        format!(
            "{} %{}",
            crate::text::percent_of(thousandths, 1000),
            if recommended { " (recommended)" } else { "" }
        )
    }

    /// A self-set exam's time limit in ms once the learner's settings apply, or none.
    pub fn effective_limit(&self, limit_secs: Option<u32>) -> Option<u64> {
        let secs = u64::from(limit_secs?);
        if self.time_limits_off {
            return None;
        }
        let tenths = (self.time_extension.clamp(1.0, 10.0) * 10.0).round() as u64;
        Some(secs.saturating_mul(tenths).saturating_mul(100))
    }

    /// The scheduler for these settings (the default one if the retention is out of range).
    pub fn scheduler(&self) -> Scheduler {
        Scheduler::new(self.desired_retention).unwrap_or_default()
    }

    /// The settings with every number brought into its allowed range (saved data is not
    /// trusted).
    pub fn sanitized(mut self) -> Self {
        if !self.desired_retention.is_finite()
            || !crate::schedule::DESIRED_RETENTION_RANGE.contains(&self.desired_retention)
        {
            self.desired_retention = LearnerSettings::default().desired_retention;
        }
        if !self.time_extension.is_finite() {
            self.time_extension = 1.0;
        }
        self.time_extension = self.time_extension.clamp(1.0, 10.0);
        self
    }
}

impl Default for LearnerSettings {
    fn default() -> Self {
        LearnerSettings {
            desired_retention: crate::schedule::DEFAULT_DESIRED_RETENTION,
            time_extension: 1.0,
            time_limits_off: false,
            key_shortcuts: true,
            theme: Theme::System,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BankProgress {
    /// Finished quizzes, oldest first.
    #[serde(default)]
    pub history: Vec<FinishedQuiz>,
    /// Every answer, oldest first.
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
    /// Points earned, in thousandths of a point.
    pub points: u64,
    /// The most the quiz could earn, in thousandths of a point (absent in older saves: one
    /// point a question).
    #[serde(default)]
    pub max: Option<u64>,
    pub questions: u32,
    pub right: u32,
}

impl FinishedQuiz {
    pub fn points(&self) -> Points {
        Points::from_thousandths(self.points)
    }

    pub fn max(&self) -> Points {
        Points::from_thousandths(
            self.max
                .unwrap_or_else(|| u64::from(self.questions).saturating_mul(1000)),
        )
    }

    pub fn percent(&self) -> u32 {
        self.points().percent_of(self.max())
    }
}

static EMPTY_LOG: ReviewLog = ReviewLog::new();

impl ProgressData {
    pub fn bank(&self, key: &BankKey) -> Option<&BankProgress> {
        self.banks.get(key)
    }

    pub fn bank_mut(&mut self, key: &BankKey) -> &mut BankProgress {
        self.banks.entry(key.clone()).or_default()
    }

    /// A bank's review log (empty if the bank has none yet).
    pub fn log(&self, key: &BankKey) -> &ReviewLog {
        self.bank(key).map_or(&EMPTY_LOG, |b| &b.reviews)
    }

    /// Log an answer to a question.
    pub fn record_answer(&mut self, key: &BankKey, question_id: &str, credit: Credit, at: u64) {
        self.bank_mut(key)
            .reviews
            .push(Review::new(question_id, at, credit));
    }

    /// Put a finished quiz into the history. An exam's answers go into the log now (its
    /// answers could change until it was handed in); other quizzes logged each answer as it
    /// was given.
    pub fn archive(&mut self, key: &BankKey, session: &QuizSession, bank: &Bank) {
        if session.navigable() {
            for (item, answer) in session.items.iter().zip(&session.answers) {
                if let Some(a) = answer {
                    self.record_answer(key, &item.question, a.credit, a.at);
                }
            }
        }
        let result = QuizResult::of(session, bank);
        let entry = FinishedQuiz {
            seed: session.seed.clone(),
            settings: session.settings.clone(),
            started_at: session.started_at,
            finished_at: session.finished_at.unwrap_or(session.started_at),
            points: result.points.millionths() / 1000,
            max: Some(result.max.millionths() / 1000),
            questions: u32::try_from(result.questions).unwrap_or(u32::MAX),
            right: u32::try_from(result.tally.right).unwrap_or(u32::MAX),
        };
        let history = &mut self.bank_mut(key).history;
        if !history.contains(&entry) {
            history.push(entry);
        }
    }

    /// Keep a handed-in assignment's result (once).
    pub fn hand_in(&mut self, record: ResultRecord) {
        let list = self
            .assignments
            .entry(record.run.assignment.id.clone())
            .or_default();
        if !list.contains(&record) {
            list.push(record);
        }
    }

    /// Delete all progress (settings stay), as a new generation that other tabs respect.
    pub fn reset(&mut self) {
        self.generation = self.generation.saturating_add(1);
        self.banks.clear();
        self.assignments.clear();
    }
}
