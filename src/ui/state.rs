//! The app's reactive state and the actions the screens call. Every decision is the core's;
//! this file only moves values between the core, the signals and storage.

use leptos::prelude::*;

use super::browser::{UrlParams, end_of_day, focus_id, now_ms, random_bits};
use crate::bank::Bank;
use crate::progress::{Notice, ProgressData, ProgressStore};
use crate::quiz::describe::right_answer;
use crate::quiz::{Draft, Outcome, Phase, QuizMode, QuizSession, QuizSettings, Seed};
use crate::schedule::Scheduler;
use crate::storage::LocalStore;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Quiz,
    Results,
    Dashboard,
}

/// Ids of elements that receive focus as the learner moves through a quiz.
pub const QUESTION_HEADING: &str = "question-heading";
pub const NEXT_BUTTON: &str = "next-button";
pub const RESULTS_HEADING: &str = "results-heading";
pub const START_HEADING: &str = "start-heading";
pub const ANSWER_INPUT: &str = "answer-input";
/// How many of the weakest topics a focus quiz draws from.
const FOCUS_TOPICS: usize = 3;

#[derive(Clone, Copy)]
pub struct AppState {
    pub bank: StoredValue<Bank>,
    pub url: StoredValue<UrlParams>,
    pub progress: RwSignal<ProgressData>,
    store: StoredValue<ProgressStore<LocalStore>>,
    /// Messages about saved data and the URL, until dismissed.
    pub notices: RwSignal<Vec<String>>,
    /// The latest save failure, cleared by the next successful save.
    pub save_error: RwSignal<Option<String>>,
    pub screen: RwSignal<Screen>,
    /// What the learner has entered for the question on screen.
    pub draft: RwSignal<Option<Draft>>,
    /// Why "Check" did nothing (no answer yet, not a number …).
    pub draft_error: RwSignal<Option<String>>,
    /// Text for the polite live region.
    pub announcement: RwSignal<String>,
    /// The quiz shown on the results screen.
    pub finished: RwSignal<Option<QuizSession>>,
}

impl AppState {
    pub fn new(bank: Bank, url: UrlParams) -> Self {
        let (store, mut data, notices) = ProgressStore::open(LocalStore, now_ms());
        let mut messages: Vec<String> = notices.iter().map(Notice::to_string).collect();
        messages.extend(url.problems.iter().cloned());

        data.bank_mut(&bank.meta.id);
        let loaded = data.clone();
        // A saved quiz resumes only if the bank still has every question it drew.
        let progress = data.bank_mut(&bank.meta.id);
        if let Some(Err(why)) = progress.active.as_ref().map(|a| a.check_against(&bank)) {
            messages.push(format!(
                "Your quiz in progress could not be resumed because {why}; the question bank was changed. Your per-question counts are kept."
            ));
            progress.active = None;
        }
        let now = now_ms();
        if let Some(active) = &mut data.bank_mut(&bank.meta.id).active
            && active.expire(now)
        {
            messages.push("The time for your exam ran out while you were away; the answers you gave have been scored and are in your history.".to_string());
        }
        data.archive_active(&bank);
        let resuming = data.bank(&bank.meta.id).is_some_and(|p| p.active.is_some());
        // Loading changed something (a quiz dropped, expired or archived): write it now, so
        // its notice is not shown again on the next visit.
        let changed = data != loaded;

        let state = AppState {
            bank: StoredValue::new(bank),
            url: StoredValue::new(url),
            progress: RwSignal::new(data),
            store: StoredValue::new(store),
            notices: RwSignal::new(messages),
            save_error: RwSignal::new(None),
            screen: RwSignal::new(if resuming {
                Screen::Quiz
            } else {
                Screen::Start
            }),
            draft: RwSignal::new(None),
            draft_error: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            finished: RwSignal::new(None),
        };
        if changed {
            state.save();
        }
        if resuming {
            state.reset_draft();
            state.focus_question();
        }
        state
    }

    pub fn bank_id(&self) -> String {
        self.bank.with_value(|b| b.meta.id.clone())
    }

    /// The quiz in progress (tracked).
    pub fn session(&self) -> Option<QuizSession> {
        let id = self.bank_id();
        self.progress
            .with(|p| p.bank(&id).and_then(|b| b.active.clone()))
    }

    /// The quiz in progress, read without tracking (for actions, and building a view once).
    pub fn session_now(&self) -> Option<QuizSession> {
        let id = self.bank_id();
        self.progress
            .with_untracked(|p| p.bank(&id).and_then(|b| b.active.clone()))
    }

    /// Save, first taking in whatever another tab saved (so no tab's answers are lost).
    fn save(&self) {
        let mut data = self.progress.get_untracked();
        let result = self
            .store
            .with_value(|store| store.save_merging(&mut data, now_ms()));
        match result {
            Ok(notices) => {
                self.save_error.set(None);
                if !notices.is_empty() {
                    self.notices
                        .update(|n| n.extend(notices.iter().map(Notice::to_string)));
                }
                if self.progress.with_untracked(|p| *p != data) {
                    self.progress.set(data);
                }
            }
            Err(e) => self.save_error.set(Some(e.to_string())),
        }
    }

    /// Merge an exported file; the message says what happened.
    pub fn import_text(&self, text: &str) -> String {
        let mut data = self.progress.get_untracked();
        match crate::progress::import(&mut data, text) {
            Ok(summary) => {
                self.progress.set(data);
                self.save();
                format!(
                    "Imported: {} new answers and {} finished quizzes were added; everything already here was kept.",
                    summary.reviews_added, summary.quizzes_added
                )
            }
            Err(e) => e.to_string(),
        }
    }

    /// Delete all progress (the learner confirmed); settings stay.
    pub fn reset(&self) {
        let settings = self.progress.with_untracked(|p| p.settings.clone());
        let data = ProgressData {
            settings,
            ..ProgressData::default()
        };
        let result = self.store.with_value(|store| store.save(&data));
        self.save_error.set(result.err().map(|e| e.to_string()));
        self.progress.set(data);
    }

    /// Another tab saved: take in its answers and finished quizzes (this tab's quiz in
    /// progress stays as it is). If that save lacks answers this tab has (both tabs saved at
    /// once), save the union back, so neither tab's answers are lost.
    pub fn take_in_other_tab(&self, text: &str) {
        let Ok(theirs) = crate::progress::decode(text) else {
            return;
        };
        let mut data = self.progress.get_untracked();
        data.merge(&theirs);
        if self.progress.with_untracked(|p| *p != data) {
            self.progress.set(data.clone());
        }
        let missing = theirs.clone().merge(&data);
        if missing.reviews_added > 0 || missing.quizzes_added > 0 {
            self.save();
        }
    }

    /// Set the draft for the current question: empty while answering, the given answer after.
    fn reset_draft(&self) {
        self.draft_error.set(None);
        let Some(session) = self.session_now() else {
            self.draft.set(None);
            return;
        };
        let draft = self.bank.with_value(|bank| {
            let (item, question) = session.current(bank)?;
            Some(match &session.answers[session.current] {
                Some(answered) => Draft::from_response(&answered.response),
                None => Draft::new(&question.kind, item),
            })
        });
        self.draft.set(draft);
    }

    pub fn start(&self, settings: QuizSettings, seed: Seed) {
        let mut settings = settings;
        let id = self.bank_id();
        if settings.mode == QuizMode::Focus {
            settings.topics = self.progress.with_untracked(|p| {
                self.bank.with_value(|bank| {
                    crate::progress::weakest_topics(bank, p.bank(&id), FOCUS_TOPICS)
                })
            });
        }
        let limit = self
            .progress
            .with_untracked(|p| p.settings.effective_limit(settings.time_limit));
        let started = self.bank.with_value(|bank| {
            QuizSession::start(bank, settings, seed, now_ms()).map(|s| match limit {
                Some(ms) => s.with_deadline(ms),
                None => s,
            })
        });
        self.begin(started);
    }

    /// The exam's time ran out: keep and score what was answered, and show the results.
    pub fn time_up(&self) {
        let Some(mut session) = self.session_now() else {
            return;
        };
        if session.expire(now_ms()) {
            self.time_up_with(session);
        }
    }

    fn time_up_with(&self, session: QuizSession) {
        self.finish(session);
        self.announcement
            .set("Time is up. The answers you gave have been scored.".to_string());
    }

    fn finish(&self, session: QuizSession) {
        let id = self.bank_id();
        self.progress.update(|p| {
            p.bank_mut(&id).active = Some(session.clone());
            self.bank.with_value(|bank| p.archive_active(bank));
        });
        self.save();
        self.finished.set(Some(session));
        self.screen.set(Screen::Results);
        focus_id(RESULTS_HEADING);
    }

    /// Change the learner's settings and save them.
    pub fn update_settings(&self, change: impl FnOnce(&mut crate::progress::LearnerSettings)) {
        self.progress.update(|p| change(&mut p.settings));
        self.save();
    }

    /// The questions due for review by the end of today, most overdue first (tracked).
    pub fn due_today(&self) -> Vec<String> {
        let id = self.bank_id();
        self.progress.with(|p| {
            let scheduler = Scheduler::new(p.settings.desired_retention).unwrap_or_default();
            let Some(progress) = p.bank(&id) else {
                return Vec::new();
            };
            let cards = crate::progress::cards(&progress.reviews, &scheduler);
            self.bank.with_value(|bank| {
                crate::progress::due_questions(
                    &cards,
                    |q| bank.question(q).is_some(),
                    end_of_day(now_ms()),
                )
            })
        })
    }

    /// Start a review of everything due today.
    pub fn start_review(&self) {
        let due = self.due_today();
        let started = self
            .bank
            .with_value(|bank| QuizSession::start_review(bank, &due, self.new_seed(), now_ms()));
        self.begin(started);
    }

    fn begin(&self, started: Result<QuizSession, crate::quiz::SessionError>) {
        match started {
            Ok(session) => {
                let id = self.bank_id();
                self.progress
                    .update(|p| p.bank_mut(&id).active = Some(session));
                self.save();
                self.reset_draft();
                self.announcement.set(String::new());
                self.screen.set(Screen::Quiz);
                self.focus_question();
            }
            Err(e) => self
                .notices
                .update(|n| n.push(format!("The quiz could not start: {e}."))),
        }
    }

    /// A fresh seed, or the link's seed when the learner keeps it.
    pub fn new_seed(&self) -> Seed {
        Seed::from_random(random_bits())
    }

    /// Focus the new question: its text field when the answer is typed (the field's group
    /// legend is the question, so it is still read out), otherwise its heading.
    fn focus_question(&self) {
        let typed = self
            .draft
            .with_untracked(|d| matches!(d, Some(Draft::Text(_))));
        focus_id(if typed {
            ANSWER_INPUT
        } else {
            QUESTION_HEADING
        });
    }

    /// Enter: check the answer, or move on after the feedback.
    pub fn primary(&self) {
        match self.session_now().map(|s| s.phase()) {
            Some(Phase::Answering(_)) => self.check(),
            Some(Phase::Feedback(_)) => self.next(),
            _ => {}
        }
    }

    pub fn check(&self) {
        let Some(mut session) = self.session_now() else {
            return;
        };
        let now = now_ms();
        let outcome = self.bank.with_value(|bank| {
            let (_, question) = session.current(bank)?;
            let draft = self.draft.get_untracked()?;
            Some(match draft.to_response(&question.kind) {
                Err(why) => Err(why),
                Ok(response) => session
                    .submit(bank, response, now)
                    .map(|credit| (question.id.clone(), credit, right_answer(&question.kind)))
                    .map_err(|e| e.to_string()),
            })
        });
        match outcome {
            None => {}
            // The time ran out just before this answer.
            Some(Err(_)) if session.is_finished() => self.time_up_with(session),
            Some(Err(why)) => {
                self.draft_error.set(Some(why.clone()));
                self.announcement.set(why);
            }
            Some(Ok((question_id, credit, answer))) => {
                let id = self.bank_id();
                let feedback = session.settings.mode.gives_feedback();
                self.progress.update(|p| {
                    p.record_answer(&id, &question_id, credit, now);
                    p.bank_mut(&id).active = Some(session);
                });
                self.save();
                self.draft_error.set(None);
                if !feedback {
                    // An exam shows nothing until the end: straight on to the next question.
                    self.next();
                    self.announcement.set("Answer saved.".to_string());
                    return;
                }
                let verdict = match Outcome::of(credit) {
                    Outcome::Right => "Right.".to_string(),
                    Outcome::Partial => format!(
                        "Partly right, {} percent. The answer: {answer}.",
                        credit.percent()
                    ),
                    Outcome::Wrong => format!("Not right. The answer: {answer}."),
                };
                self.announcement.set(verdict);
                focus_id(NEXT_BUTTON);
            }
        }
    }

    pub fn next(&self) {
        let Some(mut session) = self.session_now() else {
            return;
        };
        if session.advance(now_ms()).is_err() {
            return;
        }
        self.announcement.set(String::new());
        if session.is_finished() {
            self.finish(session);
            return;
        }
        let id = self.bank_id();
        self.progress
            .update(|p| p.bank_mut(&id).active = Some(session));
        self.save();
        self.reset_draft();
        self.focus_question();
    }

    /// Leave the quiz in progress; the answers already given stay in the question counts.
    pub fn quit(&self) {
        let id = self.bank_id();
        self.progress.update(|p| p.bank_mut(&id).active = None);
        self.save();
        self.draft.set(None);
        self.screen.set(Screen::Start);
        focus_id(START_HEADING);
    }

    pub fn show_dashboard(&self) {
        self.screen.set(Screen::Dashboard);
        focus_id(super::dashboard::DASHBOARD_HEADING);
    }

    pub fn show_start(&self) {
        self.screen.set(Screen::Start);
        focus_id(START_HEADING);
    }

    /// A number key on the quiz screen.
    pub fn press_number(&self, n: usize) -> bool {
        let Some(session) = self.session_now() else {
            return false;
        };
        if !matches!(session.phase(), Phase::Answering(_)) {
            return false;
        }
        self.bank.with_value(|bank| {
            let Some((item, question)) = session.current(bank) else {
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
}
