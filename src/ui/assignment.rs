//! A teacher's assignment, on the student's side: the screen that opens from its link (title,
//! instructions, the conditions in words, the student's name, start or resume), and what the
//! student gets after handing in (the result file, a code to paste, an e-mail to send).

use leptos::prelude::*;

use super::browser::{
    copy_text, deflate_raw, download, format_date_time, open_mail, set_title, today_iso,
};
use super::state::AppState;
use crate::assignment::{Accommodation, Assignment, Mode, Review, Run, TimeAllowance};
use crate::results::ResultRecord;
use crate::text::count;

/// An assignment the page was opened for, with the accommodation of a per-student link.
#[derive(Debug, Clone, PartialEq)]
pub struct Invitation {
    pub assignment: Assignment,
    pub accommodation: Option<Accommodation>,
}

fn minutes(ms: u64) -> String {
    let minutes = ms.div_ceil(60_000);
    count(minutes, "minute", "minutes", crate::text::Language::English)
}

/// The conditions of an assignment, in words.
fn conditions(app: AppState, invitation: &Invitation) -> Vec<String> {
    let titles = |t: &str| app.bank.with_value(|b| b.topic(t).map(|t| t.title.clone()));
    conditions_with(app.language, titles, invitation)
}

/// [`conditions`] with the topics' titles looked up by `title` (a sealed exam's page has no
/// bank, only its public part).
pub fn conditions_with(
    language: crate::text::Language,
    title: impl Fn(&str) -> Option<String>,
    invitation: &Invitation,
) -> Vec<String> {
    let a = &invitation.assignment;
    let topics = if a.topics.is_empty() {
        "from every topic".to_string()
    } else {
        let names: Vec<String> = a.topics.iter().filter_map(|t| title(t)).collect();
        format!("from: {}", names.join("; "))
    };
    let mut list = vec![format!(
        "{} {topics}.",
        count(u64::from(a.count), "question", "questions", language)
    )];
    list.push(match a.mode {
        Mode::Practice => "Practice: you see whether each answer is right as you go.".to_string(),
        Mode::Exam => "Exam: no feedback until the end. You can skip questions, go back, flag them for review, and change answers until you hand in.".to_string(),
    });
    let run = Run {
        assignment: a.clone(),
        student: String::new(),
        accommodation: invitation.accommodation.clone(),
        attempt: 1,
    };
    list.push(match (a.time_limit, run.time_limit_ms(), &invitation.accommodation) {
        (None, _, _) => "No time limit.".to_string(),
        (Some(_), None, Some(acc)) => format!("No time limit for you ({} has {}).", acc.student, TimeAllowance::NoLimit.label()),
        (Some(secs), Some(ms), Some(acc)) => format!(
            "Time limit: {} for you ({}; the set limit is {}). When the time is up, the answers you gave are handed in.",
            minutes(ms), acc.time.label(), minutes(u64::from(secs) * 1000)
        ),
        (Some(_), Some(ms), None) => format!("Time limit: {}. When the time is up, the answers you gave are handed in.", minutes(ms)),
        (Some(_), None, None) => "No time limit.".to_string(),
    });
    list.push(format!("You may hand in {}.", a.attempts_text()));
    list.push(match a.review {
        Review::Nothing => {
            "After you hand in, you will not see your score here; your teacher has it.".to_string()
        }
        Review::Score => "After you hand in, you will see your score.".to_string(),
        Review::Full => {
            "After you hand in, you will see your score and every question with the right answer."
                .to_string()
        }
    });
    if a.opens_at.is_some() || a.closes_at.is_some() {
        let when = match (a.opens_at, a.closes_at) {
            (Some(o), Some(c)) => format!(
                "Open from {} until {}",
                format_date_time(o),
                format_date_time(c)
            ),
            (Some(o), None) => format!("Opens {}", format_date_time(o)),
            (None, Some(c)) => format!("Open until {}", format_date_time(c)),
            (None, None) => String::new(),
        };
        list.push(format!("{when}, by this device's clock."));
    }
    list
}

#[component]
pub fn AssignmentScreen(app: AppState) -> impl IntoView {
    let Some(invitation) = app.invitation.get_value() else {
        return ().into_any();
    };
    let a = invitation.assignment.clone();
    set_title(&format!("{} · Accord", a.title));
    let name = RwSignal::new(app.suggested_name());
    let problem = RwSignal::new(None::<String>);
    let in_progress = move || app.run_in_progress();
    let used = move || app.attempts_used();
    let start = {
        let invitation = invitation.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            problem.set(
                app.start_assignment(&invitation, &name.get_untracked())
                    .err(),
            );
        }
    };
    let list = conditions(app, &invitation);
    let name_label = if a.name_required {
        "Your name (required)"
    } else {
        "Your name"
    };
    let name_field = move || {
        view! {
            <label for="student-name">{name_label}</label>
            <input id="student-name" type="text" autocomplete="name" maxlength="100"
                prop:value=move || name.get()
                aria-invalid=move || if problem.with(Option::is_some) { "true" } else { "false" }
                aria-describedby="assignment-problem"
                on:input=move |ev| name.set(event_target_value(&ev)) />
        }
    };
    // Inside an LMS (the SCORM page's build only): the learner it names instead of the field,
    // and its session, which ends with the hand-in.
    #[cfg(feature = "scorm")]
    let name_field = {
        let lms_name = app
            .lms_learner()
            .map(|l| l.name)
            .filter(|name| !name.is_empty());
        move || {
            match lms_name.clone() {
            Some(lms_name) => view! {
                <p id="lms-name">"You take it as "<strong>{lms_name}</strong>", as your course names you."</p>
            }
            .into_any(),
            None => name_field().into_any(),
        }
        }
    };
    let sent_to_lms = move || cfg!(feature = "scorm") && app.lms_finished();
    view! {
        <section class="assignment" aria-labelledby="assignment-heading">
            <h1 id="assignment-heading" tabindex="-1">{a.title.clone()}</h1>
            {(!a.instructions.is_empty()).then(|| view! { <p class="instructions">{a.instructions.clone()}</p> })}
            <h2>"The conditions"</h2>
            <ul class="conditions" id="conditions">
                {list.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
            </ul>
            {move || match in_progress() {
                Some(id) => view! {
                    <p>"Your attempt is in progress."</p>
                    <button type="button" class="primary" id="resume-assignment" on:click=move |_| app.resume(&id)>"Resume"</button>
                }.into_any(),
                None if sent_to_lms() => view! {
                    <p id="lms-sent">"Your answers were sent to your course. You can close this page."</p>
                }.into_any(),
                None => view! {
                    <form class="start-assignment" on:submit=start.clone()>
                        {name_field()}
                        <button type="submit" class="primary" id="start-assignment">
                            {move || if used() > 0 { format!("Start attempt {}", used() + 1) } else { "Start".to_string() }}
                        </button>
                        <p class="answer-error" id="assignment-problem">{move || problem.get()}</p>
                    </form>
                }.into_any(),
            }}
            <PreviousResults app />
        </section>
    }
    .into_any()
}

/// The attempts this learner handed in here: each result can be handed in again.
#[component]
fn PreviousResults(app: AppState) -> impl IntoView {
    move || {
        let results = app.previous_results();
        (!results.is_empty()).then(|| view! {
            <section class="previous" aria-labelledby="previous-heading">
                <h2 id="previous-heading">"What you handed in"</h2>
                <ul>
                    {results.into_iter().map(|r| {
                        let text = format!("Attempt {}, handed in {}", r.run.attempt, format_date_time(r.handed_in_at));
                        view! { <li><span>{text}</span><HandInActions record=r app /></li> }
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}

/// The ways to give a result to the teacher: the file, a code to paste, an e-mail.
#[component]
pub fn HandInActions(record: ResultRecord, app: AppState) -> impl IntoView {
    let _ = app;
    hand_in_actions(record)
}

/// [`HandInActions`] without the learner page's state (the sealed exam's page has its own).
pub fn hand_in_actions(record: ResultRecord) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let code = RwSignal::new(None::<String>);
    let json = record.to_json();
    let name = record.file_name(&today_iso());
    let email = record.run.assignment.email.clone();
    let title = record.run.assignment.title.clone();
    let student = record.run.student.clone();
    let make_code = {
        let json = json.clone();
        move || {
            let json = json.clone();
            leptos::task::spawn_local(async move {
                match deflate_raw(&json).await {
                    Ok(bytes) => code.set(Some(ResultRecord::code_from_deflated(&bytes))),
                    Err(why) => status.set(format!(
                        "The code could not be made: {why}. Download the file instead."
                    )),
                }
            });
        }
    };
    make_code();
    let json_for_download = json.clone();
    view! {
        <div class="hand-in-actions">
            <button type="button" class="primary" id="download-result" on:click=move |_| {
                match download(&name, "application/json", &json_for_download) {
                    Ok(()) => status.set("The result file was saved. Give it to your teacher as they asked.".into()),
                    Err(why) => status.set(format!("The file could not be saved: {why}.")),
                }
            }>"Download the result file"</button>
            {move || code.get().map(|c| {
                let (for_copy, for_mail) = (c.clone(), c.clone());
                let email = email.clone();
                let (title, student) = (title.clone(), student.clone());
                view! {
                    <label for="result-code">"Or paste this code where your teacher asked"</label>
                    <textarea id="result-code" readonly rows="4" prop:value=c.clone()></textarea>
                    <button type="button" id="copy-result-code" on:click=move |_| {
                        copy_text(&for_copy);
                        status.set("The code was copied.".into());
                    }>"Copy the code"</button>
                    {email.map(|to| view! {
                        <button type="button" id="mail-result" on:click=move |_| {
                            open_mail(&to, &format!("Result: {title} ({student})"),
                                &format!("My result of \"{title}\":\n\n{for_mail}\n"));
                        }>{format!("Send it by e-mail to {to}")}</button>
                    })}
                }
            })}
            <p class="status" role="status">{move || status.get()}</p>
        </div>
    }
}
