//! Which bank a piece of progress belongs to: its id and where it was loaded from, so that a
//! bank from another path can never write into the default bank's progress by reusing its id.

use serde::{Deserialize, Serialize};

/// The default bank's manifest, relative to the page.
pub const DEFAULT_BANK_PATH: &str = "questions/index.toml";

/// A bank's key in saved progress: its id for the default bank (so progress saved before
/// keys had paths stays the default bank's), `id@path` for a bank loaded from elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BankKey(String);

impl BankKey {
    /// The key of bank `id` loaded from `path` (the manifest's path relative to the page).
    pub fn new(id: &str, path: &str) -> BankKey {
        if path == DEFAULT_BANK_PATH {
            BankKey(id.to_string())
        } else {
            BankKey(format!("{id}@{path}"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The bank's id, without its path.
    pub fn bank_id(&self) -> &str {
        self.0.split('@').next().unwrap_or_default()
    }
}

impl std::fmt::Display for BankKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bank_from_another_path_gets_its_own_key_even_with_the_same_id() {
        let default = BankKey::new("nato-russia", DEFAULT_BANK_PATH);
        let foreign = BankKey::new("nato-russia", "other/index.toml");
        assert_eq!(default.as_str(), "nato-russia");
        assert_ne!(default, foreign);
        assert_eq!(foreign.bank_id(), "nato-russia");
    }
}
