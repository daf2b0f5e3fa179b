//! The start screen: the bank, its topics with question counts, the quiz length, and the
//! learner's progress so far.

use leptos::prelude::*;

use super::data_panel::{DataPanel, SettingsPanel};
use super::state::{AppState, START_HEADING};
use crate::quiz::{QuizMode, QuizSettings};

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
    let mode = RwSignal::new(QuizMode::Practice);
    let time_limit = RwSignal::new(Some(10 * 60u32));
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
        let mut settings = QuizSettings::topics(
            if every { Vec::new() } else { chosen },
            if n == 0 { usize::MAX } else { n },
        );
        settings.mode = mode.get_untracked();
        if settings.mode == QuizMode::Exam {
            settings.time_limit = time_limit.get_untracked();
        }
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
                <fieldset class="mode">
                    <legend>"Mode"</legend>
                    {[(QuizMode::Practice, "Practice", "feedback after every answer"),
                      (QuizMode::Exam, "Exam", "no feedback until the end; optional time limit"),
                      (QuizMode::Focus, "Focus", "your three weakest topics")]
                        .into_iter().map(|(m, name, hint)| view! {
                            <label class="pill">
                                <input type="radio" name="mode" value=name
                                    prop:checked=move || mode.get() == m on:change=move |_| mode.set(m) />
                                <span><strong>{name}</strong>{format!(" · {hint}")}</span>
                            </label>
                        }).collect_view()}
                    <Show when=move || mode.get() == QuizMode::Exam>
                        <label class="time-limit">"Time limit "
                            <select id="time-limit" on:change=move |ev| time_limit.set(event_target_value(&ev).parse::<u32>().ok().filter(|s| *s > 0))>
                                {[(0u32, "none"), (300, "5 minutes"), (600, "10 minutes"), (1200, "20 minutes"), (1800, "30 minutes")]
                                    .into_iter().map(|(secs, label)| view! {
                                        <option value=secs.to_string() selected=time_limit.get_untracked() == Some(secs) || (secs == 0 && time_limit.get_untracked().is_none())>{label}</option>
                                    }).collect_view()}
                            </select>
                        </label>
                        <p class="hint">{move || app.progress.with(|p| {
                            let s = &p.settings;
                            if s.time_limits_off { "Time limits are off in your settings.".to_string() }
                            else if s.time_extension > 1.0 { format!("Your settings give you {}× the time.", s.time_extension) }
                            else { "You can extend or turn off time limits in Settings below.".to_string() }
                        })}</p>
                    </Show>
                    <Show when=move || mode.get() == QuizMode::Focus>
                        <p class="hint">{move || {
                            let id = app.bank_id();
                            let names = app.progress.with(|p| app.bank.with_value(|bank| {
                                crate::progress::weakest_topics(bank, p.bank(&id), 3).iter()
                                    .filter_map(|t| bank.topic(t).map(|t| t.title.clone())).collect::<Vec<_>>()
                            }));
                            format!("Your weakest topics now: {}. (The topic choice below does not apply.)", names.join("; "))
                        }}</p>
                    </Show>
                </fieldset>
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
                <SettingsPanel app />
                <DataPanel app />
            </section>
        </section>
    }
}
