//! An assignment's link: the assignment itself, compact and versioned, with a checksum, so
//! a link that was cut short, edited or damaged is detected and explained. Per-student links
//! add the teacher's accommodation the same way.
//!
//! A code is `1.<base64url of the JSON>.<checksum>`. The checksum catches damage, not
//! intent: a student who rebuilds a code by hand is caught on the teacher's side, where
//! every result's conditions are compared with the teacher's own copy of the assignment.

use super::model::{Accommodation, Assignment, TimeAllowance};
use crate::bank::{path::check_relative, valid_id};
use crate::codec::{base64url_decode, base64url_encode, fnv1a64};

/// The version of the link format this build writes.
pub const LINK_VERSION: &str = "1";

/// Why a link cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Not a code at all, or cut short.
    Incomplete,
    /// The checksum does not match: the link was changed or damaged.
    Damaged,
    /// Made by a newer version of Accord.
    TooNew(String),
    /// Well formed, but what it says makes no sense.
    Invalid(String),
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::Incomplete => write!(
                f,
                "the link is incomplete (perhaps it was cut short when copied); ask your teacher for the link again"
            ),
            LinkError::Damaged => write!(
                f,
                "the link was changed or damaged on the way; ask your teacher for the link again"
            ),
            LinkError::TooNew(v) => write!(
                f,
                "the link was made by a newer version of Accord (format {v}); reload this page to update it"
            ),
            LinkError::Invalid(why) => write!(f, "the link does not make sense ({why})"),
        }
    }
}

fn checksum(payload: &str) -> String {
    let hash = fnv1a64(payload.as_bytes());
    crate::quiz::Seed::from_random(hash).to_string()
}

fn wrap(json: &str) -> String {
    let payload = base64url_encode(json.as_bytes());
    let sum = checksum(&payload);
    format!("{LINK_VERSION}.{payload}.{sum}")
}

fn unwrap(code: &str) -> Result<String, LinkError> {
    let mut parts = code.trim().split('.');
    let (Some(version), Some(payload), Some(sum), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(LinkError::Incomplete);
    };
    if version != LINK_VERSION {
        return match version.parse::<u32>() {
            Ok(n) if n > 1 => Err(LinkError::TooNew(version.to_string())),
            _ => Err(LinkError::Incomplete),
        };
    }
    if payload.is_empty() || sum.len() != 8 {
        return Err(LinkError::Incomplete);
    }
    if checksum(payload) != sum {
        return Err(LinkError::Damaged);
    }
    let bytes = base64url_decode(payload).ok_or(LinkError::Damaged)?;
    String::from_utf8(bytes).map_err(|_| LinkError::Damaged)
}

/// The code a link carries for `assignment`.
pub fn encode(assignment: &Assignment) -> String {
    wrap(&serde_json::to_string(assignment).expect("an assignment always serializes"))
}

/// The assignment a link's code carries, checked by meaning.
pub fn decode(code: &str) -> Result<Assignment, LinkError> {
    let json = unwrap(code)?;
    let assignment: Assignment = serde_json::from_str(&json)
        .map_err(|e| LinkError::Invalid(crate::text::escape_controls(&e.to_string())))?;
    check(&assignment).map_err(LinkError::Invalid)?;
    Ok(assignment)
}

/// The code a per-student link carries for an accommodation.
pub fn encode_accommodation(accommodation: &Accommodation) -> String {
    wrap(&serde_json::to_string(accommodation).expect("an accommodation always serializes"))
}

pub fn decode_accommodation(code: &str) -> Result<Accommodation, LinkError> {
    let json = unwrap(code)?;
    let accommodation: Accommodation = serde_json::from_str(&json)
        .map_err(|e| LinkError::Invalid(crate::text::escape_controls(&e.to_string())))?;
    if super::student::normalize_name(&accommodation.student).is_empty() {
        return Err(LinkError::Invalid(
            "the accommodation names no student".into(),
        ));
    }
    if let TimeAllowance::Extra(t) = accommodation.time
        && !(11..=100).contains(&t)
    {
        return Err(LinkError::Invalid("the extra time is out of range".into()));
    }
    Ok(accommodation)
}

/// The checks of meaning every assignment passes, whoever made it.
pub fn check(a: &Assignment) -> Result<(), String> {
    let short = |text: &str, max: usize| {
        text.chars().count() <= max && !text.chars().any(crate::text::is_hidden)
    };
    if !valid_id(&a.id) || a.id.len() > 40 {
        return Err("its id is not valid".into());
    }
    if a.title.trim().is_empty() || !short(&a.title, 200) {
        return Err("it needs a title of up to 200 characters".into());
    }
    if a.instructions.chars().count() > 5_000 {
        return Err("its instructions are too long".into());
    }
    check_relative(&a.bank.path).map_err(|why| format!("its bank path is refused: {why}"))?;
    if !valid_id(&a.bank.id) || !short(&a.bank.version, 80) {
        return Err("its bank is not valid".into());
    }
    if a.topics.len() > 200 || a.topics.iter().any(|t| !valid_id(t)) {
        return Err("its topics are not valid".into());
    }
    if !(1..=500).contains(&a.count) {
        return Err("it must have 1 to 500 questions".into());
    }
    if a.time_limit.is_some_and(|t| !(60..=86_400).contains(&t)) {
        return Err("its time limit must be between 1 minute and 24 hours".into());
    }
    if let (Some(opens), Some(closes)) = (a.opens_at, a.closes_at)
        && opens >= closes
    {
        return Err("it closes before it opens".into());
    }
    if let Some(email) = &a.email
        && !(email.contains('@') && short(email, 200) && !email.contains(char::is_whitespace))
    {
        return Err("its e-mail address is not valid".into());
    }
    if a.pass_mark.is_some_and(|p| p > 100) {
        return Err("its pass mark is above 100 %".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assignment::model::BankRef;
    use crate::quiz::Seed;

    fn sample() -> Assignment {
        Assignment::new(
            "k3f9x2qa".into(),
            "Cold War test".into(),
            BankRef {
                path: "questions/index.toml".into(),
                id: "nato-russia".into(),
                version: "1.0.0".into(),
            },
            Seed::parse("k3f9x2qa").unwrap(),
        )
    }

    #[test]
    fn a_link_round_trips_and_stays_compact() {
        let a = sample();
        let code = encode(&a);
        assert!(code.starts_with("1."));
        assert!(code.len() < 500, "{} characters", code.len());
        assert_eq!(decode(&code), Ok(a));
    }

    #[test]
    fn a_changed_cut_or_foreign_link_is_explained() {
        let code = encode(&sample());
        let mut edited: Vec<char> = code.chars().collect();
        edited[10] = if edited[10] == 'A' { 'B' } else { 'A' };
        let edited: String = edited.into_iter().collect();
        assert_eq!(decode(&edited), Err(LinkError::Damaged));
        assert_eq!(decode(&code[..code.len() / 2]), Err(LinkError::Incomplete));
        assert_eq!(decode("hello"), Err(LinkError::Incomplete));
        assert_eq!(
            decode(&code.replacen("1.", "7.", 1)),
            Err(LinkError::TooNew("7".into()))
        );
        assert!(LinkError::Damaged.to_string().contains("ask your teacher"));
    }

    #[test]
    fn a_well_formed_link_that_makes_no_sense_is_refused() {
        let mut a = sample();
        a.count = 0;
        assert!(matches!(decode(&encode(&a)), Err(LinkError::Invalid(_))));
        let mut a = sample();
        a.bank.path = "https://evil.example/index.toml".into();
        assert!(matches!(decode(&encode(&a)), Err(LinkError::Invalid(_))));
        let mut a = sample();
        a.time_limit = Some(5);
        assert!(matches!(decode(&encode(&a)), Err(LinkError::Invalid(_))));
    }

    #[test]
    fn accommodations_round_trip() {
        let acc = Accommodation {
            student: "Ana Costa".into(),
            time: TimeAllowance::Extra(15),
        };
        assert_eq!(decode_accommodation(&encode_accommodation(&acc)), Ok(acc));
    }
}
