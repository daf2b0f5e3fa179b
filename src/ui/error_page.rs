//! The page shown when the bank cannot be loaded: a plain message for students, and every
//! problem with its file, line and column folded away for the teacher.

use leptos::prelude::*;

#[component]
pub fn ErrorPage(problems: Vec<String>) -> impl IntoView {
    let count = problems.len();
    super::browser::set_title("This quiz has a problem · Accord");
    view! {
        <section class="error-page" aria-labelledby="error-heading">
            <h1 id="error-heading" tabindex="-1">"This quiz has a problem"</h1>
            <p>"Its questions could not be loaded. Please tell your teacher; there is nothing you need to do."</p>
            <button type="button" class="primary" on:click=move |_| { let _ = window().location().reload(); }>
                "Try again"
            </button>
            <details class="problems-box">
                <summary>{if count == 1 { "For the teacher: 1 problem".to_string() } else { format!("For the teacher: {count} problems") }}</summary>
                <p>"Each names the file, the line and column, and what is wrong. The teacher page (teacher.html) checks files the same way; the question format is described in docs/question-format.md."</p>
                <ul class="problems">
                    {problems.into_iter().map(|p| view! { <li><code>{p}</code></li> }).collect_view()}
                </ul>
            </details>
        </section>
    }
}

/// The page shown when an assignment's link cannot be used.
#[component]
pub fn LinkProblem(why: String) -> impl IntoView {
    super::browser::set_title("This link cannot be used · Accord");
    view! {
        <section class="error-page" aria-labelledby="error-heading">
            <h1 id="error-heading" tabindex="-1">"This assignment link cannot be used"</h1>
            <p id="link-problem">{format!("The link cannot be used: {why}.")}</p>
            <p><a href="index.html">"Practise with the questions on this site instead"</a></p>
        </section>
    }
}
