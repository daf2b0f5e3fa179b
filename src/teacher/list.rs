//! The first screen: the teacher's assignments (open its link, edit, results, duplicate,
//! delete), a new one, one added from a pasted student link, and the desk's data (export,
//! import, backups of unreadable data).

use leptos::prelude::*;

use super::state::{Desk, Screen};
use crate::results::desk::{Issued, conditions_text, file_name};
use crate::text::{Language, count};
use crate::ui::browser::{confirm, download, focus_id, read_chosen_file, today_iso};

#[component]
pub fn ListScreen(desk: Desk) -> impl IntoView {
    crate::ui::browser::set_title("Your assignments · Teacher · Accord");
    let bank_title = desk.bank.with_value(|b| b.meta.title.clone());
    let items = move || desk.data.with(|d| d.assignments.clone());
    view! {
        <section aria-labelledby="desk-heading">
            <h1 id="desk-heading" tabindex="-1">"Your assignments"</h1>
            <p class="hint">{format!("New assignments draw from this bank: {bank_title}.")}</p>
            <p><button type="button" class="primary" id="new-assignment"
                on:click=move |_| desk.go(Screen::Edit(None))>"New assignment"</button></p>
            {move || {
                let items = items();
                if items.is_empty() {
                    view! { <p class="dash-empty" id="no-assignments">"No assignments yet. Make one, or add one from a student link below."</p> }.into_any()
                } else {
                    view! {
                        <ul class="assignment-list" id="assignment-list">
                            {items.into_iter().map(|issued| view! { <AssignmentItem desk issued /> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
        <FromLink desk />
        <DataPanel desk />
    }
}

#[component]
fn AssignmentItem(desk: Desk, issued: Issued) -> impl IntoView {
    let id = issued.assignment.id.clone();
    let title = issued.assignment.title.clone();
    let here = desk.uses_this_bank(&id);
    let sealed = issued.assignment.sealed;
    let results = desk.data.with_untracked(|d| d.class_size(&id));
    let other_bank = format!("teacher.html?bank={}", issued.assignment.bank.path);
    let heading_id = format!("title-{id}");
    let (i1, i2, i3, i4, i5) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
    let delete_title = title.clone();
    let delete = move |_| {
        if confirm(&format!(
            "Delete \"{delete_title}\" and its class results from this browser? Students' links keep working, but their results can no longer be read here."
        )) {
            desk.delete(&i5);
            desk.say(format!("\"{delete_title}\" was deleted."));
            focus_id("desk-heading");
        }
    };
    view! {
        <li class="assignment-item">
            <h2 id=heading_id.clone()>{title.clone()}</h2>
            <p class="hint">
                {conditions_text(&issued.assignment)}
                " · "
                {count(results as u64, "result", "results", Language::English)}
            </p>
            {(!here).then(|| view! {
                <p class="notice-inline">
                    "It draws from another bank. "
                    <a href=other_bank.clone()>"Open it with its bank"</a>
                    " to edit it or read its results."
                </p>
            })}
            <div class="tools" role="group" aria-labelledby=heading_id>
                <button type="button" id=format!("share-{id}") on:click=move |_| desk.go(Screen::Share(i1.clone()))>"Link and QR code"</button>
                {here.then(|| {
                    let (e, c) = (i2.clone(), i3.clone());
                    view! {
                        <button type="button" id=format!("results-{id}") on:click=move |_| desk.go(Screen::Class(c.clone()))>"Class results"</button>
                        {(!sealed).then(|| view! {
                            <button type="button" id=format!("edit-{id}") on:click=move |_| desk.go(Screen::Edit(Some(e.clone())))>"Edit"</button>
                        })}
                    }
                })}
                <button type="button" id=format!("duplicate-{id}") on:click=move |_| {
                    if let Some(copy) = desk.duplicate(&i4) {
                        desk.say("A copy was made, with its own link; it is at the end of the list.");
                        focus_id(format!("share-{copy}"));
                    }
                }>"Duplicate"</button>
                <button type="button" class="quiet" id=format!("delete-{id}") on:click=delete>"Delete"</button>
            </div>
        </li>
    }
}

#[component]
fn FromLink(desk: Desk) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Result<String, String>>);
    let add = move || match desk.add_from_link(&text.get_untracked()) {
        Ok((_, said)) => {
            text.set(String::new());
            desk.say(said.clone());
            message.set(Some(Ok(said)));
        }
        Err(why) => {
            message.set(Some(Err(why)));
            focus_id("link-input");
        }
    };
    view! {
        <section class="panel" aria-labelledby="from-link-heading">
            <h2 id="from-link-heading">"Add an assignment from a link"</h2>
            <p class="hint">"Paste a student link made on another computer (or a student's own link, which adds their allowance too)."</p>
            <label for="link-input">"Student link"</label>
            <div class="share-row">
                <input type="text" id="link-input" autocomplete="off" spellcheck="false"
                    aria-describedby="link-message"
                    aria-invalid=move || if matches!(message.get(), Some(Err(_))) { "true" } else { "false" }
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { add() } />
                <button type="button" id="add-from-link" on:click=move |_| add()>"Add"</button>
            </div>
            <p id="link-message" class=move || match message.get() { Some(Err(_)) => "field-error", _ => "hint" }>
                {move || match message.get() { Some(Ok(m)) | Some(Err(m)) => m, None => String::new() }}
            </p>
        </section>
    }
}

#[component]
fn DataPanel(desk: Desk) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let export = move |_| {
        let text = desk.export(None);
        let name = file_name("teacher", "desk", &today_iso(), "json");
        match download(&name, "application/json", &text) {
            Ok(()) => {
                message.set("Your assignments and class results were exported to a file.".into())
            }
            Err(why) => message.set(format!("The export failed: {why}.")),
        }
        desk.say(message.get_untracked());
    };
    let import = move |ev: web_sys::Event| {
        leptos::task::spawn_local(async move {
            if let Some(text) = read_chosen_file(&ev).await {
                let said = desk.import(&text);
                message.set(said.clone());
                desk.say(said);
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="data-heading">
            <h2 id="data-heading" tabindex="-1">"Your data"</h2>
            <p class="hint">"Assignments and class results are kept in this browser only. Export them to move them to another computer, or to keep a copy; importing merges a file with what is here and loses nothing."</p>
            <div class="tools">
                <button type="button" id="export-desk" on:click=export>"Export everything"</button>
                <input type="file" id="import-desk" class="file-input" accept=".json,application/json" on:change=import />
                <label class="file-button" for="import-desk">"Import a file"</label>
            </div>
            <p id="data-message" class="hint">{move || message.get()}</p>
            {move || {
                let backups = desk.backups();
                (!backups.is_empty()).then(|| view! {
                    <h3>"Unreadable data kept aside"</h3>
                    <ul class="backup-list">
                        {backups.into_iter().enumerate().map(|(i, (key, size))| {
                            let (k1, k2) = (key.clone(), key.clone());
                            view! {
                                <li>
                                    <code>{key.clone()}</code>{format!(" ({size} bytes) ")}
                                    <button type="button" class="quiet" id=format!("backup-download-{i}") on:click=move |_| {
                                        if let Some(text) = desk.backup(&k1) {
                                            let _ = download("accord-teacher-backup.json", "application/json", &text);
                                        }
                                    }>"Download"</button>
                                    <button type="button" class="quiet" id=format!("backup-delete-{i}") on:click=move |_| {
                                        if confirm("Delete this backup for good?") {
                                            desk.delete_backup(&k2);
                                            focus_id("data-heading");
                                        }
                                    }>"Delete"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}
