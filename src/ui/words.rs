//! How the screens say things that depend on the core's values: verdicts, outcome marks and
//! their classes, counted nouns. Wording only; the values come from the core.

use crate::quiz::{Credit, Outcome};

/// The CSS class of an outcome (its colour; the text and mark say it too).
pub fn outcome_class(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Right => "is-right",
        Outcome::Partial => "is-partial",
        Outcome::Wrong => "is-wrong",
        Outcome::Unanswered => "is-unanswered",
    }
}

/// The verdict shown after an answer: "Right!", "Partly right: 67 %", "Not quite."
pub fn verdict_shown(credit: Credit) -> String {
    match Outcome::of(Some(credit)) {
        Outcome::Right => "Right!".to_string(),
        Outcome::Partial => format!("Partly right: {} %", credit.percent()),
        _ => "Not quite.".to_string(),
    }
}

/// The verdict said to screen readers, with the right answer when it was not right.
pub fn verdict_spoken(credit: Credit, answer: &str) -> String {
    match Outcome::of(Some(credit)) {
        Outcome::Right => "Right.".to_string(),
        Outcome::Partial => format!(
            "Partly right, {} percent. The answer: {answer}.",
            credit.percent()
        ),
        _ => format!("Not right. The answer: {answer}."),
    }
}
