//! Learners sharing one browser (a classroom's computers): each profile keeps its own
//! progress and quizzes, and the start screen switches between them. Nothing is mixed.

use serde::{Deserialize, Serialize};

use super::store::{KEY_PREFIX, progress_key, quiz_prefix};
use crate::storage::{KeyValueStore, StorageError};

/// The key of the profile list.
pub const PROFILES_KEY: &str = "accord/profiles";

/// A profile's id: "default" for the first learner, `p-` and eight letters and digits for the
/// others.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ProfileId(String);

impl ProfileId {
    pub fn default_profile() -> ProfileId {
        ProfileId("default".to_string())
    }

    pub fn is_default(&self) -> bool {
        self.0 == "default"
    }

    /// A new id from random bits (the caller supplies them).
    pub fn from_random(bits: u64) -> ProfileId {
        ProfileId(format!("p-{}", crate::quiz::Seed::from_random(bits)))
    }

    pub fn parse(text: &str) -> Option<ProfileId> {
        let ok = text == "default"
            || (text.len() == 10
                && text.starts_with("p-")
                && text[2..]
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
        ok.then(|| ProfileId(text.to_string()))
    }
}

impl TryFrom<String> for ProfileId {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        ProfileId::parse(&text).ok_or_else(|| "not a profile id".to_string())
    }
}

impl From<ProfileId> for String {
    fn from(id: ProfileId) -> String {
        id.0
    }
}

impl std::fmt::Display for ProfileId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub id: ProfileId,
    /// The learner's name as they typed it ("" for the default profile until named).
    pub name: String,
}

/// Every profile in this browser, and whose it is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profiles {
    pub active: ProfileId,
    pub list: Vec<Profile>,
}

impl Default for Profiles {
    fn default() -> Self {
        Profiles {
            active: ProfileId::default_profile(),
            list: vec![Profile {
                id: ProfileId::default_profile(),
                name: String::new(),
            }],
        }
    }
}

/// Why a name cannot be a profile's.
pub fn name_problem(name: &str, profiles: &Profiles) -> Option<&'static str> {
    let name = name.trim();
    if name.is_empty() {
        return Some("Type a name first.");
    }
    if name.chars().count() > 60 {
        return Some("That name is too long (60 characters at most).");
    }
    if name.chars().any(crate::text::is_hidden) {
        return Some("That name has a hidden character; type it again.");
    }
    if profiles
        .list
        .iter()
        .any(|p| p.name.trim().eq_ignore_ascii_case(name))
    {
        return Some("There is already a learner by that name on this device.");
    }
    None
}

impl Profiles {
    /// The profile list in `storage` (one default profile when there is none, or it is
    /// unreadable: profiles only name data, so nothing is lost by starting the list again).
    pub fn load(storage: &impl KeyValueStore) -> Profiles {
        let Ok(Some(text)) = storage.get(PROFILES_KEY) else {
            return Profiles::default();
        };
        let Ok(mut profiles) = serde_json::from_str::<Profiles>(&text) else {
            return Profiles::default();
        };
        if !profiles.list.iter().any(|p| p.id.is_default()) {
            profiles.list.insert(0, Profiles::default().list.remove(0));
        }
        // A profile named twice (damage, or a hand edit) keeps its first entry.
        let mut seen = std::collections::BTreeSet::new();
        profiles.list.retain(|p| seen.insert(p.id.clone()));
        if !profiles.list.iter().any(|p| p.id == profiles.active) {
            profiles.active = ProfileId::default_profile();
        }
        profiles
    }

    pub fn save(&self, storage: &impl KeyValueStore) -> Result<(), StorageError> {
        storage.set(
            PROFILES_KEY,
            &serde_json::to_string(self).expect("profiles always serialize"),
        )
    }

    pub fn active(&self) -> &Profile {
        self.list
            .iter()
            .find(|p| p.id == self.active)
            .unwrap_or(&self.list[0])
    }

    /// Add a learner and make them the active one. The caller checked the name.
    pub fn add(&mut self, name: &str, id: ProfileId) -> ProfileId {
        self.list.push(Profile {
            id: id.clone(),
            name: name.trim().to_string(),
        });
        self.active = id.clone();
        id
    }

    pub fn switch(&mut self, id: &ProfileId) -> bool {
        let known = self.list.iter().any(|p| &p.id == id);
        if known {
            self.active = id.clone();
        }
        known
    }

    pub fn rename(&mut self, id: &ProfileId, name: &str) {
        if let Some(p) = self.list.iter_mut().find(|p| &p.id == id) {
            p.name = name.trim().to_string();
        }
    }

    /// Remove a learner and everything they saved here (the default profile is emptied and
    /// unnamed instead, as there is always one).
    pub fn remove(
        &mut self,
        id: &ProfileId,
        storage: &impl KeyValueStore,
    ) -> Result<(), StorageError> {
        let prefix = quiz_prefix(id);
        for key in storage.keys()? {
            if key.starts_with(&prefix) && key.starts_with(KEY_PREFIX) {
                storage.remove(&key)?;
            }
        }
        storage.remove(&progress_key(id))?;
        if id.is_default() {
            self.rename(id, "");
        } else {
            self.list.retain(|p| &p.id != id);
        }
        if &self.active == id {
            self.active = ProfileId::default_profile();
        }
        Ok(())
    }

    /// The name to show for a profile: its name, or "Default learner".
    pub fn display_name(profile: &Profile) -> &str {
        if profile.name.trim().is_empty() {
            "Default learner"
        } else {
            &profile.name
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;

    #[test]
    fn profiles_keep_their_data_apart_and_removal_deletes_only_theirs() {
        let storage = MemoryStore::new();
        let mut profiles = Profiles::load(&storage);
        let ana = profiles.add("Ana", ProfileId::from_random(7));
        storage.set(&progress_key(&ana), "ana's").unwrap();
        storage
            .set(&format!("{}q1", quiz_prefix(&ana)), "quiz")
            .unwrap();
        storage.set("accord/progress", "default's").unwrap();
        profiles.save(&storage).unwrap();
        let mut loaded = Profiles::load(&storage);
        assert_eq!(loaded.active, ana);
        loaded.remove(&ana, &storage).unwrap();
        assert_eq!(storage.get(&progress_key(&ana)).unwrap(), None);
        assert_eq!(
            storage.get(&format!("{}q1", quiz_prefix(&ana))).unwrap(),
            None
        );
        assert_eq!(
            storage.get("accord/progress").unwrap().as_deref(),
            Some("default's")
        );
        assert!(loaded.active.is_default());
    }

    #[test]
    fn names_must_be_present_visible_and_distinct() {
        let mut profiles = Profiles::default();
        profiles.add("Ana", ProfileId::from_random(1));
        assert!(name_problem("  ", &profiles).is_some());
        assert!(name_problem("ana", &profiles).is_some());
        assert!(name_problem("A\u{202e}na", &profiles).is_some());
        assert!(name_problem("Ben", &profiles).is_none());
    }

    #[test]
    fn an_unreadable_profile_list_starts_again_with_the_default() {
        let storage = MemoryStore::new();
        storage.set(PROFILES_KEY, "{not json").unwrap();
        assert_eq!(Profiles::load(&storage), Profiles::default());
    }
}
