//! The ids a fact sheet defines (`**F-FA-02**`, `**E-001-03.`) and the URLs it cites,
//! so a bank can be checked against it.

use std::collections::BTreeSet;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FactSheet {
    pub facts: BTreeSet<String>,
    pub errors: BTreeSet<String>,
    pub urls: BTreeSet<String>,
}

impl FactSheet {
    /// Read the ids from the fact sheet's Markdown: an id counts where it is defined, that is
    /// written in bold (`**F-FA-02**`) or in the first cell of a table row (`| F-ENL-04 |`).
    pub fn parse(markdown: &str) -> Self {
        let mut sheet = FactSheet::default();
        for line in markdown.lines() {
            let Some(row) = line.trim_start().strip_prefix('|') else {
                continue;
            };
            let first_cell = row.split('|').next().unwrap_or_default().trim();
            if is_id(first_cell, "F-") {
                sheet.facts.insert(first_cell.to_string());
            }
        }
        for chunk in markdown.split("**").skip(1).step_by(2) {
            let id = chunk.split([' ', '.', ':']).next().unwrap_or_default();
            if is_id(id, "F-") {
                sheet.facts.insert(id.to_string());
            } else if is_id(id, "E-") {
                sheet.errors.insert(id.to_string());
            }
        }
        for word in markdown.split(|c: char| c.is_whitespace() || c == '(' || c == ')') {
            if word.starts_with("http://") || word.starts_with("https://") {
                let url = word.trim_end_matches([',', ';', '.']);
                sheet.urls.insert(url.to_string());
            }
        }
        sheet
    }
}

fn is_id(text: &str, prefix: &str) -> bool {
    text.starts_with(prefix)
        && text.len() <= 16
        && text[prefix.len()..]
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        && text.ends_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bold_fact_and_error_ids_and_urls() {
        let md = "- **F-FA-02** It was signed. Sources: https://a.example/x ; https://b.example/y\n\
                  | F-ENL-04 | 12 Mar 1999 | Czech Republic | https://d.example/w |\n\
                  - **E-001-03. Claim (error):** text (see **C-02**) http://c.example/z.";
        let sheet = FactSheet::parse(md);
        assert_eq!(
            sheet.facts.iter().collect::<Vec<_>>(),
            ["F-ENL-04", "F-FA-02"]
        );
        assert!(sheet.urls.contains("https://d.example/w"));
        assert_eq!(sheet.errors.iter().collect::<Vec<_>>(), ["E-001-03"]);
        assert!(sheet.urls.contains("https://a.example/x"));
        assert!(sheet.urls.contains("https://b.example/y"));
        assert!(sheet.urls.contains("http://c.example/z"));
    }
}
