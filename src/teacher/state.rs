//! The page's state: the loaded bank, the desk (from `results::desk`) with its store, the screen
//! showing, and the messages for the teacher; and the actions the screens forward, each a call
//! into the core followed by a save.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::assignment::{Accommodation, BankRef, TimeAllowance};
use crate::bank::Bank;
use crate::quiz::Seed;
use crate::results::desk::{
    AssignmentForm, DeskData, DeskStore, FieldError, IntakeLine, Issue, read_desk, read_link,
    take_codes, take_file,
};
use crate::results::{Grader, Remembering, Roster, inflate};
use crate::seal::{Key, Opened, SealError, SealedBank};
use crate::storage::LocalStore;
use crate::ui::browser::{focus_id, local_time, new_id, now_ms, random_bits};

/// Which screen shows, and for which assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    List,
    /// The form: a new assignment (`None`) or one being edited.
    Edit(Option<String>),
    /// Its link, QR code and accommodations.
    Share(String),
    /// Its QR code alone, to print.
    Print(String),
    Class(String),
}

impl Screen {
    /// The id of the heading that takes focus when the screen opens.
    fn heading(&self) -> &'static str {
        match self {
            Screen::List => "desk-heading",
            Screen::Edit(_) => "editor-heading",
            Screen::Share(_) => "share-heading",
            Screen::Print(_) => "print-heading",
            Screen::Class(_) => "class-heading",
        }
    }
}

#[derive(Clone, Copy)]
pub struct Desk {
    pub bank: StoredValue<Bank>,
    /// The bank's path as this page was opened with it (`?bank=`).
    pub bank_path: StoredValue<String>,
    /// The files the bank was read from, relative to the page, its manifest first.
    pub sources: StoredValue<Vec<String>>,
    store: StoredValue<DeskStore<LocalStore>>,
    pub data: RwSignal<DeskData>,
    pub screen: RwSignal<Screen>,
    /// Messages to dismiss (saved data, failed saves).
    pub notices: RwSignal<Vec<String>>,
    /// What the last action did, for the polite live region.
    pub status: RwSignal<String>,
    /// Sealed exams opened in this visit, by assignment id: kept in memory only, never saved.
    pub sealed: RwSignal<BTreeMap<String, Unsealed>>,
}

/// A sealed exam opened with the teacher's passphrase: the file students receive, what it
/// opens to, and the key (for the release code).
#[derive(Debug, Clone)]
pub struct Unsealed {
    pub file: SealedBank,
    pub opened: Opened,
    pub key: Key,
}

impl Desk {
    pub fn open(bank: Bank, bank_path: String, sources: Vec<String>) -> Desk {
        let (store, data, notices) = DeskStore::open(LocalStore, now_ms());
        Desk {
            bank: StoredValue::new(bank),
            bank_path: StoredValue::new(bank_path),
            sources: StoredValue::new(sources),
            store: StoredValue::new(store),
            data: RwSignal::new(data),
            screen: RwSignal::new(Screen::List),
            notices: RwSignal::new(notices.iter().map(ToString::to_string).collect()),
            status: RwSignal::new(String::new()),
            sealed: RwSignal::new(BTreeMap::new()),
        }
    }

    /// Show a screen and move focus to its heading.
    pub fn go(&self, screen: Screen) {
        let heading = screen.heading();
        self.screen.set(screen);
        focus_id(heading);
        let _ = browser_scroll_top();
    }

    pub fn say(&self, message: impl Into<String>) {
        self.status.set(message.into());
    }

    pub fn dismiss_notice(&self, i: usize) {
        self.notices.update(|n| {
            if i < n.len() {
                n.remove(i);
            }
        });
        let left = self.notices.with_untracked(Vec::len);
        if left > 0 {
            focus_id(format!("notice-{}", i.min(left - 1)));
        } else {
            focus_id(self.screen.with_untracked(Screen::heading));
        }
    }

    fn failed(&self, e: impl std::fmt::Display) {
        let message = e.to_string();
        self.notices.update(|n| {
            if !n.contains(&message) {
                n.push(message.clone());
            }
        });
        self.say(message);
    }

    /// Save the assignments (after a change to them or their accommodations).
    fn save_assignments(&self) -> bool {
        let result = self
            .data
            .with_untracked(|d| self.store.with_value(|s| s.save_assignments(d)));
        match result {
            Ok(()) => true,
            Err(e) => {
                self.failed(e);
                false
            }
        }
    }

    fn save_class(&self, id: &str) -> bool {
        let result = self.data.with_untracked(|d| {
            let kept = d.classes.get(id).map(Vec::as_slice).unwrap_or(&[]);
            self.store.with_value(|s| s.save_class(id, kept))
        });
        match result {
            Ok(()) => true,
            Err(e) => {
                self.failed(e);
                false
            }
        }
    }

    fn save_all(&self) -> bool {
        let result = self
            .data
            .with_untracked(|d| self.store.with_value(|s| s.save_all(d)));
        match result {
            Ok(()) => true,
            Err(e) => {
                self.failed(e);
                false
            }
        }
    }

    /// Take in what another tab saved.
    pub fn reload(&self) {
        if let Some(data) = self.store.with_value(|s| s.read()) {
            self.data.set(data);
        }
    }

    pub fn offset(&self) -> i32 {
        local_time().utc_offset_minutes
    }

    /// Whether assignment `id`'s class can be read here: it draws from the bank this page has
    /// loaded, or it is sealed (graded with its sealed file and the passphrase alone).
    pub fn uses_this_bank(&self, id: &str) -> bool {
        let path = self.bank_path.get_value();
        self.data.with(|d| {
            d.get(id)
                .is_some_and(|i| i.assignment.sealed || i.assignment.bank.path == path)
        })
    }

    /// Whether assignment `id` is a sealed exam.
    pub fn is_sealed(&self, id: &str) -> bool {
        self.data
            .with(|d| d.get(id).is_some_and(|i| i.assignment.sealed))
    }

    /// Whether sealed assignment `id` was opened with its passphrase in this visit (tracked).
    pub fn is_open(&self, id: &str) -> bool {
        self.sealed.with(|m| m.contains_key(id))
    }

    /// Run `f` with what grades assignment `id`'s class (tracked): this page's bank, or the
    /// opened sealed exam (before it is opened, a grader that knows no question).
    pub fn with_grader<T>(&self, id: &str, f: impl FnOnce(&dyn Grader) -> T) -> T {
        if self.is_sealed(id) {
            self.sealed.with(|m| match m.get(id) {
                Some(u) => f(&u.opened),
                None => f(&crate::results::desk::Unkeyed),
            })
        } else {
            self.bank.with_value(|bank| f(bank))
        }
    }

    /// A topic's title in assignment `id`'s bank (the page's, or the opened sealed exam's).
    pub fn topic_title(&self, id: &str, topic: &str) -> Option<String> {
        let find = |topics: &[crate::bank::Topic]| {
            topics
                .iter()
                .find(|t| t.id == topic)
                .map(|t| t.title.clone())
        };
        if self.is_sealed(id) {
            self.sealed
                .with(|m| m.get(id).and_then(|u| find(u.opened.topics())))
        } else {
            self.bank.with_value(|b| find(&b.topics))
        }
    }

    /// Seal assignment `id` as `file` (sealed under `key`): the assignment now names the sealed
    /// file and runs as a sealed exam, and the exam stays open in this visit. The file is
    /// opened first, so one that would not open is never handed out.
    pub fn seal(&self, id: &str, file: SealedBank, key: Key) -> Result<(), String> {
        let opened = crate::seal::open(&file, &key).map_err(|e| e.to_string())?;
        let Some(assignment) = self.data.with_untracked(|d| d.get(id).cloned()) else {
            return Err("the assignment is no longer on this desk".into());
        };
        let sealed = crate::results::desk::sealed_assignment(&assignment.assignment);
        self.data
            .try_update(|d| d.save_assignment(sealed, now_ms()))
            .unwrap_or(Ok(()))?;
        self.save_assignments();
        self.sealed.update(|m| {
            m.insert(id.to_string(), Unsealed { file, opened, key });
        });
        Ok(())
    }

    /// Open sealed assignment `id`'s file with `key` (derived from the passphrase).
    pub fn open_sealed(&self, id: &str, file: SealedBank, key: Key) -> Result<(), SealError> {
        let opened = crate::seal::open(&file, &key)?;
        let expected = self
            .data
            .with_untracked(|d| d.get(id).map(|i| i.assignment.bank.id.clone()));
        if expected.is_some_and(|bank| bank != opened.meta().id) {
            return Err(SealError::Malformed(vec![format!(
                "this sealed file is of the question bank {}, not the assignment's",
                crate::text::quoted(&opened.meta().id, 60)
            )]));
        }
        self.sealed.update(|m| {
            m.insert(id.to_string(), Unsealed { file, opened, key });
        });
        Ok(())
    }

    fn bank_ref(&self) -> BankRef {
        self.bank.with_value(|b| BankRef {
            path: self.bank_path.get_value(),
            id: b.meta.id.clone(),
            version: b.meta.version.clone(),
        })
    }

    /// Save the form as a new assignment (a random id and seed) or over `editing`. Returns
    /// the assignment's id, or the problems by field.
    pub fn save_form(
        &self,
        editing: Option<&str>,
        form: &AssignmentForm,
    ) -> Result<String, Vec<FieldError>> {
        let (id, seed, bank) = match editing.and_then(|id| {
            self.data
                .with_untracked(|d| d.get(id).map(|i| i.assignment.clone()))
        }) {
            Some(a) => (a.id, a.seed, a.bank),
            None => (new_id(), Seed::from_random(random_bits()), self.bank_ref()),
        };
        let assignment = form.build(id.clone(), seed, bank, self.offset())?;
        let saved = self
            .data
            .try_update(|d| d.save_assignment(assignment, now_ms()))
            .unwrap_or(Ok(()));
        if let Err(why) = saved {
            return Err(vec![FieldError {
                field: crate::results::desk::Field::Title,
                message: why,
            }]);
        }
        self.save_assignments();
        Ok(id)
    }

    pub fn duplicate(&self, id: &str) -> Option<String> {
        let copy = self
            .data
            .try_update(|d| d.duplicate(id, new_id(), Seed::from_random(random_bits()), now_ms()))
            .flatten()?;
        self.save_assignments();
        Some(copy)
    }

    pub fn delete(&self, id: &str) {
        self.data.update(|d| {
            d.delete(id);
        });
        self.save_all();
    }

    /// Issue an accommodation; the message says what happened.
    pub fn issue(&self, id: &str, student: String, time: TimeAllowance) -> Result<String, String> {
        let name = crate::assignment::normalize_name(&student);
        let done = self
            .data
            .try_update(|d| d.issue(id, Accommodation { student, time }, now_ms()))
            .unwrap_or_else(|| Err("nothing changed".into()))?;
        self.save_assignments();
        Ok(match done {
            Issue::Added => format!("{name} now has {}: their own link is below.", time.label()),
            Issue::Replaced => format!(
                "{name}'s allowance is now {}: their link changed.",
                time.label()
            ),
        })
    }

    pub fn withdraw(&self, id: &str, student: &str) {
        let done = self
            .data
            .try_update(|d| d.withdraw(id, student, now_ms()))
            .unwrap_or(false);
        if done {
            self.save_assignments();
            self.say(format!("The allowance for {student} was removed."));
        }
    }

    /// Put the assignment of a pasted student link on the desk (with its accommodation).
    pub fn add_from_link(&self, text: &str) -> Result<(String, String), String> {
        let contents = read_link(text)?;
        let id = contents.assignment.id.clone();
        let title = contents.assignment.title.clone();
        let now = now_ms();
        let known = self.data.with_untracked(|d| d.get(&id).cloned());
        let mut said = match &known {
            Some(_) => format!("\"{title}\" is already on your desk; it was kept as it is."),
            None => {
                let saved = self
                    .data
                    .try_update(|d| d.save_assignment(contents.assignment.clone(), now))
                    .unwrap_or(Ok(()));
                saved?;
                format!("\"{title}\" was added to your desk.")
            }
        };
        if let Some(acc) = contents.accommodation.clone() {
            let issued = known.map(|k| k.accommodations).unwrap_or_default();
            if !contents.accommodation_is_in(&issued) {
                let student = acc.student.clone();
                let time = acc.time;
                self.data
                    .try_update(|d| d.issue(&id, acc, now))
                    .unwrap_or_else(|| Err("nothing changed".into()))?;
                said.push_str(&format!(
                    " {student}'s allowance ({}) was added.",
                    time.label()
                ));
            }
        }
        self.save_assignments();
        Ok((id, said))
    }

    /// The class of assignment `id`, regraded with this page's bank or the opened sealed exam.
    pub fn roster(&self, id: &str) -> Roster {
        self.with_grader(id, |grader| self.data.with(|d| d.roster(id, grader)))
    }

    /// Take in dropped or chosen files, then save the class.
    pub fn take_files(&self, id: &str, files: Vec<(String, String)>) -> Vec<IntakeLine> {
        self.take(id, |roster, issued, bank| {
            let grader = Remembering::new(bank);
            files
                .iter()
                .flat_map(|(name, text)| take_file(roster, name, text, issued, &grader, inflate))
                .collect()
        })
    }

    pub fn take_codes(&self, id: &str, text: &str) -> Vec<IntakeLine> {
        self.take(id, |roster, issued, bank| {
            take_codes(roster, text, issued, &Remembering::new(bank), inflate)
        })
    }

    fn take(
        &self,
        id: &str,
        act: impl FnOnce(&mut Roster, &crate::results::desk::Issued, &dyn Grader) -> Vec<IntakeLine>,
    ) -> Vec<IntakeLine> {
        let Some(issued) = self.data.with_untracked(|d| d.get(id).cloned()) else {
            return Vec::new();
        };
        let lines = self.with_grader(id, |bank| {
            let mut roster = self.data.with_untracked(|d| d.roster(id, bank));
            let lines = act(&mut roster, &issued, bank);
            if lines.iter().any(IntakeLine::is_added) {
                self.data.update(|d| d.keep_class(id, &roster));
            }
            lines
        });
        if lines.iter().any(IntakeLine::is_added) {
            self.save_class(id);
        }
        lines
    }

    pub fn clear_class(&self, id: &str) {
        self.data.update(|d| d.clear_class(id));
        if self.save_class(id) {
            self.say("The class's results were cleared; the assignment is kept.");
        }
    }

    /// The whole desk, or one class, as an export file's text.
    pub fn export(&self, only: Option<&str>) -> String {
        let now = now_ms();
        self.data.with_untracked(|d| match only {
            Some(id) => d.only(id).export(now),
            None => d.export(now),
        })
    }

    /// Merge an exported desk file; the message says what happened.
    pub fn import(&self, text: &str) -> String {
        let read = match read_desk(text) {
            Ok(read) => read,
            Err(e) => return format!("Nothing was imported: {e}."),
        };
        let summary = self
            .data
            .try_update(|d| d.merge(read.data))
            .unwrap_or_default();
        let saved = self.save_all();
        let mut message = format!("Imported: {summary}.");
        if !read.left_out.is_empty() {
            message.push_str(&format!(
                " Left out, as it could not be used: {}.",
                read.left_out.join("; ")
            ));
        }
        if !saved {
            message.push_str(
                " It could not be saved in this browser, so it lasts until you close the tab.",
            );
        }
        message
    }

    pub fn backups(&self) -> Vec<(String, usize)> {
        self.data.track();
        self.store.with_value(|s| s.backups())
    }

    pub fn backup(&self, key: &str) -> Option<String> {
        self.store.with_value(|s| s.backup(key))
    }

    pub fn delete_backup(&self, key: &str) {
        match self.store.with_value(|s| s.delete_backup(key)) {
            Ok(()) => {
                self.data.update(|_| {});
                self.say("The backup was deleted.");
            }
            Err(e) => self.failed(e),
        }
    }
}

fn browser_scroll_top() -> Option<()> {
    crate::ui::browser::window().scroll_to_with_x_and_y(0.0, 0.0);
    Some(())
}
