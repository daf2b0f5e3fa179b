//! Shared fixtures for the native tests: a small valid bank held in memory.
#![allow(dead_code)]

use std::collections::BTreeMap;

use accord::bank::{Bank, BankErrors, FactSheet, Rules, load_bank_with};

/// One question of every type; also served to the browser tests.
pub const MANIFEST: &str = include_str!("e2e/fixtures/types/index.toml");

pub const QUESTIONS: &str = include_str!("e2e/fixtures/types/one.toml");

/// The demo manifest naming a fact sheet, which holds its questions to the fact-sheet rules.
pub fn strict_manifest() -> String {
    MANIFEST.replace(
        "language = \"en\"\n",
        "language = \"en\"\nfact_sheet = \"facts.md\"\n",
    )
}

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
        Rules { facts, today: None },
    )
}

pub fn demo_bank() -> Bank {
    load(&[("index.toml", MANIFEST), ("one.toml", QUESTIONS)], None)
        .expect("the demo bank is valid")
}

/// The error messages for a question file that replaces the demo's, as `file:line:col: message`.
pub fn errors_for(questions: &str) -> Vec<String> {
    errors_with(MANIFEST, questions)
}

/// As [`errors_for`], with the manifest that names a fact sheet.
pub fn strict_errors_for(questions: &str) -> Vec<String> {
    errors_with(&strict_manifest(), questions)
}

fn errors_with(manifest: &str, questions: &str) -> Vec<String> {
    match load(&[("index.toml", manifest), ("one.toml", questions)], None) {
        Ok(_) => vec![],
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}
