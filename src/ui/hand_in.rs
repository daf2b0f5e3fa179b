//! An exam's last step: what is still unanswered or flagged, a way back to each, and hand in.

use leptos::prelude::*;

use super::ids::HAND_IN_HEADING;
use super::state::{AppState, Screen};
use crate::text::count;

#[component]
pub fn HandInScreen(app: AppState) -> impl IntoView {
    let language = app.language;
    let Some(quiz) = app.quiz_untracked() else {
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
    let title = app.bank.with_value(|b| b.meta.title.clone());
    super::browser::set_title(&format!("Hand in your exam? · {title} · Accord"));
    let list = move |items: Vec<usize>| {
        items
            .into_iter()
            .map(|i| {
                view! {
                    <li><button type="button" class="quiet" on:click=move |_| app.go_to(i)>{format!("Question {}", i + 1)}</button></li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="hand-in" aria-labelledby=HAND_IN_HEADING>
            <h1 id=HAND_IN_HEADING tabindex="-1">"Hand in your exam?"</h1>
            <p>{format!("You answered {} of {}.", crate::text::integer((total - unanswered.len()) as u64, language), count(total as u64, "question", "questions", language))}</p>
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
                <button type="button" class="primary" id="confirm-hand-in" on:click=move |_| app.hand_in()>"Hand in now"</button>
                <button type="button" id="back-to-questions" on:click=move |_| {
                    app.screen.set(Screen::Quiz);
                    super::browser::focus_id(super::ids::QUESTION_HEADING);
                }>"Back to the questions"</button>
            </div>
        </section>
    }
    .into_any()
}
