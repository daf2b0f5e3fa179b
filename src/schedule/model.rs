//! The FSRS-6 formulas over a parameter vector `w` (w0..w20), one function per formula.
//!
//! Stability is in days: the time for retrievability to fall from 100% to 90%.
//! Difficulty runs from 1 (easy) to 10 (hard). Nothing here rounds or knows about dates.

use super::params::{D_MAX, D_MIN, S_MAX, S_MIN};
use super::scheduler::{MemoryState, Rating};

/// The rating as the number the formulas use (Again = 1 … Easy = 4).
fn grade(rating: Rating) -> f64 {
    f64::from(rating as u8)
}

/// The factor that makes the curve pass through 90% at `t = S`: `0.9^(-1/w20) - 1`.
fn curve_factor(w: &[f64; 21]) -> f64 {
    0.9f64.powf(-1.0 / w[20]) - 1.0
}

/// Stability after the very first review: w0..w3, one per rating.
pub fn initial_stability(w: &[f64; 21], rating: Rating) -> f64 {
    w[usize::from(rating as u8) - 1]
}

/// Difficulty after the very first review, before clamping: `w4 - e^(w5·(G-1)) + 1`.
/// For Easy with the defaults this is below 1; `initial_state` clamps it.
pub fn initial_difficulty(w: &[f64; 21], rating: Rating) -> f64 {
    w[4] - (w[5] * (grade(rating) - 1.0)).exp() + 1.0
}

/// The memory state a new card gets from its first rating, clamped to the model's bounds.
pub fn initial_state(w: &[f64; 21], rating: Rating) -> MemoryState {
    MemoryState {
        stability: initial_stability(w, rating).clamp(S_MIN, S_MAX),
        difficulty: initial_difficulty(w, rating).clamp(D_MIN, D_MAX),
    }
}

/// Retrievability after `elapsed_days` with stability `stability`: the power forgetting curve
/// `R = (1 + factor·t/S)^(-w20)`, whose decay w20 FSRS-6 trains per user.
pub fn retrievability(w: &[f64; 21], elapsed_days: f64, stability: f64) -> f64 {
    (1.0 + curve_factor(w) * elapsed_days / stability).powf(-w[20])
}

/// The (unrounded) number of days until retrievability falls to `desired_retention`:
/// the forgetting curve solved for `t`. At 0.9 it equals the stability.
pub fn next_interval(w: &[f64; 21], stability: f64, desired_retention: f64) -> f64 {
    stability / curve_factor(w) * (desired_retention.powf(-1.0 / w[20]) - 1.0)
}

/// Difficulty after a review, before mean reversion: the change `-w6·(G-3)` damped linearly
/// by how far the difficulty still is from 10, so it approaches 10 without passing it.
pub fn next_difficulty(w: &[f64; 21], difficulty: f64, rating: Rating) -> f64 {
    let change = -w[6] * (grade(rating) - 3.0);
    difficulty + change * (10.0 - difficulty) / 9.0
}

/// Pulls a difficulty a share w7 of the way back to the first difficulty of an Easy card.
pub fn mean_reversion(w: &[f64; 21], difficulty: f64) -> f64 {
    difficulty + w[7] * (initial_difficulty(w, Rating::Easy) - difficulty)
}

/// Stability after a successful review (Hard, Good or Easy) a day or more after the last:
/// `S·(1 + e^w8·(11-D)·S^(-w9)·(e^(w10·(1-R)) - 1)·penalty·bonus)`, with the hard penalty
/// w15 for Hard and the easy bonus w16 for Easy.
pub fn stability_after_recall(
    w: &[f64; 21],
    stability: f64,
    difficulty: f64,
    retrievability: f64,
    rating: Rating,
) -> f64 {
    let hard_penalty = if rating == Rating::Hard { w[15] } else { 1.0 };
    let easy_bonus = if rating == Rating::Easy { w[16] } else { 1.0 };
    let growth = w[8].exp()
        * (11.0 - difficulty)
        * stability.powf(-w[9])
        * (((1.0 - retrievability) * w[10]).exp() - 1.0)
        * hard_penalty
        * easy_bonus;
    stability * (1.0 + growth)
}

/// Stability after a lapse (Again) a day or more after the last review:
/// `w11·D^(-w12)·((S+1)^w13 - 1)·e^(w14·(1-R))`, capped (since FSRS-5) at `S / e^(w17·w18)`
/// so that forgetting never leaves a card more stable than a same-day Again would.
pub fn stability_after_forgetting(
    w: &[f64; 21],
    stability: f64,
    difficulty: f64,
    retrievability: f64,
) -> f64 {
    let forgotten = w[11]
        * difficulty.powf(-w[12])
        * ((stability + 1.0).powf(w[13]) - 1.0)
        * ((1.0 - retrievability) * w[14]).exp();
    let cap = stability / (w[17] * w[18]).exp();
    forgotten.min(cap)
}

/// Stability after a review on the same day as the last one (FSRS-6):
/// `S·e^(w17·(G-3+w18))·S^(-w19)`. The `S^(-w19)` term makes same-day reviews of already
/// stable cards count for less. A passing rating never lowers stability.
pub fn short_term_stability(w: &[f64; 21], stability: f64, rating: Rating) -> f64 {
    let increase = (w[17] * (grade(rating) - 3.0 + w[18])).exp() * stability.powf(-w[19]);
    let increase = if rating == Rating::Again {
        increase
    } else {
        increase.max(1.0)
    };
    stability * increase
}

/// One review of a card already seen: the memory state after rating it `elapsed_days` after
/// its last review (0 means the same day). Stability and difficulty stay within bounds.
pub fn next_state(
    w: &[f64; 21],
    state: MemoryState,
    elapsed_days: f64,
    rating: Rating,
) -> MemoryState {
    let stability = state.stability.clamp(S_MIN, S_MAX);
    let difficulty = state.difficulty.clamp(D_MIN, D_MAX);
    let new_stability = if elapsed_days == 0.0 {
        short_term_stability(w, stability, rating)
    } else {
        let r = retrievability(w, elapsed_days, stability);
        if rating == Rating::Again {
            stability_after_forgetting(w, stability, difficulty, r)
        } else {
            stability_after_recall(w, stability, difficulty, r, rating)
        }
    };
    let new_difficulty = mean_reversion(w, next_difficulty(w, difficulty, rating));
    MemoryState {
        stability: new_stability.clamp(S_MIN, S_MAX),
        difficulty: new_difficulty.clamp(D_MIN, D_MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::DEFAULT_PARAMETERS as W;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn the_curve_passes_through_ninety_percent_after_one_stability() {
        for s in [0.5, 1.0, 7.0, 300.0] {
            assert!(close(retrievability(&W, s, s), 0.9));
        }
    }

    #[test]
    fn the_interval_for_ninety_percent_is_the_stability() {
        for s in [0.5, 1.0, 7.0, 300.0] {
            assert!(close(next_interval(&W, s, 0.9), s));
        }
    }

    #[test]
    fn the_interval_inverts_the_curve() {
        let t = next_interval(&W, 12.0, 0.8);
        assert!(close(retrievability(&W, t, 12.0), 0.8));
    }

    #[test]
    fn good_leaves_difficulty_unchanged_before_mean_reversion() {
        assert!(close(next_difficulty(&W, 4.2, Rating::Good), 4.2));
    }

    #[test]
    fn an_easy_first_answer_is_clamped_to_the_lowest_difficulty() {
        assert!(initial_difficulty(&W, Rating::Easy) < D_MIN);
        assert_eq!(initial_state(&W, Rating::Easy).difficulty, D_MIN);
    }

    #[test]
    fn forgetting_never_raises_stability_above_the_same_day_cap() {
        let s = 400.0;
        let cap = s / (W[17] * W[18]).exp();
        assert!(stability_after_forgetting(&W, s, 1.0, 0.0) <= cap);
    }
}
