//! The answer controls for each question type: native radios, checkboxes, selects and text
//! fields, bound to the draft. After answering they show what was given and what was right.

use leptos::prelude::*;

use super::browser::focus_id;
use super::state::{ANSWER_INPUT, AppState};
use crate::bank::{Blank, ClozePiece, Question, QuestionKind};
use crate::quiz::{Draft, QuizItem, toggle};

/// Classes marking a choice after the answer: the right ones, and wrong picks.
fn mark(answered: bool, is_answer: bool, picked: bool) -> &'static str {
    match (answered, is_answer, picked) {
        (false, _, _) => "option",
        (true, true, _) => "option is-answer",
        (true, false, true) => "option is-wrong-pick",
        (true, false, false) => "option",
    }
}

#[component]
pub fn AnswerInputs(
    app: AppState,
    question: Question,
    item: QuizItem,
    answered: bool,
) -> impl IntoView {
    let draft = app.draft;
    match question.kind {
        QuestionKind::SingleChoice { choices, answer } => item
            .order
            .iter()
            .enumerate()
            .map(|(pos, &orig)| {
                let picked = move || draft.with(|d| matches!(d, Some(Draft::Choice(Some(x))) if *x == orig));
                view! {
                    <label class=move || mark(answered, orig == answer, picked())>
                        <input type="radio" name="choice" prop:checked=picked
                            on:change=move |_| draft.set(Some(Draft::Choice(Some(orig)))) />
                        <span class="key" aria-hidden="true">{pos + 1}</span>
                        <span class="text">{choices[orig].clone()}</span>
                    </label>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::MultipleSelect { choices, answers } => view! {
            <p class="instruction">"Tick every right answer."</p>
            {item.order.iter().enumerate().map(|(pos, &orig)| {
                let picked = move || draft.with(|d| matches!(d, Some(Draft::Choices(p)) if p.contains(&orig)));
                let is_answer = answers.contains(&orig);
                view! {
                    <label class=move || mark(answered, is_answer, picked())>
                        <input type="checkbox" name="choice" prop:checked=picked
                            on:change=move |_| draft.update(|d| if let Some(Draft::Choices(p)) = d { toggle(p, orig) }) />
                        <span class="key" aria-hidden="true">{pos + 1}</span>
                        <span class="text">{choices[orig].clone()}</span>
                    </label>
                }
            }).collect_view()}
        }
        .into_any(),
        QuestionKind::TrueFalse { answer } => [true, false]
            .into_iter()
            .enumerate()
            .map(|(pos, value)| {
                let picked = move || draft.with(|d| matches!(d, Some(Draft::Bool(Some(b))) if *b == value));
                view! {
                    <label class=move || mark(answered, value == answer, picked())>
                        <input type="radio" name="choice" prop:checked=picked
                            on:change=move |_| draft.set(Some(Draft::Bool(Some(value)))) />
                        <span class="key" aria-hidden="true">{pos + 1}</span>
                        <span class="text">{if value { "True" } else { "False" }}</span>
                    </label>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::SpotError { parts, wrong } => view! {
            <p class="instruction">"Pick the part or parts that are wrong."</p>
            <div class="claim">
                {parts.iter().enumerate().map(|(i, part)| {
                    let picked = move || draft.with(|d| matches!(d, Some(Draft::Parts(p)) if p.contains(&i)));
                    let is_wrong = wrong.contains(&i);
                    view! {
                        <label class=move || format!("part {}", mark(answered, is_wrong, picked()))>
                            <input type="checkbox" name="part" prop:checked=picked
                                on:change=move |_| draft.update(|d| if let Some(Draft::Parts(p)) = d { toggle(p, i) }) />
                            <span class="key" aria-hidden="true">{i + 1}</span>
                            <span class="text">{part.clone()}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
        }
        .into_any(),
        QuestionKind::Ordering { items } => ordering(app, items, answered).into_any(),
        QuestionKind::Matching { lefts, rights } => view! {
            <p class="instruction">"Pick the match for each item."</p>
            <div class="matching">
                {lefts.iter().enumerate().map(|(i, left)| {
                    let rights = rights.clone();
                    let order = item.order.clone();
                    let value = move || draft.with(|d| match d {
                        Some(Draft::Pairs(p)) => p.get(i).copied().flatten().map(|r| r.to_string()).unwrap_or_default(),
                        _ => String::new(),
                    });
                    let class = move || {
                        let given = draft.with(|d| match d { Some(Draft::Pairs(p)) => p.get(i).copied().flatten(), _ => None });
                        match (answered, given == Some(i)) {
                            (false, _) => "match-row",
                            (true, true) => "match-row is-answer",
                            (true, false) => "match-row is-wrong-pick",
                        }
                    };
                    view! {
                        <div class=class>
                            <label for=format!("match-{i}")>{left.clone()}</label>
                            <select id=format!("match-{i}") prop:value=value
                                on:change=move |ev| {
                                    let chosen = event_target_value(&ev).parse::<usize>().ok();
                                    draft.update(|d| if let Some(Draft::Pairs(p)) = d { p[i] = chosen });
                                }>
                                <option value="">"Choose…"</option>
                                {order.iter().map(|&r| view! { <option value=r.to_string()>{rights[r].clone()}</option> }).collect_view()}
                            </select>
                            {answered.then(|| view! { <span class="match-answer">{format!("→ {}", rights[i])}</span> })}
                        </div>
                    }
                }).collect_view()}
            </div>
        }
        .into_any(),
        QuestionKind::Numeric { unit, .. } => view! {
            <div class="typed">
                <label for="answer-input">"Your answer"</label>
                <input id=ANSWER_INPUT type="text" inputmode="decimal" autocomplete="off"
                    prop:value=move || draft.with(|d| match d { Some(Draft::Text(t)) => t.clone(), _ => String::new() })
                    on:input=move |ev| draft.set(Some(Draft::Text(event_target_value(&ev)))) />
                {unit.map(|u| view! { <span class="unit">{u}</span> })}
            </div>
        }
        .into_any(),
        QuestionKind::ShortText { .. } => view! {
            <div class="typed">
                <label for="answer-input">"Your answer"</label>
                <input id=ANSWER_INPUT type="text" autocomplete="off" autocapitalize="off" spellcheck="false"
                    prop:value=move || draft.with(|d| match d { Some(Draft::Text(t)) => t.clone(), _ => String::new() })
                    on:input=move |ev| draft.set(Some(Draft::Text(event_target_value(&ev)))) />
            </div>
        }
        .into_any(),
        QuestionKind::Cloze { pieces, blanks } => view! {
            <p class="cloze">
                {pieces.into_iter().map(|piece| match piece {
                    ClozePiece::Text(text) => view! { <span>{text}</span> }.into_any(),
                    ClozePiece::Blank(b) => {
                        let value = move || draft.with(|d| match d { Some(Draft::Blanks(v)) => v.get(b).cloned().unwrap_or_default(), _ => String::new() });
                        let set = move |text: String| draft.update(|d| if let Some(Draft::Blanks(v)) = d { v[b] = text });
                        let label = format!("Blank {}", b + 1);
                        match &blanks[b] {
                            Blank::Typed(_) => view! {
                                <input class="blank" type="text" autocomplete="off" spellcheck="false" aria-label=label
                                    prop:value=value on:input=move |ev| set(event_target_value(&ev)) />
                            }.into_any(),
                            Blank::Choice { options, .. } => {
                                let order = item.blank_orders.get(b).cloned().unwrap_or_else(|| (0..options.len()).collect());
                                view! {
                                    <select class="blank" aria-label=label prop:value=value on:change=move |ev| set(event_target_value(&ev))>
                                        <option value="">"…"</option>
                                        {order.iter().map(|&o| view! { <option value=options[o].clone()>{options[o].clone()}</option> }).collect_view()}
                                    </select>
                                }.into_any()
                            }
                        }
                    }
                }).collect_view()}
            </p>
        }
        .into_any(),
    }
}

/// Ordering: a list with Move up / Move down buttons, and Alt+↑ / Alt+↓ on a focused item.
fn ordering(app: AppState, items: Vec<String>, answered: bool) -> impl IntoView {
    let draft = app.draft;
    let items = StoredValue::new(items);
    let order = move || {
        draft.with(|d| match d {
            Some(Draft::Order(o)) => o.clone(),
            _ => Vec::new(),
        })
    };
    let shift = move |pos: usize, up: bool| {
        let mut moved = None;
        draft.update(|d| {
            if let Some(d) = d {
                moved = d.move_item(pos, up)
            }
        });
        if let Some(to) = moved {
            let n = order().len();
            let id = order()[to];
            let name = items.with_value(|i| i[id].clone());
            app.announcement
                .set(format!("{name}: now {} of {n}", to + 1));
            focus_id(item_id(id));
        }
    };
    view! {
        <p class="instruction">"Put these in order, earliest first. Use the arrow buttons, or Alt+↑ and Alt+↓ on a focused item."</p>
        <ol class="ordering">
            {move || {
                let order = order();
                let n = order.len();
                order.into_iter().enumerate().map(|(pos, id)| {
                    let name = items.with_value(|i| i[id].clone());
                    let class = match (answered, pos == id) {
                        (false, _) => "order-item",
                        (true, true) => "order-item is-answer",
                        (true, false) => "order-item is-wrong-pick",
                    };
                    view! {
                        <li class=class id=item_id(id) tabindex="0"
                            on:keydown=move |ev| {
                                if answered || !ev.alt_key() { return; }
                                match ev.key().as_str() {
                                    "ArrowUp" => { ev.prevent_default(); shift(pos, true); }
                                    "ArrowDown" => { ev.prevent_default(); shift(pos, false); }
                                    _ => {}
                                }
                            }>
                            <span class="text">{name.clone()}</span>
                            <span class="moves">
                                <button type="button" class="quiet" aria-label=format!("Move “{name}” up")
                                    prop:disabled=answered || pos == 0 on:click=move |_| shift(pos, true)>"↑"</button>
                                <button type="button" class="quiet" aria-label=format!("Move “{name}” down")
                                    prop:disabled=answered || pos + 1 == n on:click=move |_| shift(pos, false)>"↓"</button>
                            </span>
                        </li>
                    }
                }).collect_view()
            }}
        </ol>
    }
}

/// A stable element id per ordering item, so focus can follow it as it moves.
fn item_id(id: usize) -> &'static str {
    const IDS: [&str; 6] = [
        "order-0", "order-1", "order-2", "order-3", "order-4", "order-5",
    ];
    IDS.get(id).copied().unwrap_or("order-0")
}
