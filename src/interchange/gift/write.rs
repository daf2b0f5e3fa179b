//! A bank as GIFT, for carrying questions into Moodle: every type GIFT can say, with Moodle's
//! weights chosen so that its grading equals Accord's; what it cannot say is listed.

use super::read::CLOZE_PROMPT;
use super::scan::ESCAPABLE;
use crate::bank::{Bank, Blank, ClozePiece, Question, QuestionKind, TextAnswer};
use crate::interchange::{Exported, LeftOut};

/// Text escaped for GIFT: its special characters behind a backslash, line breaks as `\n`,
/// and `[plain]` in front when it could be read as markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    if text.starts_with('[') || crate::interchange::plain::looks_like_html(text) {
        out.push_str("[plain]");
    }
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if ESCAPABLE.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// An answer line: `=` (right) or `~` (wrong) and the text. GIFT cannot escape `%`, so a
/// text starting with one gets its weight written out (`=%100%`, `~%0%`), which Moodle and
/// this reader take as the weight, leaving the text whole.
fn answer_line(right: bool, text: &str) -> String {
    let marker = match (right, text.starts_with('%')) {
        (true, false) => "=",
        (false, false) => "~",
        (true, true) => "=%100%",
        (false, true) => "~%0%",
    };
    format!("{marker}{}", escape(text))
}

/// A number as GIFT and Moodle read it: the shortest form that reads back the same.
fn number(x: f64) -> String {
    format!("{x}")
}

/// Moodle's weight for one of `k` right answers, as its grade list spells it (33.33333).
pub fn share(k: usize) -> String {
    let text = format!("{:.5}", 100.0 / k.max(1) as f64);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

pub fn write(bank: &Bank) -> Exported {
    let mut out = String::from(
        "// Written by Accord. Sources, difficulty, tags and points are not part of GIFT.\n\n",
    );
    let mut left_out = Vec::new();
    let mut changed = Vec::new();
    for topic in &bank.topics {
        let questions: Vec<&Question> = bank
            .questions
            .iter()
            .filter(|q| q.topic == topic.id)
            .collect();
        if questions.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "$CATEGORY: {}\n\n",
            topic.title.replace('/', "//").replace('\n', " ")
        ));
        for q in questions {
            let mut note = |why: String| {
                changed.push(LeftOut {
                    id: q.id.clone(),
                    why,
                })
            };
            match question(q, &mut note) {
                Ok(text) => {
                    out.push_str(&text);
                    out.push('\n');
                }
                Err(why) => left_out.push(LeftOut {
                    id: q.id.clone(),
                    why,
                }),
            }
        }
    }
    Exported {
        text: out,
        left_out,
        changed,
        notes: vec![
            "GIFT has no sources, difficulty, tags or points: they are not written".to_string(),
        ],
    }
}

/// One question as GIFT, or why it cannot be written.
fn question(q: &Question, note: &mut dyn FnMut(String)) -> Result<String, String> {
    if q.image.is_some() {
        note("the image is not written: GIFT has no images".to_string());
    }
    if q.extract.is_some() {
        note("the source extract is not written: GIFT has no extracts".to_string());
    }
    let head = format!(
        "// {}\n::{}::",
        q.kind.question_type().label(),
        escape(&q.id)
    );
    let feedback = q
        .explanation
        .as_ref()
        .map(|e| format!("\t####{}\n", escape(e)))
        .unwrap_or_default();
    let prompt = escape(&q.prompt);
    let answers = |lines: Vec<String>| {
        let mut body = String::from("{\n");
        for line in lines {
            body.push('\t');
            body.push_str(&line);
            body.push('\n');
        }
        body.push_str(&feedback);
        body.push('}');
        body
    };
    let text = match &q.kind {
        QuestionKind::SingleChoice { choices, answer } => {
            let lines = choices
                .iter()
                .enumerate()
                .map(|(i, c)| answer_line(i == *answer, c))
                .collect();
            format!("{head}{prompt} {}\n", answers(lines))
        }
        QuestionKind::MultipleSelect {
            choices,
            answers: rights,
        } => {
            format!("{head}{prompt} {}\n", answers(weighted(choices, rights)))
        }
        QuestionKind::SpotError { parts, wrong } => {
            note(
                "written as a multiple answer question: the learner ticks the parts that are wrong"
                    .to_string(),
            );
            format!("{head}{prompt} {}\n", answers(weighted(parts, wrong)))
        }
        QuestionKind::TrueFalse { answer } => {
            let value = if *answer { "TRUE" } else { "FALSE" };
            let body = match &q.explanation {
                Some(e) => format!("{{{value}####{}}}", escape(e)),
                None => format!("{{{value}}}"),
            };
            format!("{head}{prompt} {body}\n")
        }
        QuestionKind::ShortText { answer } => {
            format!("{head}{prompt} {}\n", answers(typed(answer, note)?))
        }
        QuestionKind::Numeric {
            answer,
            tolerance,
            unit,
        } => {
            if let Some(unit) = unit {
                note(format!(
                    "the unit \"{unit}\" is not written: GIFT numbers have no unit"
                ));
            }
            let value = if *tolerance > 0.0 {
                format!("{}:{}", number(*answer), number(*tolerance))
            } else {
                number(*answer)
            };
            let body = match &q.explanation {
                Some(e) => format!("{{#{value}\n\t####{}\n}}", escape(e)),
                None => format!("{{#{value}}}"),
            };
            format!("{head}{prompt} {body}\n")
        }
        QuestionKind::Matching { lefts, rights } => {
            if lefts.iter().chain(rights).any(|s| s.contains("->")) {
                return Err(
                    "a side contains \"->\", which GIFT reads as the arrow of a pair".to_string(),
                );
            }
            let lines = lefts
                .iter()
                .zip(rights)
                .map(|(l, r)| format!("={} -> {}", escape(l), escape(r)))
                .collect();
            format!("{head}{prompt} {}\n", answers(lines))
        }
        QuestionKind::Cloze { pieces, blanks } => {
            let [blank] = &blanks[..] else {
                return Err(format!(
                    "a cloze with {} blanks: GIFT's missing word has one",
                    blanks.len()
                ));
            };
            if q.prompt != CLOZE_PROMPT {
                note(format!(
                    "the prompt \"{}\" is not written: a GIFT missing-word question has only its sentence",
                    q.prompt
                ));
            }
            let lines = match blank {
                Blank::Choice { options, answer } => options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| answer_line(i == *answer, o))
                    .collect(),
                Blank::Typed(answer) => typed(answer, note)?,
            };
            let mut text = String::new();
            let (mut gap_seen, mut after_gap) = (false, false);
            for piece in pieces {
                match piece {
                    ClozePiece::Text(t) => {
                        after_gap |= gap_seen && !t.trim().is_empty();
                        text.push_str(&escape(t));
                    }
                    ClozePiece::Blank(_) => {
                        gap_seen = true;
                        text.push_str(&answers(lines.clone()));
                    }
                }
            }
            if !after_gap {
                note("the gap ends the sentence, so Moodle reads it as a question with its answers after it".to_string());
            }
            format!("{head}{text}\n")
        }
        QuestionKind::Ordering { .. } => {
            return Err("GIFT has no ordering questions".to_string());
        }
    };
    Ok(text)
}

/// Choices with Moodle weights: each right one +100/k %, each wrong one −100/k %, so that
/// Moodle's sum of ticked weights (floored at 0) is Accord's (right − wrong) / k.
fn weighted(choices: &[String], rights: &[usize]) -> Vec<String> {
    let w = share(rights.len());
    choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let sign = if rights.contains(&i) { "" } else { "-" };
            format!("~%{sign}{w}%{}", escape(c))
        })
        .collect()
}

/// A typed answer's lines: the canonical one, then the accepted alternatives.
fn typed(answer: &TextAnswer, note: &mut dyn FnMut(String)) -> Result<Vec<String>, String> {
    let all: Vec<&String> = std::iter::once(&answer.canonical)
        .chain(&answer.accept)
        .collect();
    if all.iter().any(|a| a.contains("->")) {
        return Err("an answer contains \"->\", which GIFT reads as a matching pair".to_string());
    }
    if answer.typos > 0 {
        note(format!(
            "the allowance of {} typing slip(s) is not written: Moodle's short answer has none",
            answer.typos
        ));
    }
    Ok(all.iter().map(|a| answer_line(true, a)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(
            escape("1 + 1 = 2 {really}: #1 ~ok\\"),
            "1 + 1 \\= 2 \\{really\\}\\: \\#1 \\~ok\\\\"
        );
        assert_eq!(escape("two\nlines"), "two\\nlines");
        assert_eq!(escape("[html] is a tag"), "[plain][html] is a tag");
    }

    #[test]
    fn weights_are_moodle_grades() {
        // 100/3 = 33.333…, which Moodle's grade list holds as 33.33333.
        assert_eq!(share(3), "33.33333");
        assert_eq!(share(2), "50");
        assert_eq!(share(1), "100");
        assert_eq!(share(7), "14.28571");
    }
}
