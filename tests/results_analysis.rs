//! Item analysis of class results: golden values on a small made-up class derived by hand,
//! the edge cases that have no answer (one student, no spread), input that does not fit,
//! the CSV exports, a property test over random matrices, and the speed of a large class.

use std::time::{Duration, Instant};

use accord::results::analysis::{
    Analysis, AttemptScores, CategoryCount, Consistency, GradebookRow, ItemFlag, ItemInfo,
    ItemScore, ScoreMatrix, analyse, gradebook_csv, item_analysis_csv, response_counts_csv,
    test_summary_csv,
};
use proptest::prelude::*;

fn close(actual: Option<f64>, expected: f64) -> bool {
    actual.is_some_and(|a| (a - expected).abs() < 1e-12)
}

macro_rules! assert_close {
    ($actual:expr, $expected:expr) => {{
        let (actual, expected): (Option<f64>, f64) = ($actual, $expected);
        assert!(
            close(actual, expected),
            "{} is {actual:?}, expected {expected}",
            stringify!($actual)
        );
    }};
}

fn item(id: &str, topic: &str, max_points: f64, categories: &[&str]) -> ItemInfo {
    ItemInfo {
        id: id.to_string(),
        topic: topic.to_string(),
        max_points,
        categories: categories.iter().map(|c| c.to_string()).collect(),
    }
}

fn attempt(items: Vec<ItemScore>) -> AttemptScores {
    AttemptScores { items }
}

const UNANSWERED: fn() -> ItemScore = ItemScore::unanswered;

/// Five students, four questions:
///
/// | student | q1 capital (1)  | q2 treaty T/F (1) | q3 river (1)   | q4 order (2) | total |
/// |---------|-----------------|-------------------|----------------|--------------|-------|
/// | Ada     | Paris ✓ 1       | True ✓ 1          | Rhine ✓ 1      | 2            | 5     |
/// | Ben     | Paris ✓ 1       | True ✓ 1          | Danube ✗ 0     | 2            | 4     |
/// | Cleo    | Paris ✓ 1       | False ✗ 0         | Rhine ✓ 1      | 1 (partial)  | 3     |
/// | Dev     | Lyon ✗ 0        | True ✓ 1          | Seine ✗ 0      | 1 (partial)  | 2     |
/// | Eli     | — unanswered 0  | False ✗ 0         | — unanswered 0 | 0            | 0     |
///
/// Topics: q1 and q3 are "places" (2 points), q2 and q4 are "dates" (3 points).
fn class_items() -> Vec<ItemInfo> {
    vec![
        item("q1-capital", "places", 1.0, &["Paris", "Lyon", "Nice"]),
        item("q2-treaty", "dates", 1.0, &["True", "False"]),
        item("q3-river", "places", 1.0, &["Rhine", "Danube", "Seine"]),
        item("q4-order", "dates", 2.0, &[]),
    ]
}

fn class_attempts() -> Vec<AttemptScores> {
    use ItemScore as S;
    vec![
        attempt(vec![
            S::picked(1.0, 0),
            S::picked(1.0, 0),
            S::picked(1.0, 0),
            S::points(2.0),
        ]),
        attempt(vec![
            S::picked(1.0, 0),
            S::picked(1.0, 0),
            S::picked(0.0, 1),
            S::points(2.0),
        ]),
        attempt(vec![
            S::picked(1.0, 0),
            S::picked(0.0, 1),
            S::picked(1.0, 0),
            S::points(1.0),
        ]),
        attempt(vec![
            S::picked(0.0, 1),
            S::picked(1.0, 0),
            S::picked(0.0, 2),
            S::points(1.0),
        ]),
        attempt(vec![
            UNANSWERED(),
            S::picked(0.0, 1),
            UNANSWERED(),
            S::points(0.0),
        ]),
    ]
}

fn class() -> ScoreMatrix {
    ScoreMatrix {
        items: class_items(),
        attempts: class_attempts(),
    }
}

/// The class with a fifth 1-point question in topic "extra", scored per student.
fn class_with_fifth(scores: [Option<f64>; 5]) -> ScoreMatrix {
    let mut m = class();
    m.items.push(item("q5-extra", "extra", 1.0, &["A", "B"]));
    for (attempt, score) in m.attempts.iter_mut().zip(scores) {
        attempt.items.push(ItemScore {
            points: score,
            categories: Vec::new(),
        });
    }
    m
}

fn stats<'a>(analysis: &'a Analysis, id: &str) -> &'a accord::results::analysis::ItemStats {
    analysis.items.iter().find(|i| i.id == id).unwrap()
}

// --- the whole test ------------------------------------------------------------------------

#[test]
fn the_class_mean_median_spread_and_range_are_as_derived_by_hand() {
    let a = analyse(&class());
    let t = &a.test;
    assert_eq!(t.attempts, 5);
    assert_eq!(t.items, 4);
    // 1 + 1 + 1 + 2.
    assert_eq!(t.max_possible, 5.0);
    // Totals 5, 4, 3, 2, 0: mean 14/5.
    assert_close!(t.mean, 2.8);
    assert_close!(t.median, 3.0);
    // Deviations 2.2, 1.2, 0.2, −0.8, −2.8; squares add up to 14.8; / (5 − 1) = 3.7.
    assert_close!(t.standard_deviation, 3.7f64.sqrt());
    assert_close!(t.standard_deviation, 1.9235384061671346);
    assert_eq!(t.min, Some(0.0));
    assert_eq!(t.max, Some(5.0));
    assert!(a.problems.is_empty());
}

#[test]
fn the_class_coefficient_of_internal_consistency_error_ratio_and_standard_error_are_as_derived() {
    let t = analyse(&class()).test;
    // Item variances 0.3, 0.3, 0.3, 0.7 (below) add up to 1.6; var(T) = 3.7.
    // α = 4/3 · (1 − 1.6/3.7) = 4/3 · 2.1/3.7 = 28/37.
    assert_close!(t.internal_consistency, 28.0 / 37.0);
    assert_close!(t.internal_consistency, 0.7567567567567568);
    // ER = √(1 − 28/37) = √(9/37) = 3/√37.
    assert_close!(t.error_ratio, 3.0 / 37f64.sqrt());
    // SE = ER · SD = √(9/37 · 37/10) = √0.9.
    assert_close!(t.standard_error, 0.9f64.sqrt());
    // 75.7 % is above Moodle's 75 %.
    assert_eq!(t.consistency_verdict(), Some(Consistency::Satisfactory));
}

#[test]
fn the_class_histogram_puts_each_percentage_in_its_tenth_and_full_marks_in_the_last() {
    let t = analyse(&class()).test;
    // 5/5 = 100 % (last bin), 4/5 = 80 %, 3/5 = 60 %, 2/5 = 40 %, 0 %.
    assert_eq!(t.histogram.counts, [1, 0, 0, 0, 1, 0, 1, 0, 1, 1]);
    let bins: Vec<_> = t.histogram.bins().collect();
    assert_eq!(bins[0], (0, 10, 1));
    assert_eq!(bins[9], (90, 100, 1));
    assert_eq!(t.histogram.total(), 5);
}

#[test]
fn the_dichotomous_part_of_the_class_has_the_kr20_of_its_p_and_q() {
    // q1–q3 only (each 0 or 1): totals 3, 2, 2, 1, 0.
    let mut m = class();
    m.items.truncate(3);
    for a in &mut m.attempts {
        a.items.truncate(3);
    }
    let t = analyse(&m).test;
    // KR-20 = k/(k−1) · (1 − Σ p·q / σ²) with the population variance σ² of the totals:
    // p = 0.6, 0.6, 0.4 so Σ p·q = 3 · 0.24 = 0.72; totals' mean 1.6, squared deviations
    // 1.96 + 0.16 + 0.16 + 0.36 + 2.56 = 5.2, σ² = 5.2/5 = 1.04.
    // KR-20 = 3/2 · (1 − 0.72/1.04) = 3/2 · 4/13 = 6/13, which α must equal.
    assert_close!(t.internal_consistency, 6.0 / 13.0);
    // 46 % is below Moodle's 64 %.
    assert_eq!(t.consistency_verdict(), Some(Consistency::Unsatisfactory));
}

// --- each question -------------------------------------------------------------------------

#[test]
fn a_dichotomous_question_has_its_facility_point_biserial_and_efficiency() {
    let a = analyse(&class());
    let q1 = stats(&a, "q1-capital");
    // x = 1, 1, 1, 0, 0: facility 3/5.
    assert_close!(q1.facility, 0.6);
    assert_close!(q1.mean, 0.6);
    // Σ(x − 0.6)² = 3 · 0.16 + 2 · 0.36 = 1.2; / 4 = 0.3.
    assert_close!(q1.standard_deviation, 0.3f64.sqrt());
    assert_close!(q1.standard_deviation_of_max(), 0.5477225575051661);
    // Rest R = T − x = 4, 3, 2, 2, 0 (mean 2.2): Σ(R − 2.2)² = 8.8;
    // Σ(x − 0.6)(R − 2.2) = 0.72 + 0.32 − 0.08 + 0.12 + 1.32 = 2.4.
    // D = 2.4 / √(1.2 · 8.8) = 2.4 / √10.56.
    assert_close!(q1.discrimination, 2.4 / 10.56f64.sqrt());
    assert_close!(q1.discrimination, 0.7385489458759964);
    // Sorted, x = 0, 0, 1, 1, 1 pairs with R = 0, 2, 2, 3, 4: the same pairing, so the most
    // the covariance could be is what it is: E = 1.
    assert_close!(q1.discriminative_efficiency, 1.0);
    assert!(q1.flags.is_empty());

    let q2 = stats(&a, "q2-treaty");
    // x = 1, 1, 0, 1, 0; R = 4, 3, 3, 1, 0 (mean 2.2): Σ(x − 0.6)² = 1.2,
    // Σ(R − 2.2)² = 3.24 + 0.64 + 0.64 + 1.44 + 4.84 = 10.8,
    // Σ(x − 0.6)(R − 2.2) = 0.72 + 0.32 − 0.48 − 0.48 + 1.32 = 1.4.
    // D = 1.4 / √(1.2 · 10.8) = 1.4 / 3.6 = 7/18.
    assert_close!(q2.facility, 0.6);
    assert_close!(q2.discrimination, 7.0 / 18.0);
    // Sorted: x = 0, 0, 1, 1, 1 with R = 0, 1, 3, 3, 4: Σ x·R = 10, minus 5 · 0.6 · 2.2 = 6.6,
    // leaves 3.4; E = 1.4 / 3.4 = 7/17.
    assert_close!(q2.discriminative_efficiency, 7.0 / 17.0);

    let q3 = stats(&a, "q3-river");
    // x = 1, 0, 1, 0, 0 (unanswered counts 0); R = 4, 4, 2, 2, 0 (mean 2.4):
    // Σ(x − 0.4)² = 2 · 0.36 + 3 · 0.16 = 1.2, Σ(R − 2.4)² = 2 · 2.56 + 2 · 0.16 + 5.76 = 11.2,
    // Σ(x − 0.4)(R − 2.4) = 0.96 − 0.64 − 0.24 + 0.16 + 0.96 = 1.2; D = 1.2 / √13.44.
    assert_close!(q3.facility, 0.4);
    assert_close!(q3.discrimination, 0.32732683535398854);
    // Sorted: x = 0, 0, 0, 1, 1 with R = 0, 2, 2, 4, 4: Σ x·R = 8, minus 5 · 0.4 · 2.4 = 4.8,
    // leaves 3.2; E = 1.2 / 3.2 = 3/8.
    assert_close!(q3.discriminative_efficiency, 3.0 / 8.0);
    assert_eq!(q3.answered, 4);
}

#[test]
fn a_partial_credit_question_has_its_facility_correlation_and_spread() {
    let a = analyse(&class());
    let q4 = stats(&a, "q4-order");
    assert_eq!(q4.max_points, 2.0);
    // x = 2, 2, 1, 1, 0: mean 1.2, facility 1.2 / 2.
    assert_close!(q4.mean, 1.2);
    assert_close!(q4.facility, 0.6);
    // Σ(x − 1.2)² = 0.64 + 0.64 + 0.04 + 0.04 + 1.44 = 2.8; / 4 = 0.7.
    assert_close!(q4.standard_deviation, 0.7f64.sqrt());
    // Moodle shows it as a share of the maximum: √0.7 / 2.
    assert_close!(q4.standard_deviation_of_max(), 0.7f64.sqrt() / 2.0);
    // R = 3, 2, 2, 1, 0 (mean 1.6): Σ(R − 1.6)² = 5.2;
    // Σ(x − 1.2)(R − 1.6) = 1.12 + 0.32 − 0.08 + 0.12 + 1.92 = 3.4; D = 3.4 / √(2.8 · 5.2).
    assert_close!(q4.discrimination, 3.4 / 14.56f64.sqrt());
    assert_close!(q4.discrimination, 0.8910421112136305);
    // x and R are already in the same order: E = 1.
    assert_close!(q4.discriminative_efficiency, 1.0);
}

#[test]
fn each_choice_is_counted_including_the_one_nobody_picked_and_the_unanswered() {
    let a = analyse(&class());
    let count = |label: &str, count: usize| CategoryCount {
        label: label.to_string(),
        count,
    };
    let q1 = &stats(&a, "q1-capital").responses;
    assert_eq!(
        q1.categories,
        vec![count("Paris", 3), count("Lyon", 1), count("Nice", 0)]
    );
    assert_eq!((q1.other, q1.unanswered), (0, 1));
    let q3 = &stats(&a, "q3-river").responses;
    assert_eq!(
        q3.categories,
        vec![count("Rhine", 2), count("Danube", 1), count("Seine", 1)]
    );
    assert_eq!((q3.other, q3.unanswered), (0, 1));
    // The ordering question has no categories: every answer is "other".
    let q4 = &stats(&a, "q4-order").responses;
    assert!(q4.categories.is_empty());
    assert_eq!((q4.other, q4.unanswered), (5, 0));
}

#[test]
fn a_multiple_select_counts_every_ticked_choice_once() {
    let m = ScoreMatrix {
        items: vec![item("m", "t", 1.0, &["a", "b", "c"])],
        attempts: vec![
            attempt(vec![ItemScore {
                points: Some(1.0),
                categories: vec![0, 2, 2],
            }]),
            attempt(vec![ItemScore {
                points: Some(0.5),
                categories: vec![0, 1],
            }]),
            // No points means unanswered, whatever it says it picked.
            attempt(vec![ItemScore {
                points: None,
                categories: vec![1],
            }]),
        ],
    };
    let r = analyse(&m).items[0].responses.clone();
    let counts: Vec<usize> = r.categories.iter().map(|c| c.count).collect();
    assert_eq!(counts, vec![2, 1, 1]);
    assert_eq!((r.other, r.unanswered), (0, 1));
}

#[test]
fn topic_mastery_is_the_class_mean_share_of_each_topics_points() {
    let a = analyse(&class());
    let topics: Vec<_> = a
        .topics
        .iter()
        .map(|t| (t.topic.as_str(), t.items))
        .collect();
    assert_eq!(topics, vec![("places", 2), ("dates", 2)]);
    // places (q1 + q3, 2 points): 2 + 1 + 2 + 0 + 0 = 5 of 5 · 2.
    assert_eq!(a.topics[0].max_points, 2.0);
    assert_close!(a.topics[0].mean_share, 0.5);
    // dates (q2 + q4, 3 points): 3 + 3 + 1 + 2 + 0 = 9 of 5 · 3.
    assert_eq!(a.topics[1].max_points, 3.0);
    assert_close!(a.topics[1].mean_share, 0.6);
}

// --- edge cases ----------------------------------------------------------------------------

#[test]
fn one_student_has_a_mean_but_no_spread_correlation_or_consistency() {
    let mut m = class();
    m.attempts.truncate(1);
    let a = analyse(&m);
    let t = &a.test;
    assert_eq!(t.attempts, 1);
    assert_eq!(
        (t.mean, t.median, t.min, t.max),
        (Some(5.0), Some(5.0), Some(5.0), Some(5.0))
    );
    assert_eq!(t.standard_deviation, None);
    assert_eq!(t.internal_consistency, None);
    assert_eq!((t.error_ratio, t.standard_error), (None, None));
    assert_eq!(t.histogram.counts[9], 1);
    for i in &a.items {
        // Ada got everything right.
        assert_eq!(i.facility, Some(1.0));
        assert_eq!(i.standard_deviation, None);
        assert_eq!(i.discrimination, None);
        assert_eq!(i.discriminative_efficiency, None);
        assert_eq!(i.flags, vec![ItemFlag::VeryEasy]);
    }
}

#[test]
fn students_who_all_scored_the_same_have_zero_spread_and_no_correlation_or_consistency() {
    let mut m = class();
    let ben = m.attempts[1].clone();
    m.attempts = vec![ben.clone(), ben.clone(), ben];
    let a = analyse(&m);
    assert_eq!(a.test.standard_deviation, Some(0.0));
    assert_eq!(a.test.internal_consistency, None);
    assert_eq!(a.test.error_ratio, None);
    // 4 of 5 is 80 %.
    assert_eq!(a.test.histogram.counts[8], 3);
    for i in &a.items {
        assert_eq!(i.standard_deviation, Some(0.0));
        assert_eq!(i.discrimination, None);
        assert_eq!(i.discriminative_efficiency, None);
    }
    // Ben: q1 1, q2 1, q3 0, q4 2 (of 2).
    let facilities: Vec<_> = a.items.iter().map(|i| i.facility).collect();
    assert_eq!(facilities, vec![Some(1.0), Some(1.0), Some(0.0), Some(1.0)]);
    assert_eq!(stats(&a, "q3-river").flags, vec![ItemFlag::VeryHard]);
}

#[test]
fn a_question_nobody_answered_has_facility_zero_no_discrimination_and_is_flagged() {
    let a = analyse(&class_with_fifth([None; 5]));
    let q5 = stats(&a, "q5-extra");
    assert_eq!(q5.answered, 0);
    assert_eq!(q5.facility, Some(0.0));
    assert_eq!(q5.standard_deviation, Some(0.0));
    assert_eq!(q5.discrimination, None);
    assert_eq!(q5.discriminative_efficiency, None);
    assert_eq!(q5.flags, vec![ItemFlag::NobodyAnswered, ItemFlag::VeryHard]);
    assert_eq!(q5.responses.unanswered, 5);
    assert_eq!(
        q5.responses
            .categories
            .iter()
            .map(|c| c.count)
            .sum::<usize>(),
        0
    );
    // It still counts as a question, as in Moodle: p = 5 with the same variances,
    // α = 5/4 · (1 − 1.6/3.7) = 5/4 · 21/37 = 105/148.
    assert_close!(a.test.internal_consistency, 105.0 / 148.0);
    assert_eq!(a.test.max_possible, 6.0);
    // The other questions are untouched.
    assert_close!(stats(&a, "q1-capital").discrimination, 0.7385489458759964);
}

#[test]
fn a_question_everybody_got_right_has_facility_one_no_discrimination_and_is_flagged() {
    let a = analyse(&class_with_fifth([Some(1.0); 5]));
    let q5 = stats(&a, "q5-extra");
    assert_eq!(q5.facility, Some(1.0));
    assert_eq!(q5.standard_deviation, Some(0.0));
    assert_eq!(q5.discrimination, None);
    assert_eq!(q5.flags, vec![ItemFlag::VeryEasy]);
    // Every total moves up by 1: same spread (SD √3.7), same α as an unanswered fifth.
    assert_close!(a.test.standard_deviation, 3.7f64.sqrt());
    assert_close!(a.test.internal_consistency, 105.0 / 148.0);
    assert_close!(a.test.mean, 3.8);
    // The rest of q1 moves by a constant too: its correlation does not change.
    assert_close!(stats(&a, "q1-capital").discrimination, 0.7385489458759964);
}

#[test]
fn a_question_only_the_weakest_student_got_right_is_flagged_as_working_against_the_test() {
    let a = analyse(&class_with_fifth([
        Some(0.0),
        Some(0.0),
        Some(0.0),
        Some(0.0),
        Some(1.0),
    ]));
    let q5 = stats(&a, "q5-extra");
    // x = 0, 0, 0, 0, 1 (mean 0.2), R = 5, 4, 3, 2, 0 (mean 2.8):
    // Σ(x − 0.2)(R − 2.8) = −0.2 · (2.2 + 1.2 + 0.2 − 0.8) + 0.8 · (−2.8) = −2.8,
    // Σ(x − 0.2)² = 0.8, Σ(R − 2.8)² = 14.8: D = −2.8 / √11.84.
    assert_close!(q5.discrimination, -2.8 / 11.84f64.sqrt());
    // Sorted: x = 0, 0, 0, 0, 1 with R = 0, 2, 3, 4, 5: Σ x·R = 5, minus 5 · 0.2 · 2.8 = 2.8,
    // leaves 2.2: E = −2.8 / 2.2 = −14/11, below −1 as the docs warn.
    assert_close!(q5.discriminative_efficiency, -14.0 / 11.0);
    assert_eq!(
        q5.flags,
        vec![ItemFlag::NegativeDiscrimination, ItemFlag::LowEfficiency]
    );
}

#[test]
fn an_empty_class_gives_no_numbers_and_no_panic() {
    let a = analyse(&ScoreMatrix::default());
    assert_eq!(a.test.attempts, 0);
    assert_eq!((a.test.mean, a.test.median, a.test.min), (None, None, None));
    assert!(a.items.is_empty() && a.topics.is_empty());
    assert_eq!(a.test.histogram.total(), 0);

    let a = analyse(&ScoreMatrix {
        items: class_items(),
        attempts: Vec::new(),
    });
    assert_eq!(a.items[0].facility, None);
    assert_eq!(a.items[0].mean, None);
    assert!(a.items[0].flags.is_empty());
    assert_eq!(a.topics[0].mean_share, None);
}

#[test]
fn rows_of_the_wrong_length_scores_out_of_range_and_unusable_maxima_are_reported_and_survived() {
    let m = ScoreMatrix {
        items: vec![
            item("ok", "t", 1.0, &["a"]),
            item("nan-max", "t", f64::NAN, &[]),
            item("zero-max", "t", 0.0, &[]),
            item("huge-max", "t", 1e9, &[]),
        ],
        attempts: vec![
            // Too short: the last three count as unanswered.
            attempt(vec![ItemScore::picked(1.0, 0)]),
            // Too long; 1.5 of 1 is clamped to 1, an unknown category counts as other.
            attempt(vec![
                ItemScore::picked(1.5, 7),
                ItemScore::points(3.0),
                ItemScore::points(f64::INFINITY),
                ItemScore::points(-4.0),
                ItemScore::points(1.0),
            ]),
            attempt(vec![
                ItemScore::points(f64::NAN),
                UNANSWERED(),
                UNANSWERED(),
                UNANSWERED(),
            ]),
        ],
    };
    let a = analyse(&m);
    assert_eq!(a.problems.misshapen_attempts, vec![0, 1]);
    assert_eq!(a.problems.unusable_items, vec![1, 2, 3]);
    // 1.5 → 1, NaN → 0; and 3, ∞, −4 on items whose maximum is 0.
    assert_eq!(a.problems.clamped_scores, 5);
    assert_eq!(a.problems.unknown_categories, 1);
    assert!(!a.problems.too_large);
    let ok = stats(&a, "ok");
    // 1, 1, 0.
    assert_close!(ok.facility, 2.0 / 3.0);
    assert_eq!(ok.responses.categories[0].count, 1);
    assert_eq!((ok.responses.other, ok.responses.unanswered), (2, 0));
    for id in ["nan-max", "zero-max", "huge-max"] {
        let s = stats(&a, id);
        assert_eq!(s.max_points, 0.0);
        assert_eq!(s.facility, None);
        assert!(s.flags.contains(&ItemFlag::UnusableMaximum));
    }
    assert_eq!(a.test.max_possible, 1.0);
    assert_eq!(a.test.max, Some(1.0));
}

#[test]
fn percentages_on_a_bin_edge_go_up_exactly_and_full_marks_stay_in_the_last_bin() {
    // Three 1-point questions; totals 0.9 (30 %), 0.3 (10 %), 0.29 (9.67 %), 2.7 (90 %),
    // 2.69 (89.7 %), 3 (100 %). In floating point 0.1 + 0.2 is not 0.3; here it is.
    let items = vec![
        item("a", "t", 1.0, &[]),
        item("b", "t", 1.0, &[]),
        item("c", "t", 1.0, &[]),
    ];
    let row = |a: f64, b: f64, c: f64| {
        attempt(vec![
            ItemScore::points(a),
            ItemScore::points(b),
            ItemScore::points(c),
        ])
    };
    let m = ScoreMatrix {
        items,
        attempts: vec![
            row(0.3, 0.3, 0.3),
            row(0.1, 0.2, 0.0),
            row(0.09, 0.2, 0.0),
            row(0.9, 0.9, 0.9),
            row(0.9, 0.9, 0.89),
            row(1.0, 1.0, 1.0),
        ],
    };
    let h = analyse(&m).test.histogram;
    assert_eq!(h.counts, [1, 1, 0, 1, 0, 0, 0, 0, 1, 2]);
}

#[test]
fn the_median_of_an_even_class_is_the_mean_of_the_middle_two() {
    let mut m = class();
    m.attempts.pop();
    // Totals 5, 4, 3, 2: (4 + 3) / 2.
    assert_close!(analyse(&m).test.median, 3.5);
}

// --- CSV -----------------------------------------------------------------------------------

fn row(student: &str, score: f64, flags: &[&str]) -> GradebookRow {
    GradebookRow {
        student: student.to_string(),
        score,
        max_score: 5.0,
        time_used_seconds: Some(754),
        handed_in_at: "2025-03-12T10:15:00+01:00".to_string(),
        attempt: 1,
        flags: flags.iter().map(|f| f.to_string()).collect(),
    }
}

#[test]
fn the_gradebook_csv_quotes_what_needs_quoting_and_defuses_formulas() {
    let rows = vec![
        row("Ada Lovelace", 5.0, &[]),
        row(
            "Smith, \"Ben\"",
            3.0 + 2.0 / 3.0,
            &["time ran out", "conditions differ"],
        ),
        row("=HYPERLINK(\"http://x\")", 0.0, &[]),
        row("-2+3", 2.5, &[]),
        row("@SUM(A1)", 1.0, &[]),
        row("+1", 1.0, &[]),
        row("Line\nbreak", 4.0, &[]),
    ];
    let mut no_time = row("Eli", 0.0, &[]);
    no_time.time_used_seconds = None;
    no_time.max_score = 0.0;
    let mut rows = rows;
    rows.push(no_time);
    let csv = gradebook_csv(&rows);
    let expected = "Student,Score,Out of,Percentage,Time used (s),Handed in at,Attempt,Flags\r\n\
        Ada Lovelace,5,5,100,754,2025-03-12T10:15:00+01:00,1,\r\n\
        \"Smith, \"\"Ben\"\"\",3.67,5,73.3,754,2025-03-12T10:15:00+01:00,1,time ran out; conditions differ\r\n\
        \"'=HYPERLINK(\"\"http://x\"\")\",0,5,0,754,2025-03-12T10:15:00+01:00,1,\r\n\
        '-2+3,2.5,5,50,754,2025-03-12T10:15:00+01:00,1,\r\n\
        '@SUM(A1),1,5,20,754,2025-03-12T10:15:00+01:00,1,\r\n\
        '+1,1,5,20,754,2025-03-12T10:15:00+01:00,1,\r\n\
        \"Line\nbreak\",4,5,80,754,2025-03-12T10:15:00+01:00,1,\r\n\
        Eli,0,0,,,2025-03-12T10:15:00+01:00,1,\r\n";
    assert_eq!(csv, expected);
}

#[test]
fn the_item_analysis_csv_has_one_row_per_question_with_moodles_percentages() {
    let csv = item_analysis_csv(&analyse(&class()));
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Question,Topic,Max points,Attempts,Answered,Mean points,Facility index (%),\
         Standard deviation (% of max),Discrimination index (%),Discriminative efficiency (%),\
         Flags,Responses"
    );
    // Facility 60 %, SD √0.3 = 54.77 %, D 7/18 = 38.89 %, E 7/17 = 41.18 %.
    assert_eq!(
        lines[2],
        "q2-treaty,dates,1,5,5,0.6,60,54.77,38.89,41.18,,True: 3; False: 2; other: 0; not answered: 0"
    );
    // 4 questions, the header and the empty piece after the last CRLF.
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[5], "");

    let flagged = item_analysis_csv(&analyse(&class_with_fifth([None; 5])));
    assert!(
        flagged.contains(",nobody answered; very hard,"),
        "{flagged}"
    );
}

#[test]
fn the_response_counts_csv_lists_every_choice_other_and_unanswered_with_shares() {
    let csv = response_counts_csv(&analyse(&class()));
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "Question,Response,Count,Share (%)");
    assert_eq!(
        &lines[1..6],
        &[
            "q1-capital,Paris,3,60",
            "q1-capital,Lyon,1,20",
            "q1-capital,Nice,0,0",
            "q1-capital,(other answer),0,0",
            "q1-capital,(not answered),1,20",
        ]
    );
}

#[test]
fn the_test_summary_csv_gives_points_and_moodles_percentages_and_leaves_undefined_empty() {
    let csv = test_summary_csv(&analyse(&class()).test);
    for line in [
        "Attempts,5",
        "Mean,2.8",
        "Mean (%),56",
        "Standard deviation,1.92",
        "Coefficient of internal consistency (%),75.68",
        "Error ratio (%),49.32",
        "Standard error,0.95",
        "Scores 90–100 %,1",
    ] {
        assert!(csv.contains(&format!("\r\n{line}\r\n")), "{line} in {csv}");
    }
    let mut one = class();
    one.attempts.truncate(1);
    let csv = test_summary_csv(&analyse(&one).test);
    assert!(csv.contains("\r\nStandard deviation,\r\n"), "{csv}");
}

// --- speed ---------------------------------------------------------------------------------

/// 1,000 attempts × 50 questions of mixed weights, partial credit and unanswered items,
/// made by a fixed linear congruential generator so every run analyses the same class.
fn large_class() -> ScoreMatrix {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as u32
    };
    let items: Vec<ItemInfo> = (0..50)
        .map(|i| {
            item(
                &format!("q{i}"),
                &format!("topic-{}", i % 6),
                f64::from(1 + i % 3),
                &["a", "b", "c", "d"],
            )
        })
        .collect();
    let attempts = (0..1000)
        .map(|_| {
            let ability = next() % 100;
            attempt(
                items
                    .iter()
                    .map(|info| {
                        let roll = next() % 100;
                        if roll < 3 {
                            ItemScore::unanswered()
                        } else if roll < ability {
                            ItemScore::picked(info.max_points, 0)
                        } else {
                            ItemScore::picked(
                                info.max_points * 0.5 * f64::from(next() % 2),
                                1 + (next() % 3) as usize,
                            )
                        }
                    })
                    .collect(),
            )
        })
        .collect();
    ScoreMatrix { items, attempts }
}

#[test]
fn a_thousand_attempts_of_fifty_questions_analyse_well_under_fifty_ms_in_release() {
    let m = large_class();
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let a = analyse(&m);
            let elapsed = start.elapsed();
            assert_eq!(a.items.len(), 50);
            assert!(a.test.internal_consistency.is_some());
            elapsed
        })
        .collect();
    times.sort();
    let median = times[2];
    // The budget is 50 ms natively in release; a debug build gets 20 times that.
    let budget = if cfg!(debug_assertions) {
        Duration::from_millis(1000)
    } else {
        Duration::from_millis(50)
    };
    assert!(
        median < budget,
        "analysis took {median:?}, budget {budget:?}"
    );
    eprintln!("1,000 × 50 analysed in {median:?} (median of 5)");
}

// --- properties ----------------------------------------------------------------------------

fn any_points() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => (0u32..=4).prop_map(|q| f64::from(q) / 4.0),
        2 => -2.0f64..5.0,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(1e300),
    ]
}

fn any_max() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => (1u32..=4).prop_map(f64::from),
        1 => Just(0.0),
        1 => Just(f64::NAN),
        1 => Just(-1.0),
        1 => Just(1e12),
        1 => Just(1e-9),
    ]
}

fn any_matrix() -> impl Strategy<Value = ScoreMatrix> {
    let items = prop::collection::vec(
        (any_max(), 0usize..4, 0usize..3).prop_map(|(max, categories, topic)| ItemInfo {
            id: "q".to_string(),
            topic: format!("t{topic}"),
            max_points: max,
            categories: (0..categories).map(|c| c.to_string()).collect(),
        }),
        0..6,
    );
    let score = (
        prop::option::weighted(0.8, any_points()),
        prop::collection::vec(0usize..5, 0..3),
    )
        .prop_map(|(points, categories)| ItemScore { points, categories });
    let attempts = prop::collection::vec(
        prop::collection::vec(score, 0..7).prop_map(|items| AttemptScores { items }),
        0..12,
    );
    (items, attempts).prop_map(|(items, attempts)| ScoreMatrix { items, attempts })
}

fn finite(x: Option<f64>) -> bool {
    x.is_none_or(f64::is_finite)
}

proptest! {
    #[test]
    fn random_matrices_give_finite_numbers_in_their_ranges(m in any_matrix()) {
        let a = analyse(&m);
        let t = &a.test;
        prop_assert_eq!(t.attempts, m.attempts.len());
        prop_assert!(t.max_possible.is_finite() && t.max_possible >= 0.0);
        for x in [t.mean, t.median, t.min, t.max, t.standard_deviation, t.internal_consistency,
                  t.error_ratio, t.standard_error] {
            prop_assert!(finite(x), "{:?}", t);
        }
        for x in [t.mean, t.median, t.min, t.max] {
            prop_assert!(x.is_none_or(|x| (0.0..=t.max_possible).contains(&x)), "{:?}", t);
        }
        prop_assert!(t.standard_deviation.is_none_or(|sd| sd >= 0.0));
        prop_assert!(t.internal_consistency.is_none_or(|alpha| alpha <= 1.0), "{:?}", t);
        prop_assert!(t.error_ratio.is_none_or(|er| er >= 0.0));
        if t.max_possible > 0.0 {
            prop_assert_eq!(t.histogram.total(), t.attempts);
        }
        prop_assert_eq!(a.items.len(), m.items.len());
        for i in &a.items {
            for x in [i.mean, i.facility, i.standard_deviation, i.discrimination,
                      i.discriminative_efficiency] {
                prop_assert!(finite(x), "{:?}", i);
            }
            prop_assert!(i.facility.is_none_or(|f| (0.0..=1.0).contains(&f)), "{:?}", i);
            prop_assert!(i.discrimination.is_none_or(|d| (-1.0..=1.0).contains(&d)), "{:?}", i);
            prop_assert!(i.discriminative_efficiency.is_none_or(|e| e <= 1.0), "{:?}", i);
            prop_assert_eq!(i.answered + i.responses.unanswered, i.attempts);
        }
        for topic in &a.topics {
            prop_assert!(topic.mean_share.is_none_or(|s| (0.0..=1.0).contains(&s)));
        }
        // The exports never panic and end every record with CRLF.
        prop_assert!(item_analysis_csv(&a).ends_with("\r\n"));
        prop_assert!(response_counts_csv(&a).ends_with("\r\n"));
        prop_assert!(test_summary_csv(t).ends_with("\r\n"));
    }

    #[test]
    fn any_student_name_reads_back_from_the_gradebook_csv_as_written(
        name in any::<String>(),
        flag in any::<String>(),
    ) {
        let mut r = row(&name, 2.0, &[]);
        r.flags = vec![flag.clone()];
        let csv = gradebook_csv(&[r]);
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(csv.as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        prop_assert_eq!(records.len(), 1);
        let defused = |s: &str| {
            if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() }
        };
        prop_assert_eq!(records[0][0].to_string(), defused(&name));
        prop_assert_eq!(records[0][7].to_string(), defused(&flag));
        prop_assert_eq!(&records[0][1], "2");
    }
}
