//! The bank files as TOML gives them, before validation: every field optional and spanned,
//! so the validator can say exactly where a problem is.
//!
//! Built by walking toml's spanned document tree by hand rather than through serde: the app
//! ships as WebAssembly, and the generic deserializer code was a large share of its size.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::calendar::Date;

pub type Text = Spanned<String>;
pub type TextList = Spanned<Vec<Text>>;

/// Problems found while reading the shape of a file: (byte offset, message).
pub type Problems = Vec<(usize, String)>;

/// `index.toml`: metadata, topics, the list of question files, and optionally questions.
#[derive(Debug, Default)]
pub struct RawManifest {
    pub bank: Option<Spanned<RawMeta>>,
    pub topic: Vec<Spanned<RawTopic>>,
    pub question: Vec<Spanned<RawQuestion>>,
}

#[derive(Debug, Default)]
pub struct RawMeta {
    pub id: Option<Text>,
    pub title: Option<Text>,
    pub description: Option<Text>,
    pub version: Option<Text>,
    pub language: Option<Text>,
    pub files: Vec<Text>,
}

#[derive(Debug, Default)]
pub struct RawTopic {
    pub id: Option<Text>,
    pub title: Option<Text>,
}

/// An `answer` value: its TOML type depends on the question type.
#[derive(Debug, Clone)]
pub enum RawAnswer {
    Bool(bool),
    Integer(i64),
    Float(f64),
    Text(String),
    List(Vec<String>),
}

#[derive(Debug, Clone, Copy)]
pub enum RawNumber {
    Integer(i64),
    Float(f64),
}

impl RawNumber {
    pub fn value(self) -> f64 {
        match self {
            RawNumber::Integer(i) => i as f64,
            RawNumber::Float(f) => f,
        }
    }
}

#[derive(Debug, Default)]
pub struct RawBlank {
    pub answer: Option<Text>,
    pub accept: Option<TextList>,
    pub options: Option<TextList>,
    pub typos: Option<Spanned<i64>>,
}

#[derive(Debug, Default)]
pub struct RawQuestion {
    pub id: Option<Text>,
    pub topic: Option<Text>,
    pub kind: Option<Text>,
    pub prompt: Option<Text>,
    pub explanation: Option<Text>,
    pub facts: Option<TextList>,
    pub sources: Option<TextList>,
    pub difficulty: Option<Spanned<i64>>,
    pub tags: Option<TextList>,
    pub errors: Option<TextList>,
    /// When the question was last checked against its sources.
    pub reviewed: Option<Spanned<Date>>,
    // Type-specific fields.
    pub choices: Option<TextList>,
    pub answer: Option<Spanned<RawAnswer>>,
    pub items: Option<TextList>,
    pub pairs: Option<Spanned<Vec<TextList>>>,
    pub tolerance: Option<Spanned<RawNumber>>,
    pub unit: Option<Text>,
    pub accept: Option<TextList>,
    pub typos: Option<Spanned<i64>>,
    pub text: Option<Text>,
    pub blanks: Option<Spanned<Vec<Spanned<RawBlank>>>>,
    pub parts: Option<TextList>,
    pub wrong: Option<TextList>,
}

impl RawQuestion {
    /// The type-specific fields that are present, with their names and start offsets.
    pub fn specific_fields(&self) -> Vec<(&'static str, usize)> {
        let mut present = Vec::new();
        macro_rules! check {
            ($($field:ident => $name:literal),*) => {
                $(if let Some(v) = &self.$field { present.push(($name, v.span().start)); })*
            };
        }
        check!(choices => "choices", answer => "answer", items => "items", pairs => "pairs",
            tolerance => "tolerance", unit => "unit", accept => "accept", typos => "typos",
            text => "text", blanks => "blanks", parts => "parts", wrong => "wrong",
            errors => "errors");
        present
    }
}

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

/// Report keys not in `allowed`, in the words serde would use.
fn check_keys(table: &DeTable, allowed: &[&str], problems: &mut Problems) {
    for key in table.keys() {
        if !allowed.contains(&key.get_ref().as_ref()) {
            let expected: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
            problems.push((
                key.span().start,
                format!(
                    "unknown field `{}`, expected one of {}",
                    key.get_ref(),
                    expected.join(", ")
                ),
            ));
        }
    }
}

fn field<'t, 'i>(table: &'t DeTable<'i>, name: &str) -> Option<&'t Value<'i>> {
    table
        .iter()
        .find(|(key, _)| key.get_ref() == name)
        .map(|(_, value)| value)
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

fn text(table: &DeTable, name: &str, problems: &mut Problems) -> Option<Text> {
    text_of(field(table, name)?, name, problems)
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

fn text_list(table: &DeTable, name: &str, problems: &mut Problems) -> Option<TextList> {
    text_list_of(field(table, name)?, name, problems)
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

fn integer(table: &DeTable, name: &str, problems: &mut Problems) -> Option<Spanned<i64>> {
    let value = field(table, name)?;
    Some(Spanned::new(
        value.span(),
        integer_of(value, name, problems)?,
    ))
}

fn number(table: &DeTable, name: &str, problems: &mut Problems) -> Option<Spanned<RawNumber>> {
    let value = field(table, name)?;
    let number = match value.get_ref() {
        DeValue::Float(f) => RawNumber::Float(f.as_str().parse().ok()?),
        _ => RawNumber::Integer(integer_of(value, name, problems)?),
    };
    Some(Spanned::new(value.span(), number))
}

/// A calendar date written as a TOML date (`2026-12-01`, no quotes, no time).
fn date(table: &DeTable, name: &str, problems: &mut Problems) -> Option<Spanned<Date>> {
    let value = field(table, name)?;
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

fn answer(table: &DeTable, problems: &mut Problems) -> Option<Spanned<RawAnswer>> {
    let value = field(table, "answer")?;
    let answer = match value.get_ref() {
        DeValue::Boolean(b) => RawAnswer::Bool(*b),
        DeValue::Integer(_) => RawAnswer::Integer(integer_of(value, "answer", problems)?),
        DeValue::Float(f) => match f.as_str().parse() {
            Ok(x) => RawAnswer::Float(x),
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

const QUESTION_FIELDS: &[&str] = &[
    "id",
    "topic",
    "type",
    "prompt",
    "explanation",
    "facts",
    "sources",
    "difficulty",
    "tags",
    "errors",
    "reviewed",
    "choices",
    "answer",
    "items",
    "pairs",
    "tolerance",
    "unit",
    "accept",
    "typos",
    "text",
    "blanks",
    "parts",
    "wrong",
];

fn blank(
    span: std::ops::Range<usize>,
    table: &DeTable,
    problems: &mut Problems,
) -> Spanned<RawBlank> {
    check_keys(table, &["answer", "accept", "options", "typos"], problems);
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
    check_keys(table, QUESTION_FIELDS, problems);
    let pairs = field(table, "pairs").and_then(|value| {
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
    let blanks = field(table, "blanks").map(|value| {
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

fn questions(root: &DeTable, problems: &mut Problems) -> Vec<Spanned<RawQuestion>> {
    let Some(value) = field(root, "question") else {
        return Vec::new();
    };
    tables_of(value, "question", problems)
        .into_iter()
        .map(|(span, t)| Spanned::new(span, question(t, problems)))
        .collect()
}

/// Read a manifest's shape from its parsed document.
pub fn manifest(root: &DeTable, problems: &mut Problems) -> RawManifest {
    check_keys(root, &["bank", "topic", "question"], problems);
    let bank = field(root, "bank").and_then(|value| {
        let DeValue::Table(t) = value.get_ref() else {
            wrong_type(problems, "bank", value, "a table, written [bank]");
            return None;
        };
        check_keys(
            t,
            &["id", "title", "description", "version", "language", "files"],
            problems,
        );
        let meta = RawMeta {
            id: text(t, "id", problems),
            title: text(t, "title", problems),
            description: text(t, "description", problems),
            version: text(t, "version", problems),
            language: text(t, "language", problems),
            files: text_list(t, "files", problems)
                .map(Spanned::into_inner)
                .unwrap_or_default(),
        };
        Some(Spanned::new(value.span(), meta))
    });
    let topic = field(root, "topic")
        .map(|value| {
            tables_of(value, "topic", problems)
                .into_iter()
                .map(|(span, t)| {
                    check_keys(t, &["id", "title"], problems);
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
    check_keys(root, &["question"], problems);
    questions(root, problems)
}
