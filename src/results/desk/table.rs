//! The class table as the page shows it: one row per result with its values in words, sorted
//! by any column; and the small wordings the class screen shares (a duration, a share as a
//! percentage, a file name, the right choices of a question for the distractor counts).

use crate::bank::QuestionKind;
use crate::calendar::local_date_time;
use crate::results::{Entry, Flag, Roster, slug};
use crate::text::{Language, decimal};

/// A column of the class table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassColumn {
    Student,
    Score,
    Percent,
    TimeUsed,
    HandedIn,
    Attempt,
    Flags,
}

impl ClassColumn {
    pub const ALL: [ClassColumn; 7] = [
        ClassColumn::Student,
        ClassColumn::Score,
        ClassColumn::Percent,
        ClassColumn::TimeUsed,
        ClassColumn::HandedIn,
        ClassColumn::Attempt,
        ClassColumn::Flags,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ClassColumn::Student => "Student",
            ClassColumn::Score => "Score",
            ClassColumn::Percent => "Percentage",
            ClassColumn::TimeUsed => "Time used",
            ClassColumn::HandedIn => "Handed in at",
            ClassColumn::Attempt => "Attempt",
            ClassColumn::Flags => "Flags",
        }
    }

    /// A name for ids: "student", "time-used".
    pub fn name(self) -> &'static str {
        match self {
            ClassColumn::Student => "student",
            ClassColumn::Score => "score",
            ClassColumn::Percent => "percent",
            ClassColumn::TimeUsed => "time-used",
            ClassColumn::HandedIn => "handed-in",
            ClassColumn::Attempt => "attempt",
            ClassColumn::Flags => "flags",
        }
    }
}

/// How the table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: ClassColumn,
    pub ascending: bool,
}

impl Default for Sort {
    /// By student name, A to Z.
    fn default() -> Self {
        Sort {
            column: ClassColumn::Student,
            ascending: true,
        }
    }
}

impl Sort {
    /// After a click on `column`'s header: the same column turns around; another starts
    /// ascending.
    pub fn toggled(self, column: ClassColumn) -> Sort {
        if self.column == column {
            Sort {
                column,
                ascending: !self.ascending,
            }
        } else {
            Sort {
                column,
                ascending: true,
            }
        }
    }

    /// The arrow after `column`'s heading: up when ascending, down when descending.
    pub fn arrow(self, column: ClassColumn) -> &'static str {
        match self.aria_sort(column) {
            "ascending" => " ▲",
            "descending" => " ▼",
            _ => "",
        }
    }

    /// The `aria-sort` of `column`'s header: only the sorted column says how.
    pub fn aria_sort(self, column: ClassColumn) -> &'static str {
        match (self.column == column, self.ascending) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        }
    }
}

/// One row of the class table, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassRow {
    /// The entry's index in the roster.
    pub index: usize,
    pub student: String,
    /// "2.5 / 3"
    pub score: String,
    pub percent: u32,
    pub time_used: String,
    pub handed_in: String,
    pub attempt: u32,
    pub flags: Vec<String>,
}

fn compare(a: &Entry, b: &Entry, column: ClassColumn) -> std::cmp::Ordering {
    let name = |e: &Entry| crate::assignment::normalize_name(&e.record.run.student).to_lowercase();
    match column {
        ClassColumn::Student => name(a).cmp(&name(b)),
        // Score: points; a tie in points with different maxima is ordered by share.
        ClassColumn::Score => a.points.cmp(&b.points).then(share(a).cmp(&share(b))),
        ClassColumn::Percent => share(a).cmp(&share(b)),
        ClassColumn::TimeUsed => a.record.time_used_ms().cmp(&b.record.time_used_ms()),
        ClassColumn::HandedIn => a.record.handed_in_at.cmp(&b.record.handed_in_at),
        ClassColumn::Attempt => a.record.run.attempt.cmp(&b.record.run.attempt),
        ClassColumn::Flags => a.flags.len().cmp(&b.flags.len()).then_with(|| {
            let words = |e: &Entry| e.flags.iter().map(Flag::text).collect::<Vec<_>>();
            words(a).cmp(&words(b))
        }),
    }
}

/// The share earned, exactly, as a fraction compared by cross-multiplying: (points, max).
fn share(e: &Entry) -> Share {
    Share(e.points.millionths(), e.max.millionths())
}

#[derive(PartialEq, Eq)]
struct Share(u64, u64);

impl PartialOrd for Share {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Share {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // p1/m1 against p2/m2; a maximum of 0 counts as a share of 0.
        let left = u128::from(self.0) * u128::from(other.1.max(1));
        let right = u128::from(other.0) * u128::from(self.1.max(1));
        let left = if self.1 == 0 { 0 } else { left };
        let right = if other.1 == 0 { 0 } else { right };
        left.cmp(&right)
    }
}

/// The class table's rows, sorted; ties keep the order the results were taken in. Times are
/// shown in local time with the caller's offset.
pub fn class_rows(roster: &Roster, sort: Sort, utc_offset_minutes: i32) -> Vec<ClassRow> {
    let mut order: Vec<usize> = (0..roster.entries.len()).collect();
    order.sort_by(|&i, &j| {
        let by = compare(&roster.entries[i], &roster.entries[j], sort.column);
        if sort.ascending { by } else { by.reverse() }
    });
    order
        .into_iter()
        .map(|i| {
            let e = &roster.entries[i];
            ClassRow {
                index: i,
                student: e.record.run.student.clone(),
                score: format!(
                    "{} / {}",
                    e.points.display(Language::English),
                    e.max.display(Language::English)
                ),
                percent: e.percent(),
                time_used: duration_text(e.record.time_used_ms()),
                handed_in: local_date_time(e.record.handed_in_at, utc_offset_minutes),
                attempt: e.record.run.attempt,
                flags: e.flags.iter().map(Flag::text).collect(),
            }
        })
        .collect()
}

/// A duration in words, to the second: "45 s", "4 min 5 s", "1 h 2 min".
pub fn duration_text(ms: u64) -> String {
    let seconds = ms / 1000;
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    match (h, m) {
        (0, 0) => format!("{s} s"),
        (0, _) => format!("{m} min {s} s"),
        _ => format!("{h} h {m} min"),
    }
}

/// A share (0.625) as a percentage with one decimal ("62.5 %"), or "n/a" when there is none.
pub fn percent_text(share: Option<f64>) -> String {
    match share {
        Some(x) if x.is_finite() => format!("{} %", decimal(100.0 * x, 1, Language::English)),
        _ => "n/a".to_string(),
    }
}

/// A share as a CSS length for a bar's fill ("62.5%"); no share is an empty bar.
pub fn bar_width(share: Option<f64>) -> String {
    let percent = share
        .filter(|x| x.is_finite())
        .map_or(0.0, |x| (100.0 * x).clamp(0.0, 100.0));
    format!("{}%", crate::text::plain((percent * 10.0).round() / 10.0))
}

/// A download's name: "accord-gradebook-cold-war-test-2026-12-01.csv".
pub fn file_name(what: &str, title: &str, date: &str, extension: &str) -> String {
    format!("accord-{what}-{}-{date}.{extension}", slug(title))
}

/// The categories of a question's distractor counts that are right answers: the answer of a
/// single choice, each answer of a multiple select, the true/false answer, the wrong parts of
/// a spot-the-error question (the parts to pick). Matches the order `Roster::matrix` uses.
pub fn right_categories(kind: &QuestionKind) -> Vec<usize> {
    match kind {
        QuestionKind::SingleChoice { answer, .. } => vec![*answer],
        QuestionKind::MultipleSelect { answers, .. } => answers.clone(),
        QuestionKind::TrueFalse { answer } => vec![usize::from(!*answer)],
        QuestionKind::SpotError { wrong, .. } => wrong.clone(),
        _ => Vec::new(),
    }
}
