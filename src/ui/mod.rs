//! The learner's screens (wasm32 only): they render state from the core and forward events to
//! it. `App` loads the bank, then shows one screen at a time; `state` holds the core's
//! `Learner` and the actions; the other files are one screen or widget, or a browser adapter.
//!
//! A panic never leaves a hanging page: the hook hands over to `boot.js`, which replaces the
//! page with a recovery screen (download the saved data, or move it aside and start afresh).

mod answers;
mod assignment;
pub mod browser;
pub mod error_page;
pub mod exam;
mod feedback;
mod hand_in;
pub mod ids;
mod keys;
pub mod loader;
mod notices;
pub mod progress_page;
mod quiz;
pub mod reader;
pub mod reporter;
mod results;
#[cfg(feature = "scorm")]
pub mod scorm;
pub mod site;
mod start;
mod state;
mod tabs;
pub mod words;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::bank::Bank;
pub use assignment::Invitation;
use reporter::Lms;
pub use state::BrowserLearner;
use state::{AppState, Screen};

/// Hand a panic to the page's recovery screen (defined by boot.js, which runs before the
/// wasm), after logging it.
fn on_panic(info: &std::panic::PanicHookInfo) {
    let message = info.to_string();
    web_sys::console::error_1(&JsValue::from_str(&message));
    if let Some(window) = web_sys::window()
        && let Ok(recover) = js_sys::Reflect::get(&window, &JsValue::from_str("accordRecover"))
        && let Some(recover) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&recover)
    {
        let _ = recover.call1(&JsValue::NULL, &JsValue::from_str(&message));
    }
}

/// Every page's panic hook: log, then hand over to the recovery screen.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(on_panic));
}

/// A test hook for the recovery screen: the key `accord/debug-panic` makes the app panic at
/// start with its text. Harmless to anyone who sets it (they see the recovery screen, which
/// moves nothing until asked); the browser tests use it to prove a panic never hangs the page.
fn panic_if_asked() {
    use crate::storage::KeyValueStore;
    if let Ok(Some(why)) = crate::storage::LocalStore.get("accord/debug-panic") {
        panic!("{why}");
    }
}

/// Mount the learner's app (index.html).
pub fn mount() {
    mount_with(None);
}

/// Mount the learner's app reporting to `lms`, if given (the SCORM page, inside an LMS); with
/// `None` it is the learner's app exactly as `mount` gives it.
pub fn mount_with(lms: Option<Lms>) {
    install_panic_hook();
    panic_if_asked();
    // The static "Loading…" text in index.html keeps the page from ever being blank while
    // the wasm downloads; the app replaces it.
    if let Some(boot) = browser::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(move || view! { <App lms /> });
}

/// A loaded bank, whether it came from the build's bundle, and the files it was made from.
type Ready = (Bank, bool, Vec<crate::bank::compiled::Stamp>);

#[component]
fn App(lms: Option<Lms>) -> impl IntoView {
    let mut url = site::url_params();
    let invitation = match invitation(&mut url) {
        Ok(invitation) => invitation,
        Err(why) => {
            return view! { <main id="main"><error_page::LinkProblem why /></main> }.into_any();
        }
    };
    let path = url.bank.clone();
    let expected = invitation.as_ref().map(|i| i.assignment.bank.id.clone());
    let loaded: RwSignal<Option<Result<Ready, Vec<String>>>> = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        let result = loader::load(&path)
            .await
            .map(|l| (l.bank, l.from_bundle, l.files))
            .and_then(|ready| match &expected {
                Some(id) if *id != ready.0.meta.id => Err(vec![format!(
                    "{path}: the assignment is for the question bank \"{id}\", but this is \"{}\"",
                    ready.0.meta.id
                )]),
                _ => Ok(ready),
            });
        loaded.set(Some(result));
    });
    let url = StoredValue::new(url);
    let invitation = StoredValue::new(invitation);
    // Only the SCORM page's build (the `scorm` feature) has an LMS: in the learner's own build
    // this is a constant `None`, and the code for one is left out of its wasm.
    let lms = lms.filter(|_| cfg!(feature = "scorm"));
    // Inside an LMS, the learner is the one it names: shown, never asked.
    #[cfg(feature = "scorm")]
    let learner = lms
        .as_ref()
        .map(|l| l.0.learner().name)
        .filter(|name| !name.is_empty())
        .map(|name| view! { <p class="lms-learner" id="lms-learner">"Learner: "<strong>{name}</strong></p> });
    #[cfg(not(feature = "scorm"))]
    let learner = ();
    // Kept for the screens once the bank is in (not `Send`: a local value). The learner's own
    // build keeps nothing, and so carries none of the local arena's code.
    #[cfg(feature = "scorm")]
    let lms = {
        let kept = StoredValue::new_local(lms);
        move || kept.get_value()
    };
    #[cfg(not(feature = "scorm"))]
    let lms = {
        drop(lms);
        || None
    };
    view! {
        <header class="site-header">
            <a class="skip-link" href="#main">"Skip to the quiz"</a>
            <p class="brand">"Accord"</p>
            {learner}
        </header>
        <main id="main">
            {move || match loaded.get() {
                None => view! {
                    <p class="loading" role="status" aria-busy="true">"Loading questions…"</p>
                }.into_any(),
                Some(Err(problems)) => view! { <error_page::ErrorPage problems /> }.into_any(),
                Some(Ok((bank, from_bundle, files))) => {
                    view! { <Loaded bank url=url.get_value() invitation=invitation.get_value() from_bundle files lms=lms() /> }.into_any()
                }
            }}
        </main>
    }
    .into_any()
}

/// The assignment the link carries, if any, checked; its bank becomes the page's bank.
fn invitation(url: &mut site::UrlParams) -> Result<Option<assignment::Invitation>, String> {
    let Some(code) = url.assignment.clone() else {
        return Ok(None);
    };
    let assignment = crate::assignment::decode(&code).map_err(|e| e.to_string())?;
    if assignment.sealed {
        // A sealed exam has a page of its own, which reads sealed files; this one never does.
        let location = browser::window().location();
        let search = location.search().unwrap_or_default();
        let _ = location.replace(&format!("exam.html{search}"));
        return Err("it is a sealed exam, which opens on its own page (exam.html)".into());
    }
    let accommodation = match url
        .accommodation
        .as_deref()
        .map(crate::assignment::decode_accommodation)
    {
        None => None,
        Some(Ok(acc)) => Some(acc),
        Some(Err(e)) => {
            url.problems.push(format!(
                "Your personal link's arrangements could not be read ({e}), so the usual conditions apply. Ask your teacher for your link again."
            ));
            None
        }
    };
    url.bank = assignment.bank.path.clone();
    Ok(Some(assignment::Invitation {
        assignment,
        accommodation,
    }))
}

#[component]
fn Loaded(
    bank: Bank,
    url: site::UrlParams,
    invitation: Option<assignment::Invitation>,
    from_bundle: bool,
    files: Vec<crate::bank::compiled::Stamp>,
    lms: Option<Lms>,
) -> impl IntoView {
    let path = url.bank.clone();
    let reports = cfg!(feature = "scorm") && lms.is_some();
    let app = AppState::new(bank, url, invitation, lms);
    keys::listen(app);
    tabs::listen(app);
    if reports {
        // Closing the window, or the LMS taking the learner elsewhere, ends the session with
        // the LMS cleanly; every answer is already committed.
        let listener = window_event_listener(leptos::ev::pagehide, move |_| app.leave_lms());
        on_cleanup(move || listener.remove());
    }
    if from_bundle {
        // The bundle was built with the site; the files on the server may have been edited.
        leptos::task::spawn_local(async move {
            if let Some(fresh) = loader::refresh(&path, &files).await {
                app.bank_updated(fresh.bank);
            }
        });
    }
    view! {
        <notices::Notices app />
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" id="announcer">
            // The same words twice ("Answer saved. Question 3.") must be said twice: every
            // other announcement ends in a no-break space, so the region always changes.
            {move || app.announcement.with(|(text, n)| {
                if n % 2 == 1 && !text.is_empty() { format!("{text}\u{a0}") } else { text.clone() }
            })}
        </div>
        {move || match app.screen.get() {
            Screen::Start => view! { <start::StartScreen app /> }.into_any(),
            Screen::Assignment => view! { <assignment::AssignmentScreen app /> }.into_any(),
            Screen::Quiz => view! { <quiz::QuizScreen app /> }.into_any(),
            Screen::HandIn => view! { <hand_in::HandInScreen app /> }.into_any(),
            Screen::Results => view! { <results::ResultsScreen app /> }.into_any(),
        }}
    }
}
