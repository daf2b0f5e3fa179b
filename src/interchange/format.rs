//! Which format a file is in: by its extension, and by a look at its text when the extension
//! says nothing (Moodle writes GIFT to `.txt`, and Aiken files are `.txt` too).

/// A question file format Accord reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Toml,
    Gift,
    Aiken,
    Csv,
    MoodleXml,
}

impl Format {
    /// The format an extension names: `.toml`, `.gift`, `.aiken`, `.csv` / `.tsv`, `.xml`.
    /// `.txt` (and anything else) names none: see [`Format::detect`].
    pub fn of_path(path: &str) -> Option<Format> {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match extension.as_str() {
            "toml" => Some(Format::Toml),
            "gift" => Some(Format::Gift),
            "aiken" => Some(Format::Aiken),
            "csv" | "tsv" => Some(Format::Csv),
            "xml" => Some(Format::MoodleXml),
            _ => None,
        }
    }

    /// The format of a file: its extension, else what its text looks like.
    pub fn detect(path: &str, text: &str) -> Option<Format> {
        Format::of_path(path).or_else(|| Format::sniff(text))
    }

    /// What a text looks like: XML starts with `<`; TOML has `[[question]]` or `[bank]`;
    /// Aiken has a line starting `ANSWER:`; GIFT has `{` … `}` or `::name::`; CSV has commas,
    /// semicolons or tabs on its first line. Checked in that order.
    pub fn sniff(text: &str) -> Option<Format> {
        let text = text.trim_start_matches('\u{feff}');
        let start = text.trim_start();
        if start.starts_with('<') {
            return Some(Format::MoodleXml);
        }
        let lines = || text.lines().map(str::trim);
        if lines().any(|l| l == "[[question]]" || l == "[bank]") {
            return Some(Format::Toml);
        }
        if lines().any(|l| {
            l.get(..7)
                .is_some_and(|head| head.eq_ignore_ascii_case("answer:"))
        }) {
            return Some(Format::Aiken);
        }
        if (text.contains('{') && text.contains('}')) || lines().any(|l| l.starts_with("::")) {
            return Some(Format::Gift);
        }
        let first = lines().find(|l| !l.is_empty())?;
        if first.contains([',', ';', '\t']) {
            return Some(Format::Csv);
        }
        None
    }

    /// The format's name for people.
    pub fn label(self) -> &'static str {
        match self {
            Format::Toml => "Accord TOML",
            Format::Gift => "GIFT",
            Format::Aiken => "Aiken",
            Format::Csv => "CSV",
            Format::MoodleXml => "Moodle XML",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_names_the_format_and_txt_is_sniffed() {
        assert_eq!(Format::of_path("a/quiz.GIFT"), Some(Format::Gift));
        assert_eq!(Format::of_path("cards.tsv"), Some(Format::Csv));
        assert_eq!(Format::of_path("export.xml"), Some(Format::MoodleXml));
        assert_eq!(Format::of_path("quiz.txt"), None);
        assert_eq!(Format::of_path("no-extension"), None);
        assert_eq!(
            Format::detect("quiz.txt", "Q?\nA. x\nB. y\nANSWER: A\n"),
            Some(Format::Aiken)
        );
        assert_eq!(
            Format::detect("quiz.txt", "// moodle export\n::q1:: Is it? {T}\n"),
            Some(Format::Gift)
        );
        assert_eq!(
            Format::sniff("\u{feff}<?xml version=\"1.0\"?><quiz/>"),
            Some(Format::MoodleXml)
        );
        assert_eq!(Format::sniff("term\tdefinition\n"), Some(Format::Csv));
        assert_eq!(Format::sniff("just words"), None);
    }
}
