//! Benchmarks (not tests: nothing here asserts a time). Run in release:
//!
//!     cargo run --release --bin bench [queue] [parse] [storage] [results]
//!
//! Prints the median of repeated runs for: the due queue of 10,000 cards, parsing and
//! validating a generated 10,000-question bank, the stored size of 100,000 reviews, and a
//! class's results (1,000 result files of a 50-question assignment read, checked, regraded and
//! analysed); all four, or the ones named. The browser runs the same parse in `bench_page`.

use std::time::{Duration, Instant};

#[path = "bench/class.rs"]
mod class;
#[path = "bench/generated.rs"]
mod generated;

use accord::progress::{Review, ReviewLog, cards, due_questions};
use accord::quiz::Credit;
use accord::schedule::{DAY_MS, Scheduler};

/// 2024-01-01 in ms since the epoch.
const T0: u64 = 1_704_067_200_000;

/// The times of `runs` runs of `f`, sorted.
fn times_of(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times
}

fn median_of(runs: usize, f: impl FnMut()) -> Duration {
    times_of(runs, f)[runs / 2]
}

/// A review log over `questions` questions, `per_question` reviews each, a few days apart.
fn review_log(questions: usize, per_question: usize) -> ReviewLog {
    let mut log = ReviewLog::new();
    for q in 0..questions {
        for r in 0..per_question {
            let at = T0 + (r as u64) * 3 * DAY_MS + (q as u64) * 1000;
            let credit = if (q + r) % 4 == 0 {
                Credit::ZERO
            } else {
                Credit::FULL
            };
            log.push(Review::new(&format!("q-{q:05}"), at, credit));
        }
    }
    log
}

fn main() {
    let asked: Vec<String> = std::env::args().skip(1).collect();
    let sections = ["queue", "parse", "storage", "results"];
    if let Some(bad) = asked.iter().find(|a| !sections.contains(&a.as_str())) {
        eprintln!(
            "unknown benchmark {bad:?}; choose from {}",
            sections.join(", ")
        );
        std::process::exit(2);
    }
    let run = |name: &str| asked.is_empty() || asked.iter().any(|a| a == name);
    println!("Accord benchmarks (median of repeated runs, release build)\n");
    if run("queue") {
        queue();
    }
    if run("parse") {
        parse();
    }
    if run("storage") {
        storage();
    }
    if run("results") {
        results();
    }
}

/// 1. Due queue for 10,000 cards.
fn queue() {
    let scheduler = Scheduler::default();
    let log = review_log(10_000, 3);
    let card_map = cards(&log, &scheduler);
    let now = T0 + 30 * DAY_MS;
    let mut due = 0;
    let queue = median_of(51, || due = due_questions(&card_map, |_| true, now).len());
    println!(
        "due queue, {} cards ({due} due):             {:>9.3} ms  (target ≤ 20 ms)",
        card_map.len(),
        ms(queue)
    );
    let replay = median_of(11, || {
        std::hint::black_box(cards(&log, &scheduler));
    });
    println!(
        "cards from the log, {} reviews replayed:     {:>9.3} ms",
        log.len(),
        ms(replay)
    );
}

/// 2. Parse and validate a generated 10,000-question bank.
fn parse() {
    let (manifest, questions) = generated::generated_bank(10_000);
    let bytes = manifest.len() + questions.len();
    let mut count = 0;
    let times = times_of(11, || {
        count = generated::parse_and_validate(&manifest, &questions)
    });
    println!(
        "parse + validate {count} questions ({} KB):   {:>9.3} ms  (target ≤ 50 ms; min {:.3}, max {:.3})",
        bytes / 1024,
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    );
    let syntax = median_of(11, || {
        std::hint::black_box(toml::de::DeTable::parse(&questions).expect("valid TOML"));
    });
    println!(
        "  of which TOML syntax alone:                 {:>9.3} ms",
        ms(syntax)
    );
}

/// 3. Storage bytes for 100,000 reviews.
fn storage() {
    let big = review_log(2_000, 50);
    let stored = serde_json::to_string(&big).expect("serializes").len();
    println!(
        "storage for {} reviews:                   {:>9} bytes = {:.2} bytes a review (target ≤ 3.2 MB, ≤ 32 B a review)",
        big.len(),
        stored,
        stored as f64 / big.len() as f64
    );
}

/// Section 4, a class's results: 1,000 result files of a 50-question assignment, each read
/// from its text and checked, taken into the roster (regraded with the bank), then analysed.
fn results() {
    let class = class::Class::generated(1_000, class::QUESTIONS);
    let bytes: usize = class.files.iter().map(String::len).sum();
    let mut summary = (0, 0.0);
    let times = times_of(11, || summary = class.import_and_analyse());
    println!(
        "results: {} files ({} KB) of {} questions in: {:>9.3} ms  (target ≤ 50 ms; min {:.3}, max {:.3}; mean score {:.1} %)",
        summary.0,
        bytes / 1024,
        class::QUESTIONS,
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
        summary.1 * 100.0
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
