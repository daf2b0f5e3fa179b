//! Turning raw TOML tables into a validated `Bank`, collecting every problem with its place.
//!
//! This is the one validation path: the app and the `bank` checker both come through here.

use std::collections::{BTreeSet, HashMap};

use toml::Spanned;

use super::error::{BankErrors, LineIndex, Location};
use super::facts::FactSheet;
use super::model::{
    Bank, BankMeta, Blank, ClozePiece, Difficulty, Question, QuestionKind, TextAnswer, Topic,
};
use super::parse::SourceFile;
use super::raw::{RawAnswer, RawBlank, RawManifest, RawQuestion, Text, TextList};

const MAX_TEXT_TYPOS: i64 = 2;

/// Accumulates a bank across files; problems go into the caller's `BankErrors`.
pub(super) struct Validator<'f> {
    facts: Option<&'f FactSheet>,
    /// Review dates after this day are refused (the checker passes today; the app does not).
    pub(super) today: Option<crate::calendar::Date>,
    meta: Option<BankMeta>,
    topics: Vec<Topic>,
    questions: Vec<Question>,
    ids: HashMap<String, Location>,
}

/// Where we are: a file and (optionally) a question, for locating and prefixing messages.
struct Here<'a> {
    file: &'a SourceFile,
    lines: &'a LineIndex,
    question: Option<String>,
    errors: &'a mut BankErrors,
}

impl Here<'_> {
    fn at(&self, offset: usize) -> Location {
        Location::indexed(&self.file.name, &self.file.text, self.lines, offset)
    }

    fn err(&mut self, offset: usize, message: impl AsRef<str>) {
        let location = self.at(offset);
        let message = match &self.question {
            Some(id) => format!("question \"{id}\": {}", message.as_ref()),
            None => message.as_ref().to_string(),
        };
        self.errors.push(location, message);
    }

    /// A required, non-blank text field.
    fn text(&mut self, field: &Option<Text>, name: &str, table_start: usize) -> Option<String> {
        match field {
            None => {
                self.err(table_start, format!("missing `{name}`"));
                None
            }
            Some(v) if v.get_ref().trim().is_empty() => {
                self.err(v.span().start, format!("`{name}` is empty"));
                None
            }
            Some(v) => Some(v.get_ref().trim().to_string()),
        }
    }

    /// A list of distinct, non-blank texts with a length in `range`.
    fn list(
        &mut self,
        field: &Option<TextList>,
        name: &str,
        table_start: usize,
        range: std::ops::RangeInclusive<usize>,
    ) -> Option<Vec<String>> {
        let Some(list) = field else {
            self.err(table_start, format!("missing `{name}`"));
            return None;
        };
        self.list_items(list, name, range)
    }

    fn list_items(
        &mut self,
        list: &TextList,
        name: &str,
        range: std::ops::RangeInclusive<usize>,
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
        for item in list.get_ref() {
            let text = item.get_ref().trim();
            if text.is_empty() {
                self.err(item.span().start, format!("`{name}` has an empty entry"));
                ok = false;
            } else if out.iter().any(|earlier| earlier == text) {
                self.err(
                    item.span().start,
                    format!("`{name}` has \"{text}\" twice; entries must be distinct"),
                );
                ok = false;
            }
            out.push(text.to_string());
        }
        ok.then_some(out)
    }

    fn index_in(
        &mut self,
        value: &str,
        offset: usize,
        list: &[String],
        what: &str,
    ) -> Option<usize> {
        let position = list.iter().position(|c| c == value.trim());
        if position.is_none() {
            self.err(
                offset,
                format!("{what} \"{value}\" is not one of the {}", list_name(what)),
            );
        }
        position
    }
}

fn list_name(what: &str) -> &'static str {
    match what {
        "wrong part" => "parts",
        "option answer" => "options",
        _ => "choices",
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
}

/// The fields that belong to each question type, beyond the common ones.
fn fields_of(type_name: &str) -> &'static [&'static str] {
    match type_name {
        "single" | "multiple" => &["choices", "answer"],
        "true_false" => &["answer"],
        "ordering" => &["items"],
        "matching" => &["pairs"],
        "numeric" => &["answer", "tolerance", "unit"],
        "short_text" => &["answer", "accept", "typos"],
        "cloze" => &["text", "blanks"],
        "spot_error" => &["parts", "wrong", "errors"],
        _ => &[],
    }
}

impl<'f> Validator<'f> {
    pub(super) fn new(facts: Option<&'f FactSheet>) -> Self {
        Validator {
            facts,
            today: None,
            meta: None,
            topics: Vec::new(),
            questions: Vec::new(),
            ids: HashMap::new(),
        }
    }

    pub(super) fn manifest(
        &mut self,
        file: &SourceFile,
        raw: RawManifest,
        errors: &mut BankErrors,
    ) {
        let lines = LineIndex::new(&file.text);
        let mut here = Here {
            file,
            lines: &lines,
            question: None,
            errors,
        };
        match &raw.bank {
            None => here.err(
                0,
                "missing the [bank] table (id, title, description, version, language, files)",
            ),
            Some(bank) => {
                let start = bank.span().start;
                let b = bank.get_ref();
                let id = here.text(&b.id, "bank.id", start);
                if let Some(id) = &id
                    && !valid_id(id)
                {
                    let at = b.id.as_ref().map_or(start, |v| v.span().start);
                    here.err(
                        at,
                        format!("bank id \"{id}\" may use only lowercase letters, digits and '-'"),
                    );
                }
                let title = here.text(&b.title, "bank.title", start);
                let description = here.text(&b.description, "bank.description", start);
                let version = here.text(&b.version, "bank.version", start);
                let language = here.text(&b.language, "bank.language", start);
                if let (Some(id), Some(title), Some(description), Some(version), Some(language)) =
                    (id, title, description, version, language)
                {
                    self.meta = Some(BankMeta {
                        id,
                        title,
                        description,
                        version,
                        language,
                    });
                }
            }
        }
        for topic in &raw.topic {
            let start = topic.span().start;
            let t = topic.get_ref();
            let (Some(id), Some(title)) = (
                here.text(&t.id, "topic.id", start),
                here.text(&t.title, "topic.title", start),
            ) else {
                continue;
            };
            let at = t.id.as_ref().map_or(start, |v| v.span().start);
            if !valid_id(&id) {
                here.err(
                    at,
                    format!("topic id \"{id}\" may use only lowercase letters, digits and '-'"),
                );
            } else if self.topics.iter().any(|known| known.id == id) {
                here.err(at, format!("topic id \"{id}\" is declared twice"));
            } else {
                self.topics.push(Topic { id, title });
            }
        }
        if raw.topic.is_empty() {
            here.err(
                0,
                "the bank declares no topics: add at least one [[topic]] with an id and a title",
            );
        }
        self.questions(file, raw.question, here.errors);
    }

    pub(super) fn questions(
        &mut self,
        file: &SourceFile,
        raws: Vec<Spanned<RawQuestion>>,
        errors: &mut BankErrors,
    ) {
        let lines = LineIndex::new(&file.text);
        for raw in raws {
            let start = raw.span().start;
            let mut here = Here {
                file,
                lines: &lines,
                question: None,
                errors,
            };
            if let Some(question) = self.question(&mut here, start, raw.into_inner()) {
                self.questions.push(question);
            }
        }
    }

    /// Cross-file checks (every topic used), then the bank if nothing was wrong.
    pub(super) fn finish(self, manifest: &SourceFile, errors: &mut BankErrors) -> Option<Bank> {
        // An empty topic is only worth reporting when no other error dropped its questions.
        let topics_to_check = if errors.is_empty() {
            &self.topics[..]
        } else {
            &[]
        };
        for topic in topics_to_check {
            if !self.questions.iter().any(|q| q.topic == topic.id) {
                let offset = manifest
                    .text
                    .find(&format!("\"{}\"", topic.id))
                    .unwrap_or(0);
                errors.push(
                    Location::at(&manifest.name, &manifest.text, offset),
                    format!("topic \"{}\" has no questions", topic.id),
                );
            }
        }
        if self.questions.is_empty() && errors.is_empty() {
            errors.push(
                Location::file_start(&manifest.name),
                "the bank has no questions",
            );
        }
        Some(Bank::new(self.meta?, self.topics, self.questions))
    }

    fn question(&mut self, here: &mut Here, start: usize, q: RawQuestion) -> Option<Question> {
        // The id first, so every later message can name the question.
        let id = here.text(&q.id, "id", start);
        if let Some(id) = &id {
            let at = q.id.as_ref().map_or(start, |v| v.span().start);
            if !valid_id(id) {
                here.err(
                    at,
                    format!("question id \"{id}\" may use only lowercase letters, digits and '-'"),
                );
            } else if let Some(first) = self.ids.get(id) {
                here.err(
                    at,
                    format!(
                        "duplicate question id \"{id}\" (first used at {}:{})",
                        first.file, first.line
                    ),
                );
            } else {
                self.ids.insert(id.clone(), here.at(at));
            }
            here.question = Some(id.clone());
        }

        let topic = here.text(&q.topic, "topic", start);
        if let Some(topic) = &topic
            && self.topic_known(topic).is_none()
        {
            let at = q.topic.as_ref().map_or(start, |v| v.span().start);
            here.err(
                at,
                format!("unknown topic \"{topic}\"; index.toml declares no such [[topic]]"),
            );
        }
        let prompt = here.text(&q.prompt, "prompt", start);
        let explanation = here.text(&q.explanation, "explanation", start);
        let facts = self.ids_field(here, &q.facts, "facts", start, true);
        let sources = self.sources(here, &q.sources, start);
        let difficulty = match &q.difficulty {
            None => {
                here.err(start, "missing `difficulty` (1 easy, 2 medium, 3 hard)");
                None
            }
            Some(d) => {
                let level = Difficulty::from_level(*d.get_ref());
                if level.is_none() {
                    here.err(
                        d.span().start,
                        format!("difficulty {} is outside 1–3", d.get_ref()),
                    );
                }
                level
            }
        };
        let tags = match &q.tags {
            None => Some(Vec::new()),
            Some(t) => here.list_items(t, "tags", 0..=20),
        };

        let reviewed = q.reviewed.as_ref().map(|d| *d.get_ref());
        if let (Some(date), Some(today), Some(raw)) = (reviewed, self.today, &q.reviewed)
            && date > today
        {
            here.err(
                raw.span().start,
                format!("`reviewed` {date} is in the future (today is {today})"),
            );
        }

        let type_name = here.text(&q.kind, "type", start);
        let kind = type_name.and_then(|type_name| {
            let allowed = fields_of(&type_name);
            if allowed.is_empty() {
                let at = q.kind.as_ref().map_or(start, |v| v.span().start);
                here.err(
                    at,
                    format!(
                        "unknown type \"{type_name}\"; expected one of: {}",
                        QuestionKind::TYPE_NAMES.join(", ")
                    ),
                );
                return None;
            }
            let mut misplaced = false;
            for (field, at) in q.specific_fields() {
                if !allowed.contains(&field) {
                    here.err(
                        at,
                        format!("`{field}` does not belong to a {type_name} question"),
                    );
                    misplaced = true;
                }
            }
            let kind = self.kind(here, &type_name, &q, start);
            if misplaced { None } else { kind }
        });
        let errors = if kind
            .as_ref()
            .is_some_and(|k| matches!(k, QuestionKind::SpotError { .. }))
        {
            self.ids_field(here, &q.errors, "errors", start, false)
        } else {
            Some(Vec::new())
        };

        Some(Question {
            id: id?,
            topic: topic?,
            prompt: prompt?,
            explanation: explanation?,
            facts: facts?,
            errors: errors?,
            sources: sources?,
            difficulty: difficulty?,
            tags: tags?,
            reviewed,
            kind: kind?,
            origin: {
                let at = here.at(start);
                format!("{}:{}", at.file, at.line)
            },
        })
    }

    fn topic_known(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// `facts` (F- ids) or `errors` (E- ids), checked against the fact sheet when there is one.
    fn ids_field(
        &self,
        here: &mut Here,
        field: &Option<TextList>,
        name: &str,
        start: usize,
        is_facts: bool,
    ) -> Option<Vec<String>> {
        let ids = here.list(field, name, start, 1..=20)?;
        let (prefix, known) = match (is_facts, self.facts) {
            (true, sheet) => ("F-", sheet.map(|s| &s.facts)),
            (false, sheet) => ("E-", sheet.map(|s| &s.errors)),
        };
        let list = field.as_ref()?;
        let mut ok = true;
        for (id, raw) in ids.iter().zip(list.get_ref()) {
            if !id.starts_with(prefix) {
                here.err(
                    raw.span().start,
                    format!("`{name}` entry \"{id}\" should be an id starting with {prefix}"),
                );
                ok = false;
            } else if known.is_some_and(|known| !known.contains(id)) {
                here.err(
                    raw.span().start,
                    format!("`{name}` entry \"{id}\" is not in the fact sheet"),
                );
                ok = false;
            }
        }
        ok.then_some(ids)
    }

    fn sources(
        &self,
        here: &mut Here,
        field: &Option<TextList>,
        start: usize,
    ) -> Option<Vec<String>> {
        let urls = here.list(field, "sources", start, 1..=10)?;
        let mut ok = true;
        for (url, raw) in urls.iter().zip(field.as_ref()?.get_ref()) {
            if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(' ') {
                here.err(
                    raw.span().start,
                    format!("source \"{url}\" is not a web address (http:// or https://)"),
                );
                ok = false;
            } else if self.facts.is_some_and(|s| !s.urls.contains(url)) {
                here.err(
                    raw.span().start,
                    format!("source \"{url}\" is not cited in the fact sheet"),
                );
                ok = false;
            }
        }
        ok.then_some(urls)
    }

    fn kind(
        &self,
        here: &mut Here,
        type_name: &str,
        q: &RawQuestion,
        start: usize,
    ) -> Option<QuestionKind> {
        match type_name {
            "single" => {
                let choices = here.list(&q.choices, "choices", start, 2..=8)?;
                let answer = match answer(here, q, start)? {
                    (RawAnswer::Text(t), at) => here.index_in(&t, at, &choices, "answer")?,
                    (_, at) => {
                        here.err(
                            at,
                            "`answer` of a single question is the text of one choice",
                        );
                        return None;
                    }
                };
                Some(QuestionKind::SingleChoice { choices, answer })
            }
            "multiple" => {
                let choices = here.list(&q.choices, "choices", start, 2..=8)?;
                let answers = match answer(here, q, start)? {
                    (RawAnswer::List(list), at) => picks(here, &list, at, &choices, "answer")?,
                    (RawAnswer::Text(t), at) => picks(here, &[t], at, &choices, "answer")?,
                    (_, at) => {
                        here.err(
                            at,
                            "`answer` of a multiple question is a list of choice texts",
                        );
                        return None;
                    }
                };
                Some(QuestionKind::MultipleSelect { choices, answers })
            }
            "true_false" => match answer(here, q, start)? {
                (RawAnswer::Bool(answer), _) => Some(QuestionKind::TrueFalse { answer }),
                (_, at) => {
                    here.err(
                        at,
                        "`answer` of a true_false question is true or false (no quotes)",
                    );
                    None
                }
            },
            "ordering" => {
                let items = here.list(&q.items, "items", start, 3..=6)?;
                Some(QuestionKind::Ordering { items })
            }
            "matching" => matching(here, q, start),
            "numeric" => {
                let answer = match answer(here, q, start)? {
                    (RawAnswer::Integer(i), _) => i as f64,
                    (RawAnswer::Float(f), at) if f.is_finite() => {
                        let _ = at;
                        f
                    }
                    (_, at) => {
                        here.err(at, "`answer` of a numeric question is a number (no quotes)");
                        return None;
                    }
                };
                let tolerance = match &q.tolerance {
                    None => 0.0,
                    Some(t) => {
                        let value = t.get_ref().value();
                        if !(value >= 0.0 && value.is_finite()) {
                            here.err(
                                t.span().start,
                                format!("tolerance {value} is negative; it must be 0 or more"),
                            );
                            return None;
                        }
                        value
                    }
                };
                let unit = q
                    .unit
                    .as_ref()
                    .map(|u| u.get_ref().trim().to_string())
                    .filter(|u| !u.is_empty());
                Some(QuestionKind::Numeric {
                    answer,
                    tolerance,
                    unit,
                })
            }
            "short_text" => {
                let canonical = match answer(here, q, start)? {
                    (RawAnswer::Text(t), at) if !t.trim().is_empty() => {
                        let _ = at;
                        t.trim().to_string()
                    }
                    (_, at) => {
                        here.err(at, "`answer` of a short_text question is a non-empty text");
                        return None;
                    }
                };
                let answer = text_answer(here, canonical, &q.accept, &q.typos)?;
                Some(QuestionKind::ShortText { answer })
            }
            "cloze" => cloze(here, q, start),
            "spot_error" => {
                let parts = here.list(&q.parts, "parts", start, 2..=8)?;
                let wrong_field = q.wrong.as_ref().or_else(|| {
                    here.err(start, "missing `wrong` (the part or parts that are wrong)");
                    None
                })?;
                let wrong_texts: Vec<String> = wrong_field
                    .get_ref()
                    .iter()
                    .map(|w| w.get_ref().clone())
                    .collect();
                let wrong = picks(
                    here,
                    &wrong_texts,
                    wrong_field.span().start,
                    &parts,
                    "wrong part",
                )?;
                if wrong.len() == parts.len() {
                    here.err(
                        wrong_field.span().start,
                        "every part is marked wrong; at least one part must be right",
                    );
                    return None;
                }
                Some(QuestionKind::SpotError { parts, wrong })
            }
            _ => None,
        }
    }
}

fn answer(here: &mut Here, q: &RawQuestion, start: usize) -> Option<(RawAnswer, usize)> {
    match &q.answer {
        None => {
            here.err(start, "missing `answer`");
            None
        }
        Some(a) => Some((a.get_ref().clone(), a.span().start)),
    }
}

/// Distinct, non-empty picks from `list`, as sorted indices.
fn picks(
    here: &mut Here,
    texts: &[String],
    at: usize,
    list: &[String],
    what: &str,
) -> Option<Vec<usize>> {
    if texts.is_empty() {
        here.err(
            at,
            format!(
                "`{}` is empty; name at least one",
                if what == "answer" { "answer" } else { "wrong" }
            ),
        );
        return None;
    }
    let mut out = BTreeSet::new();
    let mut ok = true;
    for text in texts {
        match here.index_in(text, at, list, what) {
            Some(i) if !out.insert(i) => {
                here.err(at, format!("{what} \"{text}\" is given twice"));
                ok = false;
            }
            Some(_) => {}
            None => ok = false,
        }
    }
    ok.then(|| out.into_iter().collect())
}

fn text_answer(
    here: &mut Here,
    canonical: String,
    accept: &Option<TextList>,
    typos: &Option<Spanned<i64>>,
) -> Option<TextAnswer> {
    let accept = match accept {
        None => Vec::new(),
        Some(list) => here.list_items(list, "accept", 0..=20)?,
    };
    let typos = match typos {
        None => 0,
        Some(t) if (0..=MAX_TEXT_TYPOS).contains(t.get_ref()) => *t.get_ref() as u8,
        Some(t) => {
            here.err(
                t.span().start,
                format!("typos {} is outside 0–{MAX_TEXT_TYPOS}", t.get_ref()),
            );
            return None;
        }
    };
    Some(TextAnswer {
        canonical,
        accept,
        typos,
    })
}

fn matching(here: &mut Here, q: &RawQuestion, start: usize) -> Option<QuestionKind> {
    let Some(pairs) = &q.pairs else {
        here.err(start, "missing `pairs` (a list of [left, right] pairs)");
        return None;
    };
    let n = pairs.get_ref().len();
    if !(3..=6).contains(&n) {
        here.err(
            pairs.span().start,
            format!("`pairs` has {n} pairs; it needs 3 to 6"),
        );
        return None;
    }
    let (mut lefts, mut rights) = (Vec::new(), Vec::new());
    let mut ok = true;
    for pair in pairs.get_ref() {
        match &pair.get_ref()[..] {
            [left, right]
                if !left.get_ref().trim().is_empty() && !right.get_ref().trim().is_empty() =>
            {
                let (l, r) = (
                    left.get_ref().trim().to_string(),
                    right.get_ref().trim().to_string(),
                );
                if lefts.contains(&l) {
                    here.err(
                        left.span().start,
                        format!("left side \"{l}\" appears twice; each side must be distinct"),
                    );
                    ok = false;
                }
                if rights.contains(&r) {
                    here.err(
                        right.span().start,
                        format!("right side \"{r}\" appears twice; each side must be distinct"),
                    );
                    ok = false;
                }
                lefts.push(l);
                rights.push(r);
            }
            other => {
                here.err(
                    pair.span().start,
                    format!("each pair needs exactly two non-empty sides, [left, right]; this one has {}", other.len()),
                );
                ok = false;
            }
        }
    }
    ok.then_some(QuestionKind::Matching { lefts, rights })
}

fn cloze(here: &mut Here, q: &RawQuestion, start: usize) -> Option<QuestionKind> {
    let Some(text) = &q.text else {
        here.err(
            start,
            "missing `text` (the sentence, with {1}, {2} … where the blanks go)",
        );
        return None;
    };
    let Some(blanks_field) = &q.blanks else {
        here.err(start, "missing `blanks`");
        return None;
    };
    let raw_blanks = blanks_field.get_ref();
    let text_at = text.span().start;
    let pieces = split_cloze(text.get_ref());
    let markers: Vec<usize> = pieces
        .iter()
        .filter_map(|p| match p {
            ClozePiece::Blank(i) => Some(*i),
            ClozePiece::Text(_) => None,
        })
        .collect();
    let expected: Vec<usize> = (0..raw_blanks.len()).collect();
    if raw_blanks.is_empty() || raw_blanks.len() > 10 {
        here.err(
            blanks_field.span().start,
            format!(
                "`blanks` has {} entries; it needs 1 to 10",
                raw_blanks.len()
            ),
        );
        return None;
    }
    if markers != expected {
        let found: Vec<String> = markers.iter().map(|i| format!("{{{}}}", i + 1)).collect();
        here.err(
            text_at,
            format!(
                "`text` must hold the markers {{1}} to {{{}}}, once each and in order, one per blank; found [{}]",
                raw_blanks.len(),
                found.join(", ")
            ),
        );
        return None;
    }
    let mut blanks = Vec::new();
    for (n, raw) in raw_blanks.iter().enumerate() {
        blanks.push(blank(here, raw, n + 1)?);
    }
    Some(QuestionKind::Cloze { pieces, blanks })
}

fn blank(here: &mut Here, raw: &Spanned<RawBlank>, n: usize) -> Option<Blank> {
    let b = raw.get_ref();
    let at = raw.span().start;
    let answer = match &b.answer {
        Some(a) if !a.get_ref().trim().is_empty() => a.get_ref().trim().to_string(),
        _ => {
            here.err(at, format!("blank {{{n}}} has no `answer`"));
            return None;
        }
    };
    match &b.options {
        Some(options) => {
            if b.accept.is_some() || b.typos.is_some() {
                here.err(
                    at,
                    format!("blank {{{n}}} has `options`, so `accept` and `typos` do not apply"),
                );
                return None;
            }
            let options = here.list_items(options, "options", 2..=8)?;
            let index = here.index_in(&answer, at, &options, "option answer")?;
            Some(Blank::Choice {
                options,
                answer: index,
            })
        }
        None => Some(Blank::Typed(text_answer(
            here, answer, &b.accept, &b.typos,
        )?)),
    }
}

/// Split `…{1}…{2}…` into text and blank markers; a `{` not followed by digits and `}` is text.
fn split_cloze(text: &str) -> Vec<ClozePiece> {
    let mut pieces = Vec::new();
    let mut rest = text;
    let mut literal = String::new();
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let digits = after.chars().take_while(|c| c.is_ascii_digit()).count();
        let number = after[..digits].parse::<usize>().ok().filter(|n| *n >= 1);
        if let (Some(number), true) = (number, after[digits..].starts_with('}')) {
            literal.push_str(&rest[..open]);
            if !literal.is_empty() {
                pieces.push(ClozePiece::Text(std::mem::take(&mut literal)));
            }
            pieces.push(ClozePiece::Blank(number - 1));
            rest = &after[digits + 1..];
        } else {
            literal.push_str(&rest[..=open]);
            rest = after;
        }
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        pieces.push(ClozePiece::Text(literal));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloze_text_splits_at_numbered_markers_only() {
        let pieces = split_cloze("In {1}, {x} and {2}.");
        assert_eq!(
            pieces,
            vec![
                ClozePiece::Text("In ".into()),
                ClozePiece::Blank(0),
                ClozePiece::Text(", {x} and ".into()),
                ClozePiece::Blank(1),
                ClozePiece::Text(".".into()),
            ]
        );
    }
}
