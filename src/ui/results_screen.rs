//! The results screen: score, per-topic breakdown, the seed and a link to share, and a review
//! of every question with the learner's answer beside the right one.

use leptos::prelude::*;

use super::browser::share_link;
use super::feedback::Sources;
use super::state::{AppState, RESULTS_HEADING};
use crate::quiz::Outcome;
use crate::quiz::describe::{given_answer, right_answer};

fn points(thousandths: u32) -> String {
    let whole = thousandths / 1000;
    match thousandths % 1000 {
        0 => whole.to_string(),
        frac => format!("{whole}.{}", format!("{frac:03}").trim_end_matches('0')),
    }
}

#[component]
pub fn ResultsScreen(app: AppState) -> impl IntoView {
    let Some(session) = app.finished.get_untracked() else {
        return view! { <p>"No finished quiz to show."</p> }.into_any();
    };
    let (result, rows, review) = app.bank.with_value(|bank| {
        let result = session.result(bank);
        let rows: Vec<(String, usize, u32)> = result
            .topics
            .iter()
            .map(|t| {
                let title = bank
                    .topic(&t.topic)
                    .map(|x| x.title.clone())
                    .unwrap_or_default();
                (title, t.questions, t.points)
            })
            .collect();
        let review: Vec<_> = session
            .items
            .iter()
            .zip(&session.answers)
            .filter_map(|(item, answer)| {
                let q = bank.question(&item.question)?.clone();
                Some((q, answer.clone()))
            })
            .collect();
        (result, rows, review)
    });
    let bank_path = app.url.with_value(|u| u.bank.clone());
    let count = session.items.len();
    let link = share_link(&session.seed, count, &session.settings.topics, &bank_path);
    let again = {
        let settings = session.settings.clone();
        let seed = session.seed.clone();
        move |_| app.start(settings.clone(), seed.clone())
    };
    let copied = RwSignal::new(false);
    let link_for_copy = link.clone();
    let copy = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&link_for_copy);
            copied.set(true);
        }
    };

    view! {
        <section class="results" aria-labelledby=RESULTS_HEADING>
            <h1 id=RESULTS_HEADING tabindex="-1">"Your result"</h1>
            <p class="score" id="score">
                <span class="percent">{format!("{} %", result.percent())}</span>
                <span class="points">{format!("{} of {} points", points(result.points), result.questions)}</span>
            </p>
            <p class="tally">{format!("{} right · {} partly right · {} wrong", result.right, result.partial, result.wrong)}</p>
            <table class="by-topic">
                <caption>"By topic"</caption>
                <thead><tr><th scope="col">"Topic"</th><th scope="col">"Questions"</th><th scope="col">"Score"</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|(title, n, pts)| {
                        let percent = pts / (n as u32 * 10);
                        view! {
                            <tr>
                                <th scope="row">{title}</th>
                                <td>{n}</td>
                                <td>
                                    <span class="bar" style=format!("--share: {percent}%") aria-hidden="true"></span>
                                    {format!("{percent} %")}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <div class="share">
                <p>"Seed: " <code id="seed">{session.seed.to_string()}</code>
                   " — the same link gives everyone the same questions in the same order."</p>
                <label for="share-link">"Link to this quiz"</label>
                <div class="share-row">
                    <input id="share-link" type="text" readonly prop:value=link.clone() on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { input.select(); }
                    } />
                    <button type="button" class="quiet" on:click=copy>{move || if copied.get() { "Copied" } else { "Copy" }}</button>
                </div>
            </div>
            <div class="actions">
                <button type="button" class="primary" id="again-button" on:click=again>"Try the same quiz again"</button>
                <button type="button" id="new-quiz-button" on:click=move |_| app.show_start()>"New quiz"</button>
            </div>
            <h2>"Review"</h2>
            <ol class="review">
                {review.into_iter().map(|(question, answer)| {
                    let (class, label) = match answer.as_ref().map(|a| Outcome::of(a.credit)) {
                        Some(Outcome::Right) => ("is-right", "Right"),
                        Some(Outcome::Partial) => ("is-partial", "Partly right"),
                        Some(Outcome::Wrong) => ("is-wrong", "Wrong"),
                        None => ("is-wrong", "Not answered"),
                    };
                    let given = answer.as_ref().map(|a| given_answer(&question.kind, &a.response)).unwrap_or_else(|| "—".into());
                    view! {
                        <li class=format!("review-item {class}")>
                            <p class="prompt"><span class="badge">{label}</span>" "{question.prompt.clone()}</p>
                            <dl>
                                <dt>"Your answer"</dt><dd>{given}</dd>
                                <dt>"Right answer"</dt><dd>{right_answer(&question.kind)}</dd>
                            </dl>
                            <details>
                                <summary>"Explanation and sources"</summary>
                                <p>{question.explanation.clone().unwrap_or_default()}</p>
                                <Sources question />
                            </details>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
    .into_any()
}
