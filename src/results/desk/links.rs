//! The links a teacher hands out: the student link of an assignment (this site's
//! `index.html?a=<code>`, the bank only when it is not the default, and a student's own
//! accommodation), and reading such a link back when a teacher pastes one onto their desk.

use crate::assignment::{Accommodation, Assignment, decode, decode_accommodation, encode};
use crate::assignment::{encode_accommodation, normalize_name, same_student};
use crate::progress::DEFAULT_BANK_PATH;

/// The link students open: `index_url` (this site's `index.html`, absolute; `exam.html`
/// beside it for a sealed exam) with the assignment's code, `&bank=` when its bank is not the
/// default one, and `&for=` with the accommodation's code for a student's own link.
pub fn student_link(
    index_url: &str,
    assignment: &Assignment,
    accommodation: Option<&Accommodation>,
) -> String {
    let page = super::sealing::student_page(index_url, assignment);
    let mut link = format!("{page}?a={}", encode(assignment));
    // A sealed exam's page takes its bank from the assignment alone.
    if assignment.bank.path != DEFAULT_BANK_PATH && !assignment.sealed {
        link.push_str("&bank=");
        link.push_str(&query_value(&assignment.bank.path));
    }
    if let Some(acc) = accommodation {
        link.push_str("&for=");
        link.push_str(&encode_accommodation(acc));
    }
    link
}

/// A bank path as a query value: the path check allows letters, digits, `-`, `_`, `.` and
/// `/`; any letter beyond ASCII is percent-encoded as UTF-8.
fn query_value(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | '~') {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// What a pasted link carries.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkContents {
    pub assignment: Assignment,
    /// A per-student link's accommodation, checked to be for a named student.
    pub accommodation: Option<Accommodation>,
}

/// The assignment (and any accommodation) in a student link as a teacher pastes it: a whole
/// link with `a=` (and `for=`), or an assignment's code alone. Errors are plain words.
pub fn read_link(text: &str) -> Result<LinkContents, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Paste a student link (it contains \"?a=\") first.".to_string());
    }
    let (code, acc) = match text.split_once('?') {
        Some((_, query)) => {
            let query = query.split('#').next().unwrap_or(query);
            let get = |name: &str| {
                query
                    .split('&')
                    .filter_map(|pair| pair.split_once('='))
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            };
            let Some(code) = get("a") else {
                return Err(
                    "This link holds no assignment (a student link contains \"?a=\").".to_string(),
                );
            };
            (code, get("for"))
        }
        None if text.contains('/') => {
            return Err(
                "This link holds no assignment (a student link contains \"?a=\").".to_string(),
            );
        }
        None => (text.to_string(), None),
    };
    let assignment = decode(&code).map_err(|e| format!("The assignment in it: {e}."))?;
    let accommodation = match acc {
        None => None,
        Some(code) => {
            let acc = decode_accommodation(&code)
                .map_err(|e| format!("The student's accommodation in it: {e}."))?;
            Some(Accommodation {
                student: normalize_name(&acc.student),
                time: acc.time,
            })
        }
    };
    Ok(LinkContents {
        assignment,
        accommodation,
    })
}

impl LinkContents {
    /// Whether `issued` already holds this link's accommodation, exactly.
    pub fn accommodation_is_in(&self, issued: &[Accommodation]) -> bool {
        match &self.accommodation {
            None => true,
            Some(acc) => issued
                .iter()
                .any(|a| same_student(&a.student, &acc.student) && a.time == acc.time),
        }
    }
}
