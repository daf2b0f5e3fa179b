//! Drawing a quiz: which questions, in which order, and how each one's choices are laid out.
//! Everything follows from the seed, so the same link gives everyone the same quiz.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::seed::Seed;
use crate::bank::{Bank, BlankShape, Shape};

/// How a quiz picks its questions and gives feedback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuizMode {
    /// Drawn by seed from the chosen topics, with feedback after each answer.
    #[default]
    Practice,
    /// The questions spaced repetition says are due, most overdue first.
    Review,
    /// No feedback until the end, optionally against a time limit; speed never scores.
    Exam,
    /// Drawn from the learner's weakest topics.
    Focus,
}

impl QuizMode {
    /// Whether each answer's feedback shows right after it (not in an exam).
    pub fn gives_feedback(self) -> bool {
        self != QuizMode::Exam
    }
}

/// What the learner chose on the start screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizSettings {
    /// Topic ids to draw from; empty means every topic.
    pub topics: Vec<String>,
    /// How many questions; fewer when the topics hold fewer.
    pub count: usize,
    #[serde(default, skip_serializing_if = "is_practice")]
    pub mode: QuizMode,
    /// An exam's time limit in seconds, before the learner's extension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit: Option<u32>,
}

fn is_practice(mode: &QuizMode) -> bool {
    *mode == QuizMode::Practice
}

impl QuizSettings {
    pub const DEFAULT_COUNT: usize = 10;

    pub fn all_topics(count: usize) -> Self {
        Self::topics(Vec::new(), count)
    }

    pub fn topics(topics: Vec<String>, count: usize) -> Self {
        QuizSettings {
            topics,
            count,
            mode: QuizMode::Practice,
            time_limit: None,
        }
    }

    pub fn includes(&self, topic: &str) -> bool {
        self.topics.is_empty() || self.topics.iter().any(|t| t == topic)
    }
}

/// One drawn question and how it is laid out on screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizItem {
    pub question: String,
    /// The display order of the question's list (choices, items, right-hand sides), as bank
    /// indices; empty when the question has no list to shuffle.
    pub order: Vec<usize>,
    /// For cloze questions, the display order of each blank's options (empty for typed blanks).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blank_orders: Vec<Vec<usize>>,
}

/// A uniform integer below `n` from the generator, by rejection: unbiased and defined here,
/// so draws never change when a dependency changes its sampling.
fn below(rng: &mut ChaCha8Rng, n: usize) -> usize {
    use rand::Rng as _;
    let n = n as u64;
    let zone = u64::MAX - (u64::MAX % n);
    loop {
        let x = rng.next_u64();
        if x < zone {
            return (x % n) as usize;
        }
    }
}

/// Fisher–Yates.
fn shuffle<T>(rng: &mut ChaCha8Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = below(rng, i + 1);
        items.swap(i, j);
    }
}

fn shuffled(rng: &mut ChaCha8Rng, n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    shuffle(rng, &mut order);
    order
}

/// A question's layout from what it shows: the same for a bank's question (its shape) and for
/// a sealed exam's (its neutral shape), so draws never need the answer key.
fn layout(rng: &mut ChaCha8Rng, shape: &Shape) -> (Vec<usize>, Vec<Vec<usize>>) {
    match shape {
        Shape::Single { choices } | Shape::Multiple { choices } => {
            (shuffled(rng, choices.len()), Vec::new())
        }
        Shape::Ordering { items } => {
            // Never start in the listed order: for a bank's question that is the right order,
            // which would give the answer away.
            let n = items.len();
            loop {
                let order = shuffled(rng, n);
                if order.windows(2).any(|w| w[0] > w[1]) {
                    return (order, Vec::new());
                }
            }
        }
        Shape::Matching { rights, .. } => (shuffled(rng, rights.len()), Vec::new()),
        Shape::Cloze { blanks, .. } => {
            let orders = blanks
                .iter()
                .map(|blank| match blank {
                    BlankShape::Options(options) => shuffled(rng, options.len()),
                    BlankShape::Typed => Vec::new(),
                })
                .collect();
            (Vec::new(), orders)
        }
        // True/false keeps True before False; spot-the-error parts keep the claim's wording;
        // typed answers have nothing to shuffle.
        Shape::TrueFalse | Shape::SpotError { .. } | Shape::Numeric { .. } | Shape::ShortText => {
            (Vec::new(), Vec::new())
        }
    }
}

/// Lay out the given questions in the given order (a review keeps its most-overdue-first
/// order); the seed shuffles only their choices. Ids the bank lacks are skipped.
pub fn lay_out(bank: &Bank, ids: &[String], seed: &Seed) -> Vec<QuizItem> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed.value());
    let questions = ids.iter().filter_map(|id| bank.question(id));
    questions
        .map(|question| item(&mut rng, &question.id, &question.kind.shape()))
        .collect()
}

fn item(rng: &mut ChaCha8Rng, id: &str, shape: &Shape) -> QuizItem {
    let (order, blank_orders) = layout(rng, shape);
    QuizItem {
        question: id.to_string(),
        order,
        blank_orders,
    }
}

/// Draw a quiz. The result depends only on the bank's questions (ids, order and lists), the
/// settings and the seed.
pub fn draw(bank: &Bank, settings: &QuizSettings, seed: &Seed) -> Vec<QuizItem> {
    draw_shown(
        bank.questions
            .iter()
            .map(|q| (q.id.as_str(), q.topic.as_str(), q.kind.shape())),
        settings,
        seed,
    )
}

/// Draw a quiz from what each question shows, `(id, topic, shape)` in the bank's order: the
/// same draw as [`draw`] gives for a bank with these questions, and the one a sealed exam
/// makes from its public part.
pub fn draw_shown<'a>(
    questions: impl IntoIterator<Item = (&'a str, &'a str, Shape)>,
    settings: &QuizSettings,
    seed: &Seed,
) -> Vec<QuizItem> {
    let questions: Vec<(&str, &str, Shape)> = questions.into_iter().collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed.value());
    let mut eligible: Vec<usize> = (0..questions.len())
        .filter(|&i| settings.includes(questions[i].1))
        .collect();
    shuffle(&mut rng, &mut eligible);
    eligible.truncate(settings.count);
    eligible
        .into_iter()
        .map(|i| item(&mut rng, questions[i].0, &questions[i].2))
        .collect()
}
