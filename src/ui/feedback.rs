//! The feedback after an answer: verdict, the right answer, the explanation and the sources.

use leptos::prelude::*;

use crate::bank::Question;
use crate::quiz::describe::right_answer;
use crate::quiz::{Credit, Outcome};

/// A source link's visible text: its host, so the list stays short.
fn host(url: &str) -> String {
    url.split("://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or(url)
        .to_string()
}

#[component]
pub fn Sources(question: Question) -> impl IntoView {
    view! {
        <div class="sources">
            <h4>"Sources"</h4>
            <ul>
                {question.sources.iter().map(|source| match source {
                    crate::bank::Source::Link(url) => view! {
                        <li><a href=url.clone() target="_blank" rel="noopener noreferrer">{host(url)}</a></li>
                    }.into_any(),
                    crate::bank::Source::Citation(text) => view! { <li>{text.clone()}</li> }.into_any(),
                }).collect_view()}
            </ul>
            <p class="facts">{format!("Fact sheet: {}", question.facts.join(", "))}</p>
        </div>
    }
}

#[component]
pub fn Feedback(question: Question, credit: Credit) -> impl IntoView {
    let outcome = Outcome::of(credit);
    let (class, verdict) = match outcome {
        Outcome::Right => ("feedback is-right", "Right!".to_string()),
        Outcome::Partial => (
            "feedback is-partial",
            format!("Partly right: {} %", credit.percent()),
        ),
        Outcome::Wrong => ("feedback is-wrong", "Not quite.".to_string()),
    };
    view! {
        <div class=class id="feedback">
            <p class="verdict">{verdict}</p>
            <p class="answer"><strong>"Answer: "</strong>{right_answer(&question.kind)}</p>
            <p class="explanation">{question.explanation.clone().unwrap_or_default()}</p>
            <Sources question />
        </div>
    }
}
