//! A validated bank written back as Accord TOML: a folder (`index.toml` and one question file
//! per topic) or one file, as (path, text) pairs so the teacher page can zip them and the CLI
//! can write them. Strings go through `toml_writer`, the toml crate's own escaping.

use toml_writer::TomlWrite as _;

use crate::bank::{Bank, Blank, ClozePiece, MANIFEST, Question, QuestionKind, Source, TextAnswer};

/// How the bank is laid out in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TomlLayout {
    /// `index.toml` plus one question file per topic, named after the topic's id.
    Folder,
    /// Everything in `index.toml`.
    SingleFile,
}

/// A TOML value of any writable kind, as text.
fn value(v: impl toml_writer::WriteTomlValue) -> String {
    let mut out = String::new();
    out.value(v).expect("writing to a String cannot fail");
    out
}

fn string(text: &str) -> String {
    value(text)
}

fn strings<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<String> = items.iter().map(|s| string(s.as_ref())).collect();
    let one_line = format!("[{}]", items.join(", "));
    if one_line.len() <= 100 && !one_line.contains('\n') {
        one_line
    } else {
        format!("[\n  {},\n]", items.join(",\n  "))
    }
}

/// A number: whole numbers as integers (as a teacher writes them), others as decimals.
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        value(x)
    }
}

fn line(out: &mut String, key: &str, text: String) {
    out.push_str(key);
    out.push_str(" = ");
    out.push_str(&text);
    out.push('\n');
}

/// The file name of a topic's questions: its id (never the manifest's name).
fn file_of(topic: &str) -> String {
    if format!("{topic}.toml") == MANIFEST {
        format!("{topic}-questions.toml")
    } else {
        format!("{topic}.toml")
    }
}

pub fn write(bank: &Bank, layout: TomlLayout) -> Vec<(String, String)> {
    let topics: Vec<&crate::bank::Topic> = bank
        .topics
        .iter()
        .filter(|t| bank.questions.iter().any(|q| q.topic == t.id))
        .collect();
    let mut manifest = String::from(
        "# Written by Accord. The format is described in docs/question-format.md.\n[bank]\n",
    );
    let meta = &bank.meta;
    line(&mut manifest, "id", string(&meta.id));
    line(&mut manifest, "title", string(&meta.title));
    line(&mut manifest, "description", string(&meta.description));
    line(&mut manifest, "version", string(&meta.version));
    line(&mut manifest, "language", string(&meta.language));
    if let Some(sheet) = &meta.fact_sheet {
        line(&mut manifest, "fact_sheet", string(sheet));
    }
    let files: Vec<String> = topics.iter().map(|t| file_of(&t.id)).collect();
    if layout == TomlLayout::Folder {
        line(&mut manifest, "files", strings(&files));
    }
    for topic in &bank.topics {
        manifest.push_str("\n[[topic]]\n");
        line(&mut manifest, "id", string(&topic.id));
        line(&mut manifest, "title", string(&topic.title));
    }
    let mut out = Vec::new();
    match layout {
        TomlLayout::SingleFile => {
            for q in topics
                .iter()
                .flat_map(|t| bank.questions.iter().filter(|q| q.topic == t.id))
            {
                manifest.push('\n');
                manifest.push_str(&question(q));
            }
            out.push((MANIFEST.to_string(), manifest));
        }
        TomlLayout::Folder => {
            out.push((MANIFEST.to_string(), manifest));
            for (topic, file) in topics.iter().zip(files) {
                let mut text = format!("# {}\n", topic.title.replace('\n', " "));
                for q in bank.questions.iter().filter(|q| q.topic == topic.id) {
                    text.push('\n');
                    text.push_str(&question(q));
                }
                out.push((file, text));
            }
        }
    }
    out
}

/// One `[[question]]` table.
pub fn question(q: &Question) -> String {
    let mut out = String::from("[[question]]\n");
    line(&mut out, "id", string(&q.id));
    line(&mut out, "topic", string(&q.topic));
    line(&mut out, "type", string(q.kind.question_type().name()));
    line(&mut out, "prompt", string(&q.prompt));
    match &q.kind {
        QuestionKind::SingleChoice { choices, answer } => {
            line(&mut out, "choices", strings(choices));
            line(&mut out, "answer", string(&choices[*answer]));
        }
        QuestionKind::MultipleSelect { choices, answers } => {
            line(&mut out, "choices", strings(choices));
            let picked: Vec<&String> = answers.iter().map(|&i| &choices[i]).collect();
            line(&mut out, "answer", strings(&picked));
        }
        QuestionKind::TrueFalse { answer } => line(&mut out, "answer", answer.to_string()),
        QuestionKind::Ordering { items } => line(&mut out, "items", strings(items)),
        QuestionKind::Matching { lefts, rights } => {
            let pairs: Vec<String> = lefts
                .iter()
                .zip(rights)
                .map(|(l, r)| format!("[{}, {}]", string(l), string(r)))
                .collect();
            line(
                &mut out,
                "pairs",
                format!("[\n  {},\n]", pairs.join(",\n  ")),
            );
        }
        QuestionKind::Numeric {
            answer,
            tolerance,
            unit,
        } => {
            line(&mut out, "answer", number(*answer));
            if *tolerance != 0.0 {
                line(&mut out, "tolerance", number(*tolerance));
            }
            if let Some(unit) = unit {
                line(&mut out, "unit", string(unit));
            }
        }
        QuestionKind::ShortText { answer } => typed(&mut out, answer),
        QuestionKind::Cloze { pieces, blanks } => {
            let text: String = pieces
                .iter()
                .map(|p| match p {
                    ClozePiece::Text(t) => t.clone(),
                    ClozePiece::Blank(i) => format!("{{{}}}", i + 1),
                })
                .collect();
            line(&mut out, "text", string(&text));
            let blanks: Vec<String> = blanks.iter().map(blank).collect();
            line(
                &mut out,
                "blanks",
                format!("[\n  {},\n]", blanks.join(",\n  ")),
            );
        }
        QuestionKind::SpotError { parts, wrong } => {
            line(&mut out, "parts", strings(parts));
            let picked: Vec<&String> = wrong.iter().map(|&i| &parts[i]).collect();
            line(&mut out, "wrong", strings(&picked));
        }
    }
    if !q.errors.is_empty() {
        line(&mut out, "errors", strings(&q.errors));
    }
    if let Some(explanation) = &q.explanation {
        line(&mut out, "explanation", string(explanation));
    }
    if !q.facts.is_empty() {
        line(&mut out, "facts", strings(&q.facts));
    }
    if !q.sources.is_empty() {
        let sources: Vec<&str> = q.sources.iter().map(Source::text).collect();
        line(&mut out, "sources", strings(&sources));
    }
    if let Some(difficulty) = q.difficulty {
        line(&mut out, "difficulty", (difficulty as u8).to_string());
    }
    if !q.tags.is_empty() {
        line(&mut out, "tags", strings(&q.tags));
    }
    if let Some(reviewed) = q.reviewed {
        line(&mut out, "reviewed", reviewed.to_string());
    }
    if q.points != crate::bank::Weight::ONE {
        line(
            &mut out,
            "points",
            number(q.points.thousandths() as f64 / 1000.0),
        );
    }
    if let Some(image) = &q.image {
        let mut fields = vec![
            format!("file = {}", string(&image.file)),
            format!("alt = {}", string(&image.alt)),
        ];
        if let Some(caption) = &image.caption {
            fields.push(format!("caption = {}", string(caption)));
        }
        line(&mut out, "image", format!("{{ {} }}", fields.join(", ")));
    }
    if let Some(extract) = &q.extract {
        line(
            &mut out,
            "extract",
            format!(
                "{{ text = {}, attribution = {} }}",
                string(&extract.text),
                string(&extract.attribution)
            ),
        );
    }
    out
}

fn typed(out: &mut String, answer: &TextAnswer) {
    line(out, "answer", string(&answer.canonical));
    if !answer.accept.is_empty() {
        line(out, "accept", strings(&answer.accept));
    }
    if answer.typos > 0 {
        line(out, "typos", answer.typos.to_string());
    }
}

fn blank(blank: &Blank) -> String {
    match blank {
        Blank::Typed(t) => {
            let mut fields = vec![format!("answer = {}", string(&t.canonical))];
            if !t.accept.is_empty() {
                fields.push(format!("accept = {}", strings(&t.accept)));
            }
            if t.typos > 0 {
                fields.push(format!("typos = {}", t.typos));
            }
            format!("{{ {} }}", fields.join(", "))
        }
        Blank::Choice { options, answer } => format!(
            "{{ answer = {}, options = {} }}",
            string(&options[*answer]),
            strings(options)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use toml::de::{DeTable, DeValue};

    fn read_back(text: &str) -> Option<String> {
        let source = format!("k = {text}\n");
        let document = DeTable::parse(&source).ok()?;
        let (_, value) = document.get_ref().iter().next()?;
        match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => None,
        }
    }

    #[test]
    fn strings_are_escaped_the_toml_way() {
        assert_eq!(string("plain"), "\"plain\"");
        assert_eq!(string("bell\u{7}"), "\"bell\\u0007\"");
        for tricky in ["it's \"quoted\"", "a'''b\"\"\"c", "line\nbreak", "\\ back"] {
            assert_eq!(
                read_back(&string(tricky)).as_deref(),
                Some(tricky),
                "{tricky}"
            );
        }
        assert_eq!(number(2023.0), "2023");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(number(-1e-7), "-0.0000001");
    }

    proptest! {
        #[test]
        fn any_text_reads_back_as_written(text in ".*") {
            prop_assert_eq!(read_back(&string(&text)), Some(text));
        }
    }
}
