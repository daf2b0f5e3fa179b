//! What a learner answered, one variant per way of answering. Indices always refer to the
//! bank's own order of choices, items or sides, never to the shuffled order on screen.

use serde::{Deserialize, Serialize};

use crate::bank::{BlankShape, QuestionKind, Shape};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Response {
    /// Single choice: the chosen choice.
    Choice(usize),
    /// Multiple select: the ticked choices, sorted.
    Choices(Vec<usize>),
    Bool(bool),
    /// Ordering: item indices, first to last.
    Order(Vec<usize>),
    /// Matching: for each left, the right the learner paired with it.
    Pairs(Vec<Option<usize>>),
    Number(f64),
    Text(String),
    /// Cloze: per blank, the typed text or the chosen option's text.
    Blanks(Vec<String>),
    /// Spot the error: the parts picked as wrong, sorted.
    Parts(Vec<usize>),
}

impl Response {
    /// Whether this response has the shape `kind` expects (right variant, indices in range).
    /// Checked once when an answer is submitted; scoring can then trust it.
    pub fn fits(&self, kind: &QuestionKind) -> bool {
        self.fits_shape(&kind.shape())
    }

    /// Whether this response fits what the learner was shown (a sealed exam has only shapes).
    pub fn fits_shape(&self, shape: &Shape) -> bool {
        let distinct_below = |picks: &[usize], n: usize| {
            picks.iter().all(|&i| i < n) && picks.windows(2).all(|w| w[0] < w[1])
        };
        match (shape, self) {
            (Shape::Single { choices }, Response::Choice(i)) => *i < choices.len(),
            (Shape::Multiple { choices }, Response::Choices(picks)) => {
                !picks.is_empty() && distinct_below(picks, choices.len())
            }
            (Shape::TrueFalse, Response::Bool(_)) => true,
            (Shape::Ordering { items }, Response::Order(order)) => {
                super::session::is_permutation(order, items.len())
            }
            (Shape::Matching { lefts, rights }, Response::Pairs(pairs)) => {
                pairs.len() == lefts.len() && pairs.iter().flatten().all(|&r| r < rights.len())
            }
            (Shape::Numeric { .. }, Response::Number(x)) => x.is_finite(),
            (Shape::ShortText, Response::Text(t)) => !t.trim().is_empty() && t.len() <= 1000,
            (Shape::Cloze { blanks, .. }, Response::Blanks(filled)) => {
                filled.len() == blanks.len()
                    && blanks.iter().zip(filled).all(|(blank, text)| match blank {
                        BlankShape::Typed => text.len() <= 1000,
                        BlankShape::Options(options) => text.is_empty() || options.contains(text),
                    })
            }
            (Shape::SpotError { parts }, Response::Parts(picks)) => {
                !picks.is_empty() && distinct_below(picks, parts.len())
            }
            _ => false,
        }
    }
}

/// Read a typed number: digits with an optional sign and one decimal point or comma;
/// spaces and thousands separators such as `1 997` or `1,997` are not numbers here, so a
/// mistyped year cannot slip through.
pub fn parse_number(text: &str) -> Result<f64, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("Type a number first.".to_string());
    }
    let unsigned = trimmed.strip_prefix(['-', '+', '−']).unwrap_or(trimmed);
    let separators = unsigned.chars().filter(|c| *c == '.' || *c == ',').count();
    let well_formed = !unsigned.is_empty()
        && separators <= 1
        && unsigned
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && unsigned.chars().next().is_some_and(|c| c.is_ascii_digit())
        && unsigned.chars().last().is_some_and(|c| c.is_ascii_digit());
    // What was typed, shown back: hidden characters escaped, and cut if long.
    let shown = {
        let escaped = crate::text::escape_controls(trimmed);
        let mut cut: String = escaped.chars().take(40).collect();
        if cut.len() < escaped.len() {
            cut.push('…');
        }
        cut
    };
    if !well_formed {
        return Err(format!(
            "“{shown}” is not a number. Type digits only, for example 1997 or 2.5."
        ));
    }
    let negative = trimmed.starts_with(['-', '−']);
    let value: f64 = unsigned
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("“{shown}” is not a number."))?;
    Ok(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_parse_with_sign_and_one_decimal_separator() {
        assert_eq!(parse_number(" 1997 "), Ok(1997.0));
        assert_eq!(parse_number("-3"), Ok(-3.0));
        assert_eq!(parse_number("2,5"), Ok(2.5));
        assert_eq!(parse_number("2.5"), Ok(2.5));
    }

    #[test]
    fn non_numbers_get_a_clear_message() {
        assert_eq!(parse_number(""), Err("Type a number first.".to_string()));
        let err = parse_number("nineteen").unwrap_err();
        assert!(err.contains("“nineteen” is not a number"), "{err}");
        assert!(parse_number("1,997.5").is_err());
        assert!(parse_number("1997.").is_err());
        assert!(parse_number("19 97").is_err());
        assert!(parse_number("1e3").is_err());
    }

    #[test]
    fn a_non_number_is_shown_back_escaped_and_cut() {
        // Found by `typed_answers_of_any_text_never_panic_and_score_within_range`: pasted
        // text came back raw in the message, a right-to-left override and all.
        let err = parse_number("19\u{202e}97").unwrap_err();
        assert!(err.starts_with("“19\\u{202e}97” is not"), "{err}");
        let err = parse_number(&"x".repeat(50)).unwrap_err();
        assert!(err.starts_with(&format!("“{}…”", "x".repeat(40))), "{err}");
    }
}
