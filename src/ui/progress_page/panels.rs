//! The progress page's panels: the learner's settings (theme, keyboard shortcuts, spaced
//! review, their own exams' time), their data (export, import, reset with an offer to export
//! first, the backups of unreadable data) and the learners on this device.

use leptos::prelude::*;

use super::PageState;
use crate::progress::{LearnerSettings, Profiles, Theme};
use crate::text::{Language, decimal};
use crate::ui::browser::{download, focus_id, read_chosen_file, today_iso};

#[component]
pub fn SettingsPanel(page: PageState) -> impl IntoView {
    let settings = move || page.settings();
    let language = Language::English;
    view! {
        <section class="panel settings" aria-labelledby="settings-heading">
            <h2 id="settings-heading">"Settings"</h2>
            <label for="theme">"Colours"</label>
            <select id="theme" on:change=move |ev| {
                if let Some(theme) = Theme::from_name(&event_target_value(&ev)) {
                    page.update_settings(move |s| s.theme = theme);
                }
            }>
                {Theme::ALL.into_iter().map(|t| view! {
                    <option value=t.name() selected=move || settings().theme == t>{t.label()}</option>
                }).collect_view()}
            </select>
            <label class="check">
                <input type="checkbox" id="key-shortcuts"
                    prop:checked=move || settings().key_shortcuts
                    on:change=move |ev| { let on = event_target_checked(&ev); page.update_settings(move |s| s.key_shortcuts = on); } />
                " Number keys pick answers (single-key shortcuts)"
            </label>
            <label for="retention">"Spaced review: the share of answers to remember"</label>
            <select id="retention" on:change=move |ev| {
                if let Ok(r) = event_target_value(&ev).parse::<f64>() {
                    page.update_settings(move |s| s.desired_retention = r);
                }
            }>
                {LearnerSettings::RETENTIONS.into_iter().map(|r| view! {
                    <option value=crate::text::plain(r) selected=move || (settings().desired_retention - r).abs() < 1e-9>
                        {LearnerSettings::retention_label(r)}
                    </option>
                }).collect_view()}
            </select>
            <p class="hint">"Higher means shorter gaps between reviews, and more of them."</p>
            <label for="extension">"Time for exams you set yourself"</label>
            <select id="extension" on:change=move |ev| {
                if let Ok(x) = event_target_value(&ev).parse::<f64>() {
                    page.update_settings(move |s| s.time_extension = x);
                }
            }>
                {LearnerSettings::EXTENSIONS.into_iter().map(|x| view! {
                    <option value=crate::text::plain(x) selected=move || (settings().time_extension - x).abs() < 1e-9>
                        {if x == 1.0 { "The set time limit".to_string() } else { format!("{}× the set time limit", decimal(x, 1, language)) }}
                    </option>
                }).collect_view()}
            </select>
            <label class="check">
                <input type="checkbox" id="limits-off"
                    prop:checked=move || settings().time_limits_off
                    on:change=move |ev| { let off = event_target_checked(&ev); page.update_settings(move |s| s.time_limits_off = off); } />
                " Turn off the time limits of exams you set yourself"
            </label>
            <p class="hint">"A teacher's assignment keeps the conditions the teacher set; extra time there comes from the teacher."</p>
        </section>
    }
}

fn export_now(page: PageState, status: RwSignal<String>) {
    let text = page.export();
    match download(
        &format!("accord-progress-{}.json", today_iso()),
        "application/json",
        &text,
    ) {
        Ok(()) => status.set("Your progress was exported to a file.".into()),
        Err(why) => status.set(format!("The export failed: {why}.")),
    }
}

#[component]
pub fn DataPanel(page: PageState) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let with_backups = RwSignal::new(false);
    let on_file = move |ev: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            match read_chosen_file(&ev).await {
                Some(text) => status.set(page.import(&text)),
                None => status.set("The file could not be read.".into()),
            }
        });
    };
    let backups = move || page.backups();
    let open_confirm = move |_| {
        confirming.set(true);
        focus_id("reset-title");
    };
    let cancel = move |_| {
        confirming.set(false);
        focus_id("reset-button");
    };
    view! {
        <section class="panel data-panel" aria-labelledby="data-heading">
            <h2 id="data-heading">"Your data"</h2>
            <p class="hint">"Progress is kept in this browser only. Export it to keep a copy or move it to another device; importing merges, so nothing is lost or counted twice."</p>
            <div class="actions">
                <button type="button" id="export-button" on:click=move |_| export_now(page, status)>"Export progress"</button>
                <input type="file" id="import-file" class="sr-only" accept=".json,application/json" on:change=on_file />
                <label class="button-like" for="import-file">"Import progress…"</label>
                <button type="button" id="reset-button" class="quiet" on:click=open_confirm>"Reset progress…"</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="reset-title" aria-describedby="reset-text">
                    <p id="reset-title" tabindex="-1"><strong>"Delete all progress in this browser?"</strong></p>
                    <p id="reset-text">"Your answers, finished quizzes, quizzes in progress and review schedule will be gone. You can export them first."</p>
                    {move || {
                        let n = backups().len();
                        (n > 0).then(|| view! {
                            <label class="check">
                                <input type="checkbox" id="reset-backups" prop:checked=move || with_backups.get()
                                    on:change=move |ev| with_backups.set(event_target_checked(&ev)) />
                                {format!(" Also delete the {} of unreadable data kept aside", plural(n, "backup", "backups"))}
                            </label>
                        })
                    }}
                    <div class="actions">
                        <button type="button" on:click=move |_| export_now(page, status)>"Export first"</button>
                        <button type="button" class="danger" id="confirm-reset" on:click=move |_| {
                            let message = page.reset(with_backups.get_untracked());
                            confirming.set(false);
                            status.set(message);
                            focus_id("data-status");
                        }>"Delete everything"</button>
                        <button type="button" class="quiet" id="cancel-reset" on:click=cancel>"Cancel"</button>
                    </div>
                </div>
            </Show>
            <p class="status" role="status" id="data-status" tabindex="-1">{move || status.get()}</p>
            {move || page.blocked().map(|(key, text)| {
                let size = text.len();
                view! {
                    <div class="confirm" id="blocked-data">
                        <p><strong>"Unreadable saved progress is taking up space."</strong>
                            {format!(" It could not be used and there was no room to copy it aside ({}). Download it to keep it, then delete it to free the space and save again.", size_text(size))}</p>
                        <div class="actions">
                            <button type="button" id="download-blocked" on:click=move |_| {
                                let _ = download(&format!("accord-unreadable-{}.json", today_iso()), "application/json", &text);
                            }>"Download it"</button>
                            <button type="button" class="danger" id="discard-blocked" on:click=move |_| status.set(page.discard_blocked())>"Delete it and start saving again"</button>
                        </div>
                        <p class="hint">{format!("It is stored under the key \"{key}\".")}</p>
                    </div>
                }
            })}
            {move || {
                let list = backups();
                (!list.is_empty()).then(|| view! {
                    <h3>"Backups of unreadable data"</h3>
                    <p class="hint">"Saved data that could not be read is kept here, unchanged, until you delete it."</p>
                    <ul class="backups" id="backup-list">
                        {list.into_iter().map(|(key, size)| {
                            let (k1, k2) = (key.clone(), key.clone());
                            view! {
                                <li>
                                    <span>{format!("{key} ({})", size_text(size))}</span>
                                    <button type="button" class="quiet" on:click=move |_| {
                                        if let Some(text) = page.backup(&k1) {
                                            let name = format!("{}.json", k1.replace('/', "-"));
                                            let _ = download(&name, "application/json", &text);
                                        }
                                    }>"Download"</button>
                                    <button type="button" class="quiet" on:click=move |_| status.set(page.delete_backup(&k2))>"Delete"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    crate::text::count(n as u64, one, many, Language::English)
}

fn size_text(bytes: usize) -> String {
    if bytes < 2048 {
        plural(bytes, "byte", "bytes")
    } else {
        format!(
            "{} KB",
            crate::text::integer((bytes / 1024) as u64, Language::English)
        )
    }
}

/// The learners on this device: rename or remove one (and everything they saved here).
#[component]
pub fn LearnersPanel(page: PageState) -> impl IntoView {
    let status = RwSignal::new(String::new());
    view! {
        <section class="panel" aria-labelledby="learners-heading">
            <h2 id="learners-heading">"Learners on this device"</h2>
            <ul class="profile-list">
                {move || page.profiles().list.into_iter().map(|p| {
                    let id = p.id.clone();
                    let name = Profiles::display_name(&p).to_string();
                    let active = page.profiles().active == p.id;
                    view! {
                        <li>
                            <span>{if active { format!("{name} (now)") } else { name.clone() }}</span>
                            <button type="button" class="quiet" on:click=move |_| {
                                if crate::ui::browser::confirm(&format!("Remove {name} and everything they saved on this device?")) {
                                    status.set(page.remove_profile(&id));
                                }
                            }>"Remove…"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="status" role="status">{move || status.get()}</p>
        </section>
    }
}
