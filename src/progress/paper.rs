//! What a learner's quiz is drawn, checked and scored against: a bank with its answer key, or
//! a sealed exam's public part, which can save answers but never score them. The `Learner`'s
//! quiz actions take either; only the bank feeds the history and the review log.

use super::bank_key::BankKey;
use super::model::ProgressData;
use crate::assignment::Run;
use crate::bank::Bank;
use crate::quiz::{Credit, QuizSession, Response, SessionError};
use crate::results::ResultRecord;
use crate::seal::SealedBank;

pub trait Paper {
    /// The id quizzes of this paper carry.
    fn bank_id(&self) -> &str;

    /// Draw a student's run of an assignment.
    fn start_run(&self, run: &Run, id: String, now: u64) -> Result<QuizSession, SessionError>;

    /// Check a saved copy of a quiz before it is resumed or merged (its answers scored again
    /// where this side can score them: a saved credit is never trusted).
    fn restore(&self, session: QuizSession) -> Result<QuizSession, SessionError>;

    /// Answer the quiz's current question: its credit, or `None` where this side has no key.
    fn submit(
        &self,
        session: &mut QuizSession,
        response: Response,
        now: u64,
    ) -> Result<Option<Credit>, SessionError>;

    /// Put a finished quiz into the history and the review log, if its score is known here.
    fn archive(&self, data: &mut ProgressData, key: &BankKey, session: &QuizSession);

    /// The result of a finished assignment run, to hand in.
    fn result(&self, run: &Run, session: &QuizSession) -> ResultRecord;
}

impl Paper for Bank {
    fn bank_id(&self) -> &str {
        &self.meta.id
    }

    fn start_run(&self, run: &Run, id: String, now: u64) -> Result<QuizSession, SessionError> {
        run.start(self, id, now)
    }

    fn restore(&self, session: QuizSession) -> Result<QuizSession, SessionError> {
        session.restore(self)
    }

    fn submit(
        &self,
        session: &mut QuizSession,
        response: Response,
        now: u64,
    ) -> Result<Option<Credit>, SessionError> {
        session.submit(self, response, now).map(Some)
    }

    fn archive(&self, data: &mut ProgressData, key: &BankKey, session: &QuizSession) {
        data.archive(key, session, self);
    }

    fn result(&self, run: &Run, session: &QuizSession) -> ResultRecord {
        super::learner::result_of(run, session, self)
    }
}

/// A sealed exam before its key is released: answers are saved unscored and handed in without
/// credits; nothing reaches the history or the review log, whose credits would be unknown.
impl Paper for SealedBank {
    fn bank_id(&self) -> &str {
        &self.meta().id
    }

    fn start_run(&self, run: &Run, id: String, now: u64) -> Result<QuizSession, SessionError> {
        crate::seal::start_run(self, run, id, now)
    }

    fn restore(&self, session: QuizSession) -> Result<QuizSession, SessionError> {
        session.restore_unscored(&self.meta().id, |id| self.shape_of(id))
    }

    fn submit(
        &self,
        session: &mut QuizSession,
        response: Response,
        now: u64,
    ) -> Result<Option<Credit>, SessionError> {
        session
            .submit_unscored(|id| self.shape_of(id), response, now)
            .map(|()| None)
    }

    fn archive(&self, _data: &mut ProgressData, _key: &BankKey, _session: &QuizSession) {}

    fn result(&self, run: &Run, session: &QuizSession) -> ResultRecord {
        crate::seal::result_of(self, run, session)
    }
}
