//! The FSRS-6 default parameters and the bounds the model keeps its values within.

use std::ops::RangeInclusive;

/// FSRS-6 default weights w0..w20, as published by fsrs-rs (`DEFAULT_PARAMETERS` in its
/// `src/inference.rs`). w0..w3 are the first stabilities per rating, w4..w7 drive difficulty,
/// w8..w16 stability after a review, w17..w19 same-day reviews, w20 the forgetting curve's decay.
pub const DEFAULT_PARAMETERS: [f64; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

/// The share of cards we aim to still remember when they come due.
pub const DEFAULT_DESIRED_RETENTION: f64 = 0.9;

/// The desired retentions `Scheduler` accepts. Below 0.7 intervals grow to years and most
/// answers are wrong; above 0.99 the workload explodes for little gain.
pub const DESIRED_RETENTION_RANGE: RangeInclusive<f64> = 0.7..=0.99;

/// Bounds on stability, in days (the same as fsrs-rs).
pub const S_MIN: f64 = 0.001;
pub const S_MAX: f64 = 36_500.0;

/// Bounds on difficulty (the same as fsrs-rs).
pub const D_MIN: f64 = 1.0;
pub const D_MAX: f64 = 10.0;

/// The longest interval we schedule: a hundred years, like Anki's maximum interval.
/// fsrs-rs itself leaves the interval uncapped; this only matters at the stability ceiling.
pub const MAX_INTERVAL_DAYS: f64 = 36_500.0;

/// One day in milliseconds: elapsed days are whole multiples of this.
pub const DAY_MS: u64 = 86_400_000;
