//! The generated bank both parse benchmarks read (`bench` natively, `bench_page` in the
//! browser), so the two numbers are for the same work. Test data only: no logic of the app.

/// Where the generated manifest is read from; its one question file is beside it.
pub const MANIFEST_PATH: &str = "bench/index.toml";

/// A bank of `n` questions cycling through every type, as TOML text: (manifest, questions).
pub fn generated_bank(n: usize) -> (String, String) {
    let manifest = r#"[bank]
id = "bench"
title = "Bench"
description = "Generated."
version = "1"
language = "en"
files = ["q.toml"]

[[topic]]
id = "t"
title = "Topic"
"#
    .to_string();
    let mut text = String::with_capacity(n * 400);
    let common = "explanation = \"Because.\"\nfacts = [\"F-FA-02\"]\nsources = [\"https://example.org/s\"]\ndifficulty = 2\n";
    for i in 0..n {
        let body = match i % 9 {
            0 => "type = \"single\"\nchoices = [\"A\", \"B\", \"C\", \"D\"]\nanswer = \"A\"\n",
            1 => {
                "type = \"multiple\"\nchoices = [\"A\", \"B\", \"C\", \"D\"]\nanswer = [\"A\", \"C\"]\n"
            }
            2 => "type = \"true_false\"\nanswer = true\n",
            3 => "type = \"ordering\"\nitems = [\"A\", \"B\", \"C\", \"D\"]\n",
            4 => "type = \"matching\"\npairs = [[\"A\", \"1\"], [\"B\", \"2\"], [\"C\", \"3\"]]\n",
            5 => "type = \"numeric\"\nanswer = 1997\ntolerance = 1\n",
            6 => {
                "type = \"short_text\"\nanswer = \"Paris\"\naccept = [\"Paris, France\"]\ntypos = 1\n"
            }
            7 => {
                "type = \"cloze\"\ntext = \"In {1} in {2}.\"\nblanks = [{ answer = \"Paris\" }, { answer = \"1997\", options = [\"1991\", \"1997\"] }]\n"
            }
            _ => {
                "type = \"spot_error\"\nparts = [\"A\", \"B\", \"C\"]\nwrong = [\"B\"]\nerrors = [\"E-001-03\"]\n"
            }
        };
        text.push_str(&format!(
            "[[question]]\nid = \"q-{i:05}\"\ntopic = \"t\"\nprompt = \"Question {i}?\"\n{body}{common}\n"
        ));
    }
    (manifest, text)
}

/// Parse and validate the generated bank with the app's own loader; its question count.
pub fn parse_and_validate(manifest: &str, questions: &str) -> usize {
    accord::bank::load_bank_with(
        MANIFEST_PATH,
        |path| {
            Ok(if path == MANIFEST_PATH {
                manifest.to_string()
            } else {
                questions.to_string()
            })
        },
        accord::bank::Rules::default(),
    )
    .expect("the generated bank is valid")
    .questions
    .len()
}
