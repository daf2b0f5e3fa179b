//! Everything one commit sends: the score, the status against the pass mark, the session time,
//! the exit mode, the suspend data, and one interaction per question, as `(element, value)`
//! pairs in the order to `SetValue` them. The adapter sends them and then commits.
//!
//! Score. Both versions get the score as a percentage: `raw` 0–100 with `min` 0 and `max` 100,
//! two decimals, truncated. 1.2 run-times hold `raw`, `min` and `max` to 0–100 (scorm-again's
//! `score_range` "0#100"), and LMS gradebooks such as Moodle's read `raw` against 100 in both
//! versions; the points themselves travel as each interaction's `weighting`. 2004 also gets
//! `scaled`, the fraction 0–1 with seven decimals (real(10,7)), truncated, so that an LMS that
//! compares `scaled` with its `scaled_passing_score` agrees with our pass or fail.
//!
//! Status. 1.2 `lesson_status`: `incomplete` until the quiz is finished, then `passed` or
//! `failed` against the pass mark (`completed` for a sealed exam, whose score is unknown, and
//! for an assignment without a pass mark). 2004: `completion_status` `incomplete` then
//! `completed`; `success_status` `unknown` until finished, then `passed` or `failed`
//! (`unknown` for a sealed exam or without a pass mark).
//!
//! What an exam withholds. In an exam the learner gets no feedback before handing in, so
//! neither the score nor any interaction's result is sent before then (an LMS may show the
//! learner both); the responses are. Practice, review and focus quizzes show feedback after
//! every answer, so their running score and results are sent at once.
//!
//! Exit. `suspend` while the quiz goes on, so the LMS keeps the suspend data for the next
//! session; when finished, 1.2's empty value and 2004's `normal`.

use crate::quiz::{QuizResult, QuizSession};

use super::format::{identifier, ratio_truncated};
use super::interaction::{Interaction, Item, interaction};
use super::key::Key;
use super::suspend::{SuspendError, SuspendFit, encode_within};
use super::time::{cmi_timespan, iso_duration};
use super::version::ScormVersion;

/// The share of the points needed to pass, in thousandths (600 is 60 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PassMark(u16);

impl PassMark {
    /// A pass mark of `fraction` (0.6 for 60 %), if it is between 0 and 1; rounded to the
    /// nearest thousandth.
    pub fn from_fraction(fraction: f64) -> Option<PassMark> {
        (0.0..=1.0)
            .contains(&fraction)
            .then(|| PassMark((fraction * 1000.0).round() as u16))
    }

    /// An assignment's pass mark (a whole percentage), if it is at most 100.
    pub fn from_percent(percent: u8) -> Option<PassMark> {
        PassMark::from_thousandths(u16::from(percent) * 10)
    }

    pub fn from_thousandths(thousandths: u16) -> Option<PassMark> {
        (thousandths <= 1000).then_some(PassMark(thousandths))
    }

    pub fn thousandths(self) -> u16 {
        self.0
    }

    /// Whether `points` of `max` reach the mark (exact: no rounding).
    pub fn passed(self, points: u64, max: u64) -> bool {
        u128::from(points) * 1000 >= u128::from(self.0) * u128::from(max)
    }
}

/// The clock as the adapter reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// ms since the epoch.
    pub now: u64,
    /// When this session with the LMS began (the page's `Initialize`), ms since the epoch.
    pub session_start: u64,
    /// Minutes east of UTC.
    pub utc_offset_minutes: i32,
}

/// One commit's worth of values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// `(element, value)` pairs, in the order to set them.
    pub values: Vec<(String, String)>,
    /// Whether `cmi.suspend_data` is among them, and how it fitted. When it cannot fit
    /// (`TooLong`), it is left out, so the LMS keeps the last one that did; the learner's
    /// browser still keeps the whole quiz.
    pub suspend: Result<SuspendFit, SuspendError>,
}

impl Commit {
    /// The values that differ from what `previous` set (new elements, or new values). Send
    /// only these: every unchanged value is a wasted call to the LMS, and run-times differ in
    /// what they accept twice (scorm-again refuses a choice interaction's second pattern when
    /// it repeats the first, "Data Model Element Pattern Already Exists").
    pub fn since(&self, previous: &Commit) -> Vec<(String, String)> {
        let before: std::collections::HashMap<&str, &str> = previous
            .values
            .iter()
            .map(|(e, v)| (e.as_str(), v.as_str()))
            .collect();
        self.values
            .iter()
            .filter(|(e, v)| before.get(e.as_str()) != Some(&v.as_str()))
            .cloned()
            .collect()
    }

    /// The value set for `element`, if any (for tests and the adapter's log).
    pub fn get(&self, element: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(e, _)| e == element)
            .map(|(_, v)| v.as_str())
    }
}

/// What to send for `session` now. `pass_mark` is a [`PassMark`] or `None` (no pass mark:
/// the LMS hears only that the quiz is completed).
pub fn commit(
    version: ScormVersion,
    session: &QuizSession,
    key: Key,
    pass_mark: impl Into<Option<PassMark>>,
    clock: Clock,
) -> Commit {
    let pass_mark: Option<PassMark> = pass_mark.into();
    let elements = version.elements();
    let finished = session.is_finished();
    let reveal = finished || session.settings.mode.gives_feedback();
    let mut values: Vec<(String, String)> = Vec::new();
    let mut set = |element: &str, value: String| values.push((element.to_string(), value));

    // Score and success, only with the key.
    let score = match key {
        Key::Open(bank) => {
            let result = QuizResult::of(session, bank);
            (result.max.millionths() > 0)
                .then(|| (result.points.millionths(), result.max.millionths()))
        }
        Key::Sealed(_) => None,
    };
    if let (true, Some((points, max))) = (reveal, score) {
        if let Some(scaled) = elements.score_scaled {
            set(scaled, ratio_truncated(points, max, 1, 7));
        }
        set(elements.score_raw, ratio_truncated(points, max, 100, 2));
        set(elements.score_min, "0".to_string());
        set(elements.score_max, "100".to_string());
    }
    let success = match (finished, score, pass_mark) {
        (true, Some((points, max)), Some(mark)) => Some(mark.passed(points, max)),
        _ => None,
    };
    let success_word = |passed: bool| if passed { "passed" } else { "failed" };
    if let Some(status) = elements.lesson_status {
        let word = match (finished, success) {
            (false, _) => "incomplete",
            (true, Some(passed)) => success_word(passed),
            (true, None) => "completed",
        };
        set(status, word.to_string());
    }
    if let Some(status) = elements.completion_status {
        let word = if finished { "completed" } else { "incomplete" };
        set(status, word.to_string());
    }
    if let Some(status) = elements.success_status {
        set(status, success.map_or("unknown", success_word).to_string());
    }

    let session_ms = clock.now.saturating_sub(clock.session_start);
    set(
        elements.session_time,
        match version {
            ScormVersion::V12 => cmi_timespan(session_ms),
            ScormVersion::V2004 => iso_duration(session_ms),
        },
    );
    set(elements.exit, version.exit_value(finished).to_string());

    let suspend = encode_within(session, key, elements.suspend_data_limit);
    if let Ok((text, _)) = &suspend {
        set(elements.suspend_data, text.clone());
    }

    for (n, interaction) in interactions(version, session, key, reveal, clock)
        .iter()
        .enumerate()
    {
        values.extend(interaction.values(version, n));
    }
    Commit {
        values,
        suspend: suspend.map(|(_, fit)| fit),
    }
}

/// One interaction per quiz item, in the quiz's order. Items whose question the key does not
/// know are skipped.
fn interactions(
    version: ScormVersion,
    session: &QuizSession,
    key: Key,
    reveal: bool,
    clock: Clock,
) -> Vec<Interaction> {
    let limit = version.elements().identifier_limit;
    let mut used: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (i, item) in session.items.iter().enumerate() {
        let Some(shape) = key.shape(&item.question) else {
            continue;
        };
        let id = unique_id(&item.question, i, limit, &mut used);
        let mut time_ms = session.time_ms.get(i).copied().unwrap_or(0);
        if i == session.current
            && let Some(shown) = session.shown_at
        {
            time_ms = time_ms.saturating_add(clock.now.saturating_sub(shown));
        }
        let answer = session.answers.get(i).and_then(Option::as_ref);
        out.push(interaction(
            version,
            &Item {
                id: &id,
                shape: &shape,
                question: key.question(&item.question),
                answer,
                time_ms,
                reveal,
                utc_offset_minutes: clock.utc_offset_minutes,
            },
        ));
    }
    out
}

/// The question id as an identifier of at most `limit` characters (bank ids already are:
/// lowercase letters, digits and `-`, at most 80); a question drawn twice gets its position
/// after the second and later times (`b-tf-7`), a question with no usable id `q7`.
fn unique_id(
    question: &str,
    index: usize,
    limit: usize,
    used: &mut std::collections::HashSet<String>,
) -> String {
    let position = format!("q{}", index + 1);
    let base = identifier(question, limit).unwrap_or(position);
    let mut id = base.clone();
    let mut round = 0usize;
    while used.contains(&id) {
        round += 1;
        let suffix = match round {
            1 => format!("-{}", index + 1),
            _ => format!("-{}-{round}", index + 1),
        };
        // Identifiers are ASCII, so any byte index is a character boundary.
        let keep = limit.saturating_sub(suffix.len()).min(base.len());
        id = format!("{}{suffix}", &base[..keep]);
    }
    used.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pass_mark_is_compared_exactly() {
        let mark = PassMark::from_fraction(0.6).unwrap();
        assert!(mark.passed(600, 1000));
        assert!(!mark.passed(599_999, 1_000_000));
        assert!(PassMark::from_fraction(1.5).is_none());
        assert!(PassMark::from_fraction(f64::NAN).is_none());
    }

    #[test]
    fn a_question_drawn_twice_gets_two_ids() {
        let mut used = std::collections::HashSet::new();
        assert_eq!(unique_id("b-tf", 0, 255, &mut used), "b-tf");
        assert_eq!(unique_id("b-tf", 6, 255, &mut used), "b-tf-7");
        assert_eq!(unique_id("", 2, 255, &mut used), "q3");
    }
}
