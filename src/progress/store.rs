//! Loading and saving progress through a `KeyValueStore`, never losing what was there:
//! unreadable data is copied to a backup key before anything new is written.

use super::model::ProgressData;
use super::schema::{DecodeProblem, decode, encode};
use crate::storage::{KeyValueStore, StorageError};

/// Every key Accord writes starts with this.
pub const KEY_PREFIX: &str = "accord/";
/// The one key that holds all progress.
pub const PROGRESS_KEY: &str = "accord/progress";
/// Unreadable progress is kept under this prefix plus the time it was moved aside.
pub const BACKUP_PREFIX: &str = "accord/backup/";

/// Something the learner must be told about their saved progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Saved progress could not be used, so it was kept under `backup_key` and a fresh start made.
    MovedAside { backup_key: String, why: String },
    /// Saved progress could not be used or kept aside, so nothing will be saved this time.
    ReadOnly { why: String },
    /// Storage cannot be used at all; progress lasts only until the tab is closed.
    NoStorage { why: String },
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::MovedAside { backup_key, why } => write!(
                f,
                "Your saved progress could not be used: {why}. It has been kept, unchanged, under the key \"{backup_key}\", and you are starting afresh."
            ),
            Notice::ReadOnly { why } => write!(
                f,
                "Your saved progress could not be used: {why}. It has been left untouched, and nothing you do now will be saved."
            ),
            Notice::NoStorage { why } => write!(
                f,
                "Progress cannot be saved in this browser ({why}). You can still take quizzes, but they are lost when you close the tab."
            ),
        }
    }
}

/// Why a save did not happen. The previously saved data is intact in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    Storage(StorageError),
    /// Saving is off because saved data could not be read and could not be kept aside.
    ReadOnly,
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Storage(StorageError::QuotaExceeded) => write!(
                f,
                "Your latest answers could not be saved: this site's browser storage is full. Your earlier progress is safe; free some space (for example by clearing other sites' data) and answer again to save."
            ),
            SaveError::Storage(e) => write!(f, "Your latest answers could not be saved: {e}."),
            SaveError::ReadOnly => write!(
                f,
                "Saving is off for this visit, to protect your earlier data."
            ),
        }
    }
}

pub struct ProgressStore<S: KeyValueStore> {
    storage: S,
    writable: bool,
}

impl<S: KeyValueStore> ProgressStore<S> {
    /// Load progress, keeping unreadable data aside under a backup key. `now` (ms since the
    /// epoch) names the backup.
    pub fn open(storage: S, now: u64) -> (Self, ProgressData, Vec<Notice>) {
        let mut notices = Vec::new();
        let stored = match storage.get(PROGRESS_KEY) {
            Ok(stored) => stored,
            Err(e) => {
                notices.push(Notice::NoStorage { why: e.to_string() });
                let store = ProgressStore {
                    storage,
                    writable: false,
                };
                return (store, ProgressData::default(), notices);
            }
        };
        let Some(text) = stored else {
            return (
                ProgressStore {
                    storage,
                    writable: true,
                },
                ProgressData::default(),
                notices,
            );
        };
        match decode(&text) {
            Ok(data) => (
                ProgressStore {
                    storage,
                    writable: true,
                },
                data,
                notices,
            ),
            Err(problem @ DecodeProblem::TooNew(_)) => {
                // A newer build owns this data: leave it exactly as it is.
                notices.push(Notice::ReadOnly {
                    why: problem.to_string(),
                });
                (
                    ProgressStore {
                        storage,
                        writable: false,
                    },
                    ProgressData::default(),
                    notices,
                )
            }
            Err(problem) => {
                let backup_key = free_backup_key(&storage, now);
                let writable = match storage.set(&backup_key, &text) {
                    Ok(()) => {
                        notices.push(Notice::MovedAside {
                            backup_key,
                            why: problem.to_string(),
                        });
                        true
                    }
                    Err(e) => {
                        notices.push(Notice::ReadOnly {
                            why: format!("{problem}, and it could not be copied aside ({e})"),
                        });
                        false
                    }
                };
                (
                    ProgressStore { storage, writable },
                    ProgressData::default(),
                    notices,
                )
            }
        }
    }

    /// Write all progress. On failure the earlier saved data stays as it was.
    pub fn save(&self, data: &ProgressData) -> Result<(), SaveError> {
        if !self.writable {
            return Err(SaveError::ReadOnly);
        }
        self.storage
            .set(PROGRESS_KEY, &encode(data))
            .map_err(SaveError::Storage)
    }

    /// Save after taking in whatever another tab saved meanwhile, so two tabs answering at
    /// once both keep their reviews. `data` becomes the merged whole. Unreadable stored data
    /// is first kept aside, as on opening.
    pub fn save_merging(
        &self,
        data: &mut ProgressData,
        now: u64,
    ) -> Result<Vec<Notice>, SaveError> {
        if !self.writable {
            return Err(SaveError::ReadOnly);
        }
        let mut notices = Vec::new();
        if let Ok(Some(text)) = self.storage.get(PROGRESS_KEY) {
            match decode(&text) {
                Ok(stored) => {
                    data.merge(&stored);
                }
                Err(DecodeProblem::TooNew(_)) => return Err(SaveError::ReadOnly),
                Err(problem) => {
                    let backup_key = free_backup_key(&self.storage, now);
                    self.storage
                        .set(&backup_key, &text)
                        .map_err(SaveError::Storage)?;
                    notices.push(Notice::MovedAside {
                        backup_key,
                        why: problem.to_string(),
                    });
                }
            }
        }
        self.save(data)?;
        Ok(notices)
    }

    pub fn is_writable(&self) -> bool {
        self.writable
    }

    /// The backup keys present, oldest first.
    pub fn backups(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .storage
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with(BACKUP_PREFIX))
            .collect();
        keys.sort();
        keys
    }

    pub fn storage(&self) -> &S {
        &self.storage
    }
}

/// `accord/backup/<now>`, or with a suffix if that key is taken: a backup never overwrites one.
fn free_backup_key(storage: &impl KeyValueStore, now: u64) -> String {
    let base = format!("{BACKUP_PREFIX}{now:013}");
    let mut key = base.clone();
    let mut n = 1;
    while storage.get(&key).ok().flatten().is_some() {
        n += 1;
        key = format!("{base}-{n}");
    }
    key
}
