//! Item analysis of one assignment's graded results, as Moodle's quiz statistics report has
//! it, and its CSV export. Pure arithmetic on a score matrix: no result files, roster or progress.
//!
//! Per question: facility, standard deviation, discrimination, discriminative efficiency,
//! the count of each response (distractor analysis) and flags; for the test: mean, median,
//! standard deviation, range, Cronbach's α, error ratio, standard error and a histogram; per
//! topic: the class's mean share of the points.
//!
//! # What is computed, and where the definitions come from
//!
//! The statistics follow Moodle's quiz statistics report: the formulas of
//! <https://docs.moodle.org/dev/Quiz_statistics_calculations> as Moodle implements them
//! (`question/classes/statistics/questions/calculator.php` for the questions,
//! `mod/quiz/report/statistics/classes/calculator.php` for the test), and the reading guide
//! <https://docs.moodle.org/28/en/Development:Quiz_report_statistics>. With `n` attempts,
//! `p` items, `x` an item's points in one attempt, `T` the attempt's total and `R = T − x` the
//! rest of the test:
//!
//! - every variance, covariance and standard deviation is the *sample* one (divided by
//!   `n − 1`), as Moodle's are, so each needs at least two attempts;
//! - facility `F = mean(x) / max(x)`;
//! - discrimination index `D = cov(x, R) / sqrt(var(x) · var(R))`, the Pearson correlation of
//!   the item with the rest of the test (the point-biserial correlation when the item scores
//!   0 or full);
//! - discriminative efficiency `E = cov(x, R) / cov_max(x, R)`, where `cov_max` pairs the
//!   item's scores and the rest scores each sorted ascending (the most `cov` could be for
//!   these scores);
//! - coefficient of internal consistency (Cronbach's α) `α = p/(p−1) · (1 − Σ var(x) / var(T))`,
//!   which equals KR-20 when every item scores 0 or full;
//! - error ratio `ER = sqrt(1 − α)` and standard error `SE = ER · sd(T)`.
//!
//! Where this module differs from Moodle, on purpose:
//!
//! - facility, discrimination and efficiency are fractions (0.6, not Moodle's 60 %);
//! - α is given from two attempts on: Moodle computes it only inside its skewness branch,
//!   which needs three, though the formula needs only two;
//! - an unanswered question counts as 0 points, as the issue asks (Moodle's latest step of an
//!   unanswered question has no mark, which PHP adds as 0 too);
//! - the caller chooses which attempts to analyse (Moodle's "first attempts only" option).
//!
//! # Exact sums
//!
//! Points are rounded once to millionths of a point (the unit of `quiz::Points`) and every
//! sum, spread and covariance is then an exact integer. So "everybody scored the same" is an
//! exact zero and gives `None`, never a correlation made of rounding noise, and the item–rest
//! identities (`cov(x, R) = cov(x, T) − var(x)`) lose nothing. Results are `f64`, always
//! finite. Everything is one pass over the matrix for the totals and one per item, so
//! O(attempts × items), except the efficiency, which sorts each item's column
//! (O(items × attempts · log attempts)).

mod export;

use std::collections::HashMap;

pub use export::{
    GradebookRow, gradebook_csv, item_analysis_csv, response_counts_csv, test_summary_csv,
};

/// The most points one question may be worth here (the bank allows at most 100). A maximum
/// above this, at or below zero, or not a number makes the item unusable (it counts for
/// nothing and its statistics are `None`).
pub const MAX_ITEM_POINTS: f64 = 1_000.0;

/// Facility at or below this (5 %): "extremely difficult or something wrong with the
/// question", in the Open University's reading of Moodle's facility index
/// (<https://www.open.edu/openlearncreate/mod/oucontent/view.php?id=52746&section=4.2>).
pub const VERY_HARD_FACILITY: f64 = 0.05;

/// Facility at or above this (95 %): "extremely easy", same source.
pub const VERY_EASY_FACILITY: f64 = 0.95;

/// Discriminative efficiency below this (15 %) is what Moodle's report marks as a dubious
/// question (`is_dubious_question` in `mod/quiz/report/statistics/statistics_table.php`).
pub const LOW_EFFICIENCY: f64 = 0.15;

/// α above this (75 %) is "satisfactory" (Quiz report statistics, above).
pub const SATISFACTORY_CONSISTENCY: f64 = 0.75;

/// α below this (64 %): "the test as a whole is unsatisfactory and remedial measures should be
/// considered" (same page).
pub const UNSATISFACTORY_CONSISTENCY: f64 = 0.64;

/// Points are summed in millionths of a point.
const MILLIONTHS: f64 = 1_000_000.0;

/// The largest `attempts × the test's maximum (in millionths)` for which every exact sum fits
/// an `i128`: each product below is at most the square of this, 1.69e38 < 1.70e38.
const EXACT_LIMIT: i128 = 13_000_000_000_000_000_000;

/// The input: one row per attempt, one column per item, already graded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScoreMatrix {
    pub items: Vec<ItemInfo>,
    pub attempts: Vec<AttemptScores>,
}

/// One question of the assignment.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemInfo {
    pub id: String,
    pub topic: String,
    /// What a fully right answer earns: finite, above 0 and at most [`MAX_ITEM_POINTS`].
    pub max_points: f64,
    /// The responses to count, in the order to show them (a choice question's choices). An
    /// item without any (a typed answer) still counts answered and unanswered.
    pub categories: Vec<String>,
}

/// One attempt: per item, in the order of [`ScoreMatrix::items`], what it earned and picked.
/// A row shorter than the items leaves the rest unanswered; extra entries are ignored (both
/// are reported in [`InputProblems::misshapen_attempts`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AttemptScores {
    pub items: Vec<ItemScore>,
}

/// What one attempt did with one item.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ItemScore {
    /// The points earned, or `None` when the item was not answered (which counts as 0 points
    /// and as "unanswered" whatever `categories` says). A value below 0, above the item's
    /// maximum or not a number is clamped into range (not a number: 0) and reported.
    pub points: Option<f64>,
    /// Indices into the item's [`ItemInfo::categories`] that the response falls in: one for a
    /// single choice, each ticked choice for a multiple select, none for a response no
    /// category names (counted as "other"). An index repeated counts once; one past the list
    /// counts as "other" and is reported.
    pub categories: Vec<usize>,
}

impl ItemScore {
    pub fn unanswered() -> ItemScore {
        ItemScore::default()
    }

    /// An answer in no category (a typed answer, an ordering).
    pub fn points(points: f64) -> ItemScore {
        ItemScore {
            points: Some(points),
            categories: Vec::new(),
        }
    }

    /// An answer that picked the category at `index`.
    pub fn picked(points: f64, index: usize) -> ItemScore {
        ItemScore {
            points: Some(points),
            categories: vec![index],
        }
    }
}

/// Everything the analysis found, in the order of the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub test: TestStats,
    /// One per item of the input, in its order.
    pub items: Vec<ItemStats>,
    /// One per topic, in the order topics first appear among the items.
    pub topics: Vec<TopicStats>,
    /// Where the input did not fit and what was done about it; empty when it all fitted.
    pub problems: InputProblems,
}

/// The whole test. Points are the sum of the item points of an attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct TestStats {
    pub attempts: usize,
    pub items: usize,
    /// The sum of the usable items' maxima.
    pub max_possible: f64,
    /// `None` below one attempt, like median, minimum and maximum.
    pub mean: Option<f64>,
    /// The middle total, or the mean of the two middle ones for an even count (Moodle's).
    pub median: Option<f64>,
    /// The sample standard deviation (divided by `n − 1`, as Moodle's): `None` below two
    /// attempts, `Some(0.0)` when everybody scored the same.
    pub standard_deviation: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Cronbach's α (KR-20 for items that score 0 or full), at most 1 and possibly negative:
    /// `None` below two attempts or two items, or when every total is the same.
    pub internal_consistency: Option<f64>,
    /// `sqrt(1 − α)`, a fraction (Moodle shows it as a percentage).
    pub error_ratio: Option<f64>,
    /// `error ratio × standard deviation`, in points.
    pub standard_error: Option<f64>,
    /// Percentage scores in 10 %-wide bins; empty when the test has no usable maximum.
    pub histogram: Histogram,
}

impl TestStats {
    /// `points` as a fraction of the test's maximum, if it has one.
    pub fn fraction_of_max(&self, points: f64) -> Option<f64> {
        (self.max_possible > 0.0).then(|| points / self.max_possible)
    }

    /// How Moodle's guide reads α: above 75 % satisfactory, below 64 % unsatisfactory.
    pub fn consistency_verdict(&self) -> Option<Consistency> {
        self.internal_consistency.map(|alpha| {
            if alpha > SATISFACTORY_CONSISTENCY {
                Consistency::Satisfactory
            } else if alpha < UNSATISFACTORY_CONSISTENCY {
                Consistency::Unsatisfactory
            } else {
                Consistency::Borderline
            }
        })
    }
}

/// The reading of the coefficient of internal consistency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consistency {
    Satisfactory,
    /// From 64 % to 75 %: neither satisfactory nor unsatisfactory in Moodle's guide.
    Borderline,
    Unsatisfactory,
}

/// How many attempts scored in each tenth of the test's maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Histogram {
    /// `counts[k]` holds scores from `10k` % up to but not including `10(k+1)` %; 100 % is in
    /// the last bin. Bins are decided exactly (30 % of the points is in the 30–40 bin).
    pub counts: [usize; 10],
}

impl Histogram {
    /// Each bin as (lowest percentage, highest percentage, count): (0, 10, _) … (90, 100, _).
    pub fn bins(&self) -> impl Iterator<Item = (u32, u32, usize)> + '_ {
        self.counts
            .iter()
            .zip(0u32..)
            .map(|(&count, k)| (k * 10, k * 10 + 10, count))
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// One question.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemStats {
    pub id: String,
    pub topic: String,
    /// The maximum used: the input's, rounded to a millionth, or 0 for an unusable item.
    pub max_points: f64,
    pub attempts: usize,
    /// Attempts with points for this item (the rest count as 0).
    pub answered: usize,
    /// Mean points; `None` without attempts.
    pub mean: Option<f64>,
    /// Facility index, `mean / max`, in [0, 1]; `None` without attempts or a usable maximum.
    pub facility: Option<f64>,
    /// Sample standard deviation of the item's points: `None` below two attempts.
    pub standard_deviation: Option<f64>,
    /// Discrimination index: the correlation with the rest of the test, in [−1, 1]. `None`
    /// below two attempts or when the item or the rest of the test has no spread.
    pub discrimination: Option<f64>,
    /// Discriminative efficiency: at most 1, and below −1 only for an item working against
    /// the test. `None` when the sorted covariance is 0 (no spread in item or rest).
    pub discriminative_efficiency: Option<f64>,
    pub responses: ResponseCounts,
    /// Reasons the item is worth a look, in the order of [`ItemFlag`]; empty for none.
    pub flags: Vec<ItemFlag>,
}

impl ItemStats {
    /// The standard deviation as a fraction of the item's maximum (how Moodle shows it).
    pub fn standard_deviation_of_max(&self) -> Option<f64> {
        let sd = self.standard_deviation?;
        (self.max_points > 0.0).then(|| sd / self.max_points)
    }
}

/// How the attempts answered one item (distractor analysis).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseCounts {
    /// Every category of the item, in its order, including those nobody picked. A multiple
    /// select counts each ticked choice, so these may add up to more than the attempts.
    pub categories: Vec<CategoryCount>,
    /// Answered, but in none of the categories.
    pub other: usize,
    pub unanswered: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryCount {
    pub label: String,
    pub count: usize,
}

/// Why an item is worth a look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemFlag {
    /// Its maximum is not a finite number in (0, [`MAX_ITEM_POINTS`]]; it counts for nothing.
    UnusableMaximum,
    /// There were attempts, and none of them answered it.
    NobodyAnswered,
    /// Facility at most [`VERY_HARD_FACILITY`].
    VeryHard,
    /// Facility at least [`VERY_EASY_FACILITY`].
    VeryEasy,
    /// Discrimination below 0: stronger students did worse on it; a wrong key is likely.
    NegativeDiscrimination,
    /// Discriminative efficiency below [`LOW_EFFICIENCY`] (Moodle's "dubious question").
    LowEfficiency,
}

impl ItemFlag {
    /// For people, in a sentence's middle ("Q3: very hard").
    pub fn label(self) -> &'static str {
        match self {
            ItemFlag::UnusableMaximum => "unusable maximum",
            ItemFlag::NobodyAnswered => "nobody answered",
            ItemFlag::VeryHard => "very hard",
            ItemFlag::VeryEasy => "very easy",
            ItemFlag::NegativeDiscrimination => "negative discrimination",
            ItemFlag::LowEfficiency => "low discriminative efficiency",
        }
    }
}

/// The class's mastery of one topic.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicStats {
    pub topic: String,
    pub items: usize,
    /// The sum of the topic's usable items' maxima.
    pub max_points: f64,
    /// The class's mean share of the topic's points, in [0, 1]; `None` without attempts or
    /// a usable maximum.
    pub mean_share: Option<f64>,
}

/// Where the input did not fit. Nothing here stops the analysis.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InputProblems {
    /// Attempts (by index) with more or fewer item scores than there are items.
    pub misshapen_attempts: Vec<usize>,
    /// Items (by index) whose maximum is unusable (see [`ItemFlag::UnusableMaximum`]).
    pub unusable_items: Vec<usize>,
    /// Scores below 0, above their item's maximum or not a number, clamped into range.
    pub clamped_scores: usize,
    /// Category indices past their item's list, counted as "other".
    pub unknown_categories: usize,
    /// More than 1.3 × 10^13 point-attempts (attempts × the test's maximum points), far
    /// beyond any class: the exact sums could overflow, so every spread, correlation and α
    /// is `None`.
    pub too_large: bool,
}

impl InputProblems {
    pub fn is_empty(&self) -> bool {
        self == &InputProblems::default()
    }
}

/// Analyse a class's results. Never panics; see the module comment for the formulas.
pub fn analyse(matrix: &ScoreMatrix) -> Analysis {
    let n = matrix.attempts.len();
    let mut problems = InputProblems::default();

    let maxima: Vec<i64> = matrix
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            item_maximum(item.max_points).unwrap_or_else(|| {
                problems.unusable_items.push(i);
                0
            })
        })
        .collect();
    let test_max = maxima.iter().fold(0i64, |sum, &m| sum.saturating_add(m));

    let (totals, responses) = first_pass(matrix, &maxima, &mut problems);

    let exact = (n as i128).saturating_mul(i128::from(test_max)) <= EXACT_LIMIT;
    problems.too_large = !exact;
    // Σ T and Σ T²; with `exact`, neither can overflow.
    let sum_t: i128 = totals.iter().map(|&t| i128::from(t)).sum();
    let spread_t = exact.then(|| {
        let sum_tt: i128 = totals.iter().map(|&t| i128::from(t) * i128::from(t)).sum();
        spread(n, sum_tt, sum_t, sum_t)
    });

    let mut column = Column::default();
    let mut sum_item_spreads: i128 = 0;
    let mut items = Vec::with_capacity(matrix.items.len());
    let mut item_sums = Vec::with_capacity(matrix.items.len());
    for (i, (info, counts)) in matrix.items.iter().zip(responses).enumerate() {
        column.fill(matrix, i, maxima[i], &totals);
        item_sums.push(column.sum);
        let moments = spread_t.map(|spread_t| column.moments(sum_t, spread_t));
        if let Some(m) = &moments {
            sum_item_spreads += m.spread_x;
        }
        items.push(item_stats(info, maxima[i], &column, moments, counts, n));
    }

    let p = matrix.items.len();
    let test = test_stats(TestInputs {
        totals,
        test_max,
        sum_t,
        spread_t,
        sum_item_spreads,
        items: p,
    });
    let topics = topic_stats(matrix, &maxima, &item_sums, n);
    Analysis {
        test,
        items,
        topics,
        problems,
    }
}

/// An item's maximum in millionths, if usable.
fn item_maximum(points: f64) -> Option<i64> {
    if !(points > 0.0 && points <= MAX_ITEM_POINTS) {
        return None;
    }
    let millionths = (points * MILLIONTHS).round() as i64;
    (millionths > 0).then_some(millionths)
}

/// Points in millionths, clamped into `0..=max`, and whether clamping changed them.
fn quantize(points: f64, max: i64) -> (i64, bool) {
    if points.is_nan() {
        return (0, true);
    }
    let millionths = (points * MILLIONTHS).round();
    if millionths < 0.0 {
        (0, true)
    } else if millionths > max as f64 {
        (max, true)
    } else {
        // In 0..=max, so the cast is exact.
        (millionths as i64, false)
    }
}

/// The points attempt `a` earned on item `i` (millionths), or `None` if it did not answer.
fn points_at(attempt: &AttemptScores, i: usize, max: i64) -> Option<(i64, bool)> {
    let points = attempt.items.get(i)?.points?;
    Some(quantize(points, max))
}

/// Totals per attempt and response counts per item; records the input's problems.
fn first_pass(
    matrix: &ScoreMatrix,
    maxima: &[i64],
    problems: &mut InputProblems,
) -> (Vec<i64>, Vec<ResponseCounts>) {
    let p = matrix.items.len();
    let mut responses: Vec<ResponseCounts> = matrix
        .items
        .iter()
        .map(|item| ResponseCounts {
            categories: item
                .categories
                .iter()
                .map(|label| CategoryCount {
                    label: label.clone(),
                    count: 0,
                })
                .collect(),
            other: 0,
            unanswered: 0,
        })
        .collect();
    let mut totals = Vec::with_capacity(matrix.attempts.len());
    for (a, attempt) in matrix.attempts.iter().enumerate() {
        if attempt.items.len() != p {
            problems.misshapen_attempts.push(a);
        }
        let mut total = 0i64;
        for (i, counts) in responses.iter_mut().enumerate() {
            let Some((points, clamped)) = points_at(attempt, i, maxima[i]) else {
                counts.unanswered += 1;
                continue;
            };
            problems.clamped_scores += usize::from(clamped);
            // At most items × MAX_ITEM_POINTS in millionths: far inside i64.
            total = total.saturating_add(points);
            let picked = attempt.items.get(i).map_or(&[][..], |s| &s.categories[..]);
            let mut in_a_category = false;
            for (k, &index) in picked.iter().enumerate() {
                if picked[..k].contains(&index) {
                    continue;
                }
                match counts.categories.get_mut(index) {
                    Some(category) => {
                        category.count += 1;
                        in_a_category = true;
                    }
                    None => problems.unknown_categories += 1,
                }
            }
            if !in_a_category {
                counts.other += 1;
            }
        }
        totals.push(total);
    }
    (totals, responses)
}

/// `n·Σxy − Σx·Σy`: `n(n−1)` times the sample covariance of x and y (the variance when x is
/// y). Exact; the caller has checked that it cannot overflow.
fn spread(n: usize, sum_xy: i128, sum_x: i128, sum_y: i128) -> i128 {
    n as i128 * sum_xy - sum_x * sum_y
}

/// `spread / (n(n−1))` in points², if there are two attempts.
fn sample_variance(spread: i128, n: usize) -> Option<f64> {
    (n >= 2).then(|| spread as f64 / (n as f64 * (n - 1) as f64) / (MILLIONTHS * MILLIONTHS))
}

/// One item's scores across the attempts, with the rest of the test beside them.
#[derive(Default)]
struct Column {
    /// The item's points per attempt, millionths (unanswered: 0).
    points: Vec<i64>,
    /// Each attempt's total minus this item.
    rest: Vec<i64>,
    /// Σ points.
    sum: i128,
    /// Σ points × total.
    sum_with_total: i128,
    /// Σ points².
    sum_squares: i128,
}

/// An item's exact second moments, as `spread`s.
struct Moments {
    spread_x: i128,
    /// With the rest of the test.
    spread_xr: i128,
    spread_r: i128,
    /// The covariance spread when item and rest are each sorted ascending.
    spread_xr_max: i128,
}

impl Column {
    fn fill(&mut self, matrix: &ScoreMatrix, i: usize, max: i64, totals: &[i64]) {
        self.points.clear();
        self.rest.clear();
        self.sum = 0;
        self.sum_with_total = 0;
        self.sum_squares = 0;
        for (attempt, &total) in matrix.attempts.iter().zip(totals) {
            let x = points_at(attempt, i, max).map_or(0, |(x, _)| x);
            self.points.push(x);
            self.rest.push(total - x);
            // Each term is at most max² or max × test max, and the sums at most n times that:
            // inside i128 whenever the analysis is exact, and only used then.
            let (x, t) = (i128::from(x), i128::from(total));
            self.sum += x;
            self.sum_with_total = self.sum_with_total.saturating_add(x * t);
            self.sum_squares = self.sum_squares.saturating_add(x * x);
        }
    }

    /// Only called when the analysis is exact. Sorts the column.
    fn moments(&mut self, sum_t: i128, spread_t: i128) -> Moments {
        let n = self.points.len();
        let spread_x = spread(n, self.sum_squares, self.sum, self.sum);
        let spread_xt = spread(n, self.sum_with_total, self.sum, sum_t);
        // x and R = T − x: cov(x, R) = cov(x, T) − var(x), var(R) = var(T) − 2cov(x, T) + var(x).
        let spread_xr = spread_xt - spread_x;
        let spread_r = spread_t - 2 * spread_xt + spread_x;
        self.points.sort_unstable();
        self.rest.sort_unstable();
        let sorted_products: i128 = self
            .points
            .iter()
            .zip(&self.rest)
            .map(|(&x, &r)| i128::from(x) * i128::from(r))
            .sum();
        let spread_xr_max = spread(n, sorted_products, self.sum, sum_t - self.sum);
        Moments {
            spread_x,
            spread_xr,
            spread_r,
            spread_xr_max,
        }
    }
}

fn item_stats(
    info: &ItemInfo,
    max: i64,
    column: &Column,
    moments: Option<Moments>,
    responses: ResponseCounts,
    n: usize,
) -> ItemStats {
    let mean = (n > 0).then(|| column.sum as f64 / n as f64 / MILLIONTHS);
    let facility = (n > 0 && max > 0)
        .then(|| column.sum as f64 / (n as f64 * max as f64))
        .map(unit);
    let standard_deviation = moments
        .as_ref()
        .and_then(|m| sample_variance(m.spread_x, n))
        .map(f64::sqrt);
    let discrimination = moments.as_ref().and_then(|m| {
        (n >= 2 && m.spread_x > 0 && m.spread_r > 0).then(|| {
            let r = m.spread_xr as f64 / (m.spread_x as f64).sqrt() / (m.spread_r as f64).sqrt();
            r.clamp(-1.0, 1.0)
        })
    });
    // By the rearrangement inequality spread_xr ≤ spread_xr_max, exactly, so E ≤ 1.
    let discriminative_efficiency = moments.as_ref().and_then(|m| {
        (n >= 2 && m.spread_xr_max > 0).then(|| m.spread_xr as f64 / m.spread_xr_max as f64)
    });

    let mut flags = Vec::new();
    if max == 0 {
        flags.push(ItemFlag::UnusableMaximum);
    }
    let answered = n - responses.unanswered;
    if n > 0 && answered == 0 {
        flags.push(ItemFlag::NobodyAnswered);
    }
    if n > 0 && max > 0 {
        // Compared exactly: Σx / (n·max) ≤ 1/20, and ≥ 19/20.
        let (sum, whole) = (column.sum, n as i128 * i128::from(max));
        if 20 * sum <= whole {
            flags.push(ItemFlag::VeryHard);
        }
        if 20 * sum >= 19 * whole {
            flags.push(ItemFlag::VeryEasy);
        }
    }
    if let Some(m) = &moments {
        if discrimination.is_some() && m.spread_xr < 0 {
            flags.push(ItemFlag::NegativeDiscrimination);
        }
        // E < 15/100, exactly.
        if discriminative_efficiency.is_some() && 20 * m.spread_xr < 3 * m.spread_xr_max {
            flags.push(ItemFlag::LowEfficiency);
        }
    }

    ItemStats {
        id: info.id.clone(),
        topic: info.topic.clone(),
        max_points: max as f64 / MILLIONTHS,
        attempts: n,
        answered,
        mean,
        facility,
        standard_deviation,
        discrimination,
        discriminative_efficiency,
        responses,
        flags,
    }
}

/// Clamp a share that is in [0, 1] by construction against the last bit of rounding.
fn unit(x: f64) -> f64 {
    x.clamp(0.0, 1.0)
}

struct TestInputs {
    totals: Vec<i64>,
    test_max: i64,
    sum_t: i128,
    spread_t: Option<i128>,
    sum_item_spreads: i128,
    items: usize,
}

fn test_stats(input: TestInputs) -> TestStats {
    let TestInputs {
        mut totals,
        test_max,
        sum_t,
        spread_t,
        sum_item_spreads,
        items: p,
    } = input;
    let n = totals.len();
    let points = |millionths: i64| millionths as f64 / MILLIONTHS;

    let mut histogram = Histogram::default();
    if test_max > 0 {
        for &t in &totals {
            // t in 0..=test_max, so the bin is in 0..=10; 100 % joins the last bin.
            let bin = (10 * i128::from(t) / i128::from(test_max)).clamp(0, 9) as usize;
            histogram.counts[bin] += 1;
        }
    }

    totals.sort_unstable();
    let median = match n {
        0 => None,
        _ if n % 2 == 1 => Some(points(totals[n / 2])),
        _ => Some((points(totals[n / 2 - 1]) + points(totals[n / 2])) / 2.0),
    };
    let standard_deviation = spread_t.and_then(|s| sample_variance(s, n)).map(f64::sqrt);
    let internal_consistency = spread_t.and_then(|spread_t| {
        (n >= 2 && p >= 2 && spread_t > 0).then(|| {
            let p = p as f64;
            // Σ var(x) / var(T): the n(n−1) of both spreads cancels. At most 1 in exact
            // arithmetic (var(T) ≤ p · Σ var(x)); min() guards the last bit.
            let alpha = p / (p - 1.0) * (1.0 - sum_item_spreads as f64 / spread_t as f64);
            alpha.min(1.0)
        })
    });
    let error_ratio = internal_consistency.map(|alpha| (1.0 - alpha).sqrt());
    let standard_error = error_ratio
        .zip(standard_deviation)
        .map(|(ratio, sd)| ratio * sd);

    TestStats {
        attempts: n,
        items: p,
        max_possible: points(test_max),
        mean: (n > 0).then(|| sum_t as f64 / n as f64 / MILLIONTHS),
        median,
        standard_deviation,
        min: totals.first().copied().map(points),
        max: totals.last().copied().map(points),
        internal_consistency,
        error_ratio,
        standard_error,
        histogram,
    }
}

/// `item_sums`: each item's points summed over the attempts, in millionths.
fn topic_stats(
    matrix: &ScoreMatrix,
    maxima: &[i64],
    item_sums: &[i128],
    n: usize,
) -> Vec<TopicStats> {
    struct Acc {
        topic: String,
        items: usize,
        max: i64,
        points: i128,
    }
    let mut order: Vec<Acc> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for ((info, &max), &sum) in matrix.items.iter().zip(maxima).zip(item_sums) {
        let k = *index.entry(info.topic.as_str()).or_insert_with(|| {
            order.push(Acc {
                topic: info.topic.clone(),
                items: 0,
                max: 0,
                points: 0,
            });
            order.len() - 1
        });
        let acc = &mut order[k];
        acc.items += 1;
        acc.max = acc.max.saturating_add(max);
        acc.points += sum;
    }
    order
        .into_iter()
        .map(|acc| {
            let max_points = acc.max as f64 / MILLIONTHS;
            TopicStats {
                // The mean over attempts of (topic points / topic max) is Σ points / (n · max).
                mean_share: (n > 0 && acc.max > 0)
                    .then(|| unit(acc.points as f64 / (n as f64 * acc.max as f64))),
                topic: acc.topic,
                items: acc.items,
                max_points,
            }
        })
        .collect()
}
