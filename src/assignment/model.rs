//! An assignment as the teacher sets it: what is drawn, how it runs (mode, time, attempts),
//! what students see after handing in, and the accommodations the teacher issues.

use serde::{Deserialize, Serialize};

use crate::quiz::Seed;

/// How an assignment runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Feedback after every answer.
    Practice,
    /// No feedback until the end; move between questions, flag them, hand in.
    Exam,
}

/// Whether every student gets the same questions in the same order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DrawOrder {
    /// The same draw for everyone (from the assignment's seed).
    Same,
    /// A draw of each student's own, reproducible from the seed and the student's name.
    PerStudent,
}

/// What a student sees after handing in (Moodle's review options are the model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Review {
    /// "Handed in", nothing more.
    Nothing,
    /// The score and the tally.
    Score,
    /// The score and every question with the right answer and explanation.
    Full,
}

/// Extra time the teacher issues to one student.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "tenths")]
pub enum TimeAllowance {
    /// The time limit times `tenths / 10` (15 is one and a half times).
    Extra(u16),
    /// No time limit at all.
    NoLimit,
}

impl TimeAllowance {
    /// The choices the teacher's page offers.
    pub const CHOICES: [TimeAllowance; 5] = [
        TimeAllowance::Extra(12),
        TimeAllowance::Extra(15),
        TimeAllowance::Extra(20),
        TimeAllowance::Extra(30),
        TimeAllowance::NoLimit,
    ];

    pub fn label(self) -> String {
        match self {
            TimeAllowance::NoLimit => "no time limit".to_string(),
            TimeAllowance::Extra(t) => format!(
                "{}× the time",
                crate::text::decimal(f64::from(t) / 10.0, 1, crate::text::Language::English)
            ),
        }
    }
}

/// An accommodation: the time allowance the teacher issued to one named student.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accommodation {
    pub student: String,
    pub time: TimeAllowance,
}

/// Where the bank an assignment draws from is, and which version it was set on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankRef {
    /// The manifest's path relative to the page (`questions/index.toml`), or the sealed
    /// bank's file for a sealed exam.
    pub path: String,
    pub id: String,
    pub version: String,
}

/// An assignment, as the teacher sets it and its link carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// Random, chosen when the teacher creates it: results are matched on it.
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub instructions: String,
    pub bank: BankRef,
    /// Topic ids to draw from; empty for every topic.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// How many questions (fewer if the topics hold fewer).
    pub count: u16,
    pub order: DrawOrder,
    pub seed: Seed,
    pub mode: Mode,
    /// The time limit in seconds, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit: Option<u32>,
    /// Attempts allowed on one device; 0 for unlimited.
    pub attempts: u8,
    pub review: Review,
    /// When students may start and until when (ms since the epoch), by each student's clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<u64>,
    /// Students must give their name to start.
    pub name_required: bool,
    /// Where the "hand in by e-mail" button writes to, if anywhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The share (percent) that passes, for an LMS's pass/fail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_mark: Option<u8>,
    /// The exam's answer key is sealed: the bank path names the sealed file.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sealed: bool,
}

impl Assignment {
    /// A new assignment with sensible defaults: the whole bank's topics, ten questions, the
    /// same draw for everyone, practice, one attempt, the full review, names required.
    pub fn new(id: String, title: String, bank: BankRef, seed: Seed) -> Assignment {
        Assignment {
            id,
            title,
            instructions: String::new(),
            bank,
            topics: Vec::new(),
            count: 10,
            order: DrawOrder::Same,
            seed,
            mode: Mode::Practice,
            time_limit: None,
            attempts: 1,
            review: Review::Full,
            opens_at: None,
            closes_at: None,
            name_required: true,
            email: None,
            pass_mark: None,
            sealed: false,
        }
    }

    /// The attempts allowed, in words.
    pub fn attempts_text(&self) -> String {
        match self.attempts {
            0 => "unlimited attempts".to_string(),
            1 => "one attempt".to_string(),
            n => format!("{n} attempts"),
        }
    }
}
