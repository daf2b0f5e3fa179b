//! The sealed exam's page (exam.html, its own wasm): a student takes a sealed exam from its
//! public part alone, with no feedback and no score, and hands in as on the quiz page; once the
//! teacher releases the key (a link or a code), the page shows the review of what was handed in.
//!
//! The quiz page never reads sealed files and this page never holds an answer before the
//! release; AES-GCM (for the release code, which is the key) lives in this page's wasm only.

mod intro;
mod quiz;
mod review;
mod state;

use leptos::prelude::*;

use super::assignment::Invitation;
use super::browser::{document, window};
use super::site::{SiteUrl, fetch_text};
use crate::seal::SealedBank;
use state::{ExamState, Screen};

/// Mount the sealed exam's page.
pub fn mount() {
    super::install_panic_hook();
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(ExamApp);
}

/// A query value of the page's address.
fn query(name: &str) -> Option<String> {
    let search = window().location().search().unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
        .filter(|v| !v.is_empty())
}

/// The sealed assignment the link carries, with a per-student link's accommodation.
fn invitation() -> Result<Invitation, String> {
    let code = query("a").ok_or("it holds no assignment (a link contains \"?a=\")")?;
    let assignment = crate::assignment::decode(&code).map_err(|e| e.to_string())?;
    if !assignment.sealed {
        return Err(
            "it is not a sealed exam; open it on the quiz page (index.html) instead".to_string(),
        );
    }
    let accommodation = query("for").and_then(|c| crate::assignment::decode_accommodation(&c).ok());
    Ok(Invitation {
        assignment,
        accommodation,
    })
}

/// Fetch and read the sealed file the assignment names, checked to be its bank.
async fn load(invitation: &Invitation) -> Result<SealedBank, Vec<String>> {
    let bank = &invitation.assignment.bank;
    let at = |why: String| vec![format!("{}: {why}", bank.path)];
    let url = SiteUrl::resolve("", &bank.path).map_err(at)?;
    let text = fetch_text(&url).await.map_err(at)?;
    let sealed = SealedBank::from_json(&text).map_err(|e| at(e.to_string()))?;
    if sealed.meta().id != bank.id {
        return Err(at(format!(
            "the assignment is for the question bank \"{}\", but this sealed file is of \"{}\"",
            bank.id,
            sealed.meta().id
        )));
    }
    Ok(sealed)
}

#[component]
fn ExamApp() -> impl IntoView {
    let invitation = match invitation() {
        Ok(invitation) => invitation,
        Err(why) => {
            return view! { <main id="main"><super::error_page::LinkProblem why /></main> }
                .into_any();
        }
    };
    let loaded: RwSignal<Option<Result<SealedBank, Vec<String>>>> = RwSignal::new(None);
    let for_load = invitation.clone();
    leptos::task::spawn_local(async move {
        loaded.set(Some(load(&for_load).await));
    });
    let invitation = StoredValue::new(invitation);
    view! {
        <header class="site-header">
            <a class="skip-link" href="#main">"Skip to the exam"</a>
            <p class="brand">"Accord · sealed exam"</p>
        </header>
        <main id="main">
            {move || match loaded.get() {
                None => view! {
                    <p class="loading" role="status" aria-busy="true">"Loading the exam…"</p>
                }.into_any(),
                Some(Err(problems)) => view! { <super::error_page::ErrorPage problems /> }.into_any(),
                Some(Ok(sealed)) => view! { <Loaded sealed invitation=invitation.get_value() /> }.into_any(),
            }}
        </main>
    }
    .into_any()
}

#[component]
fn Loaded(sealed: SealedBank, invitation: Invitation) -> impl IntoView {
    let path = invitation.assignment.bank.path.clone();
    let exam = ExamState::new(sealed, path, invitation);
    // A release link, or a code this device kept from one, opens the review.
    if let Some(code) = query("release").or_else(|| exam.kept_release_code()) {
        match exam.release(&code) {
            Ok(()) => {
                if let Some(latest) = exam.previous_results().last() {
                    if exam.screen.get_untracked() != Screen::Quiz {
                        exam.screen.set(Screen::Review(latest.run.attempt));
                    }
                } else {
                    exam.notices.update(|n| {
                        n.push("Your teacher released the answers of this exam, but nothing was handed in on this device.".into())
                    });
                }
            }
            Err(why) => exam.notices.update(|n| {
                n.push(format!(
                    "The release code in the link does not open this exam: {why}."
                ))
            }),
        }
    }
    let listener = window_event_listener(leptos::ev::storage, move |event| {
        if let Some(key) = event.key() {
            exam.take_in(&key, event.new_value());
        }
    });
    on_cleanup(move || listener.remove());
    view! {
        <Notices exam />
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" id="announcer">
            {move || exam.announcement.get().0}
        </div>
        {move || match exam.screen.get() {
            Screen::Intro => view! { <intro::IntroScreen exam /> }.into_any(),
            Screen::Quiz => view! { <quiz::QuizScreen exam /> }.into_any(),
            Screen::HandIn => view! { <quiz::HandInScreen exam /> }.into_any(),
            Screen::HandedIn => view! { <intro::HandedInScreen exam /> }.into_any(),
            Screen::Review(attempt) => view! { <review::ReviewScreen exam attempt /> }.into_any(),
        }}
    }
}

/// Messages about saved data and the release, until dismissed.
#[component]
fn Notices(exam: ExamState) -> impl IntoView {
    let dismiss = move |i: usize| {
        exam.notices.update(|n| {
            if i < n.len() {
                n.remove(i);
            }
        });
    };
    view! {
        <div class="notices" id=super::ids::NOTICES>
            {move || exam.save_error().map(|message| view! {
                <p class="notice is-error" role="alert" id="save-error">{message}</p>
            })}
            {move || exam.notices.get().into_iter().enumerate().map(|(i, message)| view! {
                <div class="notice" role="status">
                    <p>{message}</p>
                    <button type="button" class="quiet" id=format!("notice-{i}") on:click=move |_| dismiss(i)>"Dismiss"</button>
                </div>
            }).collect_view()}
        </div>
    }
}
