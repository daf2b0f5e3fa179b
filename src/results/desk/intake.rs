//! Taking results into a class: dropped files (result files, or text files of codes) and
//! pasted codes, each reported on its own line as added, already in, or refused with the reason
//! in plain words. A bad one never touches what is already in the class.

use super::data::Issued;
use crate::results::{CODE_PREFIX, Grader, Roster, Taken, record_from_code};
use crate::text::{Language, count, escape_controls};

/// The largest file or paste read (a class of result files is far smaller).
const MAX_TEXT: usize = 8 << 20;
/// The longest source name kept.
const MAX_SOURCE: usize = 120;

/// What taking in one result did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intake {
    /// Added: the student, their percentage, and the flags it carries in words.
    Added {
        student: String,
        percent: u32,
        flags: Vec<String>,
    },
    /// The same result was already in the class.
    Duplicate {
        student: String,
    },
    Refused(String),
}

/// One line of an import's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeLine {
    /// The file's name, or "pasted code 2".
    pub source: String,
    pub outcome: Intake,
}

impl IntakeLine {
    /// The line in words: "ana.json: added (Ana Costa, 100 %)".
    pub fn text(&self) -> String {
        let what = match &self.outcome {
            Intake::Added {
                student,
                percent,
                flags,
            } if flags.is_empty() => format!("added ({student}, {percent} %)"),
            Intake::Added {
                student,
                percent,
                flags,
            } => format!(
                "added ({student}, {percent} %), flagged: {}",
                flags.join("; ")
            ),
            Intake::Duplicate { student } => {
                format!("already in the class ({student}), counted once")
            }
            Intake::Refused(why) => format!("refused: {why}"),
        };
        format!("{}: {what}", self.source)
    }

    pub fn is_added(&self) -> bool {
        matches!(self.outcome, Intake::Added { .. })
    }
}

/// "3 added, 1 already in, 1 refused."
pub fn intake_summary(lines: &[IntakeLine]) -> String {
    let added = lines.iter().filter(|l| l.is_added()).count();
    let duplicate = lines
        .iter()
        .filter(|l| matches!(l.outcome, Intake::Duplicate { .. }))
        .count();
    let refused = lines.len() - added - duplicate;
    format!(
        "{} added, {} already in, {} refused.",
        count(added as u64, "result", "results", Language::English),
        duplicate,
        refused
    )
}

fn source_name(name: &str) -> String {
    let shown: String = escape_controls(name.trim())
        .chars()
        .take(MAX_SOURCE)
        .collect();
    if shown.is_empty() {
        "a file without a name".to_string()
    } else {
        shown
    }
}

/// What `taken` means for the line, reading the entry just added from `roster`.
fn outcome(taken: Taken, roster: &Roster, student: &str) -> Intake {
    match taken {
        Taken::Added => match roster.entries.last() {
            Some(entry) => Intake::Added {
                student: entry.record.run.student.clone(),
                percent: entry.percent(),
                flags: entry.flags.iter().map(|f| f.text()).collect(),
            },
            None => Intake::Refused("it could not be added".into()),
        },
        Taken::Duplicate => Intake::Duplicate {
            student: student.to_string(),
        },
        Taken::Refused(why) => Intake::Refused(why),
    }
}

/// Take in one dropped file: a result file, or a text file holding result codes.
pub fn take_file(
    roster: &mut Roster,
    name: &str,
    text: &str,
    issued: &Issued,
    grader: &dyn Grader,
    inflate: impl Fn(&[u8]) -> Option<String>,
) -> Vec<IntakeLine> {
    let source = source_name(name);
    if text.len() > MAX_TEXT {
        return vec![IntakeLine {
            source,
            outcome: Intake::Refused("the file is too large to be a result".into()),
        }];
    }
    if text.trim_start().starts_with(CODE_PREFIX) {
        return take_codes_from(
            roster,
            text,
            issued,
            grader,
            inflate,
            &format!("{source}, code"),
        );
    }
    let outcome = match crate::results::ResultRecord::from_json(text) {
        Err(e) => Intake::Refused(e.to_string()),
        Ok(record) => {
            let student = record.run.student.clone();
            let taken = roster.take(
                record,
                &source,
                &issued.assignment,
                &issued.accommodations,
                grader,
            );
            outcome(taken, roster, &student)
        }
    };
    vec![IntakeLine { source, outcome }]
}

/// Pasted text in groups: a word starting with the code prefix and the words after it (a
/// code an e-mail or a form wrapped onto several lines, or words that follow a code), or words
/// before any code.
enum Group<'t> {
    Code(Vec<&'t str>),
    Stray(Vec<&'t str>),
}

fn groups(text: &str) -> Vec<Group<'_>> {
    let mut groups: Vec<Group<'_>> = Vec::new();
    for word in text.split_whitespace() {
        match groups.last_mut() {
            _ if word.starts_with(CODE_PREFIX) => groups.push(Group::Code(vec![word])),
            Some(Group::Code(words) | Group::Stray(words)) => words.push(word),
            None => groups.push(Group::Stray(vec![word])),
        }
    }
    groups
}

/// The pasted text as codes (each with the words that follow it joined on, as a wrapped code
/// is) and the text before any code.
pub fn split_codes(text: &str) -> Vec<Result<String, String>> {
    groups(text)
        .into_iter()
        .map(|g| match g {
            Group::Code(words) => Ok(words.concat()),
            Group::Stray(words) => Err(words.join(" ")),
        })
        .collect()
}

/// Take in pasted text holding one or more result codes (separated by spaces or lines; a
/// code wrapped onto several lines still reads).
pub fn take_codes(
    roster: &mut Roster,
    text: &str,
    issued: &Issued,
    grader: &dyn Grader,
    inflate: impl Fn(&[u8]) -> Option<String>,
) -> Vec<IntakeLine> {
    if text.len() > MAX_TEXT {
        return vec![IntakeLine {
            source: "pasted text".into(),
            outcome: Intake::Refused("the text is too large".into()),
        }];
    }
    take_codes_from(roster, text, issued, grader, inflate, "pasted code")
}

fn take_codes_from(
    roster: &mut Roster,
    text: &str,
    issued: &Issued,
    grader: &dyn Grader,
    inflate: impl Fn(&[u8]) -> Option<String>,
    label: &str,
) -> Vec<IntakeLine> {
    let groups = groups(text);
    if groups.is_empty() {
        return vec![IntakeLine {
            source: label.to_string(),
            outcome: Intake::Refused("there is no result code to read".into()),
        }];
    }
    let stray = |words: &[&str]| IntakeLine {
        source: format!("text {}", crate::text::quoted(&words.join(" "), 30)),
        outcome: Intake::Refused(format!(
            "it is not a result code (a result code starts with {CODE_PREFIX})"
        )),
    };
    let mut lines = Vec::new();
    let mut n = 0;
    for group in groups {
        let words = match group {
            Group::Stray(words) => {
                lines.push(stray(&words));
                continue;
            }
            Group::Code(words) => words,
        };
        n += 1;
        let source = format!("{label} {n}");
        // The shortest run of words that reads is the code: a code cut short never reads, so
        // a wrapped code takes all its lines, and words after a whole code are left over.
        let read = (1..=words.len()).find_map(|k| {
            record_from_code(&words[..k].concat(), &inflate)
                .ok()
                .map(|record| (record, k))
        });
        let (outcome, used) = match read {
            None => (
                Intake::Refused(
                    record_from_code(&words.concat(), &inflate)
                        .err()
                        .map_or_else(|| "it could not be read".to_string(), |e| e.to_string()),
                ),
                words.len(),
            ),
            Some((record, used)) => {
                let student = record.run.student.clone();
                let taken = roster.take(
                    record,
                    &source,
                    &issued.assignment,
                    &issued.accommodations,
                    grader,
                );
                (outcome(taken, roster, &student), used)
            }
        };
        lines.push(IntakeLine { source, outcome });
        if used < words.len() {
            lines.push(stray(&words[used..]));
        }
    }
    lines
}
