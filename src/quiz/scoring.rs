//! Scoring: every response earns a credit between 0 and 1 (see `credit`).
//! The rules per type are written down in docs/question-format.md.

use super::credit::Credit;
use super::response::Response;
use super::text_match;
use crate::bank::{Blank, QuestionKind};

/// Picks from a list where some entries are right: (right picks − wrong picks) / rights, ≥ 0.
fn picks_credit(picks: &[usize], rights: &[usize]) -> Credit {
    let hits = picks.iter().filter(|p| rights.contains(p)).count();
    let misses = picks.len() - hits;
    Credit::ratio(hits.saturating_sub(misses), rights.len())
}

/// The share of item pairs the learner put in the right relative order.
fn order_credit(order: &[usize]) -> Credit {
    let n = order.len();
    let pairs = n * (n.saturating_sub(1)) / 2;
    if pairs == 0 {
        return Credit::FULL;
    }
    let concordant = (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .filter(|&(i, j)| order[i] < order[j])
        .count();
    Credit::ratio(concordant, pairs)
}

/// Score a response. A response that does not fit the question scores 0; the session
/// refuses such responses before they get here.
pub fn score(kind: &QuestionKind, response: &Response) -> Credit {
    if !response.fits(kind) {
        return Credit::ZERO;
    }
    let all_or_nothing = |right: bool| if right { Credit::FULL } else { Credit::ZERO };
    match (kind, response) {
        (QuestionKind::SingleChoice { answer, .. }, Response::Choice(i)) => {
            all_or_nothing(i == answer)
        }
        (QuestionKind::MultipleSelect { answers, .. }, Response::Choices(picks)) => {
            picks_credit(picks, answers)
        }
        (QuestionKind::TrueFalse { answer }, Response::Bool(b)) => all_or_nothing(b == answer),
        (QuestionKind::Ordering { .. }, Response::Order(order)) => order_credit(order),
        (QuestionKind::Matching { lefts, .. }, Response::Pairs(pairs)) => {
            let right = pairs
                .iter()
                .enumerate()
                .filter(|(left, r)| **r == Some(*left))
                .count();
            Credit::ratio(right, lefts.len())
        }
        (
            QuestionKind::Numeric {
                answer, tolerance, ..
            },
            Response::Number(x),
        ) => {
            // A hair of slack so that 0.1 + 0.2-style float noise never flips a result.
            all_or_nothing((x - answer).abs() <= tolerance + 1e-9)
        }
        (QuestionKind::ShortText { answer }, Response::Text(t)) => {
            all_or_nothing(text_match::matches(answer, t))
        }
        (QuestionKind::Cloze { blanks, .. }, Response::Blanks(filled)) => {
            let right = blanks
                .iter()
                .zip(filled)
                .filter(|(blank, text)| match blank {
                    Blank::Typed(answer) => text_match::matches(answer, text),
                    Blank::Choice { options, answer } => options[*answer] == **text,
                })
                .count();
            Credit::ratio(right, blanks.len())
        }
        (QuestionKind::SpotError { wrong, .. }, Response::Parts(picks)) => {
            picks_credit(picks, wrong)
        }
        _ => Credit::ZERO,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::TextAnswer;
    use proptest::prelude::*;

    fn choices(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("c{i}")).collect()
    }

    fn ordering(n: usize) -> QuestionKind {
        QuestionKind::Ordering { items: choices(n) }
    }

    #[test]
    fn single_choice_is_all_or_nothing() {
        let q = QuestionKind::SingleChoice {
            choices: choices(4),
            answer: 2,
        };
        assert_eq!(score(&q, &Response::Choice(2)), Credit::FULL);
        assert_eq!(score(&q, &Response::Choice(1)), Credit::ZERO);
        assert_eq!(
            score(&q, &Response::Choice(9)),
            Credit::ZERO,
            "out of range never scores"
        );
        assert_eq!(
            score(&q, &Response::Bool(true)),
            Credit::ZERO,
            "wrong variant never scores"
        );
    }

    #[test]
    fn multiple_select_subtracts_wrong_ticks() {
        let q = QuestionKind::MultipleSelect {
            choices: choices(5),
            answers: vec![0, 1, 2],
        };
        assert_eq!(score(&q, &Response::Choices(vec![0, 1, 2])), Credit::FULL);
        // 2 right of 3: 2/3.
        assert_eq!(score(&q, &Response::Choices(vec![0, 1])).thousandths(), 667);
        // 3 right, 1 wrong: (3 − 1) / 3.
        assert_eq!(
            score(&q, &Response::Choices(vec![0, 1, 2, 3])).thousandths(),
            667
        );
        // Everything ticked: (3 − 2) / 3.
        assert_eq!(
            score(&q, &Response::Choices(vec![0, 1, 2, 3, 4])).thousandths(),
            333
        );
        assert_eq!(score(&q, &Response::Choices(vec![3, 4])), Credit::ZERO);
        assert_eq!(
            score(&q, &Response::Choices(vec![])),
            Credit::ZERO,
            "an empty pick does not fit"
        );
    }

    #[test]
    fn true_false_is_all_or_nothing() {
        let q = QuestionKind::TrueFalse { answer: false };
        assert_eq!(score(&q, &Response::Bool(false)), Credit::FULL);
        assert_eq!(score(&q, &Response::Bool(true)), Credit::ZERO);
    }

    #[test]
    fn ordering_credits_the_share_of_pairs_in_order() {
        let q = ordering(4);
        assert_eq!(score(&q, &Response::Order(vec![0, 1, 2, 3])), Credit::FULL);
        assert_eq!(score(&q, &Response::Order(vec![3, 2, 1, 0])), Credit::ZERO);
        // One adjacent swap breaks 1 of 6 pairs: 5/6.
        assert_eq!(
            score(&q, &Response::Order(vec![1, 0, 2, 3])).thousandths(),
            833
        );
        assert_eq!(
            score(&q, &Response::Order(vec![0, 1, 1, 3])),
            Credit::ZERO,
            "not a permutation"
        );
    }

    #[test]
    fn matching_credits_each_right_pair() {
        let q = QuestionKind::Matching {
            lefts: choices(3),
            rights: choices(3),
        };
        assert_eq!(
            score(&q, &Response::Pairs(vec![Some(0), Some(1), Some(2)])),
            Credit::FULL
        );
        assert_eq!(
            score(&q, &Response::Pairs(vec![Some(0), Some(2), Some(1)])).thousandths(),
            333
        );
        assert_eq!(
            score(&q, &Response::Pairs(vec![Some(0), None, None])).thousandths(),
            333
        );
    }

    #[test]
    fn numeric_allows_the_tolerance_and_no_more() {
        let q = QuestionKind::Numeric {
            answer: 1997.0,
            tolerance: 1.0,
            unit: None,
        };
        assert_eq!(score(&q, &Response::Number(1998.0)), Credit::FULL);
        assert_eq!(score(&q, &Response::Number(1996.0)), Credit::FULL);
        assert_eq!(score(&q, &Response::Number(1999.0)), Credit::ZERO);
        let exact = QuestionKind::Numeric {
            answer: 0.3,
            tolerance: 0.0,
            unit: None,
        };
        assert_eq!(score(&exact, &Response::Number(0.1 + 0.2)), Credit::FULL);
    }

    #[test]
    fn cloze_credits_each_blank() {
        let q = QuestionKind::Cloze {
            pieces: vec![],
            blanks: vec![
                Blank::Typed(TextAnswer {
                    canonical: "Paris".into(),
                    accept: vec![],
                    typos: 0,
                }),
                Blank::Choice {
                    options: vec!["1991".into(), "1997".into()],
                    answer: 1,
                },
            ],
        };
        assert_eq!(
            score(&q, &Response::Blanks(vec!["paris".into(), "1997".into()])),
            Credit::FULL
        );
        assert_eq!(
            score(&q, &Response::Blanks(vec!["Rome".into(), "1997".into()])).thousandths(),
            500
        );
        assert_eq!(
            score(&q, &Response::Blanks(vec!["".into(), "".into()])),
            Credit::ZERO
        );
    }

    #[test]
    fn spot_error_scores_like_multiple_select() {
        let q = QuestionKind::SpotError {
            parts: choices(3),
            wrong: vec![1],
        };
        assert_eq!(score(&q, &Response::Parts(vec![1])), Credit::FULL);
        assert_eq!(score(&q, &Response::Parts(vec![0, 1])), Credit::ZERO);
        assert_eq!(score(&q, &Response::Parts(vec![2])), Credit::ZERO);
    }

    fn permutation(n: usize) -> impl Strategy<Value = Vec<usize>> {
        Just((0..n).collect::<Vec<_>>()).prop_shuffle()
    }

    proptest! {
        #[test]
        fn ordering_scores_stay_in_range_and_never_beat_perfect(order in (3usize..=6).prop_flat_map(permutation)) {
            let q = ordering(order.len());
            let credit = score(&q, &Response::Order(order.clone()));
            prop_assert!(credit <= Credit::FULL);
            let perfect = score(&q, &Response::Order((0..order.len()).collect()));
            prop_assert_eq!(perfect, Credit::FULL);
            let sorted = order.windows(2).all(|w| w[0] < w[1]);
            prop_assert_eq!(credit.is_full(), sorted);
        }

        #[test]
        fn reversing_an_order_mirrors_its_credit(order in (3usize..=6).prop_flat_map(permutation)) {
            let q = ordering(order.len());
            let forward = score(&q, &Response::Order(order.clone())).thousandths() as i32;
            let reversed: Vec<usize> = order.iter().rev().copied().collect();
            let backward = score(&q, &Response::Order(reversed)).thousandths() as i32;
            // Every pair in order one way is out of order the other way (± rounding).
            prop_assert!((forward + backward - 1000).abs() <= 1);
        }

        #[test]
        fn multiple_select_credit_is_bounded_and_full_only_when_exact(
            picks in proptest::collection::btree_set(0usize..6, 1..=6),
            rights in proptest::collection::btree_set(0usize..6, 1..=6),
        ) {
            let q = QuestionKind::MultipleSelect { choices: choices(6), answers: rights.iter().copied().collect() };
            let credit = score(&q, &Response::Choices(picks.iter().copied().collect()));
            prop_assert!(credit <= Credit::FULL);
            prop_assert_eq!(credit.is_full(), picks == rights);
        }
    }
}
