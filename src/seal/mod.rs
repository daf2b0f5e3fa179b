//! Sealed exams: a bank whose answer key is encrypted under a teacher's passphrase
//! (PBKDF2-HMAC-SHA256, AES-256-GCM), what students receive of it, opening and grading it.
//!
//! Pure: salt and nonces come in as bytes from the caller, never from a random source here.
//! Must not touch anything that shows a key; a release code is the key, handed out on purpose.
//!
//! Split by concern: `kdf` (passphrase to key, in slices), `cipher` (AES-GCM and what each
//! part is bound to), `neutral` (the order lists are shown in, and the way back), `payload`
//! (a question's full data and its return through the bank's validator), `sealed` (the file),
//! `check` (the file's public part by meaning), `sealing`, `opening`, `grading` (the opened
//! bank as the class results' grader), `release`, and `exam` (the student's side: a run from
//! the public part, its result, and its review once the key is released).

mod check;
mod cipher;
mod error;
mod exam;
mod grading;
mod kdf;
mod neutral;
mod opening;
mod passphrase;
mod payload;
mod release;
mod sealed;
mod sealing;

pub use check::MAX_QUESTIONS;
pub use cipher::NONCE_LEN;
pub use error::SealError;
pub use exam::{ReviewError, result_of, review_of, start_run};
pub use kdf::{
    Derivation, Iterations, Key, MAX_ITERATIONS, MIN_ITERATIONS, Progress, SALT_LEN, Salt,
    derive_key,
};
pub use neutral::neutral_shape;
pub use opening::{Opened, OpenedQuestion, grade, open};
pub use passphrase::{MIN_PASSPHRASE_CHARS, Strength, passphrase_problem, strength};
pub use release::{RELEASE_CODE_LEN, key_from_release_code, release_code};
pub use sealed::{
    CIPHER, FORMAT, KDF_ALGORITHM, MAX_BLOB_BYTES, MAX_FILE_BYTES, SealedBank, SealedQuestion,
    VERSION,
};
pub use sealing::seal;
