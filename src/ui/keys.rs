//! The quiz screen's keyboard shortcuts, listened for on the whole window.
//!
//! Number keys pick answers only while focus is on the page itself or inside the answer area
//! (never on "Leave quiz" or another control), and not at all when the learner turned
//! single-key shortcuts off (WCAG 2.1.4).

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{AppState, Screen};

/// Where a key press came from: the element's tag and type, and whether it is inside the
/// answer area.
fn target_of(event: &web_sys::KeyboardEvent) -> (String, String, bool) {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| {
            let in_answers = el.closest("#answer-area").ok().flatten().is_some();
            (
                el.tag_name().to_ascii_uppercase(),
                el.get_attribute("type").unwrap_or_default(),
                in_answers,
            )
        })
        .unwrap_or_default()
}

pub fn listen(app: AppState) {
    let handle = window_event_listener(ev::keydown, move |event| {
        if app.screen.get_untracked() != Screen::Quiz
            || event.ctrl_key()
            || event.meta_key()
            || event.alt_key()
            || event.default_prevented()
        {
            return;
        }
        let (tag, kind, in_answers) = target_of(&event);
        let typing =
            tag == "TEXTAREA" || (tag == "INPUT" && !matches!(kind.as_str(), "radio" | "checkbox"));
        let on_page = matches!(
            tag.as_str(),
            "BODY" | "HTML" | "H1" | "FORM" | "SECTION" | ""
        );
        let key = event.key();
        match key.as_str() {
            digit
                if digit.len() == 1
                    && digit.as_bytes()[0].is_ascii_digit()
                    && !typing
                    && tag != "SELECT"
                    && (on_page || in_answers)
                    && app.press_number(usize::from(digit.as_bytes()[0] - b'0')) =>
            {
                event.prevent_default();
            }
            // Text fields submit their form on Enter, and buttons and links act on it
            // themselves; on a select (which does nothing with Enter) it checks.
            "Enter"
                if !typing
                    && (on_page || in_answers)
                    && !matches!(tag.as_str(), "BUTTON" | "A" | "SUMMARY") =>
            {
                event.prevent_default();
                app.check_or_continue();
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}
