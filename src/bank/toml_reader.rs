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

fn describe(value: &DeValue) -> &'static str {
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
    let found = describe(value.get_ref());
    problems.push((
        value.span().start,
        format!("`{name}` must be {expected}, not {found}"),
    ));
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
                continue;
            }
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

fn integer(table: &Fields, name: &str, problems: &mut Problems) -> Option<Spanned<i64>> {
    let value = table.get(name)?;
    Some(Spanned::new(
        value.span(),
        integer_of(value, name, problems)?,
    ))
}

fn number(table: &Fields, name: &str, problems: &mut Problems) -> Option<Spanned<RawNumber>> {
    let value = table.get(name)?;
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
fn date(table: &Fields, name: &str, problems: &mut Problems) -> Option<Spanned<Date>> {
    let value = table.get(name)?;
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

fn answer(table: &Fields, problems: &mut Problems) -> Option<Spanned<RawAnswer>> {
    let value = table.get("answer")?;
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
fn sub_table<'t, 'i>(
    table: &Fields<'t, 'i>,
    name: &str,
    problems: &mut Problems,
) -> Option<(std::ops::Range<usize>, &'t DeTable<'i>)> {
    let value = table.get(name)?;
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

fn question(table: &DeTable, problems: &mut Problems) -> RawQuestion {
    let table = &Fields::read(table, QUESTION_FIELDS, problems);
    let pairs = table.get("pairs").and_then(|value| {
        let DeValue::Array(items) = value.get_ref() else {
            wrong_type(problems, "pairs", value, "a list of [left, right] pairs");
            return None;
        };
        let pairs: Option<Vec<TextList>> = items
            .iter()
            .map(|pair| text_list_of(pair, "pairs", problems))
            .collect();
        Some(Spanned::new(value.span(), pairs?))
    });
    let blanks = table.get("blanks").map(|value| {
        let list = tables_of(value, "blanks", problems)
            .into_iter()
            .map(|(span, t)| blank(span, t, problems))
            .collect();
        Spanned::new(value.span(), list)
    });
    RawQuestion {
        id: text(table, "id", problems),
        topic: text(table, "topic", problems),
        kind: text(table, "type", problems),
        prompt: text(table, "prompt", problems),
        explanation: text(table, "explanation", problems),
        facts: text_list(table, "facts", problems),
        sources: text_list(table, "sources", problems),
        difficulty: integer(table, "difficulty", problems),
        tags: text_list(table, "tags", problems),
        errors: text_list(table, "errors", problems),
        reviewed: date(table, "reviewed", problems),
        points: number(table, "points", problems),
        image: sub_table(table, "image", problems).map(|(span, t)| {
            let t = &Fields::read(t, &["file", "alt", "caption"], problems);
            Spanned::new(
                span,
                RawImage {
                    file: text(t, "file", problems),
                    alt: text(t, "alt", problems),
                    caption: text(t, "caption", problems),
                },
            )
        }),
        extract: sub_table(table, "extract", problems).map(|(span, t)| {
            let t = &Fields::read(t, &["text", "attribution"], problems);
            Spanned::new(
                span,
                RawExtract {
                    text: text(t, "text", problems),
                    attribution: text(t, "attribution", problems),
                },
            )
        }),
        choices: text_list(table, "choices", problems),
        answer: answer(table, problems),
        items: text_list(table, "items", problems),
        pairs,
        tolerance: number(table, "tolerance", problems),
        unit: text(table, "unit", problems),
        accept: text_list(table, "accept", problems),
        typos: integer(table, "typos", problems),
        text: text(table, "text", problems),
        blanks,
        parts: text_list(table, "parts", problems),
        wrong: text_list(table, "wrong", problems),
    }
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
