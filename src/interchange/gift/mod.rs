//! GIFT, Moodle's text format: read into raw questions and written from a bank. No Rust crate
//! parses GIFT, so this one is written here; its grammar is in `docs/gift.md`.
//!
//! `scan` cuts the file into blocks and characters (escapes resolved, offsets kept), `read`
//! maps each block to an Accord type, `write` turns a bank back into GIFT.

mod read;
mod scan;
pub(super) mod write;

pub use read::{CLOZE_PROMPT, read};
pub use write::write;
