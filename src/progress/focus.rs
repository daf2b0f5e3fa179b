//! Focus mode's choice of topics: the learner's weakest, by the same mastery the dashboard
//! shows (the share of a topic's questions whose latest answer was fully right).

use super::review_log::ReviewLog;
use super::stats::mastery_by_topic;
use crate::bank::Bank;

/// How many of the weakest topics a focus quiz draws from.
pub const FOCUS_TOPICS: usize = 3;
/// [`FOCUS_TOPICS`] as the screens say it.
pub const FOCUS_TOPICS_IN_WORDS: &str = "three";
const _: () = assert!(
    FOCUS_TOPICS == 3,
    "FOCUS_TOPICS_IN_WORDS must say FOCUS_TOPICS"
);

/// Every topic's mastery in thousandths, in the bank's topic order; unanswered questions
/// count as not right, so untouched topics come first.
fn scores(bank: &Bank, log: &ReviewLog) -> Vec<(String, u64)> {
    mastery_by_topic(bank, log)
        .into_iter()
        .map(|m| {
            let score = (u64::from(m.right) * 1000)
                .checked_div(u64::from(m.questions))
                .unwrap_or(1000);
            (m.topic, score)
        })
        .collect()
}

/// The `n` weakest topics, weakest first (ties in the bank's topic order).
pub fn weakest_topics(bank: &Bank, log: &ReviewLog, n: usize) -> Vec<String> {
    let mut topics: Vec<(u64, usize, String)> = scores(bank, log)
        .into_iter()
        .enumerate()
        .map(|(i, (id, score))| (score, i, id))
        .collect();
    topics.sort();
    topics.into_iter().take(n).map(|(_, _, id)| id).collect()
}
