//! The SCORM adapter, the SCORM page's `Reporter`: it finds the LMS's API object by the
//! run-time's discovery, opens the session, reads the learner and the suspend data, and sends
//! what `lms` makes of the quiz, committing each time. It decides none of the values.
//!
//! Discovery (SCORM 1.2 RTE §3.3.6.1, SCORM 2004 4th edition RTE §3.3.2.1): the LMS puts its
//! API object, `API` (1.2) or `API_1484_11` (2004), on a window above the content: the
//! content's own window, one of its parents, or the window that opened it and that window's
//! parents. The ADL samples climb at most 7 parents (1.2) or 500 (2004); both climb 500 here,
//! which finds everything the 1.2 sample does. The version the package was made for is looked
//! for first, then the other (an LMS may offer both).
//!
//! Built only with the `scorm` feature, for the `scorm` bin: the learner's own page, built
//! without it, never carries this file or the `lms` data model.

use std::cell::{Cell, RefCell};

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::assignment::Invitation;
use super::browser::now_ms;
use super::reporter::{LmsLearner, Reporter};
use super::state::BrowserLearner;
use crate::assignment::{Run, normalize_name};
use crate::bank::Bank;
use crate::lms::{
    self, Clock, Commit, Key, PassMark, ScormVersion, SuspendError, SuspendFit, learner_id,
    learner_name, learner_profile,
};
use crate::progress::Profiles;
use crate::quiz::QuizSession;
use crate::storage::LocalStore;

/// The most windows climbed from one start (the SCORM 2004 sample's limit).
const MAX_PARENTS: usize = 500;

/// The API's functions in one version.
struct Calls {
    initialize: &'static str,
    finish: &'static str,
    get: &'static str,
    set: &'static str,
    commit: &'static str,
    last_error: &'static str,
    error_string: &'static str,
    diagnostic: &'static str,
}

fn calls(version: ScormVersion) -> &'static Calls {
    match version {
        ScormVersion::V12 => &Calls {
            initialize: "LMSInitialize",
            finish: "LMSFinish",
            get: "LMSGetValue",
            set: "LMSSetValue",
            commit: "LMSCommit",
            last_error: "LMSGetLastError",
            error_string: "LMSGetErrorString",
            diagnostic: "LMSGetDiagnostic",
        },
        ScormVersion::V2004 => &Calls {
            initialize: "Initialize",
            finish: "Terminate",
            get: "GetValue",
            set: "SetValue",
            commit: "Commit",
            last_error: "GetLastError",
            error_string: "GetErrorString",
            diagnostic: "GetDiagnostic",
        },
    }
}

/// The LMS's API object, and the version it speaks.
struct Api {
    object: JsValue,
    version: ScormVersion,
}

impl Api {
    /// Call one of the API's functions with string arguments; its answer as a string ("" when
    /// it has no such function or throws).
    fn call(&self, name: &str, args: &[&str]) -> String {
        let Some(function) = Reflect::get(&self.object, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
        else {
            return String::new();
        };
        let args: js_sys::Array = args.iter().map(|a| JsValue::from_str(a)).collect();
        // SCORM answers strings; some LMSs answer booleans or numbers instead.
        let answer = function.apply(&self.object, &args).unwrap_or(JsValue::NULL);
        answer
            .as_string()
            .or_else(|| answer.as_bool().map(|b| b.to_string()))
            .or_else(|| answer.as_f64().map(|n| n.to_string()))
            .unwrap_or_default()
    }

    /// Whether a call that answers "true" or "false" succeeded.
    fn ok(&self, name: &str, args: &[&str]) -> bool {
        self.call(name, args) == "true"
    }

    fn get(&self, element: &str) -> String {
        self.call(calls(self.version).get, &[element])
    }

    /// The LMS's last error, for the console: "405: Incorrect Data Type (…)".
    fn last_error(&self) -> String {
        let c = calls(self.version);
        let code = self.call(c.last_error, &[]);
        let text = self.call(c.error_string, &[&code]);
        let detail = self.call(c.diagnostic, &[&code]);
        format!("{code}: {text} ({detail})")
    }
}

fn warn(text: &str) {
    web_sys::console::warn_1(&JsValue::from_str(text));
}

/// The API object named `name` in `start` or one of its parents. A window of another origin
/// cannot be read; the climb goes on past it, as its parent may be the LMS's.
fn climb(start: JsValue, name: &str) -> Option<JsValue> {
    let key = JsValue::from_str(name);
    let parent_key = JsValue::from_str("parent");
    let mut window = start;
    for _ in 0..=MAX_PARENTS {
        if window.is_null() || window.is_undefined() {
            return None;
        }
        if let Ok(api) = Reflect::get(&window, &key)
            && api.is_object()
        {
            return Some(api);
        }
        let parent = Reflect::get(&window, &parent_key).ok()?;
        if js_sys::Object::is(&parent, &window) {
            return None;
        }
        window = parent;
    }
    None
}

/// The LMS's API, looked for in `preferred`'s version first: from this window up, then from
/// the window that opened it up, then (an LMS that opens its player in a pop-up holding
/// frames) from the window that opened the top window up.
fn discover(preferred: Option<ScormVersion>) -> Option<Api> {
    let window = super::browser::window();
    let opener = window.opener().unwrap_or(JsValue::NULL);
    let top_opener = window
        .top()
        .ok()
        .flatten()
        .and_then(|top| top.opener().ok())
        .unwrap_or(JsValue::NULL);
    let order = match preferred {
        Some(ScormVersion::V12) => [ScormVersion::V12, ScormVersion::V2004],
        _ => [ScormVersion::V2004, ScormVersion::V12],
    };
    order.into_iter().find_map(|version| {
        let name = version.elements().api_object;
        climb(window.clone().into(), name)
            .or_else(|| climb(opener.clone(), name))
            .or_else(|| climb(top_opener.clone(), name))
            .map(|object| Api { object, version })
    })
}

/// The version the launch address names (`?scorm=1.2`), if it names one.
pub fn version_asked() -> Option<ScormVersion> {
    let search = super::browser::window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    ScormVersion::parse(&params.get(lms::VERSION_PARAM)?)
}

/// A session with an LMS.
pub struct Scorm {
    api: Api,
    learner: LmsLearner,
    /// `suspend_data` as the LMS handed it at launch.
    suspend: String,
    /// When the session began (ms since the epoch).
    started: u64,
    /// What the LMS holds from this session: the values set so far.
    sent: RefCell<Commit>,
    finished: Cell<bool>,
}

impl Scorm {
    /// Find the LMS (the package's version first) and open a session with it. `None` outside
    /// an LMS, or when it refuses: the page is then the learner's app as ever.
    pub fn connect(preferred: Option<ScormVersion>) -> Option<Scorm> {
        let api = discover(preferred)?;
        if !api.ok(calls(api.version).initialize, &[""]) {
            warn(&format!(
                "Accord: the LMS refused to start a session ({}), so nothing is reported to it.",
                api.last_error()
            ));
            return None;
        }
        let elements = api.version.elements();
        let learner = LmsLearner {
            name: learner_name(api.version, &api.get(elements.learner_name)),
            id: learner_id(&api.get(elements.learner_id)),
        };
        let suspend = api.get(elements.suspend_data);
        Some(Scorm {
            learner,
            suspend,
            started: now_ms(),
            sent: RefCell::new(Commit {
                values: Vec::new(),
                suspend: Ok(SuspendFit::Whole),
            }),
            finished: Cell::new(false),
            api,
        })
    }
}

impl Scorm {
    /// The quiz the LMS kept from this learner's earlier session, read against `key`:
    /// `Ok(None)` when it kept none of ours, `Err` with the reason when it cannot be resumed.
    fn kept(&self, key: Key) -> Result<Option<QuizSession>, String> {
        if self.suspend.is_empty() {
            return Ok(None);
        }
        match lms::decode(&self.suspend, key) {
            Ok(session) => Ok(Some(session)),
            // Not ours: nothing of this app to resume.
            Err(SuspendError::NotOurs) => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Send what the LMS should hold of `session`, a quiz of `run`, and commit.
    fn send(&self, session: &QuizSession, key: Key, run: &Run, now: u64) -> Option<String> {
        let pass_mark = run
            .assignment
            .pass_mark
            .filter(|_| !key.is_sealed())
            .and_then(PassMark::from_percent);
        let offset = js_sys::Date::new_0().get_timezone_offset();
        let clock = Clock {
            now,
            session_start: self.started,
            utc_offset_minutes: -(offset as i32),
        };
        let mut commit = lms::commit(self.api.version, session, key, pass_mark, clock);
        let set = calls(self.api.version).set;
        let mut refused = Vec::new();
        for (element, value) in commit.since(&self.sent.borrow()) {
            if !self.api.ok(set, &[&element, &value]) {
                warn(&format!(
                    "Accord: the LMS refused {element} = {}: {}",
                    crate::text::quoted(&value, 80),
                    self.api.last_error()
                ));
                refused.push(element);
            }
        }
        if !self.api.ok(calls(self.api.version).commit, &[""]) {
            warn(&format!(
                "Accord: the LMS did not commit ({})",
                self.api.last_error()
            ));
        }
        // What it refused is not held there: offered again at the next commit.
        commit.values.retain(|(e, _)| !refused.contains(e));
        let problem = match &commit.suspend {
            Err(e @ SuspendError::TooLong { .. }) => Some(format!(
                "Your course cannot keep this whole attempt to resume it elsewhere ({e}). This browser keeps it: come back on this device to go on."
            )),
            _ => None,
        };
        *self.sent.borrow_mut() = commit;
        problem
    }
}

impl Reporter for Scorm {
    fn learner(&self) -> LmsLearner {
        self.learner.clone()
    }

    fn choose_profile(&self, profiles: &mut Profiles) {
        let Some(id) = learner_profile(&self.learner.id) else {
            return;
        };
        if !profiles.list.iter().any(|p| p.id == id) {
            // Listed once, under the LMS's name; the browser's active profile stays as it was
            // for the browser's own pages. Not saved (storage full or off): the data is still
            // kept under the profile's own keys.
            let mut listed = profiles.clone();
            listed.add(&self.learner.name, id.clone());
            listed.active = profiles.active.clone();
            let _ = listed.save(&LocalStore);
            *profiles = listed;
        }
        profiles.active = id;
    }

    fn resume(
        &self,
        learner: &mut BrowserLearner,
        bank: &Bank,
        invitation: &Invitation,
    ) -> Option<String> {
        let session = match self.kept(Key::Open(bank)) {
            Ok(None) => return None,
            Ok(Some(session)) => session,
            Err(why) => {
                return Some(format!(
                    "Your course kept an attempt that cannot be resumed: {why}. You can start again."
                ));
            }
        };
        let assignment = &invitation.assignment;
        let student = match self.learner.name.as_str() {
            "" => learner
                .results_of(&assignment.id)
                .last()
                .map(|r| r.run.student.clone())
                .unwrap_or_default(),
            name => name.to_string(),
        };
        let run = Run {
            assignment: assignment.clone(),
            student: normalize_name(&student),
            accommodation: invitation.accommodation.clone(),
            attempt: learner.attempts_used(&assignment.id) + 1,
        };
        // The LMS says which attempt is on, whatever this device showed.
        if learner.quiz().is_some_and(|q| q.id != session.id) {
            learner.close();
        }
        learner.take_over(bank, session, run, now_ms());
        None
    }

    fn report(&self, learner: &BrowserLearner, bank: &Bank, assignment: &str) -> Option<String> {
        if self.finished.get() {
            return None;
        }
        let ours = |run: &Run| run.assignment.id == assignment;
        let now = now_ms();
        if let (Some(quiz), Some(run)) = (learner.quiz(), learner.run().filter(|r| ours(r))) {
            return self.send(quiz, Key::Open(bank), run, now);
        }
        if let (Some(quiz), Some(record)) = (
            learner.finished(),
            learner.handed_in().filter(|r| ours(&r.run)),
        ) {
            let problem = self.send(quiz, Key::Open(bank), &record.run, now);
            // Handed in: the session with the LMS is over.
            self.finish();
            return problem;
        }
        None
    }

    fn finish(&self) {
        if self.finished.replace(true) {
            return;
        }
        if !self.api.ok(calls(self.api.version).finish, &[""]) {
            warn(&format!(
                "Accord: the LMS did not end the session cleanly ({})",
                self.api.last_error()
            ));
        }
    }

    fn finished(&self) -> bool {
        self.finished.get()
    }
}
