//! Where a check is (a file and, inside it, a question) and the one way problems are written
//! down, plus the field readers every rule uses: required text, lists, picks from a list.

use std::ops::RangeInclusive;

use super::hygiene::{Limit, entry_problem, look_alike, text_problem};
use crate::bank::error::{BankErrors, LineIndex, Location};
use crate::bank::parse::SourceFile;
use crate::bank::raw::{Text, TextList};
use crate::text::quoted;

/// How long a piece of bank text may be inside a message.
pub const QUOTE: usize = 60;

/// The list a pick refers to, for messages ("is not one of the choices").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListName {
    Choices,
    Parts,
    Options,
}

impl ListName {
    fn plural(self) -> &'static str {
        match self {
            ListName::Choices => "choices",
            ListName::Parts => "parts",
            ListName::Options => "options",
        }
    }
}

/// `text` trimmed (to `trimmed` bytes), moved out, leaving it empty, when there is nothing to
/// trim.
fn take_trimmed(text: &mut String, trimmed: usize) -> String {
    if trimmed == text.len() {
        std::mem::take(text)
    } else {
        text.trim().to_string()
    }
}

/// Writes problems down with their place: a file, and the question being checked, if any.
pub struct Reporter<'a> {
    file: &'a SourceFile,
    lines: &'a LineIndex,
    /// Added to every offset: where in the file the text being read starts.
    base: usize,
    /// The id of the question being checked: every message about it names it.
    question: Option<String>,
    errors: &'a mut BankErrors,
    /// How many problems this reporter wrote (for "this question had problems").
    written: usize,
}

impl<'a> Reporter<'a> {
    pub fn new(
        file: &'a SourceFile,
        lines: &'a LineIndex,
        base: usize,
        errors: &'a mut BankErrors,
    ) -> Self {
        Reporter {
            file,
            lines,
            base,
            question: None,
            errors,
            written: 0,
        }
    }

    pub fn set_question(&mut self, id: &str) {
        self.question = Some(id.to_string());
    }

    pub fn question_id(&self) -> Option<&str> {
        self.question.as_deref()
    }

    pub fn written(&self) -> usize {
        self.written
    }

    pub fn at(&self, offset: usize) -> Location {
        Location::indexed(
            &self.file.name,
            &self.file.text,
            self.lines,
            self.base.saturating_add(offset),
        )
    }

    pub fn err(&mut self, offset: usize, message: impl AsRef<str>) {
        let location = self.at(offset);
        let message = match &self.question {
            Some(id) => format!("question {}: {}", quoted(id, QUOTE), message.as_ref()),
            None => message.as_ref().to_string(),
        };
        self.written += 1;
        self.errors.push(location, message);
    }

    /// A text field that must be there and not blank. The text is moved out of the raw
    /// field (its span stays), so a large bank's texts are not copied twice.
    pub fn required_text(
        &mut self,
        field: &mut Option<Text>,
        name: &str,
        table_start: usize,
        limit: Limit,
    ) -> Option<String> {
        match field {
            None => {
                self.err(table_start, format!("missing `{name}`"));
                None
            }
            Some(v) => self.text_value(v, name, limit),
        }
    }

    /// A text field that may be left out; present but blank is a mistake.
    /// `Some(None)` is "not given"; `None` is "given, and wrong".
    pub fn optional_text(
        &mut self,
        field: &mut Option<Text>,
        name: &str,
        limit: Limit,
    ) -> Option<Option<String>> {
        match field {
            None => Some(None),
            Some(v) => self.text_value(v, name, limit).map(Some),
        }
    }

    fn text_value(&mut self, value: &mut Text, name: &str, limit: Limit) -> Option<String> {
        let at = value.span().start;
        let text = value.get_ref().trim();
        if text.is_empty() {
            self.err(at, format!("`{name}` is empty"));
            return None;
        }
        if let Some(problem) = text_problem(text, limit) {
            self.err(at, format!("`{name}` {problem}"));
            return None;
        }
        let trimmed = text.len();
        Some(take_trimmed(value.get_mut(), trimmed))
    }

    /// A required list of distinct, non-blank entries with a length in `range`.
    pub fn list(
        &mut self,
        field: &mut Option<TextList>,
        name: &str,
        table_start: usize,
        range: RangeInclusive<usize>,
    ) -> Option<Vec<String>> {
        let Some(list) = field else {
            self.err(table_start, format!("missing `{name}`"));
            return None;
        };
        self.list_items(list, name, range)
    }

    /// The entries of a list: distinct (also when folded for look-alike letters), non-blank,
    /// each a single line that a learner can read and tell apart. The texts are moved out of
    /// the raw list (the spans stay).
    pub fn list_items(
        &mut self,
        list: &mut TextList,
        name: &str,
        range: RangeInclusive<usize>,
    ) -> Option<Vec<String>> {
        let mut ok = true;
        let n = list.get_ref().len();
        if !range.contains(&n) {
            let (lo, hi) = (range.start(), range.end());
            self.err(
                list.span().start,
                format!("`{name}` has {n} entries; it needs {lo} to {hi}"),
            );
            ok = false;
        }
        let mut out: Vec<String> = Vec::with_capacity(n);
        for item in list.get_mut() {
            let text = item.get_ref().trim();
            let at = item.span().start;
            if text.is_empty() {
                self.err(at, format!("`{name}` has an empty entry"));
                ok = false;
            } else if let Some(problem) =
                text_problem(text, Limit::Line).or_else(|| entry_problem(text))
            {
                self.err(
                    at,
                    format!("`{name}` entry {} {problem}", quoted(text, QUOTE)),
                );
                ok = false;
            } else if out.iter().any(|earlier| earlier == text) {
                self.err(
                    at,
                    format!(
                        "`{name}` has {} twice; entries must be distinct",
                        quoted(text, QUOTE)
                    ),
                );
                ok = false;
            } else if let Some(twin) = out.iter().find(|earlier| look_alike(earlier, text)) {
                self.err(
                    at,
                    format!(
                        "`{name}` entries {} and {} look the same to a reader; make them differ visibly",
                        quoted(twin, QUOTE),
                        quoted(text, QUOTE)
                    ),
                );
                ok = false;
            }
            let trimmed = text.len();
            out.push(take_trimmed(item.get_mut(), trimmed));
        }
        ok.then_some(out)
    }

    /// The index of `value` in `list`, or a problem naming the list.
    pub fn index_in(
        &mut self,
        value: &str,
        offset: usize,
        list: &[String],
        what: &str,
        list_name: ListName,
    ) -> Option<usize> {
        let position = list.iter().position(|c| c == value.trim());
        if position.is_none() {
            self.err(
                offset,
                format!(
                    "{what} {} is not one of the {}",
                    quoted(value, QUOTE),
                    list_name.plural()
                ),
            );
        }
        position
    }

    /// Distinct, non-empty picks from `list` (the answers among the choices, the wrong parts
    /// among the parts), as sorted indices.
    pub fn picks(
        &mut self,
        texts: &[String],
        at: usize,
        list: &[String],
        field: &str,
        list_name: ListName,
    ) -> Option<Vec<usize>> {
        if texts.is_empty() {
            self.err(at, format!("`{field}` is empty; name at least one"));
            return None;
        }
        let what = match list_name {
            ListName::Parts => "wrong part",
            _ => "answer",
        };
        let mut out = std::collections::BTreeSet::new();
        let mut ok = true;
        for text in texts {
            match self.index_in(text, at, list, what, list_name) {
                Some(i) if !out.insert(i) => {
                    self.err(at, format!("{what} {} is given twice", quoted(text, QUOTE)));
                    ok = false;
                }
                Some(_) => {}
                None => ok = false,
            }
        }
        ok.then(|| out.into_iter().collect())
    }
}
