//! What can go wrong when building a scheduler.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ScheduleError {
    /// The desired retention is outside `DESIRED_RETENTION_RANGE` (or not a number).
    DesiredRetentionOutOfRange(f64),
    /// A parameter is NaN or infinite.
    ParameterNotFinite { index: usize, value: f64 },
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScheduleError::DesiredRetentionOutOfRange(r) => {
                write!(
                    f,
                    "desired retention {r} is outside {}..={}",
                    super::DESIRED_RETENTION_RANGE.start(),
                    super::DESIRED_RETENTION_RANGE.end()
                )
            }
            ScheduleError::ParameterNotFinite { index, value } => {
                write!(f, "FSRS parameter w{index} is {value}, not a finite number")
            }
        }
    }
}

impl std::error::Error for ScheduleError {}
