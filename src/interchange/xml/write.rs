//! A bank as Moodle XML: all nine types (ordering through qtype_ordering, cloze through
//! embedded answers, spot-the-error as a multiple answer question), with categories, points
//! as `defaultgrade`, the explanation (and sources) as general feedback, and tags.

use super::read::SOURCES;
use crate::bank::{Bank, Blank, Question, QuestionKind, Source};
use crate::interchange::gift::write::share;
use crate::interchange::{Exported, LeftOut, moodle_cloze};

/// Text for XML element content and attributes.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Plain text as HTML: `& < >` escaped, line breaks as `<br>`.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\n', "<br>")
}

/// An HTML text element, in CDATA (with any `]]>` split so it cannot end the section).
fn text_element(tag: &str, html_text: &str, indent: &str) -> String {
    format!(
        "{indent}<{tag} format=\"html\">\n{indent}  <text><![CDATA[{}]]></text>\n{indent}</{tag}>\n",
        html_text.replace("]]>", "]]]]><![CDATA[>")
    )
}

fn answer(fraction: &str, text: &str) -> String {
    format!(
        "    <answer fraction=\"{fraction}\" format=\"html\">\n      <text><![CDATA[{}]]></text>\n      <feedback format=\"html\"><text></text></feedback>\n    </answer>\n",
        html(text).replace("]]>", "]]]]><![CDATA[>")
    )
}

pub fn write(bank: &Bank) -> Exported {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
    let mut changed = Vec::new();
    for topic in &bank.topics {
        let questions: Vec<&Question> = bank
            .questions
            .iter()
            .filter(|q| q.topic == topic.id)
            .collect();
        if questions.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "  <question type=\"category\">\n    <category><text>$course$/top/{}</text></category>\n  </question>\n",
            xml(&topic.title.replace('/', "//"))
        ));
        for q in questions {
            let mut note = |why: String| {
                changed.push(LeftOut {
                    id: q.id.clone(),
                    why,
                })
            };
            out.push_str(&question(q, &mut note));
        }
    }
    out.push_str("</quiz>\n");
    Exported {
        text: out,
        left_out: Vec::new(),
        changed,
        notes: vec!["Moodle has no difficulty levels: they are not written".to_string()],
    }
}

fn question(q: &Question, note: &mut dyn FnMut(String)) -> String {
    let (kind, body) = body(q, note);
    let mut prompt = String::new();
    if let Some(extract) = &q.extract {
        prompt.push_str(&format!(
            "<blockquote>{}<br>— {}</blockquote>",
            html(&extract.text),
            html(&extract.attribution)
        ));
    }
    if q.image.is_some() {
        note("the image is not embedded: add it to the question in Moodle".to_string());
    }
    prompt.push_str(&match &q.kind {
        QuestionKind::Cloze { pieces, blanks } => {
            let text = html(&moodle_cloze::write(pieces, blanks));
            format!("{}<br>{text}", html(&q.prompt))
        }
        _ => html(&q.prompt),
    });
    let mut feedback = q.explanation.as_deref().map(html).unwrap_or_default();
    if !q.sources.is_empty() {
        let sources: Vec<&str> = q.sources.iter().map(Source::text).collect();
        if !feedback.is_empty() {
            feedback.push_str("<br>");
        }
        feedback.push_str(&html(&format!("{SOURCES}{}", sources.join("; "))));
    }
    let grade = q.points.thousandths() as f64 / 1000.0;
    let mut out = format!(
        "  <question type=\"{kind}\">\n    <name><text>{}</text></name>\n",
        xml(&q.id)
    );
    out.push_str(&text_element("questiontext", &prompt, "    "));
    out.push_str(&text_element("generalfeedback", &feedback, "    "));
    out.push_str(&format!(
        "    <defaultgrade>{grade:.7}</defaultgrade>\n    <penalty>0.3333333</penalty>\n    <hidden>0</hidden>\n    <idnumber>{}</idnumber>\n",
        xml(&q.id)
    ));
    out.push_str(&body);
    if !q.tags.is_empty() {
        out.push_str("    <tags>\n");
        for tag in &q.tags {
            out.push_str(&format!("      <tag><text>{}</text></tag>\n", xml(tag)));
        }
        out.push_str("    </tags>\n");
    }
    out.push_str("  </question>\n");
    out
}

fn choices(single: bool, choices: &[String], rights: &[usize]) -> String {
    let w = share(rights.len());
    let mut out = format!(
        "    <single>{single}</single>\n    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n"
    );
    for (i, choice) in choices.iter().enumerate() {
        let fraction = match (single, rights.contains(&i)) {
            (true, true) => "100".to_string(),
            (true, false) => "0".to_string(),
            (false, true) => w.clone(),
            (false, false) => format!("-{w}"),
        };
        out.push_str(&answer(&fraction, choice));
    }
    out
}

/// The question's type name in Moodle and the elements that belong to it.
fn body(q: &Question, note: &mut dyn FnMut(String)) -> (&'static str, String) {
    match &q.kind {
        QuestionKind::SingleChoice { choices: c, answer } => {
            ("multichoice", choices(true, c, &[*answer]))
        }
        QuestionKind::MultipleSelect {
            choices: c,
            answers,
        } => ("multichoice", choices(false, c, answers)),
        QuestionKind::SpotError { parts, wrong } => {
            note(
                "written as a multiple answer question: the learner ticks the parts that are wrong"
                    .to_string(),
            );
            ("multichoice", choices(false, parts, wrong))
        }
        QuestionKind::TrueFalse { answer: value } => {
            let (t, f) = if *value { ("100", "0") } else { ("0", "100") };
            (
                "truefalse",
                format!("{}{}", answer(t, "true"), answer(f, "false")),
            )
        }
        QuestionKind::Ordering { items } => {
            let mut out = String::from(
                "    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n    <selectcount>0</selectcount>\n    <gradingtype>RELATIVE_TO_CORRECT</gradingtype>\n    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>\n",
            );
            for (i, item) in items.iter().enumerate() {
                out.push_str(&answer(&format!("{}", i + 1), item));
            }
            ("ordering", out)
        }
        QuestionKind::Matching { lefts, rights } => {
            let mut out = String::from("    <shuffleanswers>true</shuffleanswers>\n");
            for (left, right) in lefts.iter().zip(rights) {
                out.push_str(&format!(
                    "    <subquestion format=\"html\">\n      <text><![CDATA[{}]]></text>\n      <answer><text>{}</text></answer>\n    </subquestion>\n",
                    html(left).replace("]]>", "]]]]><![CDATA[>"),
                    xml(right)
                ));
            }
            ("matching", out)
        }
        QuestionKind::Numeric {
            answer: value,
            tolerance,
            unit,
        } => {
            let mut out = format!(
                "    <answer fraction=\"100\" format=\"moodle_auto_format\">\n      <text>{value}</text>\n      <feedback format=\"html\"><text></text></feedback>\n      <tolerance>{tolerance}</tolerance>\n    </answer>\n"
            );
            if let Some(unit) = unit {
                out.push_str(&format!(
                    "    <units>\n      <unit>\n        <multiplier>1</multiplier>\n        <unit_name>{}</unit_name>\n      </unit>\n    </units>\n    <unitgradingtype>0</unitgradingtype>\n    <unitpenalty>0.1000000</unitpenalty>\n    <showunits>3</showunits>\n    <unitsleft>0</unitsleft>\n",
                    xml(unit)
                ));
            }
            ("numerical", out)
        }
        QuestionKind::ShortText { answer: typed } => {
            if typed.typos > 0 {
                note(format!(
                    "the allowance of {} typing slip(s) is not written: Moodle's short answer has none",
                    typed.typos
                ));
            }
            let mut out = String::from("    <usecase>0</usecase>\n");
            for accepted in std::iter::once(&typed.canonical).chain(&typed.accept) {
                out.push_str(&answer("100", accepted));
            }
            ("shortanswer", out)
        }
        QuestionKind::Cloze { blanks, .. } => {
            if blanks
                .iter()
                .any(|b| matches!(b, Blank::Typed(t) if t.typos > 0))
            {
                note(
                    "typing-slip allowances are not written: Moodle's blanks have none".to_string(),
                );
            }
            ("cloze", String::new())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_xml_and_html() {
        assert_eq!(xml("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(html("1 < 2\n& so"), "1 &lt; 2<br>&amp; so");
        assert!(text_element("t", "x]]>y", "").contains("x]]]]><![CDATA[>y"));
    }
}
