//! The Leptos UI (wasm32 only): renders state from the core and forwards events to it.
//!
//! `App` loads the bank, then shows one screen at a time; `state` holds the signals and the
//! actions; the other files are one screen or widget each.

mod answer_inputs;
mod browser;
mod dashboard;
mod data_panel;
mod error_page;
mod feedback;
mod keys;
mod loader;
mod notices;
mod quiz_screen;
mod results_screen;
mod start_screen;
mod state;

use leptos::prelude::*;

use crate::bank::Bank;
use state::{AppState, Screen};

pub fn mount() {
    console_error_panic_hook::set_once();
    // The static "Loading…" text in index.html keeps the page from ever being blank while
    // the wasm downloads; the app replaces it.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let url = browser::url_params();
    let path = url.bank.clone();
    let loaded: RwSignal<Option<Result<Bank, Vec<String>>>> = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        loaded.set(Some(loader::load(&path).await));
    });
    let url = StoredValue::new(url);

    view! {
        <header class="site-header">
            <a class="skip-link" href="#main">"Skip to the quiz"</a>
            <p class="brand">"Accord"</p>
        </header>
        <main id="main">
            {move || match loaded.get() {
                None => view! {
                    <p class="loading" role="status" aria-busy="true">"Loading questions…"</p>
                }.into_any(),
                Some(Err(problems)) => view! { <error_page::ErrorPage problems /> }.into_any(),
                Some(Ok(bank)) => {
                    set_document_meta(&bank);
                    view! { <Loaded bank url=url.get_value() /> }.into_any()
                }
            }}
        </main>
    }
}

fn set_document_meta(bank: &Bank) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!("{} · Accord", bank.meta.title));
        if let Some(html) = document.document_element() {
            let _ = html.set_attribute("lang", &bank.meta.language);
        }
    }
}

#[component]
fn Loaded(bank: Bank, url: browser::UrlParams) -> impl IntoView {
    let app = AppState::new(bank, url);
    keys::listen(app);
    view! {
        <notices::Notices app />
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" id="announcer">
            {move || app.announcement.get()}
        </div>
        {move || match app.screen.get() {
            Screen::Start => view! { <start_screen::StartScreen app /> }.into_any(),
            Screen::Quiz => view! { <quiz_screen::QuizScreen app /> }.into_any(),
            Screen::Results => view! { <results_screen::ResultsScreen app /> }.into_any(),
            Screen::Dashboard => view! { <dashboard::Dashboard app /> }.into_any(),
        }}
    }
}
