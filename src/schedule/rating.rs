//! From a quiz answer's credit to an FSRS rating.

use super::scheduler::Rating;

/// The rating for an answer that earned `thousandths` of full credit (`Credit::thousandths`):
///
/// - 0 (wrong) → `Again`;
/// - 1..=999 (partly right) → `Hard`;
/// - 1000 (fully right) → `Good`; values above 1000 count as full credit.
///
/// `Easy` is never produced from a quiz answer: a score cannot tell "right, with effort" from
/// "right, effortlessly", and claiming Easy would stretch intervals on no evidence.
pub fn rating_for_credit(thousandths: u16) -> Rating {
    match thousandths {
        0 => Rating::Again,
        1..=999 => Rating::Hard,
        _ => Rating::Good,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_answer_is_again() {
        assert_eq!(rating_for_credit(0), Rating::Again);
    }

    #[test]
    fn partial_credit_is_hard() {
        for t in [1, 333, 667, 999] {
            assert_eq!(rating_for_credit(t), Rating::Hard);
        }
    }

    #[test]
    fn full_credit_is_good_and_never_easy() {
        assert_eq!(rating_for_credit(1000), Rating::Good);
        assert_eq!(rating_for_credit(u16::MAX), Rating::Good);
    }
}
