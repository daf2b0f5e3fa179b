//! The two SCORM versions a package can speak, and the names and limits of the data-model
//! elements in each. Names only: what to put in them is `datamodel`'s and `interaction`'s.

/// A SCORM version. 2004 means the 4th edition (2009), the last; earlier 2004 editions share
/// its run-time data model but not its manifest's `schemaversion`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScormVersion {
    V12,
    V2004,
}

/// The data-model element names of one version, and the limits the tests hold values to.
///
/// Sources: SCORM 1.2 Run-Time Environment (2001) §3.4.2, the `cmi.core.*`, `cmi.suspend_data`
/// and `cmi.interactions.*` tables; SCORM 2004 4th edition Run-Time Environment (2009) §4.2,
/// one section per element (`cmi.completion_status` 4.2.4, `cmi.exit` 4.2.8,
/// `cmi.interactions` 4.2.9, `cmi.score` 4.2.20, `cmi.session_time` 4.2.21,
/// `cmi.success_status` 4.2.22, `cmi.suspend_data` 4.2.23).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Elements {
    /// The object the API discovery looks for on `window.parent` / `window.opener`.
    pub api_object: &'static str,
    pub learner_id: &'static str,
    /// 1.2 gives "Last, First" (CMIString255); 2004 a localized string.
    pub learner_name: &'static str,
    /// "resume" when the LMS hands back `suspend_data` from an earlier session.
    pub entry: &'static str,
    pub suspend_data: &'static str,
    pub exit: &'static str,
    pub session_time: &'static str,
    /// `cmi.score.scaled`: 2004 only.
    pub score_scaled: Option<&'static str>,
    pub score_raw: &'static str,
    pub score_min: &'static str,
    pub score_max: &'static str,
    /// 1.2's one status for both completion and success.
    pub lesson_status: Option<&'static str>,
    /// 2004 splits it in two.
    pub completion_status: Option<&'static str>,
    pub success_status: Option<&'static str>,
    /// The interaction field holding the learner's answer.
    pub learner_response: &'static str,
    /// The interaction field holding when it happened: 1.2 `time` (a time of day), 2004
    /// `timestamp` (a date and time).
    pub interaction_time: &'static str,
    /// `cmi.interactions.n.description`: 2004 only.
    pub description: Option<&'static str>,
    /// The most characters `suspend_data` may hold: 1.2 CMIString4096, 2004 SPM 64000.
    pub suspend_data_limit: usize,
    /// The most characters an interaction id may hold: 1.2 CMIIdentifier 255 (no spaces),
    /// 2004 long_identifier_type SPM 4000.
    pub identifier_limit: usize,
    /// The most characters one typed answer may keep: 1.2 CMIFeedback is a CMIString255;
    /// 2004 fill-in holds up to 10 localized strings of SPM 250 each.
    pub text_limit: usize,
}

const V12: Elements = Elements {
    api_object: "API",
    learner_id: "cmi.core.student_id",
    learner_name: "cmi.core.student_name",
    entry: "cmi.core.entry",
    suspend_data: "cmi.suspend_data",
    exit: "cmi.core.exit",
    session_time: "cmi.core.session_time",
    score_scaled: None,
    score_raw: "cmi.core.score.raw",
    score_min: "cmi.core.score.min",
    score_max: "cmi.core.score.max",
    lesson_status: Some("cmi.core.lesson_status"),
    completion_status: None,
    success_status: None,
    learner_response: "student_response",
    interaction_time: "time",
    description: None,
    suspend_data_limit: 4096,
    identifier_limit: 255,
    text_limit: 255,
};

const V2004: Elements = Elements {
    api_object: "API_1484_11",
    learner_id: "cmi.learner_id",
    learner_name: "cmi.learner_name",
    entry: "cmi.entry",
    suspend_data: "cmi.suspend_data",
    exit: "cmi.exit",
    session_time: "cmi.session_time",
    score_scaled: Some("cmi.score.scaled"),
    score_raw: "cmi.score.raw",
    score_min: "cmi.score.min",
    score_max: "cmi.score.max",
    lesson_status: None,
    completion_status: Some("cmi.completion_status"),
    success_status: Some("cmi.success_status"),
    learner_response: "learner_response",
    interaction_time: "timestamp",
    description: Some("description"),
    suspend_data_limit: 64_000,
    identifier_limit: 4000,
    text_limit: 250,
};

impl ScormVersion {
    pub const ALL: [ScormVersion; 2] = [ScormVersion::V12, ScormVersion::V2004];

    /// The version a command line or a form names: "1.2" or "2004".
    pub fn parse(text: &str) -> Option<ScormVersion> {
        match text.trim() {
            "1.2" | "12" => Some(ScormVersion::V12),
            "2004" => Some(ScormVersion::V2004),
            _ => None,
        }
    }

    /// How a command line or the launch page's query names it: "1.2" or "2004".
    pub fn param(self) -> &'static str {
        match self {
            ScormVersion::V12 => "1.2",
            ScormVersion::V2004 => "2004",
        }
    }

    /// For people: "SCORM 1.2", "SCORM 2004 4th Edition".
    pub fn label(self) -> &'static str {
        match self {
            ScormVersion::V12 => "SCORM 1.2",
            ScormVersion::V2004 => "SCORM 2004 4th Edition",
        }
    }

    pub fn elements(self) -> &'static Elements {
        match self {
            ScormVersion::V12 => &V12,
            ScormVersion::V2004 => &V2004,
        }
    }

    /// `cmi.interactions.<n>.<field>`.
    pub fn interaction_element(self, n: usize, field: &str) -> String {
        format!("cmi.interactions.{n}.{field}")
    }

    /// The `exit` value while the quiz goes on (`suspend`: keep the data for the next session)
    /// and once it is finished (1.2: the empty string; 2004: `normal`).
    pub fn exit_value(self, finished: bool) -> &'static str {
        match (self, finished) {
            (_, false) => "suspend",
            (ScormVersion::V12, true) => "",
            (ScormVersion::V2004, true) => "normal",
        }
    }

    /// The result of a wrong answer: 1.2 says `wrong`, 2004 says `incorrect`.
    pub fn wrong(self) -> &'static str {
        match self {
            ScormVersion::V12 => "wrong",
            ScormVersion::V2004 => "incorrect",
        }
    }
}

impl std::fmt::Display for ScormVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}
