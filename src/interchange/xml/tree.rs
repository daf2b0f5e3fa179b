//! A Moodle XML file as a small element tree built from quick-xml's events, each element
//! with the byte offset of its `<`, so a message can point at it.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::interchange::plain::entity_at;

#[derive(Debug, Clone, Default)]
pub struct Element {
    pub name: String,
    pub at: usize,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Element>,
    /// The element's own text (CDATA included, entities decoded), children's not.
    pub text: String,
}

impl Element {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The text of the `<text>` child (Moodle's way of holding any text).
    pub fn text_child(&self) -> Option<&Element> {
        self.child("text")
    }

    /// Every element below this one, depth first.
    pub fn descendants(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        let mut stack: Vec<&Element> = self.children.iter().rev().collect();
        while let Some(e) = stack.pop() {
            out.push(e);
            stack.extend(e.children.iter().rev());
        }
        out
    }
}

fn start(e: &BytesStart, at: usize) -> Element {
    let name = e.name().as_ref().to_string();
    let attributes = e
        .attributes()
        .flatten()
        .map(|a| {
            let key = a.key.as_ref().to_string();
            let raw = a.value.to_string();
            (key, crate::interchange::plain::decode_entities(&raw))
        })
        .collect();
    Element {
        name,
        at,
        attributes,
        ..Element::default()
    }
}

/// The document's root element, or where and why the XML is broken.
pub fn parse(text: &str) -> Result<Element, (usize, String)> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let at = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            (
                reader.error_position() as usize,
                crate::text::escape_controls(&e.to_string()),
            )
        })?;
        match event {
            Event::Start(e) => stack.push(start(&e, at)),
            Event::Empty(e) => {
                let element = start(&e, at);
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(element);
                }
            }
            Event::End(_) => {
                if stack.len() < 2 {
                    return Err((at, "a closing tag with no opening tag".to_string()));
                }
                let element = stack.pop().expect("checked above");
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(element);
                }
            }
            Event::Text(t) => {
                if let Some(e) = stack.last_mut() {
                    e.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(e) = stack.last_mut() {
                    e.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                let entity = format!("&{name};");
                let decoded = entity_at(&entity).map(|(c, _)| c.to_string());
                if let Some(e) = stack.last_mut() {
                    e.text.push_str(decoded.as_deref().unwrap_or(&entity));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() > 1 {
        let open = stack.last().map_or(0, |e| e.at);
        return Err((
            open,
            format!(
                "<{}> is never closed",
                crate::text::escape_controls(
                    &stack.last().map(|e| e.name.clone()).unwrap_or_default()
                )
            ),
        ));
    }
    let document = stack.pop().unwrap_or_default();
    document
        .children
        .into_iter()
        .next()
        .ok_or((0, "the file holds no XML element".to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_keep_their_offsets_and_text() {
        let root = parse("<quiz>\n <q a=\"x &amp; y\"><text><![CDATA[<p>Hi</p>]]> &amp; &#233;</text></q></quiz>")
            .unwrap();
        assert_eq!(root.name, "quiz");
        let q = root.child("q").unwrap();
        assert_eq!(q.at, 8);
        assert_eq!(q.attribute("a"), Some("x & y"));
        assert_eq!(q.text_child().unwrap().text, "<p>Hi</p> & é");
        assert!(parse("<quiz><q></quiz>").is_err());
        assert!(parse("").is_err());
    }
}
