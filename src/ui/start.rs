//! The start screen: resume or start at once with sensible defaults, every choice (mode,
//! topics, length) folded into a disclosure, spaced review, the learner, and progress so far.

use leptos::prelude::*;

use super::ids::START_HEADING;
use super::state::AppState;
use crate::progress::{Count, Profiles, QuizRequest, TIME_LIMITS, available};
use crate::quiz::{QuizMode, QuizSettings};
use crate::text::count;

const MODES: [(QuizMode, &str, &str); 3] = [
    (
        QuizMode::Practice,
        "Practice",
        "feedback after every answer",
    ),
    (
        QuizMode::Exam,
        "Exam",
        "no feedback until the end; move between questions, flag them, then hand in",
    ),
    (
        QuizMode::Focus,
        "Focus",
        "questions from your weakest topics",
    ),
];

fn mode_name(mode: QuizMode) -> &'static str {
    match mode {
        QuizMode::Practice => "Practice",
        QuizMode::Exam => "Exam",
        QuizMode::Focus => "Focus",
        QuizMode::Review => "Review",
    }
}

fn format_date(ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    String::from(date.to_locale_date_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}

#[component]
pub fn StartScreen(app: AppState) -> impl IntoView {
    let language = app.language;
    let (meta, topics) = app.bank.with_value(|bank| {
        let topics: Vec<(String, String, usize)> = bank
            .topic_counts()
            .into_iter()
            .map(|(t, n)| (t.id.clone(), t.title.clone(), n))
            .collect();
        (bank.meta.clone(), topics)
    });
    super::browser::set_title(&format!("{} · Accord", meta.title));
    let url = app.url.get_value();
    let all_ids: Vec<String> = topics.iter().map(|(id, _, _)| id.clone()).collect();
    let from_link: Vec<String> = match &url.topics {
        Some(wanted) => all_ids
            .iter()
            .filter(|id| wanted.contains(id))
            .cloned()
            .collect(),
        None => Vec::new(),
    };
    let selected = RwSignal::new(if from_link.is_empty() {
        all_ids.clone()
    } else {
        from_link
    });
    let initial_count = match url.count {
        Some(n) => Count::Exactly(n),
        None => Count::Exactly(QuizSettings::DEFAULT_COUNT),
    };
    let chosen_count = RwSignal::new(initial_count);
    let mode = RwSignal::new(QuizMode::Practice);
    let time_limit = RwSignal::new(Some(600u32));
    let link_seed = url.seed.clone();
    let use_link_seed = RwSignal::new(link_seed.is_some());
    let available =
        Memo::new(move |_| selected.with(|s| app.bank.with_value(|bank| available(bank, s))));
    let all_for_select = StoredValue::new(all_ids);
    let topic_total = topics.len();

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if available.get_untracked() == 0 && mode.get_untracked() != QuizMode::Focus {
            return;
        }
        let request = QuizRequest {
            mode: mode.get_untracked(),
            topics: selected.get_untracked(),
            count: chosen_count.get_untracked(),
            time_limit: time_limit.get_untracked(),
        };
        let seed = match (&link_seed, use_link_seed.get_untracked()) {
            (Some(seed), true) => Some(seed.clone()),
            _ => None,
        };
        app.start(request, seed);
    };

    let plan = move || {
        let n = available.get();
        let topics_text = selected.with(|s| {
            if s.len() == topic_total {
                format!("all {topic_total} topics")
            } else {
                count(s.len() as u64, "topic", "topics", language)
            }
        });
        match (mode.get(), n) {
            (QuizMode::Focus, _) => format!(
                "Focus · your {} weakest topics: {}",
                crate::progress::FOCUS_TOPICS_IN_WORDS,
                app.weakest_topics().join("; ")
            ),
            (_, 0) => "Choose at least one topic.".to_string(),
            (m, n) => {
                let k = chosen_count.get().of(n);
                let limit = match (m, time_limit.get()) {
                    (QuizMode::Exam, Some(secs)) => format!(" · {} min", secs / 60),
                    _ => String::new(),
                };
                format!(
                    "{} · {} from {topics_text}{limit}",
                    mode_name(m),
                    count(k as u64, "question", "questions", language)
                )
            }
        }
    };

    view! {
        <section class="start" aria-labelledby=START_HEADING>
            <h1 id=START_HEADING tabindex="-1">{meta.title.clone()}</h1>
            <ProfileLine app />
            <Resume app />
            <form class="setup" on:submit=start>
                <p class="plan" id="plan-summary" aria-live="polite">{plan}</p>
                <button type="submit" class="primary" id="start-button"
                    prop:disabled=move || available.get() == 0 && mode.get() != QuizMode::Focus>
                    "Start quiz"
                </button>
                <details class="options" id="quiz-options">
                    <summary>"Change the mode, topics or number of questions"</summary>
                    <fieldset class="mode">
                        <legend>"Mode"</legend>
                        {MODES.into_iter().map(|(m, name, hint)| view! {
                            <label class="choice-row">
                                <input type="radio" name="mode" value=name
                                    prop:checked=move || mode.get() == m on:change=move |_| mode.set(m) />
                                <span><strong>{name}</strong>{format!(": {hint}")}</span>
                            </label>
                        }).collect_view()}
                        <Show when=move || mode.get() == QuizMode::Exam>
                            <label class="time-limit" for="time-limit">"Time limit"</label>
                            <select id="time-limit" on:change=move |ev| {
                                let secs = event_target_value(&ev).parse::<u32>().ok().filter(|s| *s > 0);
                                time_limit.set(secs);
                            }>
                                {TIME_LIMITS.into_iter().map(|(secs, label)| view! {
                                    <option value=secs.unwrap_or(0).to_string() selected=time_limit.get_untracked() == secs>{label}</option>
                                }).collect_view()}
                            </select>
                            <p class="hint">{move || {
                                let s = app.settings();
                                if s.time_limits_off { "Time limits are off in your settings.".to_string() }
                                else if s.time_extension > 1.0 { format!("Your settings give you {}× the time.", crate::text::decimal(s.time_extension, 1, language)) }
                                else { "You can extend or turn off the time limits of your own exams in Settings.".to_string() }
                            }}</p>
                        </Show>
                    </fieldset>
                    <fieldset class="topics" prop:disabled=move || mode.get() == QuizMode::Focus>
                        <legend>{move || format!("Topics ({})", selected.with(|s| if s.len() == topic_total { "all".to_string() } else { s.len().to_string() }))}</legend>
                        <div class="tools">
                            <button type="button" class="quiet" on:click=move |_| selected.set(all_for_select.get_value())>"Select all"</button>
                            <button type="button" class="quiet" on:click=move |_| selected.set(Vec::new())>"Clear"</button>
                        </div>
                        <ul class="topic-list">
                            {topics.into_iter().map(|(id, title, n)| {
                                let (id_check, id_change) = (id.clone(), id.clone());
                                view! {
                                    <li>
                                        <label>
                                            <input type="checkbox" name="topic" value=id
                                                prop:checked=move || selected.with(|s| s.contains(&id_check))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    let id = id_change.clone();
                                                    selected.update(|s| { s.retain(|t| *t != id); if on { s.push(id); } });
                                                } />
                                            <span class="topic-title">{title}</span>
                                            <span class="count">{count(n as u64, "question", "questions", language)}</span>
                                        </label>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </fieldset>
                    <fieldset class="length">
                        <legend>"Number of questions"</legend>
                        {Count::CHOICES.into_iter().map(|c| view! {
                            <label class="choice-inline">
                                <input type="radio" name="count" value=c.label()
                                    prop:checked=move || chosen_count.get() == c
                                    on:change=move |_| chosen_count.set(c) />
                                <span>{c.label()}</span>
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
                </details>
            </form>
            <p class="description">{meta.description.clone()}</p>
            <ReviewBox app />
            <ProgressSummary app />
        </section>
    }
}

/// Who is learning on this device, and a way to switch or add a learner.
#[component]
fn ProfileLine(app: AppState) -> impl IntoView {
    let adding = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Err(why) = app.add_profile(&name.get_untracked()) {
            problem.set(Some(why));
        }
    };
    view! {
        <details class="profile" id="profile">
            <summary>{move || format!("Learner: {}", app.profiles.with(|p| Profiles::display_name(p.active()).to_string()))}</summary>
            <p class="hint">"Several learners can share this device: each keeps their own progress."</p>
            <ul class="profile-list">
                {move || app.profiles.with(|p| p.list.iter().map(|profile| {
                    let id = profile.id.clone();
                    let active = profile.id == p.active;
                    let label = Profiles::display_name(profile).to_string();
                    view! {
                        <li>
                            {if active {
                                view! { <span aria-current="true">{format!("{label} (now)")}</span> }.into_any()
                            } else {
                                view! { <button type="button" class="quiet" on:click=move |_| app.switch_profile(&id)>{format!("Switch to {label}")}</button> }.into_any()
                            }}
                        </li>
                    }
                }).collect_view())}
            </ul>
            <Show when=move || adding.get() fallback=move || view! {
                <button type="button" class="quiet" id="add-learner" on:click=move |_| adding.set(true)>"Add a learner…"</button>
            }>
                <form class="add-learner" on:submit=add>
                    <label for="learner-name">"Name"</label>
                    <input id="learner-name" type="text" autocomplete="off" maxlength="60"
                        aria-invalid=move || problem.with(|p| if p.is_some() { "true" } else { "false" })
                        aria-describedby="learner-name-problem"
                        on:input=move |ev| name.set(event_target_value(&ev)) />
                    <button type="submit">"Add and switch"</button>
                    <p id="learner-name-problem" class="answer-error">{move || problem.get()}</p>
                </form>
            </Show>
        </details>
    }
}

/// Quizzes in progress that this tab does not show: resume one.
#[component]
fn Resume(app: AppState) -> impl IntoView {
    let language = app.language;
    move || {
        let list = app.unfinished();
        (!list.is_empty()).then(|| view! {
            <section class="resume" aria-labelledby="resume-heading">
                <h2 id="resume-heading">{if list.len() == 1 { "Your quiz in progress" } else { "Your quizzes in progress" }}</h2>
                <ul>
                    {list.into_iter().map(|u| {
                        let id = u.id.clone();
                        let text = format!("{} quiz started {} · {} of {} answered",
                            mode_name(u.mode), format_date(u.started_at),
                            crate::text::integer(u.answered as u64, language), u.questions);
                        view! {
                            <li>
                                <span>{text}</span>
                                <button type="button" class="primary resume-button" on:click=move |_| app.resume(&id)>"Resume"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}

/// Spaced review: how many questions are due today, and a button to review them.
#[component]
fn ReviewBox(app: AppState) -> impl IntoView {
    let language = app.language;
    view! {
        <section class="review-box" aria-labelledby="review-heading">
            <h2 id="review-heading">"Spaced review"</h2>
            {move || {
                let due = app.with(|l| app.bank.with_value(|b| l.due_today(b, super::browser::local_time()).len()));
                view! {
                    <p id="due-count">{match due {
                        0 => "Nothing is due today. Questions you answer come back for review just before you would forget them.".to_string(),
                        1 => "1 question is due today.".to_string(),
                        n => format!("{} are due today.", count(n as u64, "question", "questions", language)),
                    }}</p>
                    <button type="button" id="review-button" prop:disabled=due == 0
                        on:click=move |_| app.start_review()>
                        {format!("Review {due} due")}
                    </button>
                }
            }}
        </section>
    }
}

/// How much of the bank the learner has answered, the recent quizzes, and the other pages.
#[component]
fn ProgressSummary(app: AppState) -> impl IntoView {
    let language = app.language;
    let bank_param = app.url.with_value(|u| u.bank.clone());
    let progress_href = if bank_param == crate::progress::DEFAULT_BANK_PATH {
        "progress.html".to_string()
    } else {
        format!("progress.html?bank={bank_param}")
    };
    view! {
        <section class="progress-summary" aria-labelledby="progress-heading">
            <h2 id="progress-heading">"Your progress"</h2>
            {move || {
                let summary = app.with(|l| app.bank.with_value(|b| l.summary(b)));
                view! {
                    <p id="answered-summary">{format!(
                        "You have answered {} of {}; {} of them right the last time.",
                        crate::text::integer(summary.answered as u64, language),
                        count(summary.questions as u64, "question", "questions", language),
                        crate::text::integer(summary.right_last_time as u64, language),
                    )}</p>
                    {(!summary.recent.is_empty()).then(|| view! {
                        <h3>{format!("Recent quizzes ({} finished in all)", crate::text::integer(summary.finished as u64, language))}</h3>
                        <ol class="history" reversed>
                            {summary.recent.into_iter().map(|h| view! {
                                <li>{format!("{} · {} % · {} of {} right · seed {}",
                                    format_date(h.finished_at), h.percent, h.right, h.questions, h.seed)}</li>
                            }).collect_view()}
                        </ol>
                    })}
                }
            }}
            <p class="links">
                <a href=progress_href id="progress-link">"Progress dashboard, settings and your data"</a>
            </p>
        </section>
    }
}
