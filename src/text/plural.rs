//! Counted nouns: "1 question", "2 questions".

use super::numbers::{Language, integer};

/// `one` or `many`, by `n` (English-style: only 1 is singular).
pub fn plural<'a>(n: u64, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// "1 question", "1,200 questions": the count in the bank's language and the right noun.
pub fn count(n: u64, one: &str, many: &str, language: Language) -> String {
    format!("{} {}", integer(n, language), plural(n, one, many))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally() {
        let en = Language::English;
        assert_eq!(
            count(1, "finished quiz", "finished quizzes", en),
            "1 finished quiz"
        );
        assert_eq!(count(0, "topic", "topics", en), "0 topics");
        assert_eq!(count(12_000, "answer", "answers", en), "12,000 answers");
    }
}
