//! Key–value storage behind a small trait: the browser's localStorage in the app, an
//! in-memory twin in tests. Knows nothing about what the values mean.

#[cfg(target_arch = "wasm32")]
mod local;
mod memory;

#[cfg(target_arch = "wasm32")]
pub use local::{LocalStore, SessionStore};
pub use memory::MemoryStore;

/// Why storage refused an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser's storage quota is used up; nothing was written.
    QuotaExceeded,
    /// Storage cannot be used at all (disabled, private mode, blocked by settings …).
    Unavailable(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::QuotaExceeded => write!(f, "the browser's storage for this site is full"),
            StorageError::Unavailable(why) => write!(f, "browser storage is unavailable ({why})"),
        }
    }
}

/// String keys to string values. `set` either writes the whole value or nothing.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}
