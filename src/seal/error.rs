//! What can go wrong when sealing, reading or opening a sealed bank, each case saying what is
//! probably wrong in words a teacher can act on. Untrusted text in messages is quoted.

use crate::text::quoted;

/// How long an id may be inside a message.
const QUOTE: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealError {
    // Reading a sealed file.
    /// Not a sealed bank at all (no `"format": "accord-sealed-bank"`).
    NotSealed,
    /// A sealed bank of a format version this app does not know.
    UnknownVersion {
        found: u64,
    },
    /// The file asks for a key derivation weaker than the minimum.
    TooFewIterations {
        found: u32,
        minimum: u32,
    },
    /// The file asks for a key derivation so slow it would freeze the browser.
    TooManyIterations {
        found: u32,
        maximum: u32,
    },
    /// A sealed bank of a known version with problems, each naming where in the file.
    Malformed(Vec<String>),

    // Opening.
    /// The key check does not decrypt: a wrong passphrase or release code.
    WrongPassphrase,
    /// The bank's title, topics or list of questions were changed after sealing.
    TamperedHeader,
    /// This question's sealed part was changed, moved from another question, or does not
    /// match its public part.
    TamperedQuestion {
        id: String,
    },
    /// The sealed part decrypts but is not a valid question (written by a faulty app).
    InvalidQuestion {
        id: String,
        problems: Vec<String>,
    },

    // Sealing.
    NoQuestions,
    UnknownQuestion {
        id: String,
    },
    DuplicateQuestion {
        id: String,
    },
    /// The caller's nonce source gave the same nonce twice; AES-GCM must never reuse one.
    RepeatedNonce,
    /// A question that would not come back the same from its sealed form.
    Unsealable {
        id: String,
        problems: Vec<String>,
    },
    /// The bank's metadata or topics break the sealed format's rules (a bank built by hand).
    InvalidBank(Vec<String>),

    // Release codes.
    BadReleaseCode(String),
}

impl std::fmt::Display for SealError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let id = |id: &str| quoted(id, QUOTE);
        match self {
            SealError::NotSealed => f.write_str(
                "this is not a sealed exam file (it has no \"format\": \"accord-sealed-bank\")",
            ),
            SealError::UnknownVersion { found } => write!(
                f,
                "this sealed exam is in format version {found}, which this app does not know; update the app, or ask the teacher to seal it again"
            ),
            SealError::TooFewIterations { found, minimum } => write!(
                f,
                "this sealed exam protects its passphrase with {found} key-derivation rounds; at least {minimum} are required, so it is refused (seal it again with this app)"
            ),
            SealError::TooManyIterations { found, maximum } => write!(
                f,
                "this sealed exam asks for {found} key-derivation rounds; more than {maximum} would freeze the browser, so it is refused"
            ),
            SealError::Malformed(problems) => {
                write!(f, "the sealed exam file is damaged: {}", problems.join("; "))
            }
            SealError::WrongPassphrase => f.write_str(
                "wrong passphrase: this passphrase (or release code) does not open this sealed exam; check it and try again",
            ),
            SealError::TamperedHeader => f.write_str(
                "the sealed exam was changed after sealing (its title, topics or list of questions); use the file as it was sealed",
            ),
            SealError::TamperedQuestion { id: q } => write!(
                f,
                "question {} was changed after sealing, or its sealed part belongs to another question; use the file as it was sealed",
                id(q)
            ),
            SealError::InvalidQuestion { id: q, problems } => write!(
                f,
                "question {} opens but is not a valid question: {}",
                id(q),
                problems.join("; ")
            ),
            SealError::NoQuestions => f.write_str("there are no questions to seal"),
            SealError::UnknownQuestion { id: q } => {
                write!(f, "the bank has no question {}", id(q))
            }
            SealError::DuplicateQuestion { id: q } => {
                write!(f, "question {} is listed twice", id(q))
            }
            SealError::RepeatedNonce => f.write_str(
                "the nonce source gave the same nonce twice; every nonce must be fresh random bytes",
            ),
            SealError::Unsealable { id: q, problems } => write!(
                f,
                "question {} cannot be sealed: {}",
                id(q),
                problems.join("; ")
            ),
            SealError::InvalidBank(problems) => {
                write!(f, "the bank cannot be sealed: {}", problems.join("; "))
            }
            SealError::BadReleaseCode(why) => write!(f, "that is not a release code: {why}"),
        }
    }
}

impl std::error::Error for SealError {}
