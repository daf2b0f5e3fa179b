//! Putting untrusted text (a bank's, a file's) inside a message: control characters escaped,
//! so a terminal or a page shows them instead of obeying them, and long text shortened.

/// Escape control, bidirectional-override and zero-width characters as `\u{…}`; `\n` and `\t`
/// become `\n` and `\t`.
pub fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if is_hidden(c) => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Characters that change how text shows or reads without showing themselves: controls,
/// bidirectional embeddings and overrides, and zero-width characters.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{00ad}' | '\u{180e}')
}

/// `"text"` for a message: escaped, and cut to `max` characters with "…".
pub fn quoted(text: &str, max: usize) -> String {
    let escaped = escape_controls(text);
    if escaped.chars().count() <= max {
        format!("\"{escaped}\"")
    } else {
        let cut: String = escaped.chars().take(max.saturating_sub(1)).collect();
        format!("\"{cut}…\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_are_shown_not_obeyed() {
        assert_eq!(escape_controls("a\u{1b}[31mred"), "a\\u{001b}[31mred");
        assert_eq!(
            escape_controls("x\u{202e}y\u{200b}z"),
            "x\\u{202e}y\\u{200b}z"
        );
        assert_eq!(escape_controls("two\nlines"), "two\\nlines");
    }

    #[test]
    fn long_text_is_cut() {
        assert_eq!(quoted("Paris", 10), "\"Paris\"");
        assert_eq!(quoted(&"x".repeat(100), 5), "\"xxxx…\"");
    }
}
