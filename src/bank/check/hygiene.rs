//! Rules for the text itself, whatever the field: no hidden control characters, sensible
//! lengths, and list entries a learner can tell apart and type.

use crate::text::{fold_for_matching, is_hidden};

/// The longest text a field may hold, in characters.
#[derive(Debug, Clone, Copy)]
pub enum Limit {
    /// Ids, topic ids, tags.
    Short = 80,
    /// Titles, choices, items, answers, units, citations, attributions.
    Line = 500,
    /// Prompts, cloze texts.
    Prompt = 2_000,
    /// Explanations, extracts, descriptions.
    Long = 5_000,
}

/// The most characters a word may have without a space (longer ones cannot wrap).
const LONGEST_WORD: usize = 120;

/// What is wrong with a text, if anything: a hidden character, or too many characters.
pub fn text_problem(text: &str, limit: Limit) -> Option<String> {
    let multiline = matches!(limit, Limit::Prompt | Limit::Long);
    if let Some(c) = first_hidden(text, |c| {
        is_hidden(c) && !(multiline && matches!(c, '\n' | '\t')) && c != '\u{00ad}'
    }) {
        return Some(format!(
            "contains the hidden character U+{:04X}; remove it (it can make text show differently from what it says)",
            c as u32
        ));
    }
    // A text has at most as many characters as bytes: short ones need no counting.
    let max = limit as usize;
    if text.len() > max {
        let n = text.chars().count();
        if n > max {
            return Some(format!(
                "is {n} characters long; the most is {max}. Shorten it"
            ));
        }
    }
    // A word no screen can wrap: the page would run sideways.
    if text.len() > LONGEST_WORD
        && let Some(word) = text.split_whitespace().find(|w| {
            w.len() > LONGEST_WORD && w.chars().count() > LONGEST_WORD && !w.contains("://")
        })
    {
        let start: String = word.chars().take(20).collect();
        return Some(format!(
            "has a word of {} characters without a space (\"{start}…\"); break it up",
            word.chars().count()
        ));
    }
    None
}

/// What makes a list entry (a choice, an item, an answer) hard to tell apart or to type.
pub fn entry_problem(text: &str) -> Option<String> {
    if let Some(c) = first_hidden(text, is_invisible) {
        return Some(format!(
            "contains the invisible character U+{:04X}; remove it",
            c as u32
        ));
    }
    // Plain ASCII is all Latin: no word of it can mix scripts.
    if text.is_ascii() {
        return None;
    }
    for word in text.split(|c: char| !c.is_alphabetic()) {
        let mut scripts = word.chars().filter_map(script_of);
        if let Some(first) = scripts.next()
            && let Some(other) = scripts.find(|s| *s != first)
        {
            return Some(format!(
                "mixes {} and {} letters in the word \"{word}\" (a look-alike letter?)",
                first.name(),
                other.name()
            ));
        }
    }
    None
}

/// Whether a typed answer can be typed at all: it keeps some letters or digits once case,
/// accents and punctuation are set aside (combining marks alone cannot be typed).
pub fn typeable(answer: &str) -> bool {
    !fold_for_matching(answer).is_empty()
}

/// Entries that a learner would see as the same: the same after folding case and look-alike
/// letters (Latin s and Cyrillic ѕ) and dropping invisible characters.
pub fn look_alike(a: &str, b: &str) -> bool {
    // Printable ASCII folds to its lowercase (no letter of it is a look-alike, none is
    // invisible); the rest is compared as it is folded, without building either.
    if printable_ascii(a) && printable_ascii(b) {
        return a.eq_ignore_ascii_case(b);
    }
    skeleton(a).eq(skeleton(b))
}

/// Whether `text` is all printable ASCII, which holds no hidden character of any kind.
fn printable_ascii(text: &str) -> bool {
    text.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// The first character `hidden` picks out of `text`. Most bank text is printable ASCII,
/// where no character is hidden: that is checked a byte at a time.
fn first_hidden(text: &str, hidden: impl Fn(char) -> bool) -> Option<char> {
    if printable_ascii(text) {
        return None;
    }
    text.chars().find(|&c| hidden(c))
}

fn skeleton(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|&c| !is_invisible(c))
        .map(capital_look_alike)
        .flat_map(char::to_lowercase)
        .map(latin_look_alike)
}

fn is_invisible(c: char) -> bool {
    is_hidden(c) && !matches!(c, '\n' | '\t')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
}

impl Script {
    fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Greek => "Greek",
            Script::Cyrillic => "Cyrillic",
        }
    }
}

fn script_of(c: char) -> Option<Script> {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{00c0}'..='\u{024f}' => Some(Script::Latin),
        '\u{0370}'..='\u{03ff}' | '\u{1f00}'..='\u{1fff}' => Some(Script::Greek),
        '\u{0400}'..='\u{052f}' => Some(Script::Cyrillic),
        _ => None,
    }
}

/// The Latin capital a Cyrillic or Greek capital is commonly mistaken for (its lowercase
/// would mislead: Greek Ν is N, but ν looks like v).
fn capital_look_alike(c: char) -> char {
    match c {
        'А' | 'Α' => 'A',
        'В' | 'Β' => 'B',
        'С' | 'Ϲ' => 'C',
        'Е' | 'Ε' => 'E',
        'Н' | 'Η' => 'H',
        'І' | 'Ι' => 'I',
        'Ј' => 'J',
        'К' | 'Κ' => 'K',
        'М' | 'Μ' => 'M',
        'Ν' => 'N',
        'О' | 'Ο' => 'O',
        'Р' | 'Ρ' => 'P',
        'Ѕ' => 'S',
        'Т' | 'Τ' => 'T',
        'Х' | 'Χ' => 'X',
        'У' | 'Υ' => 'Y',
        'Ζ' => 'Z',
        other => other,
    }
}

/// The Latin letter a Cyrillic or Greek letter is commonly mistaken for (lowercase), or the
/// letter itself; full-width Latin letters fold to plain ones.
fn latin_look_alike(c: char) -> char {
    match c {
        'а' | 'α' => 'a',
        'в' | 'β' => 'b',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'ё' | 'ε' => 'e',
        'һ' | 'η' => 'h',
        'і' | 'ї' | 'ι' => 'i',
        'ј' => 'j',
        'к' | 'κ' => 'k',
        'ӏ' => 'l',
        'м' | 'μ' => 'm',
        'п' => 'n',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' => 'u',
        'ν' => 'v',
        'ԝ' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        'ζ' => 'z',
        '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => {
            let base = if c >= '\u{ff41}' { 0xff41 } else { 0xff21 };
            char::from_u32('a' as u32 + (c as u32 - base)).unwrap_or(c)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Printable ASCII, controls, look-alike and invisible letters, and a few others.
    const MIXED: &str = "[ -~\t\n\u{1}\u{7f}\u{85}\u{ad}\u{200b}\u{202e}аАѕЅΝνＰｐé]{0,12}";

    proptest! {
        // The printable-ASCII shortcut must agree with the folding it skips.
        #[test]
        fn look_alike_agrees_with_comparing_the_folded_texts(a in MIXED, b in MIXED) {
            prop_assert_eq!(look_alike(&a, &b), skeleton(&a).collect::<String>() == skeleton(&b).collect::<String>());
            prop_assert!(look_alike(&a, &a.to_uppercase()) || !printable_ascii(&a));
        }

        #[test]
        fn the_hidden_character_found_is_the_first_one(text in MIXED) {
            prop_assert_eq!(first_hidden(&text, is_invisible), text.chars().find(|&c| is_invisible(c)));
            prop_assert_eq!(first_hidden(&text, is_hidden), text.chars().find(|&c| is_hidden(c)));
        }
    }

    #[test]
    fn ascii_entries_differing_only_in_case_look_alike() {
        assert!(look_alike("Paris", "PARIS"));
        assert!(
            look_alike("Pa\u{7f}ris", "paris"),
            "a control character is dropped"
        );
        assert!(!look_alike("Paris", "Pari"));
    }

    #[test]
    fn look_alike_letters_and_invisible_characters_make_entries_the_same() {
        assert!(look_alike("Sweden", "\u{0455}weden"), "Cyrillic dze");
        assert!(look_alike("Paris", "Par\u{200b}is"), "zero-width space");
        assert!(look_alike("NATO", "ΝΑΤΟ"), "Greek capitals");
        assert!(!look_alike("Paris", "Rome"));
    }

    #[test]
    fn mixed_scripts_in_one_word_are_flagged() {
        assert!(entry_problem("\u{0455}weden").unwrap().contains("mixes"));
        assert!(
            entry_problem("Москва and Paris").is_none(),
            "separate words may differ"
        );
        assert!(entry_problem("Par\u{200b}is").unwrap().contains("U+200B"));
    }

    #[test]
    fn combining_marks_alone_cannot_be_typed() {
        assert!(!typeable("\u{301}\u{302}"));
        assert!(!typeable("..."));
        assert!(typeable("Łódź"));
    }

    #[test]
    fn long_and_hidden_text_is_refused() {
        assert!(
            text_problem("ok\u{1b}[2J", Limit::Line)
                .unwrap()
                .contains("U+001B")
        );
        assert!(text_problem("line\nline", Limit::Prompt).is_none());
        assert!(text_problem("line\nline", Limit::Line).is_some());
        assert!(
            text_problem(&"x".repeat(501), Limit::Line)
                .unwrap()
                .contains("501 characters")
        );
        assert!(
            text_problem(&"x".repeat(200), Limit::Line)
                .unwrap()
                .contains("without a space")
        );
    }
}
