//! Window-wide listeners: keyboard shortcuts on the quiz screen (number keys pick a choice,
//! Enter checks and continues), and other tabs' saves arriving as storage events.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{AppState, Screen};

/// What kind of element a key press came from.
fn target_kind(event: &web_sys::KeyboardEvent) -> (String, String) {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| {
            (
                el.tag_name().to_ascii_uppercase(),
                el.get_attribute("type").unwrap_or_default(),
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
        let (tag, kind) = target_kind(&event);
        let typing =
            tag == "TEXTAREA" || (tag == "INPUT" && !matches!(kind.as_str(), "radio" | "checkbox"));
        let key = event.key();
        // Digits belong to text fields and to a select's type-ahead.
        match key.as_str() {
            digit
                if digit.len() == 1
                    && digit.as_bytes()[0].is_ascii_digit()
                    && !typing
                    && tag != "SELECT"
                    && app.press_number(usize::from(digit.as_bytes()[0] - b'0')) =>
            {
                event.prevent_default();
            }
            // Text fields submit their form on Enter, and buttons and links act on it themselves.
            "Enter" if !typing && !matches!(tag.as_str(), "BUTTON" | "A" | "SUMMARY") => {
                event.prevent_default();
                app.primary();
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());

    // Another tab's save arrives as a storage event for our key.
    let storage = window_event_listener(ev::storage, move |event| {
        if event.key().as_deref() == Some(crate::progress::PROGRESS_KEY)
            && let Some(text) = event.new_value()
        {
            app.take_in_other_tab(&text);
        }
    });
    on_cleanup(move || storage.remove());
}
