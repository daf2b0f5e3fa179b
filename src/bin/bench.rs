//! Benchmarks (not tests: nothing here asserts a time). Run in release:
//!
//!     cargo run --release --bin bench
//!
//! Prints the median of repeated runs for: the due queue of 10,000 cards, parsing and
//! validating a generated 10,000-question bank, and the stored size of 100,000 reviews.

use std::time::{Duration, Instant};

use accord::bank::{Rules, load_bank_with};
use accord::progress::{Review, ReviewLog, cards, due_questions};
use accord::quiz::Credit;
use accord::schedule::{DAY_MS, Scheduler};

/// 2024-01-01 in ms since the epoch.
const T0: u64 = 1_704_067_200_000;

fn median_of(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
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

/// A bank of `n` questions cycling through every type, as TOML text.
fn generated_bank(n: usize) -> (String, String) {
    let manifest = r#"[bank]
id = "bench"
title = "Bench"
description = "Generated."
version = "1"
language = "en"
files = ["q.toml"]

[[topic]]
id = "t"
title = "Topic"
"#
    .to_string();
    let mut text = String::with_capacity(n * 400);
    let common = "explanation = \"Because.\"\nfacts = [\"F-FA-02\"]\nsources = [\"https://example.org/s\"]\ndifficulty = 2\n";
    for i in 0..n {
        let body = match i % 9 {
            0 => "type = \"single\"\nchoices = [\"A\", \"B\", \"C\", \"D\"]\nanswer = \"A\"\n".to_string(),
            1 => "type = \"multiple\"\nchoices = [\"A\", \"B\", \"C\", \"D\"]\nanswer = [\"A\", \"C\"]\n".to_string(),
            2 => "type = \"true_false\"\nanswer = true\n".to_string(),
            3 => "type = \"ordering\"\nitems = [\"A\", \"B\", \"C\", \"D\"]\n".to_string(),
            4 => "type = \"matching\"\npairs = [[\"A\", \"1\"], [\"B\", \"2\"], [\"C\", \"3\"]]\n".to_string(),
            5 => "type = \"numeric\"\nanswer = 1997\ntolerance = 1\n".to_string(),
            6 => "type = \"short_text\"\nanswer = \"Paris\"\naccept = [\"Paris, France\"]\ntypos = 1\n".to_string(),
            7 => "type = \"cloze\"\ntext = \"In {1} in {2}.\"\nblanks = [{ answer = \"Paris\" }, { answer = \"1997\", options = [\"1991\", \"1997\"] }]\n".to_string(),
            _ => "type = \"spot_error\"\nparts = [\"A\", \"B\", \"C\"]\nwrong = [\"B\"]\nerrors = [\"E-001-03\"]\n".to_string(),
        };
        text.push_str(&format!(
            "[[question]]\nid = \"q-{i:05}\"\ntopic = \"t\"\nprompt = \"Question {i}?\"\n{body}{common}\n"
        ));
    }
    (manifest, text)
}

fn main() {
    println!("Accord benchmarks (median of repeated runs, release build)\n");

    // 1. Due queue for 10,000 cards.
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

    // 2. Parse and validate a generated 10,000-question bank.
    let (manifest, questions) = generated_bank(10_000);
    let bytes = manifest.len() + questions.len();
    let mut count = 0;
    let parse = median_of(11, || {
        let bank = load_bank_with(
            "bench/index.toml",
            |path| {
                Ok(if path.ends_with("index.toml") {
                    manifest.clone()
                } else {
                    questions.clone()
                })
            },
            Rules::default(),
        )
        .expect("the generated bank is valid");
        count = bank.questions.len();
    });
    println!(
        "parse + validate {count} questions ({} KB):   {:>9.3} ms  (target ≤ 100 ms)",
        bytes / 1024,
        ms(parse)
    );
    let syntax = median_of(11, || {
        std::hint::black_box(toml::de::DeTable::parse(&questions).expect("valid TOML"));
    });
    println!(
        "  of which TOML syntax alone:                 {:>9.3} ms",
        ms(syntax)
    );

    // 3. Storage bytes for 100,000 reviews.
    let big = review_log(2_000, 50);
    let stored = serde_json::to_string(&big).expect("serializes").len();
    println!(
        "storage for {} reviews:                   {:>9} bytes = {:.2} bytes a review (target ≤ 3.2 MB, ≤ 32 B a review)",
        big.len(),
        stored,
        stored as f64 / big.len() as f64
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
