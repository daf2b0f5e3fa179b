//! Loading and saving progress through a `KeyValueStore`, never losing what was there:
//! unreadable data is moved to a backup key (once) before anything new is written, and kept
//! in place with a clear notice when there is no room to copy it. Each quiz in progress has a
//! slot of its own, so two tabs with different quizzes never overwrite each other.

use serde::{Deserialize, Serialize};

use super::bank_key::BankKey;
use super::merge::TabMerge;
use super::model::ProgressData;
use super::profiles::ProfileId;
use super::schema::{DecodeProblem, Decoded, decode, encode};
use crate::assignment::Run;
use crate::bank::Bank;
use crate::quiz::QuizSession;
use crate::storage::{KeyValueStore, StorageError};

/// Every key Accord writes starts with this.
pub const KEY_PREFIX: &str = "accord/";
/// The default profile's progress (other profiles add `/<profile id>`).
pub const PROGRESS_KEY: &str = "accord/progress";
/// Quizzes in progress: `accord/quiz/<profile id>/<quiz id>`.
pub const QUIZ_PREFIX: &str = "accord/quiz/";
/// Unreadable data is kept under this prefix plus the time it was moved aside.
pub const BACKUP_PREFIX: &str = "accord/backup/";

/// The key of a profile's progress.
pub fn progress_key(profile: &ProfileId) -> String {
    if profile.is_default() {
        PROGRESS_KEY.to_string()
    } else {
        format!("{PROGRESS_KEY}/{profile}")
    }
}

/// The prefix of a profile's quiz slots.
pub fn quiz_prefix(profile: &ProfileId) -> String {
    format!("{QUIZ_PREFIX}{profile}/")
}

/// Something the learner must be told about their saved data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Saved data could not be used, so it was moved under `backup_key` and a fresh start made.
    MovedAside { backup_key: String, why: String },
    /// Saved data could not be used, and there was no room to copy it aside: it is left
    /// exactly where it is, and nothing is saved until the learner downloads it and frees
    /// the space.
    NoRoomToKeep { key: String, why: String },
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
                "Some saved data could not be used: {why}. It has been kept, unchanged, under the key \"{backup_key}\" (Settings → Your data lets you download or delete it), and you are starting afresh."
            ),
            Notice::NoRoomToKeep { why, .. } => write!(
                f,
                "Your saved progress could not be used: {why}. This browser's storage is too full to keep a copy, so it has been left as it is and nothing new will be saved. Download it to keep it, then delete it to free the space and start afresh."
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
                "Your latest answers could not be saved: this site's browser storage is full. Your earlier progress is safe. Free some space (Settings → Your data can delete old backups), then answer again to save."
            ),
            SaveError::Storage(e) => write!(f, "Your latest answers could not be saved: {e}."),
            SaveError::ReadOnly => write!(
                f,
                "Saving is off for this visit, to protect your earlier data."
            ),
        }
    }
}

/// One quiz slot as found in storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub key: String,
    pub bank: BankKey,
    /// The assignment the quiz is a run of, if it is one.
    pub run: Option<Run>,
    pub session: QuizSession,
}

/// What a quiz slot holds: the quiz, the bank it was drawn from, and the assignment run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlotRecord {
    pub bank: BankKey,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<Run>,
    pub quiz: QuizSession,
}

pub struct ProgressStore<S: KeyValueStore> {
    storage: S,
    profile: ProfileId,
    writable: bool,
    /// Unreadable data left in place for lack of room (its key), until the learner frees it.
    blocked: Option<String>,
}

impl<S: KeyValueStore> ProgressStore<S> {
    /// Load a profile's progress. Unreadable data is moved aside under a backup key named by
    /// `now` (ms since the epoch); progress in an older schema is migrated, and its quiz in
    /// progress moved to a slot of its own.
    pub fn open(storage: S, profile: ProfileId, now: u64) -> (Self, ProgressData, Vec<Notice>) {
        let key = progress_key(&profile);
        let mut store = ProgressStore {
            storage,
            profile,
            writable: true,
            blocked: None,
        };
        let mut notices = Vec::new();
        let stored = match store.storage.get(&key) {
            Ok(stored) => stored,
            Err(e) => {
                notices.push(Notice::NoStorage { why: e.to_string() });
                store.writable = false;
                return (store, ProgressData::default(), notices);
            }
        };
        let Some(text) = stored else {
            return (store, ProgressData::default(), notices);
        };
        match decode(&text) {
            Ok(Decoded { data, quizzes }) => {
                if !quizzes.is_empty() {
                    // An older schema: its quizzes go to slots, and the data is saved in the
                    // current schema so they are not moved twice.
                    for (bank, quiz) in &quizzes {
                        let _ = store
                            .storage
                            .set(&store.quiz_key(&quiz.id), &slot_json(bank, None, quiz));
                    }
                    let _ = store.save(&data);
                }
                (store, data, notices)
            }
            Err(problem @ DecodeProblem::TooNew(_)) => {
                // A newer build owns this data: leave it exactly as it is.
                notices.push(Notice::ReadOnly {
                    why: problem.to_string(),
                });
                store.writable = false;
                (store, ProgressData::default(), notices)
            }
            Err(problem) => {
                if let Some(notice) = store.move_aside(&key, &text, &problem.to_string(), now) {
                    notices.push(notice);
                }
                (store, ProgressData::default(), notices)
            }
        }
    }

    /// Keep unreadable data at `key` aside: copy it to a free backup key, then remove it, so
    /// it is backed up once. With no room for the copy, leave it in place and stop saving.
    fn move_aside(&mut self, key: &str, text: &str, why: &str, now: u64) -> Option<Notice> {
        let backup_key = free_backup_key(&self.storage, now);
        match self.storage.set(&backup_key, text) {
            Ok(()) => {
                let _ = self.storage.remove(key);
                Some(Notice::MovedAside {
                    backup_key,
                    why: why.to_string(),
                })
            }
            Err(StorageError::QuotaExceeded) => {
                self.writable = false;
                self.blocked = Some(key.to_string());
                Some(Notice::NoRoomToKeep {
                    key: key.to_string(),
                    why: why.to_string(),
                })
            }
            Err(e) => {
                self.writable = false;
                Some(Notice::ReadOnly {
                    why: format!("{why}, and it could not be copied aside ({e})"),
                })
            }
        }
    }

    /// The unreadable data left in place for lack of room, if any: its key and text.
    pub fn blocked(&self) -> Option<(String, String)> {
        let key = self.blocked.clone()?;
        let text = self.storage.get(&key).ok().flatten()?;
        Some((key, text))
    }

    /// Delete the unreadable data left in place (the learner downloaded it, or chose to let
    /// it go), and start saving again.
    pub fn discard_blocked(&mut self) -> Result<(), SaveError> {
        if let Some(key) = self.blocked.take() {
            self.storage.remove(&key).map_err(SaveError::Storage)?;
            self.writable = true;
        }
        Ok(())
    }

    pub fn profile(&self) -> &ProfileId {
        &self.profile
    }

    /// Write all progress. On failure the earlier saved data stays as it was.
    pub fn save(&self, data: &ProgressData) -> Result<(), SaveError> {
        if !self.writable {
            return Err(SaveError::ReadOnly);
        }
        self.storage
            .set(&progress_key(&self.profile), &encode(data))
            .map_err(SaveError::Storage)
    }

    /// Save after taking in whatever another tab saved meanwhile, so two tabs answering at
    /// once both keep their reviews, and a reset in another tab wins. `data` becomes the
    /// merged whole. Unreadable stored data is first kept aside, as on opening.
    pub fn save_merging(
        &mut self,
        data: &mut ProgressData,
        now: u64,
    ) -> Result<Vec<Notice>, SaveError> {
        if !self.writable {
            return Err(SaveError::ReadOnly);
        }
        let key = progress_key(&self.profile);
        let mut notices = Vec::new();
        if let Ok(Some(text)) = self.storage.get(&key) {
            match decode(&text) {
                Ok(stored) => {
                    if data.merge_from_tab(&stored.data) == TabMerge::TookReset {
                        // Another tab reset: what this tab had is gone with it.
                        return Ok(notices);
                    }
                }
                Err(DecodeProblem::TooNew(_)) => return Err(SaveError::ReadOnly),
                Err(problem) => {
                    if let Some(notice) = self.move_aside(&key, &text, &problem.to_string(), now) {
                        notices.push(notice);
                    }
                    if !self.writable {
                        return Err(SaveError::ReadOnly);
                    }
                }
            }
        }
        self.save(data)?;
        Ok(notices)
    }

    pub fn is_writable(&self) -> bool {
        self.writable
    }

    fn quiz_key(&self, quiz_id: &str) -> String {
        format!("{}{quiz_id}", quiz_prefix(&self.profile))
    }

    /// This profile's quizzes in progress that can be read. Unreadable slots are moved aside
    /// (the notices say so).
    pub fn quizzes(&mut self, now: u64) -> (Vec<Slot>, Vec<Notice>) {
        let prefix = quiz_prefix(&self.profile);
        let mut keys: Vec<String> = self
            .storage
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .collect();
        keys.sort();
        let mut slots = Vec::new();
        let mut notices = Vec::new();
        for key in keys {
            let Ok(Some(text)) = self.storage.get(&key) else {
                continue;
            };
            // A slot's key names its quiz: one that says another id would be saved, and
            // removed when it ends, under that other quiz's key.
            let named = |record: &SlotRecord| key.strip_prefix(&prefix) == Some(&record.quiz.id);
            match decode_slot(&text).and_then(|record| {
                if named(&record) {
                    Ok(record)
                } else {
                    Err("is saved under the key of another quiz".to_string())
                }
            }) {
                Ok(record) => slots.push(Slot {
                    key,
                    bank: record.bank,
                    run: record.run,
                    session: record.quiz,
                }),
                Err(why) => {
                    if let Some(notice) =
                        self.move_aside(&key, &text, &format!("a saved quiz {why}"), now)
                    {
                        notices.push(notice);
                    }
                }
            }
        }
        (slots, notices)
    }

    /// The stored copy of one quiz, if it is there and readable.
    pub fn load_quiz(&self, quiz_id: &str) -> Option<SlotRecord> {
        let text = self.storage.get(&self.quiz_key(quiz_id)).ok().flatten()?;
        decode_slot(&text).ok()
    }

    /// Save a quiz in progress to its slot, first taking in what another tab saved of the
    /// same quiz (if that copy fits `bank`: its answers are scored again, never trusted).
    /// Returns whether the stored copy changed `session`.
    pub fn save_quiz(
        &self,
        bank: &Bank,
        key: &BankKey,
        run: Option<&Run>,
        session: &mut QuizSession,
    ) -> Result<bool, SaveError> {
        if !self.writable {
            return Err(SaveError::ReadOnly);
        }
        let changed = match self.load_quiz(&session.id).map(|s| s.quiz.restore(bank)) {
            Some(Ok(stored)) => session.merge_from(&stored),
            _ => false,
        };
        self.storage
            .set(&self.quiz_key(&session.id), &slot_json(key, run, session))
            .map_err(SaveError::Storage)?;
        Ok(changed)
    }

    pub fn remove_quiz(&self, quiz_id: &str) -> Result<(), SaveError> {
        self.storage
            .remove(&self.quiz_key(quiz_id))
            .map_err(SaveError::Storage)
    }

    /// Whether `key` is one of this profile's quiz slots, and which quiz.
    pub fn quiz_id_of<'k>(&self, key: &'k str) -> Option<&'k str> {
        let prefix = quiz_prefix(&self.profile);
        key.strip_prefix(prefix.as_str())
    }

    /// Whether `key` holds this profile's progress.
    pub fn is_progress_key(&self, key: &str) -> bool {
        key == progress_key(&self.profile)
    }

    /// The backup keys present with their sizes in bytes, oldest first.
    pub fn backups(&self) -> Vec<(String, usize)> {
        let mut keys: Vec<(String, usize)> = self
            .storage
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with(BACKUP_PREFIX))
            .map(|k| {
                let size = self.storage.get(&k).ok().flatten().map_or(0, |v| v.len());
                (k, size)
            })
            .collect();
        keys.sort();
        keys
    }

    /// The text of one backup.
    pub fn backup(&self, key: &str) -> Option<String> {
        if !key.starts_with(BACKUP_PREFIX) {
            return None;
        }
        self.storage.get(key).ok().flatten()
    }

    /// Delete every backup of unreadable data.
    pub fn delete_backups(&self) -> Result<(), SaveError> {
        for (key, _) in self.backups() {
            self.storage.remove(&key).map_err(SaveError::Storage)?;
        }
        Ok(())
    }

    /// Delete this profile's quizzes in progress.
    pub fn delete_quizzes(&self) -> Result<(), SaveError> {
        let prefix = quiz_prefix(&self.profile);
        for key in self.storage.keys().unwrap_or_default() {
            if key.starts_with(&prefix) {
                self.storage.remove(&key).map_err(SaveError::Storage)?;
            }
        }
        Ok(())
    }

    /// Everything Accord keeps in this browser, as one JSON object of key → text: what the
    /// recovery screen and "download the unreadable data" offer.
    pub fn dump(&self) -> String {
        let mut map = std::collections::BTreeMap::new();
        let mut keys = self.storage.keys().unwrap_or_default();
        keys.sort();
        for key in keys.into_iter().filter(|k| k.starts_with(KEY_PREFIX)) {
            if let Ok(Some(value)) = self.storage.get(&key) {
                map.insert(key, value);
            }
        }
        serde_json::to_string(&map).unwrap_or_default()
    }

    pub fn storage(&self) -> &S {
        &self.storage
    }
}

fn slot_json(bank: &BankKey, run: Option<&Run>, quiz: &QuizSession) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        bank: &'a BankKey,
        #[serde(skip_serializing_if = "Option::is_none")]
        run: Option<&'a Run>,
        quiz: &'a QuizSession,
    }
    serde_json::to_string(&Out { bank, run, quiz }).expect("a quiz always serializes")
}

/// A quiz slot's text as its record, with the checks that need no bank (lists that match,
/// a position in range: see `QuizSession::check_saved`). The rest of the session's meaning
/// is checked against the bank when it resumes, the assignment's when it is read.
pub fn decode_slot(text: &str) -> Result<SlotRecord, String> {
    let record: SlotRecord = serde_json::from_str(text)
        .map_err(|e| crate::text::escape_controls(&format!("could not be read ({e})")))?;
    if record.quiz.id.is_empty() {
        return Err("has no id".to_string());
    }
    record
        .quiz
        .check_saved()
        .map_err(|why| format!("is damaged ({why})"))?;
    if let Some(run) = &record.run {
        run.check()?;
    }
    Ok(record)
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
