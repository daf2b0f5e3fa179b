//! A sealed exam's first screen (title, instructions, conditions, what sealing means for the
//! student, the name, start or resume, what was handed in, the release code) and the screen
//! after handing in.

use leptos::prelude::*;

use super::super::assignment::{conditions_with, hand_in_actions};
use super::super::browser::{format_date_time, set_title};
use super::super::ids::RESULTS_HEADING;
use super::state::{ExamState, Screen};
use crate::text::Language;

/// What the student is told about a sealed exam.
const SEALED_NOTE: &str = "This exam is sealed: its answers are locked with your teacher's key, so this page cannot score it or show any answer. Your teacher grades what you hand in. When they release the answers, open the link they give you (or paste their code below) to see your review.";

#[component]
pub fn IntroScreen(exam: ExamState) -> impl IntoView {
    let invitation = exam.invitation.get_value();
    let a = invitation.assignment.clone();
    set_title(&format!("{} · Sealed exam · Accord", a.title));
    let name = RwSignal::new(exam.suggested_name());
    let problem = RwSignal::new(None::<String>);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problem.set(exam.start(&name.get_untracked()).err());
    };
    let list = exam.sealed.with_value(|s| {
        let title = |t: &str| {
            s.topics()
                .iter()
                .find(|x| x.id == t)
                .map(|x| x.title.clone())
        };
        let mut list = conditions_with(Language::English, title, &invitation);
        // A sealed exam shows nothing after handing in, whatever the review setting says.
        list.retain(|c| !c.starts_with("After you hand in"));
        list
    });
    let name_label = if a.name_required {
        "Your name (required)"
    } else {
        "Your name"
    };
    let released = move || exam.released.with(Option::is_some);
    view! {
        <section class="assignment" aria-labelledby="assignment-heading">
            <h1 id="assignment-heading" tabindex="-1">{a.title.clone()}</h1>
            {(!a.instructions.is_empty()).then(|| view! { <p class="instructions">{a.instructions.clone()}</p> })}
            <h2>"The conditions"</h2>
            <ul class="conditions" id="conditions">
                {list.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
            </ul>
            <p class="notice-inline" id="sealed-note">{SEALED_NOTE}</p>
            {move || match (exam.run_in_progress(), released()) {
                (Some(id), _) => view! {
                    <p>"Your attempt is in progress."</p>
                    <button type="button" class="primary" id="resume-assignment" on:click=move |_| exam.resume(&id)>"Resume"</button>
                }.into_any(),
                (None, true) => view! {
                    <p id="exam-over">"Your teacher released the answers: the exam is over."</p>
                }.into_any(),
                (None, false) => view! {
                    <form class="start-assignment" on:submit=start>
                        <label for="student-name">{name_label}</label>
                        <input id="student-name" type="text" autocomplete="name" maxlength="100"
                            prop:value=move || name.get()
                            aria-invalid=move || if problem.with(Option::is_some) { "true" } else { "false" }
                            aria-describedby="assignment-problem"
                            on:input=move |ev| name.set(event_target_value(&ev)) />
                        <button type="submit" class="primary" id="start-assignment">
                            {move || { let used = exam.attempts_used(); if used > 0 { format!("Start attempt {}", used + 1) } else { "Start".to_string() } }}
                        </button>
                        <p class="answer-error" id="assignment-problem">{move || problem.get()}</p>
                    </form>
                }.into_any(),
            }}
            <Previous exam />
            <ReleaseBox exam />
        </section>
    }
}

/// The attempts handed in here: each can be handed in again, and reviewed once released.
#[component]
fn Previous(exam: ExamState) -> impl IntoView {
    move || {
        let results = exam.previous_results();
        let released = exam.released.with(Option::is_some);
        (!results.is_empty()).then(|| view! {
            <section class="previous" aria-labelledby="previous-heading">
                <h2 id="previous-heading">"What you handed in"</h2>
                <ul>
                    {results.into_iter().map(|r| {
                        let attempt = r.run.attempt;
                        let text = format!("Attempt {attempt}, handed in {}", format_date_time(r.handed_in_at));
                        view! {
                            <li>
                                <span>{text}</span>
                                {released.then(|| view! {
                                    <button type="button" class="primary" id=format!("review-{attempt}")
                                        on:click=move |_| { exam.screen.set(Screen::Review(attempt)); super::super::browser::focus_id(RESULTS_HEADING); }>
                                        "See the review"
                                    </button>
                                })}
                                {hand_in_actions(r)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}

/// Where a student pastes the release code their teacher gave.
#[component]
fn ReleaseBox(exam: ExamState) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match exam.release(&code.get_untracked()) {
            Ok(()) => {
                message.set(None);
                code.set(String::new());
                match exam.previous_results().last() {
                    Some(latest) => {
                        exam.announce("The answers were released.");
                        exam.screen.set(Screen::Review(latest.run.attempt));
                        super::super::browser::focus_id(RESULTS_HEADING);
                    }
                    None => message.set(Some(
                        "The answers were released, but nothing was handed in on this device."
                            .into(),
                    )),
                }
            }
            Err(why) => message.set(Some(format!("That code does not open this exam: {why}."))),
        }
    };
    move || {
        (!exam.released.with(Option::is_some)).then(|| {
            view! {
                <section class="panel" aria-labelledby="release-heading">
                    <h2 id="release-heading">"Answers released?"</h2>
                    <form class="release-form" on:submit=submit>
                        <label for="release-code">"Paste the release code your teacher gave"</label>
                        <input id="release-code" type="text" autocomplete="off" spellcheck="false"
                            aria-describedby="release-problem"
                            prop:value=move || code.get()
                            on:input=move |ev| code.set(event_target_value(&ev)) />
                        <button type="submit" id="release-button">"See my review"</button>
                        <p class="answer-error" id="release-problem">{move || message.get()}</p>
                    </form>
                </section>
            }
        })
    }
}

/// After handing in: that it was handed in, and the ways to give it to the teacher.
#[component]
pub fn HandedInScreen(exam: ExamState) -> impl IntoView {
    let Some(record) = exam.handed_in() else {
        return view! { <p>"Nothing was handed in yet."</p> }.into_any();
    };
    set_title(&format!(
        "Handed in · {} · Accord",
        record.run.assignment.title
    ));
    let title = record.run.assignment.title.clone();
    let timed_out = record.timed_out;
    view! {
        <section class="results" aria-labelledby=RESULTS_HEADING>
            <h1 id=RESULTS_HEADING tabindex="-1">"Handed in"</h1>
            {timed_out.then(|| view! { <p class="notice-inline">"The time ran out; the answers you gave were handed in."</p> })}
            <section class="handed-in" aria-labelledby="hand-in-panel-heading">
                <p>{format!("Your answers to “{title}” were handed in, {}.", format_date_time(record.handed_in_at))}</p>
                <p class="hint" id="sealed-handed-in">"The exam is sealed, so there is no score here: your teacher grades it. When they release the answers, you will see your review on this page."</p>
                <h2 id="hand-in-panel-heading">"Give your result to your teacher"</h2>
                {hand_in_actions(record)}
            </section>
            <div class="actions">
                <button type="button" id="new-quiz-button" on:click=move |_| exam.show_intro()>"Back to the assignment"</button>
            </div>
        </section>
    }
    .into_any()
}
