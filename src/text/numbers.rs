//! Numbers as a reader of the bank's language writes them: "100,000" in English, "100 000"
//! in French, "100.000" in German, with integer arithmetic only (no float printing code in
//! the app).
//!
//! Digits are grouped only from five digits on (`1997`, `10,000`), as CLDR does for Spanish or
//! Polish, so years never read as "1,997".

/// How a language writes numbers: its group and decimal separators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    group: char,
    decimal: char,
}

impl Language {
    #[allow(non_upper_case_globals)]
    pub const English: Language = Language {
        group: ',',
        decimal: '.',
    };

    /// From a BCP 47 tag (`en`, `fr-CA`, `de-CH`); unknown languages write numbers as English.
    pub fn from_tag(tag: &str) -> Language {
        let lower = tag.to_ascii_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or_default();
        let (group, decimal) = match primary {
            _ if lower == "de-ch" || lower == "it-ch" => ('’', '.'),
            "de" | "nl" | "es" | "it" | "pt" | "da" | "id" | "tr" | "el" | "ro" | "hr" | "sl"
            | "sr" | "is" => ('.', ','),
            "fr" | "pl" | "ru" | "cs" | "sk" | "fi" | "sv" | "nb" | "nn" | "no" | "uk" | "bg"
            | "hu" | "et" | "lv" | "lt" | "be" | "kk" | "ka" => ('\u{202f}', ','),
            _ => (',', '.'),
        };
        Language { group, decimal }
    }
}

impl Default for Language {
    fn default() -> Self {
        Language::English
    }
}

/// A whole number: `integer(100000, English)` is "100,000".
pub fn integer(n: u64, language: Language) -> String {
    let digits = n.to_string();
    if digits.len() < 5 {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(language.group);
        }
        out.push(c);
    }
    out
}

/// A number with up to `max_decimals` decimals (at most 6), trailing zeros dropped, rounded
/// half away from zero: `decimal(2.5, 6, English)` is "2.5", `decimal(-1997.0, 6, English)` is
/// "-1997". Non-finite numbers print as "?".
pub fn decimal(x: f64, max_decimals: u32, language: Language) -> String {
    if !x.is_finite() {
        return "?".to_string();
    }
    let places = max_decimals.min(6);
    let scale = 10u64.pow(places);
    let magnitude = x.abs();
    // Past 2^53 an f64 holds no fraction; print the whole part alone.
    let (whole, fraction) = if magnitude * scale as f64 >= 9.0e15 {
        (magnitude.min(1.8e19) as u64, 0)
    } else {
        let scaled = (magnitude * scale as f64).round() as u64;
        (scaled / scale, scaled % scale)
    };
    let mut out = String::new();
    if x < 0.0 && (whole > 0 || fraction > 0) {
        out.push('-');
    }
    out.push_str(&integer(whole, language));
    if fraction > 0 {
        let digits = format!("{fraction:0width$}", width = places as usize);
        out.push(language.decimal);
        out.push_str(digits.trim_end_matches('0'));
    }
    out
}

/// A number as a learner types it back: no grouping, a point for decimals, up to 6 decimals
/// ("100000", "2.5").
pub fn plain(x: f64) -> String {
    decimal(
        x,
        6,
        Language {
            group: '\0',
            decimal: '.',
        },
    )
    .replace('\0', "")
}

/// `part / whole` as a whole percentage, rounded half up (the app's one rounding rule for
/// percentages): 2.666 of 10 is 27 %. 0 when `whole` is 0.
pub fn percent_of(part: u64, whole: u64) -> u32 {
    if whole == 0 {
        return 0;
    }
    let part = u128::from(part.min(whole));
    ((part * 200 + u128::from(whole)) / (u128::from(whole) * 2)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_numbers_are_grouped_the_bank_languages_way() {
        assert_eq!(integer(100_000, Language::English), "100,000");
        assert_eq!(integer(1997, Language::English), "1997");
        assert_eq!(integer(12_345_678, Language::from_tag("de")), "12.345.678");
        assert_eq!(
            integer(100_000, Language::from_tag("fr-CA")),
            "100\u{202f}000"
        );
        assert_eq!(integer(100_000, Language::from_tag("de-CH")), "100’000");
        assert_eq!(integer(100_000, Language::from_tag("xx")), "100,000");
    }

    #[test]
    fn decimals_print_without_float_noise() {
        let en = Language::English;
        assert_eq!(decimal(2.5, 6, en), "2.5");
        assert_eq!(decimal(0.1 + 0.2, 6, en), "0.3");
        assert_eq!(decimal(-1997.0, 6, en), "-1997");
        assert_eq!(decimal(100_000.25, 6, en), "100,000.25");
        assert_eq!(decimal(3.666, 1, en), "3.7");
        assert_eq!(decimal(2.5, 6, Language::from_tag("fr")), "2,5");
        assert_eq!(decimal(-0.0000001, 6, en), "0");
        assert_eq!(decimal(f64::NAN, 6, en), "?");
        assert_eq!(
            decimal(1e300, 2, en),
            "18,000,000,000,000,000,000",
            "clamped, no panic"
        );
    }

    #[test]
    fn percentages_round_half_up() {
        // 2.666 of 10 points is 26.66 %: 27 %.
        assert_eq!(percent_of(2666, 10_000), 27);
        assert_eq!(percent_of(1, 200), 1); // 0.5 % rounds up
        assert_eq!(percent_of(0, 10), 0);
        assert_eq!(percent_of(10, 10), 100);
        assert_eq!(percent_of(5, 0), 0);
        assert_eq!(percent_of(u64::MAX, u64::MAX), 100);
    }
}
