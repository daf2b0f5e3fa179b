//! Which questions are due for review: each question's logged answers replayed through the
//! FSRS scheduler. The log is the truth; cards are derived, never stored.

use std::collections::BTreeMap;

use super::review_log::ReviewLog;
use crate::schedule::{Card, DAY_MS, Scheduler, due_queue, rating_for_credit};

/// Every reviewed question's card, from its reviews in time order.
pub fn cards(reviews: &ReviewLog, scheduler: &Scheduler) -> BTreeMap<String, Card> {
    let mut cards: BTreeMap<String, Card> = BTreeMap::new();
    for review in reviews.iter() {
        let rating = rating_for_credit(review.credit);
        let card = scheduler.review(cards.get(&review.question), rating, review.at);
        cards.insert(review.question.clone(), card);
    }
    cards
}

/// The questions due at `now` that `exists` still knows, most overdue first.
pub fn due_questions(
    cards: &BTreeMap<String, Card>,
    exists: impl Fn(&str) -> bool,
    now: u64,
) -> Vec<String> {
    due_queue(
        cards
            .iter()
            .filter(|(id, _)| exists(id))
            .map(|(id, c)| (id.clone(), c)),
        now,
    )
}

/// How many reviews fall due on each of the next `days` days (day 0 is the next 24 hours,
/// including everything already overdue).
pub fn forecast(cards: &BTreeMap<String, Card>, now: u64, days: usize) -> Vec<usize> {
    let mut counts = vec![0; days];
    for card in cards.values() {
        let day = (card.due.saturating_sub(now) / DAY_MS) as usize;
        if let Some(slot) = counts.get_mut(day) {
            *slot += 1;
        }
    }
    counts
}
