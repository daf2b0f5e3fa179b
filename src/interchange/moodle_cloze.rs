//! Moodle's "embedded answers" (Cloze) syntax, `{1:SHORTANSWER:=Paris~=Paris, France}`,
//! `{1:MULTICHOICE:1991~=1997~2002}`: read into Accord cloze blanks where they fit, and
//! written from them. Used by Moodle XML (`multianswer`) and the CSV template's `text`.

use crate::bank::{Blank, ClozePiece};

/// One blank of an Accord cloze, as read from embedded answers.
#[derive(Debug, Clone, PartialEq)]
pub struct BlankSpec {
    pub answer: String,
    pub accept: Vec<String>,
    /// The options of a choice blank; `None` for a typed one.
    pub options: Option<Vec<String>>,
}

/// A text with embedded answers, as Accord's cloze text (`{1}`, `{2}` …) and blanks.
#[derive(Debug, Clone, PartialEq)]
pub struct Cloze {
    pub text: String,
    pub blanks: Vec<BlankSpec>,
    /// Differences the teacher should know (partial credit dropped, a number typed as text).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Short,
    Numerical,
    Choice,
    Several,
}

fn kind(name: &str) -> Option<(Kind, bool)> {
    let upper = name.trim().to_ascii_uppercase();
    let case_sensitive = matches!(upper.as_str(), "SHORTANSWER_C" | "SAC" | "MWC");
    let kind = match upper.as_str() {
        "SHORTANSWER" | "SA" | "MW" | "SHORTANSWER_C" | "SAC" | "MWC" => Kind::Short,
        "NUMERICAL" | "NM" => Kind::Numerical,
        "MULTICHOICE" | "MC" | "MULTICHOICE_V" | "MCV" | "MULTICHOICE_H" | "MCH"
        | "MULTICHOICE_S" | "MCS" | "MULTICHOICE_VS" | "MCVS" | "MULTICHOICE_HS" | "MCHS" => {
            Kind::Choice
        }
        "MULTIRESPONSE" | "MR" | "MULTIRESPONSE_H" | "MRH" | "MULTIRESPONSE_S" | "MRS"
        | "MULTIRESPONSE_HS" | "MRHS" => Kind::Several,
        _ => return None,
    };
    Some((kind, case_sensitive))
}

/// Where the next embedded answer `{n:TYPE:…}` starts in `text` from `from`, with its end
/// (just past `}`), weight, type name and body. Each `{` costs a bounded look at its header,
/// so a text full of braces is still read in linear time.
fn next(text: &str, from: usize) -> Option<(usize, usize, &str, &str, &str)> {
    let mut search = from;
    while let Some(i) = text[search..].find('{') {
        let start = search + i;
        search = start + 1;
        let inner = &text[start + 1..];
        let digits = inner
            .bytes()
            .take(10)
            .take_while(u8::is_ascii_digit)
            .count();
        let Some(rest) = inner[digits..].strip_prefix(':') else {
            continue;
        };
        let name_len = rest
            .bytes()
            .take(20)
            .take_while(|b| b.is_ascii_alphabetic() || *b == b'_')
            .count();
        let name = &rest[..name_len];
        let Some(body_and_rest) = rest[name_len..].strip_prefix(':') else {
            continue;
        };
        if kind(name).is_none() {
            continue;
        }
        let weight = &inner[..digits];
        // The body ends at the first `}` not escaped with a backslash.
        let bytes = body_and_rest.as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            match bytes[j] {
                b'\\' => j += 2,
                b'}' => {
                    let body = &body_and_rest[..j];
                    let end = text.len() - body_and_rest.len() + j + 1;
                    return Some((start, end, weight, name, body));
                }
                _ => j += 1,
            }
        }
        return None;
    }
    None
}

/// Whether `text` holds any embedded answer.
pub fn has_embedded(text: &str) -> bool {
    next(text, 0).is_some()
}

/// The parts of a body cut at `sep`, skipping escaped ones.
fn split_unescaped(body: &str, sep: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(n) => {
                    let last = parts.last_mut().expect("never empty");
                    last.push('\\');
                    last.push(n);
                }
                None => parts.last_mut().expect("never empty").push('\\'),
            }
        } else if c == sep {
            parts.push(String::new());
        } else {
            parts.last_mut().expect("never empty").push(c);
        }
    }
    parts
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(n) = chars.next()
        {
            out.push(n);
        } else {
            out.push(c);
        }
    }
    out.trim().to_string()
}

/// One answer of a body: its credit (0–100), text and feedback.
fn answer(part: &str) -> Result<(f64, String), String> {
    let part = part.trim();
    let (fraction, rest) = if let Some(rest) = part.strip_prefix('=') {
        (100.0, rest)
    } else if let Some(rest) = part.strip_prefix('%') {
        let (weight, rest) = rest
            .split_once('%')
            .ok_or_else(|| format!("the weight in \"{part}\" is not closed with %"))?;
        let weight: f64 = weight
            .trim()
            .parse()
            .map_err(|_| format!("\"%{weight}%\" is not a percentage"))?;
        (weight, rest)
    } else {
        (0.0, part)
    };
    let text = split_unescaped(rest, '#').remove(0);
    Ok((fraction, unescape(&text)))
}

/// Read `text` with embedded answers as an Accord cloze, or say why it does not fit.
pub fn read(text: &str) -> Result<Cloze, String> {
    let mut out = String::new();
    let mut blanks = Vec::new();
    let mut notes = Vec::new();
    let mut weights = Vec::new();
    let mut from = 0;
    while let Some((start, end, weight, name, body)) = next(text, from) {
        out.push_str(&text[from..start]);
        let n = blanks.len() + 1;
        out.push_str(&format!("{{{n}}}"));
        from = end;
        weights.push(weight.parse::<u32>().unwrap_or(1));
        let (kind, case_sensitive) = kind(name).expect("next() checks the type");
        let answers = split_unescaped(body, '~')
            .iter()
            .filter(|p| !p.trim().is_empty())
            .map(|p| answer(p))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|why| format!("blank {n}: {why}"))?;
        let full: Vec<String> = answers
            .iter()
            .filter(|(f, _)| (*f - 100.0).abs() < 1e-6)
            .map(|(_, t)| t.clone())
            .collect();
        let partial: Vec<String> = answers
            .iter()
            .filter(|(f, _)| *f > 0.0 && (*f - 100.0).abs() >= 1e-6)
            .map(|(f, t)| format!("\"{t}\" ({f}%)"))
            .collect();
        if !partial.is_empty() {
            notes.push(format!(
                "blank {n}: partial credit is dropped for {}",
                partial.join(", ")
            ));
        }
        match kind {
            Kind::Several => {
                return Err(format!(
                    "blank {n} ({name}) takes several answers, which an Accord blank cannot"
                ));
            }
            Kind::Choice => {
                let [right] = &full[..] else {
                    return Err(format!(
                        "blank {n} ({name}) needs exactly one fully right option (marked =); it has {}",
                        full.len()
                    ));
                };
                blanks.push(BlankSpec {
                    answer: right.clone(),
                    accept: Vec::new(),
                    options: Some(answers.iter().map(|(_, t)| t.clone()).collect()),
                });
            }
            Kind::Short | Kind::Numerical => {
                let Some((first, rest)) = full.split_first() else {
                    return Err(format!(
                        "blank {n} ({name}) has no fully right answer (marked =)"
                    ));
                };
                if case_sensitive {
                    notes.push(format!(
                        "blank {n}: Moodle matched it with case; Accord ignores case"
                    ));
                }
                let mut typed = |a: &str| -> Result<String, String> {
                    if kind == Kind::Short {
                        return Ok(a.to_string());
                    }
                    let (value, tolerance) = a.split_once(':').unwrap_or((a, "0"));
                    match tolerance.trim().parse::<f64>() {
                        Ok(0.0) => {
                            notes.push(format!("blank {n}: the number {value} is typed as text"));
                            Ok(value.trim().to_string())
                        }
                        _ => Err(format!(
                            "blank {n} is a number with a tolerance ({a}), which an Accord blank cannot check"
                        )),
                    }
                };
                let answer = typed(first)?;
                let accept = rest.iter().map(|a| typed(a)).collect::<Result<_, _>>()?;
                blanks.push(BlankSpec {
                    answer,
                    accept,
                    options: None,
                });
            }
        }
    }
    out.push_str(&text[from..]);
    if weights.windows(2).any(|w| w[0] != w[1]) {
        notes.push(
            "the blanks' weights differ in Moodle; in Accord every blank counts the same"
                .to_string(),
        );
    }
    Ok(Cloze {
        text: out,
        blanks,
        notes,
    })
}

/// A text escaped for an embedded answer.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if matches!(c, '}' | '#' | '~' | '/' | '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One blank as an embedded answer: a typed blank as SHORTANSWER (every accepted answer at
/// 100 %), a choice blank as MULTICHOICE (a drop-down, like Accord's).
pub fn embed(blank: &Blank) -> String {
    match blank {
        Blank::Typed(answer) => {
            let all: Vec<String> = std::iter::once(&answer.canonical)
                .chain(&answer.accept)
                .map(|a| format!("={}", escape(a)))
                .collect();
            format!("{{1:SHORTANSWER:{}}}", all.join("~"))
        }
        Blank::Choice { options, answer } => {
            let all: Vec<String> = options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    if i == *answer {
                        format!("={}", escape(o))
                    } else {
                        escape(o)
                    }
                })
                .collect();
            format!("{{1:MULTICHOICE:{}}}", all.join("~"))
        }
    }
}

/// A cloze text with each blank written as an embedded answer.
pub fn write(pieces: &[ClozePiece], blanks: &[Blank]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            ClozePiece::Text(t) => t.clone(),
            ClozePiece::Blank(i) => blanks.get(*i).map(embed).unwrap_or_default(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::TextAnswer;

    #[test]
    fn embedded_answers_become_blanks() {
        let cloze =
            read("Signed in {1:SA:=Paris~=Paris, France~%50%Pari} in {1:MC:1991~=1997#yes~2002}.")
                .unwrap();
        assert_eq!(cloze.text, "Signed in {1} in {2}.");
        assert_eq!(
            cloze.blanks,
            vec![
                BlankSpec {
                    answer: "Paris".into(),
                    accept: vec!["Paris, France".into()],
                    options: None
                },
                BlankSpec {
                    answer: "1997".into(),
                    accept: vec![],
                    options: Some(vec!["1991".into(), "1997".into(), "2002".into()])
                },
            ]
        );
        assert_eq!(cloze.notes.len(), 1, "{:?}", cloze.notes);
        let weighted = read("{1:SA:=a} {2:SA:=b}").unwrap();
        assert!(
            weighted.notes[0].contains("weights differ"),
            "{:?}",
            weighted.notes
        );
        assert!(
            read("{1:MR:=a~=b~c}")
                .unwrap_err()
                .contains("several answers")
        );
        assert!(read("{1:NM:=3.1:0.1}").unwrap_err().contains("tolerance"));
        assert!(!has_embedded("a {1} b {x:y:z}"));
    }

    #[test]
    fn a_text_full_of_braces_is_read_in_linear_time() {
        let braces = "{1:".repeat(100_000);
        assert!(!has_embedded(&braces));
        assert!(!has_embedded(&"{".repeat(300_000)));
    }

    #[test]
    fn blanks_written_read_back() {
        let blanks = vec![
            Blank::Typed(TextAnswer {
                canonical: "a~b".into(),
                accept: vec!["c}".into()],
                typos: 0,
            }),
            Blank::Choice {
                options: vec!["x/y".into(), "z#".into()],
                answer: 1,
            },
        ];
        let text = write(
            &[
                ClozePiece::Text("A ".into()),
                ClozePiece::Blank(0),
                ClozePiece::Text(" B ".into()),
                ClozePiece::Blank(1),
            ],
            &blanks,
        );
        let cloze = read(&text).unwrap();
        assert_eq!(cloze.text, "A {1} B {2}");
        assert_eq!(cloze.blanks[0].answer, "a~b");
        assert_eq!(cloze.blanks[0].accept, vec!["c}".to_string()]);
        assert_eq!(cloze.blanks[1].answer, "z#");
    }
}
