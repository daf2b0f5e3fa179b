//! The bank files as TOML gives them, before validation: every field optional and spanned,
//! so the validator can say exactly where a problem is.

use serde::Deserialize;
use toml::Spanned;

pub type Text = Spanned<String>;
pub type TextList = Spanned<Vec<Text>>;

/// `index.toml`: metadata, topics, the list of question files, and optionally questions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawManifest {
    pub bank: Option<Spanned<RawMeta>>,
    #[serde(default)]
    pub topic: Vec<Spanned<RawTopic>>,
    #[serde(default)]
    pub question: Vec<Spanned<RawQuestion>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub id: Option<Text>,
    pub title: Option<Text>,
    pub description: Option<Text>,
    pub version: Option<Text>,
    pub language: Option<Text>,
    #[serde(default)]
    pub files: Vec<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTopic {
    pub id: Option<Text>,
    pub title: Option<Text>,
}

/// A question file: only questions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestionFile {
    #[serde(default)]
    pub question: Vec<Spanned<RawQuestion>>,
}

/// An `answer` value: its TOML type depends on the question type.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawAnswer {
    Bool(bool),
    Integer(i64),
    Float(f64),
    Text(String),
    List(Vec<String>),
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(untagged)]
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBlank {
    pub answer: Option<Text>,
    pub accept: Option<TextList>,
    pub options: Option<TextList>,
    pub typos: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Option<Text>,
    pub topic: Option<Text>,
    #[serde(rename = "type")]
    pub kind: Option<Text>,
    pub prompt: Option<Text>,
    pub explanation: Option<Text>,
    pub facts: Option<TextList>,
    pub sources: Option<TextList>,
    pub difficulty: Option<Spanned<i64>>,
    pub tags: Option<TextList>,
    pub errors: Option<TextList>,
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
