//! The sealed exam page's state: the sealed bank's public part, the assignment, the core's
//! `Learner` over that public part (answers saved unscored, handed in without credits), the
//! released key once the teacher gives it, and the actions the screens call.

use leptos::prelude::*;

use super::super::assignment::Invitation;
use super::super::browser::{focus_id, new_id, now_ms};
use super::super::ids::{HAND_IN_HEADING, QUESTION_HEADING, RESULTS_HEADING};
use super::super::state::BrowserLearner;
use crate::assignment::{Run, normalize_name};
use crate::bank::Bank;
use crate::progress::{Answer, BankKey, Learner, Profiles};
use crate::quiz::{Draft, QuizSession, SessionError};
use crate::results::ResultRecord;
use crate::seal::{Opened, SealedBank, key_from_release_code, open, review_of};
use crate::storage::{KeyValueStore, LocalStore, SessionStore};

/// Where this device keeps a sealed exam's release code once it opened the exam: the code is
/// public by then, and keeping it lets the review open again without the link.
fn release_key(path: &str) -> String {
    format!("accord/released/{path}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The assignment: conditions, name, start or resume, what was handed in.
    Intro,
    Quiz,
    HandIn,
    /// The attempt just handed in, and the ways to give it to the teacher.
    HandedIn,
    /// The review of a handed-in attempt (by its number), after the key's release.
    Review(u32),
}

/// The released exam: its questions with their answers, as a bank.
#[derive(Debug, Clone)]
pub struct Released {
    pub opened: Opened,
    pub bank: Bank,
}

#[derive(Clone, Copy)]
pub struct ExamState {
    pub sealed: StoredValue<SealedBank>,
    /// The sealed file's path (its pictures are relative to it).
    pub path: StoredValue<String>,
    pub invitation: StoredValue<Invitation>,
    learner: StoredValue<BrowserLearner>,
    tick: RwSignal<u32>,
    pub screen: RwSignal<Screen>,
    pub draft: RwSignal<Option<Draft>>,
    pub draft_error: RwSignal<Option<String>>,
    pub announcement: RwSignal<(String, u32)>,
    pub notices: RwSignal<Vec<String>>,
    pub released: RwSignal<Option<Released>>,
}

impl ExamState {
    pub fn new(sealed: SealedBank, path: String, invitation: Invitation) -> Self {
        let profiles = Profiles::load(&LocalStore);
        let key = BankKey::new(&sealed.meta().id, &path);
        let learner = Learner::open(
            LocalStore,
            SessionStore,
            profiles.active.clone(),
            &sealed,
            key,
            now_ms(),
        );
        let resuming = learner.quiz().is_some();
        super::super::browser::set_document(&sealed.meta().language, learner.settings().theme);
        let state = ExamState {
            sealed: StoredValue::new(sealed),
            path: StoredValue::new(path),
            invitation: StoredValue::new(invitation),
            learner: StoredValue::new(learner),
            tick: RwSignal::new(0),
            screen: RwSignal::new(if resuming {
                Screen::Quiz
            } else {
                Screen::Intro
            }),
            draft: RwSignal::new(None),
            draft_error: RwSignal::new(None),
            announcement: RwSignal::new((String::new(), 0)),
            notices: RwSignal::new(Vec::new()),
            released: RwSignal::new(None),
        };
        state.collect_notices();
        if resuming {
            state.reset_draft();
        }
        state
    }

    /// Read the learner's data, tracked.
    pub fn with<T>(&self, read: impl FnOnce(&BrowserLearner) -> T) -> T {
        self.tick.track();
        self.learner.with_value(read)
    }

    fn with_untracked<T>(&self, read: impl FnOnce(&BrowserLearner) -> T) -> T {
        self.learner.with_value(read)
    }

    fn change<T: Default>(&self, act: impl FnOnce(&mut BrowserLearner, &SealedBank) -> T) -> T {
        let result = self
            .sealed
            .with_value(|sealed| self.learner.try_update_value(|l| act(l, sealed)))
            .unwrap_or_default();
        self.tick.update(|t| *t = t.wrapping_add(1));
        self.collect_notices();
        result
    }

    fn collect_notices(&self) {
        let new: Vec<String> = self
            .learner
            .try_update_value(|l| l.take_notices())
            .unwrap_or_default()
            .iter()
            .map(ToString::to_string)
            .collect();
        if !new.is_empty() {
            self.notices.update(|n| n.extend(new));
        }
    }

    pub fn announce(&self, text: impl Into<String>) {
        self.announcement.update(|(t, n)| {
            *t = text.into();
            *n = n.wrapping_add(1);
        });
    }

    pub fn save_error(&self) -> Option<String> {
        self.with(|l| l.save_error().map(ToString::to_string))
    }

    pub fn assignment_id(&self) -> String {
        self.invitation.with_value(|i| i.assignment.id.clone())
    }

    /// The exam on screen (tracked).
    pub fn quiz(&self) -> Option<QuizSession> {
        self.with(|l| l.quiz().cloned())
    }

    pub fn quiz_untracked(&self) -> Option<QuizSession> {
        self.with_untracked(|l| l.quiz().cloned())
    }

    /// The draft for the question on screen: empty, or the answer given so far to change.
    fn reset_draft(&self) {
        self.draft_error.set(None);
        let draft = self.with_untracked(|l| {
            let quiz = l.quiz()?;
            let item = quiz.items.get(quiz.current)?;
            let shape = self.sealed.with_value(|s| s.shape_of(&item.question))?;
            Some(match quiz.current_answer() {
                Some(answered) => Draft::from_response(&answered.response),
                None => Draft::for_shape(&shape, item),
            })
        });
        self.draft.set(draft);
    }

    fn focus_question(&self) {
        let typed = self
            .draft
            .with_untracked(|d| matches!(d, Some(Draft::Text(_))));
        focus_id(if typed {
            super::super::ids::ANSWER_INPUT
        } else {
            QUESTION_HEADING
        });
    }

    fn show(&self, screen: Screen) {
        self.screen.set(screen);
        match screen {
            Screen::Intro => focus_id("assignment-heading"),
            Screen::Quiz => {
                self.reset_draft();
                self.focus_question();
            }
            Screen::HandIn => focus_id(HAND_IN_HEADING),
            Screen::HandedIn | Screen::Review(_) => focus_id(RESULTS_HEADING),
        }
    }

    pub fn show_intro(&self) {
        self.show(Screen::Intro);
    }

    /// Start an attempt as `student`, or say why not.
    pub fn start(&self, student: &str) -> Result<(), String> {
        if self.released.with_untracked(Option::is_some) {
            return Err("The answers of this exam were released: it is over.".into());
        }
        let invitation = self.invitation.get_value();
        let used = self.with_untracked(|l| l.attempts_used(&invitation.assignment.id));
        Run::can_start(
            &invitation.assignment,
            student,
            invitation.accommodation.as_ref(),
            used,
            now_ms(),
        )
        .map_err(|refusal| refusal.to_string())?;
        let run = Run {
            assignment: invitation.assignment.clone(),
            student: normalize_name(student),
            accommodation: invitation.accommodation.clone(),
            attempt: used + 1,
        };
        let started =
            self.change(|l, sealed| Some(l.start_assignment(sealed, run, new_id(), now_ms())));
        match started.unwrap_or(Err(SessionError::NoQuestions)) {
            Ok(()) => {
                self.announce("");
                self.show(Screen::Quiz);
                Ok(())
            }
            Err(e) => Err(format!("The exam could not start: {e}.")),
        }
    }

    pub fn resume(&self, id: &str) {
        let resumed = self.change(|l, sealed| Some(l.resume(sealed, id, now_ms())));
        match resumed.unwrap_or(Ok(())) {
            Ok(()) if self.with_untracked(|l| l.quiz().is_some()) => self.show(Screen::Quiz),
            Ok(()) => self.show(Screen::HandedIn),
            Err(e) => self
                .notices
                .update(|n| n.push(format!("The exam could not be resumed: {e}."))),
        }
    }

    /// Save the answer on screen and move on.
    pub fn save_answer(&self) {
        let Some(draft) = self.draft.get_untracked() else {
            return;
        };
        let shape = self.quiz_untracked().and_then(|q| {
            let item = q.items.get(q.current)?;
            self.sealed.with_value(|s| s.shape_of(&item.question))
        });
        let Some(shape) = shape else {
            return;
        };
        let response = match draft.to_response_for(&shape) {
            Ok(r) => r,
            Err(why) => {
                self.draft_error.set(Some(why.clone()));
                self.announce(why);
                return;
            }
        };
        let outcome = self
            .change(|l, sealed| Some(l.answer(sealed, response, now_ms())))
            .unwrap_or(Err(SessionError::Finished));
        self.draft_error.set(None);
        match outcome {
            Ok(Answer::TimeUp) | Err(SessionError::TimeUp) => self.time_is_up(),
            Ok(_) => {
                self.reset_draft();
                let n = self.with_untracked(|l| l.quiz().map(|q| q.current + 1).unwrap_or(0));
                self.announce(format!("Answer saved. Question {n}."));
                self.focus_question();
            }
            Err(SessionError::AlreadyAnswered) => self.reset_draft(),
            Err(e) => {
                let why = e.to_string();
                self.draft_error.set(Some(why.clone()));
                self.announce(why);
            }
        }
    }

    pub fn go_to(&self, index: usize) {
        let moved = self.change(|l, sealed| Some(l.go_to(sealed, index, now_ms())));
        match moved.unwrap_or(Err(SessionError::Finished)) {
            Ok(()) => self.show(Screen::Quiz),
            Err(SessionError::TimeUp) => self.time_is_up(),
            Err(_) => {}
        }
    }

    pub fn toggle_flag(&self) {
        if let Some(Ok(flag)) = self.change(|l, sealed| Some(l.toggle_flag(sealed))) {
            self.announce(if flag {
                "Flagged for review."
            } else {
                "Flag removed."
            });
        }
    }

    pub fn review_before_hand_in(&self) {
        self.show(Screen::HandIn);
    }

    pub fn hand_in(&self) {
        let _ = self.change(|l, sealed| Some(l.hand_in(sealed, now_ms())));
        self.announce("Handed in.");
        self.show(Screen::HandedIn);
    }

    /// The exam's time ran out: hand in what was answered.
    pub fn time_up(&self) {
        if self.change(|l, sealed| l.time_up(sealed, now_ms())) {
            self.time_is_up();
        }
    }

    fn time_is_up(&self) {
        self.show(Screen::HandedIn);
        self.announce("Time is up. The answers you gave were handed in.");
    }

    /// Put the attempt away; it is kept to resume.
    pub fn close(&self) {
        self.change(|l, _| l.close());
        self.draft.set(None);
        self.show(Screen::Intro);
    }

    /// The result just handed in.
    pub fn handed_in(&self) -> Option<ResultRecord> {
        self.with(|l| l.handed_in().cloned())
    }

    pub fn attempts_used(&self) -> u32 {
        let id = self.assignment_id();
        self.with(|l| l.attempts_used(&id))
    }

    pub fn previous_results(&self) -> Vec<ResultRecord> {
        let id = self.assignment_id();
        self.with(|l| l.results_of(&id).to_vec())
    }

    pub fn run_in_progress(&self) -> Option<String> {
        self.tick.track();
        let id = self.assignment_id();
        self.learner
            .try_update_value(|l| l.run_in_progress(&id, now_ms()))
            .flatten()
    }

    /// The name to offer: the one used last time, or the learner's.
    pub fn suggested_name(&self) -> String {
        let id = self.assignment_id();
        self.with_untracked(|l| l.results_of(&id).last().map(|r| r.run.student.clone()))
            .unwrap_or_else(|| Profiles::load(&LocalStore).active().name.clone())
    }

    /// Open the exam with a release code: every attempt handed in on this device is reviewed
    /// with its answers and goes into the progress (history and spaced review), once. The code
    /// is kept so the review opens again. Says what is wrong with a code that does not open it.
    pub fn release(&self, code: &str) -> Result<(), String> {
        let key = key_from_release_code(code).map_err(|e| e.to_string())?;
        let opened = self
            .sealed
            .with_value(|sealed| open(sealed, &key))
            .map_err(|e| e.to_string())?;
        let bank = opened.to_bank();
        let path = self.path.get_value();
        let _ = LocalStore.set(&release_key(&path), code.trim());
        let records = self.previous_results();
        let reviews: Vec<QuizSession> = records
            .iter()
            .filter_map(|r| review_of(r, &opened).ok())
            .collect();
        let now = now_ms();
        self.change(|l, _| {
            for review in &reviews {
                l.archive(&bank, review, now);
            }
        });
        self.released.set(Some(Released { opened, bank }));
        Ok(())
    }

    /// The release code this device kept for this exam, if any.
    pub fn kept_release_code(&self) -> Option<String> {
        let path = self.path.get_value();
        LocalStore.get(&release_key(&path)).ok().flatten()
    }

    /// Another tab saved `key`: take it in.
    pub fn take_in(&self, key: &str, value: Option<String>) {
        let on_screen = self.quiz_untracked().map(|q| (q.id.clone(), q.phase()));
        let changed = self.change(|l, sealed| l.take_in(sealed, key, value.as_deref(), now_ms()));
        if !changed {
            return;
        }
        let now = self.quiz_untracked().map(|q| (q.id.clone(), q.phase()));
        match (&on_screen, &now, self.screen.get_untracked()) {
            (Some(_), None, Screen::Quiz | Screen::HandIn) => self.show_intro(),
            (Some(before), Some(after), _) if before != after => self.reset_draft(),
            _ => {}
        }
    }
}
