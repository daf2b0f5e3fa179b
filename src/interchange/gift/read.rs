//! GIFT blocks into raw questions: the name, the text format, the one `{ … }` answer set and
//! its kind (decided as Moodle decides it), each mapped to the nearest Accord type, with every
//! difference noted. The grammar is in `docs/gift.md`.

use super::scan::{Block, Ch, blocks, find, find_str, is, line_text, offset, rfind_str, trim};
use crate::bank::SourceFile;
use crate::bank::raw::{RawAnswer, RawBlank, RawNumber, RawQuestion, TextList, at, text_at};
use crate::interchange::build::{
    Builder, FOLDED, Feedback, QUOTE, list_at, raw_number, raw_question,
};
use crate::interchange::plain::{
    Stripped, category_title, html_to_plain, looks_like_html, markdown_to_plain,
};
use crate::interchange::{Format, Imported};
use crate::text::quoted;

/// The prompt given to a missing-word question, whose sentence becomes the cloze text.
pub const CLOZE_PROMPT: &str = "Complete the sentence.";

pub fn read(source: SourceFile) -> Imported {
    let mut b = Builder::new(Format::Gift, source);
    let blocks = blocks(b.text());
    let mut ordinal = 0;
    for Block { chars } in &blocks {
        block(&mut b, chars, &mut ordinal);
    }
    b.finish()
}

/// The markup a text is written in: `[html]`, `[moodle]` (the default), `[plain]`,
/// `[markdown]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Markup {
    Moodle,
    Html,
    Plain,
    Markdown,
}

/// The markup a text starts with, and the text after it; `default` when it names none.
fn markup(chars: &[Ch], default: Markup) -> (Markup, &[Ch]) {
    let chars = trim(chars);
    for (name, markup) in [
        ("[html]", Markup::Html),
        ("[moodle]", Markup::Moodle),
        ("[plain]", Markup::Plain),
        ("[markdown]", Markup::Markdown),
    ] {
        if starts(chars, name) {
            return (markup, trim(&chars[name.chars().count()..]));
        }
    }
    (default, chars)
}

fn starts(chars: &[Ch], text: &str) -> bool {
    let mut n = 0;
    for c in text.chars() {
        match chars.get(n) {
            Some(ch) if is(ch, c) => n += 1,
            _ => return false,
        }
    }
    true
}

/// One question's state while it is read.
struct Question<'b> {
    b: &'b mut Builder,
    id: String,
    start: usize,
    markup: Markup,
    stripped: Stripped,
    feedback: Feedback,
}

impl Question<'_> {
    /// Text in this question's markup, as plain text. Lines wrapped in the file join with a
    /// space; `\n` is a line break.
    fn plain(&mut self, chars: &[Ch]) -> String {
        let (markup, chars) = markup(chars, self.markup);
        let text = line_text(chars);
        match markup {
            Markup::Html => self.strip(text, Stripped::Html, html_to_plain),
            Markup::Moodle if looks_like_html(&text) => {
                self.strip(text, Stripped::Html, html_to_plain)
            }
            Markup::Markdown => self.strip(text, Stripped::Markdown, markdown_to_plain),
            _ => text,
        }
    }

    fn strip(&mut self, text: String, what: Stripped, convert: fn(&str) -> String) -> String {
        let plain = convert(&text);
        if plain != text && self.stripped == Stripped::Nothing {
            self.stripped = what;
        }
        plain
    }

    fn problem(&mut self, offset: usize, message: impl AsRef<str>) {
        self.b.question_problem(&self.id, offset, message);
    }

    fn change(&mut self, offset: usize, message: impl AsRef<str>) {
        self.b.question_change(&self.id, offset, message);
    }

    /// Add the question, with its explanation and the notes every question may need.
    fn push(mut self, mut q: RawQuestion) {
        if self.feedback.has_per_answer() {
            let at = self.feedback.per_answer_at().unwrap_or(self.start);
            self.change(at, FOLDED);
        }
        match self.stripped {
            Stripped::Html => self.change(
                self.start,
                "HTML formatting is removed: Accord shows plain text",
            ),
            Stripped::Markdown => self.change(
                self.start,
                "Markdown formatting is removed: Accord shows plain text",
            ),
            Stripped::Nothing => {}
        }
        q.explanation = std::mem::take(&mut self.feedback).explanation();
        self.b.push(self.start, q);
    }
}

fn block(b: &mut Builder, chars: &[Ch], ordinal: &mut usize) {
    let mut chars = trim(chars);
    if starts(chars, "$CATEGORY:") {
        let end = find(chars, '\n', 0).unwrap_or(chars.len());
        b.category(&category_title(&line_text(&chars[10..end])));
        chars = trim(&chars[end..]);
        if chars.is_empty() {
            return;
        }
    }
    *ordinal += 1;
    let start = offset(chars, 0);
    let mut name = None;
    if starts(chars, "::") {
        let Some(end) = find_str(chars, "::", 2) else {
            b.problem(
                start,
                "the question name opened with :: is not closed: write ::name:: before the question text",
            );
            return;
        };
        name = Some(line_text(&chars[2..end]));
        chars = trim(&chars[end + 2..]);
    }
    let id = b.id_for(name.as_deref(), *ordinal, start);
    let Some((open, close)) = braces(b, &id, chars, start) else {
        return;
    };
    let (markup, before) = markup(&chars[..open], Markup::Moodle);
    let mut answers = &chars[open + 1..close];
    let after = &chars[close + 1..];
    let mut q = Question {
        b,
        id,
        start,
        markup,
        stripped: Stripped::Nothing,
        feedback: Feedback::default(),
    };
    if let Some(i) = rfind_str(answers, "####") {
        let general = q.plain(&answers[i + 4..]);
        q.feedback.general(answers[i].at, general);
        answers = &answers[..i];
    }
    let answers = trim(answers);
    let open_at = chars[open].at;
    let spaced = (space(chars[..open].last()), space(after.first()));
    let text = Sentence::new(&mut q, before, after, spaced, open_at);
    if answers.is_empty() {
        let what = format!(
            "question {}: an essay (a written answer the teacher marks) has no answer Accord can mark, so it is left out",
            quoted(&q.id, QUOTE)
        );
        q.b.skip(start, what);
    } else if is(&answers[0], '#') {
        numerical(q, text, &answers[1..], open_at);
    } else if find(answers, '~', 0).is_some() {
        multichoice(q, text, answers, open_at);
    } else if find(answers, '=', 0).is_some() && find_str(answers, "->", 0).is_some() {
        matching(q, text, answers, open_at);
    } else if let Some(value) = true_false(answers) {
        true_false_question(q, text, answers, value);
    } else {
        short_answer(q, text, answers, open_at);
    }
}

/// Where the answer set opens and closes, or a problem saying what is wrong with the braces.
fn braces(b: &mut Builder, id: &str, chars: &[Ch], start: usize) -> Option<(usize, usize)> {
    let open = find(chars, '{', 0);
    let close = find(chars, '}', 0);
    let mut problem = |at: usize, message: &str| {
        b.question_problem(id, chars[at].at, message);
        None
    };
    match (open, close) {
        (None, None) => {
            let what = format!(
                "question {}: a description (text without {{ … }} answers) is not a question, so it is left out",
                quoted(id, QUOTE)
            );
            b.skip(start, what);
            None
        }
        (Some(open), None) => problem(
            open,
            "this { is never closed: end the answers with } (to show a brace in the text, write \\{)",
        ),
        (None, Some(close)) => problem(
            close,
            "this } closes nothing: answers go between { and } (to show a brace in the text, write \\})",
        ),
        (Some(open), Some(close)) if close < open => problem(
            close,
            "this } comes before any {: answers go between { and } (to show a brace in the text, write \\})",
        ),
        (Some(open), Some(close)) => {
            if let Some(second) = find(chars, '{', open + 1).filter(|&i| i < close) {
                return problem(
                    second,
                    "a second { before the } that closes the first: close the answers with }, or write \\{ for a brace in the text",
                );
            }
            if let Some(next) = find(chars, '{', close + 1) {
                return problem(
                    next,
                    "a second set of answers { … } in one question: leave a blank line between questions",
                );
            }
            if let Some(stray) = find(chars, '}', close + 1) {
                return problem(
                    stray,
                    "this } closes nothing: answers go between { and } (to show a brace in the text, write \\})",
                );
            }
            Some((open, close))
        }
    }
}

fn space(c: Option<&Ch>) -> bool {
    c.is_some_and(|c| !c.escaped && c.c.is_whitespace())
}

/// The question text around the answers: before only, or a sentence with a gap (GIFT's
/// "missing word" form, when text follows the closing brace).
struct Sentence {
    at: usize,
    before: String,
    after: Option<String>,
    /// Whether white space stood between the text and the braces, on each side.
    spaced: (bool, bool),
}

impl Sentence {
    fn new(
        q: &mut Question,
        before: &[Ch],
        after: &[Ch],
        spaced: (bool, bool),
        open_at: usize,
    ) -> Sentence {
        let before_text = q.plain(before);
        let after_text = q.plain(after);
        Sentence {
            at: offset(trim(before), open_at),
            before: before_text,
            after: (!after_text.is_empty()).then_some(after_text),
            spaced,
        }
    }

    /// The text with `gap` where the answers were.
    fn with_gap(&self, gap: &str) -> String {
        let mut out = self.before.clone();
        if self.spaced.0 && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(gap);
        if let Some(after) = &self.after {
            if self.spaced.1 {
                out.push(' ');
            }
            out.push_str(after);
        }
        out
    }

    /// The prompt of a question that is not a cloze: a gap shown as a line.
    fn prompt(&self) -> String {
        match self.after {
            Some(_) => self.with_gap("_____"),
            None => self.before.clone(),
        }
    }
}

/// One answer in `{ … }`: its marker, weight, text and feedback.
struct Item<'a> {
    /// `=`, `~`, or `None` for text before the first marker.
    marker: Option<char>,
    /// Where the marker is (or the text, without one).
    at: usize,
    /// Everything up to the next marker, as written.
    raw: &'a [Ch],
    /// The percentage of `%50%`, if written.
    weight: Option<f64>,
    text: &'a [Ch],
    feedback: Option<&'a [Ch]>,
}

/// The answers cut at the (unescaped) `markers`.
fn items<'a>(q: &mut Question, chars: &'a [Ch], markers: &[char]) -> Option<Vec<Item<'a>>> {
    let cuts: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|(_, ch)| markers.iter().any(|&m| is(ch, m)))
        .map(|(i, _)| i)
        .collect();
    let mut out = Vec::new();
    let first = cuts.first().copied().unwrap_or(chars.len());
    let prefix = trim(&chars[..first]);
    if !prefix.is_empty() {
        out.push(item(q, None, prefix[0].at, prefix)?);
    }
    for (n, &cut) in cuts.iter().enumerate() {
        let end = cuts.get(n + 1).copied().unwrap_or(chars.len());
        out.push(item(
            q,
            Some(chars[cut].c),
            chars[cut].at,
            &chars[cut + 1..end],
        )?);
    }
    Some(out)
}

fn item<'a>(q: &mut Question, marker: Option<char>, at: usize, raw: &'a [Ch]) -> Option<Item<'a>> {
    let mut rest = trim(raw);
    let mut weight = None;
    if rest.first().is_some_and(|c| is(c, '%'))
        && let Some(end) = find(rest, '%', 1)
    {
        let written: String = rest[1..end].iter().map(|c| c.c).collect();
        match written.trim().parse::<f64>() {
            Ok(w) if (-100.0..=100.0).contains(&w) => weight = Some(w),
            _ => {
                q.problem(
                    rest[0].at,
                    format!(
                        "the weight {} is not a percentage between -100 and 100, like %50% or %-25%",
                        quoted(&format!("%{written}%"), QUOTE)
                    ),
                );
                return None;
            }
        }
        rest = trim(&rest[end + 1..]);
    }
    let (text, feedback) = match find(rest, '#', 0) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    Some(Item {
        marker,
        at,
        raw,
        weight,
        text,
        feedback,
    })
}

fn full(weight: f64) -> bool {
    (weight - 100.0).abs() < 1e-6
}

fn percent(weight: f64) -> String {
    format!("{}%", crate::text::plain(weight))
}

/// Fold an answer's feedback into the explanation.
fn fold(q: &mut Question, item: &Item, answer: &str) {
    if let Some(feedback) = item.feedback {
        let text = q.plain(feedback);
        q.feedback.answer(item.at, answer, &text);
    }
}

fn multichoice(mut q: Question, text: Sentence, answers: &[Ch], open_at: usize) {
    let Some(items) = items(&mut q, answers, &['=', '~']) else {
        return;
    };
    let mut choices: Vec<(usize, String, f64)> = Vec::new();
    for item in &items {
        let choice = q.plain(item.text);
        if item.marker.is_none() {
            q.problem(
                item.at,
                format!(
                    "the answer {} has no = or ~ before it: start each answer with = (right) or ~ (wrong)",
                    quoted(&choice, QUOTE)
                ),
            );
            return;
        }
        let weight = match (item.marker, item.weight) {
            (_, Some(w)) => w,
            (Some('='), None) => 100.0,
            _ => 0.0,
        };
        fold(&mut q, item, &choice);
        choices.push((item.at, choice, weight));
    }
    let has_equals = items.iter().any(|i| i.marker == Some('='));
    let rights: Vec<usize> = if has_equals {
        (0..choices.len()).filter(|&i| full(choices[i].2)).collect()
    } else {
        (0..choices.len()).filter(|&i| choices[i].2 > 0.0).collect()
    };
    if rights.is_empty() {
        q.problem(
            open_at,
            if has_equals {
                "no answer earns full marks: mark the right answer with = and no % weight"
            } else {
                "no answer is marked right: put = before the right answer, or weights like %50% (adding up to 100%) before each right answer of a multiple answer question"
            },
        );
        return;
    }
    let named = |list: &[usize]| {
        list.iter()
            .map(|&i| {
                format!(
                    "{} ({})",
                    quoted(&choices[i].1, QUOTE),
                    percent(choices[i].2)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let single = has_equals && rights.len() == 1;
    if single {
        let partial: Vec<usize> = (0..choices.len())
            .filter(|&i| choices[i].2 > 0.0 && !full(choices[i].2))
            .collect();
        if !partial.is_empty() {
            let what = format!(
                "partial credit for {} is dropped: in Accord a single choice is right or wrong",
                named(&partial)
            );
            q.change(choices[partial[0]].0, what);
        }
    } else if has_equals {
        q.change(
            choices[rights[1]].0,
            "several answers are marked right with =: in Moodle any one of them earns full marks; in Accord the learner ticks all of them",
        );
    } else {
        let first = choices[rights[0]].2;
        let total: f64 = rights.iter().map(|&i| choices[i].2).sum();
        if rights.iter().any(|&i| (choices[i].2 - first).abs() > 1e-6)
            || (total - 100.0).abs() > 1.0
        {
            let what = format!(
                "the weights {} are not kept: Accord scores a multiple select as max(0, (right ticks − wrong ticks) / right answers), so every right answer counts the same",
                named(&rights)
            );
            q.change(choices[rights[0]].0, what);
        }
    }
    let list = list_at(open_at, choices.iter().map(|(at, t, _)| (*at, t.clone())));
    if single && text.after.is_some() {
        let right = &choices[rights[0]];
        let blank = RawBlank {
            answer: Some(text_at(right.0, right.1.clone())),
            options: Some(list),
            ..RawBlank::default()
        };
        return cloze(q, &text, blank, open_at);
    }
    let (kind, answer) = if single {
        let right = &choices[rights[0]];
        ("single", at(right.0, RawAnswer::Text(right.1.clone())))
    } else {
        let texts = rights.iter().map(|&i| choices[i].1.clone()).collect();
        ("multiple", at(choices[rights[0]].0, RawAnswer::List(texts)))
    };
    let mut raw = raw_question(q.start, &q.id, kind, text_at(text.at, text.prompt()));
    raw.choices = Some(list);
    raw.answer = Some(answer);
    q.push(raw);
}

/// A missing-word question: the sentence with `{1}` where the answers were.
fn cloze(q: Question, text: &Sentence, blank: RawBlank, open_at: usize) {
    let mut raw = raw_question(q.start, &q.id, "cloze", text_at(q.start, CLOZE_PROMPT));
    raw.text = Some(text_at(text.at, text.with_gap("{1}")));
    raw.blanks = Some(at(open_at, vec![at(open_at, blank)]));
    q.push(raw);
}

fn matching(mut q: Question, text: Sentence, answers: &[Ch], open_at: usize) {
    let Some(items) = items(&mut q, answers, &['=']) else {
        return;
    };
    let mut pairs: Vec<TextList> = Vec::new();
    for item in &items {
        // Matching has no weights or feedback: the whole item is the pair.
        let whole = trim(item.raw);
        let Some(arrow) = find_str(whole, "->", 0) else {
            let shown = q.plain(whole);
            q.problem(
                item.at,
                format!(
                    "the pair {} has no ->: write each pair as =left -> right",
                    quoted(&shown, QUOTE)
                ),
            );
            return;
        };
        if item.marker.is_none() {
            q.problem(
                item.at,
                "text before the first pair: start each pair with =, as in =left -> right",
            );
            return;
        }
        let left = q.plain(&whole[..arrow]);
        let right = q.plain(&whole[arrow + 2..]);
        let left_at = offset(trim(&whole[..arrow]), item.at);
        let right_at = offset(trim(&whole[arrow + 2..]), item.at);
        if left.is_empty() {
            let what = format!(
                "the right side {} has no left side (an extra wrong answer): Accord's matching has none, so it is dropped",
                quoted(&right, QUOTE)
            );
            q.change(item.at, what);
            continue;
        }
        pairs.push(list_at(item.at, [(left_at, left), (right_at, right)]));
    }
    let mut raw = raw_question(q.start, &q.id, "matching", text_at(text.at, text.prompt()));
    raw.pairs = Some(at(open_at, pairs));
    q.push(raw);
}

/// `T`, `TRUE`, `F` or `FALSE` (any case) before any feedback.
fn true_false(answers: &[Ch]) -> Option<bool> {
    let end = find(answers, '#', 0).unwrap_or(answers.len());
    let value = line_text(&answers[..end]).to_ascii_uppercase();
    match value.as_str() {
        "T" | "TRUE" => Some(true),
        "F" | "FALSE" => Some(false),
        _ => None,
    }
}

fn true_false_question(mut q: Question, text: Sentence, answers: &[Ch], value: bool) {
    // {T#feedback for a wrong answer#feedback for the right one}
    let mut parts = Vec::new();
    let mut from = 0;
    while parts.len() < 2
        && let Some(i) = find(answers, '#', from)
    {
        parts.push(i);
        from = i + 1;
    }
    let label = |v: bool| if v { "True" } else { "False" };
    for (n, &hash) in parts.iter().enumerate() {
        let end = parts.get(n + 1).copied().unwrap_or(answers.len());
        let feedback = q.plain(&answers[hash + 1..end]);
        let shown = if n == 0 { !value } else { value };
        q.feedback.answer(answers[hash].at, label(shown), &feedback);
    }
    let mut raw = raw_question(
        q.start,
        &q.id,
        "true_false",
        text_at(text.at, text.prompt()),
    );
    raw.answer = Some(at(answers[0].at, RawAnswer::Bool(value)));
    q.push(raw);
}

fn short_answer(mut q: Question, text: Sentence, answers: &[Ch], open_at: usize) {
    let Some(items) = items(&mut q, answers, &['=']) else {
        return;
    };
    let mut accepted: Vec<(usize, String)> = Vec::new();
    let mut dropped: Vec<String> = Vec::new();
    let mut wildcard = None;
    for item in &items {
        let answer = q.plain(item.text);
        fold(&mut q, item, &answer);
        let weight = item.weight.unwrap_or(100.0);
        if answer == "*" {
            dropped.push("the catch-all *".to_string());
        } else if !full(weight) {
            dropped.push(format!("{} ({})", quoted(&answer, QUOTE), percent(weight)));
        } else {
            if answer.contains('*') {
                wildcard = Some(item.at);
            }
            accepted.push((item.at, answer));
        }
    }
    if !dropped.is_empty() {
        let what = format!(
            "answers with partial or no credit are dropped, since Accord accepts a typed answer or not: {}",
            dropped.join(", ")
        );
        q.change(open_at, what);
    }
    if let Some(at) = wildcard {
        q.change(
            at,
            "* is a wildcard in Moodle; Accord matches it as written",
        );
    }
    let Some((first_at, canonical)) = accepted.first().cloned() else {
        q.problem(
            open_at,
            "no answer earns full marks: give the right answer as =answer, without a % weight",
        );
        return;
    };
    let accept = (accepted.len() > 1).then(|| list_at(open_at, accepted[1..].iter().cloned()));
    if text.after.is_some() {
        let blank = RawBlank {
            answer: Some(text_at(first_at, canonical)),
            accept,
            ..RawBlank::default()
        };
        return cloze(q, &text, blank, open_at);
    }
    let mut raw = raw_question(
        q.start,
        &q.id,
        "short_text",
        text_at(text.at, text.prompt()),
    );
    raw.answer = Some(at(first_at, RawAnswer::Text(canonical)));
    raw.accept = accept;
    q.push(raw);
}

/// A number as GIFT writes it, with how many decimals it has.
fn number(text: &str) -> Option<(f64, usize)> {
    let text = text.trim();
    let value: f64 = text.parse().ok().filter(|x: &f64| x.is_finite())?;
    let decimals = text.split_once('.').map_or(0, |(_, d)| {
        d.chars().take_while(char::is_ascii_digit).count()
    });
    Some((value, decimals))
}

/// `x` rounded to `decimals` places, to keep a range's midpoint free of binary noise.
fn rounded(x: f64, decimals: usize) -> f64 {
    format!("{:.*}", decimals.min(15), x).parse().unwrap_or(x)
}

/// `answer:tolerance`, `min..max` or `answer` as (answer, tolerance).
fn numeric_value(written: &str) -> Result<(f64, f64), String> {
    let not_a_number = |s: &str| {
        let hint = if s.contains(',') {
            " (write decimals with a point, like 3.14)"
        } else {
            ""
        };
        format!(
            "{} is not a number{hint}: numerical answers are {{#answer}}, {{#answer:tolerance}} or {{#min..max}}",
            quoted(s.trim(), QUOTE)
        )
    };
    if let Some((low, high)) = written.split_once("..") {
        let (low, dl) = number(low).ok_or_else(|| not_a_number(low))?;
        let (high, dh) = number(high).ok_or_else(|| not_a_number(high))?;
        if low > high {
            return Err(format!(
                "the range {written} runs backwards: write the smaller number first"
            ));
        }
        let places = dl.max(dh) + 1;
        let middle = rounded(low / 2.0 + high / 2.0, places);
        return Ok((middle, rounded(high / 2.0 - low / 2.0, places)));
    }
    if let Some((answer, tolerance)) = written.split_once(':') {
        let (answer, _) = number(answer).ok_or_else(|| not_a_number(answer))?;
        let (tolerance, _) = number(tolerance).ok_or_else(|| not_a_number(tolerance))?;
        return Ok((answer, tolerance));
    }
    let (answer, _) = number(written).ok_or_else(|| not_a_number(written))?;
    Ok((answer, 0.0))
}

fn numerical(mut q: Question, text: Sentence, body: &[Ch], open_at: usize) {
    // {#… ~#feedback for any other answer}
    let mut body = body;
    if let Some(tilde) = find(body, '~', 0) {
        let rest = &body[tilde + 1..];
        if let Some(hash) = find(rest, '#', 0) {
            let feedback = q.plain(&rest[hash + 1..]);
            q.feedback
                .labelled(rest[hash].at, "Any other answer", &feedback);
        }
        body = &body[..tilde];
    }
    let Some(items) = items(&mut q, body, &['=']) else {
        return;
    };
    let mut chosen: Option<(usize, f64, f64)> = None;
    let mut dropped = Vec::new();
    for item in &items {
        let written = line_text(item.text);
        let (answer, tolerance) = match numeric_value(&written) {
            Ok(v) => v,
            Err(why) => {
                q.problem(item.at, why);
                return;
            }
        };
        let shown = if tolerance > 0.0 {
            format!(
                "{} ± {}",
                crate::text::plain(answer),
                crate::text::plain(tolerance)
            )
        } else {
            crate::text::plain(answer)
        };
        fold(&mut q, item, &shown);
        let weight = item.weight.unwrap_or(100.0);
        if full(weight) && chosen.is_none() {
            chosen = Some((item.at, answer, tolerance));
        } else {
            dropped.push(format!("{} ({})", quoted(&shown, QUOTE), percent(weight)));
        }
    }
    let Some((answer_at, answer, tolerance)) = chosen else {
        q.problem(
            open_at,
            "no answer earns full marks: give the right number as =answer:tolerance, without a % weight",
        );
        return;
    };
    if !dropped.is_empty() {
        let what = format!(
            "only the fully right answer is kept (an Accord numeric question has one answer within a tolerance); dropped: {}",
            dropped.join(", ")
        );
        q.change(open_at, what);
    }
    let mut raw = raw_question(q.start, &q.id, "numeric", text_at(text.at, text.prompt()));
    raw.answer = Some(at(
        answer_at,
        match raw_number(answer) {
            RawNumber::Integer(i) => RawAnswer::Integer(i),
            RawNumber::Float(f) => RawAnswer::Float(f),
        },
    ));
    if tolerance != 0.0 {
        raw.tolerance = Some(at(answer_at, raw_number(tolerance)));
    }
    q.push(raw);
}
