//! The nine question types by name, with the fields and limits of each: the one place a type
//! is spelled, so adding a type means editing this file and its rule in `check/kinds.rs`.

use std::ops::RangeInclusive;

/// A question type, as bank files name it in `type = "…"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuestionType {
    Single,
    Multiple,
    TrueFalse,
    Ordering,
    Matching,
    Numeric,
    ShortText,
    Cloze,
    SpotError,
}

/// How many choices a single or multiple choice question offers.
pub const CHOICES: RangeInclusive<usize> = 2..=8;
/// How many items an ordering question puts in order.
pub const ORDERING_ITEMS: RangeInclusive<usize> = 3..=6;
/// How many pairs a matching question has.
pub const MATCHING_PAIRS: RangeInclusive<usize> = 3..=6;
/// How many parts a spot-the-error claim is cut into.
pub const CLAIM_PARTS: RangeInclusive<usize> = 2..=8;
/// How many blanks a cloze text has.
pub const CLOZE_BLANKS: RangeInclusive<usize> = 1..=10;
/// How many options a cloze choice blank offers.
pub const BLANK_OPTIONS: RangeInclusive<usize> = 2..=8;
/// How many typing slips a typed answer may forgive.
pub const MAX_TYPOS: u8 = 2;
/// The longest list any question type has: the UI sizes per-item ids and keys by it.
pub const MAX_LIST: usize = 8;

impl QuestionType {
    /// Every type, in the order the docs list them.
    pub const ALL: [QuestionType; 9] = [
        QuestionType::Single,
        QuestionType::Multiple,
        QuestionType::TrueFalse,
        QuestionType::Ordering,
        QuestionType::Matching,
        QuestionType::Numeric,
        QuestionType::ShortText,
        QuestionType::Cloze,
        QuestionType::SpotError,
    ];

    /// The name used in bank files.
    pub fn name(self) -> &'static str {
        match self {
            QuestionType::Single => "single",
            QuestionType::Multiple => "multiple",
            QuestionType::TrueFalse => "true_false",
            QuestionType::Ordering => "ordering",
            QuestionType::Matching => "matching",
            QuestionType::Numeric => "numeric",
            QuestionType::ShortText => "short_text",
            QuestionType::Cloze => "cloze",
            QuestionType::SpotError => "spot_error",
        }
    }

    /// The type a bank file names, if there is one by that name.
    pub fn from_name(name: &str) -> Option<QuestionType> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The type in words, for people: "single choice".
    pub fn label(self) -> &'static str {
        match self {
            QuestionType::Single => "single choice",
            QuestionType::Multiple => "multiple select",
            QuestionType::TrueFalse => "true/false",
            QuestionType::Ordering => "ordering",
            QuestionType::Matching => "matching",
            QuestionType::Numeric => "numeric",
            QuestionType::ShortText => "short text",
            QuestionType::Cloze => "fill in the blanks",
            QuestionType::SpotError => "spot the error",
        }
    }

    /// The fields that belong to this type, beyond the ones every question has.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            QuestionType::Single | QuestionType::Multiple => &["choices", "answer"],
            QuestionType::TrueFalse => &["answer"],
            QuestionType::Ordering => &["items"],
            QuestionType::Matching => &["pairs"],
            QuestionType::Numeric => &["answer", "tolerance", "unit"],
            QuestionType::ShortText => &["answer", "accept", "typos"],
            QuestionType::Cloze => &["text", "blanks"],
            QuestionType::SpotError => &["parts", "wrong", "errors"],
        }
    }

    /// Every type's name, joined for a message: "single, multiple, …".
    pub fn all_names() -> String {
        Self::ALL.map(QuestionType::name).join(", ")
    }
}

impl std::fmt::Display for QuestionType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_reads_back_from_its_name() {
        for t in QuestionType::ALL {
            assert_eq!(QuestionType::from_name(t.name()), Some(t));
        }
        assert_eq!(QuestionType::from_name("essay"), None);
    }

    #[test]
    fn no_list_is_longer_than_max_list() {
        for range in [
            CHOICES,
            ORDERING_ITEMS,
            MATCHING_PAIRS,
            CLAIM_PARTS,
            BLANK_OPTIONS,
        ] {
            assert!(*range.end() <= MAX_LIST);
        }
    }
}
