//! The format for any teacher: what a bank without a fact sheet may leave out, sources as
//! citations, points, images and extracts; and the checker's help with the usual mistakes
//! (curly quotes, apostrophes, misspelt fields, one syntax error not hiding the rest).

mod common;

use accord::bank::{Extract, Image, Source, Weight};
use common::{MANIFEST, errors_for, load, strict_errors_for};

/// A one-question file for the demo manifest's topic "alpha" (the demo has two topics, so
/// "beta" gets a second question).
fn bank_of(question: &str) -> String {
    format!(
        "{question}\n\n[[question]]\nid = \"b\"\ntopic = \"beta\"\ntype = \"true_false\"\nprompt = \"Beta?\"\nanswer = true\n"
    )
}

const MINIMAL: &str = "[[question]]\nid = \"a\"\ntopic = \"alpha\"\ntype = \"single\"\nprompt = \"Where?\"\nchoices = [\"Paris\", \"Rome\"]\nanswer = \"Paris\"";

#[test]
fn a_bank_without_a_fact_sheet_needs_no_facts_sources_explanation_or_difficulty() {
    let text = bank_of(MINIMAL);
    let bank = load(&[("index.toml", MANIFEST), ("one.toml", &text)], None).unwrap();
    let q = bank.question("a").unwrap();
    assert_eq!(q.explanation, None);
    assert!(q.facts.is_empty() && q.sources.is_empty());
    assert_eq!(q.difficulty, None);
    assert_eq!(q.points, Weight::ONE);
    // The same file in a bank that names a fact sheet is held to its rules.
    let errors = strict_errors_for(&text);
    assert!(
        errors.iter().any(|e| e.contains("missing `facts`"))
            && errors.iter().any(|e| e.contains("missing `sources`"))
            && errors.iter().any(|e| e.contains("missing `explanation`"))
            && errors.iter().any(|e| e.contains("missing `difficulty`")),
        "{errors:#?}"
    );
}

#[test]
fn sources_may_be_links_or_plain_citations() {
    let text = bank_of(&format!(
        "{MINIMAL}\nsources = [\"Textbook, p. 12\", \"https://www.nato.int/x\"]"
    ));
    let bank = load(&[("index.toml", MANIFEST), ("one.toml", &text)], None).unwrap();
    assert_eq!(
        bank.question("a").unwrap().sources,
        vec![
            Source::Citation("Textbook, p. 12".into()),
            Source::Link("https://www.nato.int/x".into())
        ]
    );
    let errors = errors_for(&bank_of(&format!(
        "{MINIMAL}\nsources = [\"www.nato.int\"]"
    )));
    assert!(errors[0].contains("start it with https://"), "{errors:?}");
}

#[test]
fn points_images_and_extracts_are_read_and_checked() {
    let text = bank_of(&format!(
        "{MINIMAL}\npoints = 2.5\nimage = {{ file = \"maps/europe.png\", alt = \"A map of Europe in 1949\" }}\nextract = {{ text = \"An armed attack against one…\", attribution = \"North Atlantic Treaty, Article 5\" }}"
    ));
    let bank = load(&[("index.toml", MANIFEST), ("one.toml", &text)], None).unwrap();
    let q = bank.question("a").unwrap();
    assert_eq!(q.points.thousandths(), 2500);
    assert_eq!(
        q.image,
        Some(Image {
            file: "maps/europe.png".into(),
            alt: "A map of Europe in 1949".into(),
            caption: None
        })
    );
    assert_eq!(
        q.extract,
        Some(Extract {
            text: "An armed attack against one…".into(),
            attribution: "North Atlantic Treaty, Article 5".into()
        })
    );
    for (bad, expected) in [
        ("points = 0", "`points` must be a number above 0"),
        ("points = 0.0001", "up to three decimals"),
        ("image = { file = \"map.png\" }", "the image needs `alt`"),
        (
            "image = { file = \"../map.png\", alt = \"x\" }",
            "must stay inside this folder",
        ),
        (
            "image = { file = \"map.exe\", alt = \"x\" }",
            "must be one of: .png",
        ),
        (
            "extract = { text = \"Quote\" }",
            "missing `extract.attribution`",
        ),
    ] {
        let errors = errors_for(&bank_of(&format!("{MINIMAL}\n{bad}")));
        assert!(
            errors.len() == 1 && errors[0].contains(expected),
            "{bad}: {errors:#?}"
        );
    }
}

#[test]
fn curly_quotes_and_apostrophes_get_a_hint() {
    let errors = errors_for(&MINIMAL.replace("\"Where?\"", "“Where?”"));
    assert!(
        errors[0].contains("curly quotes from a word processor"),
        "{errors:?}"
    );
    let errors = errors_for(&MINIMAL.replace("\"Where?\"", "'Where's it?'"));
    assert!(errors[0].contains("apostrophe inside '…'"), "{errors:?}");
}

#[test]
fn a_misspelt_field_or_type_gets_a_suggestion() {
    let errors = errors_for(&bank_of(&format!("{MINIMAL}\nexplenation = \"x\"")));
    assert!(
        errors[0].contains("did you mean `explanation`?"),
        "{errors:?}"
    );
    let errors = errors_for(&bank_of(&MINIMAL.replace("\"single\"", "\"singel\"")));
    assert!(errors[0].contains("did you mean \"single\"?"), "{errors:?}");
}

#[test]
fn one_syntax_error_does_not_hide_the_problems_after_it() {
    // The first question has a syntax error; the second an unknown topic. Both are reported.
    let text = format!(
        "{}\n\n[[question]]\nid = \"b\"\ntopic = \"gamma\"\ntype = \"true_false\"\nprompt = \"Beta?\"\nanswer = true\n",
        MINIMAL.replace("\"Where?\"", "\"Where?")
    );
    let errors = errors_for(&text);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[0].starts_with("q/one.toml:5:"), "{errors:?}");
    assert!(
        errors[1].starts_with("q/one.toml:11:9:") && errors[1].contains("unknown topic \"gamma\""),
        "{errors:?}"
    );
}
