//! The quiz screen: one question at a time with its answer form, then its feedback; in an
//! exam, the question overview, skip and back, flags, the timer and the way to hand in.

use std::time::Duration;

use leptos::prelude::*;

use super::answers::AnswerInputs;
use super::browser::{confirm, now_ms, set_title};
use super::feedback::{Extras, Feedback};
use super::ids::{NEXT_BUTTON, QUESTION_HEADING};
use super::state::AppState;
use crate::bank::QuestionKind;
use crate::quiz::{Phase, QuizMode};

#[component]
pub fn QuizScreen(app: AppState) -> impl IntoView {
    // Re-render the card only when the question or its phase changes, not on every keystroke.
    let position = Memo::new(move |_| {
        app.quiz().map(|q| {
            (
                q.id.clone(),
                q.current,
                q.items.len(),
                q.phase(),
                q.navigable(),
            )
        })
    });
    let mode = Memo::new(move |_| app.quiz().map(|q| q.settings.mode).unwrap_or_default());
    let timer = exam_timer(app);
    let assignment = app.with_untracked(|l| l.run().is_some());
    let leave = move |_| {
        let ask = if assignment {
            "Close this assignment for now? Your attempt is kept: open the link again to resume it."
        } else {
            "Leave this quiz? The answers you gave still count in your progress."
        };
        if confirm(ask) {
            app.quit();
        }
    };
    let title = app.bank.with_value(|b| b.meta.title.clone());
    Effect::new(move |_| {
        if let Some((_, current, total, _, _)) = position.get() {
            set_title(&format!(
                "Question {} of {total} · {title} · Accord",
                current + 1
            ));
        }
    });
    view! {
        <section class="quiz" aria-labelledby=QUESTION_HEADING>
            <div class="quiz-bar">
                {move || position.get().map(|(_, current, total, _, _)| view! {
                    <p class="counter">{format!("{} {} of {total}",
                        match mode.get() { QuizMode::Review => "Review", QuizMode::Exam => "Exam question", _ => "Question" },
                        (current + 1).min(total))}</p>
                    <progress max=total.to_string() value=current.to_string() aria-hidden="true"></progress>
                })}
                {timer}
                <button type="button" class="quiet" on:click=leave>{if assignment { "Close for now" } else { "Leave quiz" }}</button>
            </div>
            {move || position.get().filter(|p| p.4).map(|_| view! { <Overview app /> })}
            {move || position.get().map(|(_, _, total, phase, navigable)| card(app, phase, total, navigable))}
        </section>
    }
}

/// The exam's question overview: every question with its state in words (not only colour).
#[component]
fn Overview(app: AppState) -> impl IntoView {
    view! {
        <nav class="overview" aria-label="Questions">
            <ol>
                {move || app.quiz().map(|q| q.overview().into_iter().enumerate().map(|(i, s)| {
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
                                on:click=move |_| app.go_to(i)>
                                <span aria-hidden="true">{format!("{}{}", i + 1, if s.flagged { " ⚑" } else if s.answered { " ✓" } else { "" })}</span>
                            </button>
                        </li>
                    }
                }).collect_view())}
            </ol>
        </nav>
    }
}

/// The time left in an exam, ticking; warns once through the live region before the end
/// and ends the exam (scoring what was answered) when the time is up.
fn exam_timer(app: AppState) -> impl IntoView {
    let limits = Memo::new(move |_| app.quiz().and_then(|q| Some((q.started_at, q.deadline?))));
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
        // Warn a minute before the end, or at a fifth of a short limit.
        let warn_at = 60_000.min(deadline.saturating_sub(start) / 5);
        if left == 0 {
            app.time_up();
        } else if left <= warn_at && !warned.get_untracked() {
            warned.set(true);
            app.announce(format!("{} left in this exam.", spoken(left)));
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

fn spoken(ms: u64) -> String {
    let secs = ms.div_ceil(1000);
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} seconds"),
        (1, 0) => "1 minute".to_string(),
        (m, 0) => format!("{m} minutes"),
        (m, s) => format!("{m} minutes {s} seconds"),
    }
}

fn keys_hint(kind: &QuestionKind, shortcuts: bool) -> &'static str {
    match (kind, shortcuts) {
        (QuestionKind::SingleChoice { .. } | QuestionKind::TrueFalse { .. }, true) => {
            "Keys: number keys choose · Enter checks, then Enter continues"
        }
        (QuestionKind::MultipleSelect { .. } | QuestionKind::SpotError { .. }, true) => {
            "Keys: number keys tick and untick · Enter checks, then Enter continues"
        }
        (QuestionKind::Ordering { .. }, _) => {
            "Keys: Tab to an item, Alt+↑ / Alt+↓ move it · Enter checks"
        }
        _ => "Keys: Tab between fields · Enter checks, then Enter continues",
    }
}

fn card(app: AppState, phase: Phase, total: usize, navigable: bool) -> AnyView {
    let (index, answered) = match phase {
        Phase::Answering(i) => (i, false),
        Phase::Feedback(i) => (i, true),
        Phase::Finished => return ().into_any(),
    };
    let Some(quiz) = app.quiz_untracked() else {
        return ().into_any();
    };
    let Some((item, question)) = app
        .bank
        .with_value(|bank| quiz.current(bank).map(|(i, q)| (i.clone(), q.clone())))
    else {
        return ().into_any();
    };
    let credit = quiz.answers[index].as_ref().map(|a| a.credit);
    let topic = app.bank.with_value(|b| {
        b.topic(&question.topic)
            .map(|t| t.title.clone())
            .unwrap_or_default()
    });
    let meta = match question.difficulty {
        Some(d) => format!("{topic} · {}", d.title()),
        None => topic,
    };
    let last = index + 1 == total;
    let shortcuts = app.with_untracked(|l| l.settings().key_shortcuts);
    let flagged = move || {
        app.quiz()
            .and_then(|q| q.flags.get(index).copied())
            .unwrap_or(false)
    };
    let bank_path = app.url.with_value(|u| u.bank.clone());
    let buttons = if let (true, Some(credit)) = (answered, credit) {
        view! {
            <Feedback question=question.clone() credit language=app.language />
            <button type="button" class="primary" id=NEXT_BUTTON on:click=move |_| app.next()>
                {if last { "See results" } else { "Next question" }}
            </button>
        }
        .into_any()
    } else if navigable {
        view! {
            <div class="exam-actions">
                <button type="submit" class="primary" id="check-button">
                    {if last { "Save answer" } else { "Save answer and next" }}
                </button>
                <button type="button" id="previous-button" prop:disabled=index == 0
                    on:click=move |_| app.go_to(index.saturating_sub(1))>"Previous"</button>
                <button type="button" id="skip-button" prop:disabled=last
                    on:click=move |_| app.go_to(index + 1)>"Skip"</button>
                <button type="button" id="flag-button" aria-pressed=move || if flagged() { "true" } else { "false" }
                    on:click=move |_| app.toggle_flag()>
                    {move || if flagged() { "⚑ Flagged for review" } else { "Flag for review" }}
                </button>
                <button type="button" id="hand-in-button" on:click=move |_| app.review_before_hand_in()>"Review and hand in…"</button>
            </div>
            <p class="keys-hint">"Enter saves your answer and moves on; you can come back to any question until you hand in. Feedback comes at the end."</p>
        }
        .into_any()
    } else {
        view! {
            <button type="submit" class="primary" id="check-button">"Check answer"</button>
            <p class="keys-hint">{keys_hint(&question.kind, shortcuts)}</p>
        }
        .into_any()
    };
    let invalid = move || app.draft_error.with(Option::is_some);
    view! {
        <form class="card" novalidate on:submit=move |ev| { ev.prevent_default(); app.check_or_continue(); }>
            <Extras question=question.clone() bank_path />
            <fieldset prop:disabled=answered aria-describedby="answer-error" id="answer-area">
                <legend>
                    <span class="question-meta">{meta}</span>
                    <h1 id=QUESTION_HEADING tabindex="-1">{question.prompt.clone()}</h1>
                </legend>
                <AnswerInputs app question=question.clone() item answered invalid=Signal::derive(invalid) />
            </fieldset>
            <p class="answer-error" id="answer-error">{move || app.draft_error.get()}</p>
            {buttons}
        </form>
    }
    .into_any()
}
