//! Question banks: the TOML format on disk, and the validated types the rest of the app trusts.
//!
//! Parsing and validation live here and nowhere else; the app, the checker and the teacher's
//! page share them. This module knows nothing of quizzes, progress or the browser.

mod check;
pub mod compiled;
mod error;
mod facts;
mod model;
mod parse;
pub mod path;
mod question_type;
pub mod raw;
mod shape;
mod toml_reader;

pub use check::{QuestionReport, Rules, Validator, look_alike, split_cloze, typeable, valid_id};
pub use error::{BankError, BankErrors, LineIndex, Location};
pub use facts::FactSheet;
pub use model::{
    Bank, BankMeta, Blank, ClozePiece, Difficulty, Extract, Image, Question, QuestionKind, Source,
    TextAnswer, Topic, Weight,
};
pub use parse::{
    CheckedBank, ListedFile, Manifest, SourceFile, check_bank, load_bank, load_bank_with,
};
pub use question_type::{
    BLANK_OPTIONS, CHOICES, CLAIM_PARTS, CLOZE_BLANKS, MATCHING_PAIRS, MAX_LIST, MAX_TYPOS,
    ORDERING_ITEMS, QuestionType,
};
pub use shape::{BlankShape, Shape};

/// Name of the manifest file at the root of every bank folder.
pub const MANIFEST: &str = "index.toml";
