//! The Paper area: the teacher chooses questions (by topic, one by one, or an assignment's),
//! from this page's bank or the one checked under Questions, and prints a worksheet and a
//! separate answer key (A4 or Letter). What each holds comes from `paper`; this only renders.

use leptos::prelude::*;

use super::files::print;
use super::questions::Checked;
use super::sheet_view::{KeyAnswer, SheetQuestion};
use super::state::Desk;
use crate::bank::Bank;
use crate::paper::{Paper, PaperChoice, paper};
use crate::ui::browser::set_title;

/// Where the questions come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    Topics,
    Questions,
    Assignment,
}

/// Which of the two the page shows and prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Worksheet,
    Key,
    Both,
}

impl Part {
    fn class(self) -> &'static str {
        match self {
            Part::Worksheet => "print-worksheet",
            Part::Key => "print-key",
            Part::Both => "print-both",
        }
    }
}

/// The paper size: the printer's own, or one the teacher names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Size {
    Printer,
    A4,
    Letter,
}

impl Size {
    const ALL: [(Size, &'static str, &'static str); 3] = [
        (Size::Printer, "printer", "As the printer is set"),
        (Size::A4, "a4", "A4"),
        (Size::Letter, "letter", "US Letter"),
    ];

    fn class(self) -> &'static str {
        match self {
            Size::Printer => "size-auto",
            Size::A4 => "size-a4",
            Size::Letter => "size-letter",
        }
    }
}

/// A radio button with its label, bound to `signal`.
fn radio<T: Copy + PartialEq + Send + Sync + 'static>(
    name: &'static str,
    id: &'static str,
    value: T,
    signal: RwSignal<T>,
    label: String,
) -> impl IntoView {
    view! {
        <label class="check" for=id>
            <input type="radio" name=name id=id prop:checked=move || signal.get() == value
                on:change=move |_| signal.set(value) />
            {label}
        </label>
    }
}

#[component]
pub fn PaperArea(desk: Desk, checked: Checked) -> impl IntoView {
    set_title("Paper · Teacher · Accord");
    let from = RwSignal::new(Pick::Topics);
    let use_checked = RwSignal::new(false);
    let topics = RwSignal::new(Vec::<String>::new());
    let picked = RwSignal::new(Vec::<String>::new());
    let assignment = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let part = RwSignal::new(Part::Both);
    let size = RwSignal::new(Size::Printer);
    let checked_bank =
        Memo::new(move |_| checked.with(|c| c.as_ref().and_then(|c| c.bank.clone())));
    // The bank the paper is made from.
    let bank = Memo::new(move |_| match (use_checked.get(), checked_bank.get()) {
        (true, Some(bank)) => bank,
        _ => desk.bank.get_value(),
    });
    // Another bank has other topics and questions: start the choice afresh.
    Effect::new(move |_| {
        use_checked.track();
        topics.set(Vec::new());
        picked.set(Vec::new());
    });
    let page_title = desk.bank.with_value(|b| b.meta.title.clone());
    let assignments = move || {
        let id = bank.with(|b| b.meta.id.clone());
        desk.data.with(|d| {
            d.assignments
                .iter()
                .filter(|i| i.assignment.bank.id == id)
                .map(|i| (i.assignment.id.clone(), i.assignment.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    let made = Memo::new(move |_| {
        let choice = match from.get() {
            Pick::Topics => PaperChoice::Topics(topics.get()),
            Pick::Questions => PaperChoice::Questions(picked.get()),
            Pick::Assignment => {
                let id = assignment.get();
                match desk.data.with(|d| d.get(&id).map(|i| i.assignment.clone())) {
                    Some(a) => PaperChoice::Assignment(Box::new(a)),
                    None => return Err("choose one of your assignments".to_string()),
                }
            }
        };
        bank.with(|b| paper(b, &choice, &title.get()).map_err(|e| e.to_string()))
    });
    let toggle = |list: RwSignal<Vec<String>>, id: String| {
        list.update(|l| match l.iter().position(|x| *x == id) {
            Some(i) => {
                l.remove(i);
            }
            None => l.push(id),
        })
    };
    view! {
        <section aria-labelledby="paper-heading" class="paper-area">
            <div class="print-hide">
                <h1 id="paper-heading" tabindex="-1">"Paper"</h1>
                <p class="hint">"A worksheet to print (questions, choices and space to write) and a separate answer key with the answers, explanations and sources. Print the worksheet and the key separately, or both: the key starts on a new page."</p>
                <div class="panel paper-controls">
                    {move || checked_bank.get().map(|b| view! {
                        <fieldset class="choices">
                            <legend>"Which bank"</legend>
                            {radio("paper-bank", "paper-bank-page", false, use_checked, format!("This page's bank: {page_title}"))}
                            {radio("paper-bank", "paper-bank-checked", true, use_checked, format!("The bank checked under Questions: {}", b.meta.title))}
                        </fieldset>
                    })}
                    <fieldset class="choices">
                        <legend>"Which questions"</legend>
                        {radio("paper-from", "paper-from-topics", Pick::Topics, from, "By topic".to_string())}
                        {radio("paper-from", "paper-from-questions", Pick::Questions, from, "Questions one by one".to_string())}
                        {radio("paper-from", "paper-from-assignment", Pick::Assignment, from, "The questions of an assignment".to_string())}
                        {move || match from.get() {
                            Pick::Topics => view! { <TopicChoice bank topics toggle /> }.into_any(),
                            Pick::Questions => view! { <QuestionChoice bank picked toggle /> }.into_any(),
                            Pick::Assignment => {
                                let list = assignments();
                                if list.is_empty() {
                                    return view! { <p class="hint indented" id="paper-no-assignments">"No assignment on your desk draws from this bank."</p> }.into_any();
                                }
                                view! {
                                    <div class="field indented">
                                        <label for="paper-assignment">"Assignment"</label>
                                        <select id="paper-assignment" on:change=move |ev| assignment.set(event_target_value(&ev))>
                                            <option value="" selected=move || assignment.get().is_empty()>"Choose…"</option>
                                            {list.into_iter().map(|(id, t)| {
                                                let value = id.clone();
                                                view! { <option value=id selected=move || assignment.get() == value>{t}</option> }
                                            }).collect_view()}
                                        </select>
                                        <p class="hint">"Its questions as its link draws them, from its own seed. An assignment drawn per student prints its own seed draw, the same for everyone."</p>
                                    </div>
                                }.into_any()
                            }
                        }}
                    </fieldset>
                    <div class="field">
                        <label for="paper-title">"Title on the paper"</label>
                        <input type="text" id="paper-title" autocomplete="off" placeholder="As the bank or assignment is called"
                            prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
                    </div>
                    <fieldset class="choices">
                        <legend>"What to print"</legend>
                        {radio("paper-part", "paper-part-worksheet", Part::Worksheet, part, "The worksheet".to_string())}
                        {radio("paper-part", "paper-part-key", Part::Key, part, "The answer key".to_string())}
                        {radio("paper-part", "paper-part-both", Part::Both, part, "Both, the key on a page of its own".to_string())}
                    </fieldset>
                    <div class="field">
                        <label for="paper-size">"Paper size"</label>
                        <select id="paper-size" on:change=move |ev| {
                            let value = event_target_value(&ev);
                            if let Some((s, _, _)) = Size::ALL.iter().find(|(_, v, _)| *v == value) { size.set(*s) }
                        }>
                            {Size::ALL.into_iter().map(|(s, value, label)| view! {
                                <option value=value selected=move || size.get() == s>{label}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <p><button type="button" class="primary" id="paper-print"
                        prop:disabled=move || made.with(|m| m.is_err())
                        on:click=move |_| print()>"Print…"</button></p>
                </div>
                {move || match made.get() {
                    Err(why) => view! { <p class="notice-inline" id="paper-error">{format!("Nothing to print yet: {why}.")}</p> }.into_any(),
                    Ok(p) => view! {
                        {(!p.notes.is_empty()).then(|| view! {
                            <ul class="check-notes" id="paper-notes">{p.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
                        })}
                    }.into_any(),
                }}
            </div>
            {move || made.get().ok().map(|p| view! {
                <div class=move || format!("paper {} {}", size.get().class(), part.get().class()) id="paper">
                    <Worksheet paper=p.clone() />
                    <AnswerKey paper=p />
                </div>
            })}
        </section>
    }
}

#[component]
fn TopicChoice(
    bank: Memo<Bank>,
    topics: RwSignal<Vec<String>>,
    toggle: fn(RwSignal<Vec<String>>, String),
) -> impl IntoView {
    let list = move || {
        bank.with(|b| {
            b.topic_counts()
                .into_iter()
                .map(|(t, n)| (t.clone(), n))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="indented" id="paper-topics">
            <p class="hint">"No topic ticked prints every question."</p>
            {move || list().into_iter().enumerate().map(|(i, (topic, n))| {
                let id = topic.id.clone();
                let on = id.clone();
                view! {
                    <label class="check" for=format!("paper-topic-{i}")>
                        <input type="checkbox" id=format!("paper-topic-{i}")
                            prop:checked=move || topics.with(|t| t.contains(&id))
                            on:change=move |_| toggle(topics, on.clone()) />
                        {format!("{} ({n})", topic.title)}
                    </label>
                }
            }).collect_view()}
        </div>
    }
}

#[component]
fn QuestionChoice(
    bank: Memo<Bank>,
    picked: RwSignal<Vec<String>>,
    toggle: fn(RwSignal<Vec<String>>, String),
) -> impl IntoView {
    let list = move || {
        bank.with(|b| {
            b.questions
                .iter()
                .map(|q| (q.id.clone(), q.prompt.chars().take(90).collect::<String>()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="indented paper-questions" id="paper-questions">
            <p class="hint">"They print in the order you tick them."</p>
            {move || list().into_iter().map(|(id, prompt)| {
                let (a, b) = (id.clone(), id.clone());
                view! {
                    <label class="check" for=format!("paper-q-{id}")>
                        <input type="checkbox" id=format!("paper-q-{id}")
                            prop:checked=move || picked.with(|p| p.contains(&a))
                            on:change=move |_| toggle(picked, b.clone()) />
                        <span>{prompt}" "<span class="i-id">{id.clone()}</span></span>
                    </label>
                }
            }).collect_view()}
        </div>
    }
}

#[component]
fn Worksheet(paper: Paper) -> impl IntoView {
    let count = paper.worksheet.len();
    let total = paper.total_points();
    view! {
        <section class="worksheet" id="worksheet" aria-labelledby="worksheet-title">
            <h2 class="paper-title" id="worksheet-title">{paper.title.clone()}</h2>
            <p class="paper-fields">
                <span>"Name "</span><span class="sheet-line short" aria-hidden="true"></span>
                <span>" Class "</span><span class="sheet-line shorter" aria-hidden="true"></span>
                <span>" Date "</span><span class="sheet-line shorter" aria-hidden="true"></span>
            </p>
            {(!paper.instructions.is_empty()).then(|| view! { <p class="instructions">{paper.instructions.clone()}</p> })}
            <p class="paper-count">{format!("{} · {total}", crate::text::count(count as u64, "question", "questions", crate::text::Language::English))}</p>
            <ol class="sheet-list" role="list">
                {paper.worksheet.into_iter().map(|item| view! {
                    <li class="sheet-item"><SheetQuestion item numbered=true /></li>
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn AnswerKey(paper: Paper) -> impl IntoView {
    view! {
        <section class="answer-key" id="answer-key" aria-labelledby="key-title">
            <h2 class="paper-title" id="key-title">{format!("Answer key: {}", paper.title)}</h2>
            <p class="paper-count">"For the teacher. Letters and numbers are the worksheet's."</p>
            <ol class="key-list" role="list">
                {paper.key.into_iter().map(|item| view! {
                    <li class="key-item"><KeyAnswer item with_prompt=true /></li>
                }).collect_view()}
            </ol>
        </section>
    }
}
