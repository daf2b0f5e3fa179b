//! The hook an LMS listens on: the SCORM page (`scorm` bin) mounts the learner's app with a
//! `Reporter`, its SCORM adapter; the learner's own pages mount none and behave as ever.
//!
//! The app hands the reporter the learner's data at launch and after every change; the
//! reporter turns the core's decisions into what its LMS expects (with `lms`) and sends it.
//! Nothing here names SCORM. The app's LMS branches are built only with the `scorm` feature
//! (the SCORM page's build): without it `AppState` holds no reporter and every branch that
//! would use one is a constant `None`, so the learner's own wasm carries none of them.

use std::rc::Rc;

use super::assignment::Invitation;
use super::state::BrowserLearner;
use crate::bank::Bank;
use crate::progress::Profiles;

/// The learner as the LMS names them, cleaned (see `lms::learner_name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LmsLearner {
    /// The name to show and to hand in under; empty when the LMS gave none.
    pub name: String,
    /// The LMS's id of the learner; empty when it gave none.
    pub id: String,
}

/// An LMS the page reports to. Everything it does lives in its implementation, which only the
/// SCORM page links: the app calls these at launch and after every change, and nothing more.
pub trait Reporter {
    /// The learner the LMS launched the page for.
    fn learner(&self) -> LmsLearner;

    /// Before the learner's data is opened: the profile to keep it under, made active in
    /// `profiles` (the LMS learner's own, so that learners sharing a computer stay apart).
    fn choose_profile(&self, profiles: &mut Profiles);

    /// After the data is opened, before the first screen: put on screen the attempt the LMS
    /// kept from an earlier session, if it kept one. Returns a message for the learner when
    /// what it kept cannot be resumed.
    fn resume(
        &self,
        learner: &mut BrowserLearner,
        bank: &Bank,
        invitation: &Invitation,
    ) -> Option<String>;

    /// The learner's data changed (an answer, a move, the hand-in): send how the run of
    /// assignment `assignment` stands and commit; once it is handed in, end the session.
    /// Returns a problem worth telling the learner, if one arose.
    fn report(&self, learner: &BrowserLearner, bank: &Bank, assignment: &str) -> Option<String>;

    /// End the session with the LMS (the page is going away). Nothing is sent after it.
    fn finish(&self);

    /// Whether the session has ended.
    fn finished(&self) -> bool;
}

/// `view` as the LMS branches need it: type-erased in the SCORM page's build (where a branch
/// beside it shows an LMS's view instead), untouched in the learner's own build, whose wasm
/// then has the very code it had before the SCORM page existed.
#[cfg(feature = "scorm")]
pub fn erased<V: leptos::prelude::IntoAny>(view: V) -> leptos::prelude::AnyView {
    view.into_any()
}

/// See the `scorm` build's `erased`: here, `view` itself.
#[cfg(not(feature = "scorm"))]
pub fn erased<V>(view: V) -> V {
    view
}

/// A reporter as the app holds it.
#[derive(Clone)]
pub struct Lms(pub Rc<dyn Reporter>);

impl Lms {
    pub fn new(reporter: impl Reporter + 'static) -> Lms {
        Lms(Rc::new(reporter))
    }
}
