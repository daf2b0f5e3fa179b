//! What the start screen's choices become (`progress::plan`): the quiz settings for each mode,
//! with the rules the screen used to apply itself (every topic ticked is no filter, "All" is
//! every question, only an exam keeps a time limit, Focus picks the weakest topics).

mod common;

use accord::progress::{Count, QuizRequest, ReviewLog, available, settings_for};
use accord::quiz::QuizMode;
use common::demo_bank;

fn request(mode: QuizMode, topics: &[&str], count: Count, time_limit: Option<u32>) -> QuizRequest {
    QuizRequest {
        mode,
        topics: topics.iter().map(|t| t.to_string()).collect(),
        count,
        time_limit,
    }
}

#[test]
fn every_topic_ticked_is_no_filter_and_some_ticked_are_kept_in_the_banks_order() {
    let bank = demo_bank();
    let log = ReviewLog::new();
    let all = settings_for(
        &request(
            QuizMode::Practice,
            &["beta", "alpha"],
            Count::Exactly(5),
            None,
        ),
        &bank,
        &log,
    );
    assert_eq!(all.topics, Vec::<String>::new());
    assert_eq!(all.count, 5);
    let one = settings_for(
        &request(QuizMode::Practice, &["beta"], Count::Exactly(5), None),
        &bank,
        &log,
    );
    assert_eq!(one.topics, vec!["beta".to_string()]);
}

#[test]
fn all_means_every_question_the_topics_hold() {
    let bank = demo_bank();
    let settings = settings_for(
        &request(QuizMode::Practice, &["alpha"], Count::All, None),
        &bank,
        &log(),
    );
    // The demo bank's "alpha" topic holds its first two questions (one.toml, lines 4 and 16).
    assert_eq!(available(&bank, &["alpha".to_string()]), 2);
    assert_eq!(Count::All.of(2), 2);
    assert_eq!(Count::Exactly(20).of(2), 2);
    assert_eq!(Count::Exactly(1).of(2), 1);
    assert_eq!(settings.count, usize::MAX, "the draw takes what there is");
}

#[test]
fn only_an_exam_keeps_its_time_limit() {
    let bank = demo_bank();
    for (mode, kept) in [
        (QuizMode::Exam, Some(300)),
        (QuizMode::Practice, None),
        (QuizMode::Review, None),
        (QuizMode::Focus, None),
    ] {
        let settings = settings_for(
            &request(mode, &["alpha"], Count::Exactly(5), Some(300)),
            &bank,
            &log(),
        );
        assert_eq!(settings.time_limit, kept, "{mode:?}");
        assert_eq!(settings.mode, mode);
    }
}

#[test]
fn focus_ignores_the_ticked_topics_and_draws_from_the_weakest() {
    let bank = demo_bank();
    // With nothing answered every topic is equally weak: the bank's order breaks the tie, and
    // the demo bank has only two topics of the three Focus would take.
    let settings = settings_for(
        &request(QuizMode::Focus, &["beta"], Count::Exactly(5), None),
        &bank,
        &log(),
    );
    assert_eq!(
        settings.topics,
        vec!["alpha".to_string(), "beta".to_string()]
    );
}

fn log() -> ReviewLog {
    ReviewLog::new()
}

#[test]
fn the_retention_choices_read_as_whole_percentages_with_the_default_recommended() {
    use accord::progress::LearnerSettings;
    let labels: Vec<String> = LearnerSettings::RETENTIONS
        .into_iter()
        .map(LearnerSettings::retention_label)
        .collect();
    // 0.85 is 850 thousandths: 85 %, not 84 % from a float just under it.
    assert_eq!(labels, ["80 %", "85 %", "90 % (recommended)", "95 %"]);
}
