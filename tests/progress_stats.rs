//! The dashboard's numbers: accuracy over time, streak, mastery per topic, the forecast and
//! per-question history, computed from a review log at a given time.

mod common;

use accord::Bank;
use accord::calendar::{Date, LocalTime, local_date_time, local_day};
use accord::progress::{
    DashboardStats, FORECAST_DAYS, Review, ReviewLog, accuracy_series, due_forecast,
    mastery_by_topic, question_history, streak,
};
use accord::quiz::Credit;
use accord::quiz::Outcome;
use accord::schedule::{DAY_MS, Scheduler};

/// 2025-03-12T12:00:00Z, local day 20159 at UTC.
const NOW: u64 = 1_741_780_800_000;
const TODAY: i64 = 20_159;
const HOUR_MS: u64 = 3_600_000;

/// The three-question bank of the browser tests: k-single and k-tf in "founding",
/// k-multiple in "later".
fn kbd_bank() -> Bank {
    common::load(
        &[("index.toml", include_str!("e2e/fixtures/kbd/index.toml"))],
        None,
    )
    .expect("the kbd bank is valid")
}

/// A log of (question, ms before NOW, credit).
fn log(reviews: &[(&str, u64, u16)]) -> ReviewLog {
    let mut log = ReviewLog::new();
    for &(question, ago, credit) in reviews {
        log.push(Review::new(
            question,
            NOW - ago,
            Credit::from_thousandths(credit).unwrap(),
        ));
    }
    log
}

fn scheduler() -> Scheduler {
    Scheduler::new(0.9).unwrap()
}

#[test]
fn an_empty_log_gives_an_empty_dashboard() {
    let bank = kbd_bank();
    let stats = DashboardStats::compute(
        &bank,
        &ReviewLog::new(),
        &scheduler(),
        LocalTime::new(NOW, 0),
    );
    assert!(stats.is_empty());
    assert!(stats.accuracy.buckets.is_empty());
    assert_eq!(stats.streak.days, 0);
    assert!(!stats.streak.includes_today);
    assert_eq!(stats.forecast, vec![0; FORECAST_DAYS]);
    assert!(stats.history.is_empty());
    // Mastery still lists every topic, with nothing answered.
    let topics: Vec<(&str, u32, u32)> = stats
        .mastery
        .iter()
        .map(|m| (m.topic.as_str(), m.questions, m.unanswered()))
        .collect();
    assert_eq!(topics, [("founding", 2, 2), ("later", 1, 1)]);
}

#[test]
fn accuracy_is_the_share_of_full_credit_answers_per_day() {
    let log = log(&[
        // Two days ago: 1 right of 3 (a partial answer is not right) → 33 %.
        ("k-single", 2 * DAY_MS, 1000),
        ("k-tf", 2 * DAY_MS - HOUR_MS, 0),
        ("k-multiple", 2 * DAY_MS - 2 * HOUR_MS, 667),
        // Yesterday: nothing. Today: 2 right of 2 → 100 %.
        ("k-single", HOUR_MS, 1000),
        ("k-tf", 0, 1000),
    ]);
    let series = accuracy_series(&log, LocalTime::new(NOW, 0));
    assert_eq!(series.bucket_days, 1);
    let days: Vec<(i64, u32, u32, Option<u32>)> = series
        .buckets
        .iter()
        .map(|b| (b.first_day, b.answers, b.right, b.percent()))
        .collect();
    assert_eq!(
        days,
        [
            (TODAY - 2, 3, 1, Some(33)),
            (TODAY - 1, 0, 0, None),
            (TODAY, 2, 2, Some(100)),
        ]
    );
}

#[test]
fn accuracy_rounds_to_the_nearest_percent() {
    // 2 right of 3 is 66.7 %, shown as 67.
    let log = log(&[("a", 3, 1000), ("b", 2, 1000), ("c", 1, 999)]);
    assert_eq!(
        accuracy_series(&log, LocalTime::new(NOW, 0)).buckets[0].percent(),
        Some(67)
    );
}

#[test]
fn a_span_longer_than_thirty_days_goes_by_week_ending_today() {
    // 40 days ago to today is 41 days: 6 weeks, the first starting 41 days ago.
    let log = log(&[("k-single", 40 * DAY_MS, 0), ("k-single", 0, 1000)]);
    let series = accuracy_series(&log, LocalTime::new(NOW, 0));
    assert_eq!(series.bucket_days, 7);
    assert_eq!(series.buckets.len(), 6);
    assert_eq!(series.buckets[0].first_day, TODAY - 41);
    assert_eq!(series.buckets[5].first_day, TODAY - 6);
    assert_eq!(series.buckets[0].percent(), Some(0));
    assert_eq!(series.buckets[5].percent(), Some(100));
    let total: u32 = series.buckets.iter().map(|b| b.answers).sum();
    assert_eq!(total, 2);
}

#[test]
fn a_span_of_exactly_thirty_days_still_goes_by_day() {
    let log = log(&[("k-single", 29 * DAY_MS, 1000)]);
    let series = accuracy_series(&log, LocalTime::new(NOW, 0));
    assert_eq!((series.bucket_days, series.buckets.len()), (1, 30));
}

#[test]
fn answers_dated_after_today_are_left_out_of_accuracy() {
    let mut log = log(&[("k-single", 0, 1000)]);
    log.push(Review::new("k-tf", NOW + 2 * DAY_MS, Credit::ZERO));
    let series = accuracy_series(&log, LocalTime::new(NOW, 0));
    assert_eq!(series.buckets.len(), 1);
    assert_eq!(series.buckets[0].answers, 1);
}

#[test]
fn the_streak_counts_consecutive_days_back_from_today_and_stops_at_a_gap() {
    // Today, 1 and 2 days ago; a gap 3 days ago; 4 and 5 days ago do not count.
    let log = log(&[
        ("k-single", 0, 1000),
        ("k-single", DAY_MS, 0),
        ("k-tf", 2 * DAY_MS, 1000),
        ("k-tf", 2 * DAY_MS + HOUR_MS, 1000),
        ("k-single", 4 * DAY_MS, 1000),
        ("k-single", 5 * DAY_MS, 1000),
    ]);
    let s = streak(&log, LocalTime::new(NOW, 0));
    assert_eq!(s.days, 3);
    assert!(s.includes_today);
}

#[test]
fn a_streak_ending_yesterday_is_still_current() {
    let log = log(&[("k-single", DAY_MS, 1000), ("k-single", 2 * DAY_MS, 1000)]);
    let s = streak(&log, LocalTime::new(NOW, 0));
    assert_eq!(s.days, 2);
    assert!(!s.includes_today);
}

#[test]
fn a_streak_that_ended_before_yesterday_is_zero() {
    let log = log(&[
        ("k-single", 2 * DAY_MS, 1000),
        ("k-single", 3 * DAY_MS, 1000),
    ]);
    assert_eq!(streak(&log, LocalTime::new(NOW, 0)).days, 0);
}

#[test]
fn days_are_the_learners_local_days() {
    // 23:30 UTC is already the next day at UTC+1, and still the same day at UTC-5.
    let late = NOW + 11 * HOUR_MS + HOUR_MS / 2;
    assert_eq!(local_day(late, 0), TODAY);
    assert_eq!(local_day(late, 60), TODAY + 1);
    assert_eq!(local_day(late, -300), TODAY);
    // Yesterday 23:30 UTC is yesterday in UTC, but today 00:30 at UTC+1.
    let mut log = ReviewLog::new();
    log.push(Review::new(
        "k-single",
        NOW - 12 * HOUR_MS - HOUR_MS / 2,
        Credit::FULL,
    ));
    assert_eq!(streak(&log, LocalTime::new(NOW, 0)).days, 1);
    assert!(!streak(&log, LocalTime::new(NOW, 0)).includes_today);
    assert!(streak(&log, LocalTime::new(NOW, 60)).includes_today);
}

#[test]
fn mastery_per_topic_counts_each_questions_latest_answer() {
    let bank = kbd_bank();
    let log = log(&[
        // k-single: wrong, then right; the latest counts.
        ("k-single", 2 * DAY_MS, 0),
        ("k-single", DAY_MS, 1000),
        // k-tf: right, then wrong.
        ("k-tf", 2 * DAY_MS, 1000),
        ("k-tf", 0, 0),
        // A question the bank no longer has is ignored.
        ("gone", 0, 1000),
    ]);
    let mastery = mastery_by_topic(&bank, &log);
    let founding = &mastery[0];
    assert_eq!(
        (founding.topic.as_str(), founding.title.as_str()),
        ("founding", "Founding")
    );
    assert_eq!(
        (
            founding.questions,
            founding.right,
            founding.partial,
            founding.wrong
        ),
        (2, 1, 0, 1)
    );
    // 1 of 2 questions last answered right.
    assert_eq!(founding.percent(), 50);
    let later = &mastery[1];
    assert_eq!(
        (later.questions, later.unanswered(), later.percent()),
        (1, 1, 0)
    );
}

#[test]
fn a_partly_right_latest_answer_is_not_mastered() {
    let bank = kbd_bank();
    let log = log(&[("k-multiple", 0, 667)]);
    let later = &mastery_by_topic(&bank, &log)[1];
    assert_eq!((later.partial, later.right, later.percent()), (1, 0, 0));
}

#[test]
fn history_lists_answered_questions_newest_first_with_their_answers_newest_first() {
    let bank = kbd_bank();
    let log = log(&[
        ("k-tf", 3 * DAY_MS, 1000),
        ("k-single", 2 * DAY_MS, 0),
        ("k-tf", DAY_MS, 0),
        ("k-single", HOUR_MS, 1000),
        ("gone", 2 * HOUR_MS, 500),
    ]);
    let history = question_history(&bank, &log);
    let order: Vec<&str> = history.iter().map(|h| h.question.as_str()).collect();
    assert_eq!(order, ["k-single", "gone", "k-tf"]);
    let single = &history[0];
    assert_eq!(
        single.prompt.as_deref(),
        Some("Where was the NATO–Russia Founding Act signed?")
    );
    let outcomes: Vec<(u64, Outcome)> =
        single.reviews.iter().map(|r| (r.at, r.outcome())).collect();
    assert_eq!(
        outcomes,
        [
            (NOW - HOUR_MS, Outcome::Right),
            (NOW - 2 * DAY_MS, Outcome::Wrong)
        ]
    );
    assert_eq!(history[1].prompt, None);
    assert_eq!(history[1].reviews[0].outcome(), Outcome::Partial);
    // k-multiple was never answered, so it has no row.
    assert_eq!(history.len(), 3);
}

#[test]
fn the_forecast_has_one_slot_a_day_and_counts_each_question_once() {
    let bank = kbd_bank();
    let log = log(&[
        // Wrong: due again in 1 day.
        ("k-tf", 0, 0),
        // Right twice; only the question's latest card counts.
        ("k-single", DAY_MS, 1000),
        ("k-single", 0, 1000),
        // Not in the bank: left out.
        ("gone", 0, 0),
    ]);
    let days = due_forecast(
        &log,
        &scheduler(),
        |id| bank.question(id).is_some(),
        NOW,
        14,
    );
    assert_eq!(days.len(), 14);
    assert_eq!(days.iter().sum::<usize>(), 2);
    // An Again card is due after the minimum interval of one day: slot 1.
    assert_eq!(days[1], 1);
}

#[test]
fn overdue_reviews_fall_in_the_first_slot_of_the_forecast() {
    let bank = kbd_bank();
    let log = log(&[("k-tf", 30 * DAY_MS, 0)]);
    let days = due_forecast(
        &log,
        &scheduler(),
        |id| bank.question(id).is_some(),
        NOW,
        14,
    );
    assert_eq!(days[0], 1);
}

#[test]
fn day_numbers_turn_into_calendar_dates() {
    assert_eq!(Date::from_day(0).to_string(), "1970-01-01");
    assert_eq!(Date::from_day(TODAY).to_string(), "2025-03-12");
    // 2024 is a leap year: 2025-03-12 is 377 days after 2024-02-29.
    assert_eq!(Date::from_day(TODAY - 377).to_string(), "2024-02-29");
    assert_eq!(Date::from_day(TODAY).short(), "12 Mar");
    assert_eq!(local_date_time(NOW + 5 * 60_000, 90), "2025-03-12 13:35");
}
