//! What a quiz adds up to: points out of the most it could earn, a tally by outcome, and the
//! same per topic. Derived from a session and its bank, never stored.

use super::credit::{Outcome, Points};
use super::session::QuizSession;
use crate::bank::Bank;

/// The score of one topic of a quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicScore {
    pub topic: String,
    pub questions: usize,
    pub points: Points,
    pub max: Points,
}

impl TopicScore {
    pub fn percent(&self) -> u32 {
        self.points.percent_of(self.max)
    }
}

/// How many answers had each outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub right: usize,
    pub partial: usize,
    pub wrong: usize,
    pub unanswered: usize,
}

impl Tally {
    pub fn count(&self, outcome: Outcome) -> usize {
        match outcome {
            Outcome::Right => self.right,
            Outcome::Partial => self.partial,
            Outcome::Wrong => self.wrong,
            Outcome::Unanswered => self.unanswered,
        }
    }

    /// "2 right · 1 partly right · 7 not answered": the outcomes that occurred, in order.
    pub fn text(&self, language: crate::text::Language) -> String {
        Outcome::ALL
            .into_iter()
            .filter(|o| self.count(*o) > 0)
            .map(|o| {
                format!(
                    "{} {}",
                    crate::text::integer(self.count(o) as u64, language),
                    o.label().to_lowercase()
                )
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Right => self.right += 1,
            Outcome::Partial => self.partial += 1,
            Outcome::Wrong => self.wrong += 1,
            Outcome::Unanswered => self.unanswered += 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizResult {
    pub points: Points,
    /// The most the quiz could earn: every question's points.
    pub max: Points,
    pub questions: usize,
    pub tally: Tally,
    /// In the bank's topic order, only topics the quiz drew from.
    pub topics: Vec<TopicScore>,
}

impl QuizResult {
    /// The score as a whole percentage of the most it could be, rounded half up.
    pub fn percent(&self) -> u32 {
        self.points.percent_of(self.max)
    }

    /// The score so far (the final score once finished) of `session` on `bank`.
    pub fn of(session: &QuizSession, bank: &Bank) -> QuizResult {
        let mut result = QuizResult {
            points: Points::ZERO,
            max: Points::ZERO,
            questions: session.items.len(),
            tally: Tally::default(),
            topics: Vec::new(),
        };
        let mut per_topic: Vec<TopicScore> = bank
            .topics
            .iter()
            .map(|t| TopicScore {
                topic: t.id.clone(),
                questions: 0,
                points: Points::ZERO,
                max: Points::ZERO,
            })
            .collect();
        for (item, answer) in session.items.iter().zip(&session.answers) {
            let credit = answer.as_ref().map(|a| a.credit);
            result.tally.add(Outcome::of(credit));
            let Some(question) = bank.question(&item.question) else {
                continue;
            };
            let points = credit.map_or(Points::ZERO, |c| Points::earned(c, question.points));
            let max = Points::max(question.points);
            result.points += points;
            result.max += max;
            if let Some(slot) = per_topic.iter_mut().find(|t| t.topic == question.topic) {
                slot.questions += 1;
                slot.points += points;
                slot.max += max;
            }
        }
        result.topics = per_topic.into_iter().filter(|t| t.questions > 0).collect();
        result
    }
}
