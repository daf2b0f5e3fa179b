//! The review of a handed-in sealed exam once its key is released: the score as the teacher's
//! grading gives it, the tally, and every question with the answer given, the right answer,
//! the explanation and the sources.

use leptos::prelude::*;

use super::super::browser::set_title;
use super::super::feedback::Sources;
use super::super::ids::RESULTS_HEADING;
use super::super::words::outcome_class;
use super::state::ExamState;
use crate::quiz::describe::{given_answer, right_answer};
use crate::quiz::{Outcome, QuizResult};
use crate::seal::review_of;
use crate::text::{Language, count};

#[component]
pub fn ReviewScreen(exam: ExamState, attempt: u32) -> impl IntoView {
    let language = Language::English;
    let record = exam
        .previous_results()
        .into_iter()
        .find(|r| r.run.attempt == attempt);
    let Some(released) = exam.released.get_untracked() else {
        return ().into_any();
    };
    let review = record.as_ref().map(|r| review_of(r, &released.opened));
    let (record, session) = match (record, review) {
        (Some(record), Some(Ok(session))) => (record, session),
        (_, Some(Err(why))) => {
            return view! { <p class="notice" role="alert">{format!("This attempt cannot be reviewed: {why}.")}</p> }
                .into_any();
        }
        _ => return view! { <p>"There is no such attempt on this device."</p> }.into_any(),
    };
    let bank = &released.bank;
    let result = QuizResult::of(&session, bank);
    set_title(&format!(
        "Review: {} % · {} · Accord",
        result.percent(),
        record.run.assignment.title
    ));
    let tally = result.tally.text(language);
    let items: Vec<_> = session
        .items
        .iter()
        .zip(&session.answers)
        .filter_map(|(item, answer)| Some((bank.question(&item.question)?.clone(), answer.clone())))
        .collect();
    let others = exam.previous_results().len() > 1;
    view! {
        <section class="results" aria-labelledby=RESULTS_HEADING>
            <h1 id=RESULTS_HEADING tabindex="-1">{format!("Your review: {}", record.run.assignment.title)}</h1>
            <p class="hint">{format!("Attempt {}, handed in {}. Your teacher released the answers; the score is graded as your teacher grades it.",
                record.run.attempt, super::super::browser::format_date_time(record.handed_in_at))}</p>
            <p class="score" id="score">
                <span class="percent">{format!("{} %", result.percent())}</span>
                <span class="points">{result.points.out_of(result.max, language)}</span>
            </p>
            <p class="tally" id="tally">{tally}</p>
            <h2>{format!("Review of {}", count(items.len() as u64, "question", "questions", language))}</h2>
            <ol class="review">
                {items.into_iter().map(|(question, answer)| {
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
            <div class="actions">
                <button type="button" id="new-quiz-button" on:click=move |_| exam.show_intro()>
                    {if others { "All your attempts" } else { "Back to the assignment" }}
                </button>
                <button type="button" class="quiet print-hide" on:click=move |_| { let _ = super::super::browser::window().print(); }>"Print"</button>
            </div>
        </section>
    }
    .into_any()
}
