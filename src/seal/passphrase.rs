//! A teacher's passphrase before sealing: long enough, typed the same twice, and a rough
//! strength in words. The key derivation makes each guess slow; only length and variety make
//! the guesses many.

/// The fewest characters a passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// How hard a passphrase looks to guess, from its length and the kinds of characters in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Shorter than [`MIN_PASSPHRASE_CHARS`]: refused.
    TooShort,
    Weak,
    Fair,
    Strong,
}

impl Strength {
    /// The hint shown under the passphrase field.
    pub fn hint(self) -> &'static str {
        match self {
            Strength::TooShort => {
                "Too short: use at least 12 characters. Four or five random words are strong and easy to type."
            }
            Strength::Weak => {
                "Weak: it repeats itself or mixes few kinds of characters. Add words, or make it longer."
            }
            Strength::Fair => "Fair: a few more words would make it strong.",
            Strength::Strong => "Strong.",
        }
    }
}

/// A rough estimate in bits: each character worth the size of the alphabet its kinds of
/// characters span (lowercase, uppercase, digits, punctuation and space, anything else),
/// counted only over distinct characters beyond a few repeats. Rough on purpose: it catches
/// the short and the repetitive, and says so; it cannot see a quotation or a birthday.
fn estimated_bits(passphrase: &str) -> f64 {
    let chars: Vec<char> = passphrase.chars().collect();
    let mut pool = 0u32;
    if chars.iter().any(char::is_ascii_lowercase) {
        pool += 26;
    }
    if chars.iter().any(char::is_ascii_uppercase) {
        pool += 26;
    }
    if chars.iter().any(char::is_ascii_digit) {
        pool += 10;
    }
    if chars.iter().any(|c| c.is_ascii_punctuation() || *c == ' ') {
        pool += 33;
    }
    if chars.iter().any(|c| !c.is_ascii()) {
        pool += 100;
    }
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    // A character typed again adds little: count at most three uses of each.
    let effective = chars.len().min(distinct.len() * 3);
    effective as f64 * f64::from(pool.max(1)).log2()
}

/// How strong `passphrase` looks (as typed: spaces count, nothing is trimmed).
pub fn strength(passphrase: &str) -> Strength {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Strength::TooShort;
    }
    match estimated_bits(passphrase) {
        b if b >= 80.0 => Strength::Strong,
        b if b >= 60.0 => Strength::Fair,
        _ => Strength::Weak,
    }
}

/// Why the passphrase and its repetition cannot seal an exam, if they cannot.
pub fn passphrase_problem(passphrase: &str, again: &str) -> Option<&'static str> {
    if strength(passphrase) == Strength::TooShort {
        Some("The passphrase is too short: use at least 12 characters.")
    } else if passphrase != again {
        Some("The two passphrases differ: type the same passphrase twice.")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passphrases_are_refused_and_repeats_count_little() {
        assert_eq!(strength("abcdefghijk"), Strength::TooShort, "11 characters");
        // 12 lowercase letters: 12 × log2(26) ≈ 56.4 bits.
        assert_eq!(strength("abcdefghijkl"), Strength::Weak);
        // "aaaa…" (20 × 'a') counts 3 characters: 3 × 4.7 bits.
        assert_eq!(strength(&"a".repeat(20)), Strength::Weak);
    }

    #[test]
    fn four_random_words_are_strong_and_a_mixed_sixteen_is_fair_or_better() {
        // 25 characters over lowercase and space (26 + 33 = 59 symbols, log2 59 ≈ 5.88 bits
        // each): ≈ 147 bits; 14 distinct characters × 3 = 42 ≥ 25, so no repeat is discounted.
        assert_eq!(strength("violet otter lamp harbour"), Strength::Strong);
        // 12 characters over lower, upper and digits (62 symbols): 12 × 5.95 ≈ 71 bits.
        assert_eq!(strength("Tr0ub4dor3xQ"), Strength::Fair);
    }

    proptest::proptest! {
        /// Whatever is typed (any Unicode, any length): no panic, a strength, and a problem
        /// exactly when it is too short or the two differ.
        #[test]
        fn any_typed_passphrase_is_rated_without_panicking(
            pass in "\\PC{0,40}",
            other in "\\PC{0,40}",
        ) {
            let short = pass.chars().count() < MIN_PASSPHRASE_CHARS;
            proptest::prop_assert_eq!(strength(&pass) == Strength::TooShort, short);
            proptest::prop_assert_eq!(passphrase_problem(&pass, &pass).is_some(), short);
            proptest::prop_assert_eq!(
                passphrase_problem(&pass, &other).is_none(),
                !short && pass == other
            );
        }
    }

    #[test]
    fn the_two_passphrases_must_match() {
        assert_eq!(
            passphrase_problem("violet otter lamp", "violet otter lamp"),
            None
        );
        assert!(passphrase_problem("violet otter lamp", "violet otter lamb").is_some());
        assert!(passphrase_problem("short", "short").is_some());
    }
}
