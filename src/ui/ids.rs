//! Ids of the elements that receive focus as the learner moves through the app, in one place
//! so that no screen depends on another.

pub const START_HEADING: &str = "start-heading";
pub const QUESTION_HEADING: &str = "question-heading";
pub const NEXT_BUTTON: &str = "next-button";
pub const RESULTS_HEADING: &str = "results-heading";
pub const HAND_IN_HEADING: &str = "hand-in-heading";
pub const ANSWER_INPUT: &str = "answer-input";
pub const NOTICES: &str = "notices";

/// The id of ordering item `i` (it moves with the item, so focus can follow it).
pub fn order_item(i: usize) -> String {
    format!("order-{i}")
}
