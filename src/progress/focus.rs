//! Focus mode's choice of topics: the learner's weakest, by the same mastery the dashboard
//! shows (the share of a topic's questions whose latest answer was fully right).

use super::model::BankProgress;
use super::review_log::ReviewLog;
use super::stats::mastery_by_topic;
use crate::bank::Bank;

/// Every topic's mastery in thousandths, in the bank's topic order; unanswered questions
/// count as not right, so untouched topics come first.
fn scores(bank: &Bank, progress: Option<&BankProgress>) -> Vec<(String, u32)> {
    let empty = ReviewLog::new();
    let log = progress.map_or(&empty, |p| &p.reviews);
    mastery_by_topic(bank, log)
        .into_iter()
        .map(|m| {
            let score = (m.right * 1000).checked_div(m.questions).unwrap_or(1000);
            (m.topic, score)
        })
        .collect()
}

/// One topic's mastery in thousandths (1000 for a topic without questions).
pub fn topic_score(bank: &Bank, progress: Option<&BankProgress>, topic: &str) -> u32 {
    scores(bank, progress)
        .into_iter()
        .find(|(id, _)| id == topic)
        .map_or(1000, |(_, score)| score)
}

/// The `n` weakest topics, weakest first (ties in the bank's topic order).
pub fn weakest_topics(bank: &Bank, progress: Option<&BankProgress>, n: usize) -> Vec<String> {
    let mut topics: Vec<(u32, usize, String)> = scores(bank, progress)
        .into_iter()
        .enumerate()
        .map(|(i, (id, score))| (score, i, id))
        .collect();
    topics.sort();
    topics.into_iter().take(n).map(|(_, _, id)| id).collect()
}
