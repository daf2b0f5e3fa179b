//! Shared fixtures for the native tests: a small valid bank held in memory.
#![allow(dead_code)]

use std::collections::BTreeMap;

use accord::bank::{Bank, BankErrors, FactSheet, load_bank_with};

pub const MANIFEST: &str = r#"
[bank]
id = "demo"
title = "Demo bank"
description = "A small bank for tests."
version = "1"
language = "en"
files = ["one.toml"]

[[topic]]
id = "alpha"
title = "Alpha"

[[topic]]
id = "beta"
title = "Beta"
"#;

pub const QUESTIONS: &str = r#"
[[question]]
id = "a-single"
topic = "alpha"
type = "single"
prompt = "Where was the Founding Act signed?"
choices = ["Paris", "Rome", "Madrid", "Helsinki"]
answer = "Paris"
explanation = "Paris, 27 May 1997."
facts = ["F-FA-02"]
sources = ["https://example.org/fa"]
difficulty = 1

[[question]]
id = "a-multiple"
topic = "alpha"
type = "multiple"
prompt = "Which joined in 1999?"
choices = ["Czech Republic", "Hungary", "Poland", "Slovakia"]
answer = ["Czech Republic", "Hungary", "Poland"]
explanation = "The first post-Cold War wave."
facts = ["F-ENL-04"]
sources = ["https://example.org/enl"]
difficulty = 2

[[question]]
id = "b-tf"
topic = "beta"
type = "true_false"
prompt = "The Founding Act is a ratified treaty."
answer = false
explanation = "It is a political act."
facts = ["F-FA-10"]
sources = ["https://example.org/fa"]
difficulty = 1
tags = ["1997"]

[[question]]
id = "b-order"
topic = "beta"
type = "ordering"
prompt = "Earliest first."
items = ["NACC", "PfP", "Founding Act", "NRC"]
explanation = "1991, 1994, 1997, 2002."
facts = ["F-NACC-01"]
sources = ["https://example.org/nacc"]
difficulty = 2

[[question]]
id = "b-match"
topic = "beta"
type = "matching"
prompt = "Match body and year."
pairs = [["NACC", "1991"], ["PJC", "1997"], ["NRC", "2002"]]
explanation = "See the chronology."
facts = ["F-NRC-02"]
sources = ["https://example.org/nrc"]
difficulty = 2

[[question]]
id = "b-num"
topic = "beta"
type = "numeric"
prompt = "Year Finland joined?"
answer = 2023
explanation = "4 April 2023."
facts = ["F-NORD-03"]
sources = ["https://example.org/nord"]
difficulty = 1

[[question]]
id = "b-text"
topic = "beta"
type = "short_text"
prompt = "Russian negotiator?"
answer = "Primakov"
accept = ["Yevgeny Primakov"]
typos = 1
explanation = "Yevgeny Primakov."
facts = ["F-FA-04"]
sources = ["https://example.org/fa"]
difficulty = 2

[[question]]
id = "b-cloze"
topic = "beta"
type = "cloze"
prompt = "Complete."
text = "Signed in {1} in {2}."
blanks = [{ answer = "Paris" }, { answer = "1997", options = ["1991", "1997", "2002"] }]
explanation = "Paris, 1997."
facts = ["F-FA-02"]
sources = ["https://example.org/fa"]
difficulty = 3

[[question]]
id = "b-spot"
topic = "beta"
type = "spot_error"
prompt = "Which part is wrong?"
parts = ["Russia,", "then the Soviet Union,", "viewed it as a challenge."]
wrong = ["then the Soviet Union,"]
errors = ["E-001-03"]
explanation = "The USSR had dissolved in 1991."
facts = ["F-END-07"]
sources = ["https://example.org/end"]
difficulty = 3
"#;

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
