//! The manifest's own rules: the bank's metadata and topics, and the checks across files
//! that only make sense once every question is in (every topic used, some question at all).

use super::Validator;
use super::hygiene::Limit;
use super::reporter::{QUOTE, Reporter};
use super::valid_id;
use crate::bank::error::{BankErrors, Location};
use crate::bank::model::{BankMeta, Topic};
use crate::bank::parse::SourceFile;
use crate::bank::raw::RawManifest;
use crate::text::quoted;

pub(super) fn check(validator: &mut Validator, here: &mut Reporter, raw: &mut RawManifest) {
    match &mut raw.bank {
        None => here.err(
            0,
            "missing the [bank] table (id, title, description, version, language, files)",
        ),
        Some(bank) => {
            let start = bank.span().start;
            let b = bank.get_mut();
            let id = here.required_text(&mut b.id, "bank.id", start, Limit::Short);
            if let Some(id) = &id
                && !valid_id(id)
            {
                let at = b.id.as_ref().map_or(start, |v| v.span().start);
                here.err(
                    at,
                    format!(
                        "bank id {} may use only lowercase letters, digits and '-'",
                        quoted(id, QUOTE)
                    ),
                );
            }
            let title = here.required_text(&mut b.title, "bank.title", start, Limit::Line);
            let description =
                here.required_text(&mut b.description, "bank.description", start, Limit::Long);
            let version = here.required_text(&mut b.version, "bank.version", start, Limit::Short);
            let language =
                here.required_text(&mut b.language, "bank.language", start, Limit::Short);
            let fact_sheet = here.optional_text(&mut b.fact_sheet, "bank.fact_sheet", Limit::Line);
            validator.strict = matches!(fact_sheet, Some(Some(_)));
            if let (
                Some(id),
                Some(title),
                Some(description),
                Some(version),
                Some(language),
                Some(fact_sheet),
            ) = (id, title, description, version, language, fact_sheet)
            {
                validator.meta = Some(BankMeta {
                    id,
                    title,
                    description,
                    version,
                    language,
                    fact_sheet,
                });
            }
        }
    }
    for topic in &mut raw.topic {
        let start = topic.span().start;
        let t = topic.get_mut();
        let (Some(id), Some(title)) = (
            here.required_text(&mut t.id, "topic.id", start, Limit::Short),
            here.required_text(&mut t.title, "topic.title", start, Limit::Line),
        ) else {
            continue;
        };
        let at = t.id.as_ref().map_or(start, |v| v.span().start);
        if !valid_id(&id) {
            here.err(
                at,
                format!(
                    "topic id {} may use only lowercase letters, digits and '-'",
                    quoted(&id, QUOTE)
                ),
            );
        } else if validator.topic_known(&id) {
            here.err(
                at,
                format!("topic id {} is declared twice", quoted(&id, QUOTE)),
            );
        } else {
            validator.topics.push(Topic { id, title });
        }
    }
    if raw.topic.is_empty() {
        here.err(
            0,
            "the bank declares no topics: add at least one [[topic]] with an id and a title",
        );
    }
}

/// Checks across files: every topic has a question, and the bank has some question.
pub(super) fn finish(validator: &Validator, manifest: &SourceFile, errors: &mut BankErrors) {
    // An empty topic is only worth reporting when no other error dropped its questions.
    if errors.is_empty() {
        for topic in &validator.topics {
            if !validator.questions.iter().any(|q| q.topic == topic.id) {
                let offset = manifest
                    .text
                    .find(&format!("\"{}\"", topic.id))
                    .unwrap_or(0);
                errors.push(
                    Location::at(&manifest.name, &manifest.text, offset),
                    format!("topic {} has no questions", quoted(&topic.id, QUOTE)),
                );
            }
        }
    }
    if validator.questions.is_empty() && errors.is_empty() {
        errors.push(
            Location::file_start(&manifest.name),
            "the bank has no questions",
        );
    }
}
