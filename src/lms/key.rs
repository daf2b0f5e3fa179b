//! What the learner's side knows of the questions: the whole bank with its answer key, or,
//! for a sealed exam, only each question's shape (what the learner sees). The data model sends
//! a score, results and correct responses only when it has the key.

use std::collections::HashMap;

use crate::bank::{Bank, Question, Shape};

/// The shapes of a sealed exam's questions, in the bank's order, under the bank's id.
#[derive(Debug, Clone, PartialEq)]
pub struct Shapes {
    bank_id: String,
    order: Vec<String>,
    shapes: HashMap<String, Shape>,
}

impl Shapes {
    /// The shapes of bank `bank_id`'s questions, in the bank's order. A repeated id keeps its
    /// first place and its last shape.
    pub fn new(
        bank_id: impl Into<String>,
        questions: impl IntoIterator<Item = (String, Shape)>,
    ) -> Self {
        let mut order = Vec::new();
        let mut shapes = HashMap::new();
        for (id, shape) in questions {
            if shapes.insert(id.clone(), shape).is_none() {
                order.push(id);
            }
        }
        Shapes {
            bank_id: bank_id.into(),
            order,
            shapes,
        }
    }

    /// What a bank's questions show, without their answers (for tests and for the teacher's
    /// side, which seals a bank it has).
    pub fn of(bank: &Bank) -> Self {
        Shapes::new(
            bank.meta.id.clone(),
            bank.questions
                .iter()
                .map(|q| (q.id.clone(), q.kind.shape())),
        )
    }

    pub fn bank_id(&self) -> &str {
        &self.bank_id
    }
}

/// Where the data model and the suspend data look questions up.
#[derive(Debug, Clone, Copy)]
pub enum Key<'a> {
    /// The bank with its answers: scores, results and correct responses are sent.
    Open(&'a Bank),
    /// A sealed exam: only what the learner saw. Responses are sent; no score, no result and
    /// no correct response, since the learner's side cannot know them.
    Sealed(&'a Shapes),
}

impl<'a> Key<'a> {
    pub fn is_sealed(&self) -> bool {
        matches!(self, Key::Sealed(_))
    }

    pub fn bank_id(&self) -> &'a str {
        match self {
            Key::Open(bank) => &bank.meta.id,
            Key::Sealed(shapes) => &shapes.bank_id,
        }
    }

    /// Question ids in the bank's order (suspend data names questions by position here).
    pub fn ids(&self) -> Vec<&'a str> {
        match self {
            Key::Open(bank) => bank.questions.iter().map(|q| q.id.as_str()).collect(),
            Key::Sealed(shapes) => shapes.order.iter().map(String::as_str).collect(),
        }
    }

    /// What question `id` shows the learner.
    pub fn shape(&self, id: &str) -> Option<Shape> {
        match self {
            Key::Open(bank) => bank.question(id).map(|q| q.kind.shape()),
            Key::Sealed(shapes) => shapes.shapes.get(id).cloned(),
        }
    }

    /// Question `id` with its answer, when the key is open.
    pub fn question(&self, id: &str) -> Option<&'a Question> {
        match self {
            Key::Open(bank) => bank.question(id),
            Key::Sealed(_) => None,
        }
    }
}
