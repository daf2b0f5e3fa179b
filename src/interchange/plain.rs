//! Text from other formats made into Accord's plain text: HTML tags stripped and entities
//! decoded, Markdown emphasis dropped, and names made into ids. Written by hand (a few dozen
//! lines) rather than pulling an HTML parser into the learner's wasm for GIFT's `[html]`.

/// What a conversion to plain text changed, for the teacher's notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stripped {
    Nothing,
    Html,
    Markdown,
}

/// Whether `text` holds something that looks like an HTML tag or entity.
pub fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        (b == b'<' && (next.is_ascii_alphabetic() || next == b'/' || next == b'!'))
            || (b == b'&' && entity_at(&text[i..]).is_some())
    })
}

/// HTML as the plain text a reader sees: tags dropped (block tags and `<br>` become line
/// breaks), entities decoded, runs of spaces collapsed, each line trimmed.
pub fn html_to_plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut ends = Ends::default();
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some(end) = ends.tag_end(rest) {
                let tag = &rest[1..end];
                if breaks_line(tag) {
                    out.push('\n');
                } else if tag_name(tag) == "img" {
                    // An image's alt text stands in for it.
                    if let Some(alt) = attribute(tag, "alt") {
                        out.push_str(&decode_entities(&alt));
                    }
                }
                rest = &rest[end + 1..];
                continue;
            }
        } else if c == '&'
            && let Some((decoded, len)) = entity_at(rest)
        {
            out.push(decoded);
            rest = &rest[len..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    tidy(&out)
}

/// Collapse spaces (a no-break space counts) within lines, trim lines, drop empty lines at
/// the ends and keep at most one empty line between paragraphs.
fn tidy(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || c == '\u{a0}')
            .filter(|w| !w.is_empty())
            .collect();
        let line = words.join(" ");
        if line.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// Finds the ends of tags, remembering when the rest of the text has none, so that text
/// full of `<` is still read in linear time.
#[derive(Default)]
struct Ends {
    no_gt: bool,
    no_comment_end: bool,
}

impl Ends {
    /// The end (index of `>`) of a tag starting at `text[0] == '<'`, if it is one.
    fn tag_end(&mut self, text: &str) -> Option<usize> {
        let second = text[1..].chars().next()?;
        if !(second.is_ascii_alphabetic() || second == '/' || second == '!' || second == '?') {
            return None;
        }
        if !self.no_comment_end
            && let Some(comment) = text.strip_prefix("<!--")
        {
            match comment.find("-->") {
                Some(i) => return Some(i + 4 + 2),
                None => self.no_comment_end = true,
            }
        }
        if self.no_gt {
            return None;
        }
        let end = text.find('>');
        self.no_gt = end.is_none();
        end
    }
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

fn breaks_line(tag: &str) -> bool {
    let name = tag_name(tag);
    let closing = tag.starts_with('/');
    matches!(name.as_str(), "br" | "hr")
        || (matches!(
            name.as_str(),
            "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol"
        ) && (closing || name == "li"))
}

/// The value of attribute `name` in a tag's inside (`img src="a" alt="b"`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at > 0 && lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value = rest[1..].trim_start();
        let quote = value.chars().next()?;
        if quote == '"' || quote == '\'' {
            let inner = &value[1..];
            return inner.find(quote).map(|end| inner[..end].to_string());
        }
        return Some(
            value
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or_default()
                .to_string(),
        );
    }
    None
}

/// The image files a piece of HTML shows (`<img src="…">`), as their file names.
pub fn images_in(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    let mut ends = Ends::default();
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        let Some(end) = ends.tag_end(rest) else {
            rest = &rest[1..];
            continue;
        };
        let tag = &rest[1..end];
        if tag_name(tag) == "img"
            && let Some(src) = attribute(tag, "src")
        {
            let src = decode_entities(&src);
            let name = src.rsplit('/').next().unwrap_or_default();
            found.push(percent_decoded(name));
        }
        rest = &rest[end + 1..];
    }
    found
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Decode the entities in `text` (`&amp;`, `&#233;`, `&#xE9;`, common named ones).
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match entity_at(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character an entity at the start of `text` stands for, and the entity's length.
pub fn entity_at(text: &str) -> Option<(char, usize)> {
    let end = text.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let name = &text[1..end];
    let c = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        char::from_u32(code).filter(|&c| c != '\0')?
    } else {
        named_entity(name)?
    };
    Some((c, end + 1))
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bdquo" => '„',
        "euro" => '€',
        "pound" => '£',
        "copy" => '©',
        "deg" => '°',
        "times" => '×',
        "divide" => '÷',
        "middot" => '·',
        "shy" => '\u{ad}',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "ccedil" => 'ç',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        _ => return None,
    })
}

/// Markdown as plain text: strong and code markers dropped, links as "text (address)".
/// Single `*` and `_` stay, since they are as often arithmetic or names as emphasis.
pub fn markdown_to_plain(text: &str) -> String {
    let text = text.replace("**", "").replace("__", "").replace('`', "");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|close| {
            let target = &after[close + 2..];
            target.find(')').map(|end| (close, end))
        });
        match link {
            Some((close, end)) => {
                out.push_str(&rest[..open]);
                let label = &after[..close];
                let target = &after[close + 2..close + 2 + end];
                out.push_str(label);
                if !target.is_empty() && target != label {
                    out.push_str(" (");
                    out.push_str(target);
                    out.push(')');
                }
                rest = &after[close + 2 + end + 1..];
            }
            None => {
                // No later "[…](…)" can close either: the rest is text.
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// An id from a name: folded to lowercase ASCII letters and digits joined by '-', at most 60
/// characters (so a "-2" suffix still fits the 80 of an id). Empty when nothing is left.
pub fn slug(name: &str) -> String {
    let folded = crate::text::fold_for_matching(name);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out: String = out.chars().take(60).collect();
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A title from a file name: "weimar_republic.gift" → "Weimar republic".
pub fn title_from_file(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let base = base.trim_start_matches('.');
    let stem = base.split('.').next().unwrap_or(base);
    let words: Vec<&str> = stem
        .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Imported questions".to_string(),
    }
}

/// A category path as a topic title: Moodle's context prefix (`$course$/top/…`) dropped,
/// levels joined with " / ".
pub fn category_title(path: &str) -> String {
    let mut levels: Vec<String> = path
        .replace("//", "\u{0}")
        .split('/')
        .map(|level| level.replace('\u{0}', "/").trim().to_string())
        .filter(|level| !level.is_empty())
        .collect();
    if levels
        .first()
        .is_some_and(|l| l.starts_with('$') && l.ends_with('$'))
    {
        levels.remove(0);
    }
    if levels.first().is_some_and(|l| l == "top") && levels.len() > 1 {
        levels.remove(0);
    }
    // Moodle names a course's own category "Default for <course>": only a level above the
    // teacher's categories.
    if levels
        .first()
        .is_some_and(|l| l.starts_with("Default for "))
        && levels.len() > 1
    {
        levels.remove(0);
    }
    match levels.join(" / ") {
        t if t.is_empty() => "Top".to_string(),
        t => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_the_text_a_reader_sees() {
        assert_eq!(
            html_to_plain("<p>Who is <b>buried</b> in Grant&#39;s&nbsp;tomb?</p><p>Think.</p>"),
            "Who is buried in Grant's tomb?\nThink."
        );
        assert_eq!(html_to_plain("a<br/>b &amp; c &lt;d&gt;"), "a\nb & c <d>");
        assert_eq!(
            html_to_plain("1 < 2 and x<y"),
            "1 < 2 and x<y",
            "a < that opens no tag is text"
        );
        assert_eq!(
            html_to_plain(r#"See <img src="@@PLUGINFILE@@/map%201.png" alt="A map"> here"#),
            "See A map here"
        );
        assert_eq!(
            images_in(r#"<img src="@@PLUGINFILE@@/map%201.png" alt="x">"#),
            vec!["map 1.png".to_string()]
        );
    }

    #[test]
    fn text_full_of_markup_characters_is_read_in_linear_time() {
        // Quadratic scanning would take minutes on these; linear takes milliseconds.
        let many = "<a".repeat(200_000);
        assert_eq!(html_to_plain(&many).len(), many.len());
        assert_eq!(html_to_plain(&"<!--".repeat(100_000)).len(), 400_000);
        assert!(images_in(&"<img".repeat(200_000)).is_empty());
        let brackets = "[x](".repeat(100_000);
        assert_eq!(markdown_to_plain(&brackets), brackets);
    }

    #[test]
    fn entities_decode_and_unknown_ones_stay() {
        assert_eq!(
            decode_entities("&eacute;t&#xE9; &#233; &bogus; & x"),
            "été é &bogus; & x"
        );
        assert_eq!(decode_entities("&#0;"), "&#0;", "NUL is no character");
        assert!(looks_like_html("a <b>b</b>"));
        assert!(looks_like_html("Tom &amp; Jerry"));
        assert!(!looks_like_html("1 < 2 & 3 > 2"));
    }

    #[test]
    fn markdown_emphasis_and_links_are_dropped() {
        assert_eq!(
            markdown_to_plain("Who's buried in **Grant's tomb**?"),
            "Who's buried in Grant's tomb?"
        );
        assert_eq!(
            markdown_to_plain("see [the Act](https://nato.int/a) and 2 * 3"),
            "see the Act (https://nato.int/a) and 2 * 3"
        );
    }

    #[test]
    fn names_become_ids() {
        assert_eq!(
            slug("Jesus' hometown (Short answer ex.)"),
            "jesus-hometown-short-answer-ex"
        );
        assert_eq!(slug("Élysée Treaty, 1963"), "elysee-treaty-1963");
        assert_eq!(slug("§§§"), "");
        assert_eq!(slug(&"a".repeat(100)).len(), 60);
        assert_eq!(
            title_from_file("quizzes/weimar_republic.gift"),
            "Weimar republic"
        );
        assert_eq!(title_from_file(".gift"), "Gift");
        assert_eq!(title_from_file("ww1.aiken.txt"), "Ww1");
        assert_eq!(
            category_title("$course$/top/Default for Unit 1/Week 2"),
            "Week 2"
        );
        assert_eq!(
            category_title("$course$/top/Default for Unit 1"),
            "Default for Unit 1"
        );
        assert_eq!(category_title("a//b/c"), "a/b / c");
        assert_eq!(category_title("$system$/top"), "top");
    }
}
