//! A quiz in progress: the drawn items, the answers so far and where the learner is.
//! A plain state machine: `submit` then `advance`, question by question, until finished.

use serde::{Deserialize, Serialize};

use super::draw::{QuizItem, QuizMode, QuizSettings, draw, lay_out};
use super::response::Response;
use super::scoring::{Credit, score};
use super::seed::Seed;
use crate::bank::{Bank, Question, QuestionKind};

/// One given answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answered {
    pub response: Response,
    pub credit: Credit,
    /// Milliseconds since the Unix epoch.
    pub at: u64,
}

/// How an answer went, from its credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Right,
    Partial,
    Wrong,
}

impl Outcome {
    pub fn of(credit: Credit) -> Outcome {
        if credit.is_full() {
            Outcome::Right
        } else if credit.is_zero() {
            Outcome::Wrong
        } else {
            Outcome::Partial
        }
    }
}

/// Where the learner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Item `n` awaits an answer.
    Answering(usize),
    /// Item `n` was answered and its feedback is showing.
    Feedback(usize),
    Finished,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    /// The chosen topics hold no questions.
    NoQuestions,
    /// The quiz is over; nothing more can be answered.
    Finished,
    /// The current question already has its answer.
    AlreadyAnswered,
    /// The current question must be answered before moving on.
    NotAnswered,
    /// The response does not have the shape this question expects.
    ResponseDoesNotFit,
    /// The bank no longer has a question this quiz drew (it was edited since).
    MissingQuestion(String),
    /// The exam's time ran out before this answer; the earlier answers are scored.
    TimeUp,
}

impl std::fmt::Display for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionError::NoQuestions => write!(f, "the chosen topics have no questions"),
            SessionError::Finished => write!(f, "the quiz is already finished"),
            SessionError::AlreadyAnswered => write!(f, "this question is already answered"),
            SessionError::NotAnswered => write!(f, "answer this question first"),
            SessionError::ResponseDoesNotFit => write!(f, "that answer does not fit this question"),
            SessionError::TimeUp => write!(f, "the time is up; your earlier answers are scored"),
            SessionError::MissingQuestion(id) => {
                write!(f, "the question bank no longer has question \"{id}\"")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizSession {
    pub bank_id: String,
    pub seed: Seed,
    pub settings: QuizSettings,
    pub items: Vec<QuizItem>,
    pub answers: Vec<Option<Answered>>,
    /// The item on screen; equals `items.len()` once finished.
    pub current: usize,
    pub started_at: u64,
    #[serde(default)]
    pub finished_at: Option<u64>,
    /// When an exam's time runs out (ms since the epoch), the learner's extension included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<u64>,
}

/// Score for one topic of a finished (or partly finished) quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicScore {
    pub topic: String,
    pub questions: usize,
    /// Sum of credits, in thousandths.
    pub points: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizResult {
    /// Sum of credits, in thousandths.
    pub points: u32,
    pub questions: usize,
    pub right: usize,
    pub partial: usize,
    pub wrong: usize,
    pub unanswered: usize,
    /// In the bank's topic order, only topics the quiz drew from.
    pub topics: Vec<TopicScore>,
}

impl QuizResult {
    /// The score as a whole percentage, rounded down so 99.9 % never shows as 100 %.
    pub fn percent(&self) -> u32 {
        if self.questions == 0 {
            0
        } else {
            self.points / (self.questions as u32 * 10)
        }
    }
}

impl QuizSession {
    /// Draw a new quiz from `bank`.
    pub fn start(
        bank: &Bank,
        settings: QuizSettings,
        seed: Seed,
        now: u64,
    ) -> Result<Self, SessionError> {
        let items = draw(bank, &settings, &seed);
        Self::with_items(bank, settings, seed, items, now)
    }

    /// A review of the given questions, in the given order (most overdue first).
    pub fn start_review(
        bank: &Bank,
        due: &[String],
        seed: Seed,
        now: u64,
    ) -> Result<Self, SessionError> {
        let items = lay_out(bank, due, &seed);
        let settings = QuizSettings {
            mode: QuizMode::Review,
            ..QuizSettings::all_topics(items.len())
        };
        Self::with_items(bank, settings, seed, items, now)
    }

    fn with_items(
        bank: &Bank,
        settings: QuizSettings,
        seed: Seed,
        items: Vec<QuizItem>,
        now: u64,
    ) -> Result<Self, SessionError> {
        if items.is_empty() {
            return Err(SessionError::NoQuestions);
        }
        Ok(QuizSession {
            bank_id: bank.meta.id.clone(),
            seed,
            settings,
            answers: vec![None; items.len()],
            items,
            current: 0,
            started_at: now,
            finished_at: None,
            deadline: None,
        })
    }

    /// Give the quiz a time limit of `limit_ms` from its start (an exam with its extension).
    pub fn with_deadline(mut self, limit_ms: u64) -> Self {
        self.deadline = Some(self.started_at + limit_ms);
        self
    }

    /// Milliseconds left before the deadline, if there is one (0 once it has passed).
    pub fn remaining(&self, now: u64) -> Option<u64> {
        self.deadline.map(|d| d.saturating_sub(now))
    }

    /// When the time is up, end the quiz: the answers given so far are kept and scored, the
    /// rest count as unanswered. Returns whether it ended now.
    pub fn expire(&mut self, now: u64) -> bool {
        match self.deadline {
            Some(deadline) if now >= deadline && !self.is_finished() => {
                self.current = self.items.len();
                self.finished_at = Some(deadline);
                true
            }
            _ => false,
        }
    }

    pub fn phase(&self) -> Phase {
        if self.current >= self.items.len() {
            Phase::Finished
        } else if self.answers[self.current].is_some() {
            Phase::Feedback(self.current)
        } else {
            Phase::Answering(self.current)
        }
    }

    pub fn is_finished(&self) -> bool {
        self.phase() == Phase::Finished
    }

    /// The item on screen and its question.
    pub fn current<'b>(&self, bank: &'b Bank) -> Option<(&QuizItem, &'b Question)> {
        let item = self.items.get(self.current)?;
        Some((item, bank.question(&item.question)?))
    }

    /// Answer the current question. Returns the credit earned.
    pub fn submit(
        &mut self,
        bank: &Bank,
        response: Response,
        now: u64,
    ) -> Result<Credit, SessionError> {
        if self.expire(now) {
            return Err(SessionError::TimeUp);
        }
        let index = match self.phase() {
            Phase::Finished => return Err(SessionError::Finished),
            Phase::Feedback(_) => return Err(SessionError::AlreadyAnswered),
            Phase::Answering(i) => i,
        };
        let id = &self.items[index].question;
        let question = bank
            .question(id)
            .ok_or_else(|| SessionError::MissingQuestion(id.clone()))?;
        if !response.fits(&question.kind) {
            return Err(SessionError::ResponseDoesNotFit);
        }
        let credit = score(&question.kind, &response);
        self.answers[index] = Some(Answered {
            response,
            credit,
            at: now,
        });
        Ok(credit)
    }

    /// Move past the answered current question; after the last one the quiz is finished.
    pub fn advance(&mut self, now: u64) -> Result<(), SessionError> {
        match self.phase() {
            Phase::Finished => Err(SessionError::Finished),
            Phase::Answering(_) => Err(SessionError::NotAnswered),
            Phase::Feedback(_) => {
                self.current += 1;
                if self.current == self.items.len() {
                    self.finished_at = Some(now);
                }
                Ok(())
            }
        }
    }

    /// Whether this saved quiz still fits `bank` (same bank, every question there with the same
    /// shape), so it can be resumed after a reload.
    pub fn check_against(&self, bank: &Bank) -> Result<(), SessionError> {
        for item in &self.items {
            let question = bank
                .question(&item.question)
                .ok_or_else(|| SessionError::MissingQuestion(item.question.clone()))?;
            let (order, blank_orders) = layout_lengths(&question.kind);
            if item.order.len() != order || item.blank_orders.iter().map(Vec::len).ne(blank_orders)
            {
                return Err(SessionError::MissingQuestion(item.question.clone()));
            }
        }
        let answers_fit = self.answers.len() == self.items.len()
            && self.items.iter().zip(&self.answers).all(|(item, answer)| {
                answer.as_ref().is_none_or(|a| {
                    bank.question(&item.question)
                        .is_some_and(|q| a.response.fits(&q.kind))
                })
            });
        if self.bank_id != bank.meta.id || !answers_fit || self.current > self.items.len() {
            return Err(SessionError::ResponseDoesNotFit);
        }
        Ok(())
    }

    /// The score so far (the final score once finished).
    pub fn result(&self, bank: &Bank) -> QuizResult {
        let mut result = QuizResult {
            points: 0,
            questions: self.items.len(),
            right: 0,
            partial: 0,
            wrong: 0,
            unanswered: 0,
            topics: Vec::new(),
        };
        let mut per_topic: Vec<TopicScore> = bank
            .topics
            .iter()
            .map(|t| TopicScore {
                topic: t.id.clone(),
                questions: 0,
                points: 0,
            })
            .collect();
        for (item, answer) in self.items.iter().zip(&self.answers) {
            let credit = answer.as_ref().map(|a| a.credit);
            let points = u32::from(credit.unwrap_or_default().thousandths());
            result.points += points;
            match credit.map(Outcome::of) {
                None => result.unanswered += 1,
                Some(Outcome::Right) => result.right += 1,
                Some(Outcome::Partial) => result.partial += 1,
                Some(Outcome::Wrong) => result.wrong += 1,
            }
            let topic = bank.question(&item.question).map(|q| q.topic.as_str());
            if let Some(slot) = per_topic
                .iter_mut()
                .find(|t| Some(t.topic.as_str()) == topic)
            {
                slot.questions += 1;
                slot.points += points;
            }
        }
        result.topics = per_topic.into_iter().filter(|t| t.questions > 0).collect();
        result
    }
}

/// How long a question's shuffled list is, and each cloze blank's option list.
fn layout_lengths(kind: &QuestionKind) -> (usize, Vec<usize>) {
    use crate::bank::Blank;
    match kind {
        QuestionKind::SingleChoice { choices, .. }
        | QuestionKind::MultipleSelect { choices, .. } => (choices.len(), Vec::new()),
        QuestionKind::Ordering { items } => (items.len(), Vec::new()),
        QuestionKind::Matching { rights, .. } => (rights.len(), Vec::new()),
        QuestionKind::Cloze { blanks, .. } => (
            0,
            blanks
                .iter()
                .map(|b| match b {
                    Blank::Choice { options, .. } => options.len(),
                    Blank::Typed(_) => 0,
                })
                .collect(),
        ),
        _ => (0, Vec::new()),
    }
}
