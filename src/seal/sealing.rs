//! Sealing: a bank's chosen questions into a `SealedBank`, each question's full data encrypted
//! and only its neutral shape left in the clear. Salt, nonces and key come from the caller.

use std::collections::HashSet;

use super::check;
use super::cipher::{self, KEY_CHECK, NONCE_LEN, Part, TAG_LEN};
use super::error::SealError;
use super::kdf::{Iterations, Key, Salt};
use super::neutral::neutral_shape;
use super::payload::QuestionData;
use super::sealed::{MAX_BLOB_BYTES, SealedBank, SealedQuestion, header_plaintext};
use crate::bank::{Bank, Topic};

/// The sealed parts' length is a multiple of this.
const PAD_TO: usize = 256;

/// Seal the questions `question_ids` of `bank` (in that order) under `key`, which the caller
/// derived with `salt` and `iterations` (they are written into the file so the passphrase
/// gives the key again). `nonces` gives fresh random bytes on each call; a repeat is refused,
/// since AES-GCM must never use a nonce twice under one key.
///
/// Each question is checked to come back exactly as it is through the validator that opening
/// uses, so a sealed bank always opens to the questions that were sealed. Every question's
/// sealed part has the same length, so lengths tell no answer (a true from a false).
pub fn seal(
    bank: &Bank,
    question_ids: &[String],
    key: &Key,
    salt: Salt,
    iterations: Iterations,
    mut nonces: impl FnMut() -> [u8; NONCE_LEN],
) -> Result<SealedBank, SealError> {
    if question_ids.is_empty() {
        return Err(SealError::NoQuestions);
    }
    let mut seen = HashSet::new();
    let mut questions = Vec::with_capacity(question_ids.len());
    for id in question_ids {
        let question = bank
            .question(id)
            .ok_or_else(|| SealError::UnknownQuestion { id: id.clone() })?;
        if !seen.insert(id.as_str()) {
            return Err(SealError::DuplicateQuestion { id: id.clone() });
        }
        questions.push(question);
    }
    // Only the topics the sealed questions use, in the bank's order.
    let topics: Vec<Topic> = bank
        .topics
        .iter()
        .filter(|t| questions.iter().any(|q| q.topic == t.id))
        .cloned()
        .collect();

    let mut used = HashSet::new();
    let mut fresh = || {
        let nonce = nonces();
        if used.insert(nonce) {
            Ok(nonce)
        } else {
            Err(SealError::RepeatedNonce)
        }
    };
    let bank_id = bank.meta.id.as_str();
    let key_check = cipher::encrypt(key, fresh()?, bank_id, Part::KeyCheck, KEY_CHECK);
    let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    let header = cipher::encrypt(
        key,
        fresh()?,
        bank_id,
        Part::Header,
        &header_plaintext(&bank.meta, &topics, &ids),
    );

    let mut plaintexts = Vec::with_capacity(questions.len());
    for &question in &questions {
        let data = QuestionData::of(question);
        match data.clone().into_question(&bank.meta, &topics) {
            Ok(back) if back == *question => {}
            Ok(_) => {
                return Err(SealError::Unsealable {
                    id: question.id.clone(),
                    problems: vec!["it would not come back the same from its sealed form".into()],
                });
            }
            Err(problems) => {
                return Err(SealError::Unsealable {
                    id: question.id.clone(),
                    problems,
                });
            }
        }
        plaintexts.push(
            serde_json::to_vec(&data).unwrap_or_else(|_| unreachable!("plain data serializes")),
        );
    }

    // Every sealed part as long as the longest, padded with JSON's insignificant white space:
    // length shows through encryption, and it must not tell one answer from another.
    let longest = plaintexts.iter().map(Vec::len).max().unwrap_or(0);
    let padded_len = longest.div_ceil(PAD_TO).max(1) * PAD_TO;
    if padded_len + TAG_LEN > MAX_BLOB_BYTES {
        let (question, _) = questions
            .iter()
            .zip(&plaintexts)
            .max_by_key(|(_, p)| p.len())
            .unwrap_or_else(|| unreachable!("there are questions"));
        return Err(SealError::Unsealable {
            id: question.id.clone(),
            problems: vec![format!(
                "it holds {longest} bytes; a sealed question holds at most {}",
                MAX_BLOB_BYTES - PAD_TO - TAG_LEN
            )],
        });
    }
    let mut sealed_questions = Vec::with_capacity(questions.len());
    for (question, mut plaintext) in questions.into_iter().zip(plaintexts) {
        plaintext.resize(padded_len, b' ');
        sealed_questions.push(SealedQuestion {
            id: question.id.clone(),
            topic: question.topic.clone(),
            prompt: question.prompt.clone(),
            points: question.points,
            image: question.image.clone(),
            extract: question.extract.clone(),
            shape: neutral_shape(&question.kind),
            sealed: cipher::encrypt(
                key,
                fresh()?,
                bank_id,
                Part::Question(&question.id),
                &plaintext,
            ),
        });
    }

    let sealed = SealedBank {
        meta: bank.meta.clone(),
        topics,
        salt,
        iterations,
        key_check,
        header,
        questions: sealed_questions,
    };
    let problems = check::problems(&sealed);
    if problems.is_empty() {
        Ok(sealed)
    } else {
        Err(SealError::InvalidBank(problems))
    }
}
