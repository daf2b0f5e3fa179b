//! Matching typed answers: case, diacritics, punctuation and spacing are ignored, and a
//! documented number of typing slips may be forgiven.

use crate::bank::TextAnswer;
use crate::text::{edit_distance, fold_for_matching as normalize};

/// Whether `typed` matches the canonical answer or an alternative.
///
/// With `typos = N`, an answer within N edits counts, but only against accepted answers at
/// least `5 × N` characters long (after normalising), and never when a digit differs, so
/// years, numbers and short names stay exact.
pub fn matches(answer: &TextAnswer, typed: &str) -> bool {
    let typed = normalize(typed);
    if typed.is_empty() {
        return false;
    }
    std::iter::once(&answer.canonical)
        .chain(&answer.accept)
        .map(|accepted| normalize(accepted))
        .any(|accepted| {
            accepted == typed
                || (answer.typos > 0
                    && accepted.chars().count() >= 5 * usize::from(answer.typos)
                    && digits(&accepted) == digits(&typed)
                    && edit_distance(&accepted, &typed) <= usize::from(answer.typos))
        })
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(canonical: &str, accept: &[&str], typos: u8) -> TextAnswer {
        TextAnswer {
            canonical: canonical.into(),
            accept: accept.iter().map(|s| s.to_string()).collect(),
            typos,
        }
    }

    #[test]
    fn typed_answers_match_alternatives_and_forgive_allowed_typos() {
        let a = answer("Primakov", &["Yevgeny Primakov"], 1);
        assert!(matches(&a, "primakov"));
        assert!(matches(&a, "YEVGENY PRIMAKOV."));
        assert!(matches(&a, "Primakow"));
        assert!(!matches(&a, "Primkaow"));
        assert!(!matches(&a, ""));
        assert!(!matches(&a, "  ...  "));
    }

    #[test]
    fn short_answers_and_digits_get_no_typo_allowance() {
        let year = answer("1997", &[], 1);
        assert!(matches(&year, "1997"));
        assert!(!matches(&year, "1998"), "a digit slip is a different year");
        let dated = answer("Helsinki 1997", &[], 1);
        assert!(matches(&dated, "Helsinky 1997"));
        assert!(!matches(&dated, "Helsinki 1998"));
        let paris = answer("Paris", &[], 1);
        assert!(matches(&paris, "Pariss"), "5 letters ≥ 5 × 1");
        let nrc = answer("NRC", &[], 1);
        assert!(!matches(&nrc, "NRX"));
        let exact = answer("Primakov", &[], 0);
        assert!(!matches(&exact, "Primakow"));
    }
}
