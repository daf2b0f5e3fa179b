//! Spaced repetition: the FSRS-6 memory model and the scheduling built on it.
//!
//! Pure functions over plain values; must not touch storage, the UI or the clock (time comes in).

mod error;
pub mod model;
mod params;
mod scheduler;

pub use error::ScheduleError;
pub use params::{
    D_MAX, D_MIN, DAY_MS, DEFAULT_DESIRED_RETENTION, DEFAULT_PARAMETERS, DESIRED_RETENTION_RANGE,
    MAX_INTERVAL_DAYS, S_MAX, S_MIN,
};
pub use scheduler::{Card, MemoryState, Rating, Scheduler, due_queue, elapsed_days};
