//! Other tabs' saves, arriving as storage events, handed to the state to take in (the merge
//! itself is the core's: `Learner::take_in`).

use leptos::ev;
use leptos::prelude::*;

use super::state::AppState;

pub fn listen(app: AppState) {
    let storage = window_event_listener(ev::storage, move |event| {
        if let Some(key) = event.key()
            && key.starts_with(crate::progress::KEY_PREFIX)
        {
            app.take_in(&key, event.new_value());
        }
    });
    on_cleanup(move || storage.remove());
}
