//! The learner's data and settings: export to a file, import (merged, never replacing),
//! reset after a confirmation that offers an export first; desired retention and exam time.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::browser::now_ms;
use super::state::AppState;

/// Offer `text` as a file download.
fn download(name: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not make the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "no download URL".to_string())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "no link")?
        .dyn_into()
        .map_err(|_| "no link")?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

fn export_now(app: AppState, status: RwSignal<String>) {
    let text = app
        .progress
        .with_untracked(|p| crate::progress::export(p, now_ms()));
    let date = String::from(js_sys::Date::new_0().to_iso_string())
        .chars()
        .take(10)
        .collect::<String>();
    match download(&format!("accord-progress-{date}.json"), &text) {
        Ok(()) => status.set("Your progress was exported to a file.".into()),
        Err(why) => status.set(format!("The export failed: {why}.")),
    }
}

#[component]
pub fn DataPanel(app: AppState) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            let Some(text) = text else {
                status.set("The file could not be read.".into());
                return;
            };
            status.set(app.import_text(&text));
        });
    };
    view! {
        <section class="data-panel" aria-labelledby="data-heading">
            <h3 id="data-heading">"Your data"</h3>
            <p class="hint">"Progress is kept in this browser only. Export it to keep a copy or move it to another device; importing merges, so nothing is lost or counted twice."</p>
            <div class="actions">
                <button type="button" id="export-button" on:click=move |_| export_now(app, status)>"Export progress"</button>
                <input type="file" id="import-file" class="sr-only" accept=".json,application/json" on:change=on_file />
                <label class="button-like" for="import-file">"Import progress…"</label>
                <button type="button" id="reset-button" class="quiet" on:click=move |_| confirming.set(true)>"Reset progress…"</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="reset-title">
                    <p id="reset-title"><strong>"Delete all progress in this browser?"</strong>
                        " Your answers, finished quizzes and review schedule will be gone. You can export them first."</p>
                    <div class="actions">
                        <button type="button" on:click=move |_| export_now(app, status)>"Export first"</button>
                        <button type="button" class="danger" id="confirm-reset" on:click=move |_| {
                            app.reset();
                            confirming.set(false);
                            status.set("All progress was deleted.".into());
                        }>"Delete everything"</button>
                        <button type="button" class="quiet" on:click=move |_| confirming.set(false)>"Cancel"</button>
                    </div>
                </div>
            </Show>
            <p class="status" role="status" id="data-status">{move || status.get()}</p>
        </section>
    }
}

/// Desired retention for spaced review, and exam time limits (extend or turn off, WCAG 2.2.1).
#[component]
pub fn SettingsPanel(app: AppState) -> impl IntoView {
    let retention = move || app.progress.with(|p| p.settings.desired_retention);
    let extension = move || app.progress.with(|p| p.settings.time_extension);
    view! {
        <details class="settings">
            <summary>"Settings"</summary>
            <label for="retention">"Spaced review: remember "</label>
            <select id="retention" on:change=move |ev| {
                if let Ok(r) = event_target_value(&ev).parse::<f64>() {
                    app.update_settings(|s| s.desired_retention = r);
                }
            }>
                {[0.8_f64, 0.85, 0.9, 0.95].into_iter().map(|r| view! {
                    <option value=r.to_string() selected=move || (retention() - r).abs() < 1e-9>
                        {format!("{} % of answers{}", (r * 100.0).round(), if r == 0.9 { " (recommended)" } else { "" })}
                    </option>
                }).collect_view()}
            </select>
            <p class="hint">"Higher means shorter gaps between reviews and more of them."</p>
            <label for="extension">"Exam time: "</label>
            <select id="extension" on:change=move |ev| {
                if let Ok(x) = event_target_value(&ev).parse::<f64>() {
                    app.update_settings(|s| s.time_extension = x);
                }
            }>
                {[1.0_f64, 1.5, 2.0, 3.0, 10.0].into_iter().map(|x| view! {
                    <option value=x.to_string() selected=move || (extension() - x).abs() < 1e-9>
                        {if x == 1.0 { "the set time limit".to_string() } else { format!("{x}× the set time limit") }}
                    </option>
                }).collect_view()}
            </select>
            <label class="check">
                <input type="checkbox" id="limits-off"
                    prop:checked=move || app.progress.with(|p| p.settings.time_limits_off)
                    on:change=move |ev| { let off = event_target_checked(&ev); app.update_settings(|s| s.time_limits_off = off); } />
                " Turn off exam time limits"
            </label>
        </details>
    }
}
