//! A quiz in progress: the drawn items, the answers so far, where the learner is, the time on
//! each question. A plain state machine with time passed in:
//! - with feedback (practice, review, focus): `submit` then `advance`, question by question;
//! - an exam: move freely (`go_to`), answer and change answers, flag questions, then
//!   `hand_in`; a deadline ends it with the answers given.

use serde::{Deserialize, Serialize};

use super::credit::Credit;
use super::draw::{QuizItem, QuizMode, QuizSettings, draw, lay_out};
use super::response::Response;
use super::scoring::score;
use super::seed::Seed;
use crate::bank::{Bank, BlankShape, Question, Shape};

/// One given answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answered {
    pub response: Response,
    pub credit: Credit,
    /// Milliseconds since the Unix epoch.
    pub at: u64,
}

/// Where the learner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Item `n` is on screen, ready for an answer (in an exam, also to change one).
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
    /// The saved quiz does not fit the bank (it was edited since, or the data is damaged).
    DoesNotFit(String),
    /// The exam's time ran out before this answer; the earlier answers are scored.
    TimeUp,
    /// Only an exam lets the learner move between questions and flag them.
    NotNavigable,
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
                let id = crate::text::quoted(id, 60);
                write!(f, "the question bank no longer has question {id}")
            }
            SessionError::DoesNotFit(why) => write!(f, "{why}"),
            SessionError::NotNavigable => {
                write!(f, "only an exam lets you move between questions")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizSession {
    /// The quiz's own id: it names the quiz's storage slot, and tells two tabs' copies of the
    /// same quiz from different quizzes.
    #[serde(default)]
    pub id: String,
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
    /// When an exam's time runs out (ms since the epoch), any extension included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<u64>,
    /// Per item: flagged for review (exams only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<bool>,
    /// Per item: ms spent with it on screen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub time_ms: Vec<u64>,
    /// When the current item came on screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_at: Option<u64>,
    /// The exam ended because its time ran out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub timed_out: bool,
}

/// One item as the exam overview shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemStatus {
    pub answered: bool,
    pub flagged: bool,
    pub current: bool,
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

    /// A quiz of exactly these items (an assignment's draw, a review).
    pub fn with_items(
        bank: &Bank,
        settings: QuizSettings,
        seed: Seed,
        items: Vec<QuizItem>,
        now: u64,
    ) -> Result<Self, SessionError> {
        if items.is_empty() {
            return Err(SessionError::NoQuestions);
        }
        let n = items.len();
        Ok(QuizSession {
            id: String::new(),
            bank_id: bank.meta.id.clone(),
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
        })
    }

    /// Name the quiz (its storage slot).
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = id.into();
        self
    }

    /// Give the quiz a time limit of `limit_ms` from its start (an exam with its extension).
    pub fn with_deadline(mut self, limit_ms: u64) -> Self {
        self.deadline = Some(self.started_at.saturating_add(limit_ms));
        self
    }

    /// Milliseconds left before the deadline, if there is one (0 once it has passed).
    pub fn remaining(&self, now: u64) -> Option<u64> {
        self.deadline.map(|d| d.saturating_sub(now))
    }

    /// Whether the learner may move between questions, change answers and flag them.
    pub fn navigable(&self) -> bool {
        !self.settings.mode.gives_feedback()
    }

    /// When the time is up, end the quiz: the answers given so far are kept and scored, the
    /// rest count as unanswered. Returns whether it ended now.
    pub fn expire(&mut self, now: u64) -> bool {
        match self.deadline {
            Some(deadline) if now >= deadline && !self.is_finished() => {
                self.leave_current(deadline);
                self.current = self.items.len();
                self.finished_at = Some(deadline);
                self.timed_out = true;
                true
            }
            _ => false,
        }
    }

    pub fn phase(&self) -> Phase {
        if self.current >= self.items.len() || self.finished_at.is_some() {
            Phase::Finished
        } else if !self.navigable() && self.answers[self.current].is_some() {
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

    /// The answer given to the item on screen, if any.
    pub fn current_answer(&self) -> Option<&Answered> {
        self.answers.get(self.current)?.as_ref()
    }

    /// Answer the current question (in an exam, or change its answer). Returns the credit.
    pub fn submit(
        &mut self,
        bank: &Bank,
        response: Response,
        now: u64,
    ) -> Result<Credit, SessionError> {
        let index = self.answering(now)?;
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

    /// Answer the current question of an exam whose answer key this side does not have (a
    /// sealed exam): the response is checked against what the learner was shown
    /// (`shape_of` gives a question's shape by id) and kept unscored. Its credit stays zero,
    /// which means "not graded": only the teacher, who has the key, can grade it.
    pub fn submit_unscored(
        &mut self,
        shape_of: impl Fn(&str) -> Option<Shape>,
        response: Response,
        now: u64,
    ) -> Result<(), SessionError> {
        if !self.navigable() {
            return Err(SessionError::NotNavigable);
        }
        let index = self.answering(now)?;
        let id = &self.items[index].question;
        let shape = shape_of(id).ok_or_else(|| SessionError::MissingQuestion(id.clone()))?;
        if !response.fits_shape(&shape) {
            return Err(SessionError::ResponseDoesNotFit);
        }
        self.answers[index] = Some(Answered {
            response,
            credit: Credit::ZERO,
            at: now,
        });
        Ok(())
    }

    /// The item that may be answered now, ending the quiz first if its time is up.
    fn answering(&mut self, now: u64) -> Result<usize, SessionError> {
        if self.expire(now) {
            return Err(SessionError::TimeUp);
        }
        match self.phase() {
            Phase::Finished => Err(SessionError::Finished),
            Phase::Feedback(_) => Err(SessionError::AlreadyAnswered),
            Phase::Answering(i) => Ok(i),
        }
    }

    /// Move past the answered current question; after the last one the quiz is finished.
    /// In an exam this is "next", answered or not, and past the last it stays there.
    pub fn advance(&mut self, now: u64) -> Result<(), SessionError> {
        match self.phase() {
            Phase::Finished => Err(SessionError::Finished),
            Phase::Answering(i) if self.navigable() => self.go_to(i + 1, now).or(Ok(())),
            Phase::Answering(_) => Err(SessionError::NotAnswered),
            Phase::Feedback(_) => {
                self.leave_current(now);
                self.current += 1;
                if self.current == self.items.len() {
                    self.finished_at = Some(now);
                    self.shown_at = None;
                } else {
                    self.shown_at = Some(now);
                }
                Ok(())
            }
        }
    }

    /// In an exam: show item `index` (skip ahead, go back, or jump from the overview).
    pub fn go_to(&mut self, index: usize, now: u64) -> Result<(), SessionError> {
        if !self.navigable() {
            return Err(SessionError::NotNavigable);
        }
        if self.expire(now) {
            return Err(SessionError::TimeUp);
        }
        if self.is_finished() {
            return Err(SessionError::Finished);
        }
        if index >= self.items.len() {
            return Err(SessionError::NotAnswered);
        }
        self.leave_current(now);
        self.current = index;
        self.shown_at = Some(now);
        Ok(())
    }

    /// In an exam: flag or unflag the current item for review. Returns the new flag.
    pub fn toggle_flag(&mut self) -> Result<bool, SessionError> {
        if !self.navigable() {
            return Err(SessionError::NotNavigable);
        }
        let i = self.current;
        let flag = self.flags.get_mut(i).ok_or(SessionError::Finished)?;
        *flag = !*flag;
        Ok(*flag)
    }

    /// In an exam: hand in. Unanswered questions count as unanswered.
    pub fn hand_in(&mut self, now: u64) -> Result<(), SessionError> {
        if self.expire(now) {
            return Err(SessionError::TimeUp);
        }
        if self.is_finished() {
            return Err(SessionError::Finished);
        }
        self.leave_current(now);
        self.current = self.items.len();
        self.finished_at = Some(now);
        Ok(())
    }

    /// Each item's state, for the exam overview.
    pub fn overview(&self) -> Vec<ItemStatus> {
        (0..self.items.len())
            .map(|i| ItemStatus {
                answered: self.answers[i].is_some(),
                flagged: self.flags.get(i).copied().unwrap_or(false),
                current: i == self.current,
            })
            .collect()
    }

    /// Positions (0-based) of the items without an answer.
    pub fn unanswered(&self) -> Vec<usize> {
        (0..self.answers.len())
            .filter(|&i| self.answers[i].is_none())
            .collect()
    }

    /// Count the time since the current item came on screen towards it.
    fn leave_current(&mut self, now: u64) {
        if let (Some(shown), Some(slot)) =
            (self.shown_at.take(), self.time_ms.get_mut(self.current))
        {
            *slot = slot.saturating_add(now.saturating_sub(shown));
        }
    }

    /// Take in what another tab saved of this same quiz: answers it gave that this copy
    /// lacks, flags, time, and its end. With feedback, the first answer to an item stands
    /// (an item is never answered twice); in an exam, the latest answer stands.
    /// Returns whether anything changed. Quizzes with different ids are left alone.
    pub fn merge_from(&mut self, other: &QuizSession) -> bool {
        if self.id != other.id || self.items != other.items {
            return false;
        }
        let before = self.clone();
        let first_wins = !self.navigable();
        for (ours, theirs) in self.answers.iter_mut().zip(&other.answers) {
            match (ours.as_ref(), theirs) {
                (None, Some(t)) => *ours = Some(t.clone()),
                (Some(o), Some(t)) if (t.at < o.at) == first_wins && t.at != o.at => {
                    *ours = Some(t.clone())
                }
                _ => {}
            }
        }
        for (ours, theirs) in self.flags.iter_mut().zip(&other.flags) {
            *ours |= *theirs;
        }
        for (ours, theirs) in self.time_ms.iter_mut().zip(&other.time_ms) {
            *ours = (*ours).max(*theirs);
        }
        if let Some(end) = other.finished_at
            && self.finished_at.is_none_or(|ours| end < ours)
        {
            self.finished_at = Some(end);
            self.current = self.items.len();
            self.timed_out |= other.timed_out;
            self.shown_at = None;
        }
        // With feedback, a tab that moved on past answered items is ahead: follow it.
        if first_wins && !self.is_finished() && other.current > self.current {
            let answered = (self.current..other.current.min(self.items.len()))
                .all(|i| self.answers[i].is_some());
            if answered {
                self.current = other.current.min(self.items.len());
                if self.current == self.items.len() {
                    self.finished_at = other.finished_at.or(Some(self.started_at));
                }
            }
        }
        *self != before
    }

    /// Check a saved quiz against `bank` before resuming it: every index in range, every
    /// count consistent, every question still there with the same shape. Credits are scored
    /// again from the responses (a saved credit is never trusted), and per-item lists a
    /// schema-2 save lacked are filled in.
    pub fn restore(self, bank: &Bank) -> Result<QuizSession, SessionError> {
        self.restore_with(
            &bank.meta.id,
            |id| bank.question(id).map(|q| q.kind.shape()),
            |id, response| {
                bank.question(id)
                    .map_or(Credit::ZERO, |q| score(&q.kind, response))
            },
        )
    }

    /// [`QuizSession::restore`] for a quiz whose answer key this side does not have (a sealed
    /// exam): checked against what each question shows (`shape_of`, by id) under `bank_id`,
    /// and every credit zero, ungraded, as [`QuizSession::submit_unscored`] leaves them.
    pub fn restore_unscored(
        self,
        bank_id: &str,
        shape_of: impl Fn(&str) -> Option<Shape>,
    ) -> Result<QuizSession, SessionError> {
        if !self.navigable() {
            return Err(SessionError::DoesNotFit(
                "a quiz without its answer key can only be an exam".into(),
            ));
        }
        self.restore_with(bank_id, shape_of, |_, _| Credit::ZERO)
    }

    fn restore_with(
        mut self,
        bank_id: &str,
        shape_of: impl Fn(&str) -> Option<Shape>,
        credit_of: impl Fn(&str, &Response) -> Credit,
    ) -> Result<QuizSession, SessionError> {
        self.check_saved().map_err(|why| {
            SessionError::DoesNotFit(format!("the saved quiz is damaged ({why})"))
        })?;
        let n = self.items.len();
        if self.flags.is_empty() {
            self.flags = vec![false; n];
        }
        if self.time_ms.is_empty() {
            self.time_ms = vec![0; n];
        }
        if self.bank_id != bank_id {
            return Err(SessionError::DoesNotFit(format!(
                "it belongs to another question bank ({})",
                crate::text::quoted(&self.bank_id, 60)
            )));
        }
        for (item, answer) in self.items.iter().zip(self.answers.iter_mut()) {
            let shape = shape_of(&item.question)
                .ok_or_else(|| SessionError::MissingQuestion(item.question.clone()))?;
            if !layout_fits(item, &shape) {
                return Err(SessionError::DoesNotFit(format!(
                    "the question bank changed question {} since the quiz began",
                    crate::text::quoted(&item.question, 60)
                )));
            }
            if let Some(a) = answer {
                if !a.response.fits_shape(&shape) {
                    return Err(SessionError::DoesNotFit(format!(
                        "a saved answer no longer fits question {}",
                        crate::text::quoted(&item.question, 60)
                    )));
                }
                a.credit = credit_of(&item.question, &a.response);
            }
        }
        if self.current == n && self.finished_at.is_none() {
            self.finished_at = Some(
                self.answers
                    .iter()
                    .flatten()
                    .map(|a| a.at)
                    .max()
                    .unwrap_or(self.started_at),
            );
        }
        Ok(self)
    }

    /// The checks of a saved quiz that need no bank, so that even a quiz only listed (not
    /// resumed) is safe to ask where it is: one answer per item, one flag and one time per
    /// item (or none, as schema 2 saved them), the position in range, no question drawn
    /// twice (no draw repeats one), times in order. Says what is wrong.
    pub fn check_saved(&self) -> Result<(), String> {
        let n = self.items.len();
        if n == 0 {
            return Err("it has no questions".into());
        }
        if self.answers.len() != n {
            return Err("its answers do not match its questions".into());
        }
        let fits = |len: usize| len == 0 || len == n;
        if !fits(self.flags.len()) || !fits(self.time_ms.len()) {
            return Err("its flags or times do not match its questions".into());
        }
        if self.current > n {
            return Err("it is on a question past its last".into());
        }
        if self.deadline.is_some_and(|d| d < self.started_at)
            || self.finished_at.is_some_and(|f| f < self.started_at)
        {
            return Err("its times are out of order".into());
        }
        let mut ids: Vec<&str> = self.items.iter().map(|i| i.question.as_str()).collect();
        ids.sort_unstable();
        if let Some(twice) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(format!(
                "it has question {} twice",
                crate::text::quoted(twice[0], 60)
            ));
        }
        Ok(())
    }
}

/// Whether `order` holds each of `0..n` exactly once.
pub fn is_permutation(order: &[usize], n: usize) -> bool {
    let mut seen = vec![false; n];
    order.len() == n
        && order
            .iter()
            .all(|&i| i < n && !std::mem::replace(&mut seen[i], true))
}

/// Whether an item's layout (its shuffled list, its blanks' option orders) fits what the
/// question shows.
fn layout_fits(item: &QuizItem, shape: &Shape) -> bool {
    let blanks_fit = match shape {
        Shape::Cloze { blanks, .. } => {
            item.blank_orders.len() == blanks.len()
                && blanks
                    .iter()
                    .zip(&item.blank_orders)
                    .all(|(b, order)| match b {
                        BlankShape::Options(options) => is_permutation(order, options.len()),
                        BlankShape::Typed => order.is_empty(),
                    })
        }
        _ => item.blank_orders.is_empty(),
    };
    is_permutation(&item.order, shape.shuffled_list_len()) && blanks_fit
}
