//! Opening a sealed bank with its key: the key check first (a wrong passphrase says so), then
//! the header and each question, decrypted, validated again as untrusted, and held against
//! its public part; and grading responses given on the neutral shapes.

use super::cipher::{self, KEY_CHECK, Part};
use super::error::SealError;
use super::kdf::Key;
use super::neutral::{Remap, neutral_shape};
use super::payload::QuestionData;
use super::sealed::{SealedBank, SealedQuestion, header_plaintext};
use crate::bank::{Bank, BankMeta, Question, QuestionKind, Shape, Topic};
use crate::quiz::{Credit, Response, score};

/// A sealed bank opened: every question as the bank had it, with the neutral shape students
/// answered on.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    meta: BankMeta,
    topics: Vec<Topic>,
    questions: Vec<OpenedQuestion>,
}

/// One question opened: the original, and the neutral shape its responses index into.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedQuestion {
    question: Question,
    shape: Shape,
    remap: Remap,
    /// The key with single and multiple choices in the neutral order (see `grading`).
    listed: QuestionKind,
}

impl Opened {
    pub fn meta(&self) -> &BankMeta {
        &self.meta
    }

    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// In the sealed bank's order.
    pub fn questions(&self) -> &[OpenedQuestion] {
        &self.questions
    }

    pub fn question(&self, id: &str) -> Option<&OpenedQuestion> {
        self.questions.iter().find(|q| q.question.id == id)
    }

    /// The opened questions as a bank (for the class results and item analysis).
    pub fn to_bank(&self) -> Bank {
        Bank::new(
            self.meta.clone(),
            self.topics.clone(),
            self.questions.iter().map(|q| q.question.clone()).collect(),
        )
    }
}

impl OpenedQuestion {
    /// The question as the teacher's bank had it: answers, order, explanation and all.
    pub fn question(&self) -> &Question {
        &self.question
    }

    /// The neutral shape that students saw and answered on.
    pub fn shape(&self) -> &Shape {
        &self.shape
    }

    /// The question's key with its choices in the order students saw them: what a response's
    /// choice indices mean (for the item analysis).
    pub fn listed_kind(&self) -> &QuestionKind {
        &self.listed
    }

    /// A response given on the neutral shape, as the same answer on the question's own lists
    /// (for review screens and scoring); `None` if it does not fit the neutral shape.
    pub fn to_original(&self, response: &Response) -> Option<Response> {
        self.remap.to_original(&self.shape, response)
    }
}

/// The credit of a response given on the neutral shape: mapped back to the question's own
/// lists by text and scored as an unsealed question is. One that does not fit earns nothing.
pub fn grade(opened: &OpenedQuestion, response_to_neutral_shape: &Response) -> Credit {
    match opened.to_original(response_to_neutral_shape) {
        Some(response) => score(&opened.question.kind, &response),
        None => Credit::ZERO,
    }
}

/// Whether a decrypted question says what its public part says.
fn agrees(question: &Question, public: &SealedQuestion) -> bool {
    question.id == public.id
        && question.topic == public.topic
        && question.prompt == public.prompt
        && question.points == public.points
        && question.image == public.image
        && question.extract == public.extract
        && neutral_shape(&question.kind) == public.shape
}

/// Open `sealed` with `key` (derived from the passphrase, or read from a release code).
pub fn open(sealed: &SealedBank, key: &Key) -> Result<Opened, SealError> {
    let bank_id = sealed.meta.id.as_str();
    match cipher::decrypt(key, &sealed.key_check, bank_id, Part::KeyCheck) {
        Some(check) if check == KEY_CHECK => {}
        _ => return Err(SealError::WrongPassphrase),
    }
    let ids: Vec<&str> = sealed.questions.iter().map(|q| q.id.as_str()).collect();
    let header = cipher::decrypt(key, &sealed.header, bank_id, Part::Header);
    if header != Some(header_plaintext(&sealed.meta, &sealed.topics, &ids)) {
        return Err(SealError::TamperedHeader);
    }
    let mut questions = Vec::with_capacity(sealed.questions.len());
    for public in &sealed.questions {
        let tampered = || SealError::TamperedQuestion {
            id: public.id.clone(),
        };
        let plaintext = cipher::decrypt(key, &public.sealed, bank_id, Part::Question(&public.id))
            .ok_or_else(tampered)?;
        let data: QuestionData =
            serde_json::from_slice(&plaintext).map_err(|e| SealError::InvalidQuestion {
                id: public.id.clone(),
                problems: vec![crate::text::escape_controls(&e.to_string())],
            })?;
        if data.id() != public.id {
            return Err(tampered());
        }
        let question = data
            .into_question(&sealed.meta, &sealed.topics)
            .map_err(|problems| SealError::InvalidQuestion {
                id: public.id.clone(),
                problems,
            })?;
        if !agrees(&question, public) {
            return Err(tampered());
        }
        let remap = Remap::between(&question.kind.shape(), &public.shape).ok_or_else(tampered)?;
        let listed = super::grading::listed_kind(&question.kind, &remap);
        questions.push(OpenedQuestion {
            question,
            shape: public.shape.clone(),
            remap,
            listed,
        });
    }
    Ok(Opened {
        meta: sealed.meta.clone(),
        topics: sealed.topics.clone(),
        questions,
    })
}
