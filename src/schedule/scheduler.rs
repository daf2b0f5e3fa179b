//! The scheduler: ratings turn a card's memory state and the time into its next due time.

use super::error::ScheduleError;
use super::model;
use super::params::{
    DAY_MS, DEFAULT_DESIRED_RETENTION, DEFAULT_PARAMETERS, DESIRED_RETENTION_RANGE,
    MAX_INTERVAL_DAYS,
};

/// How well the learner recalled a card, as FSRS's four answer buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Rating {
    Again = 1,
    Hard,
    Good,
    Easy,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];
}

/// What FSRS knows about one card's memory.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MemoryState {
    /// Days for retrievability to fall from 100% to 90%.
    pub stability: f64,
    /// From 1 (easy) to 10 (hard).
    pub difficulty: f64,
}

/// One scheduled card. Times are milliseconds since the Unix epoch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Card {
    pub state: MemoryState,
    pub last_review: u64,
    pub due: u64,
}

/// FSRS-6 with a parameter vector and a target retention.
#[derive(Debug, Clone, PartialEq)]
pub struct Scheduler {
    params: [f64; 21],
    desired_retention: f64,
}

impl Default for Scheduler {
    /// The FSRS-6 defaults aiming at 90% retention.
    fn default() -> Self {
        Scheduler {
            params: DEFAULT_PARAMETERS,
            desired_retention: DEFAULT_DESIRED_RETENTION,
        }
    }
}

impl Scheduler {
    /// The default FSRS-6 parameters with the given desired retention.
    ///
    /// A retention outside `0.7..=0.99` (or NaN) is refused, not clamped: it comes from a
    /// setting, and a silently different value would schedule every card differently.
    pub fn new(desired_retention: f64) -> Result<Scheduler, ScheduleError> {
        Scheduler::with_parameters(DEFAULT_PARAMETERS, desired_retention)
    }

    /// Trained parameters (for example from fsrs-rs's optimiser) with the given retention.
    /// The parameters are used as given, not clipped to fsrs-rs's training bounds; only
    /// non-finite values are refused.
    pub fn with_parameters(
        params: [f64; 21],
        desired_retention: f64,
    ) -> Result<Scheduler, ScheduleError> {
        if !DESIRED_RETENTION_RANGE.contains(&desired_retention) {
            return Err(ScheduleError::DesiredRetentionOutOfRange(desired_retention));
        }
        if let Some((index, &value)) = params.iter().enumerate().find(|(_, w)| !w.is_finite()) {
            return Err(ScheduleError::ParameterNotFinite { index, value });
        }
        Ok(Scheduler {
            params,
            desired_retention,
        })
    }

    pub fn params(&self) -> &[f64; 21] {
        &self.params
    }

    pub fn desired_retention(&self) -> f64 {
        self.desired_retention
    }

    /// The card after answering it with `rating` at `now`: a new card (`None`) starts from the
    /// first-review stability and difficulty; a seen card moves on by the FSRS-6 step, using
    /// the same-day formula when fewer than 24 hours have passed. It is due again after
    /// `interval_days` of its new stability.
    pub fn review(&self, card: Option<&Card>, rating: Rating, now: u64) -> Card {
        let state = match card {
            None => model::initial_state(&self.params, rating),
            Some(card) => {
                let elapsed = elapsed_days(card.last_review, now) as f64;
                model::next_state(&self.params, card.state, elapsed, rating)
            }
        };
        // The interval is a whole number of days between 1 and 36 500, so this cannot overflow
        // a u64 of milliseconds before the year 292 million; saturate anyway.
        let interval_ms = (self.interval_days(state.stability) as u64).saturating_mul(DAY_MS);
        Card {
            state,
            last_review: now,
            due: now.saturating_add(interval_ms),
        }
    }

    /// The chance of recalling the card at `now`, counting whole days since its last review
    /// (the same count `review` would use, so this is the R a review at `now` would see).
    pub fn retrievability(&self, card: &Card, now: u64) -> f64 {
        let elapsed = elapsed_days(card.last_review, now) as f64;
        model::retrievability(&self.params, elapsed, card.state.stability)
    }

    /// Days until a card with this stability falls to the desired retention, rounded to the
    /// nearest day as fsrs-rs's examples do (`interval.round().max(1.0)`), at least 1 and at
    /// most `MAX_INTERVAL_DAYS`.
    pub fn interval_days(&self, stability: f64) -> f64 {
        model::next_interval(&self.params, stability, self.desired_retention)
            .round()
            .clamp(1.0, MAX_INTERVAL_DAYS)
    }
}

/// Whole days from `last_review` to `now` (rounded down; 0 if the clock went backwards).
pub fn elapsed_days(last_review: u64, now: u64) -> u64 {
    now.saturating_sub(last_review) / DAY_MS
}

/// The keys of the cards due at `now` (`due <= now`), most overdue first. Cards due at the
/// same moment come in key order, so the queue does not depend on the iteration order of
/// the collection the cards come from.
pub fn due_queue<'a, K: Ord>(cards: impl IntoIterator<Item = (K, &'a Card)>, now: u64) -> Vec<K> {
    let mut due: Vec<(u64, K)> = cards
        .into_iter()
        .filter(|(_, card)| card.due <= now)
        .map(|(key, card)| (card.due, key))
        .collect();
    due.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    due.into_iter().map(|(_, key)| key).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elapsed_days_count_whole_days_only() {
        assert_eq!(elapsed_days(0, DAY_MS - 1), 0);
        assert_eq!(elapsed_days(0, DAY_MS), 1);
        assert_eq!(elapsed_days(5, 3 * DAY_MS + 4), 2);
    }

    #[test]
    fn a_clock_that_went_backwards_counts_as_the_same_day() {
        assert_eq!(elapsed_days(10 * DAY_MS, DAY_MS), 0);
    }

    #[test]
    fn a_retention_outside_the_range_is_refused() {
        for r in [0.69, 0.995, 1.0, f64::NAN] {
            assert!(Scheduler::new(r).is_err(), "{r}");
        }
        assert!(Scheduler::new(0.7).is_ok());
        assert!(Scheduler::new(0.99).is_ok());
    }

    #[test]
    fn a_parameter_that_is_not_finite_is_refused() {
        let mut w = DEFAULT_PARAMETERS;
        w[9] = f64::INFINITY;
        assert_eq!(
            Scheduler::with_parameters(w, 0.9),
            Err(ScheduleError::ParameterNotFinite {
                index: 9,
                value: f64::INFINITY
            })
        );
    }
}
