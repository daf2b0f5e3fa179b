//! A learner's progress: the quiz in progress, finished quizzes, and per-question counts,
//! with its storage schema, migrations and recovery from unreadable data.
//!
//! Pure data plus a store over the `storage` trait; no browser types, no clock (time is passed in).

mod due;
mod exchange;
mod focus;
mod model;
mod review_log;
mod schema;
mod stats;
mod store;

pub use due::{cards, due_questions, forecast};
pub use exchange::{ImportError, export, import};
pub use focus::{topic_score, weakest_topics};
pub use model::{
    BankProgress, FinishedQuiz, LearnerSettings, MergeSummary, ProgressData, QuestionStats,
};
pub use review_log::{Review, ReviewFlags, ReviewLog};
pub use schema::{CURRENT_SCHEMA, DecodeProblem, decode, encode};
pub use stats::*;
pub use store::{BACKUP_PREFIX, KEY_PREFIX, Notice, PROGRESS_KEY, ProgressStore, SaveError};
