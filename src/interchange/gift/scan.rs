//! GIFT's lexical layer: the file cut into blocks at blank lines, comment lines dropped, and
//! each character kept with its byte offset and whether a backslash escaped it, so the
//! parser can tell `\=` (text) from `=` (a right answer) and still point into the file.

/// One character of a block, with where it is in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ch {
    pub at: usize,
    pub c: char,
    /// Written with a backslash (`\~`, `\n`): always text, never syntax.
    pub escaped: bool,
}

/// A run of lines between blank lines, comments taken out.
#[derive(Debug, Clone)]
pub struct Block {
    pub chars: Vec<Ch>,
}

/// The characters a backslash escapes.
pub const ESCAPABLE: [char; 7] = ['~', '=', '#', '{', '}', ':', '\\'];

/// Cut `text` into blocks. A blank line (only spaces) ends a block; a line whose first
/// non-space characters are `//` is a comment and is dropped, without ending the block.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Vec<Ch> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if has_text(&current) {
                blocks.push(Block {
                    chars: std::mem::take(&mut current),
                });
            }
            current.clear();
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        cook(line, start, &mut current);
    }
    if has_text(&current) {
        blocks.push(Block { chars: current });
    }
    blocks
}

fn has_text(chars: &[Ch]) -> bool {
    chars.iter().any(|c| !c.c.is_whitespace())
}

/// Push the characters of `line` (at `start`), resolving escapes; carriage returns dropped.
fn cook(line: &str, start: usize, out: &mut Vec<Ch>) {
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\r' {
            continue;
        }
        if c == '\\'
            && let Some(&(_, next)) = chars.peek()
            && (ESCAPABLE.contains(&next) || next == 'n')
        {
            chars.next();
            out.push(Ch {
                at: start + i,
                c: if next == 'n' { '\n' } else { next },
                escaped: true,
            });
            continue;
        }
        out.push(Ch {
            at: start + i,
            c,
            escaped: false,
        });
    }
}

/// Whether `ch` is the syntax character `c` (not escaped).
pub fn is(ch: &Ch, c: char) -> bool {
    !ch.escaped && ch.c == c
}

/// The first syntax character `c` in `chars` from `from` on.
pub fn find(chars: &[Ch], c: char, from: usize) -> Option<usize> {
    chars
        .iter()
        .skip(from)
        .position(|ch| is(ch, c))
        .map(|i| i + from)
}

/// Where the syntax string `s` (like `::` or `->`) starts in `chars`, from `from` on.
pub fn find_str(chars: &[Ch], s: &str, from: usize) -> Option<usize> {
    let pattern: Vec<char> = s.chars().collect();
    (from..chars.len()).find(|&i| starts_with(&chars[i..], &pattern))
}

/// Where the last syntax string `s` starts in `chars`.
pub fn rfind_str(chars: &[Ch], s: &str) -> Option<usize> {
    let pattern: Vec<char> = s.chars().collect();
    (0..chars.len())
        .rev()
        .find(|&i| starts_with(&chars[i..], &pattern))
}

fn starts_with(chars: &[Ch], pattern: &[char]) -> bool {
    chars.len() >= pattern.len() && chars.iter().zip(pattern).all(|(ch, &p)| is(ch, p))
}

/// `chars` without the (unescaped) white space at both ends.
pub fn trim(chars: &[Ch]) -> &[Ch] {
    let space = |ch: &Ch| !ch.escaped && ch.c.is_whitespace();
    let start = chars.iter().position(|c| !space(c)).unwrap_or(chars.len());
    let end = chars
        .iter()
        .rposition(|c| !space(c))
        .map_or(start, |i| i + 1);
    &chars[start..end]
}

/// The offset of the first character, or `fallback` for an empty run.
pub fn offset(chars: &[Ch], fallback: usize) -> usize {
    chars.first().map_or(fallback, |c| c.at)
}

/// The characters as text, as written (line breaks kept).
#[cfg(test)]
pub fn raw_text(chars: &[Ch]) -> String {
    chars.iter().map(|c| c.c).collect()
}

/// The characters as one line: runs of white space (line breaks included) become one space;
/// an escaped `\n` stays a line break.
pub fn line_text(chars: &[Ch]) -> String {
    let mut out = String::new();
    let mut space = false;
    for ch in trim(chars) {
        if !ch.escaped && ch.c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(ch.c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_cut_blocks_and_comments_do_not() {
        let text = "// head\nQ1 {T}\n\n   \nQ2\n// inside\n{F}\n";
        let blocks = blocks(text);
        assert_eq!(blocks.len(), 2);
        assert_eq!(raw_text(&blocks[0].chars), "Q1 {T}\n");
        assert_eq!(raw_text(&blocks[1].chars), "Q2\n{F}\n");
        // "Q2" starts at byte 20: "// head\n" (8) + "Q1 {T}\n" (7) + "\n" (1) + "   \n" (4).
        assert_eq!(blocks[1].chars[0].at, 20);
    }

    #[test]
    fn escapes_are_text_with_the_offset_of_their_backslash() {
        let block = &blocks("a\\=b \\n \\\\ \\q")[0];
        let eq = block.chars.iter().find(|c| c.c == '=').unwrap();
        assert!(eq.escaped && eq.at == 1);
        assert_eq!(find(&block.chars, '=', 0), None);
        assert_eq!(raw_text(&block.chars), "a=b \n \\ \\q");
    }
}
