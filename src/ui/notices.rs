//! Messages about saved data and the link: notices to dismiss, save errors as alerts. After a
//! notice is dismissed, focus moves to the next one or to the screen's heading, never to the
//! page's body.

use leptos::prelude::*;

use super::browser::{document, focus_id};
use super::state::AppState;

/// The heading of whatever screen is showing.
fn screen_heading() -> Option<String> {
    let heading = document().query_selector("main h1").ok()??;
    Some(heading.id())
}

#[component]
pub fn Notices(app: AppState) -> impl IntoView {
    let dismiss = move |i: usize| {
        app.notices.update(|n| {
            if i < n.len() {
                n.remove(i);
            }
        });
        let left = app.notices.with_untracked(Vec::len);
        if left > 0 {
            focus_id(format!("notice-{}", i.min(left - 1)));
        } else if let Some(id) = screen_heading() {
            focus_id(id);
        }
    };
    view! {
        <div class="notices" id=super::ids::NOTICES>
            {move || app.save_error().map(|message| view! {
                <p class="notice is-error" role="alert" id="save-error">{message}</p>
            })}
            {move || app.notices.get().into_iter().enumerate().map(|(i, message)| view! {
                <div class="notice" role="status">
                    <p>{message}</p>
                    <button type="button" class="quiet" id=format!("notice-{i}") on:click=move |_| dismiss(i)>"Dismiss"</button>
                </div>
            }).collect_view()}
        </div>
    }
}
