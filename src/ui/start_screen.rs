//! The start screen: the bank, its topics with question counts, the quiz length, and the
//! learner's progress so far.

use leptos::prelude::*;

use super::data_panel::DataPanel;
use super::state::{AppState, START_HEADING};
use crate::quiz::QuizSettings;

const COUNTS: [usize; 4] = [5, 10, 20, 0];

fn format_date(ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    String::from(date.to_locale_date_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}

#[component]
pub fn StartScreen(app: AppState) -> impl IntoView {
    let (meta, topics) = app.bank.with_value(|bank| {
        let topics: Vec<(String, String, usize)> = bank
            .topic_counts()
            .into_iter()
            .map(|(t, n)| (t.id.clone(), t.title.clone(), n))
            .collect();
        (bank.meta.clone(), topics)
    });
    let total = app.bank.with_value(|b| b.questions.len());
    let url = app.url.get_value();
    let all_ids: Vec<String> = topics.iter().map(|(id, _, _)| id.clone()).collect();
    let initial: Vec<String> = match &url.topics {
        Some(wanted) => all_ids
            .iter()
            .filter(|id| wanted.contains(id))
            .cloned()
            .collect(),
        None => all_ids.clone(),
    };
    let selected = RwSignal::new(if initial.is_empty() {
        all_ids.clone()
    } else {
        initial
    });
    let count = RwSignal::new(url.count.unwrap_or(QuizSettings::DEFAULT_COUNT));
    let link_seed = url.seed.clone();
    let use_link_seed = RwSignal::new(link_seed.is_some());

    let available = {
        let topics = topics.clone();
        move || {
            selected.with(|s| {
                topics
                    .iter()
                    .filter(|(id, _, _)| s.contains(id))
                    .map(|(_, _, n)| n)
                    .sum::<usize>()
            })
        }
    };
    let available = Memo::new(move |_| available());
    let all_for_select = StoredValue::new(all_ids);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if available.get_untracked() == 0 {
            return;
        }
        let chosen = selected.get_untracked();
        let every = all_for_select.with_value(|all| all.iter().all(|id| chosen.contains(id)));
        let n = count.get_untracked();
        let settings = QuizSettings::topics(
            if every { Vec::new() } else { chosen },
            if n == 0 { usize::MAX } else { n },
        );
        let seed = match (&link_seed, use_link_seed.get_untracked()) {
            (Some(seed), true) => seed.clone(),
            _ => app.new_seed(),
        };
        app.start(settings, seed);
    };

    let bank_id = app.bank_id();
    let stats = move || {
        app.progress.with(|p| {
            let progress = p.bank(&bank_id).cloned().unwrap_or_default();
            let seen = progress.questions.values().filter(|s| s.seen > 0).count();
            let right_last = progress
                .questions
                .values()
                .filter(|s| s.last_credit == 1000)
                .count();
            (seen, right_last, progress.history)
        })
    };

    view! {
        <section class="start" aria-labelledby=START_HEADING>
            <h1 id=START_HEADING tabindex="-1">{meta.title.clone()}</h1>
            <p class="description">{meta.description.clone()}</p>
            <p class="meta">{format!("{total} questions in {} topics · version {}", topics.len(), meta.version)}</p>
            <section class="review-box" aria-labelledby="review-heading">
                <h2 id="review-heading">"Spaced review"</h2>
                {move || {
                    let due = app.due_today().len();
                    view! {
                        <p id="due-count">{match due {
                            0 => "Nothing is due today. Questions you answer come back for review just before you would forget them.".to_string(),
                            1 => "1 question is due today.".to_string(),
                            n => format!("{n} questions are due today."),
                        }}</p>
                        <button type="button" class="primary" id="review-button" prop:disabled=due == 0
                            on:click=move |_| app.start_review()>
                            {format!("Review {due} due")}
                        </button>
                    }
                }}
            </section>
            <form class="setup" on:submit=start>
                <fieldset class="topics">
                    <legend>"Topics"</legend>
                    <div class="tools">
                        <button type="button" class="quiet" on:click=move |_| selected.set(all_for_select.get_value())>"Select all"</button>
                        <button type="button" class="quiet" on:click=move |_| selected.set(Vec::new())>"Clear"</button>
                    </div>
                    <ul class="topic-list">
                        {topics.into_iter().map(|(id, title, n)| {
                            let id_for_check = id.clone();
                            let id_for_change = id.clone();
                            view! {
                                <li>
                                    <label>
                                        <input
                                            type="checkbox"
                                            name="topic"
                                            value=id.clone()
                                            prop:checked=move || selected.with(|s| s.contains(&id_for_check))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let id = id_for_change.clone();
                                                selected.update(|s| { s.retain(|t| *t != id); if on { s.push(id); } });
                                            }
                                        />
                                        <span class="topic-title">{title}</span>
                                        <span class="count" aria-label=format!("{n} questions")>{n}</span>
                                    </label>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </fieldset>
                <fieldset class="length">
                    <legend>"Number of questions"</legend>
                    {COUNTS.into_iter().map(|n| view! {
                        <label class="pill">
                            <input type="radio" name="count" value=n.to_string()
                                prop:checked=move || count.get() == n
                                on:change=move |_| count.set(n) />
                            <span>{if n == 0 { "All".to_string() } else { n.to_string() }}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                {url.seed.clone().map(|seed| view! {
                    <label class="link-seed">
                        <input type="checkbox" prop:checked=move || use_link_seed.get()
                            on:change=move |ev| use_link_seed.set(event_target_checked(&ev)) />
                        {format!(" Use the quiz from the link (seed {seed}): everyone with this link gets the same questions")}
                    </label>
                })}
                <p class="summary" aria-live="polite">
                    {move || match available.get() {
                        0 => "Choose at least one topic.".to_string(),
                        n => {
                            let c = count.get();
                            let k = if c == 0 { n } else { c.min(n) };
                            format!("{k} questions from {n} available.")
                        }
                    }}
                </p>
                <button type="submit" class="primary" id="start-button" prop:disabled=move || available.get() == 0>
                    "Start quiz"
                </button>
            </form>
            <section class="progress-summary" aria-labelledby="progress-heading">
                <h2 id="progress-heading">"Your progress"</h2>
                <button type="button" id="dashboard-button" on:click=move |_| app.show_dashboard()>"Open the progress dashboard"</button>
                {move || {
                    let (seen, right_last, history) = stats();
                    view! {
                        <p>{format!("You have answered {seen} of {total} questions; {right_last} of them right the last time.")}</p>
                        {(!history.is_empty()).then(|| view! {
                            <h3>"Recent quizzes"</h3>
                            <ol class="history" reversed>
                                {history.iter().rev().take(5).map(|h| {
                                    let percent = if h.questions == 0 { 0 } else { h.points / (h.questions * 10) };
                                    view! { <li>{format!("{} · {percent} % · {} of {} right · seed {}", format_date(h.finished_at), h.right, h.questions, h.seed)}</li> }
                                }).collect_view()}
                            </ol>
                        })}
                    }
                }}
                <DataPanel app />
            </section>
        </section>
    }
}
