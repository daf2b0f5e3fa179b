//! A sealed exam's questions: one at a time from its public part, with the overview, skip and
//! back, flags and the timer, and the last step before handing in. No feedback, no score.

use std::time::Duration;

use leptos::prelude::*;

use super::super::answers::shape_inputs;
use super::super::browser::{confirm, now_ms, set_title};
use super::super::feedback::extras;
use super::super::ids::{HAND_IN_HEADING, QUESTION_HEADING};
use super::state::{ExamState, Screen};
use crate::quiz::Phase;
use crate::text::{Language, count};

#[component]
pub fn QuizScreen(exam: ExamState) -> impl IntoView {
    let position = Memo::new(move |_| {
        exam.quiz()
            .map(|q| (q.id.clone(), q.current, q.items.len(), q.phase()))
    });
    let title = exam.sealed.with_value(|s| s.meta().title.clone());
    Effect::new(move |_| {
        if let Some((_, current, total, _)) = position.get() {
            set_title(&format!(
                "Question {} of {total} · {title} · Accord",
                current + 1
            ));
        }
    });
    let leave = move |_| {
        if confirm(
            "Close this exam for now? Your attempt is kept: open the link again to resume it.",
        ) {
            exam.close();
        }
    };
    view! {
        <section class="quiz" aria-labelledby=QUESTION_HEADING>
            <div class="quiz-bar">
                {move || position.get().map(|(_, current, total, _)| view! {
                    <p class="counter">{format!("Exam question {} of {total}", (current + 1).min(total))}</p>
                    <progress max=total.to_string() value=current.to_string() aria-hidden="true"></progress>
                })}
                {timer(exam)}
                <button type="button" class="quiet" on:click=leave>"Close for now"</button>
            </div>
            <Overview exam />
            {move || position.get().map(|(_, _, total, phase)| card(exam, phase, total))}
        </section>
    }
}

/// Every question with its state in words (not only colour).
#[component]
fn Overview(exam: ExamState) -> impl IntoView {
    view! {
        <nav class="overview" aria-label="Questions">
            <ol>
                {move || exam.quiz().map(|q| q.overview().into_iter().enumerate().map(|(i, s)| {
                    let state = match (s.answered, s.flagged) {
                        (true, true) => "answered, flagged",
                        (true, false) => "answered",
                        (false, true) => "not answered, flagged",
                        (false, false) => "not answered",
                    };
                    let class = format!("overview-item{}{}",
                        if s.answered { " is-answered" } else { "" },
                        if s.flagged { " is-flagged" } else { "" });
                    view! {
                        <li>
                            <button type="button" class=class aria-current=s.current.then_some("step")
                                aria-label=format!("Question {}: {state}", i + 1)
                                on:click=move |_| exam.go_to(i)>
                                <span aria-hidden="true">{format!("{}{}", i + 1, if s.flagged { " ⚑" } else if s.answered { " ✓" } else { "" })}</span>
                            </button>
                        </li>
                    }
                }).collect_view())}
            </ol>
        </nav>
    }
}

fn spoken(ms: u64) -> String {
    let secs = ms.div_ceil(1000);
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} seconds"),
        (1, 0) => "1 minute".to_string(),
        (m, 0) => format!("{m} minutes"),
        (m, s) => format!("{m} minutes {s} seconds"),
    }
}

/// The time left, ticking; a warning through the live region before the end, and the hand-in
/// of what was answered when the time is up.
fn timer(exam: ExamState) -> impl IntoView {
    let limits = Memo::new(move |_| exam.quiz().and_then(|q| Some((q.started_at, q.deadline?))));
    let now = RwSignal::new(now_ms());
    if let Ok(handle) =
        set_interval_with_handle(move || now.set(now_ms()), Duration::from_millis(500))
    {
        on_cleanup(move || handle.clear());
    }
    let warned = RwSignal::new(false);
    Effect::new(move |_| {
        let Some((start, deadline)) = limits.get() else {
            return;
        };
        let left = deadline.saturating_sub(now.get());
        let warn_at = 60_000.min(deadline.saturating_sub(start) / 5);
        if left == 0 {
            exam.time_up();
        } else if left <= warn_at && !warned.get_untracked() {
            warned.set(true);
            exam.announce(format!("{} left in this exam.", spoken(left)));
        }
    });
    move || {
        limits.get().map(|(_, deadline)| {
            let left = deadline.saturating_sub(now.get());
            let secs = left.div_ceil(1000);
            view! {
                <p class=move || if warned.get() { "timer is-warning" } else { "timer" } role="timer" id="timer"
                    aria-label=format!("Time left: {}", spoken(left))>
                    {format!("{}:{:02}", secs / 60, secs % 60)}
                </p>
            }
        })
    }
}

fn card(exam: ExamState, phase: Phase, total: usize) -> AnyView {
    let Phase::Answering(index) = phase else {
        return ().into_any();
    };
    let Some(quiz) = exam.quiz_untracked() else {
        return ().into_any();
    };
    let Some(item) = quiz.items.get(index).cloned() else {
        return ().into_any();
    };
    let Some(question) = exam
        .sealed
        .with_value(|s| s.question(&item.question).cloned())
    else {
        return ().into_any();
    };
    let topic = exam.sealed.with_value(|s| {
        s.topics()
            .iter()
            .find(|t| t.id == question.topic())
            .map(|t| t.title.clone())
            .unwrap_or_default()
    });
    let last = index + 1 == total;
    let flagged = move || {
        exam.quiz()
            .and_then(|q| q.flags.get(index).copied())
            .unwrap_or(false)
    };
    let invalid = Signal::derive(move || exam.draft_error.with(Option::is_some));
    let announce = Callback::new(move |text: String| exam.announce(text));
    let path = exam.path.get_value();
    view! {
        <form class="card" novalidate on:submit=move |ev| { ev.prevent_default(); exam.save_answer(); }>
            {extras(question.image().cloned(), question.extract().cloned(), path)}
            <fieldset aria-describedby="answer-error" id="answer-area">
                <legend>
                    <span class="question-meta">{topic}</span>
                    <h1 id=QUESTION_HEADING tabindex="-1">{question.prompt().to_string()}</h1>
                </legend>
                {shape_inputs(exam.draft, announce, question.shape().clone(), None, item, false, invalid)}
            </fieldset>
            <p class="answer-error" id="answer-error">{move || exam.draft_error.get()}</p>
            <div class="exam-actions">
                <button type="submit" class="primary" id="check-button">
                    {if last { "Save answer" } else { "Save answer and next" }}
                </button>
                <button type="button" id="previous-button" prop:disabled=index == 0
                    on:click=move |_| exam.go_to(index.saturating_sub(1))>"Previous"</button>
                <button type="button" id="skip-button" prop:disabled=last
                    on:click=move |_| exam.go_to(index + 1)>"Skip"</button>
                <button type="button" id="flag-button" aria-pressed=move || if flagged() { "true" } else { "false" }
                    on:click=move |_| exam.toggle_flag()>
                    {move || if flagged() { "⚑ Flagged for review" } else { "Flag for review" }}
                </button>
                <button type="button" id="hand-in-button" on:click=move |_| exam.review_before_hand_in()>"Review and hand in…"</button>
            </div>
            <p class="keys-hint">"Enter saves your answer and moves on; you can come back to any question until you hand in. This exam is sealed: there is no feedback and no score here."</p>
        </form>
    }
    .into_any()
}

/// What is still unanswered or flagged, a way back to each, and hand in.
#[component]
pub fn HandInScreen(exam: ExamState) -> impl IntoView {
    let Some(quiz) = exam.quiz_untracked() else {
        return ().into_any();
    };
    let unanswered = quiz.unanswered();
    let flagged: Vec<usize> = quiz
        .flags
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.then_some(i))
        .collect();
    let total = quiz.items.len();
    let list = move |items: Vec<usize>| {
        items
            .into_iter()
            .map(|i| view! {
                <li><button type="button" class="quiet" on:click=move |_| exam.go_to(i)>{format!("Question {}", i + 1)}</button></li>
            })
            .collect_view()
    };
    view! {
        <section class="hand-in" aria-labelledby=HAND_IN_HEADING>
            <h1 id=HAND_IN_HEADING tabindex="-1">"Hand in your exam?"</h1>
            <p>{format!("You answered {} of {}.", crate::text::integer((total - unanswered.len()) as u64, Language::English), count(total as u64, "question", "questions", Language::English))}</p>
            {(!unanswered.is_empty()).then(|| view! {
                <h2>{format!("Not answered yet ({})", unanswered.len())}</h2>
                <ul class="jump-list" id="unanswered-list">{list(unanswered.clone())}</ul>
            })}
            {(!flagged.is_empty()).then(|| view! {
                <h2>{format!("Flagged for review ({})", flagged.len())}</h2>
                <ul class="jump-list" id="flagged-list">{list(flagged.clone())}</ul>
            })}
            <p class="hint">"After you hand in, your answers cannot be changed."</p>
            <div class="actions">
                <button type="button" class="primary" id="confirm-hand-in" on:click=move |_| exam.hand_in()>"Hand in now"</button>
                <button type="button" id="back-to-questions" on:click=move |_| {
                    exam.screen.set(Screen::Quiz);
                    super::super::browser::focus_id(QUESTION_HEADING);
                }>"Back to the questions"</button>
            </div>
        </section>
    }
    .into_any()
}
