//! The results screen: score, the tally by outcome, the per-topic breakdown, the seed and a link
//! to share, and a review of every question with the learner's answer beside the right one.

use leptos::prelude::*;

use super::browser::{copy_text, set_title};
use super::feedback::Sources;
use super::ids::RESULTS_HEADING;
use super::site::share_link;
use super::state::AppState;
use super::words::outcome_class;
use crate::quiz::describe::{given_answer, right_answer};
use std::ops::Not;

use crate::assignment::Review;
use crate::quiz::{Outcome, QuizResult};
use crate::text::count;

#[component]
pub fn ResultsScreen(app: AppState) -> impl IntoView {
    let language = app.language;
    let Some(session) = app.with_untracked(|l| l.finished().cloned()) else {
        return view! { <p>"No finished quiz to show."</p> }.into_any();
    };
    let handed_in = app.with_untracked(|l| l.handed_in().cloned());
    let review = handed_in
        .as_ref()
        .map_or(Review::Full, |r| r.run.assignment.review);
    let show_score = review != Review::Nothing;
    let show_review = review == Review::Full;
    let is_assignment = handed_in.is_some();
    let (result, rows, review) = app.bank.with_value(|bank| {
        let result = QuizResult::of(&session, bank);
        let rows: Vec<(String, usize, u32)> = result
            .topics
            .iter()
            .map(|t| {
                let title = bank
                    .topic(&t.topic)
                    .map(|x| x.title.clone())
                    .unwrap_or_default();
                (title, t.questions, t.percent())
            })
            .collect();
        let review: Vec<_> = session
            .items
            .iter()
            .zip(&session.answers)
            .filter_map(|(item, answer)| {
                Some((bank.question(&item.question)?.clone(), answer.clone()))
            })
            .collect();
        (result, rows, review)
    });
    let title = app.bank.with_value(|b| b.meta.title.clone());
    set_title(&format!(
        "Your result: {} % · {title} · Accord",
        result.percent()
    ));
    let bank_path = app.url.with_value(|u| u.bank.clone());
    let link = share_link(
        &session.seed,
        session.items.len(),
        &session.settings.topics,
        &bank_path,
    );
    let copied = RwSignal::new(false);
    let link_for_copy = link.clone();
    let tally = result.tally.text(language);
    let heading = if handed_in.is_some() {
        "Handed in"
    } else {
        "Your result"
    };
    let hand_in_panel = handed_in.clone().map(|record| {
        let title = record.run.assignment.title.clone();
        #[cfg(feature = "scorm")]
        if app.lms_learner().is_some() {
            // The LMS has the result: no file or code to give.
            return view! {
                <section class="handed-in">
                    <p id="lms-sent">{format!("Your answers to “{title}” were handed in and sent to your course, {}.", super::browser::format_date_time(record.handed_in_at))}</p>
                </section>
            }
            .into_any();
        }
        super::reporter::erased(view! {
            <section class="handed-in" aria-labelledby="hand-in-panel-heading">
                <p>{format!("Your answers to “{title}” were handed in, {}.", super::browser::format_date_time(record.handed_in_at))}</p>
                <h2 id="hand-in-panel-heading">"Give your result to your teacher"</h2>
                <super::assignment::HandInActions record app />
            </section>
        })
    });
    let score_view = show_score.then(|| {
        view! {
                <p class="score" id="score">
                    <span class="percent">{format!("{} %", result.percent())}</span>
                    <span class="points">{result.points.out_of(result.max, language)}</span>
                </p>
                <p class="tally" id="tally">{tally}</p>
        }
    });
    let details = show_review.then(|| view! {
            <div class="table-scroll" role="region" aria-labelledby="by-topic-caption" tabindex="0">
                <table class="by-topic">
                    <caption id="by-topic-caption">"By topic"</caption>
                    <thead><tr><th scope="col">"Topic"</th><th scope="col">"Questions"</th><th scope="col">"Score"</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(title, n, percent)| view! {
                            <tr>
                                <th scope="row">{title}</th>
                                <td>{n}</td>
                                <td><span class="bar" style:--share=format!("{percent}%") aria-hidden="true"></span>{format!("{percent} %")}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {is_assignment.not().then(|| view! {
            <div class="share">
                <p>"Seed: " <code id="seed">{session.seed.to_string()}</code>
                   " — the same link gives everyone the same questions in the same order."</p>
                <label for="share-link">"Link to this quiz"</label>
                <div class="share-row">
                    <input id="share-link" type="text" readonly prop:value=link.clone() />
                    <button type="button" class="quiet" on:click=move |_| { copy_text(&link_for_copy); copied.set(true); }>
                        {move || if copied.get() { "Copied" } else { "Copy" }}
                    </button>
                </div>
            </div>
            })}
            <div class="actions">
                {handed_in.is_none().then(|| view! {
                    <button type="button" class="primary" id="again-button" on:click=move |_| app.again()>"Try the same quiz again"</button>
                })}
                <button type="button" class="quiet print-hide" on:click=move |_| { let _ = super::browser::window().print(); }>"Print"</button>
            </div>
            <h2>{format!("Review of {}", count(review.len() as u64, "question", "questions", language))}</h2>
            <ol class="review">
                {review.into_iter().map(|(question, answer)| {
                    let outcome = Outcome::of(answer.as_ref().map(|a| a.credit));
                    let given = answer.as_ref().map(|a| given_answer(&question.kind, &a.response, language)).unwrap_or_else(|| "—".into());
                    view! {
                        <li class=format!("review-item {}", outcome_class(outcome))>
                            <p class="prompt"><span class="badge">{format!("{} {}", outcome.mark(), outcome.label())}</span>" "{question.prompt.clone()}</p>
                            <dl>
                                <dt>"Your answer"</dt><dd>{given}</dd>
                                <dt>"Right answer"</dt><dd>{right_answer(&question.kind, language)}</dd>
                            </dl>
                            <details>
                                <summary>"Explanation and sources"</summary>
                                {question.explanation.clone().map(|e| view! { <p>{e}</p> })}
                                <Sources question heading="h3" />
                            </details>
                        </li>
                    }
                }).collect_view()}
            </ol>
    });
    view! {
        <section class="results" aria-labelledby=RESULTS_HEADING>
            <h1 id=RESULTS_HEADING tabindex="-1">{heading}</h1>
            {session.timed_out.then(|| view! { <p class="notice-inline">"The time ran out; the answers you gave were handed in."</p> })}
            {hand_in_panel}
            {score_view}
            {details}
            <div class="actions">
                <button type="button" id="new-quiz-button" on:click=move |_| app.show_start()>
                    {if handed_in.is_some() { "Back to the assignment" } else { "New quiz" }}
                </button>
            </div>
        </section>
    }
    .into_any()
}
