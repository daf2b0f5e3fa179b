//! Moodle XML questions into raw questions: each `<question type="…">` mapped to the nearest
//! Accord type (categories become topics), HTML made plain, and the rest listed as skipped.

use super::tree::{Element, parse};
use crate::bank::SourceFile;
use crate::bank::raw::{RawAnswer, RawBlank, RawQuestion, at, text_at};
use crate::bank::{BankErrors, Location};
use crate::interchange::build::{
    Builder, FOLDED, Feedback, QUOTE, boundary, list_at, raw_number, raw_question,
};
use crate::interchange::gift::CLOZE_PROMPT;
use crate::interchange::plain::{
    category_title, html_to_plain, images_in, looks_like_html, markdown_to_plain,
};
use crate::interchange::{Format, Imported, moodle_cloze};
use crate::text::quoted;

/// The label Accord's writer puts before the sources it appends to the general feedback.
pub const SOURCES: &str = "Sources: ";

pub fn read(source: SourceFile) -> Result<Imported, BankErrors> {
    let root = match parse(&source.text) {
        Ok(root) if root.name == "quiz" => root,
        Ok(root) => {
            return Err(whole_file(
                &source,
                root.at,
                format!(
                    "this is XML but not a Moodle question file: it starts with <{}>, not <quiz>",
                    crate::text::escape_controls(&root.name)
                ),
            ));
        }
        Err((at, why)) => {
            return Err(whole_file(
                &source,
                at,
                format!("the XML is broken here: {why}"),
            ));
        }
    };
    let mut b = Builder::new(Format::MoodleXml, source);
    let mut ordinal = 0;
    for element in root.all("question") {
        let kind = element.attribute("type").unwrap_or_default().to_string();
        if kind == "category" {
            let path = element
                .child("category")
                .and_then(Element::text_child)
                .map(|t| t.text.clone())
                .unwrap_or_default();
            b.category(&category_title(&path));
            continue;
        }
        ordinal += 1;
        question(&mut b, element, &kind, ordinal);
    }
    Ok(b.finish())
}

fn whole_file(source: &SourceFile, at: usize, message: String) -> BankErrors {
    let mut errors = BankErrors::default();
    let at = boundary(&source.text, at);
    errors.push(Location::at(&source.name, &source.text, at), message);
    errors
}

/// One question's state while it is read.
struct Question<'b> {
    b: &'b mut Builder,
    id: String,
    start: usize,
    stripped: bool,
    feedback: Feedback,
}

impl Question<'_> {
    /// A text element's content as plain text, with where it is.
    fn text(&mut self, element: Option<&Element>) -> Option<(usize, String)> {
        let element = element?;
        let text_element = element.text_child().unwrap_or(element);
        let raw = text_element.text.as_str();
        let plain = match element.attribute("format").unwrap_or("html") {
            "plain_text" => raw.trim().to_string(),
            "markdown" => markdown_to_plain(raw).trim().to_string(),
            _ if looks_like_html(raw) || raw.contains('\n') => html_to_plain(raw),
            _ => raw.trim().to_string(),
        };
        if looks_like_html(raw) && plain != raw.trim() {
            self.stripped = true;
        }
        Some((text_element.at, plain))
    }

    fn change(&mut self, at: usize, what: impl AsRef<str>) {
        self.b.question_change(&self.id, at, what);
    }

    fn problem(&mut self, at: usize, what: impl AsRef<str>) {
        self.b.question_problem(&self.id, at, what);
    }

    fn push(mut self, mut q: RawQuestion) {
        if self.feedback.has_per_answer() {
            let at = self.feedback.per_answer_at().unwrap_or(self.start);
            self.change(at, FOLDED);
        }
        if self.stripped {
            self.change(
                self.start,
                "HTML formatting is removed: Accord shows plain text",
            );
        }
        let general = q.explanation.take();
        let mut feedback = std::mem::take(&mut self.feedback);
        if let Some(general) = general {
            feedback.general(general.span().start, general.into_inner());
        }
        q.explanation = feedback.explanation();
        self.b.push(self.start, q);
    }
}

/// An answer's credit: Moodle's `fraction` attribute, a percentage.
fn fraction(answer: &Element) -> f64 {
    answer
        .attribute("fraction")
        .and_then(|f| f.trim().parse::<f64>().ok())
        .filter(|f| f.is_finite())
        .unwrap_or(0.0)
}

fn full(f: f64) -> bool {
    (f - 100.0).abs() < 1e-4
}

fn skip_reason(kind: &str) -> String {
    match kind {
        "essay" => "an essay (a written answer the teacher marks) has no answer Accord can mark"
            .to_string(),
        "description" => "a description is text, not a question".to_string(),
        "ddwtos" | "gapselect" => {
            "drag-and-drop or select-the-missing-words questions have no Accord type".to_string()
        }
        "ddimageortext" | "ddmarker" => {
            "drag-and-drop onto an image has no Accord type".to_string()
        }
        "calculated" | "calculatedsimple" | "calculatedmulti" => {
            "a calculated question draws numbers at random; Accord's questions are fixed"
                .to_string()
        }
        "randomsamatch" | "random" => {
            "a random question is drawn by Moodle from its question bank".to_string()
        }
        other => format!(
            "the question type {} has no Accord type",
            quoted(other, QUOTE)
        ),
    }
}

fn question(b: &mut Builder, e: &Element, kind: &str, ordinal: usize) {
    let name = e
        .child("name")
        .and_then(Element::text_child)
        .map(|t| t.text.trim().to_string());
    let id = b.id_for(name.as_deref(), ordinal, e.at);
    let supported = matches!(
        kind,
        "multichoice"
            | "truefalse"
            | "shortanswer"
            | "numerical"
            | "matching"
            | "cloze"
            | "multianswer"
            | "ordering"
    );
    if !supported {
        let what = format!(
            "question {}: {}, so it is left out",
            quoted(&id, QUOTE),
            skip_reason(kind)
        );
        b.skip(e.at, what);
        return;
    }
    let mut q = Question {
        b,
        id,
        start: e.at,
        stripped: false,
        feedback: Feedback::default(),
    };
    images(&mut q, e);
    let Some((prompt_at, prompt)) = q.text(e.child("questiontext")) else {
        q.problem(e.at, "the question has no <questiontext>");
        return;
    };
    let raw = match kind {
        "multichoice" => multichoice(&mut q, e, prompt_at, prompt),
        "truefalse" => true_false(&mut q, e, prompt_at, prompt),
        "shortanswer" => short_answer(&mut q, e, prompt_at, prompt),
        "numerical" => numerical(&mut q, e, prompt_at, prompt),
        "matching" => matching(&mut q, e, prompt_at, prompt),
        "ordering" => ordering(&mut q, e, prompt_at, prompt),
        _ => cloze(&mut q, e, prompt_at, prompt),
    };
    let Some(mut raw) = raw else {
        return;
    };
    if let Some((at, text)) = q.text(e.child("generalfeedback")) {
        let (text, sources) = split_sources(&text);
        if !text.is_empty() {
            raw.explanation = Some(text_at(at, text));
        }
        if !sources.is_empty() {
            raw.sources = Some(list_at(at, sources.into_iter().map(|s| (at, s))));
        }
    }
    if let Some(grade) = e.child("defaultgrade") {
        match grade.text.trim().parse::<f64>() {
            Ok(0.0) => q.change(
                grade.at,
                "a default grade of 0 is not a points weight: the question counts 1 point",
            ),
            Ok(g) if g.is_finite() && (g - 1.0).abs() > 1e-9 => {
                raw.points = Some(at(grade.at, raw_number(g)));
            }
            _ => {}
        }
    }
    let tags: Vec<(usize, String)> = e
        .child("tags")
        .map(|t| {
            t.all("tag")
                .filter_map(|tag| tag.text_child())
                .map(|t| (t.at, t.text.trim().to_string()))
                .filter(|(_, t)| !t.is_empty())
                .collect()
        })
        .unwrap_or_default();
    if !tags.is_empty() {
        raw.tags = Some(list_at(tags[0].0, tags));
    }
    q.push(raw);
}

/// A last line `Sources: a; b` (as Accord's writer adds it) split off the feedback.
fn split_sources(text: &str) -> (String, Vec<String>) {
    match text.rsplit_once('\n').map_or(("", text), |(a, b)| (a, b)) {
        (before, last) if last.starts_with(SOURCES) => (
            before.trim().to_string(),
            last[SOURCES.len()..]
                .split("; ")
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        ),
        _ => (text.to_string(), Vec::new()),
    }
}

/// Images embedded in the question (`<file encoding="base64">`) or shown from Moodle's files.
fn images(q: &mut Question, e: &Element) {
    let mut names: Vec<(usize, String)> = e
        .descendants()
        .into_iter()
        .filter(|d| d.name == "file")
        .map(|d| (d.at, d.attribute("name").unwrap_or("image").to_string()))
        .collect();
    for d in e.descendants() {
        if d.name == "text" {
            for name in images_in(&d.text) {
                if !names.iter().any(|(_, n)| *n == name) {
                    names.push((d.at, name));
                }
            }
        }
    }
    for (at, name) in names {
        let what = format!(
            "question {}: the image {} is inside the Moodle file; Accord shows images from files beside the bank: save it there and add image = {{ file = \"{name}\", alt = \"…\" }}",
            quoted(&q.id, QUOTE),
            quoted(&name, QUOTE)
        );
        q.b.skip(at, what);
    }
}

/// The answers of a question: (offset, text, credit), feedback folded as it goes.
fn answers(q: &mut Question, e: &Element) -> Vec<(usize, String, f64)> {
    let mut out = Vec::new();
    for answer in e.all("answer") {
        let Some((at, text)) = q.text(Some(answer)) else {
            continue;
        };
        if let Some((_, feedback)) = q.text(answer.child("feedback")) {
            q.feedback.answer(at, &text, &feedback);
        }
        out.push((at, text, fraction(answer)));
    }
    out
}

fn named(list: &[&(usize, String, f64)]) -> String {
    list.iter()
        .map(|(_, t, f)| format!("{} ({}%)", quoted(t, QUOTE), crate::text::plain(*f)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn multichoice(
    q: &mut Question,
    e: &Element,
    prompt_at: usize,
    prompt: String,
) -> Option<RawQuestion> {
    let single = e
        .child("single")
        .is_none_or(|s| matches!(s.text.trim(), "true" | "1"));
    let answers = answers(q, e);
    let rights: Vec<&(usize, String, f64)> = if single {
        answers.iter().filter(|a| full(a.2)).collect()
    } else {
        answers.iter().filter(|a| a.2 > 0.0).collect()
    };
    if rights.is_empty() {
        q.problem(
            e.at,
            "no answer is right: give the right answer fraction=\"100\"",
        );
        return None;
    }
    if single && rights.len() > 1 {
        q.change(rights[1].0, "several answers earn full marks: in Moodle any one of them is right; in Accord the learner ticks all of them");
    }
    if single {
        let partial: Vec<&(usize, String, f64)> =
            answers.iter().filter(|a| a.2 > 0.0 && !full(a.2)).collect();
        if !partial.is_empty() {
            let what = format!(
                "partial credit for {} is dropped: in Accord a single choice is right or wrong",
                named(&partial)
            );
            q.change(partial[0].0, what);
        }
    } else {
        let first = rights[0].2;
        let total: f64 = rights.iter().map(|a| a.2).sum();
        if rights.iter().any(|a| (a.2 - first).abs() > 1e-4) || (total - 100.0).abs() > 1.0 {
            let what = format!(
                "the weights {} are not kept: Accord scores a multiple select as max(0, (right ticks − wrong ticks) / right answers), so every right answer counts the same",
                named(&rights)
            );
            q.change(rights[0].0, what);
        }
    }
    let kind = if single && rights.len() == 1 {
        "single"
    } else {
        "multiple"
    };
    let mut raw = raw_question(q.start, &q.id, kind, text_at(prompt_at, prompt));
    raw.choices = Some(list_at(
        e.at,
        answers.iter().map(|(at, t, _)| (*at, t.clone())),
    ));
    raw.answer = Some(at(
        rights[0].0,
        if kind == "single" {
            RawAnswer::Text(rights[0].1.clone())
        } else {
            RawAnswer::List(rights.iter().map(|a| a.1.clone()).collect())
        },
    ));
    Some(raw)
}

fn true_false(
    q: &mut Question,
    e: &Element,
    prompt_at: usize,
    prompt: String,
) -> Option<RawQuestion> {
    let answers = answers(q, e);
    let right = answers.iter().find(|a| full(a.2));
    let value = right.and_then(|(_, t, _)| match t.to_ascii_lowercase().as_str() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    });
    let Some(value) = value else {
        q.problem(
            e.at,
            "a true/false question needs an answer \"true\" or \"false\" with fraction=\"100\"",
        );
        return None;
    };
    let mut raw = raw_question(q.start, &q.id, "true_false", text_at(prompt_at, prompt));
    raw.answer = Some(at(right.map_or(e.at, |r| r.0), RawAnswer::Bool(value)));
    Some(raw)
}

fn short_answer(
    q: &mut Question,
    e: &Element,
    prompt_at: usize,
    prompt: String,
) -> Option<RawQuestion> {
    let answers = answers(q, e);
    let accepted: Vec<&(usize, String, f64)> =
        answers.iter().filter(|a| full(a.2) && a.1 != "*").collect();
    let dropped: Vec<&(usize, String, f64)> = answers
        .iter()
        .filter(|a| !full(a.2) || a.1 == "*")
        .collect();
    if !dropped.is_empty() {
        let what = format!(
            "answers with partial or no credit are dropped, since Accord accepts a typed answer or not: {}",
            named(&dropped)
        );
        q.change(dropped[0].0, what);
    }
    if e.child("usecase").is_some_and(|u| u.text.trim() == "1") {
        q.change(
            e.at,
            "Moodle matched this answer with case; Accord ignores case",
        );
    }
    let Some((first, rest)) = accepted.split_first() else {
        q.problem(
            e.at,
            "no answer earns full marks: give the right answer fraction=\"100\"",
        );
        return None;
    };
    let mut raw = raw_question(q.start, &q.id, "short_text", text_at(prompt_at, prompt));
    raw.answer = Some(at(first.0, RawAnswer::Text(first.1.clone())));
    if !rest.is_empty() {
        raw.accept = Some(list_at(rest[0].0, rest.iter().map(|a| (a.0, a.1.clone()))));
    }
    Some(raw)
}

fn numerical(
    q: &mut Question,
    e: &Element,
    prompt_at: usize,
    prompt: String,
) -> Option<RawQuestion> {
    let mut chosen = None;
    let mut dropped = Vec::new();
    for answer in e.all("answer") {
        let Some(text) = answer.text_child() else {
            continue;
        };
        let written = text.text.trim();
        if written == "*" {
            continue;
        }
        let Some(value) = written.parse::<f64>().ok().filter(|v| v.is_finite()) else {
            q.problem(
                text.at,
                format!("{} is not a number", quoted(written, QUOTE)),
            );
            return None;
        };
        let tolerance = answer
            .child("tolerance")
            .and_then(|t| t.text.trim().parse::<f64>().ok())
            .filter(|t| t.is_finite())
            .unwrap_or(0.0);
        let shown = if tolerance > 0.0 {
            format!(
                "{} ± {}",
                crate::text::plain(value),
                crate::text::plain(tolerance)
            )
        } else {
            crate::text::plain(value)
        };
        if let Some((_, feedback)) = q.text(answer.child("feedback")) {
            q.feedback.answer(text.at, &shown, &feedback);
        }
        if full(fraction(answer)) && chosen.is_none() {
            chosen = Some((text.at, value, tolerance));
        } else {
            dropped.push(format!(
                "{} ({}%)",
                quoted(&shown, QUOTE),
                crate::text::plain(fraction(answer))
            ));
        }
    }
    let Some((answer_at, value, tolerance)) = chosen else {
        q.problem(
            e.at,
            "no answer earns full marks: give the right number fraction=\"100\"",
        );
        return None;
    };
    if !dropped.is_empty() {
        let what = format!(
            "only the fully right answer is kept (an Accord numeric question has one answer within a tolerance); dropped: {}",
            dropped.join(", ")
        );
        q.change(answer_at, what);
    }
    let mut raw = raw_question(q.start, &q.id, "numeric", text_at(prompt_at, prompt));
    raw.answer = Some(at(
        answer_at,
        match raw_number(value) {
            crate::bank::raw::RawNumber::Integer(i) => RawAnswer::Integer(i),
            crate::bank::raw::RawNumber::Float(f) => RawAnswer::Float(f),
        },
    ));
    if tolerance != 0.0 {
        raw.tolerance = Some(at(answer_at, raw_number(tolerance)));
    }
    let unit = e.child("units").and_then(|units| {
        units.all("unit").find(|u| {
            u.child("multiplier")
                .and_then(|m| m.text.trim().parse::<f64>().ok())
                .is_none_or(|m| m == 1.0)
        })
    });
    if let Some(name) = unit.and_then(|u| u.child("unit_name")) {
        raw.unit = Some(text_at(name.at, name.text.trim()));
    }
    Some(raw)
}

fn matching(
    q: &mut Question,
    e: &Element,
    prompt_at: usize,
    prompt: String,
) -> Option<RawQuestion> {
    let mut pairs = Vec::new();
    for sub in e.all("subquestion") {
        let (left_at, left) = q.text(Some(sub)).unwrap_or((sub.at, String::new()));
        let Some((right_at, right)) = q.text(sub.child("answer")) else {
            continue;
        };
        if left.is_empty() {
            let what = format!(
                "the right side {} has no left side (an extra wrong answer): Accord's matching has none, so it is dropped",
                quoted(&right, QUOTE)
            );
            q.change(sub.at, what);
            continue;
        }
        pairs.push(list_at(sub.at, [(left_at, left), (right_at, right)]));
    }
    let mut raw = raw_question(q.start, &q.id, "matching", text_at(prompt_at, prompt));
    raw.pairs = Some(at(e.at, pairs));
    Some(raw)
}

fn ordering(
    q: &mut Question,
    e: &Element,
    prompt_at: usize,
    prompt: String,
) -> Option<RawQuestion> {
    let mut items: Vec<(f64, usize, String)> = Vec::new();
    for answer in e.all("answer") {
        if let Some((at, text)) = q.text(Some(answer)) {
            items.push((fraction(answer), at, text));
        }
    }
    // qtype_ordering writes the items in their right order; some exports number them in
    // `fraction` instead. Sort by it only when every item has its own number.
    let mut numbers: Vec<i64> = items.iter().map(|(f, _, _)| (*f * 1000.0) as i64).collect();
    numbers.sort_unstable();
    numbers.dedup();
    if numbers.len() == items.len() {
        items.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    let mut raw = raw_question(q.start, &q.id, "ordering", text_at(prompt_at, prompt));
    raw.items = Some(list_at(e.at, items.into_iter().map(|(_, at, t)| (at, t))));
    Some(raw)
}

fn cloze(q: &mut Question, e: &Element, prompt_at: usize, text: String) -> Option<RawQuestion> {
    // A first paragraph without gaps is the prompt; the rest is the sentence.
    let (prompt, sentence) = match text.split_once('\n') {
        Some((first, rest))
            if !moodle_cloze::has_embedded(first) && moodle_cloze::has_embedded(rest) =>
        {
            (first.trim().to_string(), rest.trim().to_string())
        }
        _ => (CLOZE_PROMPT.to_string(), text.clone()),
    };
    let cloze = match moodle_cloze::read(&sentence) {
        Ok(cloze) => cloze,
        Err(why) => {
            let what = format!(
                "question {}: {why}, so it is left out",
                quoted(&q.id, QUOTE)
            );
            q.b.skip(e.at, what);
            return None;
        }
    };
    for note in &cloze.notes {
        q.change(prompt_at, note);
    }
    let blanks = cloze
        .blanks
        .into_iter()
        .map(|spec| {
            at(
                prompt_at,
                RawBlank {
                    answer: Some(text_at(prompt_at, spec.answer)),
                    accept: (!spec.accept.is_empty()).then(|| {
                        list_at(prompt_at, spec.accept.into_iter().map(|a| (prompt_at, a)))
                    }),
                    options: spec
                        .options
                        .map(|o| list_at(prompt_at, o.into_iter().map(|a| (prompt_at, a)))),
                    typos: None,
                },
            )
        })
        .collect();
    let mut raw = raw_question(q.start, &q.id, "cloze", text_at(prompt_at, prompt));
    raw.text = Some(text_at(prompt_at, cloze.text));
    raw.blanks = Some(at(prompt_at, blanks));
    Some(raw)
}
