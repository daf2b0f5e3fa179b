//! The compiled bank the learner's page reads (the build's bundle, the reader module's answer):
//! it round-trips every question type, and a damaged or edited file is refused, never trusted.

mod common;

use accord::bank::SourceFile;
use accord::bank::compiled::{Stamp, decode, encode};
use common::{MANIFEST, QUESTIONS, demo_bank};
use proptest::prelude::*;

fn files() -> Vec<SourceFile> {
    vec![
        SourceFile::new("q/index.toml", MANIFEST),
        SourceFile::new("q/one.toml", QUESTIONS),
    ]
}

fn compiled() -> String {
    encode(&demo_bank(), &files())
}

#[test]
fn a_bank_of_every_type_reads_back_as_it_was_with_stamps_of_its_files() {
    let read = decode(&compiled()).unwrap();
    assert_eq!(read.bank, demo_bank());
    assert_eq!(read.files[0], Stamp::of(&files()[0]));
    assert_eq!(read.files.len(), 2);
    // An edit to a file changes its stamp.
    let edited = SourceFile::new("q/one.toml", QUESTIONS.replace("prompt", "prompt "));
    assert_ne!(Stamp::of(&edited), read.files[1]);
}

#[test]
fn the_shipped_bank_compiles_and_reads_back() {
    let manifest = "questions/index.toml";
    let bank = accord::bank::load_bank_with(
        manifest,
        |p| std::fs::read_to_string(p).map_err(|e| e.to_string()),
        accord::bank::Rules::default(),
    )
    .unwrap();
    let read = decode(&encode(&bank, &files())).unwrap();
    assert_eq!(read.bank, bank);
}

/// One edit to the compiled text, and the reason it is refused.
fn refused(from: &str, to: &str) -> String {
    let text = compiled();
    assert!(text.contains(from), "the fixture has {from}");
    decode(&text.replacen(from, to, 1)).unwrap_err()
}

#[test]
fn an_edited_file_that_breaks_a_promise_of_the_model_is_refused_with_a_reason() {
    // An answer index past the end of the choices.
    let single = r#""single_choice":{"choices":["#;
    let text = compiled();
    let at = text.find(single).unwrap();
    let answer = text[at..].find(r#""answer":"#).unwrap() + at;
    let mut broken = text.clone();
    broken.replace_range(answer..answer + 10, r#""answer":9"#);
    assert!(
        decode(&broken).unwrap_err().contains("out of range"),
        "{}",
        decode(&broken).unwrap_err()
    );
    assert!(
        refused(r#""format":"accord-bank""#, r#""format":"other""#).contains("not a compiled bank")
    );
    assert!(refused(r#""version":1"#, r#""version":7"#).contains("newer version"));
    assert!(refused(r#""id":"a-single""#, r#""id":"A single""#).contains("not a valid id"));
    assert!(refused(r#""topic":"alpha""#, r#""topic":"nowhere""#).contains("unknown topic"));
    assert!(refused(r#""path":"q/one.toml""#, r#""path":"../one.toml""#).contains("source file"));
    assert!(refused(r#""prompt":""#, "\"prompt\":\"\\u0007").contains("hidden character"));
    assert!(refused(r#""tolerance":0.0"#, r#""tolerance":-1.0"#).contains("tolerance"));
    assert!(
        decode("not json")
            .unwrap_err()
            .contains("not a compiled bank")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics_the_reader(text in ".{0,400}") {
        let _ = decode(&text);
    }

    #[test]
    fn any_one_byte_cut_or_flip_is_refused_or_still_a_valid_bank(at in 0usize..4000, byte in any::<u8>()) {
        let text = compiled();
        let at = at % text.len();
        let mut bytes = text.into_bytes();
        bytes[at] = byte;
        if let Ok(text) = String::from_utf8(bytes)
            && let Ok(read) = decode(&text)
        {
            // Whatever reads back keeps the model's promises: every question can be drawn.
            prop_assert!(read.bank.questions.iter().all(|q| read.bank.question(&q.id).is_some()));
        }
    }
}
