//! Arbitrary text fed to every reader never panics, and whatever loads is a valid bank that
//! the writers can carry: its TOML loads again, and its GIFT reads back without problems.

use std::collections::BTreeMap;

use accord::bank::{Bank, Rules, SourceFile, load_bank_with};
use accord::interchange::{
    Format, TomlLayout, check_imported, load_imported, read, write_gift, write_moodle_xml,
    write_toml,
};
use proptest::prelude::*;

const FORMATS: [Format; 5] = [
    Format::Gift,
    Format::Aiken,
    Format::Csv,
    Format::MoodleXml,
    Format::Toml,
];

/// Read `text` as `format`; when it loads, check what the bank can become.
fn exercise(format: Format, text: &str) -> Result<(), TestCaseError> {
    let Ok(imported) = read(format, SourceFile::new("fuzz.txt", text)) else {
        return Ok(());
    };
    let checked = check_imported(&imported, Rules::default());
    prop_assert_eq!(checked.reports.len(), imported.questions.len());
    if let Ok(bank) = load_imported(&imported, Rules::default()) {
        prop_assert!(!bank.questions.is_empty() && !bank.topics.is_empty());
        carried(&bank)?;
    }
    Ok(())
}

fn carried(bank: &Bank) -> Result<(), TestCaseError> {
    let files: BTreeMap<String, String> = write_toml(bank, TomlLayout::Folder)
        .into_iter()
        .map(|(path, text)| (format!("out/{path}"), text))
        .collect();
    let again = load_bank_with(
        "out/index.toml",
        |path| {
            files
                .get(path)
                .cloned()
                .ok_or_else(|| "missing".to_string())
        },
        Rules::default(),
    );
    prop_assert!(
        again.is_ok(),
        "the TOML written loads: {:?}\n{:#?}",
        again.err(),
        files
    );
    let gift = write_gift(bank);
    let back = read(
        Format::Gift,
        SourceFile::new("back.gift", gift.text.clone()),
    )
    .expect("GIFT is always readable");
    prop_assert!(
        back.problems.is_empty(),
        "the GIFT written reads back: {}\n{}",
        back.problems,
        gift.text
    );
    let xml = write_moodle_xml(bank);
    let back = read(
        Format::MoodleXml,
        SourceFile::new("back.xml", xml.text.clone()),
    );
    prop_assert!(back.is_ok(), "the XML written parses: {:?}", back.err());
    Ok(())
}

/// Text made of each format's own syntax, so the readers get past their first checks.
fn giftish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("{".to_string()),
            Just("}".to_string()),
            Just("=".to_string()),
            Just("~".to_string()),
            Just("#".to_string()),
            Just("####".to_string()),
            Just("::".to_string()),
            Just("->".to_string()),
            Just("%50%".to_string()),
            Just("%-100%".to_string()),
            Just("\\".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("// c\n".to_string()),
            Just("$CATEGORY: a/b\n\n".to_string()),
            Just("[html]".to_string()),
            Just("<b>".to_string()),
            Just("&amp;".to_string()),
            Just("T".to_string()),
            Just("..".to_string()),
            "[a-zA-Z0-9 .:é’]{1,8}",
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

fn csvish() -> impl Strategy<Value = String> {
    let header = prop_oneof![
        Just("id,topic,type,prompt,choices,answer,accept,tolerance,text\n".to_string()),
        Just(
            ",Question,Answer 1,Answer 2,Answer 3,Answer 4,Time limit,Correct answer(s)\n"
                .to_string()
        ),
        Just("term\tdefinition\n".to_string()),
        Just(String::new()),
    ];
    let body = prop::collection::vec(
        prop_oneof![
            Just(",".to_string()),
            Just(";".to_string()),
            Just("\t".to_string()),
            Just("\"".to_string()),
            Just(" | ".to_string()),
            Just("\n".to_string()),
            Just("->".to_string()),
            Just("single".to_string()),
            Just("multiple".to_string()),
            Just("cloze".to_string()),
            Just("{1}".to_string()),
            Just("{1:SA:=a}".to_string()),
            Just("true".to_string()),
            Just("1,2".to_string()),
            "[a-z0-9 .]{1,6}",
        ],
        0..60,
    );
    (header, body).prop_map(|(h, b)| format!("{h}{}", b.concat()))
}

fn aikenish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("A. ".to_string()),
            Just("B) ".to_string()),
            Just("C. ".to_string()),
            Just("ANSWER: ".to_string()),
            Just("A".to_string()),
            Just(", C".to_string()),
            Just("\n".to_string()),
            "[a-zA-Z0-9 ?]{1,10}",
        ],
        0..50,
    )
    .prop_map(|parts| parts.concat())
}

fn xmlish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("<question type=\"multichoice\">".to_string()),
            Just("<question type=\"cloze\">".to_string()),
            Just(
                "<question type=\"category\"><category><text>$course$/top/x</text></category>"
                    .to_string()
            ),
            Just("</question>".to_string()),
            Just("<questiontext format=\"html\"><text>".to_string()),
            Just("</text></questiontext>".to_string()),
            Just("<answer fraction=\"100\"><text>".to_string()),
            Just("<answer fraction=\"0\"><text>".to_string()),
            Just("</text></answer>".to_string()),
            Just("<single>false</single>".to_string()),
            Just("{1:MC:a~=b}".to_string()),
            Just("&amp;".to_string()),
            Just("<![CDATA[<p>]]>".to_string()),
            "[a-z0-9 ]{1,8}",
        ],
        0..40,
    )
    .prop_map(|parts| format!("<quiz>{}</quiz>", parts.concat()))
}

/// A word that may carry each format's special characters.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z][a-z]{2,7}",
        1 => "[a-z]{1,4}[\\\\:#=~{}%<>&'\"|,;.\\-]{1,2}[a-z]{0,3}",
        1 => "[0-9]{1,4}",
    ]
}

/// GIFT questions that are mostly well formed: a name, text, answers of every kind.
fn gift_questions() -> impl Strategy<Value = String> {
    let answer = (
        prop_oneof![
            Just("="),
            Just("~"),
            Just("~%50%"),
            Just("=%50%"),
            Just("~%-50%")
        ],
        word(),
        prop::option::of(word()),
    )
        .prop_map(|(m, w, fb)| match fb {
            Some(fb) => format!("{m}{w}#{fb} "),
            None => format!("{m}{w} "),
        });
    let answers = prop_oneof![
        4 => prop::collection::vec(answer, 1..6).prop_map(|a| a.concat()),
        1 => Just("T".to_string()),
        1 => Just("FALSE#no#yes".to_string()),
        1 => "#[0-9]{1,3}(:[0-9]|\\.\\.[0-9]{2,3})?",
        1 => (word(), word(), word(), word(), word(), word())
            .prop_map(|(a, b, c, d, e, f)| format!("={a} -> {b} ={c} -> {d} ={e} -> {f}")),
    ];
    let question = (
        prop::option::of(word()),
        word(),
        answers,
        prop::option::of(word()),
        prop::option::of(word()),
    )
        .prop_map(|(name, text, answers, after, general)| {
            let name = name.map(|n| format!("::{n}::")).unwrap_or_default();
            let general = general.map(|g| format!("####{g}")).unwrap_or_default();
            format!(
                "{name}{text} {{{answers}{general}}} {}",
                after.unwrap_or_default()
            )
        });
    prop::collection::vec(question, 1..6).prop_map(|q| q.join("\n\n"))
}

fn aiken_questions() -> impl Strategy<Value = String> {
    let question = (
        word(),
        prop::collection::vec(word(), 1..6),
        "[A-F](, [A-F])?",
        any::<bool>(),
    )
        .prop_map(|(text, options, answer, bracket)| {
            let mut out = format!("{text}?\n");
            for (i, option) in options.iter().enumerate() {
                let letter = (b'A' + i as u8) as char;
                let mark = if bracket { ')' } else { '.' };
                out.push_str(&format!("{letter}{mark} {option}\n"));
            }
            out.push_str(&format!("ANSWER: {answer}\n"));
            out
        });
    prop::collection::vec(question, 1..6).prop_map(|q| q.join("\n"))
}

fn xml_questions() -> impl Strategy<Value = String> {
    let answer = (
        prop_oneof![Just("100"), Just("0"), Just("50"), Just("-50")],
        word(),
    )
        .prop_map(|(f, w)| {
            format!("<answer fraction=\"{f}\"><text><![CDATA[{w}]]></text></answer>")
        });
    let question = (
        prop_oneof![
            Just("multichoice"),
            Just("truefalse"),
            Just("shortanswer"),
            Just("numerical"),
            Just("ordering"),
            Just("essay"),
        ],
        word(),
        word(),
        prop::collection::vec(answer, 1..6),
        any::<bool>(),
    )
        .prop_map(|(kind, name, text, answers, single)| {
            format!(
                "<question type=\"{kind}\"><name><text>{name}</text></name><questiontext format=\"html\"><text><![CDATA[{text}]]></text></questiontext><single>{single}</single>{}</question>",
                answers.concat()
            )
        });
    prop::collection::vec(question, 1..6)
        .prop_map(|q| format!("<?xml version=\"1.0\"?>\n<quiz>\n{}\n</quiz>", q.join("\n")))
}

proptest! {
    #[test]
    fn mostly_well_formed_gift_never_panics_and_what_loads_is_carried(text in gift_questions()) {
        exercise(Format::Gift, &text)?;
    }

    #[test]
    fn mostly_well_formed_aiken_never_panics_and_what_loads_is_carried(text in aiken_questions()) {
        exercise(Format::Aiken, &text)?;
    }

    #[test]
    fn mostly_well_formed_xml_never_panics_and_what_loads_is_carried(text in xml_questions()) {
        exercise(Format::MoodleXml, &text)?;
    }

    #[test]
    fn arbitrary_text_never_makes_a_reader_panic(text in ".*") {
        for format in FORMATS {
            exercise(format, &text)?;
        }
    }

    #[test]
    fn arbitrary_bytes_never_make_a_reader_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        for format in FORMATS {
            exercise(format, &text)?;
        }
    }

    #[test]
    fn gift_syntax_soup_never_panics_and_what_loads_is_carried(text in giftish()) {
        exercise(Format::Gift, &text)?;
    }

    #[test]
    fn csv_syntax_soup_never_panics_and_what_loads_is_carried(text in csvish()) {
        exercise(Format::Csv, &text)?;
    }

    #[test]
    fn aiken_syntax_soup_never_panics_and_what_loads_is_carried(text in aikenish()) {
        exercise(Format::Aiken, &text)?;
    }

    #[test]
    fn xml_syntax_soup_never_panics_and_what_loads_is_carried(text in xmlish()) {
        exercise(Format::MoodleXml, &text)?;
    }
}

#[test]
fn the_soups_do_load_banks_sometimes() {
    // A test that only ever sees files that fail to load checks little: these hand-picked
    // members of each soup load, so the carrying checks above do run.
    for (format, text) in [
        (Format::Gift, "Q {=a ~b}"),
        (
            Format::Csv,
            "id,topic,type,prompt,choices,answer\nq,t,single,P,a | b,a\n",
        ),
        (Format::Aiken, "Q\nA. x\nB. y\nANSWER: A"),
        (
            Format::MoodleXml,
            "<quiz><question type=\"multichoice\"><questiontext format=\"html\"><text>q</text></questiontext><answer fraction=\"100\"><text>a</text></answer><answer fraction=\"0\"><text>b</text></answer></question></quiz>",
        ),
    ] {
        let imported = read(format, SourceFile::new("x", text)).unwrap();
        let bank = load_imported(&imported, Rules::default()).unwrap_or_else(|e| panic!("{e}"));
        carried(&bank).unwrap();
    }
}

#[test]
fn the_generators_make_banks_that_load_often_enough_to_test_the_writers() {
    // With the deterministic runner, 500 draws of each: about 200 GIFT, 50 Aiken, 50 XML and
    // 20 CSV files load (counted once); at least 20 of each keeps the checks above meaningful.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    for (format, strategy) in [
        (Format::Gift, gift_questions().boxed()),
        (Format::Aiken, aiken_questions().boxed()),
        (Format::MoodleXml, xml_questions().boxed()),
        (Format::Csv, csvish().boxed()),
    ] {
        let loads = (0..500)
            .filter(|_| {
                let text = strategy.new_tree(&mut runner).unwrap().current();
                read(format, SourceFile::new("x", text))
                    .is_ok_and(|i| load_imported(&i, Rules::default()).is_ok())
            })
            .count();
        assert!(loads >= 20, "{format:?}: only {loads} of 500 load");
    }
}
