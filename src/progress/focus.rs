//! Focus mode's choice of topics: the learner's weakest, by how their latest answers went.

use super::model::BankProgress;
use crate::bank::Bank;

/// A topic's mastery in thousandths: the mean credit of its questions' latest answers, with
/// unanswered questions counting 0 (so untouched topics come first).
pub fn topic_score(bank: &Bank, progress: Option<&BankProgress>, topic: &str) -> u32 {
    let credits: Vec<u32> = bank
        .questions
        .iter()
        .filter(|q| q.topic == topic)
        .map(|q| {
            progress
                .and_then(|p| p.questions.get(&q.id))
                .map_or(0, |s| u32::from(s.last_credit))
        })
        .collect();
    if credits.is_empty() {
        return 1000;
    }
    credits.iter().sum::<u32>() / credits.len() as u32
}

/// The `n` weakest topics, weakest first (ties in the bank's topic order).
pub fn weakest_topics(bank: &Bank, progress: Option<&BankProgress>, n: usize) -> Vec<String> {
    let mut topics: Vec<(u32, usize, &str)> = bank
        .topics
        .iter()
        .enumerate()
        .map(|(i, t)| (topic_score(bank, progress, &t.id), i, t.id.as_str()))
        .collect();
    topics.sort();
    topics
        .into_iter()
        .take(n)
        .map(|(_, _, id)| id.to_string())
        .collect()
}
