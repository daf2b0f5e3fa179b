//! The browser's localStorage and sessionStorage, with quota errors told apart from other
//! failures. Knows nothing about what the values mean.

// Through gloo-storage: its handles (`raw()`), `delete` and `length`. Its typed `get`/`set`
// are not used for values: they store every value as JSON of its own (a text becomes a quoted
// JSON string) and read it back through serde, dropping what does not parse, but this store
// keeps texts byte for byte (unreadable data is moved aside exactly as it was found), and the
// callers encode and check their own formats (see `progress::schema`).

use gloo_storage::{LocalStorage, SessionStorage, Storage};
use wasm_bindgen::JsCast;

use super::{KeyValueStore, StorageError};

/// The browser's localStorage. Holds no handle, so it can live in Leptos signals; each call
/// asks the window, and fails cleanly where the browser refuses storage.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalStore;

/// The tab's own sessionStorage: survives a reload, not shared with other tabs.
#[derive(Debug, Clone, Copy, Default)]
pub struct SessionStore;

fn storage_error(error: &wasm_bindgen::JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>() {
        // Chromium and Firefox name it differently; both mean "full".
        Some(e) if e.name() == "QuotaExceededError" || e.name() == "NS_ERROR_DOM_QUOTA_REACHED" => {
            StorageError::QuotaExceeded
        }
        Some(e) => StorageError::Unavailable(e.message()),
        None => StorageError::Unavailable(format!("{error:?}")),
    }
}

fn storage(session: bool) -> Result<web_sys::Storage, StorageError> {
    // Touching `localStorage` throws in some privacy modes (and gloo's `raw()` then panics), so
    // ask the window first; only then is gloo's handle safe to take.
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    let available = if session {
        window.session_storage()
    } else {
        window.local_storage()
    };
    match available {
        Ok(Some(_)) if session => Ok(SessionStorage::raw()),
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        Ok(None) => Err(StorageError::Unavailable("storage is missing".into())),
        Err(e) => Err(storage_error(&e)),
    }
}

macro_rules! browser_store {
    ($store:ty, $gloo:ty, $session:expr) => {
        impl KeyValueStore for $store {
            fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
                storage($session)?
                    .get_item(key)
                    .map_err(|e| storage_error(&e))
            }

            fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
                storage($session)?
                    .set_item(key, value)
                    .map_err(|e| storage_error(&e))
            }

            fn remove(&self, key: &str) -> Result<(), StorageError> {
                storage($session)?;
                <$gloo>::delete(key);
                Ok(())
            }

            fn keys(&self) -> Result<Vec<String>, StorageError> {
                let raw = storage($session)?;
                let n = <$gloo>::length();
                Ok((0..n).filter_map(|i| raw.key(i).ok().flatten()).collect())
            }
        }
    };
}

browser_store!(LocalStore, LocalStorage, false);
browser_store!(SessionStore, SessionStorage, true);
