//! The in-memory store: the test twin of localStorage, with an optional quota.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::{KeyValueStore, StorageError};

/// Clones share the same map, like two tabs sharing one localStorage.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    map: Rc<RefCell<BTreeMap<String, String>>>,
    /// The most bytes (keys plus values, UTF-8) the store may hold, like a browser's quota.
    quota: Option<usize>,
    /// When set, every write fails as unavailable storage does (shared by clones).
    failing: Rc<RefCell<Option<String>>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_quota(bytes: usize) -> Self {
        MemoryStore {
            quota: Some(bytes),
            ..Self::default()
        }
    }

    /// From now on, every write fails with `why` (like storage that became read-only).
    pub fn fail_writes(&self, why: &str) {
        *self.failing.borrow_mut() = Some(why.to_string());
    }

    pub fn used_bytes(&self) -> usize {
        self.map
            .borrow()
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(why) = self.failing.borrow().as_ref() {
            return Err(StorageError::Unavailable(why.clone()));
        }
        if let Some(quota) = self.quota {
            let old = self
                .map
                .borrow()
                .get(key)
                .map_or(0, |v| key.len() + v.len());
            if self.used_bytes() - old + key.len() + value.len() > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.map
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_over_quota_fails_and_leaves_the_old_value() {
        let store = MemoryStore::with_quota(10);
        store.set("k", "12345").unwrap();
        assert_eq!(
            store.set("k", "1234567890"),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(store.get("k").unwrap().as_deref(), Some("12345"));
    }

    #[test]
    fn clones_share_one_map() {
        let a = MemoryStore::new();
        let b = a.clone();
        a.set("k", "v").unwrap();
        assert_eq!(b.get("k").unwrap().as_deref(), Some("v"));
    }
}
