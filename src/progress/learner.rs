//! The learner's side of the app as one plain value: their progress, the quiz on screen, and
//! every action the screens forward (start, answer, next, exam navigation, hand in, import,
//! reset, another tab's save), each deciding what happens and saving it.
//!
//! Generic over the storage (localStorage in the browser, the in-memory twin in tests), with
//! time passed in: every decision here is reachable from a native test.

use super::bank_key::BankKey;
use super::exchange::{ImportError, export, import};
use super::merge::{MergeSummary, TabMerge};
use super::model::{LearnerSettings, ProgressData};
use super::paper::Paper;
use super::plan::{QuizRequest, start_quiz};
use super::profiles::ProfileId;
use super::schema::decode;
use super::stats::DashboardStats;
use super::store::{Notice, ProgressStore, SaveError, decode_slot};
use super::summary::StartSummary;
use crate::assignment::Run;
use crate::bank::Bank;
use crate::calendar::LocalTime;
use crate::quiz::{Credit, Phase, QuizMode, QuizSession, Response, Seed, SessionError};
use crate::results::{BankStamp, ResultRecord};
use crate::storage::KeyValueStore;

/// The key, in the tab's own storage (sessionStorage), of the quiz this tab shows: a reload
/// resumes it, while other tabs keep their own quizzes.
pub const TAB_QUIZ_KEY: &str = "accord/tab-quiz";

/// Something the learner should be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LearnerNotice {
    Storage(Notice),
    /// A saved quiz could not be resumed.
    QuizDropped(String),
    /// An exam's time ran out while the learner was away; it was scored.
    QuizExpired,
    /// The question was answered in another tab meanwhile: that answer stands.
    AnsweredElsewhere,
    /// The progress was deleted in another tab.
    ResetElsewhere,
    /// The quiz on screen was finished or left in another tab.
    QuizGoneElsewhere,
}

impl std::fmt::Display for LearnerNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LearnerNotice::Storage(notice) => write!(f, "{notice}"),
            LearnerNotice::QuizDropped(why) => write!(
                f,
                "A quiz in progress could not be resumed because {why}. The answers you gave still count in your progress."
            ),
            LearnerNotice::QuizExpired => write!(
                f,
                "The time for your exam ran out while you were away; the answers you gave have been scored and are in your history."
            ),
            LearnerNotice::AnsweredElsewhere => write!(
                f,
                "This question was answered in another tab; that answer stands."
            ),
            LearnerNotice::ResetElsewhere => {
                write!(f, "Your progress was deleted in another tab.")
            }
            LearnerNotice::QuizGoneElsewhere => {
                write!(f, "This quiz was finished or left in another tab.")
            }
        }
    }
}

/// What an answer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Scored, with feedback to show.
    Feedback(Credit),
    /// Saved without feedback (an exam); the learner moves on.
    Saved,
    /// The time ran out before it; the quiz is finished and scored without it.
    TimeUp,
}

/// A quiz in progress that this tab does not show, for the start screen's "resume" list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfinished {
    pub id: String,
    pub mode: QuizMode,
    pub started_at: u64,
    pub answered: usize,
    pub questions: usize,
}

pub struct Learner<S: KeyValueStore, T: KeyValueStore> {
    store: ProgressStore<S>,
    tab: T,
    data: ProgressData,
    key: BankKey,
    quiz: Option<QuizSession>,
    /// The assignment the quiz on screen is a run of, if it is one.
    run: Option<Run>,
    finished: Option<QuizSession>,
    /// The result of the assignment just handed in.
    handed_in: Option<ResultRecord>,
    notices: Vec<LearnerNotice>,
    save_error: Option<SaveError>,
}

impl<S: KeyValueStore, T: KeyValueStore> Learner<S, T> {
    /// Open a learner's progress for `bank` (kept under `key`): quizzes of this bank that
    /// ended while away are scored and archived, ones that no longer fit the bank are dropped
    /// with a notice, and the quiz this tab showed before a reload comes back on screen.
    pub fn open<P: Paper + ?Sized>(
        storage: S,
        tab: T,
        profile: ProfileId,
        bank: &P,
        key: BankKey,
        now: u64,
    ) -> Self {
        let (store, data, notices) = ProgressStore::open(storage, profile, now);
        let mut learner = Learner {
            store,
            tab,
            data,
            key,
            quiz: None,
            run: None,
            finished: None,
            handed_in: None,
            notices: notices.into_iter().map(LearnerNotice::Storage).collect(),
            save_error: None,
        };
        let (slots, notices) = learner.store.quizzes(now);
        learner
            .notices
            .extend(notices.into_iter().map(LearnerNotice::Storage));
        let mut changed = false;
        let tab_quiz = learner.tab.get(TAB_QUIZ_KEY).ok().flatten();
        for slot in slots.into_iter().filter(|s| s.bank == learner.key) {
            let id = slot.session.id.clone();
            match bank.restore(slot.session) {
                Err(why) => {
                    learner
                        .notices
                        .push(LearnerNotice::QuizDropped(why.to_string()));
                    let _ = learner.store.remove_quiz(&id);
                }
                Ok(mut session) => {
                    if session.expire(now) {
                        learner.notices.push(LearnerNotice::QuizExpired);
                    }
                    if session.is_finished() {
                        bank.archive(&mut learner.data, &learner.key, &session);
                        if let Some(run) = &slot.run {
                            let record = bank.result(run, &session);
                            learner.data.hand_in(record);
                        }
                        let _ = learner.store.remove_quiz(&id);
                        changed = true;
                    } else if tab_quiz.as_deref() == Some(id.as_str()) {
                        learner.quiz = Some(session);
                        learner.run = slot.run;
                    }
                }
            }
        }
        if changed {
            learner.save(now);
        }
        learner
    }

    pub fn data(&self) -> &ProgressData {
        &self.data
    }

    pub fn key(&self) -> &BankKey {
        &self.key
    }

    pub fn settings(&self) -> &LearnerSettings {
        &self.data.settings
    }

    /// The quiz on screen, if any.
    pub fn quiz(&self) -> Option<&QuizSession> {
        self.quiz.as_ref()
    }

    /// The quiz the results screen shows.
    pub fn finished(&self) -> Option<&QuizSession> {
        self.finished.as_ref()
    }

    /// Notices not yet shown; taking them clears them.
    pub fn take_notices(&mut self) -> Vec<LearnerNotice> {
        std::mem::take(&mut self.notices)
    }

    /// The latest save failure, cleared by the next successful save.
    pub fn save_error(&self) -> Option<&SaveError> {
        self.save_error.as_ref()
    }

    pub fn store(&self) -> &ProgressStore<S> {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut ProgressStore<S> {
        &mut self.store
    }

    /// Save the progress (after taking in another tab's), remembering any failure.
    fn save(&mut self, now: u64) {
        match self.store.save_merging(&mut self.data, now) {
            Ok(notices) => {
                self.save_error = None;
                self.notices
                    .extend(notices.into_iter().map(LearnerNotice::Storage));
            }
            Err(e) => self.save_error = Some(e),
        }
    }

    fn save_quiz<P: Paper + ?Sized>(&mut self, bank: &P) -> bool {
        let Some(quiz) = self.quiz.as_mut() else {
            return false;
        };
        match self
            .store
            .save_quiz(bank, &self.key, self.run.as_ref(), quiz)
        {
            Ok(changed) => {
                self.save_error = None;
                changed
            }
            Err(e) => {
                self.save_error = Some(e);
                false
            }
        }
    }

    /// Quizzes of this bank in progress that this tab does not show, newest first.
    pub fn unfinished(&mut self, now: u64) -> Vec<Unfinished> {
        let on_screen = self.quiz.as_ref().map(|q| q.id.clone());
        let (slots, notices) = self.store.quizzes(now);
        self.notices
            .extend(notices.into_iter().map(LearnerNotice::Storage));
        let mut list: Vec<Unfinished> = slots
            .into_iter()
            .filter(|s| s.bank == self.key && Some(&s.session.id) != on_screen.as_ref())
            .filter(|s| !s.session.is_finished())
            .map(|s| Unfinished {
                id: s.session.id.clone(),
                mode: s.session.settings.mode,
                started_at: s.session.started_at,
                answered: s.session.answers.iter().flatten().count(),
                questions: s.session.items.len(),
            })
            .collect();
        list.sort_by_key(|u| std::cmp::Reverse(u.started_at));
        list
    }

    fn begin<P: Paper + ?Sized>(
        &mut self,
        bank: &P,
        session: QuizSession,
        run: Option<Run>,
        now: u64,
    ) {
        let _ = self.tab.set(TAB_QUIZ_KEY, &session.id);
        self.quiz = Some(session);
        self.run = run;
        self.finished = None;
        self.handed_in = None;
        self.save_quiz(bank);
        self.save(now);
    }

    /// Start the quiz the start screen asked for. `id` names the new quiz (random).
    pub fn start(
        &mut self,
        bank: &Bank,
        request: &QuizRequest,
        seed: Seed,
        id: String,
        now: u64,
    ) -> Result<(), SessionError> {
        let session = start_quiz(
            bank,
            request,
            &self.data.settings,
            self.data.log(&self.key),
            seed,
            now,
        )?
        .with_id(id);
        self.begin(bank, session, None, now);
        Ok(())
    }

    /// Start again the quiz the results screen shows: the same settings and seed.
    pub fn again(&mut self, bank: &Bank, id: String, now: u64) -> Result<(), SessionError> {
        let Some(done) = self.finished.clone() else {
            return Err(SessionError::NoQuestions);
        };
        let mut session = QuizSession::start(bank, done.settings.clone(), done.seed.clone(), now)?;
        if let Some(deadline) = done.deadline {
            session = session.with_deadline(deadline.saturating_sub(done.started_at));
        }
        self.begin(bank, session.with_id(id), None, now);
        Ok(())
    }

    /// The questions due for review by the end of the learner's day, most overdue first.
    pub fn due_today(&self, bank: &Bank, time: LocalTime) -> Vec<String> {
        let scheduler = self.data.settings.scheduler();
        let cards = super::due::cards(self.data.log(&self.key), &scheduler);
        super::due::due_questions(&cards, |q| bank.question(q).is_some(), time.end_of_day())
    }

    /// Start a review of everything due today.
    pub fn start_review(
        &mut self,
        bank: &Bank,
        time: LocalTime,
        seed: Seed,
        id: String,
    ) -> Result<(), SessionError> {
        let due = self.due_today(bank, time);
        let session = QuizSession::start_review(bank, &due, seed, time.now)?.with_id(id);
        self.begin(bank, session, None, time.now);
        Ok(())
    }

    /// Show a quiz in progress from the "resume" list.
    pub fn resume<P: Paper + ?Sized>(
        &mut self,
        bank: &P,
        id: &str,
        now: u64,
    ) -> Result<(), SessionError> {
        let stored = self
            .store
            .load_quiz(id)
            .ok_or_else(|| SessionError::DoesNotFit("it is no longer saved".into()))?;
        self.run = stored.run;
        let mut session = bank.restore(stored.quiz)?;
        session.shown_at = Some(now);
        if session.expire(now) {
            self.quiz = Some(session);
            self.finish(bank, now);
            self.notices.push(LearnerNotice::QuizExpired);
            return Ok(());
        }
        let _ = self.tab.set(TAB_QUIZ_KEY, id);
        self.quiz = Some(session);
        Ok(())
    }

    /// Answer the question on screen.
    pub fn answer<P: Paper + ?Sized>(
        &mut self,
        bank: &P,
        response: Response,
        now: u64,
    ) -> Result<Answer, SessionError> {
        // Another tab may have answered this very question: its answer stands.
        if let Some(quiz) = self.quiz.as_mut()
            && let Some(stored) = self.store.load_quiz(&quiz.id)
            && let Ok(theirs) = bank.restore(stored.quiz)
        {
            let before = quiz.phase();
            quiz.merge_from(&theirs);
            if quiz.phase() != before {
                self.notices.push(LearnerNotice::AnsweredElsewhere);
                return Err(SessionError::AlreadyAnswered);
            }
        }
        let quiz = self.quiz.as_mut().ok_or(SessionError::Finished)?;
        let index = quiz.current;
        match bank.submit(quiz, response, now) {
            Ok(credit) => {
                // Feedback needs the score: a quiz this side cannot score is always an exam.
                match credit.filter(|_| !quiz.navigable()) {
                    Some(credit) => {
                        let question = quiz.items[index].question.clone();
                        self.data.record_answer(&self.key, &question, credit, now);
                        self.save_quiz(bank);
                        self.save(now);
                        Ok(Answer::Feedback(credit))
                    }
                    None => {
                        // An exam moves straight on.
                        let _ = quiz.advance(now);
                        self.save_quiz(bank);
                        Ok(Answer::Saved)
                    }
                }
            }
            Err(SessionError::TimeUp) => {
                self.finish(bank, now);
                Ok(Answer::TimeUp)
            }
            Err(e) => Err(e),
        }
    }

    /// Move on after the feedback (in an exam: to the next question). Returns whether the
    /// quiz is now finished (the results screen shows it).
    pub fn next<P: Paper + ?Sized>(&mut self, bank: &P, now: u64) -> bool {
        let Some(quiz) = self.quiz.as_mut() else {
            return false;
        };
        if quiz.advance(now).is_err() && !quiz.is_finished() {
            return false;
        }
        if quiz.is_finished() {
            self.finish(bank, now);
            return true;
        }
        self.save_quiz(bank);
        false
    }

    /// In an exam: show another question.
    pub fn go_to<P: Paper + ?Sized>(
        &mut self,
        bank: &P,
        index: usize,
        now: u64,
    ) -> Result<(), SessionError> {
        let quiz = self.quiz.as_mut().ok_or(SessionError::Finished)?;
        match quiz.go_to(index, now) {
            Err(SessionError::TimeUp) => {
                self.finish(bank, now);
                Err(SessionError::TimeUp)
            }
            other => {
                self.save_quiz(bank);
                other
            }
        }
    }

    /// In an exam: flag or unflag the question on screen.
    pub fn toggle_flag<P: Paper + ?Sized>(&mut self, bank: &P) -> Result<bool, SessionError> {
        let flag = self
            .quiz
            .as_mut()
            .ok_or(SessionError::Finished)?
            .toggle_flag()?;
        self.save_quiz(bank);
        Ok(flag)
    }

    /// In an exam: hand in.
    pub fn hand_in<P: Paper + ?Sized>(&mut self, bank: &P, now: u64) -> Result<(), SessionError> {
        let quiz = self.quiz.as_mut().ok_or(SessionError::Finished)?;
        let result = quiz.hand_in(now);
        if matches!(result, Ok(()) | Err(SessionError::TimeUp)) {
            self.finish(bank, now);
        }
        result
    }

    /// The exam's time ran out: score what was answered. Returns whether it ended now.
    pub fn time_up<P: Paper + ?Sized>(&mut self, bank: &P, now: u64) -> bool {
        let ended = self.quiz.as_mut().is_some_and(|q| q.expire(now));
        if ended {
            self.finish(bank, now);
        }
        ended
    }

    /// The quiz is over: into the history (and the log), out of its slot, onto the results.
    fn finish<P: Paper + ?Sized>(&mut self, bank: &P, now: u64) {
        let Some(quiz) = self.quiz.take() else {
            return;
        };
        bank.archive(&mut self.data, &self.key, &quiz);
        if let Some(run) = self.run.take() {
            let record = bank.result(&run, &quiz);
            self.data.hand_in(record.clone());
            self.handed_in = Some(record);
        }
        let _ = self.store.remove_quiz(&quiz.id);
        let _ = self.tab.remove(TAB_QUIZ_KEY);
        self.finished = Some(quiz);
        self.save(now);
    }

    /// Put a quiz scored after the fact into the history and the review log, and save: a
    /// sealed exam's handed-in attempt, reviewed once its key is released. The same quiz
    /// archived twice counts once.
    pub fn archive(&mut self, bank: &Bank, session: &QuizSession, now: u64) {
        self.data.archive(&self.key, session, bank);
        self.save(now);
    }

    /// Leave the quiz on screen. The answers given still count in the progress (an exam's are
    /// logged now, as they would have been at hand-in).
    pub fn quit(&mut self, now: u64) {
        if self.run.is_some() {
            // An assignment's attempt is never thrown away: it is kept to resume.
            self.close();
            return;
        }
        let Some(quiz) = self.quiz.take() else {
            return;
        };
        if quiz.navigable() {
            for (item, answer) in quiz.items.iter().zip(&quiz.answers) {
                if let Some(a) = answer {
                    self.data
                        .record_answer(&self.key, &item.question, a.credit, a.at);
                }
            }
        }
        let _ = self.store.remove_quiz(&quiz.id);
        let _ = self.tab.remove(TAB_QUIZ_KEY);
        self.save(now);
    }

    /// Put the quiz on screen away, keeping it in its slot to resume.
    pub fn close(&mut self) {
        self.quiz = None;
        self.run = None;
        let _ = self.tab.remove(TAB_QUIZ_KEY);
    }

    /// Start a student's run of an assignment: its conditions, not the learner's settings.
    pub fn start_assignment<P: Paper + ?Sized>(
        &mut self,
        bank: &P,
        mut run: Run,
        id: String,
        now: u64,
    ) -> Result<(), SessionError> {
        run.attempt = self.attempts_used(&run.assignment.id) + 1;
        let session = bank.start_run(&run, id, now)?;
        self.begin(bank, session, Some(run), now);
        Ok(())
    }

    /// Put on screen a run of an assignment that was kept elsewhere (an LMS's suspend data),
    /// merged with this device's copy of the same quiz if it has one. A run that has ended
    /// (handed in, or its time up) is finished at once: scored, handed in (once) and shown.
    pub fn take_over(&mut self, bank: &Bank, mut session: QuizSession, mut run: Run, now: u64) {
        if let Some(stored) = self.store.load_quiz(&session.id)
            && let Ok(mine) = stored.quiz.restore(bank)
        {
            session.merge_from(&mine);
        }
        // As `resume` does: the time on screen counts from now, not from the other session.
        if !session.is_finished() {
            session.shown_at = Some(now);
        }
        session.expire(now);
        // Handed in here already: the same attempt, so its result is kept once.
        if let Some(kept) = self
            .results_of(&run.assignment.id)
            .iter()
            .find(|r| r.started_at == session.started_at)
        {
            run.attempt = kept.run.attempt;
        }
        self.begin(bank, session, Some(run), now);
        if self.quiz.as_ref().is_some_and(QuizSession::is_finished) {
            self.finish(bank, now);
        }
    }

    /// The attempts this learner handed in of an assignment on this device.
    pub fn attempts_used(&self, assignment: &str) -> u32 {
        self.data
            .assignments
            .get(assignment)
            .map_or(0, |r| u32::try_from(r.len()).unwrap_or(u32::MAX))
    }

    /// This learner's attempt of an assignment still in progress, if any (its quiz id).
    pub fn run_in_progress(&mut self, assignment: &str, now: u64) -> Option<String> {
        let (slots, _) = self.store.quizzes(now);
        slots
            .into_iter()
            .find(|s| {
                s.run
                    .as_ref()
                    .is_some_and(|r| r.assignment.id == assignment)
            })
            .map(|s| s.session.id)
    }

    /// The assignment run the quiz on screen belongs to.
    pub fn run(&self) -> Option<&Run> {
        self.run.as_ref()
    }

    /// The result of the assignment just handed in.
    pub fn handed_in(&self) -> Option<&ResultRecord> {
        self.handed_in.as_ref()
    }

    /// Every result this learner handed in of an assignment, oldest first.
    pub fn results_of(&self, assignment: &str) -> &[ResultRecord] {
        self.data
            .assignments
            .get(assignment)
            .map_or(&[], Vec::as_slice)
    }

    /// Another tab wrote `key` (`value` is the new text, `None` when removed). Returns
    /// whether anything on screen may have changed. Another tab's copy of the quiz on screen
    /// is taken in only if it fits `bank` (its answers are scored again, never trusted).
    pub fn take_in<P: Paper + ?Sized>(
        &mut self,
        bank: &P,
        key: &str,
        value: Option<&str>,
        now: u64,
    ) -> bool {
        if self.store.is_progress_key(key) {
            let Some(theirs) = value.and_then(|v| decode(v).ok()) else {
                return false;
            };
            // The other tab saved just now: its settings are the newest.
            let settings_changed = self.data.settings != theirs.data.settings;
            self.data.settings = theirs.data.settings.clone();
            let merged = match self.data.merge_from_tab(&theirs.data) {
                TabMerge::TookReset => {
                    self.notices.push(LearnerNotice::ResetElsewhere);
                    self.quiz = None;
                    self.finished = None;
                    let _ = self.tab.remove(TAB_QUIZ_KEY);
                    true
                }
                TabMerge::Ignored => {
                    self.save(now);
                    false
                }
                TabMerge::United {
                    added,
                    missing_there,
                } => {
                    if missing_there {
                        self.save(now);
                    }
                    !added.is_empty()
                }
            };
            return merged || settings_changed;
        }
        let Some(id) = self.store.quiz_id_of(key) else {
            return false;
        };
        let Some(quiz) = self.quiz.as_mut().filter(|q| q.id == id) else {
            return false;
        };
        match value {
            None => {
                self.quiz = None;
                let _ = self.tab.remove(TAB_QUIZ_KEY);
                self.notices.push(LearnerNotice::QuizGoneElsewhere);
                true
            }
            Some(text) => match decode_slot(text).map(|theirs| bank.restore(theirs.quiz)) {
                Ok(Ok(theirs)) => quiz.merge_from(&theirs),
                _ => false,
            },
        }
    }

    /// All progress as an export file's text.
    pub fn export(&self, now: u64) -> String {
        export(&self.data, now)
    }

    /// Merge an export file. Nothing changes unless the merged progress is saved.
    pub fn import(&mut self, text: &str, now: u64) -> Result<MergeSummary, ImportError> {
        let mut merged = self.data.clone();
        let summary = import(&mut merged, text)?;
        match self.store.save_merging(&mut merged, now) {
            Ok(notices) => {
                self.notices
                    .extend(notices.into_iter().map(LearnerNotice::Storage));
                self.data = merged;
                self.save_error = None;
                Ok(summary)
            }
            Err(e) => Err(ImportError::NotSaved(e.to_string())),
        }
    }

    /// Delete all progress and quizzes in progress of this learner; with `backups`, also
    /// every backup of unreadable data. Settings stay.
    pub fn reset(&mut self, backups: bool) -> Result<(), SaveError> {
        let mut data = self.data.clone();
        data.reset();
        self.store.save(&data)?;
        self.data = data;
        self.store.delete_quizzes()?;
        if backups {
            self.store.delete_backups()?;
        }
        self.quiz = None;
        self.finished = None;
        let _ = self.tab.remove(TAB_QUIZ_KEY);
        self.save_error = None;
        Ok(())
    }

    /// Change the learner's settings and save them.
    pub fn update_settings(&mut self, change: impl FnOnce(&mut LearnerSettings), now: u64) {
        change(&mut self.data.settings);
        self.data.settings = self.data.settings.clone().sanitized();
        self.save(now);
    }

    /// Delete the unreadable data that was left in place for lack of room.
    pub fn discard_blocked(&mut self) -> Result<(), SaveError> {
        self.store.discard_blocked()
    }

    /// The start screen's numbers.
    pub fn summary(&self, bank: &Bank) -> StartSummary {
        StartSummary::of(bank, self.data.bank(&self.key))
    }

    /// The dashboard's numbers.
    pub fn dashboard(&self, bank: &Bank, time: LocalTime) -> DashboardStats {
        DashboardStats::compute(
            bank,
            self.data.log(&self.key),
            &self.data.settings.scheduler(),
            time,
        )
    }

    /// Where the quiz on screen is.
    pub fn phase(&self) -> Option<Phase> {
        self.quiz.as_ref().map(QuizSession::phase)
    }
}

/// The result of an assignment run that has finished.
pub fn result_of(run: &Run, session: &QuizSession, bank: &Bank) -> ResultRecord {
    ResultRecord::of(
        run,
        session,
        BankStamp {
            id: bank.meta.id.clone(),
            version: bank.meta.version.clone(),
        },
        |id| {
            bank.question(id)
                .map(|q| (q.prompt.clone(), q.kind.shape(), q.points))
        },
    )
}
