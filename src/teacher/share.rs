//! Handing an assignment out: its student link with a copy button, its QR code (SVG from the
//! core, big enough to project) and a print view of it, its SCORM packages for an LMS, and the
//! accommodations: a student's name and allowance give that student's own link.

use leptos::prelude::*;

use super::files::{index_url, print};
use super::package;
use super::state::{Desk, Screen};
use crate::assignment::{Accommodation, TimeAllowance};
use crate::lms::ScormVersion;
use crate::results::desk::{conditions_text, qr_svg, student_link};
use crate::ui::browser::{copy_text, focus_id, set_title};

/// The QR code of `link`, with its text alternative, or the reason there is none.
#[component]
fn QrCode(link: String, title: String, id: &'static str) -> impl IntoView {
    match qr_svg(&link) {
        Ok(svg) => view! {
            <div class="qr" id=id role="img"
                aria-label=format!("QR code of the student link for \"{title}\"")
                inner_html=svg></div>
        }
        .into_any(),
        Err(why) => view! { <p class="notice" id=id>{why}</p> }.into_any(),
    }
}

#[component]
pub fn ShareScreen(desk: Desk, id: String) -> impl IntoView {
    let Some(issued) = desk.data.with_untracked(|d| d.get(&id).cloned()) else {
        return view! { <p>"This assignment is no longer on your desk."</p> }.into_any();
    };
    let a = issued.assignment.clone();
    set_title(&format!("{} · Link · Teacher · Accord", a.title));
    let index = index_url();
    let link = student_link(&index, &a, None);
    let here = desk.uses_this_bank(&id);
    let sealed = a.sealed;
    let (copy_link, id_print, id_class, id_edit) =
        (link.clone(), id.clone(), id.clone(), id.clone());
    view! {
        <section aria-labelledby="share-heading">
            <p class="print-hide"><button type="button" class="quiet" id="back-to-list" on:click=move |_| desk.go(Screen::List)>"← All assignments"</button></p>
            <h1 id="share-heading" tabindex="-1">{a.title.clone()}</h1>
            <p class="hint" id="share-conditions">{conditions_text(&a)}</p>
            <div class="tools print-hide">
                {here.then(|| view! {
                    <button type="button" id="to-class" on:click=move |_| desk.go(Screen::Class(id_class.clone()))>"Class results"</button>
                    {(!sealed).then(|| view! {
                        <button type="button" id="to-edit" on:click=move |_| desk.go(Screen::Edit(Some(id_edit.clone())))>"Edit"</button>
                    })}
                })}
            </div>
            <div class="share">
                <h2>"The student link"</h2>
                <label for="student-link">"Link for the whole class"</label>
                <div class="share-row">
                    <input id="student-link" type="text" readonly prop:value=link.clone() />
                    <button type="button" id="copy-link" on:click=move |_| {
                        copy_text(&copy_link);
                        desk.say("The link was copied.");
                    }>"Copy"</button>
                </div>
                <p class="hint">"Students who open it see the title, instructions and conditions, and give their name. The link carries the whole assignment; nothing is stored on a server."</p>
            </div>
            <figure class="qr-figure">
                <QrCode link=link.clone() title=a.title.clone() id="qr-code" />
                <figcaption>"Scan to open the assignment. "
                    <button type="button" id="print-qr" class="print-hide" on:click=move |_| desk.go(Screen::Print(id_print.clone()))>"Print view"</button>
                </figcaption>
            </figure>
            {if sealed {
                view! { <super::sealing::SealedNote desk id=id.clone() /> }.into_any()
            } else if here {
                view! { <super::sealing::SealPanel desk id=id.clone() /> }.into_any()
            } else {
                ().into_any()
            }}
            // A sealed exam is not packaged: the SCORM page runs the learner app, which needs
            // the key; a sealed exam runs on exam.html.
            {(!sealed).then(|| view! { <ScormPackages desk id=id.clone() here /> })}
            <Accommodations desk id=id.clone() index=index.clone() />
        </section>
    }
    .into_any()
}

/// The assignment as a package to upload to an LMS, one button per SCORM version. Only for an
/// assignment on this page's bank: the package carries the bank's files, fetched from here.
#[component]
fn ScormPackages(desk: Desk, id: String, here: bool) -> impl IntoView {
    if !here {
        return view! {
            <section class="panel print-hide" aria-labelledby="scorm-heading">
                <h2 id="scorm-heading">"Into your LMS (SCORM)"</h2>
                <p class="hint" id="scorm-elsewhere">"This assignment draws from another question bank: open the teacher page on that bank to make its SCORM package."</p>
            </section>
        }
        .into_any();
    }
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let id = StoredValue::new(id);
    let make = move |version: ScormVersion| {
        let Some(assignment) = id.with_value(|id| {
            desk.data
                .with_untracked(|d| d.get(id).map(|i| i.assignment.clone()))
        }) else {
            return;
        };
        busy.set(true);
        status.set(format!("Making the {version} package…"));
        leptos::task::spawn_local(async move {
            let bank = desk.bank.get_value();
            let sources = desk.sources.get_value();
            let made = package::make(version, &assignment, &bank, &sources)
                .await
                .and_then(|(name, bytes)| {
                    package::download_zip(&name, &bytes).map(|()| (name, bytes.len()))
                });
            busy.set(false);
            status.set(match made {
                Ok((name, size)) => format!(
                    "{name} was downloaded ({} KB): upload it to your LMS as a SCORM package.",
                    size.div_ceil(1024)
                ),
                Err(why) => format!("The package could not be made: {why}."),
            });
        });
    };
    view! {
        <section class="panel print-hide" aria-labelledby="scorm-heading">
            <h2 id="scorm-heading">"Into your LMS (SCORM)"</h2>
            <p class="hint">"A package to upload to Moodle, Canvas or another LMS. The quiz runs inside it; the LMS gives it each student's name and records their score, pass or fail against the pass mark, and every answer. Most LMSs take SCORM 1.2; choose 2004 if yours asks for it."</p>
            <div class="tools">
                <button type="button" id="scorm-12" prop:disabled=move || busy.get()
                    on:click=move |_| make(ScormVersion::V12)>"Download SCORM 1.2 package"</button>
                <button type="button" id="scorm-2004" prop:disabled=move || busy.get()
                    on:click=move |_| make(ScormVersion::V2004)>"SCORM 2004 package"</button>
            </div>
            <p class="status" role="status" id="scorm-status">{move || status.get()}</p>
        </section>
    }
    .into_any()
}

#[component]
fn Accommodations(desk: Desk, id: String, index: String) -> impl IntoView {
    let student = RwSignal::new(String::new());
    let choice = RwSignal::new(0usize);
    let error = RwSignal::new(String::new());
    let has_limit = desk.data.with_untracked(|d| {
        d.get(&id)
            .is_some_and(|i| i.assignment.time_limit.is_some())
    });
    let id = StoredValue::new(id);
    let index = StoredValue::new(index);
    let issue = move || {
        let time = TimeAllowance::CHOICES
            .get(choice.get_untracked())
            .copied()
            .unwrap_or(TimeAllowance::CHOICES[0]);
        match id.with_value(|id| desk.issue(id, student.get_untracked(), time)) {
            Ok(said) => {
                student.set(String::new());
                error.set(String::new());
                desk.say(said);
                focus_id("accommodations-heading");
            }
            Err(why) => {
                error.set(format!("Not issued: {why}."));
                focus_id("acc-student");
            }
        }
    };
    let list = move || {
        desk.data.with(|d| {
            id.with_value(|id| {
                d.get(id)
                    .map(|i| (i.assignment.clone(), i.accommodations.clone()))
            })
        })
    };
    view! {
        <section class="panel" aria-labelledby="accommodations-heading">
            <h2 id="accommodations-heading" tabindex="-1">"Accommodations"</h2>
            <p class="hint">{if has_limit {
                "Extra time or no time limit for particular students: each gets a link of their own. A student's own time settings never change an assignment's conditions."
            } else {
                "This assignment has no time limit, so allowances change nothing until you set one; each student still gets a link of their own."
            }}</p>
            <div class="acc-form">
                <div class="field">
                    <label for="acc-student">"Student's name"</label>
                    <input type="text" id="acc-student" autocomplete="off" aria-describedby="acc-error"
                        aria-invalid=move || if error.get().is_empty() { "false" } else { "true" }
                        prop:value=move || student.get()
                        on:input=move |ev| student.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { issue() } />
                </div>
                <div class="field">
                    <label for="acc-time">"Allowance"</label>
                    <select id="acc-time" on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() { choice.set(i); }
                    }>
                        {TimeAllowance::CHOICES.into_iter().enumerate().map(|(i, t)| view! {
                            <option value=i.to_string() selected=move || choice.get() == i>{t.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="button" id="issue-accommodation" on:click=move |_| issue()>"Issue"</button>
            </div>
            <p class="field-error" id="acc-error">{move || error.get()}</p>
            {move || {
                let Some((assignment, accs)) = list() else { return ().into_any() };
                if accs.is_empty() {
                    return view! { <p class="hint" id="no-accommodations">"None issued."</p> }.into_any();
                }
                view! {
                    <ul class="accommodation-list" id="accommodation-list">
                        {accs.into_iter().enumerate().map(|(n, acc): (usize, Accommodation)| {
                            let link = index.with_value(|index| student_link(index, &assignment, Some(&acc)));
                            let copy = link.clone();
                            let name = acc.student.clone();
                            let label_id = format!("acc-name-{n}");
                            view! {
                                <li class="accommodation">
                                    <p id=label_id.clone()><strong>{acc.student.clone()}</strong>{format!(": {}", acc.time.label())}</p>
                                    <div class="share-row">
                                        <label class="sr-only" for=format!("acc-link-{n}")>{format!("Link for {}", acc.student)}</label>
                                        <input type="text" readonly id=format!("acc-link-{n}") prop:value=link />
                                        <button type="button" id=format!("acc-copy-{n}") aria-describedby=label_id.clone() on:click=move |_| {
                                            copy_text(&copy);
                                            desk.say("The student's link was copied.");
                                        }>"Copy"</button>
                                        <button type="button" class="quiet" id=format!("acc-remove-{n}") aria-describedby=label_id on:click=move |_| {
                                            id.with_value(|id| desk.withdraw(id, &name));
                                            focus_id("accommodations-heading");
                                        }>"Remove"</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// The QR code alone, large, with the title and the link as text: for printing.
#[component]
pub fn PrintScreen(desk: Desk, id: String) -> impl IntoView {
    let Some(issued) = desk.data.with_untracked(|d| d.get(&id).cloned()) else {
        return view! { <p>"This assignment is no longer on your desk."</p> }.into_any();
    };
    let a = issued.assignment;
    set_title(&format!("{} · QR code · Accord", a.title));
    let link = student_link(&index_url(), &a, None);
    view! {
        <section class="print-view" aria-labelledby="print-heading">
            <div class="tools print-hide">
                <button type="button" class="primary" id="print-now" on:click=move |_| print()>"Print"</button>
                <button type="button" id="print-back" on:click=move |_| desk.go(Screen::Share(id.clone()))>"Back"</button>
            </div>
            <h1 id="print-heading" tabindex="-1">{a.title.clone()}</h1>
            {(!a.instructions.is_empty()).then(|| view! { <p class="print-instructions">{a.instructions.clone()}</p> })}
            <QrCode link=link.clone() title=a.title.clone() id="print-qr-code" />
            <p class="print-link"><code>{link}</code></p>
        </section>
    }
    .into_any()
}
