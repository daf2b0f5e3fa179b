//! Accord: an in-browser study quiz.
//!
//! The crate is a pure core (`bank`, `quiz`, `progress`, `storage`) that builds and tests
//! natively, plus a thin Leptos UI (`ui`) that exists only on wasm32.

pub mod assignment;
pub mod bank;
pub mod calendar;
pub mod codec;
pub mod interchange;
pub mod lms;
pub mod paper;
pub mod progress;
pub mod quiz;
pub mod results;
pub mod schedule;
pub mod seal;
pub mod storage;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod teacher;

pub use bank::{Bank, BankError, Question, QuestionKind};
pub use quiz::{Credit, QuizSession, QuizSettings, Response, Seed};
