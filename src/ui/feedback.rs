//! What goes with a question: the picture and quoted source above it, and after answering the
//! verdict, the right answer, the explanation and the sources.

use leptos::prelude::*;

use super::site::SiteUrl;
use super::words::{outcome_class, verdict_shown};
use crate::bank::{Question, Source};
use crate::quiz::describe::right_answer;
use crate::quiz::{Credit, Outcome};
use crate::text::Language;

/// A source link's visible text: its host and the start of its path, so that links to
/// different pages of one site read differently.
fn link_text(url: &str) -> String {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let mut parts = rest.split('/');
    let host = parts.next().unwrap_or(rest).trim_start_matches("www.");
    let path: Vec<&str> = parts.filter(|p| !p.is_empty()).collect();
    match path.last() {
        None => host.to_string(),
        Some(last) => {
            let page: String = last
                .split(['?', '#'])
                .next()
                .unwrap_or(last)
                .chars()
                .take(40)
                .collect();
            format!("{host} › {page}")
        }
    }
}

#[component]
pub fn Sources(question: Question, heading: &'static str) -> impl IntoView {
    if question.sources.is_empty() {
        return ().into_any();
    }
    let heading_view = match heading {
        "h3" => view! { <h3>"Sources"</h3> }.into_any(),
        _ => view! { <h2>"Sources"</h2> }.into_any(),
    };
    view! {
        <div class="sources">
            {heading_view}
            <ul>
                {question.sources.iter().map(|source| match source {
                    Source::Link(url) => view! {
                        <li><a href=url.clone() target="_blank" rel="noopener noreferrer">{link_text(url)}</a></li>
                    }.into_any(),
                    Source::Citation(text) => view! { <li>{text.clone()}</li> }.into_any(),
                }).collect_view()}
            </ul>
            {(!question.facts.is_empty()).then(|| view! {
                <p class="facts">{format!("Fact-sheet entries: {}", question.facts.join(", "))}</p>
            })}
        </div>
    }
    .into_any()
}

#[component]
pub fn Feedback(question: Question, credit: Credit, language: Language) -> impl IntoView {
    let outcome = Outcome::of(Some(credit));
    view! {
        <div class=format!("feedback {}", outcome_class(outcome)) id="feedback">
            <p class="verdict">{verdict_shown(credit)}</p>
            <p class="answer"><strong>"Answer: "</strong>{right_answer(&question.kind, language)}</p>
            {question.explanation.clone().map(|e| view! { <p class="explanation">{e}</p> })}
            <Sources question heading="h2" />
        </div>
    }
}

/// The picture and the quoted passage shown above a question, if it has them.
#[component]
pub fn Extras(question: Question, bank_path: String) -> impl IntoView {
    extras(question.image, question.extract, bank_path)
}

/// [`Extras`] from the picture and passage themselves (a sealed exam's public part has them).
pub fn extras(
    image: Option<crate::bank::Image>,
    extract: Option<crate::bank::Extract>,
    bank_path: String,
) -> impl IntoView {
    let image = image.and_then(|image| {
        let url = SiteUrl::resolve(&bank_path, &image.file).ok()?;
        Some(view! {
            <figure class="question-image">
                <img src=url.href().to_string() alt=image.alt.clone() loading="lazy" />
                {image.caption.clone().map(|c| view! { <figcaption>{c}</figcaption> })}
            </figure>
        })
    });
    let extract = extract.map(|e| {
        view! {
            <figure class="extract">
                <blockquote><p>{e.text}</p></blockquote>
                <figcaption>{format!("— {}", e.attribution)}</figcaption>
            </figure>
        }
    });
    view! { {image}{extract} }
}
