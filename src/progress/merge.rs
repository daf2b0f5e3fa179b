//! Merging progress: another tab's save, or an imported file. Nothing is lost and nothing is
//! counted twice, so merging the same data again changes nothing; a reset in another tab wins.

use super::model::ProgressData;

/// What merging added, for telling the learner after an import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub reviews_added: usize,
    pub quizzes_added: usize,
}

impl MergeSummary {
    pub fn is_empty(&self) -> bool {
        self.reviews_added == 0 && self.quizzes_added == 0
    }
}

/// What taking in another tab's save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TabMerge {
    /// The other tab reset the progress: this tab's data was replaced by the reset data.
    TookReset,
    /// This tab holds a newer reset than the save it saw: the save is ignored (and this tab
    /// should save, so the other tab sees the reset).
    Ignored,
    /// Reviews and quizzes were united. `missing_there` says whether the other tab's save
    /// lacked something this tab has (then this tab should save the union back).
    United {
        added: MergeSummary,
        missing_there: bool,
    },
}

impl ProgressData {
    /// Take in everything `other` has that this lacks: reviews and finished quizzes are
    /// united. The settings stay this side's: they belong to the tab or device merging.
    /// Generations are not compared (an imported file's counter is another device's).
    pub fn merge(&mut self, other: &ProgressData) -> MergeSummary {
        let mut summary = MergeSummary::default();
        for (key, theirs) in &other.banks {
            let ours = self.bank_mut(key);
            let before = ours.reviews.len();
            ours.reviews.merge(&theirs.reviews);
            summary.reviews_added += ours.reviews.len() - before;
            for quiz in &theirs.history {
                if !ours.history.contains(quiz) {
                    ours.history.push(quiz.clone());
                    summary.quizzes_added += 1;
                }
            }
            ours.history.sort_by_key(|q| (q.finished_at, q.started_at));
        }
        for records in other.assignments.values() {
            for record in records {
                self.hand_in(record.clone());
            }
        }
        summary
    }

    /// Take in another tab's save of the same learner's progress. A save from a later reset
    /// generation replaces this tab's data (the reset wins everywhere); one from an earlier
    /// generation is ignored; one from the same generation is united with this. The settings
    /// stay this side's (the caller decides whose are newer).
    pub fn merge_from_tab(&mut self, other: &ProgressData) -> TabMerge {
        if other.generation > self.generation {
            *self = other.clone();
            return TabMerge::TookReset;
        }
        if other.generation < self.generation {
            return TabMerge::Ignored;
        }
        let added = self.merge(other);
        let missing_there = !other.clone().merge(self).is_empty();
        TabMerge::United {
            added,
            missing_there,
        }
    }
}
