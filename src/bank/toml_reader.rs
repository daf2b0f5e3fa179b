//! Reading a TOML bank file's shape into the raw types, by walking toml's spanned document
//! tree by hand rather than through serde: the app ships as WebAssembly, and the generic
//! deserializer code was a large share of its size.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::raw::{
    Problems, QUESTION_FIELDS, RawAnswer, RawBlank, RawExtract, RawImage, RawManifest, RawMeta,
    RawNumber, RawQuestion, RawTopic, Text, TextList,
};
use crate::calendar::Date;

type Value<'i> = Spanned<DeValue<'i>>;

fn kind_of_value(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

fn wrong_type(problems: &mut Problems, name: &str, value: &Value, expected: &str) {
    let found = kind_of_value(value.get_ref());
    problems.push((
        value.span().start,
        format!("`{name}` must be {expected}, not {found}"),
    ));
}

/// Report a key not in `allowed`, with the likely intended name when one is close.
fn unknown_field(key: &Spanned<std::borrow::Cow<str>>, allowed: &[&str], problems: &mut Problems) {
    let name: &str = key.get_ref().as_ref();
    let message = match crate::text::closest(name, allowed) {
        Some(near) => format!(
            "unknown field `{}`: did you mean `{near}`?",
            crate::text::escape_controls(name)
        ),
        None => {
            let expected: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
            format!(
                "unknown field `{}`, expected one of {}",
                crate::text::escape_controls(name),
                expected.join(", ")
            )
        }
    };
    problems.push((key.span().start, message));
}

/// A table's fields, read once: keys not in `allowed` are reported (with the likely intended
/// name when one is close), and every lookup after is a short scan of the keys present rather
/// than a search of the map (a question has some twenty fields to look up).
struct Fields<'t, 'i> {
    present: Vec<(&'t str, &'t Value<'i>)>,
}

impl<'t, 'i> Fields<'t, 'i> {
    fn read(table: &'t DeTable<'i>, allowed: &[&str], problems: &mut Problems) -> Self {
        let mut present = Vec::with_capacity(table.len());
        for (key, value) in table.iter() {
            let name: &'t str = key.get_ref().as_ref();
            if allowed.contains(&name) {
                present.push((name, value));
            } else {
                unknown_field(key, allowed, problems);
            }
        }
        Fields { present }
    }

    fn get(&self, name: &str) -> Option<&'t Value<'i>> {
        // Lengths first: most keys differ from the name in length, and that is cheaper to see.
        self.present
            .iter()
            .find(|(key, _)| key.len() == name.len() && *key == name)
            .map(|(_, value)| *value)
    }
}

fn text_of(value: &Value, name: &str, problems: &mut Problems) -> Option<Text> {
    match value.get_ref() {
        DeValue::String(s) => Some(Spanned::new(value.span(), s.to_string())),
        _ => {
            wrong_type(problems, name, value, "text in quotes");
            None
        }
    }
}

fn text(table: &Fields, name: &str, problems: &mut Problems) -> Option<Text> {
    text_of(table.get(name)?, name, problems)
}

fn text_list_of(value: &Value, name: &str, problems: &mut Problems) -> Option<TextList> {
    let DeValue::Array(items) = value.get_ref() else {
        wrong_type(
            problems,
            name,
            value,
            "a list of texts, like [\"a\", \"b\"]",
        );
        return None;
    };
    let texts: Option<Vec<Text>> = items
        .iter()
        .map(|item| text_of(item, name, problems))
        .collect();
    Some(Spanned::new(value.span(), texts?))
}

fn text_list(table: &Fields, name: &str, problems: &mut Problems) -> Option<TextList> {
    text_list_of(table.get(name)?, name, problems)
}

fn integer_of(value: &Value, name: &str, problems: &mut Problems) -> Option<i64> {
    match value.get_ref() {
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Some(n),
            Err(_) => {
                problems.push((
                    value.span().start,
                    format!("`{name}` is too large a number"),
                ));
                None
            }
        },
        _ => {
            wrong_type(problems, name, value, "a whole number");
            None
        }
    }
}

fn spanned_integer_of(value: &Value, name: &str, problems: &mut Problems) -> Option<Spanned<i64>> {
    Some(Spanned::new(
        value.span(),
        integer_of(value, name, problems)?,
    ))
}

fn integer(table: &Fields, name: &str, problems: &mut Problems) -> Option<Spanned<i64>> {
    spanned_integer_of(table.get(name)?, name, problems)
}

fn number_of(value: &Value, name: &str, problems: &mut Problems) -> Option<Spanned<RawNumber>> {
    let number = match value.get_ref() {
        DeValue::Float(f) => match f.as_str().parse::<f64>() {
            Ok(x) if x.is_finite() => RawNumber::Float(x),
            _ => {
                problems.push((
                    value.span().start,
                    format!("`{name}` is too large a number"),
                ));
                return None;
            }
        },
        _ => RawNumber::Integer(integer_of(value, name, problems)?),
    };
    Some(Spanned::new(value.span(), number))
}

/// A calendar date written as a TOML date (`2026-12-01`, no quotes, no time).
fn date_of(value: &Value, name: &str, problems: &mut Problems) -> Option<Spanned<Date>> {
    let at = value.span().start;
    let DeValue::Datetime(datetime) = value.get_ref() else {
        let hint = match value.get_ref() {
            DeValue::String(_) => " (write it without quotes)",
            _ => "",
        };
        problems.push((at, format!("`{name}` must be a date like 2026-12-01{hint}")));
        return None;
    };
    let date = match (datetime.date, datetime.time, datetime.offset) {
        (Some(d), None, None) => Date::new(i32::from(d.year), u32::from(d.month), u32::from(d.day)),
        _ => {
            problems.push((
                at,
                format!("`{name}` must be a date without a time, like 2026-12-01"),
            ));
            return None;
        }
    };
    match date {
        Some(date) => Some(Spanned::new(value.span(), date)),
        None => {
            problems.push((at, format!("`{name}` is not a real date")));
            None
        }
    }
}

fn answer_of(value: &Value, problems: &mut Problems) -> Option<Spanned<RawAnswer>> {
    let answer = match value.get_ref() {
        DeValue::Boolean(b) => RawAnswer::Bool(*b),
        DeValue::Integer(_) => RawAnswer::Integer(integer_of(value, "answer", problems)?),
        DeValue::Float(f) => match f.as_str().parse::<f64>() {
            Ok(x) if x.is_finite() => RawAnswer::Float(x),
            Ok(_) => {
                problems.push((value.span().start, "`answer` is too large a number".into()));
                return None;
            }
            // "nan" and "inf" spellings: not a number a learner can type.
            Err(_) => RawAnswer::Float(f64::NAN),
        },
        DeValue::String(s) => RawAnswer::Text(s.to_string()),
        DeValue::Array(_) => {
            let list = text_list_of(value, "answer", problems)?;
            RawAnswer::List(
                list.into_inner()
                    .into_iter()
                    .map(Spanned::into_inner)
                    .collect(),
            )
        }
        _ => {
            wrong_type(
                problems,
                "answer",
                value,
                "text, a number, true/false or a list",
            );
            return None;
        }
    };
    Some(Spanned::new(value.span(), answer))
}

/// A `name = { … }` (or `[question.name]`) table, with its span.
fn sub_table_of<'t, 'i>(
    value: &'t Value<'i>,
    name: &str,
    problems: &mut Problems,
) -> Option<(std::ops::Range<usize>, &'t DeTable<'i>)> {
    match value.get_ref() {
        DeValue::Table(t) => Some((value.span(), t)),
        _ => {
            wrong_type(
                problems,
                name,
                value,
                &format!("a table, like {name} = {{ … }}"),
            );
            None
        }
    }
}

/// `[[name]]` tables, each with its span.
fn tables_of<'t, 'i>(
    value: &'t Value<'i>,
    name: &str,
    problems: &mut Problems,
) -> Vec<(std::ops::Range<usize>, &'t DeTable<'i>)> {
    let DeValue::Array(items) = value.get_ref() else {
        wrong_type(
            problems,
            name,
            value,
            &format!("a list of tables, written [[{name}]]"),
        );
        return Vec::new();
    };
    let mut tables = Vec::new();
    for item in items.iter() {
        match item.get_ref() {
            DeValue::Table(t) => tables.push((item.span(), t)),
            _ => wrong_type(problems, name, item, "a table"),
        }
    }
    tables
}

fn blank(
    span: std::ops::Range<usize>,
    table: &DeTable,
    problems: &mut Problems,
) -> Spanned<RawBlank> {
    let table = &Fields::read(table, &["answer", "accept", "options", "typos"], problems);
    Spanned::new(
        span,
        RawBlank {
            answer: text(table, "answer", problems),
            accept: text_list(table, "accept", problems),
            options: text_list(table, "options", problems),
            typos: integer(table, "typos", problems),
        },
    )
}

fn pairs_of(value: &Value, problems: &mut Problems) -> Option<Spanned<Vec<TextList>>> {
    let DeValue::Array(items) = value.get_ref() else {
        wrong_type(problems, "pairs", value, "a list of [left, right] pairs");
        return None;
    };
    let pairs: Option<Vec<TextList>> = items
        .iter()
        .map(|pair| text_list_of(pair, "pairs", problems))
        .collect();
    Some(Spanned::new(value.span(), pairs?))
}

fn blanks_of(value: &Value, problems: &mut Problems) -> Spanned<Vec<Spanned<RawBlank>>> {
    let list = tables_of(value, "blanks", problems)
        .into_iter()
        .map(|(span, t)| blank(span, t, problems))
        .collect();
    Spanned::new(value.span(), list)
}

fn image_of(value: &Value, problems: &mut Problems) -> Option<Spanned<RawImage>> {
    let (span, t) = sub_table_of(value, "image", problems)?;
    let t = &Fields::read(t, &["file", "alt", "caption"], problems);
    Some(Spanned::new(
        span,
        RawImage {
            file: text(t, "file", problems),
            alt: text(t, "alt", problems),
            caption: text(t, "caption", problems),
        },
    ))
}

fn extract_of(value: &Value, problems: &mut Problems) -> Option<Spanned<RawExtract>> {
    let (span, t) = sub_table_of(value, "extract", problems)?;
    let t = &Fields::read(t, &["text", "attribution"], problems);
    Some(Spanned::new(
        span,
        RawExtract {
            text: text(t, "text", problems),
            attribution: text(t, "attribution", problems),
        },
    ))
}

/// One question table, in one pass over its keys, each read into its field: no lookups, as a
/// bank may hold thousands of questions of some twenty fields each. The arms are the names in
/// `QUESTION_FIELDS`.
fn question(table: &DeTable, problems: &mut Problems) -> RawQuestion {
    let mut q = RawQuestion::default();
    for (key, value) in table.iter() {
        let name: &str = key.get_ref().as_ref();
        match name {
            "id" => q.id = text_of(value, name, problems),
            "topic" => q.topic = text_of(value, name, problems),
            "type" => q.kind = text_of(value, name, problems),
            "prompt" => q.prompt = text_of(value, name, problems),
            "explanation" => q.explanation = text_of(value, name, problems),
            "facts" => q.facts = text_list_of(value, name, problems),
            "sources" => q.sources = text_list_of(value, name, problems),
            "difficulty" => q.difficulty = spanned_integer_of(value, name, problems),
            "tags" => q.tags = text_list_of(value, name, problems),
            "errors" => q.errors = text_list_of(value, name, problems),
            "reviewed" => q.reviewed = date_of(value, name, problems),
            "points" => q.points = number_of(value, name, problems),
            "image" => q.image = image_of(value, problems),
            "extract" => q.extract = extract_of(value, problems),
            "choices" => q.choices = text_list_of(value, name, problems),
            "answer" => q.answer = answer_of(value, problems),
            "items" => q.items = text_list_of(value, name, problems),
            "pairs" => q.pairs = pairs_of(value, problems),
            "tolerance" => q.tolerance = number_of(value, name, problems),
            "unit" => q.unit = text_of(value, name, problems),
            "accept" => q.accept = text_list_of(value, name, problems),
            "typos" => q.typos = spanned_integer_of(value, name, problems),
            "text" => q.text = text_of(value, name, problems),
            "blanks" => q.blanks = Some(blanks_of(value, problems)),
            "parts" => q.parts = text_list_of(value, name, problems),
            "wrong" => q.wrong = text_list_of(value, name, problems),
            _ => unknown_field(key, QUESTION_FIELDS, problems),
        }
    }
    q
}

fn questions(root: &Fields, problems: &mut Problems) -> Vec<Spanned<RawQuestion>> {
    let Some(value) = root.get("question") else {
        return Vec::new();
    };
    tables_of(value, "question", problems)
        .into_iter()
        .map(|(span, t)| Spanned::new(span, question(t, problems)))
        .collect()
}

/// Read a manifest's shape from its parsed document.
pub fn manifest(root: &DeTable, problems: &mut Problems) -> RawManifest {
    let root = &Fields::read(root, &["bank", "topic", "question"], problems);
    let bank = root.get("bank").and_then(|value| {
        let DeValue::Table(t) = value.get_ref() else {
            wrong_type(problems, "bank", value, "a table, written [bank]");
            return None;
        };
        let t = &Fields::read(
            t,
            &[
                "id",
                "title",
                "description",
                "version",
                "language",
                "fact_sheet",
                "files",
            ],
            problems,
        );
        let meta = RawMeta {
            id: text(t, "id", problems),
            title: text(t, "title", problems),
            description: text(t, "description", problems),
            version: text(t, "version", problems),
            language: text(t, "language", problems),
            fact_sheet: text(t, "fact_sheet", problems),
            files: text_list(t, "files", problems)
                .map(Spanned::into_inner)
                .unwrap_or_default(),
        };
        Some(Spanned::new(value.span(), meta))
    });
    let topic = root
        .get("topic")
        .map(|value| {
            tables_of(value, "topic", problems)
                .into_iter()
                .map(|(span, t)| {
                    let t = &Fields::read(t, &["id", "title"], problems);
                    let topic = RawTopic {
                        id: text(t, "id", problems),
                        title: text(t, "title", problems),
                    };
                    Spanned::new(span, topic)
                })
                .collect()
        })
        .unwrap_or_default();
    RawManifest {
        bank,
        topic,
        question: questions(root, problems),
    }
}

/// Read a question file's shape from its parsed document.
pub fn question_file(root: &DeTable, problems: &mut Problems) -> Vec<Spanned<RawQuestion>> {
    let root = &Fields::read(root, &["question"], problems);
    questions(root, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems_of(text: &str) -> Problems {
        let document = DeTable::parse(text).expect("valid TOML");
        let mut problems = Problems::new();
        question_file(document.get_ref(), &mut problems);
        problems
    }

    #[test]
    fn every_question_field_is_read_and_no_other() {
        for name in QUESTION_FIELDS {
            let problems = problems_of(&format!("[[question]]\n{name} = 1\n"));
            assert!(
                problems.iter().all(|(_, m)| !m.contains("unknown field")),
                "{name}: {problems:?}"
            );
        }
        let problems = problems_of("[[question]]\nprompts = \"Who?\"\n");
        assert_eq!(
            problems,
            vec![(
                13,
                "unknown field `prompts`: did you mean `prompt`?".to_string()
            )]
        );
    }
}
