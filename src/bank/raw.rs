//! A bank's questions as a file gives them, before validation: every field optional and
//! spanned (byte offsets into the file's text), so the validator can say exactly where a
//! problem is, whatever the file's format.
//!
//! The TOML reader (`toml_reader.rs`) fills these; so do the importers of other formats
//! (`interchange`), which is how every format goes through the one validator.

use toml::Spanned;

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
    pub fact_sheet: Option<Text>,
    pub files: Vec<Text>,
}

#[derive(Debug, Default)]
pub struct RawTopic {
    pub id: Option<Text>,
    pub title: Option<Text>,
}

/// An `answer` value: its type depends on the question type.
#[derive(Debug, Clone, PartialEq)]
pub enum RawAnswer {
    Bool(bool),
    Integer(i64),
    Float(f64),
    Text(String),
    List(Vec<String>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
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

#[derive(Debug, Default, Clone)]
pub struct RawBlank {
    pub answer: Option<Text>,
    pub accept: Option<TextList>,
    pub options: Option<TextList>,
    pub typos: Option<Spanned<i64>>,
}

#[derive(Debug, Default, Clone)]
pub struct RawImage {
    pub file: Option<Text>,
    pub alt: Option<Text>,
    pub caption: Option<Text>,
}

#[derive(Debug, Default, Clone)]
pub struct RawExtract {
    pub text: Option<Text>,
    pub attribution: Option<Text>,
}

#[derive(Debug, Default, Clone)]
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
    /// The points a fully right answer earns (default 1).
    pub points: Option<Spanned<RawNumber>>,
    pub image: Option<Spanned<RawImage>>,
    pub extract: Option<Spanned<RawExtract>>,
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

/// Every field a question may have, as bank files spell them.
pub const QUESTION_FIELDS: &[&str] = &[
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
    "points",
    "image",
    "extract",
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

/// A spanned value at `at` (an importer's shorthand: the span is where the value starts).
pub fn at<T>(at: usize, value: T) -> Spanned<T> {
    Spanned::new(at..at, value)
}

/// A spanned text at `at`.
pub fn text_at(offset: usize, value: impl Into<String>) -> Text {
    at(offset, value.into())
}

/// A spanned list of texts, each at `offset`.
pub fn texts_at<S: Into<String>>(offset: usize, values: impl IntoIterator<Item = S>) -> TextList {
    at(
        offset,
        values.into_iter().map(|v| text_at(offset, v)).collect(),
    )
}
