//! The Questions area: a teacher drops or chooses a bank's files (or checks the bank this site
//! serves), reads every problem as file:line:column beside a preview of each question as
//! students see it, with what an import left out, and downloads the bank as TOML, GIFT or
//! Moodle XML. The checking is `results::desk::check_files`, the app's own validator.

use leptos::prelude::*;

use super::bank_files::{chosen, dropped, hosted};
use super::sheet_view::{KeyAnswer, SheetQuestion};
use crate::bank::{BankError, Rules};
use crate::paper::{identity_item, key_item, sheet_item};
use crate::results::desk::{BankCheck, BroughtFile, Download, Entry, check_files, prepare};
use crate::ui::browser::{focus_id, local_time, set_title};

/// What the teacher checked last: shared with the Paper area, which can print from it.
pub type Checked = RwSignal<Option<BankCheck>>;

/// Check `files` with today's date (a review date after today is refused, as by `bank check`).
fn check(files: &[BroughtFile]) -> BankCheck {
    let rules = Rules {
        facts: None,
        today: Some(local_time().date()),
    };
    check_files(files, rules)
}

#[component]
pub fn QuestionsArea(bank_path: String, checked: Checked) -> impl IntoView {
    set_title("Questions · Teacher · Accord");
    let busy = RwSignal::new(None::<String>);
    let take = move |files: Vec<BroughtFile>| {
        if files.is_empty() {
            return;
        }
        let result = check(&files);
        busy.set(Some(result.summary()));
        checked.set(Some(result));
        focus_id("check-heading");
    };
    let path = StoredValue::new(bank_path.clone());
    let check_hosted = move |_| {
        busy.set(Some("Fetching the bank's files…".to_string()));
        leptos::task::spawn_local(async move {
            match hosted(&path.get_value()).await {
                Ok(files) => take(files),
                Err(problems) => {
                    let result = BankCheck::not_fetched(&path.get_value(), problems);
                    busy.set(Some(result.summary()));
                    checked.set(Some(result));
                    focus_id("check-heading");
                }
            }
        });
    };
    view! {
        <section aria-labelledby="questions-heading" class="questions-area">
            <h1 id="questions-heading" tabindex="-1">"Questions"</h1>
            <p class="hint">"Bring a question bank to check it with the same validator as the app and the bank command: every problem is listed with its file, line and column, beside each question as students will see it. A bank with no problems can be downloaded as Accord TOML, GIFT or Moodle XML. Nothing leaves this browser."</p>
            <div class="drop-zone" id="bank-drop"
                on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default()
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    leptos::task::spawn_local(async move { take(dropped(&ev).await) });
                }>
                <p>"Drop a bank's TOML files here (index.toml with its question files), or one GIFT, Aiken, CSV or Moodle XML file, or"</p>
                <input type="file" id="bank-files" class="file-input" multiple
                    accept=".toml,.gift,.txt,.aiken,.csv,.tsv,.xml,.md,text/plain,text/csv,application/xml,text/xml"
                    on:change=move |ev| leptos::task::spawn_local(async move { take(chosen(&ev).await) }) />
                <label class="file-button" for="bank-files">"Choose files"</label>
            </div>
            <p>
                <button type="button" id="check-hosted" on:click=check_hosted>"Check the bank this page serves"</button>
                " "<span class="hint">{bank_path}</span>
            </p>
            <p class="sr-only" role="status" id="check-status">{move || busy.get()}</p>
            {move || checked.get().map(|result| view! { <CheckView result /> })}
        </section>
    }
}

fn problem_line(error: &BankError) -> impl IntoView + use<> {
    let at = format!(
        "{}:{}:{}",
        error.location.file, error.location.line, error.location.column
    );
    view! { <li><code class="problem-at">{at}</code>": "<span class="problem-message">{error.message.clone()}</span></li> }
}

#[component]
fn CheckView(result: BankCheck) -> impl IntoView {
    let ok = result.problems.is_empty() && result.unread.is_empty();
    let total = result.problems.len();
    let all = result.problems.clone();
    let general = result.general.clone();
    let notes = result.notes.clone();
    let unread = result.unread.clone();
    let skipped = result.skipped.clone();
    let changed = result.changed.clone();
    let bank = result.bank.clone();
    let entries: Vec<(usize, Entry)> = result.entries.iter().cloned().enumerate().collect();
    let result = StoredValue::new(result);
    view! {
        <section class="panel check-result" aria-labelledby="check-heading" id="check-result">
            <h2 id="check-heading" tabindex="-1">{result.with_value(|r| r.read_as.clone())}</h2>
            <p id="check-summary" class=if ok { "check-ok" } else { "check-bad" }>{result.with_value(BankCheck::summary)}</p>
            {(!notes.is_empty()).then(|| view! {
                <ul class="check-notes" id="check-notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            })}
            {(!unread.is_empty()).then(|| view! {
                <ul class="check-problems" id="unread-problems">{unread.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            })}
            {(!general.is_empty()).then(|| view! {
                <h3>"Problems outside any question"</h3>
                <ul class="check-problems" id="general-problems">{general.iter().map(problem_line).collect_view()}</ul>
            })}
            {(total > 0).then(|| view! {
                <details class="all-problems">
                    <summary>{format!("Every problem as a list, as the bank command prints it ({total})")}</summary>
                    <ul class="check-problems" id="problem-list">{all.iter().map(problem_line).collect_view()}</ul>
                </details>
            })}
            {(!skipped.is_empty()).then(|| view! {
                <h3>{format!("Left out on import ({})", skipped.len())}</h3>
                <ul class="import-list" id="import-skipped">{skipped.into_iter().map(|s| view! { <li>{s.to_string()}</li> }).collect_view()}</ul>
            })}
            {(!changed.is_empty()).then(|| view! {
                <h3>{format!("Changed on import ({})", changed.len())}</h3>
                <ul class="import-list" id="import-changed">{changed.into_iter().map(|s| view! { <li>{s.to_string()}</li> }).collect_view()}</ul>
            })}
            {bank.map(|bank| view! { <Downloads bank /> })}
            {(!entries.is_empty()).then(|| view! {
                <h3 id="entries-heading">"The questions, as students will see them"</h3>
                <p class="hint">"Choices and items are in the bank's order here; students get them shuffled. Pictures are named by their text alternative."</p>
                <ol class="entries" id="entries" aria-labelledby="entries-heading">
                    {entries.into_iter().map(|(i, entry)| view! { <EntryView i entry result /> }).collect_view()}
                </ol>
            })}
        </section>
    }
}

#[component]
fn EntryView(i: usize, entry: Entry, result: StoredValue<BankCheck>) -> impl IntoView {
    let at = format!("{}:{}", entry.at.file, entry.at.line);
    let name = entry.id.clone().unwrap_or_else(|| "(no id)".to_string());
    let problems = entry.problems.clone();
    let n = problems.len();
    let heading_id = format!("entry-{i}-heading");
    let preview = entry.question.clone().map(|q| {
        let item = identity_item(&q);
        let (topic, language) =
            result.with_value(|r| (r.topic_title(&q.topic).to_string(), r.language()));
        let sheet = sheet_item(&q, &item, i + 1, &topic);
        let key = key_item(&q, &item, i + 1, language);
        (topic, sheet, key)
    });
    let topic = preview.as_ref().map(|p| p.0.clone());
    let class = if n == 0 {
        "entry"
    } else {
        "entry has-problems"
    };
    view! {
        <li class=class id=format!("entry-{i}") data-id=entry.id.clone().unwrap_or_default()>
            <h4 id=heading_id class="entry-heading">
                <span class="entry-id">{name}</span>
                {topic.map(|t| view! { <span class="entry-topic">{format!(" · {t}")}</span> })}
                " · "<code class="entry-at">{at}</code>
            </h4>
            <div class="entry-body">
                <div class="entry-preview">
                    {match preview {
                        Some((_, sheet, key)) => view! {
                            <SheetQuestion item=sheet numbered=false />
                            <details class="entry-key">
                                <summary>"Answer and explanation"</summary>
                                <KeyAnswer item=key with_prompt=false />
                            </details>
                        }.into_any(),
                        None => view! { <p class="entry-unshown">"Not shown: the question cannot be read until its problems are fixed."</p> }.into_any(),
                    }}
                </div>
                <div class="entry-problems">
                    {if n == 0 {
                        view! { <p class="check-ok">"No problems."</p> }.into_any()
                    } else {
                        view! {
                            <p class="check-bad">{if n == 1 { "1 problem:".to_string() } else { format!("{n} problems:") }}</p>
                            <ul class="check-problems">{problems.iter().map(problem_line).collect_view()}</ul>
                        }.into_any()
                    }}
                </div>
            </div>
        </li>
    }
}

/// The downloads, each with what its format cannot carry.
#[component]
fn Downloads(bank: crate::bank::Bank) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let bank = StoredValue::new(bank);
    view! {
        <section class="downloads" id="downloads" aria-labelledby="downloads-heading">
            <h3 id="downloads-heading">"Download the bank"</h3>
            <ul class="download-list">
                {Download::ALL.into_iter().map(|d| {
                    let prepared = bank.with_value(|b| prepare(b, d));
                    let lost = match &prepared {
                        Ok(p) if p.is_whole() => vec!["Carries everything in the bank.".to_string()],
                        Ok(p) => p.left_out.iter().map(|l| format!("Not written: {l}"))
                            .chain(p.changed.iter().map(|l| format!("Written with a difference: {l}")))
                            .chain(p.notes.iter().map(|n| format!("Left out of every question: {n}")))
                            .collect(),
                        Err(why) => vec![why.clone()],
                    };
                    let click = move |_| {
                        let done = bank.with_value(|b| prepare(b, d)).and_then(|p| {
                            crate::ui::browser::download_bytes(&p.file_name, p.mime, &p.bytes).map(|()| p.file_name)
                        });
                        message.set(match done {
                            Ok(name) => format!("{name} was downloaded."),
                            Err(why) => format!("The download failed: {why}."),
                        });
                    };
                    view! {
                        <li class="download">
                            <button type="button" id=format!("download-{}", d.slug()) on:click=click>{d.label()}</button>
                            <ul class="download-notes" id=format!("download-{}-notes", d.slug())>
                                {lost.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="hint" role="status" id="download-message">{move || message.get()}</p>
        </section>
    }
}
