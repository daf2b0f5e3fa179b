//! The one currency of scores: the `Credit` an answer earns, the `Outcome` it counts as, and
//! the `Points` a quiz adds up to, with the one rounding rule (half up) and the one way to
//! print points (at most one decimal).

use serde::{Deserialize, Serialize};

use crate::bank::Weight;
use crate::text::{Language, decimal, percent_of};

/// Credit for one answer, in thousandths: 0 is wrong, 1000 is fully right.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(try_from = "u16", into = "u16")]
pub struct Credit(u16);

impl Credit {
    pub const ZERO: Credit = Credit(0);
    pub const FULL: Credit = Credit(1000);

    /// `part / whole`, rounded half up to the nearest thousandth; 0 when `whole` is 0.
    pub fn ratio(part: usize, whole: usize) -> Credit {
        if whole == 0 {
            return Credit::ZERO;
        }
        let part = part.min(whole) as u64;
        Credit(((part * 1000 + whole as u64 / 2) / whole as u64) as u16)
    }

    /// A credit of `t / 1000`, if `t` is at most 1000.
    pub fn from_thousandths(t: u16) -> Option<Credit> {
        (t <= 1000).then_some(Credit(t))
    }

    pub fn thousandths(self) -> u16 {
        self.0
    }

    pub fn is_full(self) -> bool {
        self.0 == 1000
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// The credit as a whole percentage, rounded half up (2/3 shows as 67).
    pub fn percent(self) -> u32 {
        percent_of(u64::from(self.0), 1000)
    }
}

impl TryFrom<u16> for Credit {
    type Error = String;
    fn try_from(t: u16) -> Result<Self, Self::Error> {
        Credit::from_thousandths(t).ok_or_else(|| format!("credit {t} is above 1000"))
    }
}

impl From<Credit> for u16 {
    fn from(credit: Credit) -> u16 {
        credit.0
    }
}

/// How an answer went, or that there was none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    Right,
    Partial,
    Wrong,
    Unanswered,
}

impl Outcome {
    /// The outcome of an answer's credit, or `Unanswered` when there was no answer.
    pub fn of(credit: Option<Credit>) -> Outcome {
        match credit {
            None => Outcome::Unanswered,
            Some(c) if c.is_full() => Outcome::Right,
            Some(c) if c.is_zero() => Outcome::Wrong,
            Some(_) => Outcome::Partial,
        }
    }

    /// For people: "Right", "Partly right", "Wrong", "Not answered".
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Right => "Right",
            Outcome::Partial => "Partly right",
            Outcome::Wrong => "Wrong",
            Outcome::Unanswered => "Not answered",
        }
    }

    /// A short mark that does not rely on colour: ✓, ½, ✗, –.
    pub fn mark(self) -> &'static str {
        match self {
            Outcome::Right => "✓",
            Outcome::Partial => "½",
            Outcome::Wrong => "✗",
            Outcome::Unanswered => "–",
        }
    }

    pub const ALL: [Outcome; 4] = [
        Outcome::Right,
        Outcome::Partial,
        Outcome::Wrong,
        Outcome::Unanswered,
    ];
}

/// Points, in millionths of a point: a credit (thousandths) times a weight (thousandths of a
/// point) is exact, so sums never drift; rounding happens once, when printed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Points(u64);

impl Points {
    pub const ZERO: Points = Points(0);

    /// What an answer with `credit` earns on a question worth `weight`.
    pub fn earned(credit: Credit, weight: Weight) -> Points {
        Points(u64::from(credit.thousandths()) * u64::from(weight.thousandths()))
    }

    /// What a fully right answer earns on a question worth `weight`.
    pub fn max(weight: Weight) -> Points {
        Points::earned(Credit::FULL, weight)
    }

    /// Points from whole thousandths of a point (a stored history entry).
    pub fn from_thousandths(thousandths: u64) -> Points {
        Points(thousandths.saturating_mul(1000))
    }

    pub fn millionths(self) -> u64 {
        self.0
    }

    /// These points as a whole percentage of `max`, rounded half up.
    pub fn percent_of(self, max: Points) -> u32 {
        percent_of(self.0, max.0)
    }

    /// The points as people read them: at most one decimal, rounded half up ("3.7", "4").
    pub fn display(self, language: Language) -> String {
        let tenths = self.0.saturating_add(50_000) / 100_000;
        decimal(tenths as f64 / 10.0, 1, language)
    }

    /// "2.5 of 10 points", "1 of 1 point": these points out of `max`, as a score line says it.
    pub fn out_of(self, max: Points, language: Language) -> String {
        let shown = max.display(language);
        let noun = if shown == "1" { "point" } else { "points" };
        format!("{} of {shown} {noun}", self.display(language))
    }
}

impl std::ops::Add for Points {
    type Output = Points;
    fn add(self, other: Points) -> Points {
        Points(self.0.saturating_add(other.0))
    }
}

impl std::ops::AddAssign for Points {
    fn add_assign(&mut self, other: Points) {
        *self = *self + other;
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        iter.fold(Points::ZERO, |a, b| a + b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_are_ratios_rounded_half_up() {
        assert_eq!(Credit::ratio(2, 3).thousandths(), 667);
        assert_eq!(Credit::ratio(1, 3).thousandths(), 333);
        assert_eq!(
            Credit::ratio(1, 2000).thousandths(),
            1,
            "0.5 thousandths rounds up"
        );
        assert_eq!(Credit::ratio(5, 0), Credit::ZERO);
        assert_eq!(Credit::from_thousandths(1001), None);
        assert_eq!(Credit::ratio(2, 3).percent(), 67);
    }

    #[test]
    fn an_answer_is_right_partial_or_wrong_and_no_answer_is_its_own_outcome() {
        assert_eq!(Outcome::of(Some(Credit::FULL)), Outcome::Right);
        assert_eq!(Outcome::of(Some(Credit::ratio(1, 2))), Outcome::Partial);
        assert_eq!(Outcome::of(Some(Credit::ZERO)), Outcome::Wrong);
        assert_eq!(Outcome::of(None), Outcome::Unanswered);
    }

    #[test]
    fn points_print_with_at_most_one_decimal() {
        let en = Language::English;
        // 3 right and 2/3 of another: 3.667 points, printed 3.7.
        let points: Points = [
            Credit::FULL,
            Credit::FULL,
            Credit::FULL,
            Credit::ratio(2, 3),
        ]
        .into_iter()
        .map(|c| Points::earned(c, Weight::ONE))
        .sum();
        assert_eq!(points.display(en), "3.7");
        assert_eq!(Points::max(Weight::ONE).display(en), "1");
        // 2.666 of 10 is 26.66 %: 27 %.
        let max: Points = (0..10).map(|_| Points::max(Weight::ONE)).sum();
        assert_eq!(Points::from_thousandths(2666).percent_of(max), 27);
        let half_weight = Weight::from_thousandths(500).unwrap();
        assert_eq!(Points::earned(Credit::FULL, half_weight).display(en), "0.5");
        // A score line: one point is singular, half a point and ten points are not.
        let one = Points::max(Weight::ONE);
        assert_eq!(Points::ZERO.out_of(one, en), "0 of 1 point");
        assert_eq!(points.out_of(max, en), "3.7 of 10 points");
        let half = Points::max(half_weight);
        assert_eq!(half.out_of(half, en), "0.5 of 0.5 points");
    }
}
