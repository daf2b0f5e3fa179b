//! The learner as the LMS names them, read once at launch: the name to show (SCORM 1.2 gives
//! "Last, First"; 2004 may prefix a language tag), the id (both untrusted text), and the
//! profile their data is kept under in this browser.

use super::format::{cut_utf16, one_line};
use super::version::ScormVersion;
use crate::progress::ProfileId;

/// The longest name or id kept: more than any real name, few enough for a screen.
const LIMIT: usize = 250;

/// The learner's name as people write it. SCORM 1.2's `cmi.core.student_name` is "Last name,
/// first name" (SCORM 1.2 RTE §3.4.2, CMIString255), so "Curie, Marie" becomes "Marie Curie";
/// 2004's `cmi.learner_name` is a localized_string_type, whose `{lang=…}` prefix (SCORM 2004
/// 4th edition RTE §4.1.1.9) is dropped. Control characters become spaces, runs of spaces
/// one, and the result is cut to 250 characters. Empty when the LMS gives nothing usable.
pub fn learner_name(version: ScormVersion, raw: &str) -> String {
    let text = one_line(raw);
    let text = match version {
        ScormVersion::V2004 => strip_language(&text),
        ScormVersion::V12 => match text.split_once(',') {
            Some((last, first)) if !first.trim().is_empty() && !last.trim().is_empty() => {
                format!("{} {}", first.trim(), last.trim())
            }
            _ => text.replace(',', " "),
        },
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    cut_utf16(&words.join(" "), LIMIT).trim_end().to_string()
}

/// The learner's id, trimmed and cut to 250 characters, control characters removed.
pub fn learner_id(raw: &str) -> String {
    let text: String = raw.chars().filter(|c| !c.is_control()).collect();
    cut_utf16(text.trim(), LIMIT).to_string()
}

/// The profile an LMS learner's data is kept under in this browser, made from their id, so
/// that learners sharing a computer (a classroom's) never see each other's attempts: the same
/// id always gives the same profile. `None` for an empty id (the browser's own learner then).
pub fn learner_profile(id: &str) -> Option<ProfileId> {
    let id = learner_id(id);
    (!id.is_empty())
        .then(|| ProfileId::from_random(crate::codec::fnv1a64(format!("lms\u{1f}{id}").as_bytes())))
}

fn strip_language(text: &str) -> String {
    let trimmed = text.trim_start();
    match trimmed
        .strip_prefix("{lang=")
        .and_then(|rest| rest.split_once('}'))
    {
        Some((_, rest)) => rest.to_string(),
        None => trimmed.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scorm_1_2_name_is_turned_around() {
        assert_eq!(
            learner_name(ScormVersion::V12, "Curie, Marie"),
            "Marie Curie"
        );
        assert_eq!(
            learner_name(ScormVersion::V12, " Curie ,  Marie "),
            "Marie Curie"
        );
        assert_eq!(learner_name(ScormVersion::V12, "Marie"), "Marie");
        assert_eq!(learner_name(ScormVersion::V12, "Curie,"), "Curie");
        assert_eq!(learner_name(ScormVersion::V12, ""), "");
    }

    #[test]
    fn a_scorm_2004_name_loses_its_language_tag() {
        assert_eq!(
            learner_name(ScormVersion::V2004, "{lang=fr}Marie Curie"),
            "Marie Curie"
        );
        assert_eq!(
            learner_name(ScormVersion::V2004, "Marie\nCurie"),
            "Marie Curie"
        );
        assert_eq!(learner_id(" s123\u{7} "), "s123");
    }

    #[test]
    fn an_lms_learner_always_gets_the_same_profile_and_another_learner_another() {
        let a = learner_profile("s123").unwrap();
        assert_eq!(learner_profile(" s123 "), Some(a.clone()));
        assert_ne!(learner_profile("s124"), Some(a.clone()));
        assert!(a.to_string().starts_with("p-"));
        assert_eq!(ProfileId::parse(&a.to_string()), Some(a));
        assert_eq!(learner_profile(" \u{7}"), None);
    }
}
