//! Which questions are due for review: each question's logged answers replayed through the
//! FSRS scheduler. The log is the truth; cards are derived, never stored.

use std::collections::BTreeMap;

use super::review_log::ReviewLog;
use crate::quiz::{Credit, Outcome};
use crate::schedule::{Card, DAY_MS, Rating, Scheduler, due_queue};

/// The FSRS rating for an answer's credit:
/// - wrong → `Again`; partly right → `Hard`; fully right → `Good`.
///
/// `Easy` is never produced from a quiz answer: a score cannot tell "right, with effort" from
/// "right, effortlessly", and claiming Easy would stretch intervals on no evidence.
pub fn rating_for(credit: Credit) -> Rating {
    match Outcome::of(Some(credit)) {
        Outcome::Right => Rating::Good,
        Outcome::Partial => Rating::Hard,
        Outcome::Wrong | Outcome::Unanswered => Rating::Again,
    }
}

/// Every reviewed question's card, from its reviews in time order. Reviews carried over from
/// old counts have no real time and are left out.
pub fn cards(reviews: &ReviewLog, scheduler: &Scheduler) -> BTreeMap<String, Card> {
    let mut cards: BTreeMap<String, Card> = BTreeMap::new();
    for review in reviews.timed() {
        let rating = rating_for(review.credit);
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
        let day = usize::try_from(card.due.saturating_sub(now) / DAY_MS).unwrap_or(usize::MAX);
        if let Some(slot) = counts.get_mut(day) {
            *slot += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_is_again_partial_is_hard_right_is_good_and_never_easy() {
        assert_eq!(rating_for(Credit::ZERO), Rating::Again);
        for t in [1, 333, 667, 999] {
            assert_eq!(
                rating_for(Credit::from_thousandths(t).unwrap()),
                Rating::Hard
            );
        }
        assert_eq!(rating_for(Credit::FULL), Rating::Good);
    }
}
