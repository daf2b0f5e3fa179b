//! A question as the worksheet shows it and as the answer key gives it, from `paper`'s items:
//! the one rendering for the Questions area's preview and the printed paper. Read-only; no
//! decisions (the labels, boxes and answers all come from the core).

use leptos::prelude::*;

use crate::bank::Source;
use crate::paper::{ClozeBit, KeyItem, Labelled, SheetBody, SheetItem};

/// A line to write on: a bordered empty box, so it prints as a line and screen readers skip it.
fn write_line(class: &'static str) -> impl IntoView {
    view! { <span class=class aria-hidden="true"></span> }
}

fn labelled_list(class: &'static str, entries: Vec<Labelled>, boxed: bool) -> impl IntoView {
    view! {
        <ul class=class>
            {entries.into_iter().map(|e| view! {
                <li>
                    {boxed.then(|| write_line("sheet-box"))}
                    <span class="sheet-label">{e.label}</span>
                    " "
                    <span class="sheet-text">{e.text}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}

fn body(body: SheetBody) -> AnyView {
    match body {
        SheetBody::Choices { options, .. } => {
            labelled_list("sheet-choices", options, false).into_any()
        }
        SheetBody::Ordering { items } => labelled_list("sheet-order", items, true).into_any(),
        SheetBody::Parts { parts } => labelled_list("sheet-parts", parts, false).into_any(),
        SheetBody::Matching { lefts, rights } => view! {
            <div class="sheet-matching">
                {labelled_list("sheet-lefts", lefts, true)}
                {labelled_list("sheet-rights", rights, false)}
            </div>
        }
        .into_any(),
        SheetBody::Line { unit } => view! {
            <p class="sheet-answer">
                <span class="sr-only">"Answer: "</span>
                {write_line("sheet-line")}
                {unit.map(|u| view! { " " <span class="sheet-unit">{u}</span> })}
            </p>
        }
        .into_any(),
        SheetBody::Cloze { bits } => {
            let options: Vec<(usize, Vec<String>)> = bits
                .iter()
                .filter_map(|b| match b {
                    ClozeBit::Gap { number, options } if !options.is_empty() => {
                        Some((*number, options.clone()))
                    }
                    _ => None,
                })
                .collect();
            view! {
                <p class="sheet-cloze">
                    {bits.into_iter().map(|bit| match bit {
                        ClozeBit::Text(text) => view! { <span>{text}</span> }.into_any(),
                        ClozeBit::Gap { number, .. } => view! {
                            <span class="sheet-gap">{format!("({number})")}{write_line("sheet-gap-line")}</span>
                        }
                        .into_any(),
                    }).collect_view()}
                </p>
                {(!options.is_empty()).then(|| view! {
                    <ul class="sheet-gap-options">
                        {options.into_iter().map(|(n, o)| view! {
                            <li>{format!("({n}) {}", o.join(" · "))}</li>
                        }).collect_view()}
                    </ul>
                })}
            }
            .into_any()
        }
    }
}

/// One worksheet question. `numbered` shows its number (the paper), not its topic (the
/// preview shows the topic instead).
#[component]
pub fn SheetQuestion(item: SheetItem, numbered: bool) -> impl IntoView {
    let points = item.points_text();
    view! {
        <div class="sheet-question">
            <p class="sheet-prompt">
                {numbered.then(|| view! { <span class="sheet-number">{format!("{}.", item.number)}</span> " " })}
                <span>{item.prompt.clone()}</span>
                {points.map(|p| view! { " " <span class="sheet-points">{format!("({p})")}</span> })}
            </p>
            {item.image.map(|image| view! {
                <p class="sheet-image">
                    <span class="sheet-image-tag">"Picture: "</span>{image.alt}
                    {image.caption.map(|c| view! { <span class="sheet-caption">{format!(" ({c})")}</span> })}
                </p>
            })}
            {item.extract.map(|e| view! {
                <figure class="extract">
                    <blockquote><p>{e.text}</p></blockquote>
                    <figcaption>{format!("— {}", e.attribution)}</figcaption>
                </figure>
            })}
            <p class="sheet-instruction">{item.instruction}</p>
            {body(item.body)}
        </div>
    }
}

fn source_view(source: Source) -> impl IntoView {
    match source {
        // The address in full: on paper a link is only its text.
        Source::Link(url) => {
            let href = url.clone();
            view! { <li><a href=href target="_blank" rel="noopener noreferrer">{url}</a></li> }
                .into_any()
        }
        Source::Citation(text) => view! { <li>{text}</li> }.into_any(),
    }
}

/// One question of the answer key. `with_prompt` repeats the question (the printed key);
/// the preview, which shows the question above it, leaves it out.
#[component]
pub fn KeyAnswer(item: KeyItem, with_prompt: bool) -> impl IntoView {
    let answer = if item.answer == item.marks {
        item.marks.clone()
    } else {
        format!("{} — {}", item.marks, item.answer)
    };
    let points = item.points_text();
    view! {
        <div class="key-question">
            {with_prompt.then(|| view! {
                <p class="key-prompt">
                    <span class="sheet-number">{format!("{}.", item.number)}</span>" "{item.prompt.clone()}
                    {points.map(|p| view! { " " <span class="sheet-points">{format!("({p})")}</span> })}
                </p>
            })}
            <p class="key-answer"><strong>"Answer: "</strong>{answer}</p>
            {(!item.also.is_empty()).then(|| view! {
                <ul class="key-also">{item.also.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
            })}
            {item.explanation.map(|e| view! { <p class="key-explanation"><strong>"Why: "</strong>{e}</p> })}
            {(!item.sources.is_empty()).then(|| view! {
                <div class="key-sources">
                    <p><strong>"Sources:"</strong></p>
                    <ul>{item.sources.into_iter().map(source_view).collect_view()}</ul>
                </div>
            })}
            {(!item.facts.is_empty()).then(|| view! {
                <p class="key-facts">{format!("Fact-sheet entries: {}", item.facts.join(", "))}</p>
            })}
        </div>
    }
}
