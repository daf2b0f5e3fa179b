//! The small data types both SCORM versions share: decimals written without floating-point
//! noise, identifiers, and text cut to a length limit.
//!
//! Lengths are counted in UTF-16 code units, as JavaScript (and so every LMS's API adapter)
//! counts them; a character outside the Basic Multilingual Plane counts twice. That count is
//! never smaller than the count of characters the specifications speak of, so a value that
//! fits here fits there. Cuts always fall between characters.

/// The length of `text` as JavaScript's `String.length` gives it.
pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// The longest start of `text` that is at most `max` UTF-16 code units long, cut between
/// characters.
pub fn cut_utf16(text: &str, max: usize) -> &str {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += c.len_utf16();
        if used > max {
            return &text[..at];
        }
    }
    text
}

/// Text on one line: control characters and the line and paragraph separators (which
/// JavaScript's `.` does not match, so a run-time's pattern would refuse the value) become
/// spaces.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// `value / 10^scale` written as a decimal with no trailing zeros: `fixed(1500, 3)` is "1.5",
/// `fixed(2000, 3)` is "2". Exact: no floating point.
pub fn fixed(value: u64, scale: u32) -> String {
    let unit = 10u64.pow(scale);
    let whole = value / unit;
    let fraction = value % unit;
    if fraction == 0 {
        return whole.to_string();
    }
    let digits = format!("{fraction:0width$}", width = scale as usize);
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// `part / whole × factor`, truncated (never rounded up) to `decimals` places and written as
/// [`fixed`]; 0 when `whole` is 0. Truncating keeps "at least the pass mark" true on both
/// sides: an LMS that compares the value it receives with the pass mark itself agrees with us.
pub fn ratio_truncated(part: u64, whole: u64, factor: u64, decimals: u32) -> String {
    if whole == 0 {
        return "0".to_string();
    }
    let scaled =
        u128::from(part.min(whole)) * u128::from(factor) * 10u128.pow(decimals) / u128::from(whole);
    fixed(u64::try_from(scaled).unwrap_or(u64::MAX), decimals)
}

/// A finite number as a plain decimal with at most `max_decimals` places (rounded, as
/// Rust's formatting rounds), without an exponent or trailing zeros; `-0` is "0". `None`
/// for a number that is not finite.
pub fn decimal_from_f64(x: f64, max_decimals: usize) -> Option<String> {
    if !x.is_finite() {
        return None;
    }
    let text = format!("{x:.max_decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    Some(if text == "-0" { "0".to_string() } else { text })
}

/// An identifier made from `raw`: letters, digits, `.`, `-` and `_` kept, anything else
/// replaced by `_`, cut to `limit`. The result has no spaces (1.2 CMIIdentifier), matches
/// 2004's short_identifier_type pattern `[\w.-]`, and is a valid relative URI reference (2004
/// long_identifier_type). `None` when nothing is left.
pub fn identifier(raw: &str, limit: usize) -> Option<String> {
    let mapped: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(limit)
        .collect();
    (!mapped.is_empty()).then_some(mapped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_fall_between_characters_and_count_utf16_units() {
        // "é" is one unit, "𝄞" (U+1D11E) two.
        assert_eq!(utf16_len("é𝄞"), 3);
        assert_eq!(cut_utf16("é𝄞x", 2), "é");
        assert_eq!(cut_utf16("é𝄞x", 3), "é𝄞");
        assert_eq!(cut_utf16("abc", 10), "abc");
    }

    #[test]
    fn fixed_point_values_print_without_trailing_zeros() {
        assert_eq!(fixed(1500, 3), "1.5");
        assert_eq!(fixed(2000, 3), "2");
        assert_eq!(fixed(7, 3), "0.007");
        // 2/3 as a percentage with two places: 66.666… truncated to 66.66.
        assert_eq!(ratio_truncated(2, 3, 100, 2), "66.66");
        assert_eq!(ratio_truncated(5, 0, 100, 2), "0");
    }

    #[test]
    fn floats_print_as_plain_decimals() {
        assert_eq!(decimal_from_f64(2023.0, 7).as_deref(), Some("2023"));
        assert_eq!(decimal_from_f64(-2.5, 7).as_deref(), Some("-2.5"));
        assert_eq!(decimal_from_f64(-0.0, 7).as_deref(), Some("0"));
        assert_eq!(decimal_from_f64(0.1 + 0.2, 7).as_deref(), Some("0.3"));
        assert_eq!(decimal_from_f64(f64::NAN, 7), None);
    }

    #[test]
    fn identifiers_keep_safe_characters_only() {
        assert_eq!(identifier("b-tf", 255).as_deref(), Some("b-tf"));
        assert_eq!(identifier("a b:c", 255).as_deref(), Some("a_b_c"));
        assert_eq!(identifier("abcdef", 3).as_deref(), Some("abc"));
        assert_eq!(identifier("", 3), None);
    }
}
