//! Assignments: a teacher's conditions for a quiz (what is drawn, how it runs, attempts,
//! review, accommodations), a student's run of it, and the link that carries it.
//!
//! Pure, with time passed in. Knows nothing of results, storage or the browser.

mod link;
mod model;
mod student;

pub use link::{
    LINK_VERSION, LinkError, check, decode, decode_accommodation, encode, encode_accommodation,
};
pub use model::{Accommodation, Assignment, BankRef, DrawOrder, Mode, Review, TimeAllowance};
pub use student::{MAX_NAME_CHARS, Refusal, Run, normalize_name, same_student};
