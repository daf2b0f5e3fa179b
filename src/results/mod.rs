//! Class results: what comes back from the students of one assignment (result files and
//! codes), the class roster regraded with the teacher's key, and what the teacher learns from
//! it (item analysis, CSV). Pure data and arithmetic; it never touches a learner's progress.

pub mod analysis;
mod compress;
pub mod desk;
mod record;
mod roster;

pub use compress::{deflate, inflate};
pub use record::{
    BankStamp, CODE_PREFIX, FORMAT, ResultError, ResultItem, ResultRecord, VERSION, fingerprint,
    slug,
};
pub use roster::{Entry, Flag, Grader, Remembering, Roster, Taken, record_from_code};
