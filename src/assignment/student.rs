//! One student's run of an assignment: their name as the draw and the results see it, their
//! draw, their time limit (the teacher's, with any accommodation the teacher issued: never the
//! learner's own extension setting), and whether they may start now.

use super::model::{Accommodation, Assignment, DrawOrder, Mode, TimeAllowance};
use crate::bank::Bank;
use crate::codec::fnv1a64;
use crate::quiz::{QuizMode, QuizSession, QuizSettings, Seed, SessionError};

/// The longest name a student may give (in characters, once normalized): a result with a
/// longer one is refused on the teacher's side.
pub const MAX_NAME_CHARS: usize = 200;

/// A student's name as typed, with spaces collapsed and hidden characters dropped.
pub fn normalize_name(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| !crate::text::is_hidden(*c))
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two names are the same student's (case and spacing aside).
pub fn same_student(a: &str, b: &str) -> bool {
    normalize_name(a).to_lowercase() == normalize_name(b).to_lowercase()
}

/// Why a student cannot start (now).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NameNeeded,
    /// Longer than [`MAX_NAME_CHARS`].
    NameTooLong,
    NotOpenYet(u64),
    Closed(u64),
    NoAttemptsLeft(u8),
    /// The per-student link is for another student.
    AccommodationForSomeoneElse(String),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::NameNeeded => write!(
                f,
                "Type your name first: your teacher needs it to know whose answers these are."
            ),
            Refusal::NameTooLong => write!(
                f,
                "That name is too long ({MAX_NAME_CHARS} characters at most); shorten it."
            ),
            Refusal::NotOpenYet(_) => write!(f, "This assignment is not open yet."),
            Refusal::Closed(_) => write!(f, "This assignment is closed."),
            Refusal::NoAttemptsLeft(n) => write!(
                f,
                "You have used {} on this device.",
                if *n == 1 {
                    "your one attempt".to_string()
                } else {
                    format!("all {n} attempts")
                }
            ),
            Refusal::AccommodationForSomeoneElse(name) => write!(
                f,
                "This link is for {name}. If that is not you, ask your teacher for your own link."
            ),
        }
    }
}

/// One student's run: the assignment, the name they gave, the accommodation their link
/// carries, and which attempt this is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Run {
    pub assignment: Assignment,
    pub student: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accommodation: Option<Accommodation>,
    pub attempt: u32,
}

impl Run {
    /// The checks of meaning every run read from outside passes (a saved quiz slot, a handed-in
    /// result): its assignment's, an attempt from 1, and a name a student could have given.
    pub fn check(&self) -> Result<(), String> {
        super::check(&self.assignment)?;
        if self.attempt == 0 {
            return Err("its attempt number is 0".into());
        }
        if self.student.chars().count() > MAX_NAME_CHARS
            || self.student.chars().any(crate::text::is_hidden)
        {
            return Err("its student name is not valid".into());
        }
        Ok(())
    }

    /// Whether `student` may start attempt `used + 1` at `now`.
    pub fn can_start(
        assignment: &Assignment,
        student: &str,
        accommodation: Option<&Accommodation>,
        used: u32,
        now: u64,
    ) -> Result<(), Refusal> {
        let name = normalize_name(student);
        if assignment.name_required && name.is_empty() {
            return Err(Refusal::NameNeeded);
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(Refusal::NameTooLong);
        }
        if let Some(acc) = accommodation
            && !name.is_empty()
            && !same_student(&acc.student, &name)
        {
            return Err(Refusal::AccommodationForSomeoneElse(normalize_name(
                &acc.student,
            )));
        }
        if let Some(opens) = assignment.opens_at
            && now < opens
        {
            return Err(Refusal::NotOpenYet(opens));
        }
        if let Some(closes) = assignment.closes_at
            && now >= closes
        {
            return Err(Refusal::Closed(closes));
        }
        if assignment.attempts > 0 && used >= u32::from(assignment.attempts) {
            return Err(Refusal::NoAttemptsLeft(assignment.attempts));
        }
        Ok(())
    }

    /// The seed of this student's draw: the assignment's, or for a draw per student, one
    /// derived from it and the student's name (so the teacher can reproduce it).
    pub fn seed(&self) -> Seed {
        match self.assignment.order {
            DrawOrder::Same => self.assignment.seed.clone(),
            DrawOrder::PerStudent => {
                let key = format!(
                    "{}\u{1f}{}",
                    self.assignment.seed,
                    normalize_name(&self.student).to_lowercase()
                );
                let text = format!(
                    "{}-{}",
                    &self.assignment.seed.as_str()[..self.assignment.seed.as_str().len().min(23)],
                    Seed::from_random(fnv1a64(key.as_bytes()))
                );
                Seed::parse(&text).unwrap_or_else(|| self.assignment.seed.clone())
            }
        }
    }

    /// The time limit in ms for this student: the teacher's, times an issued allowance, or
    /// none. The learner's own time settings never apply to an assignment.
    pub fn time_limit_ms(&self) -> Option<u64> {
        let secs = u64::from(self.assignment.time_limit?);
        match self.accommodation.as_ref().map(|a| a.time) {
            Some(TimeAllowance::NoLimit) => None,
            Some(TimeAllowance::Extra(tenths)) => Some(secs * u64::from(tenths) * 100),
            None => Some(secs * 1000),
        }
    }

    /// The quiz settings the assignment draws with.
    pub fn settings(&self) -> QuizSettings {
        let mut settings = QuizSettings::topics(
            self.assignment.topics.clone(),
            usize::from(self.assignment.count),
        );
        settings.mode = match self.assignment.mode {
            Mode::Practice => QuizMode::Practice,
            Mode::Exam => QuizMode::Exam,
        };
        settings.time_limit = self.assignment.time_limit;
        settings
    }

    /// Draw this student's quiz from `bank`.
    pub fn start(&self, bank: &Bank, id: String, now: u64) -> Result<QuizSession, SessionError> {
        let session = QuizSession::start(bank, self.settings(), self.seed(), now)?.with_id(id);
        Ok(match self.time_limit_ms() {
            Some(ms) => session.with_deadline(ms),
            None => session,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assignment::model::BankRef;

    fn assignment() -> Assignment {
        let mut a = Assignment::new(
            "a1".into(),
            "Test".into(),
            BankRef {
                path: "questions/index.toml".into(),
                id: "demo".into(),
                version: "1".into(),
            },
            Seed::parse("base").unwrap(),
        );
        a.time_limit = Some(600);
        a
    }

    fn run(a: &Assignment, student: &str, acc: Option<Accommodation>) -> Run {
        Run {
            assignment: a.clone(),
            student: student.into(),
            accommodation: acc,
            attempt: 1,
        }
    }

    #[test]
    fn a_draw_per_student_is_reproducible_from_the_name() {
        let mut a = assignment();
        a.order = DrawOrder::PerStudent;
        let ana = run(&a, "Ana  Costa", None).seed();
        assert_eq!(
            ana,
            run(&a, "ana costa", None).seed(),
            "case and spacing aside"
        );
        assert_ne!(ana, run(&a, "Ben", None).seed());
        a.order = DrawOrder::Same;
        assert_eq!(run(&a, "Ana", None).seed(), run(&a, "Ben", None).seed());
    }

    #[test]
    fn only_the_teachers_allowance_changes_the_time() {
        let a = assignment();
        assert_eq!(run(&a, "Ana", None).time_limit_ms(), Some(600_000));
        let extra = Accommodation {
            student: "Ana".into(),
            time: TimeAllowance::Extra(15),
        };
        assert_eq!(run(&a, "Ana", Some(extra)).time_limit_ms(), Some(900_000));
        let off = Accommodation {
            student: "Ana".into(),
            time: TimeAllowance::NoLimit,
        };
        assert_eq!(run(&a, "Ana", Some(off)).time_limit_ms(), None);
    }

    #[test]
    fn starting_needs_a_name_an_open_window_and_an_attempt_left() {
        let mut a = assignment();
        assert_eq!(
            Run::can_start(&a, "  ", None, 0, 5),
            Err(Refusal::NameNeeded)
        );
        assert_eq!(Run::can_start(&a, "Ana", None, 0, 5), Ok(()));
        assert_eq!(
            Run::can_start(&a, "Ana", None, 1, 5),
            Err(Refusal::NoAttemptsLeft(1))
        );
        a.attempts = 0;
        assert_eq!(Run::can_start(&a, "Ana", None, 99, 5), Ok(()));
        a.opens_at = Some(10);
        a.closes_at = Some(20);
        assert_eq!(
            Run::can_start(&a, "Ana", None, 0, 5),
            Err(Refusal::NotOpenYet(10))
        );
        assert_eq!(
            Run::can_start(&a, "Ana", None, 0, 20),
            Err(Refusal::Closed(20))
        );
        let for_ben = Accommodation {
            student: "Ben".into(),
            time: TimeAllowance::NoLimit,
        };
        assert!(matches!(
            Run::can_start(&a, "Ana", Some(&for_ben), 0, 15),
            Err(Refusal::AccommodationForSomeoneElse(_))
        ));
    }
}
