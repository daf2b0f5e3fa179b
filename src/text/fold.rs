//! Folding text for comparison: case, diacritics, punctuation and spacing set aside, so that
//! "Pratica di Mare!" and "pratica di mare" compare equal.

/// Lowercase, strip diacritics, drop punctuation, turn dashes and slashes into spaces,
/// and collapse runs of spaces.
pub fn fold_for_matching(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_diacritics_punctuation_and_spacing() {
        assert_eq!(fold_for_matching("  Pratica di Mare! "), "pratica di mare");
        assert_eq!(fold_for_matching("Šiauliai, Łódź"), "siauliai lodz");
        assert_eq!(fold_for_matching("Two-Plus-Four"), "two plus four");
        assert_eq!(fold_for_matching("U.S.   Senate"), "us senate");
        assert_eq!(
            fold_for_matching("\u{301}\u{302}"),
            "",
            "combining marks alone fold to nothing"
        );
    }
}
