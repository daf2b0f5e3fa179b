//! Which questions go on paper, and how each is laid out: a choice of topics or of questions
//! (laid out by one fixed seed, so the same choice prints the same sheet), or the questions of
//! an assignment (drawn exactly as the assignment draws them, from its own seed).

use crate::assignment::{Assignment, DrawOrder};
use crate::bank::Bank;
use crate::quiz::{QuizItem, QuizSettings, Seed, draw, lay_out};
use crate::text::quoted;

/// What the teacher chose to print.
#[derive(Debug, Clone, PartialEq)]
pub enum PaperChoice {
    /// Every question of these topics (of every topic when empty), in the bank's order.
    Topics(Vec<String>),
    /// These questions, in this order.
    Questions(Vec<String>),
    /// The questions this assignment draws, from its own seed.
    Assignment(Box<Assignment>),
}

/// Why there is no paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaperError {
    /// The choice holds no question.
    NoQuestions,
    /// Topic ids the bank does not have.
    UnknownTopics(Vec<String>),
    /// Question ids the bank does not have.
    UnknownQuestions(Vec<String>),
    /// The assignment draws from another bank (its id), not this one.
    OtherBank { assignment: String, bank: String },
}

impl std::fmt::Display for PaperError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |ids: &[String]| {
            ids.iter()
                .map(|id| quoted(id, 40))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            PaperError::NoQuestions => {
                write!(f, "no question is chosen: choose a topic or some questions")
            }
            PaperError::UnknownTopics(ids) => write!(f, "this bank has no topic {}", list(ids)),
            PaperError::UnknownQuestions(ids) => {
                write!(f, "this bank has no question {}", list(ids))
            }
            PaperError::OtherBank { assignment, bank } => write!(
                f,
                "the assignment draws from the bank {}, not {}: open the teacher page with its bank",
                quoted(assignment, 60),
                quoted(bank, 60)
            ),
        }
    }
}

impl std::error::Error for PaperError {}

/// The seed that lays out a choice of topics or questions: fixed, so that printing the same
/// choice again gives the same sheet (choices and items shuffled once, never in answer order).
pub fn paper_seed() -> Seed {
    Seed::parse("paper").expect("a valid seed")
}

/// The questions chosen, laid out, with the paper's default title and what to tell the teacher.
pub(super) struct Chosen {
    pub items: Vec<QuizItem>,
    pub title: String,
    pub instructions: String,
    pub notes: Vec<String>,
}

pub(super) fn choose(bank: &Bank, choice: &PaperChoice) -> Result<Chosen, PaperError> {
    let chosen = match choice {
        PaperChoice::Topics(topics) => {
            let unknown: Vec<String> = topics
                .iter()
                .filter(|t| bank.topic(t).is_none())
                .cloned()
                .collect();
            if !unknown.is_empty() {
                return Err(PaperError::UnknownTopics(unknown));
            }
            let ids: Vec<String> = bank
                .questions
                .iter()
                .filter(|q| topics.is_empty() || topics.contains(&q.topic))
                .map(|q| q.id.clone())
                .collect();
            let title = if topics.is_empty() {
                bank.meta.title.clone()
            } else {
                let names: Vec<&str> = bank
                    .topics
                    .iter()
                    .filter(|t| topics.contains(&t.id))
                    .map(|t| t.title.as_str())
                    .collect();
                format!("{}: {}", bank.meta.title, names.join(", "))
            };
            Chosen {
                items: lay_out(bank, &ids, &paper_seed()),
                title,
                instructions: String::new(),
                notes: Vec::new(),
            }
        }
        PaperChoice::Questions(ids) => {
            let unknown: Vec<String> = ids
                .iter()
                .filter(|id| bank.question(id).is_none())
                .cloned()
                .collect();
            if !unknown.is_empty() {
                return Err(PaperError::UnknownQuestions(unknown));
            }
            let mut distinct: Vec<String> = Vec::new();
            for id in ids {
                if !distinct.contains(id) {
                    distinct.push(id.clone());
                }
            }
            Chosen {
                items: lay_out(bank, &distinct, &paper_seed()),
                title: bank.meta.title.clone(),
                instructions: String::new(),
                notes: Vec::new(),
            }
        }
        PaperChoice::Assignment(assignment) => assignment_draw(bank, assignment)?,
    };
    if chosen.items.is_empty() {
        return Err(PaperError::NoQuestions);
    }
    Ok(chosen)
}

/// An assignment's questions as its link draws them: the same settings and the same seed.
fn assignment_draw(bank: &Bank, assignment: &Assignment) -> Result<Chosen, PaperError> {
    if assignment.bank.id != bank.meta.id {
        return Err(PaperError::OtherBank {
            assignment: assignment.bank.id.clone(),
            bank: bank.meta.id.clone(),
        });
    }
    let mut notes = Vec::new();
    if assignment.order == DrawOrder::PerStudent {
        notes.push(
            "This assignment gives each student a draw of their own in the app. Paper uses the \
             assignment's own seed draw instead: one set of questions, the same for everyone \
             who gets this sheet."
                .to_string(),
        );
    }
    if assignment.bank.version != bank.meta.version {
        notes.push(format!(
            "The assignment was set on version {} of the bank; this is version {}, so its \
             questions may differ from what students drew in the app.",
            quoted(&assignment.bank.version, 20),
            quoted(&bank.meta.version, 20)
        ));
    }
    let settings = QuizSettings::topics(assignment.topics.clone(), usize::from(assignment.count));
    Ok(Chosen {
        items: draw(bank, &settings, &assignment.seed),
        title: assignment.title.clone(),
        instructions: assignment.instructions.clone(),
        notes,
    })
}
