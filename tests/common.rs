//! Shared fixtures for the native tests: a small valid bank held in memory.
#![allow(dead_code)]

use std::collections::BTreeMap;

use accord::bank::{Bank, BankErrors, FactSheet, load_bank_with};

/// One question of every type; also served to the browser tests.
pub const MANIFEST: &str = include_str!("e2e/fixtures/types/index.toml");

pub const QUESTIONS: &str = include_str!("e2e/fixtures/types/one.toml");

/// Load a bank from named texts; the manifest is `q/index.toml`.
pub fn load(files: &[(&str, &str)], facts: Option<&FactSheet>) -> Result<Bank, BankErrors> {
    let map: BTreeMap<String, String> = files
        .iter()
        .map(|(name, text)| (format!("q/{name}"), text.to_string()))
        .collect();
    load_bank_with(
        "q/index.toml",
        |path| {
            map.get(path)
                .cloned()
                .ok_or_else(|| "not found (404)".to_string())
        },
        facts,
    )
}

pub fn demo_bank() -> Bank {
    load(&[("index.toml", MANIFEST), ("one.toml", QUESTIONS)], None)
        .expect("the demo bank is valid")
}

/// The error messages for a question file that replaces the demo's, as `file:line:col: message`.
pub fn errors_for(questions: &str) -> Vec<String> {
    match load(&[("index.toml", MANIFEST), ("one.toml", questions)], None) {
        Ok(_) => vec![],
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}
