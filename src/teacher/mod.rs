//! The teacher page (teacher.html, its own wasm): the teacher's assignments, their links and QR
//! codes with the accommodations issued, and each class's results and item analysis; the
//! Questions area (check a bank, preview it, download it) and Paper (worksheets and keys).
//!
//! Screens render the desk from `results::desk` and forward events to `state`; every decision
//! and every number comes from the core. Wasm only; it shares the learner page's adapters.

mod areas;
mod bank_files;
mod class;
mod editor;
mod files;
mod list;
mod package;
mod paper;
mod questions;
mod report;
mod sealing;
mod share;
mod sheet_view;
mod state;

use leptos::prelude::*;

use crate::bank::Bank;
use crate::ui::site::url_params;
use crate::ui::{browser, error_page, loader};
use areas::Area;
use state::{Desk, Screen};

/// Mount the teacher page.
pub fn mount() {
    crate::ui::install_panic_hook();
    if let Some(boot) = browser::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(TeacherApp);
}

/// The page's bank and the files it was read from (relative to the page), or the problems.
type LoadedBank = Result<(Bank, Vec<String>), Vec<String>>;

#[component]
fn TeacherApp() -> impl IntoView {
    let url = url_params();
    let path = url.bank.clone();
    let loaded: RwSignal<Option<LoadedBank>> = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        loaded.set(Some(loader::load(&path).await.map(|l| {
            let sources = l.files.into_iter().map(|s| s.path).collect();
            (l.bank, sources)
        })));
    });
    let bank_path = StoredValue::new(url.bank.clone());
    let back = if url.bank == crate::progress::DEFAULT_BANK_PATH {
        "index.html".to_string()
    } else {
        format!("index.html?bank={}", url.bank)
    };
    browser::set_title("Teacher · Accord");
    view! {
        <header class="site-header">
            <a class="skip-link" href="#main">"Skip to the content"</a>
            <p class="brand">"Accord · for teachers"</p>
            <p class="print-hide"><a href=back id="to-quiz">"The quiz page students see"</a></p>
        </header>
        <main id="main" class="teacher">
            {move || match loaded.get() {
                None => view! { <p class="loading" role="status">"Loading the question bank…"</p> }.into_any(),
                // The bank is broken: the Questions area still checks it, question by question.
                Some(Err(problems)) => view! {
                    <error_page::ErrorPage problems />
                    <questions::QuestionsArea bank_path=bank_path.get_value() checked=RwSignal::new(None) />
                }.into_any(),
                Some(Ok((bank, sources))) => {
                    let desk = Desk::open(bank, bank_path.get_value(), sources);
                    view! { <DeskPage desk /> }.into_any()
                }
            }}
        </main>
    }
}

#[component]
fn DeskPage(desk: Desk) -> impl IntoView {
    // Another tab of this page saved: show what it saved, so neither tab's work is lost when
    // the other saves next.
    let listener = window_event_listener(leptos::ev::storage, move |event| {
        if event
            .key()
            .is_some_and(|k| k.starts_with(crate::results::desk::TEACHER_PREFIX))
        {
            desk.reload();
        }
    });
    on_cleanup(move || listener.remove());
    let area = RwSignal::new(Area::Assignments);
    let checked: questions::Checked = RwSignal::new(None);
    view! {
        <div class="notices print-hide" id="notices">
            {move || desk.notices.get().into_iter().enumerate().map(|(i, message)| view! {
                <div class="notice" role="status">
                    <p>{message}</p>
                    <button type="button" class="quiet" id=format!("notice-{i}")
                        on:click=move |_| desk.dismiss_notice(i)>"Dismiss"</button>
                </div>
            }).collect_view()}
        </div>
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" id="status">
            {move || desk.status.get()}
        </div>
        <areas::AreaNav area on_assignments=Callback::new(move |()| desk.screen.set(Screen::List)) />
        {move || match area.get() {
            Area::Questions => Some(view! { <questions::QuestionsArea bank_path=desk.bank_path.get_value() checked /> }.into_any()),
            Area::Paper => Some(view! { <paper::PaperArea desk checked /> }.into_any()),
            Area::Assignments => None,
        }}
        <Show when=move || area.get() == Area::Assignments>
        {move || match desk.screen.get() {
            Screen::List => view! { <list::ListScreen desk /> }.into_any(),
            Screen::Edit(id) => view! { <editor::EditorScreen desk id /> }.into_any(),
            Screen::Share(id) => view! { <share::ShareScreen desk id /> }.into_any(),
            Screen::Print(id) => view! { <share::PrintScreen desk id /> }.into_any(),
            Screen::Class(id) => view! { <class::ClassScreen desk id /> }.into_any(),
        }}
        </Show>
    }
}
