//! The numbers behind the progress dashboard: accuracy over time, mastery per topic, the
//! streak, the review forecast and per-question history, all derived from the review log.
//!
//! Pure functions over plain values: the time and the learner's UTC offset come in (as a
//! `LocalTime`); nothing here reads the clock or knows about the browser. Reviews carried over
//! from old counts have no real time, so the charts over time leave them out.

use std::collections::{BTreeMap, BTreeSet};

use super::due::{cards, forecast};
use super::review_log::{Review, ReviewLog};
use crate::bank::Bank;
use crate::calendar::{LocalTime, local_day};
use crate::quiz::{Credit, Outcome};
use crate::schedule::Scheduler;

/// The longest span, in days, that the accuracy chart shows day by day; longer spans go by week.
pub const DAILY_SPAN_DAYS: i64 = 30;

/// How many days ahead the review forecast looks.
pub const FORECAST_DAYS: usize = 14;

/// Answers in one stretch of days of the accuracy chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccuracyBucket {
    /// The stretch's first local day (see [`local_day`]).
    pub first_day: i64,
    pub answers: u32,
    /// Answers with full credit.
    pub right: u32,
}

impl AccuracyBucket {
    /// The share of full-credit answers as a whole percentage (rounded to nearest), or
    /// `None` when there were no answers.
    pub fn percent(&self) -> Option<u32> {
        (self.answers > 0)
            .then(|| crate::text::percent_of(u64::from(self.right), u64::from(self.answers)))
    }
}

/// Accuracy over time: the share of full-credit answers per day, or per week when the log
/// spans more than [`DAILY_SPAN_DAYS`] days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccuracySeries {
    /// 1 (per day) or 7 (per week).
    pub bucket_days: u32,
    /// Oldest first and contiguous, the last ending today; buckets without answers are kept
    /// (with `answers == 0`) so that the x axis is time.
    pub buckets: Vec<AccuracyBucket>,
}

/// The accuracy series of a log at `now`, over the whole span from the first answer to today.
///
/// Spans of up to [`DAILY_SPAN_DAYS`] days go day by day; longer spans go by week, the last
/// week ending today. Answers dated after today (a clock moved back) are left out.
pub fn accuracy_series(log: &ReviewLog, time: LocalTime) -> AccuracySeries {
    let utc_offset_minutes = time.utc_offset_minutes;
    let today = time.today();
    let days: Vec<(i64, bool)> = log
        .timed()
        .map(|r| (local_day(r.at, utc_offset_minutes), r.credit.is_full()))
        .filter(|&(day, _)| day <= today)
        .collect();
    let Some(first) = days.iter().map(|&(day, _)| day).min() else {
        return AccuracySeries::default();
    };
    let span = today - first + 1;
    let width: i64 = if span <= DAILY_SPAN_DAYS { 1 } else { 7 };
    // Bucket k (0 = oldest) covers days start + k·width .. start + (k+1)·width - 1.
    let count = (span + width - 1) / width;
    let start = today - count * width + 1;
    let mut buckets: Vec<AccuracyBucket> = (0..count)
        .map(|k| AccuracyBucket {
            first_day: start + k * width,
            answers: 0,
            right: 0,
        })
        .collect();
    for (day, right) in days {
        let bucket = &mut buckets[((day - start) / width) as usize];
        bucket.answers += 1;
        bucket.right += u32::from(right);
    }
    AccuracySeries {
        bucket_days: width as u32,
        buckets,
    }
}

/// Consecutive local days with at least one answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Streak {
    pub days: u32,
    /// Whether today already has an answer (otherwise the streak, if any, ended yesterday and
    /// is kept alive by answering today).
    pub includes_today: bool,
}

/// The current streak at `now`: the run of consecutive local days with at least one answer
/// that ends today, or yesterday when today has no answer yet. Zero when neither has one.
pub fn streak(log: &ReviewLog, time: LocalTime) -> Streak {
    let days: BTreeSet<i64> = log
        .timed()
        .map(|r| local_day(r.at, time.utc_offset_minutes))
        .collect();
    let today = time.today();
    let includes_today = days.contains(&today);
    let mut day = if includes_today { today } else { today - 1 };
    let mut count = 0;
    while days.contains(&day) {
        count += 1;
        day -= 1;
    }
    Streak {
        days: count,
        includes_today,
    }
}

/// One topic's mastery: how its questions' latest answers went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicMastery {
    pub topic: String,
    pub title: String,
    /// Questions in the topic (answered or not).
    pub questions: u32,
    /// Questions whose latest answer had full credit.
    pub right: u32,
    /// Questions whose latest answer had partial credit.
    pub partial: u32,
    /// Questions whose latest answer had no credit.
    pub wrong: u32,
}

impl TopicMastery {
    /// Questions never answered.
    pub fn unanswered(&self) -> u32 {
        self.questions
            .saturating_sub(self.right + self.partial + self.wrong)
    }

    /// Mastery: the share of the topic's questions whose latest answer was fully right, as a
    /// whole percentage (rounded to nearest); 0 for a topic without questions.
    pub fn percent(&self) -> u32 {
        crate::text::percent_of(u64::from(self.right), u64::from(self.questions))
    }
}

/// Mastery per topic of the bank, in the bank's topic order: for each topic, how many of its
/// questions were last answered right, partly right and wrong. Reviews of questions the bank
/// no longer has are ignored.
pub fn mastery_by_topic(bank: &Bank, log: &ReviewLog) -> Vec<TopicMastery> {
    let latest: BTreeMap<&str, Credit> = log
        .records()
        .into_iter()
        .map(|(id, record)| (id, record.latest.credit))
        .collect();
    bank.topics
        .iter()
        .map(|topic| {
            let mut mastery = TopicMastery {
                topic: topic.id.clone(),
                title: topic.title.clone(),
                questions: 0,
                right: 0,
                partial: 0,
                wrong: 0,
            };
            for question in bank.questions.iter().filter(|q| q.topic == topic.id) {
                mastery.questions += 1;
                match Outcome::of(latest.get(question.id.as_str()).copied()) {
                    Outcome::Right => mastery.right += 1,
                    Outcome::Partial => mastery.partial += 1,
                    Outcome::Wrong => mastery.wrong += 1,
                    Outcome::Unanswered => {}
                }
            }
            mastery
        })
        .collect()
}

/// How many reviews fall due on each of the next `days` days (day 0 is the next 24 hours and
/// includes everything overdue), for questions the bank still has.
pub fn due_forecast(
    log: &ReviewLog,
    scheduler: &Scheduler,
    exists: impl Fn(&str) -> bool,
    now: u64,
    days: usize,
) -> Vec<usize> {
    let mut all = cards(log, scheduler);
    all.retain(|id, _| exists(id));
    forecast(&all, now, days)
}

/// One answer in a question's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// ms since the Unix epoch.
    pub at: u64,
    pub credit: Credit,
    /// Whether `at` is when it happened (not an answer carried over from old counts).
    pub timed: bool,
}

impl HistoryEntry {
    pub fn outcome(&self) -> Outcome {
        Outcome::of(Some(self.credit))
    }
}

/// Every answer to one question, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionHistory {
    pub question: String,
    /// The question's prompt, or `None` when the bank no longer has it.
    pub prompt: Option<String>,
    pub reviews: Vec<HistoryEntry>,
}

impl QuestionHistory {
    /// The newest answer's time.
    pub fn last_seen(&self) -> u64 {
        self.reviews.first().map_or(0, |r| r.at)
    }
}

/// Per-question history: every answered question with its answers newest first, the
/// questions ordered by their newest answer, newest first (ties by question id).
pub fn question_history(bank: &Bank, log: &ReviewLog) -> Vec<QuestionHistory> {
    let mut rows: Vec<QuestionHistory> = log
        .by_question()
        .into_iter()
        .map(|(id, reviews)| QuestionHistory {
            question: id.to_string(),
            prompt: bank.question(id).map(|q| q.prompt.clone()),
            reviews: reviews.iter().rev().map(|r| entry(r)).collect(),
        })
        .collect();
    rows.sort_by(|a, b| {
        b.last_seen()
            .cmp(&a.last_seen())
            .then_with(|| a.question.cmp(&b.question))
    });
    rows
}

fn entry(review: &Review) -> HistoryEntry {
    HistoryEntry {
        at: review.at,
        credit: review.credit,
        timed: review.is_timed(),
    }
}

/// Everything the dashboard shows, computed at once.
#[derive(Debug, Clone, PartialEq)]
pub struct DashboardStats {
    /// Answers in the log.
    pub answers: usize,
    pub accuracy: AccuracySeries,
    pub mastery: Vec<TopicMastery>,
    pub streak: Streak,
    /// Reviews due on each of the next [`FORECAST_DAYS`] days.
    pub forecast: Vec<usize>,
    pub history: Vec<QuestionHistory>,
}

impl DashboardStats {
    /// The dashboard of `bank` from its review log at `time`, days counted in the learner's
    /// local time.
    pub fn compute(
        bank: &Bank,
        log: &ReviewLog,
        scheduler: &Scheduler,
        time: LocalTime,
    ) -> DashboardStats {
        DashboardStats {
            answers: log.len(),
            accuracy: accuracy_series(log, time),
            mastery: mastery_by_topic(bank, log),
            streak: streak(log, time),
            forecast: due_forecast(
                log,
                scheduler,
                |id| bank.question(id).is_some(),
                time.now,
                FORECAST_DAYS,
            ),
            history: question_history(bank, log),
        }
    }

    /// Nothing answered yet: the dashboard says so instead of drawing empty charts.
    pub fn is_empty(&self) -> bool {
        self.answers == 0
    }
}
