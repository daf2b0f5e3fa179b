//! The assignment form as the teacher fills it in: its fields as typed, turned into an
//! `Assignment` with every problem named by its field (so the page can point at it), and back
//! again for editing. Local dates and times are read with the offset the caller passes.

use crate::assignment::{Assignment, BankRef, DrawOrder, Mode, Review};
use crate::bank::Bank;
use crate::calendar::{DAY_MS, Date, local_date_time};
use crate::quiz::Seed;

/// How many attempts, as the form offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempts {
    One,
    /// A number of attempts (from the form's number field).
    Several,
    Unlimited,
}

/// A field of the form, to say where a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Instructions,
    Topics,
    Count,
    TimeLimit,
    Attempts,
    Opens,
    Closes,
    Email,
    PassMark,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

/// The form's fields, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentForm {
    pub title: String,
    pub instructions: String,
    /// Topic ids; none for every topic.
    pub topics: Vec<String>,
    pub count: String,
    pub order: DrawOrder,
    pub mode: Mode,
    /// Minutes; empty for no limit.
    pub time_limit: String,
    pub attempts: Attempts,
    /// The number when `attempts` is `Several`.
    pub attempts_count: String,
    pub review: Review,
    /// `datetime-local` text (`2026-05-04T09:00`); empty for none.
    pub opens: String,
    pub closes: String,
    pub name_required: bool,
    pub email: String,
    /// Percent; empty for none.
    pub pass_mark: String,
}

/// The most attempts the form allows as a number (unlimited is its own choice).
const MAX_ATTEMPTS: u8 = 99;

impl AssignmentForm {
    /// The form for a new assignment: the defaults of `Assignment::new`.
    pub fn new() -> AssignmentForm {
        AssignmentForm {
            title: String::new(),
            instructions: String::new(),
            topics: Vec::new(),
            count: "10".into(),
            order: DrawOrder::Same,
            mode: Mode::Practice,
            time_limit: String::new(),
            attempts: Attempts::One,
            attempts_count: "2".into(),
            review: Review::Full,
            opens: String::new(),
            closes: String::new(),
            name_required: true,
            email: String::new(),
            pass_mark: String::new(),
        }
    }

    /// The form showing an assignment, to edit it; times in the teacher's local time.
    pub fn from_assignment(a: &Assignment, utc_offset_minutes: i32) -> AssignmentForm {
        AssignmentForm {
            title: a.title.clone(),
            instructions: a.instructions.clone(),
            topics: a.topics.clone(),
            count: a.count.to_string(),
            order: a.order,
            mode: a.mode,
            time_limit: a
                .time_limit
                .map(|s| crate::text::plain(f64::from(s) / 60.0))
                .unwrap_or_default(),
            attempts: match a.attempts {
                0 => Attempts::Unlimited,
                1 => Attempts::One,
                _ => Attempts::Several,
            },
            attempts_count: if a.attempts > 1 {
                a.attempts.to_string()
            } else {
                "2".into()
            },
            review: a.review,
            opens: a
                .opens_at
                .map(|t| format_local_datetime(t, utc_offset_minutes))
                .unwrap_or_default(),
            closes: a
                .closes_at
                .map(|t| format_local_datetime(t, utc_offset_minutes))
                .unwrap_or_default(),
            name_required: a.name_required,
            email: a.email.clone().unwrap_or_default(),
            pass_mark: a.pass_mark.map(|p| p.to_string()).unwrap_or_default(),
        }
    }

    /// The assignment the form describes, with the given id, seed and bank (kept from the
    /// assignment being edited, or new), or every problem found, by field.
    pub fn build(
        &self,
        id: String,
        seed: Seed,
        bank: BankRef,
        utc_offset_minutes: i32,
    ) -> Result<Assignment, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field: Field, message: &str| {
            errors.push(FieldError {
                field,
                message: message.to_string(),
            })
        };
        let title = self.title.trim().to_string();
        if title.is_empty() {
            fail(Field::Title, "Give the assignment a title.");
        } else if title.chars().count() > 200 {
            fail(Field::Title, "Keep the title to 200 characters.");
        } else if title.chars().any(crate::text::is_hidden) {
            fail(
                Field::Title,
                "The title holds a hidden character; type it again.",
            );
        }
        let instructions = self.instructions.trim().to_string();
        if instructions.chars().count() > 5_000 {
            fail(
                Field::Instructions,
                "Keep the instructions to 5,000 characters.",
            );
        }
        let count = match whole(&self.count) {
            Some(n @ 1..=500) => n as u16,
            _ => {
                fail(Field::Count, "Give a number of questions from 1 to 500.");
                10
            }
        };
        let time_limit = if self.time_limit.trim().is_empty() {
            None
        } else {
            match whole(&self.time_limit) {
                Some(m @ 1..=1440) => Some(m as u32 * 60),
                _ => {
                    fail(
                        Field::TimeLimit,
                        "Give the time limit in whole minutes, from 1 to 1440 (24 hours), or leave it empty for none.",
                    );
                    None
                }
            }
        };
        let attempts = match self.attempts {
            Attempts::One => 1,
            Attempts::Unlimited => 0,
            Attempts::Several => match whole(&self.attempts_count) {
                Some(n) if (2..=u64::from(MAX_ATTEMPTS)).contains(&n) => n as u8,
                _ => {
                    fail(
                        Field::Attempts,
                        "Give a number of attempts from 2 to 99, or choose one or unlimited.",
                    );
                    1
                }
            },
        };
        let mut when = |text: &str, field: Field| {
            if text.trim().is_empty() {
                return None;
            }
            let at = parse_local_datetime(text, utc_offset_minutes);
            if at.is_none() {
                fail(field, "Give a date and time, or leave it empty.");
            }
            at
        };
        let opens_at = when(&self.opens, Field::Opens);
        let closes_at = when(&self.closes, Field::Closes);
        if let (Some(o), Some(c)) = (opens_at, closes_at)
            && o >= c
        {
            fail(
                Field::Closes,
                "The closing time must come after the opening time.",
            );
        }
        let email = self.email.trim().to_string();
        let email = if email.is_empty() {
            None
        } else {
            let parts: Vec<&str> = email.split('@').collect();
            let ok = parts.len() == 2
                && !parts[0].is_empty()
                && parts[1].contains('.')
                && !parts[1].starts_with('.')
                && !parts[1].ends_with('.')
                && email.chars().count() <= 200
                && !email
                    .chars()
                    .any(|c| c.is_whitespace() || crate::text::is_hidden(c));
            if !ok {
                fail(
                    Field::Email,
                    "Give an e-mail address like name@school.example, or leave it empty.",
                );
            }
            Some(email)
        };
        let pass_mark = if self.pass_mark.trim().is_empty() {
            None
        } else {
            match whole(&self.pass_mark) {
                Some(p @ 0..=100) => Some(p as u8),
                _ => {
                    fail(
                        Field::PassMark,
                        "Give the pass mark as a whole percentage from 0 to 100, or leave it empty.",
                    );
                    None
                }
            }
        };
        let topics: Vec<String> = self.topics.clone();
        if topics.iter().any(|t| !crate::bank::valid_id(t)) || topics.len() > 200 {
            fail(Field::Topics, "Choose topics from the list.");
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut a = Assignment::new(id, title, bank, seed);
        a.instructions = instructions;
        a.topics = topics;
        a.count = count;
        a.order = self.order;
        a.mode = self.mode;
        a.time_limit = time_limit;
        a.attempts = attempts;
        a.review = self.review;
        a.opens_at = opens_at;
        a.closes_at = closes_at;
        a.name_required = self.name_required;
        a.email = email;
        a.pass_mark = pass_mark;
        // Anything the checks above missed is still refused, as a link would be.
        crate::assignment::check(&a).map_err(|why| {
            vec![FieldError {
                field: Field::Title,
                message: format!("This assignment cannot be saved: {why}."),
            }]
        })?;
        Ok(a)
    }
}

impl Default for AssignmentForm {
    fn default() -> Self {
        Self::new()
    }
}

/// A whole number as typed (spaces around it allowed), if it is one.
fn whole(text: &str) -> Option<u64> {
    let t = text.trim();
    (!t.is_empty() && t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// `2026-05-04T09:00` (a `datetime-local` value, seconds allowed) in local time with the given
/// offset, as ms since the epoch; `None` if it is not a date and time after 1970.
pub fn parse_local_datetime(text: &str, utc_offset_minutes: i32) -> Option<u64> {
    let text = text.trim();
    let (date, time) = text.split_once('T').or_else(|| text.split_once(' '))?;
    let date = Date::parse_iso(date)?;
    let mut parts = time.split(':');
    let two = |p: Option<&str>| -> Option<i64> {
        let p = p?;
        (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
    };
    let hours = two(parts.next())?;
    let minutes = two(parts.next())?;
    let seconds = match parts.next() {
        None => 0,
        Some(s) => two(Some(s.split('.').next().unwrap_or(s)))?,
    };
    if parts.next().is_some() || hours > 23 || minutes > 59 || seconds > 59 {
        return None;
    }
    let local = date.to_day() * DAY_MS as i64 + ((hours * 60 + minutes) * 60 + seconds) * 1000;
    let utc = local - i64::from(utc_offset_minutes.clamp(-18 * 60, 18 * 60)) * 60_000;
    u64::try_from(utc).ok()
}

/// ms since the epoch as a `datetime-local` value in local time: `2026-05-04T09:00`.
pub fn format_local_datetime(at: u64, utc_offset_minutes: i32) -> String {
    local_date_time(at, utc_offset_minutes).replacen(' ', "T", 1)
}

/// Each topic of the bank with its title and how many questions it holds, in the bank's order.
pub fn topic_counts(bank: &Bank) -> Vec<(String, String, usize)> {
    bank.topics
        .iter()
        .map(|t| {
            let n = bank.questions.iter().filter(|q| q.topic == t.id).count();
            (t.id.clone(), t.title.clone(), n)
        })
        .collect()
}

/// How many questions the chosen topics hold (no topics chosen: the whole bank).
pub fn questions_in(bank: &Bank, topics: &[String]) -> usize {
    bank.questions
        .iter()
        .filter(|q| topics.is_empty() || topics.contains(&q.topic))
        .count()
}

/// An assignment's conditions in a few words: "exam · 3 questions · 10 min 0 s · one attempt ·
/// the score shown after handing in".
pub fn conditions_text(a: &Assignment) -> String {
    let mut parts = vec![
        match a.mode {
            Mode::Exam => "exam".to_string(),
            Mode::Practice => "practice".to_string(),
        },
        crate::text::count(
            u64::from(a.count),
            "question",
            "questions",
            crate::text::Language::English,
        ),
    ];
    if let Some(t) = a.time_limit {
        parts.push(format!("{} min", t / 60));
    }
    parts.push(a.attempts_text());
    parts.push(
        match a.review {
            Review::Nothing => "nothing shown after handing in",
            Review::Score => "the score shown after handing in",
            Review::Full => "the full review after handing in",
        }
        .to_string(),
    );
    parts.join(" · ")
}
