//! Messages about saved progress and the link: storage notices to dismiss, save errors as alerts.

use leptos::prelude::*;

use super::state::AppState;

#[component]
pub fn Notices(app: AppState) -> impl IntoView {
    let numbered = move || {
        app.notices
            .get()
            .into_iter()
            .enumerate()
            .collect::<Vec<_>>()
    };
    view! {
        <div class="notices">
            {move || app.save_error.get().map(|message| view! {
                <p class="notice is-error" role="alert" id="save-error">{message}</p>
            })}
            <For
                each=numbered
                key=|(i, message)| (*i, message.clone())
                children=move |(i, message)| view! {
                    <div class="notice" role="alert">
                        <p>{message}</p>
                        <button type="button" class="quiet" on:click=move |_| app.notices.update(|n| { if i < n.len() { n.remove(i); } })>
                            "Dismiss"
                        </button>
                    </div>
                }
            />
        </div>
    }
}
