//! Saving the desk through a `KeyValueStore`, never losing what was there: the assignments
//! under one key, each class's results under a key of its own (so a big class never makes a
//! small change fail), and unreadable data moved to a backup key once, before anything new is
//! written, the way the learner's progress store does it.

use super::data::{DeskData, Kept};
use super::document::{DeskError, class_json, read_class, read_desk};
use crate::storage::{KeyValueStore, StorageError};

/// Every key the teacher's page writes starts with this.
pub const TEACHER_PREFIX: &str = "accord/teacher/";
/// The assignments and their accommodations.
pub const DESK_KEY: &str = "accord/teacher/desk";
/// One class's results: this prefix and the assignment's id.
pub const CLASS_PREFIX: &str = "accord/teacher/class/";
/// Unreadable data is kept under this prefix plus the time it was moved aside.
pub const TEACHER_BACKUP_PREFIX: &str = "accord/teacher/backup/";

/// Something the teacher must be told about their saved data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskNotice {
    /// Saved data could not be used (wholly or in part): the original is kept, unchanged,
    /// under `backup_key`; what could be used is on the desk.
    MovedAside { backup_key: String, why: String },
    /// Saved data could not be used, and there is no room to copy it aside: it is left where
    /// it is, and nothing is saved until the teacher downloads it and frees the space.
    NoRoomToKeep { key: String, why: String },
    /// Saved data is left untouched (a newer version's, or it could not be copied), and
    /// nothing is saved this time.
    ReadOnly { why: String },
    /// Storage cannot be used at all; the desk lasts until the tab is closed.
    NoStorage { why: String },
}

impl std::fmt::Display for DeskNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DeskNotice::MovedAside { backup_key, why } => write!(
                f,
                "Some saved class data could not be used: {why}. The data as it was has been kept, unchanged, under the key \"{backup_key}\" (Your data, below, lets you download or delete it)."
            ),
            DeskNotice::NoRoomToKeep { why, .. } => write!(
                f,
                "Your saved class data could not be used: {why}. This browser's storage is too full to keep a copy, so it has been left as it is and nothing new will be saved. Download it to keep it, then free some space."
            ),
            DeskNotice::ReadOnly { why } => write!(
                f,
                "Your saved class data could not be used: {why}. It has been left untouched, and nothing you do now will be saved."
            ),
            DeskNotice::NoStorage { why } => write!(
                f,
                "Class data cannot be saved in this browser ({why}). Export it to a file before you close the tab."
            ),
        }
    }
}

/// Why a save did not happen. What was saved before is intact in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskSaveError {
    Storage(StorageError),
    /// Saving is off for this visit, to protect data that could not be read.
    ReadOnly,
}

impl std::fmt::Display for DeskSaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DeskSaveError::Storage(StorageError::QuotaExceeded) => write!(
                f,
                "The change could not be saved: this site's browser storage is full. What was saved before is safe. Export your class data to a file, then clear a class you no longer need."
            ),
            DeskSaveError::Storage(e) => write!(f, "The change could not be saved: {e}."),
            DeskSaveError::ReadOnly => write!(
                f,
                "Saving is off for this visit, to protect saved data that could not be read."
            ),
        }
    }
}

pub struct DeskStore<S: KeyValueStore> {
    storage: S,
    writable: bool,
    /// Unreadable data left in place for lack of room (its keys).
    blocked: Vec<String>,
}

impl<S: KeyValueStore> DeskStore<S> {
    /// Load the desk. Unreadable data (or the original of data only partly usable) is moved
    /// aside under a backup key named by `now` (ms since the epoch), before anything is saved.
    pub fn open(storage: S, now: u64) -> (Self, DeskData, Vec<DeskNotice>) {
        let mut store = DeskStore {
            storage,
            writable: true,
            blocked: Vec::new(),
        };
        let mut notices = Vec::new();
        let mut data = DeskData::default();
        let stored = match store.storage.get(DESK_KEY) {
            Ok(stored) => stored,
            Err(e) => {
                notices.push(DeskNotice::NoStorage { why: e.to_string() });
                store.writable = false;
                return (store, data, notices);
            }
        };
        if let Some(text) = stored {
            match read_desk(&text) {
                Ok(read) => {
                    data.assignments = read.data.assignments;
                    if !read.left_out.is_empty() {
                        let why = left_out_words(&read.left_out);
                        notices.extend(store.move_aside(DESK_KEY, &text, &why, now, false));
                        if store.writable {
                            let _ = store.save_assignments(&data);
                        }
                    }
                }
                Err(problem @ DeskError::TooNew(_)) => {
                    notices.push(DeskNotice::ReadOnly {
                        why: problem.to_string(),
                    });
                    store.writable = false;
                    return (store, DeskData::default(), notices);
                }
                Err(problem) => {
                    notices.extend(store.move_aside(
                        DESK_KEY,
                        &text,
                        &problem.to_string(),
                        now,
                        true,
                    ));
                }
            }
        }
        let mut keys: Vec<String> = store
            .storage
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with(CLASS_PREFIX))
            .collect();
        keys.sort();
        for key in keys {
            let Ok(Some(text)) = store.storage.get(&key) else {
                continue;
            };
            let id = &key[CLASS_PREFIX.len()..];
            match read_class(&text, id) {
                Ok(read) => {
                    if !read.left_out.is_empty() {
                        let why = left_out_words(&read.left_out);
                        notices.extend(store.move_aside(&key, &text, &why, now, false));
                        if store.writable {
                            let _ = store.save_class(id, &read.data);
                        }
                    }
                    if !read.data.is_empty() {
                        data.classes.insert(id.to_string(), read.data);
                    }
                }
                Err(DeskError::TooNew(v)) => {
                    notices.push(DeskNotice::ReadOnly {
                        why: DeskError::TooNew(v).to_string(),
                    });
                    store.writable = false;
                }
                Err(problem) => {
                    let why = format!("a class's results: {problem}");
                    notices.extend(store.move_aside(&key, &text, &why, now, true));
                }
            }
        }
        (store, data, notices)
    }

    /// Copy the text at `key` to a free backup key; with `remove`, then remove it (it was
    /// wholly unreadable). With no room for the copy, leave it and stop saving.
    fn move_aside(
        &mut self,
        key: &str,
        text: &str,
        why: &str,
        now: u64,
        remove: bool,
    ) -> Option<DeskNotice> {
        let backup_key = free_backup_key(&self.storage, now);
        match self.storage.set(&backup_key, text) {
            Ok(()) => {
                if remove {
                    let _ = self.storage.remove(key);
                }
                Some(DeskNotice::MovedAside {
                    backup_key,
                    why: why.to_string(),
                })
            }
            Err(StorageError::QuotaExceeded) => {
                self.writable = false;
                self.blocked.push(key.to_string());
                Some(DeskNotice::NoRoomToKeep {
                    key: key.to_string(),
                    why: why.to_string(),
                })
            }
            Err(e) => {
                self.writable = false;
                Some(DeskNotice::ReadOnly {
                    why: format!("{why}, and it could not be copied aside ({e})"),
                })
            }
        }
    }

    /// What storage holds now (after another tab saved), read without moving anything aside:
    /// `None` when some of it cannot be used as it is (the next visit's `open` keeps it aside).
    pub fn read(&self) -> Option<DeskData> {
        let mut data = DeskData::default();
        if let Some(text) = self.storage.get(DESK_KEY).ok()? {
            let read = read_desk(&text).ok()?;
            if !read.left_out.is_empty() {
                return None;
            }
            data.assignments = read.data.assignments;
        }
        for key in self.storage.keys().ok()? {
            let Some(id) = key.strip_prefix(CLASS_PREFIX) else {
                continue;
            };
            let Some(text) = self.storage.get(&key).ok()? else {
                continue;
            };
            let read = read_class(&text, id).ok()?;
            if !read.left_out.is_empty() {
                return None;
            }
            if !read.data.is_empty() {
                data.classes.insert(id.to_string(), read.data);
            }
        }
        Some(data)
    }

    pub fn is_writable(&self) -> bool {
        self.writable
    }

    /// Keys of unreadable data left in place for lack of room.
    pub fn blocked(&self) -> &[String] {
        &self.blocked
    }

    fn check_writable(&self) -> Result<(), DeskSaveError> {
        if self.writable {
            Ok(())
        } else {
            Err(DeskSaveError::ReadOnly)
        }
    }

    /// Save the assignments and their accommodations.
    pub fn save_assignments(&self, data: &DeskData) -> Result<(), DeskSaveError> {
        self.check_writable()?;
        self.storage
            .set(DESK_KEY, &data.assignments_json())
            .map_err(DeskSaveError::Storage)
    }

    /// Save one class's results (no results: remove its key).
    pub fn save_class(&self, id: &str, kept: &[Kept]) -> Result<(), DeskSaveError> {
        self.check_writable()?;
        let key = format!("{CLASS_PREFIX}{id}");
        if kept.is_empty() {
            self.storage.remove(&key)
        } else {
            self.storage.set(&key, &class_json(id, kept))
        }
        .map_err(DeskSaveError::Storage)
    }

    /// Save everything: the assignments, every class, and remove the keys of classes no
    /// longer on the desk. Stops at the first failure (what was saved before it is saved).
    pub fn save_all(&self, data: &DeskData) -> Result<(), DeskSaveError> {
        self.save_assignments(data)?;
        for (id, kept) in &data.classes {
            self.save_class(id, kept)?;
        }
        for key in self.storage.keys().unwrap_or_default() {
            if let Some(id) = key.strip_prefix(CLASS_PREFIX)
                && !data.classes.contains_key(id)
                && !self.blocked.contains(&key)
            {
                self.storage.remove(&key).map_err(DeskSaveError::Storage)?;
            }
        }
        Ok(())
    }

    /// The backup keys present with their sizes in bytes, oldest first.
    pub fn backups(&self) -> Vec<(String, usize)> {
        let mut keys: Vec<(String, usize)> = self
            .storage
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with(TEACHER_BACKUP_PREFIX))
            .map(|k| {
                let size = self.storage.get(&k).ok().flatten().map_or(0, |v| v.len());
                (k, size)
            })
            .collect();
        keys.sort();
        keys
    }

    /// The text of one backup (or of data left in place for lack of room).
    pub fn backup(&self, key: &str) -> Option<String> {
        if !key.starts_with(TEACHER_BACKUP_PREFIX) && !self.blocked.iter().any(|b| b == key) {
            return None;
        }
        self.storage.get(key).ok().flatten()
    }

    /// Delete one backup.
    pub fn delete_backup(&self, key: &str) -> Result<(), DeskSaveError> {
        if !key.starts_with(TEACHER_BACKUP_PREFIX) {
            return Ok(());
        }
        self.storage.remove(key).map_err(DeskSaveError::Storage)
    }

    pub fn storage(&self) -> &S {
        &self.storage
    }
}

fn left_out_words(left_out: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut words = left_out
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if left_out.len() > SHOWN {
        words.push_str(&format!("; and {} more", left_out.len() - SHOWN));
    }
    format!("left out {words}")
}

/// `accord/teacher/backup/<now>`, or with a suffix if that key is taken: a backup never
/// overwrites one.
fn free_backup_key(storage: &impl KeyValueStore, now: u64) -> String {
    let base = format!("{TEACHER_BACKUP_PREFIX}{now:013}");
    let mut key = base.clone();
    let mut n = 1u32;
    while storage.get(&key).ok().flatten().is_some() {
        n = n.saturating_add(1);
        key = format!("{base}-{n}");
    }
    key
}
