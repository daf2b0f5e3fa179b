//! The assignment form: title and instructions, topics (with their question counts), the
//! number of questions and the draw, mode, time limit, attempts, what students see after
//! handing in, open and close times, names, e-mail and pass mark. The core builds the
//! assignment and names each problem by field; this file lays the form out.

use leptos::prelude::*;

use super::state::{Desk, Screen};
use crate::assignment::{DrawOrder, Mode, Review};
use crate::results::desk::{
    AssignmentForm, Attempts, Field, FieldError, questions_in, topic_counts,
};
use crate::text::{Language, count};
use crate::ui::browser::{focus_id, set_title};

/// The control a field's problem points at.
fn control_id(field: Field) -> &'static str {
    match field {
        Field::Title => "a-title",
        Field::Instructions => "a-instructions",
        Field::Topics => "topic-0",
        Field::Count => "a-count",
        Field::TimeLimit => "a-time-limit",
        Field::Attempts => "a-attempts-count",
        Field::Opens => "a-opens",
        Field::Closes => "a-closes",
        Field::Email => "a-email",
        Field::PassMark => "a-pass-mark",
    }
}

type ReadField = fn(&AssignmentForm) -> String;
type WriteField = fn(&mut AssignmentForm, String);

/// The problem shown under a field, if any.
fn problem(errors: RwSignal<Vec<FieldError>>, field: Field) -> Option<String> {
    errors.with(|e| {
        e.iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    })
}

/// A labelled text field with its hint and its problem, tied together for screen readers.
fn text_field(
    form: RwSignal<AssignmentForm>,
    errors: RwSignal<Vec<FieldError>>,
    field: Field,
    label: &'static str,
    hint: &'static str,
    kind: &'static str,
    (get, set): (ReadField, WriteField),
) -> impl IntoView {
    let id = control_id(field);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = if hint.is_empty() {
        error_id.clone()
    } else {
        format!("{hint_id} {error_id}")
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            <input type=kind id=id aria-describedby=described
                aria-invalid=move || if problem(errors, field).is_some() { "true" } else { "false" }
                prop:value=move || form.with(get)
                on:input=move |ev| form.update(|f| set(f, event_target_value(&ev))) />
            <p class="field-error" id=error_id>{move || problem(errors, field)}</p>
        </div>
    }
}

/// A radio group of `choices` for a value of the form.
fn radios<T: Copy + PartialEq + Send + Sync + 'static>(
    form: RwSignal<AssignmentForm>,
    legend: &'static str,
    name: &'static str,
    choices: Vec<(T, &'static str, &'static str)>,
    get: fn(&AssignmentForm) -> T,
    set: fn(&mut AssignmentForm, T),
) -> impl IntoView {
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {choices.into_iter().map(|(value, id, label)| view! {
                <label class="choice-row" for=id>
                    <input type="radio" name=name id=id
                        prop:checked=move || form.with(get) == value
                        on:change=move |_| form.update(|f| set(f, value)) />
                    <span>{label}</span>
                </label>
            }).collect_view()}
        </fieldset>
    }
}

#[component]
pub fn EditorScreen(desk: Desk, id: Option<String>) -> impl IntoView {
    let offset = desk.offset();
    let existing = id
        .as_ref()
        .and_then(|id| desk.data.with_untracked(|d| d.get(id).cloned()));
    let start = existing
        .as_ref()
        .map(|i| AssignmentForm::from_assignment(&i.assignment, offset))
        .unwrap_or_default();
    let editing = existing.is_some();
    let has_results = id
        .as_ref()
        .is_some_and(|id| desk.data.with_untracked(|d| d.class_size(id)) > 0);
    set_title(if editing {
        "Edit the assignment · Teacher · Accord"
    } else {
        "New assignment · Teacher · Accord"
    });
    let form = RwSignal::new(start);
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(Vec::new());
    let topics = desk.bank.with_value(topic_counts);
    let available = move || {
        desk.bank
            .with_value(|b| form.with(|f| questions_in(b, &f.topics)))
    };
    let editing_id = StoredValue::new(id.clone());
    let save = move || {
        let result =
            form.with_untracked(|f| editing_id.with_value(|id| desk.save_form(id.as_deref(), f)));
        match result {
            Ok(id) => {
                errors.set(Vec::new());
                desk.say("The assignment was saved. Its link and QR code are below.");
                desk.go(Screen::Share(id));
            }
            Err(problems) => {
                let first = problems.first().map(|p| control_id(p.field));
                desk.say(format!(
                    "The assignment was not saved: {}",
                    problems
                        .iter()
                        .map(|p| p.message.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                ));
                errors.set(problems);
                if let Some(first) = first {
                    focus_id(first);
                }
            }
        }
    };
    let cancel_to = match &id {
        Some(id) => Screen::Share(id.clone()),
        None => Screen::List,
    };
    view! {
        <section aria-labelledby="editor-heading" class="editor">
            <h1 id="editor-heading" tabindex="-1">{if editing { "Edit the assignment" } else { "New assignment" }}</h1>
            {editing.then(|| view! {
                <p class="notice-inline" id="edit-warning">
                    "Saving changes gives the assignment a new link: students who open the old one keep the old conditions."
                    {has_results.then_some(" Results already taken in that were made under other conditions are flagged.")}
                </p>
            })}
            <form class="assignment-form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                {move || {
                    let problems = errors.get();
                    (!problems.is_empty()).then(|| view! {
                        <div class="notice is-error" id="form-errors">
                            <p>{count(problems.len() as u64, "problem", "problems", Language::English)}" to fix before saving:"</p>
                            <ul>
                                {problems.into_iter().map(|p| {
                                    let target = control_id(p.field);
                                    view! { <li><a href=format!("#{target}") on:click=move |ev| { ev.prevent_default(); focus_id(target); }>{p.message}</a></li> }
                                }).collect_view()}
                            </ul>
                        </div>
                    })
                }}
                <h2>"What students answer"</h2>
                {text_field(form, errors, Field::Title, "Title", "", "text",
                    (|f| f.title.clone(), |f, v| f.title = v))}
                <div class="field">
                    <label for="a-instructions">"Instructions (optional)"</label>
                    <p class="hint" id="a-instructions-hint">"Shown to students before they start."</p>
                    <textarea id="a-instructions" rows="3" aria-describedby="a-instructions-hint a-instructions-error"
                        prop:value=move || form.with(|f| f.instructions.clone())
                        on:input=move |ev| form.update(|f| f.instructions = event_target_value(&ev))></textarea>
                    <p class="field-error" id="a-instructions-error">{move || problem(errors, Field::Instructions)}</p>
                </div>
                <fieldset class="choices">
                    <legend>"Topics"</legend>
                    <p class="hint">"Tick none for every topic."</p>
                    <ul class="topic-list">
                        {topics.into_iter().enumerate().map(|(i, (topic, title, n))| {
                            let (t1, t2) = (topic.clone(), topic.clone());
                            view! {
                                <li>
                                    <label for=format!("topic-{i}")>
                                        <input type="checkbox" id=format!("topic-{i}") value=topic.clone()
                                            prop:checked=move || form.with(|f| f.topics.contains(&t1))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let t = t2.clone();
                                                form.update(move |f| {
                                                    f.topics.retain(|x| *x != t);
                                                    if on { f.topics.push(t); }
                                                });
                                            } />
                                        <span class="topic-title">{title}</span>
                                        <span class="count">{count(n as u64, "question", "questions", Language::English)}</span>
                                    </label>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <p class="hint" id="topics-hold" aria-live="polite">
                        {move || format!("{} to draw from.", count(available() as u64, "question", "questions", Language::English))}
                    </p>
                </fieldset>
                {text_field(form, errors, Field::Count, "Number of questions", "If the topics hold fewer, students get all of them.", "text",
                    (|f| f.count.clone(), |f, v| f.count = v))}
                {radios(form, "Question order", "order", vec![
                    (DrawOrder::Same, "order-same", "The same questions in the same order for everyone"),
                    (DrawOrder::PerStudent, "order-per-student", "A draw of each student's own (reproducible from their name)"),
                ], |f| f.order, |f, v| f.order = v)}

                <h2>"How it runs"</h2>
                {radios(form, "Mode", "mode", vec![
                    (Mode::Practice, "mode-practice", "Practice: feedback after every answer"),
                    (Mode::Exam, "mode-exam", "Exam: no feedback until the end; students can skip, go back and flag"),
                ], |f| f.mode, |f, v| f.mode = v)}
                {text_field(form, errors, Field::TimeLimit, "Time limit in minutes (optional)", "Leave empty for no limit. Extra time for particular students is issued as an accommodation, after saving.", "text",
                    (|f| f.time_limit.clone(), |f, v| f.time_limit = v))}
                <fieldset class="choices">
                    <legend>"Attempts on one device"</legend>
                    {[(Attempts::One, "attempts-one", "One"), (Attempts::Several, "attempts-several", "A number of attempts"), (Attempts::Unlimited, "attempts-unlimited", "Unlimited")]
                        .into_iter().map(|(value, id, label)| view! {
                            <label class="choice-row" for=id>
                                <input type="radio" name="attempts" id=id
                                    prop:checked=move || form.with(|f| f.attempts == value)
                                    on:change=move |_| form.update(|f| f.attempts = value) />
                                <span>{label}</span>
                            </label>
                        }).collect_view()}
                    <div class="field indented">
                        <label for="a-attempts-count">"Number of attempts"</label>
                        <input type="text" id="a-attempts-count" inputmode="numeric" aria-describedby="a-attempts-count-error"
                            disabled=move || form.with(|f| f.attempts != Attempts::Several)
                            aria-invalid=move || if problem(errors, Field::Attempts).is_some() { "true" } else { "false" }
                            prop:value=move || form.with(|f| f.attempts_count.clone())
                            on:input=move |ev| form.update(|f| f.attempts_count = event_target_value(&ev)) />
                        <p class="field-error" id="a-attempts-count-error">{move || problem(errors, Field::Attempts)}</p>
                    </div>
                </fieldset>
                {radios(form, "After handing in, students see", "review", vec![
                    (Review::Nothing, "review-nothing", "Nothing: only that it was handed in"),
                    (Review::Score, "review-score", "Their score"),
                    (Review::Full, "review-full", "Their score and every question with the right answer"),
                ], |f| f.review, |f, v| f.review = v)}

                <h2>"When, and who"</h2>
                <p class="hint" id="times-note">"Opening and closing times are checked by each student's own device clock: this site has no server, so a student who sets their clock differently can start outside them. Results handed in outside the times show when they were handed in."</p>
                {text_field(form, errors, Field::Opens, "Opens (optional)", "", "datetime-local",
                    (|f| f.opens.clone(), |f, v| f.opens = v))}
                {text_field(form, errors, Field::Closes, "Closes (optional)", "", "datetime-local",
                    (|f| f.closes.clone(), |f, v| f.closes = v))}
                <label class="check" for="a-name-required">
                    <input type="checkbox" id="a-name-required"
                        prop:checked=move || form.with(|f| f.name_required)
                        on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| f.name_required = on); } />
                    " Students must give their name"
                </label>
                {text_field(form, errors, Field::Email, "Your e-mail for the hand-in button (optional)", "Students' \"send by e-mail\" button writes to it; leave empty for none.", "email",
                    (|f| f.email.clone(), |f, v| f.email = v))}
                {text_field(form, errors, Field::PassMark, "Pass mark in percent (optional)", "", "text",
                    (|f| f.pass_mark.clone(), |f, v| f.pass_mark = v))}
                <div class="actions">
                    <button type="submit" class="primary" id="save-assignment">"Save the assignment"</button>
                    <button type="button" id="cancel-edit" on:click=move |_| desk.go(cancel_to.clone())>"Cancel"</button>
                </div>
            </form>
        </section>
    }
}
