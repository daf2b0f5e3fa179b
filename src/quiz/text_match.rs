//! Matching typed answers: case, diacritics, punctuation and spacing are ignored, and a
//! documented number of typing slips may be forgiven.

use crate::bank::TextAnswer;

/// Lowercase, strip diacritics, drop punctuation, turn dashes and slashes into spaces,
/// and collapse runs of spaces.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_whitespace() || matches!(c, '-' | '–' | '—' | '/' | '_') {
            pending_space = !out.is_empty();
        } else if let Some(folded) = fold(c) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push_str(folded);
        } else if c.is_alphanumeric() {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
        // Anything else (punctuation, symbols, combining marks) is dropped.
    }
    out
}

/// The base letters of common accented Latin letters.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Edit distance with adjacent swaps (optimal string alignment), over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

/// Whether `typed` matches the canonical answer or an alternative.
///
/// With `typos = N`, an answer within N edits counts, but only against accepted answers at
/// least `5 × N` characters long (after normalising), and never when a digit differs, so
/// years, numbers and short names stay exact.
pub fn matches(answer: &TextAnswer, typed: &str) -> bool {
    let typed = normalize(typed);
    if typed.is_empty() {
        return false;
    }
    std::iter::once(&answer.canonical)
        .chain(&answer.accept)
        .map(|accepted| normalize(accepted))
        .any(|accepted| {
            accepted == typed
                || (answer.typos > 0
                    && accepted.chars().count() >= 5 * usize::from(answer.typos)
                    && digits(&accepted) == digits(&typed)
                    && edit_distance(&accepted, &typed) <= usize::from(answer.typos))
        })
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(canonical: &str, accept: &[&str], typos: u8) -> TextAnswer {
        TextAnswer {
            canonical: canonical.into(),
            accept: accept.iter().map(|s| s.to_string()).collect(),
            typos,
        }
    }

    #[test]
    fn normalizing_ignores_case_diacritics_punctuation_and_spacing() {
        assert_eq!(normalize("  Pratica di Mare! "), "pratica di mare");
        assert_eq!(normalize("Šiauliai, Łódź"), "siauliai lodz");
        assert_eq!(normalize("Two-Plus-Four"), "two plus four");
        assert_eq!(normalize("U.S.   Senate"), "us senate");
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("primakov", "primakov"), 0);
        assert_eq!(edit_distance("primakov", "pirmakov"), 1);
        assert_eq!(edit_distance("primakov", "primakof"), 1);
        assert_eq!(edit_distance("primakov", "prmakov"), 1);
        assert_eq!(edit_distance("abc", ""), 3);
    }

    #[test]
    fn typed_answers_match_alternatives_and_forgive_allowed_typos() {
        let a = answer("Primakov", &["Yevgeny Primakov"], 1);
        assert!(matches(&a, "primakov"));
        assert!(matches(&a, "YEVGENY PRIMAKOV."));
        assert!(matches(&a, "Primakow"));
        assert!(!matches(&a, "Primkaow"));
        assert!(!matches(&a, ""));
        assert!(!matches(&a, "  ...  "));
    }

    #[test]
    fn short_answers_and_digits_get_no_typo_allowance() {
        let year = answer("1997", &[], 1);
        assert!(matches(&year, "1997"));
        assert!(!matches(&year, "1998"), "a digit slip is a different year");
        let dated = answer("Helsinki 1997", &[], 1);
        assert!(matches(&dated, "Helsinky 1997"));
        assert!(!matches(&dated, "Helsinki 1998"));
        let paris = answer("Paris", &[], 1);
        assert!(matches(&paris, "Pariss"), "5 letters ≥ 5 × 1");
        let nrc = answer("NRC", &[], 1);
        assert!(!matches(&nrc, "NRX"));
        let exact = answer("Primakov", &[], 0);
        assert!(!matches(&exact, "Primakow"));
    }
}
