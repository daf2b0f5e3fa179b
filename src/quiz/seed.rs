//! Quiz seeds: short texts that travel in a URL and reproduce a quiz exactly.

use serde::{Deserialize, Serialize};

/// A seed as the learner sees it (`k3f9x2qa`, or any text a teacher chooses, like `exam-1`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Seed(String);

impl Seed {
    pub const MAX_LEN: usize = 32;

    /// A seed from URL text: 1–32 letters, digits, '-' or '_'.
    pub fn parse(text: &str) -> Option<Seed> {
        let ok = !text.is_empty()
            && text.len() <= Self::MAX_LEN
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        ok.then(|| Seed(text.to_string()))
    }

    /// A fresh seed from random bits (the caller supplies them): eight base-36 characters.
    pub fn from_random(bits: u64) -> Seed {
        const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut n = bits;
        let text = (0..8)
            .map(|_| {
                let c = DIGITS[(n % 36) as usize] as char;
                n /= 36;
                c
            })
            .collect();
        Seed(text)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number that seeds the random generator: 64-bit FNV-1a of the text, stable forever.
    pub fn value(&self) -> u64 {
        self.0.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    }
}

impl TryFrom<String> for Seed {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Seed::parse(&text).ok_or_else(|| format!("\"{text}\" is not a valid seed"))
    }
}

impl From<Seed> for String {
    fn from(seed: Seed) -> String {
        seed.0
    }
}

impl std::fmt::Display for Seed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_accept_url_safe_text_only() {
        assert!(Seed::parse("exam-1_B").is_some());
        assert!(Seed::parse("").is_none());
        assert!(Seed::parse("has space").is_none());
        assert!(Seed::parse("ä").is_none());
        assert!(Seed::parse(&"x".repeat(33)).is_none());
    }

    #[test]
    fn seed_value_is_fnv1a_and_never_changes() {
        // FNV-1a 64 of "a" is a published test vector.
        assert_eq!(Seed::parse("a").unwrap().value(), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn random_seeds_are_eight_base36_characters() {
        let seed = Seed::from_random(u64::MAX);
        assert_eq!(seed.as_str().len(), 8);
        assert!(Seed::parse(seed.as_str()).is_some());
        assert_ne!(Seed::from_random(1), Seed::from_random(2));
    }
}
