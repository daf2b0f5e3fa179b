//! Starting a quiz from what the learner chose on the start screen: which topics ("every
//! topic" is no filter), how many questions ("all"), Focus's weakest topics, and the time limit
//! once the learner's own settings apply.

use super::focus::{FOCUS_TOPICS, weakest_topics};
use super::model::LearnerSettings;
use super::review_log::ReviewLog;
use crate::bank::Bank;
use crate::quiz::{QuizMode, QuizSession, QuizSettings, Seed, SessionError};

/// How many questions the learner asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    All,
    Exactly(usize),
}

impl Count {
    /// The choices the start screen offers.
    pub const CHOICES: [Count; 4] = [
        Count::Exactly(5),
        Count::Exactly(10),
        Count::Exactly(20),
        Count::All,
    ];

    pub fn label(self) -> String {
        match self {
            Count::All => "All".to_string(),
            Count::Exactly(n) => n.to_string(),
        }
    }

    fn limit(self) -> usize {
        match self {
            Count::All => usize::MAX,
            Count::Exactly(n) => n,
        }
    }

    /// How many questions a quiz will have when `available` are there to draw from.
    pub fn of(self, available: usize) -> usize {
        self.limit().min(available)
    }
}

/// The time limits a learner may set on an exam of their own, in seconds (`None`: no limit).
pub const TIME_LIMITS: [(Option<u32>, &str); 5] = [
    (None, "No limit"),
    (Some(300), "5 minutes"),
    (Some(600), "10 minutes"),
    (Some(1200), "20 minutes"),
    (Some(1800), "30 minutes"),
];

/// What the learner chose on the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizRequest {
    pub mode: QuizMode,
    /// The topics ticked, in any order.
    pub topics: Vec<String>,
    pub count: Count,
    /// A self-set exam's time limit, before the learner's extension.
    pub time_limit: Option<u32>,
}

/// How many questions the ticked topics hold.
pub fn available(bank: &Bank, topics: &[String]) -> usize {
    bank.questions
        .iter()
        .filter(|q| topics.contains(&q.topic))
        .count()
}

/// The quiz settings for a request: every topic ticked means no filter, Focus draws from the
/// weakest topics by the log, and only an exam keeps its time limit.
pub fn settings_for(request: &QuizRequest, bank: &Bank, log: &ReviewLog) -> QuizSettings {
    let every = bank.topics.iter().all(|t| request.topics.contains(&t.id));
    let topics = match request.mode {
        QuizMode::Focus => weakest_topics(bank, log, FOCUS_TOPICS),
        _ if every => Vec::new(),
        _ => bank
            .topics
            .iter()
            .filter(|t| request.topics.contains(&t.id))
            .map(|t| t.id.clone())
            .collect(),
    };
    let mut settings = QuizSettings::topics(topics, request.count.limit());
    settings.mode = request.mode;
    if request.mode == QuizMode::Exam {
        settings.time_limit = request.time_limit;
    }
    settings
}

/// Draw the quiz a request asks for, with the learner's time extension applied to an exam.
pub fn start_quiz(
    bank: &Bank,
    request: &QuizRequest,
    learner: &LearnerSettings,
    log: &ReviewLog,
    seed: Seed,
    now: u64,
) -> Result<QuizSession, SessionError> {
    let settings = settings_for(request, bank, log);
    let limit = learner.effective_limit(settings.time_limit);
    let session = QuizSession::start(bank, settings, seed, now)?;
    Ok(match limit {
        Some(ms) => session.with_deadline(ms),
        None => session,
    })
}
