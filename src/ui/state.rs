//! The app's reactive state: the core's `Learner` in a stored value, a change counter the
//! screens track, the draft of the answer being typed, and the actions the screens call.
//! Every decision is the core's; this file only forwards events and bumps the counter.

use leptos::prelude::*;

use super::browser::{focus_id, local_time, new_id, now_ms, random_bits};
use super::ids;
use super::site::UrlParams;
use crate::bank::Bank;
use crate::progress::{Answer, BankKey, Learner, LearnerSettings, Profiles, QuizRequest};
use crate::quiz::{Draft, Phase, QuizSession, Seed, describe::right_answer};
use crate::storage::{LocalStore, SessionStore};
use crate::text::Language;

pub type BrowserLearner = Learner<LocalStore, SessionStore>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    /// A teacher's assignment, as its link opens it.
    Assignment,
    Quiz,
    /// An exam's last step: what is unanswered or flagged, then hand in.
    HandIn,
    Results,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub bank: StoredValue<Bank>,
    pub url: StoredValue<UrlParams>,
    pub language: Language,
    learner: StoredValue<BrowserLearner>,
    pub profiles: RwSignal<Profiles>,
    /// Bumped after every change to the learner's data: screens that read it track this.
    tick: RwSignal<u32>,
    pub screen: RwSignal<Screen>,
    /// What the learner has entered for the question on screen.
    pub draft: RwSignal<Option<Draft>>,
    /// Why "Check" did nothing (no answer yet, not a number …).
    pub draft_error: RwSignal<Option<String>>,
    /// Text for the polite live region, with a counter so the same words are said again.
    pub announcement: RwSignal<(String, u32)>,
    /// Messages about saved data and the link, until dismissed.
    pub notices: RwSignal<Vec<String>>,
    /// A newer version of the bank is waiting for the next quiz.
    pub pending_bank: StoredValue<Option<Bank>>,
    /// The assignment the page was opened for, if any.
    pub invitation: StoredValue<Option<super::assignment::Invitation>>,
}

impl AppState {
    pub fn new(
        bank: Bank,
        url: UrlParams,
        invitation: Option<super::assignment::Invitation>,
    ) -> Self {
        let profiles = Profiles::load(&LocalStore);
        let key = BankKey::new(&bank.meta.id, &url.bank);
        let learner = Learner::open(
            LocalStore,
            SessionStore,
            profiles.active.clone(),
            &bank,
            key,
            now_ms(),
        );
        let language = Language::from_tag(&bank.meta.language);
        let resuming = learner.quiz().is_some();
        let messages = url.problems.clone();
        let state = AppState {
            bank: StoredValue::new(bank),
            url: StoredValue::new(url),
            language,
            learner: StoredValue::new(learner),
            profiles: RwSignal::new(profiles),
            tick: RwSignal::new(0),
            screen: RwSignal::new(match (resuming, invitation.is_some()) {
                (true, _) => Screen::Quiz,
                (false, true) => Screen::Assignment,
                (false, false) => Screen::Start,
            }),
            draft: RwSignal::new(None),
            draft_error: RwSignal::new(None),
            announcement: RwSignal::new((String::new(), 0)),
            notices: RwSignal::new(messages),
            pending_bank: StoredValue::new(None),
            invitation: StoredValue::new(invitation),
        };
        state.collect_notices();
        state.apply_theme();
        if resuming {
            state.reset_draft();
            state.focus_question();
        }
        state
    }

    /// Read the learner's data, tracked: the caller re-runs after any change.
    pub fn with<T>(&self, read: impl FnOnce(&BrowserLearner) -> T) -> T {
        self.tick.track();
        self.learner.with_value(read)
    }

    /// Read without tracking (in actions).
    pub fn with_untracked<T>(&self, read: impl FnOnce(&BrowserLearner) -> T) -> T {
        self.learner.with_value(read)
    }

    /// Change the learner's data, then tell the screens and show any new notices.
    fn change<T: Default>(&self, act: impl FnOnce(&mut BrowserLearner, &Bank) -> T) -> T {
        let result = self
            .bank
            .with_value(|bank| self.learner.try_update_value(|l| act(l, bank)))
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

    pub fn settings(&self) -> LearnerSettings {
        self.with(|l| l.settings().clone())
    }

    fn apply_theme(&self) {
        let theme = self.with_untracked(|l| l.settings().theme);
        let language = self.bank.with_value(|b| b.meta.language.clone());
        super::browser::set_document(&language, theme);
    }

    /// The quiz on screen (tracked).
    pub fn quiz(&self) -> Option<QuizSession> {
        self.with(|l| l.quiz().cloned())
    }

    /// The quiz on screen, read without tracking.
    pub fn quiz_untracked(&self) -> Option<QuizSession> {
        self.with_untracked(|l| l.quiz().cloned())
    }

    pub fn announce(&self, text: impl Into<String>) {
        self.announcement.update(|(t, n)| {
            *t = text.into();
            *n = n.wrapping_add(1);
        });
    }

    /// Set the draft for the current question: empty while answering, the given answer after
    /// (and in an exam, the answer given so far, to change).
    fn reset_draft(&self) {
        self.draft_error.set(None);
        let draft = self.with_untracked(|l| {
            let quiz = l.quiz()?;
            self.bank.with_value(|bank| {
                let (item, question) = quiz.current(bank)?;
                Some(match quiz.current_answer() {
                    Some(answered) => Draft::from_response(&answered.response),
                    None => Draft::new(&question.kind, item),
                })
            })
        });
        self.draft.set(draft);
    }

    /// Focus the new question: its text field when the answer is typed (the field's group
    /// legend is the question, so it is still read out), otherwise its heading.
    fn focus_question(&self) {
        let typed = self
            .draft
            .with_untracked(|d| matches!(d, Some(Draft::Text(_))));
        focus_id(if typed {
            ids::ANSWER_INPUT
        } else {
            ids::QUESTION_HEADING
        });
    }

    fn show_quiz(&self) {
        self.reset_draft();
        self.announce("");
        self.screen.set(Screen::Quiz);
        self.focus_question();
    }

    fn show_results(&self) {
        self.screen.set(Screen::Results);
        focus_id(ids::RESULTS_HEADING);
    }

    /// A newer bank that arrived while a quiz was on screen is used from the next quiz.
    fn take_pending_bank(&self) {
        if let Some(bank) = self.pending_bank.try_update_value(Option::take).flatten() {
            self.bank.set_value(bank);
        }
    }

    pub fn start(&self, request: QuizRequest, seed: Option<Seed>) {
        self.take_pending_bank();
        let seed = seed.unwrap_or_else(|| Seed::from_random(random_bits()));
        let started =
            self.change(|l, bank| Some(l.start(bank, &request, seed, new_id(), now_ms())));
        self.after_start(started);
    }

    pub fn start_review(&self) {
        self.take_pending_bank();
        let seed = Seed::from_random(random_bits());
        let started =
            self.change(|l, bank| Some(l.start_review(bank, local_time(), seed, new_id())));
        self.after_start(started);
    }

    pub fn again(&self) {
        let started = self.change(|l, bank| Some(l.again(bank, new_id(), now_ms())));
        self.after_start(started);
    }

    pub fn resume(&self, id: &str) {
        let resumed = self.change(|l, bank| Some(l.resume(bank, id, now_ms())));
        match resumed.unwrap_or(Ok(())) {
            Ok(()) if self.with_untracked(|l| l.quiz().is_some()) => self.show_quiz(),
            Ok(()) => self.show_results(),
            Err(e) => self
                .notices
                .update(|n| n.push(format!("The quiz could not be resumed: {e}."))),
        }
    }

    fn after_start(&self, started: Option<Result<(), crate::quiz::SessionError>>) {
        match started.unwrap_or(Err(crate::quiz::SessionError::NoQuestions)) {
            Ok(()) => self.show_quiz(),
            Err(e) => self
                .notices
                .update(|n| n.push(format!("The quiz could not start: {e}."))),
        }
    }

    /// Enter: check the answer, or move on after the feedback.
    pub fn check_or_continue(&self) {
        match self.with_untracked(|l| l.phase()) {
            Some(Phase::Answering(_)) => self.check(),
            Some(Phase::Feedback(_)) => self.next(),
            _ => {}
        }
    }

    pub fn check(&self) {
        let Some(draft) = self.draft.get_untracked() else {
            return;
        };
        let response = self.with_untracked(|l| {
            let quiz = l.quiz()?;
            self.bank
                .with_value(|bank| Some(draft.to_response(&quiz.current(bank)?.1.kind)))
        });
        let Some(response) = response else {
            return;
        };
        let response = match response {
            Ok(r) => r,
            Err(why) => {
                self.draft_error.set(Some(why.clone()));
                self.announce(why);
                return;
            }
        };
        let kind = self.bank.with_value(|bank| {
            let quiz = self.quiz_untracked()?;
            Some(quiz.current(bank)?.1.kind.clone())
        });
        let outcome = self
            .change(|l, bank| Some(l.answer(bank, response, now_ms())))
            .unwrap_or(Err(crate::quiz::SessionError::Finished));
        self.draft_error.set(None);
        match outcome {
            Ok(Answer::Feedback(credit)) => {
                let said = kind
                    .map(|k| right_answer(&k, self.language))
                    .unwrap_or_default();
                self.announce(super::words::verdict_spoken(credit, &said));
                focus_id(ids::NEXT_BUTTON);
            }
            Ok(Answer::Saved) => {
                self.reset_draft();
                let n = self.with_untracked(|l| l.quiz().map(|q| q.current + 1).unwrap_or(0));
                self.announce(format!("Answer saved. Question {n}."));
                self.focus_question();
            }
            Ok(Answer::TimeUp) => self.time_is_up(),
            Err(crate::quiz::SessionError::AlreadyAnswered) => {
                self.reset_draft();
                focus_id(ids::NEXT_BUTTON);
            }
            Err(e) => {
                let why = e.to_string();
                self.draft_error.set(Some(why.clone()));
                self.announce(why);
            }
        }
    }

    pub fn next(&self) {
        let finished = self.change(|l, bank| l.next(bank, now_ms()));
        if finished {
            self.show_results();
        } else {
            self.reset_draft();
            self.announce("");
            self.focus_question();
        }
    }

    /// In an exam: show question `index` (0-based).
    pub fn go_to(&self, index: usize) {
        let moved = self.change(|l, bank| Some(l.go_to(bank, index, now_ms())));
        match moved.unwrap_or(Err(crate::quiz::SessionError::Finished)) {
            Ok(()) => {
                self.screen.set(Screen::Quiz);
                self.reset_draft();
                self.focus_question();
            }
            Err(crate::quiz::SessionError::TimeUp) => self.time_is_up(),
            Err(_) => {}
        }
    }

    pub fn toggle_flag(&self) {
        if let Some(Ok(flag)) = self.change(|l, bank| Some(l.toggle_flag(bank))) {
            self.announce(if flag {
                "Flagged for review."
            } else {
                "Flag removed."
            });
        }
    }

    /// In an exam: the overview of what is unanswered and flagged before handing in.
    pub fn review_before_hand_in(&self) {
        self.screen.set(Screen::HandIn);
        focus_id(ids::HAND_IN_HEADING);
    }

    pub fn hand_in(&self) {
        let _ = self.change(|l, bank| Some(l.hand_in(bank, now_ms())));
        self.announce("Handed in.");
        self.show_results();
    }

    /// The exam's time ran out: keep and score what was answered, and show the results.
    pub fn time_up(&self) {
        if self.change(|l, bank| l.time_up(bank, now_ms())) {
            self.time_is_up();
        }
    }

    fn time_is_up(&self) {
        self.show_results();
        self.announce("Time is up. The answers you gave have been scored.");
    }

    /// Leave the quiz in progress; the answers already given stay in the progress.
    pub fn quit(&self) {
        self.change(|l, _| l.quit(now_ms()));
        self.draft.set(None);
        self.show_start();
    }

    /// Back to the page's first screen: the start screen, or the assignment's.
    pub fn show_start(&self) {
        self.take_pending_bank();
        if self.invitation.with_value(Option::is_some) {
            self.screen.set(Screen::Assignment);
            focus_id("assignment-heading");
        } else {
            self.screen.set(Screen::Start);
            focus_id(ids::START_HEADING);
        }
    }

    /// The name to offer on an assignment: the one used last time, or the learner's.
    pub fn suggested_name(&self) -> String {
        let id = self
            .invitation
            .with_value(|i| i.as_ref().map(|i| i.assignment.id.clone()));
        let last = id.and_then(|id| {
            self.with_untracked(|l| l.results_of(&id).last().map(|r| r.run.student.clone()))
        });
        last.unwrap_or_else(|| self.profiles.with_untracked(|p| p.active().name.clone()))
    }

    /// The id of this learner's attempt in progress of the assignment, if any (tracked).
    pub fn run_in_progress(&self) -> Option<String> {
        self.tick.track();
        let id = self
            .invitation
            .with_value(|i| i.as_ref().map(|i| i.assignment.id.clone()))?;
        self.learner
            .try_update_value(|l| l.run_in_progress(&id, now_ms()))
            .flatten()
    }

    /// The attempts this learner handed in of the assignment (tracked).
    pub fn attempts_used(&self) -> u32 {
        let id = self
            .invitation
            .with_value(|i| i.as_ref().map(|i| i.assignment.id.clone()));
        id.map_or(0, |id| self.with(|l| l.attempts_used(&id)))
    }

    /// Every result this learner handed in of the assignment (tracked).
    pub fn previous_results(&self) -> Vec<crate::results::ResultRecord> {
        let id = self
            .invitation
            .with_value(|i| i.as_ref().map(|i| i.assignment.id.clone()));
        id.map_or_else(Vec::new, |id| self.with(|l| l.results_of(&id).to_vec()))
    }

    /// Start the assignment as `student`, or say why not.
    pub fn start_assignment(
        &self,
        invitation: &super::assignment::Invitation,
        student: &str,
    ) -> Result<(), String> {
        let used = self.with_untracked(|l| l.attempts_used(&invitation.assignment.id));
        crate::assignment::Run::can_start(
            &invitation.assignment,
            student,
            invitation.accommodation.as_ref(),
            used,
            now_ms(),
        )
        .map_err(|refusal| refusal.to_string())?;
        let run = crate::assignment::Run {
            assignment: invitation.assignment.clone(),
            student: crate::assignment::normalize_name(student),
            accommodation: invitation.accommodation.clone(),
            attempt: used + 1,
        };
        let started =
            self.change(|l, bank| Some(l.start_assignment(bank, run, new_id(), now_ms())));
        match started.unwrap_or(Err(crate::quiz::SessionError::NoQuestions)) {
            Ok(()) => {
                self.show_quiz();
                Ok(())
            }
            Err(e) => Err(format!("The assignment could not start: {e}.")),
        }
    }

    /// A number key on the quiz screen. Returns whether it meant anything.
    pub fn press_number(&self, n: usize) -> bool {
        if !self.with_untracked(|l| l.settings().key_shortcuts) {
            return false;
        }
        let Some(quiz) = self.quiz_untracked() else {
            return false;
        };
        if !matches!(quiz.phase(), Phase::Answering(_)) {
            return false;
        }
        self.bank.with_value(|bank| {
            let Some((item, question)) = quiz.current(bank) else {
                return false;
            };
            let mut changed = false;
            self.draft.update(|d| {
                if let Some(d) = d {
                    changed = d.press_number(n, &question.kind, item);
                }
            });
            changed
        })
    }

    /// Another tab saved `key`: take it in.
    pub fn take_in(&self, key: &str, value: Option<String>) {
        let on_screen = self.quiz_untracked().map(|q| (q.id.clone(), q.phase()));
        let changed = self.change(|l, bank| l.take_in(bank, key, value.as_deref(), now_ms()));
        if !changed {
            return;
        }
        self.apply_theme();
        let now = self.quiz_untracked().map(|q| (q.id.clone(), q.phase()));
        match (&on_screen, &now, self.screen.get_untracked()) {
            (Some(_), None, Screen::Quiz | Screen::HandIn) => self.show_start(),
            (Some(before), Some(after), _) if before != after => self.reset_draft(),
            _ => {}
        }
    }

    /// A newer bank from the server (a teacher's edit): at once if no quiz is on screen.
    pub fn bank_updated(&self, bank: Bank) {
        if self.screen.get_untracked() == Screen::Start {
            self.bank.set_value(bank);
            self.tick.update(|t| *t = t.wrapping_add(1));
            // Draw the start screen again, with the new bank.
            self.screen.set(Screen::Start);
            self.notices.update(|n| {
                n.push("The questions were updated on the server; these are the new ones.".into())
            });
        } else {
            self.pending_bank.set_value(Some(bank));
            self.notices.update(|n| {
                n.push(
                    "The questions were updated on the server; your next quiz uses the new ones."
                        .into(),
                )
            });
        }
    }

    /// Switch to another learner on this device: reload with their data.
    pub fn switch_profile(&self, id: &crate::progress::ProfileId) {
        let mut profiles = self.profiles.get_untracked();
        if profiles.switch(id) && profiles.save(&LocalStore).is_ok() {
            let _ = super::browser::window().location().reload();
        }
    }

    /// Add a learner on this device and switch to them.
    pub fn add_profile(&self, name: &str) -> Result<(), String> {
        let mut profiles = self.profiles.get_untracked();
        if let Some(problem) = crate::progress::name_problem(name, &profiles) {
            return Err(problem.to_string());
        }
        let id = crate::progress::ProfileId::from_random(random_bits());
        profiles.add(name, id);
        profiles
            .save(&LocalStore)
            .map_err(|e| format!("The learner could not be added: {e}."))?;
        let _ = super::browser::window().location().reload();
        Ok(())
    }

    /// The titles of the topics a focus quiz would draw from now (tracked).
    pub fn weakest_topics(&self) -> Vec<String> {
        self.with(|l| {
            self.bank.with_value(|bank| {
                crate::progress::weakest_topics(
                    bank,
                    l.data().log(l.key()),
                    crate::progress::FOCUS_TOPICS,
                )
                .iter()
                .filter_map(|t| bank.topic(t).map(|t| t.title.clone()))
                .collect()
            })
        })
    }

    /// Quizzes in progress this tab does not show (tracked).
    pub fn unfinished(&self) -> Vec<crate::progress::Unfinished> {
        self.tick.track();
        self.learner
            .try_update_value(|l| l.unfinished(now_ms()))
            .unwrap_or_default()
    }

    pub fn save_error(&self) -> Option<String> {
        self.with(|l| l.save_error().map(ToString::to_string))
    }
}
