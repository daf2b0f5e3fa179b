//! A class's results of one assignment, on the teacher's side: results taken in from files and
//! codes, each regraded from its responses with the teacher's own key, and every reason to look
//! twice flagged in plain words (another assignment, conditions that differ from the teacher's,
//! extra time not issued, a changed question, a credit that does not match the regrading).
//! The same result twice counts once; a bad file is refused without touching the rest.

use serde::{Deserialize, Serialize};

use super::analysis::GradebookRow;
use super::analysis::{AttemptScores, ItemInfo, ItemScore, ScoreMatrix};
use super::record::{ResultError, ResultRecord, fingerprint};
use crate::assignment::{Accommodation, Assignment, same_student};
use crate::bank::{Bank, QuestionKind, Weight};
use crate::quiz::{Credit, Outcome, Points, Response, score};

/// Grades a response to a question by its id (the bank, or an opened sealed bank).
pub trait Grader {
    /// The question's prompt, shape and points, to check fingerprints and build the analysis.
    fn question(&self, id: &str) -> Option<(&str, &QuestionKind, Weight, &str)>;
    /// The credit of `response` to question `id`, if the question is known and it fits.
    fn grade(&self, id: &str, response: &Response) -> Option<Credit>;
    /// The fingerprint of question `id` as the grader has it, to compare with a result's.
    fn fingerprint(&self, id: &str) -> Option<String> {
        self.question(id)
            .map(|(prompt, kind, points, _)| fingerprint(prompt, &kind.shape(), points))
    }
}

/// A grader that works out each question's fingerprint once: for taking in a whole class's
/// files at a time (1,000 results of 50 questions are 50 fingerprints, not 50,000). Use it for
/// one batch only: it does not see a change to the grader it wraps.
pub struct Remembering<'g> {
    grader: &'g dyn Grader,
    fingerprints: std::cell::RefCell<std::collections::HashMap<String, Option<String>>>,
}

impl<'g> Remembering<'g> {
    pub fn new(grader: &'g dyn Grader) -> Remembering<'g> {
        Remembering {
            grader,
            fingerprints: Default::default(),
        }
    }
}

impl Grader for Remembering<'_> {
    fn question(&self, id: &str) -> Option<(&str, &QuestionKind, Weight, &str)> {
        self.grader.question(id)
    }

    fn grade(&self, id: &str, response: &Response) -> Option<Credit> {
        self.grader.grade(id, response)
    }

    fn fingerprint(&self, id: &str) -> Option<String> {
        if let Some(known) = self.fingerprints.borrow().get(id) {
            return known.clone();
        }
        let computed = self.grader.fingerprint(id);
        self.fingerprints
            .borrow_mut()
            .insert(id.to_string(), computed.clone());
        computed
    }
}

impl Grader for Bank {
    fn question(&self, id: &str) -> Option<(&str, &QuestionKind, Weight, &str)> {
        let q = Bank::question(self, id)?;
        Some((&q.prompt, &q.kind, q.points, &q.topic))
    }

    fn grade(&self, id: &str, response: &Response) -> Option<Credit> {
        let q = Bank::question(self, id)?;
        response.fits(&q.kind).then(|| score(&q.kind, response))
    }
}

/// Why a result deserves a second look.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "detail")]
pub enum Flag {
    /// Its conditions are not the teacher's (what differs, in words).
    ConditionsDiffer(String),
    /// It claims extra time the teacher did not issue to this student.
    AccommodationNotIssued,
    /// It used more time than it was allowed.
    OverTime,
    /// The time ran out before it was handed in.
    TimedOut,
    /// Questions the student saw differ from the teacher's (ids).
    QuestionsChanged(Vec<String>),
    /// Questions the teacher's bank no longer has (ids).
    QuestionsMissing(Vec<String>),
    /// Credits in the file differ from the regrading (how many): it was edited, or the key
    /// changed since.
    CreditsDiffer(usize),
    /// Taken on another version of the bank.
    OtherBankVersion(String),
    /// A later attempt by the same student.
    LaterAttempt(u32),
}

impl Flag {
    pub fn text(&self) -> String {
        match self {
            Flag::ConditionsDiffer(what) => format!("conditions differ from yours ({what})"),
            Flag::AccommodationNotIssued => "claims extra time you did not issue".to_string(),
            Flag::OverTime => "used more time than allowed".to_string(),
            Flag::TimedOut => "time ran out".to_string(),
            Flag::QuestionsChanged(ids) => format!("questions changed since: {}", ids.join(", ")),
            Flag::QuestionsMissing(ids) => format!("questions your bank lacks: {}", ids.join(", ")),
            Flag::CreditsDiffer(n) => format!("{n} credit(s) in the file differ from your grading"),
            Flag::OtherBankVersion(v) => format!("taken on bank version {v}"),
            Flag::LaterAttempt(n) => format!("attempt {n}"),
        }
    }
}

/// One result in the class, regraded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub record: ResultRecord,
    /// Where it came from (a file name, or "pasted code").
    pub source: String,
    /// Per item: the teacher's credit (none: unanswered, or the question is unknown).
    pub credits: Vec<Option<Credit>>,
    pub points: Points,
    pub max: Points,
    pub flags: Vec<Flag>,
}

impl Entry {
    pub fn percent(&self) -> u32 {
        self.points.percent_of(self.max)
    }
}

/// What taking in one result did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    Added,
    /// The same result was already in.
    Duplicate,
    /// Not added: why.
    Refused(String),
}

/// A class's results of one assignment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Roster {
    pub entries: Vec<Entry>,
}

/// The conditions that matter, compared between the teacher's assignment and a result's.
fn conditions_differ(ours: &Assignment, theirs: &Assignment) -> Option<String> {
    let mut what = Vec::new();
    if ours.time_limit != theirs.time_limit {
        what.push("time limit");
    }
    if ours.mode != theirs.mode {
        what.push("mode");
    }
    if ours.count != theirs.count || ours.topics != theirs.topics {
        what.push("questions");
    }
    if ours.seed != theirs.seed || ours.order != theirs.order {
        what.push("draw");
    }
    if ours.attempts != theirs.attempts {
        what.push("attempts");
    }
    if ours.review != theirs.review {
        what.push("review");
    }
    if ours.opens_at != theirs.opens_at || ours.closes_at != theirs.closes_at {
        what.push("dates");
    }
    if ours.sealed != theirs.sealed || ours.bank.path != theirs.bank.path {
        what.push("bank");
    }
    (!what.is_empty()).then(|| what.join(", "))
}

impl Roster {
    /// Take in a result (already read from its file or code) for the teacher's `assignment`,
    /// with the accommodations the teacher issued, regraded by `grader`.
    pub fn take(
        &mut self,
        record: ResultRecord,
        source: &str,
        assignment: &Assignment,
        issued: &[Accommodation],
        grader: &dyn Grader,
    ) -> Taken {
        if record.run.assignment.id != assignment.id {
            return Taken::Refused(format!(
                "it is a result of another assignment (\"{}\")",
                crate::text::escape_controls(&record.run.assignment.title)
            ));
        }
        // The cheap comparisons first: names are compared (normalised) only for a result
        // started at the same moment, so a class of 1,000 is not a million name foldings.
        let same = |e: &Entry| {
            e.record.started_at == record.started_at
                && e.record.run.attempt == record.run.attempt
                && same_student(&e.record.run.student, &record.run.student)
        };
        if self.entries.iter().any(same) {
            return Taken::Duplicate;
        }
        let mut flags = Vec::new();
        if let Some(what) = conditions_differ(assignment, &record.run.assignment) {
            flags.push(Flag::ConditionsDiffer(what));
        }
        let allowed = match &record.run.accommodation {
            None => None,
            Some(claimed) => {
                let issued_here = issued
                    .iter()
                    .find(|a| same_student(&a.student, &record.run.student));
                if issued_here != Some(claimed) {
                    flags.push(Flag::AccommodationNotIssued);
                }
                issued_here
            }
        };
        let run = crate::assignment::Run {
            assignment: assignment.clone(),
            student: record.run.student.clone(),
            accommodation: allowed.cloned(),
            attempt: record.run.attempt,
        };
        if let Some(limit) = run.time_limit_ms()
            && record.time_used_ms() > limit + 5_000
        {
            flags.push(Flag::OverTime);
        }
        if record.timed_out {
            flags.push(Flag::TimedOut);
        }
        if record.bank.version != assignment.bank.version {
            flags.push(Flag::OtherBankVersion(record.bank.version.clone()));
        }
        let mut changed = Vec::new();
        let mut missing = Vec::new();
        let mut differ = 0;
        let mut credits = Vec::new();
        let mut points = Points::ZERO;
        let mut max = Points::ZERO;
        for item in &record.items {
            let Some((_, _, weight, _)) = grader.question(&item.question) else {
                missing.push(item.question.clone());
                credits.push(None);
                continue;
            };
            if !item.fingerprint.is_empty()
                && grader.fingerprint(&item.question).as_ref() != Some(&item.fingerprint)
            {
                changed.push(item.question.clone());
            }
            let credit = item
                .response
                .as_ref()
                .and_then(|r| grader.grade(&item.question, r));
            if item.credit.is_some() && item.credit != credit {
                differ += 1;
            }
            points += credit.map_or(Points::ZERO, |c| Points::earned(c, weight));
            max += Points::max(weight);
            credits.push(credit);
        }
        if !changed.is_empty() {
            flags.push(Flag::QuestionsChanged(changed));
        }
        if !missing.is_empty() {
            flags.push(Flag::QuestionsMissing(missing));
        }
        if differ > 0 {
            flags.push(Flag::CreditsDiffer(differ));
        }
        if record.run.attempt > 1 {
            flags.push(Flag::LaterAttempt(record.run.attempt));
        }
        self.entries.push(Entry {
            record,
            source: source.to_string(),
            credits,
            points,
            max,
            flags,
        });
        Taken::Added
    }

    /// Take in a result file's text.
    pub fn take_text(
        &mut self,
        text: &str,
        source: &str,
        assignment: &Assignment,
        issued: &[Accommodation],
        grader: &dyn Grader,
    ) -> Taken {
        match ResultRecord::from_json(text) {
            Ok(record) => self.take(record, source, assignment, issued, grader),
            Err(e) => Taken::Refused(e.to_string()),
        }
    }

    /// Grade everything again (after the key changed, or a sealed key was opened).
    pub fn regrade(
        &mut self,
        assignment: &Assignment,
        issued: &[Accommodation],
        grader: &dyn Grader,
    ) {
        let entries = std::mem::take(&mut self.entries);
        let grader = Remembering::new(grader);
        for entry in entries {
            self.take(entry.record, &entry.source, assignment, issued, &grader);
        }
    }

    /// The gradebook: one row per result, in the order taken in.
    pub fn gradebook(&self, date_time: impl Fn(u64) -> String) -> Vec<GradebookRow> {
        self.entries
            .iter()
            .map(|e| GradebookRow {
                student: e.record.run.student.clone(),
                score: e.points.millionths() as f64 / 1_000_000.0,
                max_score: e.max.millionths() as f64 / 1_000_000.0,
                time_used_seconds: Some(e.record.time_used_ms() / 1000),
                handed_in_at: date_time(e.record.handed_in_at),
                attempt: e.record.run.attempt,
                flags: e.flags.iter().map(Flag::text).collect(),
            })
            .collect()
    }

    /// The matrix the item analysis reads: every question any result drew, in the order first
    /// seen; a question a result did not draw counts as unanswered there.
    pub fn matrix(&self, grader: &dyn Grader) -> ScoreMatrix {
        // Each question's column, found by a map: a class of 1,000 results of 50 questions is
        // 50,000 lookups, not 2.5 million string comparisons.
        let mut ids: Vec<String> = Vec::new();
        let mut column: std::collections::HashMap<&str, usize> = Default::default();
        for entry in &self.entries {
            for item in &entry.record.items {
                if !column.contains_key(item.question.as_str())
                    && grader.question(&item.question).is_some()
                {
                    column.insert(&item.question, ids.len());
                    ids.push(item.question.clone());
                }
            }
        }
        let items: Vec<ItemInfo> = ids
            .iter()
            .filter_map(|id| {
                let (_, kind, weight, topic) = grader.question(id)?;
                Some(ItemInfo {
                    id: id.clone(),
                    topic: topic.to_string(),
                    max_points: f64::from(weight.thousandths()) / 1000.0,
                    categories: categories(kind),
                })
            })
            .collect();
        let weights: Vec<Weight> = ids
            .iter()
            .map(|id| grader.question(id).map_or(Weight::ONE, |q| q.2))
            .collect();
        let attempts = self
            .entries
            .iter()
            .map(|entry| {
                let mut items = vec![ItemScore::unanswered(); ids.len()];
                for (k, item) in entry.record.items.iter().enumerate() {
                    let Some(&c) = column.get(item.question.as_str()) else {
                        continue;
                    };
                    if let (Some(response), Some(credit)) = (&item.response, entry.credits[k]) {
                        items[c] = ItemScore {
                            points: Some(
                                Points::earned(credit, weights[c]).millionths() as f64
                                    / 1_000_000.0,
                            ),
                            categories: picked(response),
                        };
                    }
                }
                AttemptScores { items }
            })
            .collect();
        ScoreMatrix { items, attempts }
    }

    /// How the class did on each question, by outcome: for the per-topic and per-question
    /// summary beside the analysis.
    pub fn outcomes(&self, question: &str) -> [usize; 4] {
        let mut counts = [0; 4];
        for entry in &self.entries {
            if let Some(k) = entry
                .record
                .items
                .iter()
                .position(|i| i.question == question)
            {
                let outcome = Outcome::of(entry.credits[k]);
                counts[Outcome::ALL.iter().position(|o| *o == outcome).unwrap_or(3)] += 1;
            }
        }
        counts
    }
}

/// A choice question's choices (in the bank's order), the categories of its distractor counts.
fn categories(kind: &QuestionKind) -> Vec<String> {
    match kind {
        QuestionKind::SingleChoice { choices, .. }
        | QuestionKind::MultipleSelect { choices, .. } => choices.clone(),
        QuestionKind::TrueFalse { .. } => vec!["True".into(), "False".into()],
        QuestionKind::SpotError { parts, .. } => parts.clone(),
        _ => Vec::new(),
    }
}

fn picked(response: &Response) -> Vec<usize> {
    match response {
        Response::Choice(i) => vec![*i],
        Response::Choices(picks) | Response::Parts(picks) => picks.clone(),
        Response::Bool(b) => vec![usize::from(!*b)],
        _ => Vec::new(),
    }
}

/// Read a result code's compressed bytes into a record, with an inflate function (flate2 on
/// the teacher's side and in the CLI).
pub fn record_from_code(
    code: &str,
    inflate: impl FnOnce(&[u8]) -> Option<String>,
) -> Result<ResultRecord, ResultError> {
    let deflated = ResultRecord::deflated_from_code(code)?;
    let json = inflate(&deflated).ok_or(ResultError::Damaged)?;
    ResultRecord::from_json(&json)
}
