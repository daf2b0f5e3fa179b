//! The quiz screen: one question at a time, its answer form, then its feedback.

use leptos::prelude::*;

use super::answer_inputs::AnswerInputs;
use std::time::Duration;

use super::browser::{confirm, now_ms};
use super::feedback::Feedback;
use super::state::{AppState, NEXT_BUTTON, QUESTION_HEADING};
use crate::bank::QuestionKind;
use crate::quiz::{Phase, QuizMode};

#[component]
pub fn QuizScreen(app: AppState) -> impl IntoView {
    // Re-render the card only when the question or its phase changes, not on every keystroke.
    let position = Memo::new(move |_| app.session().map(|s| (s.current, s.items.len(), s.phase())));
    let mode = Memo::new(move |_| app.session().map(|s| s.settings.mode).unwrap_or_default());
    let timer = exam_timer(app);
    let leave = move |_| {
        if confirm("Leave this quiz? The answers you gave still count in your progress.") {
            app.quit();
        }
    };
    view! {
        <section class="quiz" aria-labelledby=QUESTION_HEADING>
            <div class="quiz-bar">
                {move || position.get().map(|(current, total, _)| view! {
                    <p class="counter">{format!("{} {} of {total}",
                        match mode.get() { QuizMode::Review => "Review", QuizMode::Exam => "Exam question", _ => "Question" },
                        (current + 1).min(total))}</p>
                    <progress max=total.to_string() value=current.to_string() aria-hidden="true"></progress>
                })}
                {timer}
                <button type="button" class="quiet" on:click=leave>"Leave quiz"</button>
            </div>
            {move || position.get().map(|(_, total, phase)| card(app, phase, total))}
        </section>
    }
}

/// The time left in an exam, ticking; warns once through the live region before the end
/// and ends the exam (scoring what was answered) when the time is up.
fn exam_timer(app: AppState) -> impl IntoView {
    let limits = Memo::new(move |_| {
        app.session()
            .and_then(|s| Some((s.started_at, s.deadline?)))
    });
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
        let warn_at = 60_000.min((deadline - start) / 5);
        if left == 0 {
            app.time_up();
        } else if left <= warn_at && !warned.get_untracked() {
            warned.set(true);
            app.announcement
                .set(format!("{} left in this exam.", spoken(left)));
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

fn keys_hint(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::SingleChoice { .. } | QuestionKind::TrueFalse { .. } => {
            "Keys: number keys choose · Enter checks, then Enter continues"
        }
        QuestionKind::MultipleSelect { .. } | QuestionKind::SpotError { .. } => {
            "Keys: number keys tick and untick · Enter checks, then Enter continues"
        }
        QuestionKind::Ordering { .. } => {
            "Keys: Tab to an item, Alt+↑ / Alt+↓ move it · Enter checks"
        }
        _ => "Keys: Tab between fields · Enter checks, then Enter continues",
    }
}

fn card(app: AppState, phase: Phase, total: usize) -> impl IntoView {
    let session = app.session_now();
    let (index, answered) = match phase {
        Phase::Answering(i) => (i, false),
        Phase::Feedback(i) => (i, true),
        Phase::Finished => return ().into_any(),
    };
    let Some((item, question)) = session.as_ref().and_then(|s| {
        app.bank
            .with_value(|bank| s.current(bank).map(|(i, q)| (i.clone(), q.clone())))
    }) else {
        return ().into_any();
    };
    let credit = session
        .as_ref()
        .and_then(|s| s.answers[index].as_ref().map(|a| a.credit));
    let topic = app.bank.with_value(|b| {
        b.topic(&question.topic)
            .map(|t| t.title.clone())
            .unwrap_or_default()
    });
    let last = index + 1 == total;
    let exam = session
        .as_ref()
        .is_some_and(|s| !s.settings.mode.gives_feedback());
    view! {
        <form class="card" novalidate on:submit=move |ev| { ev.prevent_default(); app.primary(); }>
            <fieldset prop:disabled=answered aria-describedby="answer-error">
                <legend>
                    <span class="question-meta">{match question.difficulty { Some(d) => format!("{topic} · {}", d.title()), None => topic.clone() }}</span>
                    <h2 id=QUESTION_HEADING tabindex="-1">{question.prompt.clone()}</h2>
                </legend>
                <AnswerInputs app question=question.clone() item answered />
            </fieldset>
            <p class="answer-error" id="answer-error" role="alert">{move || app.draft_error.get()}</p>
            {if let (true, Some(credit)) = (answered, credit) {
                view! {
                    <Feedback question credit />
                    <button type="button" class="primary" id=NEXT_BUTTON on:click=move |_| app.next()>
                        {if last { "See results" } else { "Next question" }}
                    </button>
                }.into_any()
            } else {
                view! {
                    <button type="submit" class="primary" id="check-button">
                        {if exam { "Save answer and continue" } else { "Check answer" }}
                    </button>
                    <p class="keys-hint">{if exam {
                        "Enter saves your answer and moves on; feedback comes at the end"
                    } else {
                        keys_hint(&question.kind)
                    }}</p>
                }.into_any()
            }}
        </form>
    }
    .into_any()
}
