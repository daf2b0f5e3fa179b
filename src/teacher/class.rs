//! One assignment's class results: results dropped in (many files at once) or pasted (many
//! codes), with a line per result saying what happened; the class table, sortable by each
//! column; the analysis (in `report`); the CSV exports, and the class's data.

use leptos::prelude::*;

use super::files::{chosen_files, dropped_files};
use super::report::Report;
use super::state::{Desk, Screen};
use crate::calendar::local_date_time;
use crate::results::analysis::{gradebook_csv, item_analysis_csv, response_counts_csv};
use crate::results::desk::{ClassColumn, IntakeLine, Sort, class_rows, file_name, intake_summary};
use crate::ui::browser::{confirm, download, focus_id, read_chosen_file, set_title, today_iso};

#[component]
pub fn ClassScreen(desk: Desk, id: String) -> impl IntoView {
    let Some(issued) = desk.data.with_untracked(|d| d.get(&id).cloned()) else {
        return view! { <p>"This assignment is no longer on your desk."</p> }.into_any();
    };
    let title = issued.assignment.title.clone();
    set_title(&format!("{title} · Class results · Teacher · Accord"));
    if issued.assignment.sealed && !desk.is_open(&id) {
        let share_id = id.clone();
        return view! {
            <section aria-labelledby="class-heading" class="class-screen">
                <p><button type="button" class="quiet" id="back-to-list" on:click=move |_| desk.go(Screen::List)>"← All assignments"</button>
                   " "
                   <button type="button" class="quiet" id="back-to-share" on:click=move |_| desk.go(Screen::Share(share_id.clone()))>"Link and accommodations"</button></p>
                <h1 id="class-heading" tabindex="-1">{format!("Class results: {title}")}</h1>
                <super::sealing::OpenSealed desk id />
            </section>
        }
        .into_any();
    }
    let sealed = issued.assignment.sealed;
    let id = StoredValue::new(id);
    let roster = Memo::new(move |_| id.with_value(|id| desk.roster(id)));
    let report: RwSignal<Vec<IntakeLine>> = RwSignal::new(Vec::new());
    let after_intake = move |lines: Vec<IntakeLine>| {
        if lines.is_empty() {
            return;
        }
        desk.say(format!("{} See the list below.", intake_summary(&lines)));
        report.set(lines);
        focus_id("intake-heading");
    };
    let take_files = move |files: Vec<(String, String)>| {
        after_intake(id.with_value(|id| desk.take_files(id, files)));
    };
    let codes = RwSignal::new(String::new());
    let share_id = id.get_value();
    view! {
        <section aria-labelledby="class-heading" class="class-screen">
            <p><button type="button" class="quiet" id="back-to-list" on:click=move |_| desk.go(Screen::List)>"← All assignments"</button>
               " "
               <button type="button" class="quiet" id="back-to-share" on:click=move |_| desk.go(Screen::Share(share_id.clone()))>"Link and accommodations"</button></p>
            <h1 id="class-heading" tabindex="-1">{format!("Class results: {title}")}</h1>

            <section class="panel" aria-labelledby="add-heading">
                <h2 id="add-heading">"Add results"</h2>
                <div class="drop-zone" id="drop-zone"
                    on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default()
                    on:drop=move |ev: web_sys::DragEvent| {
                        ev.prevent_default();
                        leptos::task::spawn_local(async move { take_files(dropped_files(&ev).await) });
                    }>
                    <p>"Drop students' result files here, as many as you like, or"</p>
                    <input type="file" id="result-files" class="file-input" multiple accept=".json,.txt,application/json,text/plain"
                        on:change=move |ev| leptos::task::spawn_local(async move { take_files(chosen_files(&ev).await) }) />
                    <label class="file-button" for="result-files">"Choose result files"</label>
                </div>
                <div class="field">
                    <label for="result-codes">"Or paste result codes (each starts with ACR1.; one per line, or separated by spaces)"</label>
                    <textarea id="result-codes" rows="4" spellcheck="false"
                        prop:value=move || codes.get()
                        on:input=move |ev| codes.set(event_target_value(&ev))></textarea>
                </div>
                <button type="button" id="add-codes" on:click=move |_| {
                    let lines = id.with_value(|id| desk.take_codes(id, &codes.get_untracked()));
                    if lines.iter().any(|l| !matches!(l.outcome, crate::results::desk::Intake::Refused(_))) {
                        codes.set(String::new());
                    }
                    after_intake(lines);
                }>"Add the codes"</button>
                {move || {
                    let lines = report.get();
                    (!lines.is_empty()).then(|| view! {
                        <div class="intake" id="intake-report">
                            <h3 id="intake-heading" tabindex="-1">{intake_summary(&lines)}</h3>
                            <ul>
                                {lines.into_iter().map(|line| {
                                    let class = match line.outcome {
                                        crate::results::desk::Intake::Added { .. } => "intake-added",
                                        crate::results::desk::Intake::Duplicate { .. } => "intake-duplicate",
                                        crate::results::desk::Intake::Refused(_) => "intake-refused",
                                    };
                                    view! { <li class=class>{line.text()}</li> }
                                }).collect_view()}
                            </ul>
                        </div>
                    })
                }}
            </section>

            {move || {
                let r = roster.get();
                if r.entries.is_empty() {
                    view! { <p class="dash-empty" id="class-empty">"No results yet. Students hand in a result file or a result code at the end; add them above."</p> }.into_any()
                } else {
                    view! {
                        <ClassTable desk roster />
                        <Report desk roster id=id.get_value() />
                    }.into_any()
                }
            }}
            {sealed.then(|| view! { <super::sealing::ReleasePanel desk id=id.get_value() /> })}
            <Exports desk id=id.get_value() title=title.clone() />
        </section>
    }
    .into_any()
}

#[component]
fn ClassTable(desk: Desk, roster: Memo<crate::results::Roster>) -> impl IntoView {
    let sort = RwSignal::new(Sort::default());
    let offset = desk.offset();
    let rows = move || roster.with(|r| class_rows(r, sort.get(), offset));
    let count = move || roster.with(|r| r.entries.len());
    view! {
        <section class="panel" aria-labelledby="table-heading">
            <h2 id="table-heading">"The class"</h2>
            <div class="table-scroll" role="region" aria-labelledby="table-caption" tabindex="0">
                <table class="data-table" id="class-table">
                    <caption id="table-caption">{move || format!("{} results. Select a column's heading to sort by it.", count())}</caption>
                    <thead>
                        <tr>
                            {ClassColumn::ALL.into_iter().map(|column| view! {
                                <th scope="col" aria-sort=move || sort.get().aria_sort(column)>
                                    <button type="button" class="sort" id=format!("sort-{}", column.name())
                                        on:click=move |_| sort.update(|s| *s = s.toggled(column))>
                                        {column.label()}
                                        <span class="sort-mark" aria-hidden="true">{move || sort.get().arrow(column)}</span>
                                    </button>
                                </th>
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows().into_iter().map(|row| view! {
                            <tr>
                                <th scope="row" class="c-student">{row.student}</th>
                                <td class="c-score">{row.score}</td>
                                <td class="c-percent">{format!("{} %", row.percent)}</td>
                                <td class="c-time">{row.time_used}</td>
                                <td class="c-handed-in">{row.handed_in}</td>
                                <td class="c-attempt">{row.attempt}</td>
                                <td class="c-flags">
                                    {if row.flags.is_empty() {
                                        view! { <span class="hint">"none"</span> }.into_any()
                                    } else {
                                        view! { <ul class="flags">{row.flags.into_iter().map(|f| view! { <li>"⚑ "{f}</li> }).collect_view()}</ul> }.into_any()
                                    }}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn Exports(desk: Desk, id: String, title: String) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let id = StoredValue::new(id);
    let title = StoredValue::new(title);
    let offer = move |what: &str, mime: &str, text: String| {
        let ext = if mime == "text/csv" { "csv" } else { "json" };
        let name = title.with_value(|t| file_name(what, t, &today_iso(), ext));
        let said = match download(&name, mime, &text) {
            Ok(()) => format!("Downloaded {name}."),
            Err(why) => format!("The download failed: {why}."),
        };
        message.set(said.clone());
        desk.say(said);
    };
    let analysis = move || {
        let roster = id.with_value(|id| desk.roster(id));
        id.with_value(|id| {
            desk.with_grader(id, |g| crate::results::analysis::analyse(&roster.matrix(g)))
        })
    };
    let offset = desk.offset();
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
        <section class="panel print-hide" aria-labelledby="export-heading">
            <h2 id="export-heading" tabindex="-1">"Export"</h2>
            <p class="hint">"For a spreadsheet or an LMS gradebook (CSV), or the class's data to keep or to move to another computer."</p>
            <div class="tools">
                <button type="button" id="export-gradebook" on:click=move |_| {
                    let rows = id.with_value(|id| desk.roster(id)).gradebook(|at| local_date_time(at, offset));
                    offer("gradebook", "text/csv", gradebook_csv(&rows));
                }>"Gradebook (CSV)"</button>
                <button type="button" id="export-items" on:click=move |_| offer("item-analysis", "text/csv", item_analysis_csv(&analysis()))>"Item analysis (CSV)"</button>
                <button type="button" id="export-responses" on:click=move |_| offer("responses", "text/csv", response_counts_csv(&analysis()))>"Response counts (CSV)"</button>
                <button type="button" id="export-class" on:click=move |_| {
                    let text = id.with_value(|id| desk.export(Some(id)));
                    offer("class", "application/json", text);
                }>"The class's data"</button>
                <input type="file" id="import-class" class="file-input" accept=".json,application/json" on:change=import />
                <label class="file-button" for="import-class">"Import class data"</label>
                <button type="button" class="danger" id="clear-class" on:click=move |_| {
                    if confirm("Clear this class's results from this browser? The assignment and its link stay. Export the class's data first if you may need it.") {
                        id.with_value(|id| desk.clear_class(id));
                        message.set("The class's results were cleared.".into());
                        focus_id("class-heading");
                    }
                }>"Clear the class's results"</button>
            </div>
            <p class="hint" id="export-message">{move || message.get()}</p>
        </section>
    }
}
