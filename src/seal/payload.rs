//! A question's full data as it is sealed: every field of the bank format (answers, the
//! author's order, explanation, sources, facts, errors, accept lists, tolerance…), and its way
//! back through the bank's own validator, since a decrypted blob is outside input like a file.

use serde::{Deserialize, Serialize};

use crate::bank::raw::{self, RawAnswer, RawBlank, RawExtract, RawImage, RawNumber, RawQuestion};
use crate::bank::{
    BankErrors, BankMeta, Blank, ClozePiece, Question, QuestionKind, Rules, SourceFile, Topic,
    Validator,
};
use crate::calendar::Date;
use crate::text::{is_hidden, quoted};

/// An answer, as bank files give it: its type depends on the question type. Numbers are kept
/// as Rust's shortest round-trip text, so they come back bit for bit (JSON parsers may not).
/// True and false are written 1 and 0, so a true/false question's sealed part is as long
/// whichever the answer (`true` and `false` would differ by a byte, and length shows through
/// encryption).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub(crate) enum AnswerData {
    Bool(#[serde(with = "bool_as_digit")] bool),
    Number(String),
    Text(String),
    List(Vec<String>),
}

/// `true` as 1 and `false` as 0.
mod bool_as_digit {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(value: &bool, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(u8::from(*value))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        match u8::deserialize(d)? {
            0 => Ok(false),
            1 => Ok(true),
            other => Err(D::Error::custom(format!("{other} is not 0 or 1"))),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BlankData {
    answer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    options: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    accept: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    typos: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ImageData {
    file: String,
    alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    caption: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExtractData {
    text: String,
    attribution: String,
}

/// Every field of a question, spelt as in bank files (`docs/question-format.md`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuestionData {
    id: String,
    topic: String,
    #[serde(rename = "type")]
    kind: String,
    prompt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    explanation: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    facts: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    errors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    difficulty: Option<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reviewed: Option<String>,
    points_thousandths: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    image: Option<ImageData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    extract: Option<ExtractData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    choices: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answer: Option<AnswerData>,
    /// Ordering: in the correct order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    items: Option<Vec<String>>,
    /// Matching: `[left, right]`, each left with its right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pairs: Option<Vec<[String; 2]>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tolerance: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    accept: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    typos: Option<u8>,
    /// Cloze: the text with its `{1}`, `{2}` … markers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    blanks: Option<Vec<BlankData>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parts: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    wrong: Option<Vec<String>>,
    /// Where the question came from in the teacher's bank (`file:line`).
    origin: String,
}

fn non_empty(list: &[String]) -> Option<Vec<String>> {
    (!list.is_empty()).then(|| list.to_vec())
}

/// The texts of `picks` in `list`; an index out of range is left out (and the round trip that
/// `seal` checks then fails, naming the question).
fn texts_of(list: &[String], picks: &[usize]) -> Vec<String> {
    picks.iter().filter_map(|&i| list.get(i).cloned()).collect()
}

impl QuestionData {
    /// Everything `question` holds, as a bank file would write it.
    pub(crate) fn of(q: &Question) -> QuestionData {
        let mut d = QuestionData {
            id: q.id.clone(),
            topic: q.topic.clone(),
            kind: q.kind.question_type().name().to_string(),
            prompt: q.prompt.clone(),
            explanation: q.explanation.clone(),
            facts: q.facts.clone(),
            errors: q.errors.clone(),
            sources: q.sources.iter().map(|s| s.text().to_string()).collect(),
            difficulty: q.difficulty.map(|d| d as u8),
            tags: q.tags.clone(),
            reviewed: q.reviewed.map(|d| d.to_string()),
            points_thousandths: q.points.thousandths(),
            image: q.image.as_ref().map(|i| ImageData {
                file: i.file.clone(),
                alt: i.alt.clone(),
                caption: i.caption.clone(),
            }),
            extract: q.extract.as_ref().map(|e| ExtractData {
                text: e.text.clone(),
                attribution: e.attribution.clone(),
            }),
            origin: q.origin.clone(),
            ..QuestionData::default()
        };
        match &q.kind {
            QuestionKind::SingleChoice { choices, answer } => {
                d.choices = Some(choices.clone());
                d.answer = choices.get(*answer).cloned().map(AnswerData::Text);
            }
            QuestionKind::MultipleSelect { choices, answers } => {
                d.choices = Some(choices.clone());
                d.answer = Some(AnswerData::List(texts_of(choices, answers)));
            }
            QuestionKind::TrueFalse { answer } => d.answer = Some(AnswerData::Bool(*answer)),
            QuestionKind::Ordering { items } => d.items = Some(items.clone()),
            QuestionKind::Matching { lefts, rights } => {
                d.pairs = Some(
                    lefts
                        .iter()
                        .zip(rights)
                        .map(|(l, r)| [l.clone(), r.clone()])
                        .collect(),
                );
            }
            QuestionKind::Numeric {
                answer,
                tolerance,
                unit,
            } => {
                d.answer = Some(AnswerData::Number(answer.to_string()));
                d.tolerance = Some(tolerance.to_string());
                d.unit = unit.clone();
            }
            QuestionKind::ShortText { answer } => {
                d.answer = Some(AnswerData::Text(answer.canonical.clone()));
                d.accept = non_empty(&answer.accept);
                d.typos = (answer.typos != 0).then_some(answer.typos);
            }
            QuestionKind::Cloze { pieces, blanks } => {
                let text: String = pieces
                    .iter()
                    .map(|p| match p {
                        ClozePiece::Text(t) => t.clone(),
                        ClozePiece::Blank(i) => format!("{{{}}}", i + 1),
                    })
                    .collect();
                d.text = Some(text);
                d.blanks = Some(
                    blanks
                        .iter()
                        .map(|b| match b {
                            Blank::Typed(answer) => BlankData {
                                answer: answer.canonical.clone(),
                                options: None,
                                accept: non_empty(&answer.accept),
                                typos: (answer.typos != 0).then_some(answer.typos),
                            },
                            Blank::Choice { options, answer } => BlankData {
                                answer: options.get(*answer).cloned().unwrap_or_default(),
                                options: Some(options.clone()),
                                accept: None,
                                typos: None,
                            },
                        })
                        .collect(),
                );
            }
            QuestionKind::SpotError { parts, wrong } => {
                d.parts = Some(parts.clone());
                d.wrong = Some(texts_of(parts, wrong));
            }
        }
        d
    }

    pub(crate) fn id(&self) -> &str {
        &self.id
    }

    /// The question again, checked by the bank's validator as any bank file is (with the
    /// sealed bank's metadata and topics); the problems it has otherwise.
    pub(crate) fn into_question(
        self,
        meta: &BankMeta,
        topics: &[Topic],
    ) -> Result<Question, Vec<String>> {
        let origin = self.origin.clone();
        if origin.trim().is_empty() || origin.chars().count() > 500 || origin.chars().any(is_hidden)
        {
            return Err(vec![format!(
                "its origin {} is not a file:line",
                quoted(&origin, 60)
            )]);
        }
        let file = SourceFile::new(format!("sealed question {}", quoted(&self.id, 60)), "");
        let raw = self.into_raw()?;
        let mut errors = BankErrors::default();
        let mut validator = Validator::with_meta(Rules::default(), meta.clone(), topics.to_vec());
        validator.questions(&file, vec![raw::at(0, raw)], &mut errors);
        let question = validator.reports().first().and_then(|r| r.question.clone());
        match question {
            Some(mut question) if errors.is_empty() => {
                question.origin = origin;
                Ok(question)
            }
            _ if errors.is_empty() => Err(vec!["it is not a question".to_string()]),
            _ => Err(errors.iter().map(|e| e.to_string()).collect()),
        }
    }

    /// The raw question a bank file would have given, every span at 0.
    fn into_raw(self) -> Result<RawQuestion, Vec<String>> {
        let text = |s: String| Some(raw::text_at(0, s));
        let list = |l: Vec<String>| Some(raw::texts_at(0, l));
        let number = |s: &str, field: &str| -> Result<f64, Vec<String>> {
            s.parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| vec![format!("`{field}` {} is not a number", quoted(s, 40))])
        };
        let reviewed = match &self.reviewed {
            None => None,
            Some(day) => Some(raw::at(
                0,
                Date::parse_iso(day).ok_or_else(|| {
                    vec![format!(
                        "`reviewed` {} is not a YYYY-MM-DD date",
                        quoted(day, 40)
                    )]
                })?,
            )),
        };
        let answer = match self.answer {
            None => None,
            Some(AnswerData::Bool(b)) => Some(RawAnswer::Bool(b)),
            Some(AnswerData::Number(n)) => Some(RawAnswer::Float(number(&n, "answer")?)),
            Some(AnswerData::Text(t)) => Some(RawAnswer::Text(t)),
            Some(AnswerData::List(l)) => Some(RawAnswer::List(l)),
        };
        let tolerance = match &self.tolerance {
            None => None,
            Some(t) => Some(RawNumber::Float(number(t, "tolerance")?)),
        };
        let points = if self.points_thousandths.is_multiple_of(1000) {
            RawNumber::Integer(i64::from(self.points_thousandths / 1000))
        } else {
            RawNumber::Float(f64::from(self.points_thousandths) / 1000.0)
        };
        Ok(RawQuestion {
            id: text(self.id),
            topic: text(self.topic),
            kind: text(self.kind),
            prompt: text(self.prompt),
            explanation: self.explanation.and_then(text),
            facts: non_empty(&self.facts).and_then(list),
            sources: non_empty(&self.sources).and_then(list),
            difficulty: self.difficulty.map(|d| raw::at(0, i64::from(d))),
            tags: non_empty(&self.tags).and_then(list),
            errors: non_empty(&self.errors).and_then(list),
            reviewed,
            points: Some(raw::at(0, points)),
            image: self.image.map(|i| {
                raw::at(
                    0,
                    RawImage {
                        file: text(i.file),
                        alt: text(i.alt),
                        caption: i.caption.and_then(text),
                    },
                )
            }),
            extract: self.extract.map(|e| {
                raw::at(
                    0,
                    RawExtract {
                        text: text(e.text),
                        attribution: text(e.attribution),
                    },
                )
            }),
            choices: self.choices.and_then(list),
            answer: answer.map(|a| raw::at(0, a)),
            items: self.items.and_then(list),
            pairs: self
                .pairs
                .map(|pairs| raw::at(0, pairs.into_iter().map(|p| raw::texts_at(0, p)).collect())),
            tolerance: tolerance.map(|t| raw::at(0, t)),
            unit: self.unit.and_then(text),
            accept: self.accept.and_then(list),
            typos: self.typos.map(|t| raw::at(0, i64::from(t))),
            text: self.text.and_then(text),
            blanks: self.blanks.map(|blanks| {
                raw::at(
                    0,
                    blanks
                        .into_iter()
                        .map(|b| {
                            raw::at(
                                0,
                                RawBlank {
                                    answer: text(b.answer),
                                    accept: b.accept.and_then(list),
                                    options: b.options.and_then(list),
                                    typos: b.typos.map(|t| raw::at(0, i64::from(t))),
                                },
                            )
                        })
                        .collect(),
                )
            }),
            parts: self.parts.and_then(list),
            wrong: self.wrong.and_then(list),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{TextAnswer, Weight};

    fn meta() -> BankMeta {
        BankMeta {
            id: "b".into(),
            title: "B".into(),
            description: "D".into(),
            version: "1".into(),
            language: "en".into(),
            fact_sheet: None,
        }
    }

    fn topics() -> Vec<Topic> {
        vec![Topic {
            id: "t".into(),
            title: "T".into(),
        }]
    }

    fn question(kind: QuestionKind) -> Question {
        Question {
            id: "q".into(),
            topic: "t".into(),
            prompt: "Which?".into(),
            explanation: None,
            facts: vec![],
            errors: vec![],
            sources: vec![],
            difficulty: None,
            tags: vec![],
            points: Weight::from_thousandths(1500).unwrap(),
            image: None,
            extract: None,
            reviewed: Date::new(2024, 2, 29),
            kind,
            origin: "q/one.toml:7".into(),
        }
    }

    fn round_trip(q: &Question) -> Question {
        let json = serde_json::to_vec(&QuestionData::of(q)).unwrap();
        let data: QuestionData = serde_json::from_slice(&json).unwrap();
        data.into_question(&meta(), &topics()).unwrap()
    }

    #[test]
    fn numbers_come_back_bit_for_bit() {
        // 0.1 + 0.2 is 0.30000000000000004, the float a JSON parser without exact rounding is
        // most likely to get one unit off; 1e15 is the largest answer the bank allows.
        for answer in [0.1 + 0.2, 1e-7, -123_456.789, 1e15, -0.0] {
            let q = question(QuestionKind::Numeric {
                answer,
                tolerance: 0.000_001_5,
                unit: Some("km".into()),
            });
            let back = round_trip(&q);
            let QuestionKind::Numeric { answer: got, .. } = back.kind else {
                panic!("not numeric");
            };
            assert_eq!(got.to_bits(), answer.to_bits(), "{answer}");
            assert_eq!(back, q);
        }
    }

    #[test]
    fn true_and_false_seal_to_the_same_length() {
        let of = |answer| {
            serde_json::to_vec(&QuestionData::of(&question(QuestionKind::TrueFalse {
                answer,
            })))
            .unwrap()
        };
        assert_eq!(of(true).len(), of(false).len());
        assert_eq!(
            round_trip(&question(QuestionKind::TrueFalse { answer: true })).kind,
            QuestionKind::TrueFalse { answer: true }
        );
    }

    #[test]
    fn a_typed_answer_keeps_its_accept_list_typos_and_points() {
        let q = question(QuestionKind::ShortText {
            answer: TextAnswer {
                canonical: "Primakov".into(),
                accept: vec!["Yevgeny Primakov".into()],
                typos: 2,
            },
        });
        assert_eq!(round_trip(&q), q);
    }

    #[test]
    fn a_decrypted_question_is_validated_like_a_bank_file() {
        let mut data = QuestionData::of(&question(QuestionKind::TrueFalse { answer: true }));
        data.choices = Some(vec!["a".into(), "b".into()]);
        let problems = data.into_question(&meta(), &topics()).unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.contains("`choices` does not belong to a true_false question")),
            "{problems:?}"
        );
        let mut data = QuestionData::of(&question(QuestionKind::TrueFalse { answer: true }));
        data.topic = "elsewhere".into();
        let problems = data.into_question(&meta(), &topics()).unwrap_err();
        assert!(
            problems.iter().any(|p| p.contains("unknown topic")),
            "{problems:?}"
        );
    }
}
