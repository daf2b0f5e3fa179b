//! The page shown when the bank cannot be loaded: every problem with its file, line and column.

use leptos::prelude::*;

#[component]
pub fn ErrorPage(problems: Vec<String>) -> impl IntoView {
    let count = problems.len();
    view! {
        <section class="error-page" aria-labelledby="error-heading">
            <h1 id="error-heading">"The question bank could not be loaded"</h1>
            <p>
                {if count == 1 { "One problem was found. It names the file, the line and column, and what is wrong:".to_string() }
                 else { format!("{count} problems were found. Each names the file, the line and column, and what is wrong:") }}
            </p>
            <ul class="problems">
                {problems.into_iter().map(|p| view! { <li><code>{p}</code></li> }).collect_view()}
            </ul>
            <p class="hint">
                "If you host this quiz: fix the files named above, or run "
                <code>"cargo run --bin bank -- check questions/"</code>
                " to see the same list, then reload. The format is described in docs/question-format.md."
            </p>
            <button type="button" class="primary" on:click=move |_| { let _ = window().location().reload(); }>
                "Try again"
            </button>
        </section>
    }
}
