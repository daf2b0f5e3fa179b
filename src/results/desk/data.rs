//! The desk's contents: the teacher's assignments, each with the accommodations issued for it,
//! and per assignment the results taken in (each with where it came from), with the changes a
//! teacher makes to them and the merge of an imported desk. No storage, no screens.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::assignment::{Accommodation, Assignment, normalize_name, same_student};
use crate::bank::{QuestionKind, Weight};
use crate::quiz::{Credit, Response, Seed};
use crate::results::{Grader, ResultRecord, Roster, Taken};

/// One assignment on the desk and the accommodations the teacher issued for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issued {
    pub assignment: Assignment,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accommodations: Vec<Accommodation>,
    /// ms since the epoch.
    pub created_at: u64,
    /// The last change to the assignment or its accommodations: the newer copy wins a merge.
    pub updated_at: u64,
}

/// One result as the teacher took it in: the record and where it came from (a file's name, or
/// "pasted code 2"). Records are kept, not grades: the class is regraded from them every time
/// it is opened, with the key the teacher has then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    pub source: String,
    pub record: ResultRecord,
}

/// Everything on the teacher's desk.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeskData {
    pub assignments: Vec<Issued>,
    /// Results per assignment id, in the order taken in.
    pub classes: BTreeMap<String, Vec<Kept>>,
}

/// What issuing an accommodation did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issue {
    Added,
    /// The student had one already: its allowance was replaced.
    Replaced,
}

/// What merging an imported desk did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub assignments_added: usize,
    /// Assignments here that the file had a newer copy of (edited later elsewhere).
    pub assignments_updated: usize,
    /// Assignments here kept as they were (the same, or newer here).
    pub assignments_kept: usize,
    pub results_added: usize,
    pub results_duplicate: usize,
    /// Results for an assignment neither desk has, or for another assignment.
    pub results_refused: usize,
}

impl std::fmt::Display for MergeSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let count = |n: usize, one: &str, many: &str| {
            crate::text::count(n as u64, one, many, crate::text::Language::English)
        };
        write!(
            f,
            "{} added, {} updated from the file, {} kept as they were; {} added, {} already here",
            count(self.assignments_added, "assignment", "assignments"),
            self.assignments_updated,
            self.assignments_kept,
            count(self.results_added, "result", "results"),
            self.results_duplicate
        )?;
        if self.results_refused > 0 {
            write!(
                f,
                ", {} left out (for an assignment the file does not hold)",
                self.results_refused
            )?;
        }
        Ok(())
    }
}

/// The longest title a duplicate may get (the assignment check allows 200 characters).
const TITLE_MAX: usize = 200;

/// Why an accommodation cannot be issued, if it cannot: the same checks as the per-student
/// link's decoder (a name, extra time in range), plus the length a result's name may have.
pub fn accommodation_problem(accommodation: &Accommodation) -> Option<String> {
    let name = normalize_name(&accommodation.student);
    if name.is_empty() {
        return Some("type the student's name".to_string());
    }
    if name.chars().count() > 200 {
        return Some("the name is longer than 200 characters".to_string());
    }
    let link = crate::assignment::encode_accommodation(accommodation);
    crate::assignment::decode_accommodation(&link)
        .err()
        .map(|e| e.to_string())
}

/// A grader that knows no question: enough for `Roster::take` to decide what is already in
/// (that never needs the key), which is all a merge asks of it; and what a sealed exam's class
/// is graded with until the teacher opens it.
pub struct Unkeyed;

impl Grader for Unkeyed {
    fn question(&self, _id: &str) -> Option<(&str, &QuestionKind, Weight, &str)> {
        None
    }

    fn grade(&self, _id: &str, _response: &Response) -> Option<Credit> {
        None
    }
}

impl DeskData {
    pub fn get(&self, id: &str) -> Option<&Issued> {
        self.assignments.iter().find(|a| a.assignment.id == id)
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut Issued> {
        self.assignments.iter_mut().find(|a| a.assignment.id == id)
    }

    /// Add a new assignment, or replace the one with its id (keeping its accommodations and
    /// results). Refused, with the reason, if the assignment does not pass the link's checks.
    pub fn save_assignment(&mut self, assignment: Assignment, now: u64) -> Result<(), String> {
        crate::assignment::check(&assignment)?;
        match self.get_mut(&assignment.id) {
            Some(issued) => {
                issued.assignment = assignment;
                issued.updated_at = now.max(issued.updated_at);
            }
            None => self.assignments.push(Issued {
                assignment,
                accommodations: Vec::new(),
                created_at: now,
                updated_at: now,
            }),
        }
        Ok(())
    }

    /// A copy of assignment `id` under a new id and seed (so its results are its own), titled
    /// "Copy of …", with the same accommodations and no results. Returns the new id.
    pub fn duplicate(&mut self, id: &str, new_id: String, seed: Seed, now: u64) -> Option<String> {
        if self.get(&new_id).is_some() {
            return None;
        }
        let original = self.get(id)?.clone();
        let mut assignment = original.assignment;
        assignment.id = new_id.clone();
        assignment.seed = seed;
        assignment.title = format!("Copy of {}", assignment.title)
            .chars()
            .take(TITLE_MAX)
            .collect();
        crate::assignment::check(&assignment).ok()?;
        self.assignments.push(Issued {
            assignment,
            accommodations: original.accommodations,
            created_at: now,
            updated_at: now,
        });
        Some(new_id)
    }

    /// Delete an assignment and its class results. Returns whether it was there.
    pub fn delete(&mut self, id: &str) -> bool {
        let before = self.assignments.len();
        self.assignments.retain(|a| a.assignment.id != id);
        self.classes.remove(id);
        self.assignments.len() != before
    }

    /// Issue (or change) a student's accommodation for assignment `id`.
    pub fn issue(
        &mut self,
        id: &str,
        accommodation: Accommodation,
        now: u64,
    ) -> Result<Issue, String> {
        if let Some(why) = accommodation_problem(&accommodation) {
            return Err(why);
        }
        let accommodation = Accommodation {
            student: normalize_name(&accommodation.student),
            time: accommodation.time,
        };
        let issued = self
            .get_mut(id)
            .ok_or_else(|| "the assignment is not on this desk".to_string())?;
        issued.updated_at = now.max(issued.updated_at);
        match issued
            .accommodations
            .iter_mut()
            .find(|a| same_student(&a.student, &accommodation.student))
        {
            Some(existing) => {
                *existing = accommodation;
                Ok(Issue::Replaced)
            }
            None => {
                issued.accommodations.push(accommodation);
                Ok(Issue::Added)
            }
        }
    }

    /// Withdraw a student's accommodation. Returns whether there was one.
    pub fn withdraw(&mut self, id: &str, student: &str, now: u64) -> bool {
        let Some(issued) = self.get_mut(id) else {
            return false;
        };
        let before = issued.accommodations.len();
        issued
            .accommodations
            .retain(|a| !same_student(&a.student, student));
        let changed = issued.accommodations.len() != before;
        if changed {
            issued.updated_at = now.max(issued.updated_at);
        }
        changed
    }

    /// The class of assignment `id`, regraded now by `grader` with the accommodations issued.
    pub fn roster(&self, id: &str, grader: &dyn Grader) -> Roster {
        let mut roster = Roster::default();
        if let (Some(issued), Some(kept)) = (self.get(id), self.classes.get(id)) {
            for k in kept {
                roster.take(
                    k.record.clone(),
                    &k.source,
                    &issued.assignment,
                    &issued.accommodations,
                    grader,
                );
            }
        }
        roster
    }

    /// Keep the results of `roster` as assignment `id`'s class.
    pub fn keep_class(&mut self, id: &str, roster: &Roster) {
        let kept: Vec<Kept> = roster
            .entries
            .iter()
            .map(|e| Kept {
                source: e.source.clone(),
                record: e.record.clone(),
            })
            .collect();
        if kept.is_empty() {
            self.classes.remove(id);
        } else {
            self.classes.insert(id.to_string(), kept);
        }
    }

    /// Forget assignment `id`'s results (the assignment stays).
    pub fn clear_class(&mut self, id: &str) {
        self.classes.remove(id);
    }

    /// How many results assignment `id` has.
    pub fn class_size(&self, id: &str) -> usize {
        self.classes.get(id).map_or(0, Vec::len)
    }

    /// Just assignment `id` and its class, for a file of one class.
    pub fn only(&self, id: &str) -> DeskData {
        DeskData {
            assignments: self.get(id).cloned().into_iter().collect(),
            classes: self
                .classes
                .get(id)
                .map(|kept| BTreeMap::from([(id.to_string(), kept.clone())]))
                .unwrap_or_default(),
        }
    }

    /// Take in another desk (an export from this or another browser). Assignments are matched
    /// by id and the more recently changed copy wins; results are taken into each class
    /// through `Roster::take`, so one already here counts once. Merging the same desk twice
    /// changes nothing the second time.
    pub fn merge(&mut self, incoming: DeskData) -> MergeSummary {
        let mut summary = MergeSummary::default();
        for theirs in incoming.assignments {
            match self.get_mut(&theirs.assignment.id) {
                None => {
                    self.assignments.push(theirs);
                    summary.assignments_added += 1;
                }
                Some(ours) if theirs.updated_at > ours.updated_at => {
                    *ours = theirs;
                    summary.assignments_updated += 1;
                }
                Some(_) => summary.assignments_kept += 1,
            }
        }
        for (id, kept) in incoming.classes {
            let Some(issued) = self.get(&id).cloned() else {
                summary.results_refused += kept.len();
                continue;
            };
            let mut roster = self.roster(&id, &Unkeyed);
            for k in kept {
                match roster.take(
                    k.record,
                    &k.source,
                    &issued.assignment,
                    &issued.accommodations,
                    &Unkeyed,
                ) {
                    Taken::Added => summary.results_added += 1,
                    Taken::Duplicate => summary.results_duplicate += 1,
                    Taken::Refused(_) => summary.results_refused += 1,
                }
            }
            self.keep_class(&id, &roster);
        }
        summary
    }
}
