//! The fields every question has, whatever its type: id, topic, prompt, explanation, the
//! fact-sheet ids and sources, difficulty, tags, review date, points, image and extract.
//! Then the type's own rules (`kinds`) and the assembled `Question`.

use super::Validator;
use super::hygiene::Limit;
use super::kinds;
use super::reporter::{QUOTE, Reporter};
use super::valid_id;
use crate::bank::error::Location;
use crate::bank::model::{Difficulty, Extract, Image, Question, QuestionKind, Source, Weight};
use crate::bank::path::{check_relative, extension};
use crate::bank::question_type::QuestionType;
use crate::bank::raw::{RawExtract, RawImage, RawQuestion, TextList};
use crate::text::quoted;
use toml::Spanned;

/// Which list of ids a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IdKind {
    /// `facts`: fact-sheet ids, `F-…`.
    Facts,
    /// `errors`: source-article error ids, `E-…`.
    Errors,
}

impl IdKind {
    fn field(self) -> &'static str {
        match self {
            IdKind::Facts => "facts",
            IdKind::Errors => "errors",
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            IdKind::Facts => "F-",
            IdKind::Errors => "E-",
        }
    }
}

const IMAGE_TYPES: [&str; 6] = ["png", "jpg", "jpeg", "gif", "webp", "svg"];

/// The question read at `start` (which is `place` in its file).
pub(super) fn question(
    v: &mut Validator,
    here: &mut Reporter,
    start: usize,
    place: &Location,
    mut q: RawQuestion,
) -> Option<Question> {
    // The id first, so every later message can name the question.
    let id = here.required_text(&mut q.id, "id", start, Limit::Short);
    if let Some(id) = &id {
        let at = q.id.as_ref().map_or(start, |v| v.span().start);
        if !valid_id(id) {
            here.err(
                at,
                format!(
                    "question id {} may use only lowercase letters, digits and '-'",
                    quoted(id, QUOTE)
                ),
            );
        } else if let Some(first) = v.ids.get(id) {
            here.err(
                at,
                format!(
                    "duplicate question id {} (first used at {}:{})",
                    quoted(id, QUOTE),
                    first.file,
                    first.line
                ),
            );
        } else {
            v.ids.insert(id.clone(), here.at(at));
        }
        here.set_question(id);
    }

    let topic = here.required_text(&mut q.topic, "topic", start, Limit::Short);
    if let Some(topic) = &topic
        && !v.topic_known(topic)
    {
        let at = q.topic.as_ref().map_or(start, |v| v.span().start);
        here.err(
            at,
            format!(
                "unknown topic {}; the bank declares no such topic",
                quoted(topic, QUOTE)
            ),
        );
    }
    let prompt = here.required_text(&mut q.prompt, "prompt", start, Limit::Prompt);
    let explanation = if v.strict {
        here.required_text(&mut q.explanation, "explanation", start, Limit::Long)
            .map(Some)
    } else {
        here.optional_text(&mut q.explanation, "explanation", Limit::Long)
    };
    let facts = ids(v, here, &mut q.facts, IdKind::Facts, start);
    let sources = sources(v, here, &mut q.sources, start);
    let difficulty = difficulty(v, here, &q.difficulty, start);
    let tags = match &mut q.tags {
        None => Some(Vec::new()),
        Some(t) => here.list_items(t, "tags", 0..=20),
    };
    let reviewed = q.reviewed.as_ref().map(|d| *d.get_ref());
    if let (Some(raw), Some(today)) = (&q.reviewed, v.rules.today)
        && *raw.get_ref() > today
    {
        here.err(
            raw.span().start,
            format!(
                "`reviewed` {} is in the future (today is {today})",
                raw.get_ref()
            ),
        );
    }
    let points = points(here, &q.points);
    let image = q.image.as_mut().map(|i| image(here, i)).transpose_option();
    let extract = q
        .extract
        .as_mut()
        .map(|e| extract(here, e))
        .transpose_option();

    let kind = question_kind(here, &mut q, start);
    let errors = if kind
        .as_ref()
        .is_some_and(|k| k.question_type() == QuestionType::SpotError)
    {
        ids(v, here, &mut q.errors, IdKind::Errors, start)
    } else {
        Some(Vec::new())
    };

    Some(Question {
        id: id?,
        topic: topic?,
        prompt: prompt?,
        explanation: explanation?,
        facts: facts?,
        errors: errors?,
        sources: sources?,
        difficulty: difficulty?,
        tags: tags?,
        reviewed,
        points: points?,
        image: image?,
        extract: extract?,
        kind: kind?,
        origin: format!("{}:{}", place.file, place.line),
    })
}

/// `Option<Option<T>>` from "absent" (`None`) or "present, and valid or not".
trait TransposeOption<T> {
    fn transpose_option(self) -> Option<Option<T>>;
}

impl<T> TransposeOption<T> for Option<Option<T>> {
    fn transpose_option(self) -> Option<Option<T>> {
        match self {
            None => Some(None),
            Some(None) => None,
            Some(Some(value)) => Some(Some(value)),
        }
    }
}

fn question_kind(here: &mut Reporter, q: &mut RawQuestion, start: usize) -> Option<QuestionKind> {
    let name = here.required_text(&mut q.kind, "type", start, Limit::Short)?;
    let at = q.kind.as_ref().map_or(start, |v| v.span().start);
    let Some(question_type) = QuestionType::from_name(&name) else {
        let hint = crate::text::closest(&name, &QuestionType::ALL.map(QuestionType::name))
            .map(|near| format!(" (did you mean \"{near}\"?)"))
            .unwrap_or_default();
        here.err(
            at,
            format!(
                "unknown type {}{hint}; expected one of: {}",
                quoted(&name, QUOTE),
                QuestionType::all_names()
            ),
        );
        return None;
    };
    let allowed = question_type.fields();
    let mut misplaced = false;
    for (field, at) in q.specific_fields() {
        if !allowed.contains(&field) {
            here.err(
                at,
                format!("`{field}` does not belong to a {question_type} question"),
            );
            misplaced = true;
        }
    }
    let kind = kinds::check(here, question_type, q, start);
    if misplaced { None } else { kind }
}

/// `facts` or `errors`: required and checked against the fact sheet in a bank that names one;
/// otherwise optional notes for the author.
fn ids(
    v: &Validator,
    here: &mut Reporter,
    field: &mut Option<TextList>,
    kind: IdKind,
    start: usize,
) -> Option<Vec<String>> {
    let name = kind.field();
    if !v.strict {
        return match field {
            None => Some(Vec::new()),
            Some(list) => here.list_items(list, name, 0..=20),
        };
    }
    let ids = here.list(field, name, start, 1..=20)?;
    let known = v.rules.facts.map(|sheet| match kind {
        IdKind::Facts => &sheet.facts,
        IdKind::Errors => &sheet.errors,
    });
    let mut ok = true;
    for (id, raw) in ids.iter().zip(field.as_ref()?.get_ref()) {
        if !id.starts_with(kind.prefix()) {
            here.err(
                raw.span().start,
                format!(
                    "`{name}` entry {} should be an id starting with {}",
                    quoted(id, QUOTE),
                    kind.prefix()
                ),
            );
            ok = false;
        } else if known.is_some_and(|known| !known.contains(id)) {
            here.err(
                raw.span().start,
                format!(
                    "`{name}` entry {} is not in the fact sheet",
                    quoted(id, QUOTE)
                ),
            );
            ok = false;
        }
    }
    ok.then_some(ids)
}

/// Sources: web addresses (shown as links) or citations in words (shown as text).
fn sources(
    v: &Validator,
    here: &mut Reporter,
    field: &mut Option<TextList>,
    start: usize,
) -> Option<Vec<Source>> {
    let entries = if v.strict {
        here.list(field, "sources", start, 1..=10)?
    } else {
        match field {
            None => return Some(Vec::new()),
            Some(list) => here.list_items(list, "sources", 0..=10)?,
        }
    };
    let mut ok = true;
    let mut out = Vec::new();
    for (entry, raw) in entries.into_iter().zip(field.as_ref()?.get_ref()) {
        let at = raw.span().start;
        match source(entry) {
            Err((why, entry)) => {
                here.err(at, format!("source {} {why}", quoted(&entry, QUOTE)));
                ok = false;
            }
            Ok(Source::Link(url))
                if v.strict && v.rules.facts.is_some_and(|s| !s.urls.contains(&url)) =>
            {
                here.err(
                    at,
                    format!(
                        "source {} is not cited in the fact sheet",
                        quoted(&url, QUOTE)
                    ),
                );
                ok = false;
            }
            Ok(source) => out.push(source),
        }
    }
    ok.then_some(out)
}

/// A source entry: an `http(s)://` address with a host and no spaces, or a citation; or why
/// it is neither, with the entry given back.
fn source(entry: impl Into<String>) -> Result<Source, (&'static str, String)> {
    let entry = entry.into();
    match is_link(&entry) {
        Ok(true) => Ok(Source::Link(entry)),
        Ok(false) => Ok(Source::Citation(entry)),
        Err(why) => Err((why, entry)),
    }
}

/// Whether a source entry is a link (an `http(s)://` address with a host and no spaces) or
/// a citation; or why it is neither.
fn is_link(entry: &str) -> Result<bool, &'static str> {
    if let Some(rest) =
        strip_prefix_any_case(entry, "https://").or_else(|| strip_prefix_any_case(entry, "http://"))
    {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if host.is_empty() || entry.chars().any(char::is_whitespace) {
            return Err("is not a web address (a link has a host and no spaces)");
        }
        return Ok(true);
    }
    if strip_prefix_any_case(entry, "www.").is_some() {
        return Err("looks like a web address: start it with https://");
    }
    Ok(false)
}

/// `text` without `prefix` (an ASCII prefix, in any case), if it starts with it.
fn strip_prefix_any_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn difficulty(
    v: &Validator,
    here: &mut Reporter,
    field: &Option<Spanned<i64>>,
    start: usize,
) -> Option<Option<Difficulty>> {
    match field {
        None if v.strict => {
            here.err(start, "missing `difficulty` (1 easy, 2 medium, 3 hard)");
            None
        }
        None => Some(None),
        Some(d) => {
            let level = Difficulty::from_level(*d.get_ref());
            if level.is_none() {
                here.err(
                    d.span().start,
                    format!(
                        "difficulty {} is outside 1–3 (1 easy, 2 medium, 3 hard)",
                        d.get_ref()
                    ),
                );
                return None;
            }
            Some(level)
        }
    }
}

fn points(
    here: &mut Reporter,
    field: &Option<Spanned<crate::bank::raw::RawNumber>>,
) -> Option<Weight> {
    let Some(raw) = field else {
        return Some(Weight::ONE);
    };
    let value = raw.get_ref().value();
    let thousandths = value * 1000.0;
    let whole = thousandths.round();
    let weight = if (thousandths - whole).abs() < 1e-6 && (1.0..=1e9).contains(&whole) {
        Weight::from_thousandths(whole as u32)
    } else {
        None
    };
    if weight.is_none() {
        here.err(
            raw.span().start,
            format!(
                "`points` must be a number above 0 and at most {} with up to three decimals, like 1, 2 or 0.5",
                Weight::MAX.thousandths() / 1000
            ),
        );
    }
    weight
}

fn image(here: &mut Reporter, raw: &mut Spanned<RawImage>) -> Option<Image> {
    let start = raw.span().start;
    let i = raw.get_mut();
    let file = here.required_text(&mut i.file, "image.file", start, Limit::Line);
    let alt = match &i.alt {
        None => {
            here.err(
                start,
                "the image needs `alt`: say what it shows, for anyone who cannot see it",
            );
            None
        }
        Some(_) => here.required_text(&mut i.alt, "image.alt", start, Limit::Line),
    };
    let caption = here.optional_text(&mut i.caption, "image.caption", Limit::Line);
    let file = file.and_then(|file| {
        let at = i.file.as_ref().map_or(start, |v| v.span().start);
        if let Err(why) = check_relative(&file) {
            here.err(
                at,
                format!("image file {} is refused: {why}", quoted(&file, QUOTE)),
            );
            return None;
        }
        if !IMAGE_TYPES.contains(&extension(&file).as_str()) {
            here.err(
                at,
                format!(
                    "image file {} must be one of: {}",
                    quoted(&file, QUOTE),
                    IMAGE_TYPES.map(|t| format!(".{t}")).join(", ")
                ),
            );
            return None;
        }
        Some(file)
    });
    Some(Image {
        file: file?,
        alt: alt?,
        caption: caption?,
    })
}

fn extract(here: &mut Reporter, raw: &mut Spanned<RawExtract>) -> Option<Extract> {
    let start = raw.span().start;
    let e = raw.get_mut();
    let text = here.required_text(&mut e.text, "extract.text", start, Limit::Long);
    let attribution = here.required_text(
        &mut e.attribution,
        "extract.attribution",
        start,
        Limit::Line,
    );
    Some(Extract {
        text: text?,
        attribution: attribution?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_links_or_citations() {
        assert_eq!(
            source("https://www.nato.int/x"),
            Ok(Source::Link("https://www.nato.int/x".into()))
        );
        assert_eq!(
            source("Textbook, p. 12"),
            Ok(Source::Citation("Textbook, p. 12".into()))
        );
        assert_eq!(
            source("javascript:alert(1)"),
            Ok(Source::Citation("javascript:alert(1)".into())),
            "shown as text, never as a link"
        );
        assert!(source("www.nato.int").is_err());
        assert!(source("https://").is_err());
        assert!(source("https://a b").is_err());
    }
}
