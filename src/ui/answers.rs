//! The answer controls for each question type: native radios, checkboxes, selects and text
//! fields, bound to the draft. After answering they mark, in words and symbols as well as in
//! colour, what was right and what was the learner's wrong pick.

use leptos::prelude::*;

use super::browser::focus_id;
use super::ids::{ANSWER_INPUT, order_item};
use super::state::AppState;
use crate::bank::{Blank, BlankShape, ClozePiece, Question, QuestionKind, Shape};
use crate::quiz::{Draft, QuizItem, toggle};

/// How a choice is marked after the answer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    None,
    RightAnswer,
    WrongPick,
}

fn mark(answered: bool, is_answer: bool, picked: bool) -> Mark {
    match (answered, is_answer, picked) {
        (true, true, _) => Mark::RightAnswer,
        (true, false, true) => Mark::WrongPick,
        _ => Mark::None,
    }
}

fn option_class(m: Mark) -> &'static str {
    match m {
        Mark::None => "option",
        Mark::RightAnswer => "option is-answer",
        Mark::WrongPick => "option is-wrong-pick",
    }
}

/// The words after a marked choice: they say what the colour says.
fn mark_text(m: Mark, picked: bool) -> Option<&'static str> {
    match (m, picked) {
        (Mark::RightAnswer, true) => Some("✓ right answer, your pick"),
        (Mark::RightAnswer, false) => Some("✓ right answer"),
        (Mark::WrongPick, _) => Some("✗ your pick"),
        (Mark::None, _) => None,
    }
}

/// One choice as a row: radio or checkbox, its key number, its text.
struct Choice {
    kind: &'static str,
    key: usize,
    text: String,
    is_answer: bool,
}

/// One choice with, after answering, its mark.
fn choice_row(
    choice: Choice,
    answered: bool,
    picked: Signal<bool>,
    on_change: impl Fn() + 'static,
) -> AnyView {
    let Choice {
        kind,
        key,
        text,
        is_answer,
    } = choice;
    let m = move || mark(answered, is_answer, picked.get());
    view! {
        <label class=move || option_class(m())>
            <input type=kind name="choice" prop:checked=move || picked.get() on:change=move |_| on_change() />
            <span class="key" aria-hidden="true">{key}</span>
            <span class="text">{text}</span>
            {move || mark_text(m(), picked.get()).map(|t| view! { <span class="mark">{t}</span> })}
        </label>
    }
    .into_any()
}

#[component]
pub fn AnswerInputs(
    app: AppState,
    question: Question,
    item: QuizItem,
    answered: bool,
    invalid: Signal<bool>,
) -> impl IntoView {
    let announce = Callback::new(move |text: String| app.announce(text));
    let shape = question.kind.shape();
    shape_inputs(
        app.draft,
        announce,
        shape,
        Some(question.kind),
        item,
        answered,
        invalid,
    )
}

/// The answer controls for what a question shows, bound to `draft`. `key` marks what was
/// right once `answered`; a sealed exam has no key (and never shows an answer).
pub fn shape_inputs(
    draft: RwSignal<Option<Draft>>,
    announce: Callback<String>,
    shape: Shape,
    key: Option<QuestionKind>,
    item: QuizItem,
    answered: bool,
    invalid: Signal<bool>,
) -> AnyView {
    let answered = answered && key.is_some();
    let key = Key(key);
    match shape {
        Shape::Single { choices } => item
            .order
            .iter()
            .enumerate()
            .map(|(pos, &orig)| {
                let picked = Signal::derive(move || {
                    draft.with(|d| matches!(d, Some(Draft::Choice(Some(x))) if *x == orig))
                });
                let choice = Choice { kind: "radio", key: pos + 1, text: choices[orig].clone(), is_answer: key.is_answer(orig) };
                choice_row(choice, answered, picked, move || draft.set(Some(Draft::Choice(Some(orig)))))
            })
            .collect_view()
            .into_any(),
        Shape::Multiple { choices } => view! {
            <p class="instruction">"Tick every right answer."</p>
            {item.order.iter().enumerate().map(|(pos, &orig)| {
                let picked = Signal::derive(move || draft.with(|d| matches!(d, Some(Draft::Choices(p)) if p.contains(&orig))));
                let choice = Choice { kind: "checkbox", key: pos + 1, text: choices[orig].clone(), is_answer: key.is_answer(orig) };
                choice_row(choice, answered, picked, move || draft.update(|d| if let Some(Draft::Choices(p)) = d { toggle(p, orig) }))
            }).collect_view()}
        }
        .into_any(),
        Shape::TrueFalse => [true, false]
            .into_iter()
            .enumerate()
            .map(|(pos, value)| {
                let picked = Signal::derive(move || draft.with(|d| matches!(d, Some(Draft::Bool(Some(b))) if *b == value)));
                let choice = Choice { kind: "radio", key: pos + 1, text: (if value { "True" } else { "False" }).to_string(), is_answer: key.is_answer(usize::from(!value)) };
                choice_row(choice, answered, picked, move || draft.set(Some(Draft::Bool(Some(value)))))
            })
            .collect_view()
            .into_any(),
        Shape::SpotError { parts } => view! {
            <p class="instruction">"Pick the part or parts that are wrong."</p>
            <div class="claim">
                {parts.iter().enumerate().map(|(i, part)| {
                    let picked = Signal::derive(move || draft.with(|d| matches!(d, Some(Draft::Parts(p)) if p.contains(&i))));
                    let wrong_part = key.is_answer(i);
                    let m = move || mark(answered, wrong_part, picked.get());
                    let text = part.clone();
                    view! {
                        <label class=move || format!("part {}", option_class(m()))>
                            <input type="checkbox" name="part" prop:checked=move || picked.get()
                                on:change=move |_| draft.update(|d| if let Some(Draft::Parts(p)) = d { toggle(p, i) }) />
                            <span class="key" aria-hidden="true">{i + 1}</span>
                            <span class="text">{text}</span>
                            {move || answered.then(|| view! { <span class="mark">{match (wrong_part, picked.get()) {
                                (true, true) => "✓ wrong part, found",
                                (true, false) => "✓ this part is wrong",
                                (false, true) => "✗ this part is right",
                                (false, false) => "",
                            }}</span> })}
                        </label>
                    }
                }).collect_view()}
            </div>
        }
        .into_any(),
        Shape::Ordering { items } => ordering(draft, announce, items, answered).into_any(),
        Shape::Matching { lefts, rights } => matching(draft, lefts, rights, item, answered).into_any(),
        Shape::Numeric { unit } => {
            let label = match &unit {
                Some(u) => format!("Your answer (in {u})"),
                None => "Your answer".to_string(),
            };
            view! {
                <div class="typed">
                    <label for=ANSWER_INPUT>{label}</label>
                    <span class="typed-row">
                        <input id=ANSWER_INPUT type="text" inputmode="decimal" autocomplete="off"
                            aria-invalid=move || if invalid.get() { "true" } else { "false" }
                            prop:value=move || draft.with(|d| match d { Some(Draft::Text(t)) => t.clone(), _ => String::new() })
                            on:input=move |ev| draft.set(Some(Draft::Text(event_target_value(&ev)))) />
                        {unit.map(|u| view! { <span class="unit" aria-hidden="true">{u}</span> })}
                    </span>
                </div>
            }
            .into_any()
        }
        Shape::ShortText => view! {
            <div class="typed">
                <label for=ANSWER_INPUT>"Your answer"</label>
                <input id=ANSWER_INPUT type="text" autocomplete="off" autocapitalize="off" spellcheck="false"
                    aria-invalid=move || if invalid.get() { "true" } else { "false" }
                    prop:value=move || draft.with(|d| match d { Some(Draft::Text(t)) => t.clone(), _ => String::new() })
                    on:input=move |ev| draft.set(Some(Draft::Text(event_target_value(&ev)))) />
            </div>
        }
        .into_any(),
        Shape::Cloze { pieces, blanks } => {
            let answers = key.blank_answers();
            cloze(draft, pieces, blanks, answers, item, answered).into_any()
        }
    }
}

/// What the key says is right, by index into the question's own lists (a true or false: 0
/// for True, 1 for False). Without a key nothing is.
#[derive(Clone)]
struct Key(Option<QuestionKind>);

impl Key {
    fn is_answer(&self, index: usize) -> bool {
        match &self.0 {
            Some(QuestionKind::SingleChoice { answer, .. }) => *answer == index,
            Some(QuestionKind::MultipleSelect { answers, .. }) => answers.contains(&index),
            Some(QuestionKind::TrueFalse { answer }) => usize::from(!*answer) == index,
            Some(QuestionKind::SpotError { wrong, .. }) => wrong.contains(&index),
            _ => false,
        }
    }

    /// Each blank's answer text, for a cloze question with its key.
    fn blank_answers(&self) -> Vec<String> {
        match &self.0 {
            Some(QuestionKind::Cloze { blanks, .. }) => blanks
                .iter()
                .map(|b| match b {
                    Blank::Typed(a) => a.canonical.clone(),
                    Blank::Choice { options, answer } => {
                        options.get(*answer).cloned().unwrap_or_default()
                    }
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Matching: a select per left side; after answering, each row says whether it was right.
fn matching(
    draft: RwSignal<Option<Draft>>,
    lefts: Vec<String>,
    rights: Vec<String>,
    item: QuizItem,
    answered: bool,
) -> impl IntoView {
    view! {
        <p class="instruction">"Pick the match for each item."</p>
        <div class="matching">
            {lefts.iter().enumerate().map(|(i, left)| {
                let rights = rights.clone();
                let order = item.order.clone();
                let given = move || draft.with(|d| match d { Some(Draft::Pairs(p)) => p.get(i).copied().flatten(), _ => None });
                let value = move || given().map(|r| r.to_string()).unwrap_or_default();
                let right = given() == Some(i);
                let class = match (answered, right) {
                    (false, _) => "match-row",
                    (true, true) => "match-row is-answer",
                    (true, false) => "match-row is-wrong-pick",
                };
                let right_text = rights[i].clone();
                view! {
                    <div class=class>
                        <label for=format!("match-{i}")>{left.clone()}</label>
                        <select id=format!("match-{i}") prop:value=value
                            on:change=move |ev| {
                                let chosen = event_target_value(&ev).parse::<usize>().ok();
                                draft.update(|d| if let Some(Draft::Pairs(p)) = d && i < p.len() { p[i] = chosen });
                            }>
                            <option value="">"Choose…"</option>
                            {order.iter().map(|&r| view! { <option value=r.to_string()>{rights[r].clone()}</option> }).collect_view()}
                        </select>
                        {answered.then(|| view! {
                            <span class="mark">{if right { "✓ right".to_string() } else { format!("✗ the match is “{right_text}”") }}</span>
                        })}
                    </div>
                }
            }).collect_view()}
        </div>
    }
}

/// Cloze: the text with a field or a select at each blank, each labelled by its place.
fn cloze(
    draft: RwSignal<Option<Draft>>,
    pieces: Vec<ClozePiece>,
    blanks: Vec<BlankShape>,
    answers: Vec<String>,
    item: QuizItem,
    answered: bool,
) -> impl IntoView {
    let n = blanks.len();
    let mut before = String::new();
    let mut labels = vec![String::new(); n];
    for piece in &pieces {
        match piece {
            ClozePiece::Text(t) => before = t.clone(),
            ClozePiece::Blank(b) => {
                let words: Vec<&str> = before.split_whitespace().collect();
                let tail = words[words.len().saturating_sub(3)..].join(" ");
                if let Some(slot) = labels.get_mut(*b) {
                    *slot = if tail.is_empty() {
                        format!("Blank {} of {n}", b + 1)
                    } else {
                        format!("Blank {} of {n}, after “{tail}”", b + 1)
                    };
                }
                before.clear();
            }
        }
    }
    view! {
        <p class="cloze">
            {pieces.into_iter().map(|piece| match piece {
                ClozePiece::Text(text) => view! { <span>{text}</span> }.into_any(),
                ClozePiece::Blank(b) => {
                    let value = move || draft.with(|d| match d { Some(Draft::Blanks(v)) => v.get(b).cloned().unwrap_or_default(), _ => String::new() });
                    let set = move |text: String| draft.update(|d| if let Some(Draft::Blanks(v)) = d && b < v.len() { v[b] = text });
                    let label = labels.get(b).cloned().unwrap_or_default();
                    let answer_text = answers.get(b).cloned();
                    let shown_answer = answer_text.filter(|_| answered).map(|a| view! { <span class="mark">{format!("(answer: {a})")}</span> });
                    match &blanks[b] {
                        BlankShape::Typed => view! {
                            <input class="blank" type="text" autocomplete="off" spellcheck="false" aria-label=label
                                prop:value=value on:input=move |ev| set(event_target_value(&ev)) />
                            {shown_answer}
                        }.into_any(),
                        BlankShape::Options(options) => {
                            let order = item.blank_orders.get(b).cloned().unwrap_or_else(|| (0..options.len()).collect());
                            let options = options.clone();
                            view! {
                                <select class="blank" aria-label=label prop:value=value on:change=move |ev| set(event_target_value(&ev))>
                                    <option value="">"…"</option>
                                    {order.iter().map(|&o| view! { <option value=options[o].clone()>{options[o].clone()}</option> }).collect_view()}
                                </select>
                                {shown_answer}
                            }.into_any()
                        }
                    }
                }
            }).collect_view()}
        </p>
    }
}

/// Ordering: a list with Move up / Move down buttons, and Alt+↑ / Alt+↓ on a focused item.
fn ordering(
    draft: RwSignal<Option<Draft>>,
    announce: Callback<String>,
    items: Vec<String>,
    answered: bool,
) -> impl IntoView {
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
            let now = order();
            let id = now[to];
            let name = items.with_value(|i| i[id].clone());
            announce.run(format!("{name}: now {} of {}", to + 1, now.len()));
            focus_id(order_item(id));
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
                    let (class, note) = match (answered, pos == id) {
                        (false, _) => ("order-item", None),
                        (true, true) => ("order-item is-answer", Some("✓ in place".to_string())),
                        (true, false) => ("order-item is-wrong-pick", Some(format!("✗ belongs at {}", id + 1))),
                    };
                    view! {
                        <li class=class id=order_item(id) tabindex="0"
                            on:keydown=move |ev| {
                                if answered || !ev.alt_key() { return; }
                                match ev.key().as_str() {
                                    "ArrowUp" => { ev.prevent_default(); shift(pos, true); }
                                    "ArrowDown" => { ev.prevent_default(); shift(pos, false); }
                                    _ => {}
                                }
                            }>
                            <span class="text">{name.clone()}</span>
                            {note.map(|t| view! { <span class="mark">{t}</span> })}
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
