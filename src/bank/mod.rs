//! Question banks: the TOML format on disk, and the validated types the rest of the app trusts.
//!
//! Parsing and validation live here and nowhere else; the app and the `bank` checker share them.
//! This module knows nothing of quizzes, progress or the browser.

mod error;
mod facts;
mod model;
mod parse;
mod raw;
mod validate;

pub use error::{BankError, BankErrors, Location};
pub use facts::FactSheet;
pub use model::{
    Bank, BankMeta, Blank, ClozePiece, Difficulty, Question, QuestionKind, TextAnswer, Topic,
};
pub use parse::{
    ListedFile, Manifest, SourceFile, load_bank, load_bank_on, load_bank_with, load_bank_with_on,
};

/// Name of the manifest file at the root of every bank folder.
pub const MANIFEST: &str = "index.toml";
