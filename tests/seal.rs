//! Sealed exams: what students receive holds no answer key; the right passphrase opens exactly
//! the questions that were sealed, a wrong one says so, tampering is refused, weak or unknown
//! files are refused, and grading a sealed exam equals grading it unsealed.

mod common;

use std::collections::BTreeSet;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use accord::bank::{
    Bank, BankMeta, Blank, BlankShape, ClozePiece, Difficulty, Question, QuestionKind, Rules,
    Shape, Source, TextAnswer, Topic, Weight, load_bank_with, split_cloze,
};
use accord::quiz::{Credit, Response, score};
use accord::seal::{
    CIPHER, FORMAT, Iterations, KDF_ALGORITHM, Key, MIN_ITERATIONS, Opened, Progress, SealError,
    SealedBank, derive_key, grade, key_from_release_code, neutral_shape, open, release_code, seal,
};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use proptest::prelude::*;
use serde_json::{Value, json};

const PASSPHRASE: &str = "correct horse battery staple";
const SALT: [u8; 16] = *b"sixteen-byte-slt";

/// The key of `PASSPHRASE`, derived once per test run at the real minimum strength.
fn key() -> &'static Key {
    static KEY: OnceLock<Key> = OnceLock::new();
    KEY.get_or_init(|| derive_key(PASSPHRASE, &SALT, Iterations::MIN))
}

/// Fresh nonces: SHA-256 of a counter shared by every sealing in this run, so no two parts
/// sealed under `key()` share one, and (like the app's random nonces) no two differ in a
/// single bit, which the byte-flipping test relies on.
fn nonces() -> impl FnMut() -> [u8; 12] {
    use sha2::Digest;
    static NEXT: AtomicU64 = AtomicU64::new(1);
    || {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let hash = sha2::Sha256::digest(n.to_be_bytes());
        let mut nonce = [0u8; 12];
        nonce.copy_from_slice(&hash[..12]);
        nonce
    }
}

fn types_bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(common::demo_bank)
}

/// The default bank in `questions/`, held to its fact-sheet rules (ids, sources,
/// explanations) but not read against the sheet itself, which lives outside the repository.
fn default_bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| {
        let manifest = format!("{}/questions/index.toml", env!("CARGO_MANIFEST_DIR"));
        load_bank_with(
            &manifest,
            |path| std::fs::read_to_string(path).map_err(|e| e.to_string()),
            Rules::default(),
        )
        .expect("the default bank is valid")
    })
}

fn ids(bank: &Bank) -> Vec<String> {
    bank.questions.iter().map(|q| q.id.clone()).collect()
}

fn seal_all(bank: &Bank) -> SealedBank {
    seal(bank, &ids(bank), key(), SALT, Iterations::MIN, nonces()).expect("the bank seals")
}

fn both_banks() -> [(&'static str, &'static Bank); 2] {
    [
        ("types fixture", types_bank()),
        ("default bank", default_bank()),
    ]
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

// ---------------------------------------------------------------------------------------------
// What students receive.

/// Every text a learner sees on the exam screen anyway: the bank's and topics' names, and per
/// question its id, prompt, picture, extract and the entries of its lists.
fn screen_texts(bank: &Bank) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let m = &bank.meta;
    out.extend([&m.id, &m.title, &m.description, &m.version, &m.language].map(String::clone));
    out.extend(m.fact_sheet.clone());
    for t in &bank.topics {
        out.extend([t.id.clone(), t.title.clone()]);
    }
    for q in &bank.questions {
        out.extend([q.id.clone(), q.topic.clone(), q.prompt.clone()]);
        if let Some(i) = &q.image {
            out.extend([i.file.clone(), i.alt.clone()]);
            out.extend(i.caption.clone());
        }
        if let Some(e) = &q.extract {
            out.extend([e.text.clone(), e.attribution.clone()]);
        }
        match q.kind.shape() {
            Shape::Single { choices } | Shape::Multiple { choices } => out.extend(choices),
            Shape::Ordering { items } => out.extend(items),
            Shape::Matching { lefts, rights } => out.extend(lefts.into_iter().chain(rights)),
            Shape::SpotError { parts } => out.extend(parts),
            Shape::Numeric { unit } => out.extend(unit),
            Shape::Cloze { pieces, blanks } => {
                for piece in pieces {
                    if let ClozePiece::Text(t) = piece {
                        out.insert(t);
                    }
                }
                for blank in blanks {
                    if let BlankShape::Options(options) = blank {
                        out.extend(options);
                    }
                }
            }
            Shape::TrueFalse | Shape::ShortText => {}
        }
    }
    out
}

/// The words of the format itself: field names, type names, constants, and the numbers it
/// writes (version, iterations, points, blank numbers).
fn format_words(bank: &Bank) -> BTreeSet<String> {
    let words = [
        "format",
        "version",
        "bank",
        "id",
        "title",
        "description",
        "language",
        "fact_sheet",
        "topics",
        "kdf",
        "algorithm",
        "salt",
        "iterations",
        "cipher",
        "key_check",
        "nonce",
        "ciphertext",
        "header",
        "questions",
        "topic",
        "prompt",
        "points_thousandths",
        "image",
        "file",
        "alt",
        "caption",
        "extract",
        "text",
        "attribution",
        "shape",
        "type",
        "choices",
        "items",
        "lefts",
        "rights",
        "unit",
        "pieces",
        "blanks",
        "blank",
        "options",
        "parts",
        "sealed",
        "typed",
        "single",
        "multiple",
        "true_false",
        "ordering",
        "matching",
        "numeric",
        "short_text",
        "cloze",
        "spot_error",
        FORMAT,
        KDF_ALGORITHM,
        CIPHER,
        "1",
    ];
    let mut out: BTreeSet<String> = words.iter().map(|w| w.to_string()).collect();
    out.insert(MIN_ITERATIONS.to_string());
    out.extend((0..10).map(|n| n.to_string()));
    out.extend(
        bank.questions
            .iter()
            .map(|q| q.points.thousandths().to_string()),
    );
    out
}

/// What identifies a question's answer, or tells about it, beyond what its screen shows.
fn secrets(q: &Question) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    out.extend(q.explanation.clone());
    out.extend(q.sources.iter().map(|s| s.text().to_string()));
    out.extend(q.facts.iter().cloned());
    out.extend(q.errors.iter().cloned());
    let typed = |a: &TextAnswer, out: &mut Vec<String>| {
        out.push(a.canonical.clone());
        out.extend(a.accept.iter().cloned());
    };
    match &q.kind {
        QuestionKind::ShortText { answer } => typed(answer, &mut out),
        QuestionKind::Cloze { blanks, .. } => {
            for blank in blanks {
                if let Blank::Typed(answer) = blank {
                    typed(answer, &mut out);
                }
            }
        }
        QuestionKind::Numeric {
            answer, tolerance, ..
        } => {
            out.push(answer.to_string());
            if *tolerance != 0.0 {
                out.push(tolerance.to_string());
            }
        }
        _ => {}
    }
    out
}

fn ciphertexts(sealed: &SealedBank) -> Vec<Vec<u8>> {
    let file: Value = serde_json::from_str(&sealed.to_json()).unwrap();
    file["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            STANDARD
                .decode(q["sealed"]["ciphertext"].as_str().unwrap())
                .unwrap()
        })
        .collect()
}

/// Whether `word` is in `text` on its own: not inside a longer word or number ("100" is not
/// in "1000").
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Every secret of every question is absent from what students receive, unless the exam's
/// own screen shows that text anyway (or the format writes it, as a number of points);
/// returns the secrets let through for that reason.
fn assert_no_secret_is_public(bank: &Bank, sealed: &SealedBank) -> Vec<String> {
    let public = sealed.public_text();
    let screen: String = screen_texts(bank)
        .into_iter()
        .chain(format_words(bank))
        .collect::<Vec<_>>()
        .join("\n");
    let blobs = ciphertexts(sealed);
    let mut shown_anyway = Vec::new();
    let mut checked = 0;
    for (q, blob) in bank.questions.iter().zip(&blobs) {
        for secret in secrets(q) {
            if contains_word(&screen, &secret) {
                shown_anyway.push(secret);
                continue;
            }
            checked += 1;
            assert!(
                !contains_word(&public, &secret),
                "{}: {secret:?} is in what students receive",
                q.id
            );
            if secret.len() >= 6 {
                assert!(
                    !blob.windows(secret.len()).any(|w| w == secret.as_bytes()),
                    "{}: {secret:?} is readable inside its ciphertext",
                    q.id
                );
            }
        }
    }
    assert!(
        checked > bank.questions.len(),
        "only {checked} secrets checked"
    );
    shown_anyway
}

#[test]
fn a_word_is_found_on_its_own_only() {
    assert!(contains_word("points 100 here", "100"));
    assert!(contains_word("100", "100"));
    assert!(!contains_word("1000 and 2100", "100"));
    assert!(contains_word("In Paris, 1997.", "Paris"));
    assert!(!contains_word("Parisian", "Paris"));
}

#[test]
fn no_answer_explanation_source_or_accepted_text_of_the_type_fixture_reaches_students() {
    let bank = types_bank();
    let shown_anyway = assert_no_secret_is_public(bank, &seal_all(bank));
    // Only "Paris" (b-cloze's typed answer) is let through: it is a choice of a-single, so the
    // exam's screen shows it whatever the seal does.
    assert_eq!(shown_anyway, strings(&["Paris"]));
}

#[test]
fn no_answer_explanation_source_or_accepted_text_of_the_default_bank_reaches_students() {
    let bank = default_bank();
    let shown_anyway = assert_no_secret_is_public(bank, &seal_all(bank));
    // Numbers and names that some other question shows (a year in a prompt, a name among
    // choices) are let through; they must stay a small share of all the secrets.
    let total: usize = bank.questions.iter().map(|q| secrets(q).len()).sum();
    assert!(
        shown_anyway.len() * 10 < total,
        "{} of {total} secrets are on screen anyway: {shown_anyway:?}",
        shown_anyway.len()
    );
}

#[test]
fn every_text_students_receive_is_one_the_exam_screen_shows_anyway_or_a_word_of_the_format() {
    for (name, bank) in both_banks() {
        let sealed = seal_all(bank);
        let allowed: BTreeSet<String> = screen_texts(bank)
            .into_iter()
            .chain(format_words(bank))
            .collect();
        for text in sealed.public_strings() {
            assert!(
                allowed.contains(&text),
                "{name}: {text:?} is sent to students"
            );
        }
    }
}

#[test]
fn no_correct_order_or_matching_pair_is_in_what_students_receive() {
    let mut orders_checked = 0;
    for (name, bank) in both_banks() {
        let sealed = seal_all(bank);
        let public = sealed.public_text();
        for q in &bank.questions {
            match &q.kind {
                QuestionKind::Ordering { items } => {
                    let mut sorted = items.clone();
                    sorted.sort();
                    assert_ne!(&sorted, items, "{name}: {} is sorted already", q.id);
                    assert!(
                        !public.contains(&items.join("\n")),
                        "{name}: the order of {} is sent",
                        q.id
                    );
                    orders_checked += 1;
                }
                QuestionKind::Matching { lefts, rights } => {
                    for (l, r) in lefts.iter().zip(rights) {
                        assert!(
                            !public.contains(&format!("{l}\n{r}")),
                            "{name}: the pair {l} → {r} of {} is sent",
                            q.id
                        );
                    }
                }
                _ => {}
            }
        }
        // The neutral shape is what is sent: every reordered list is sorted.
        for (q, public_q) in bank.questions.iter().zip(sealed.questions()) {
            assert_eq!(
                public_q.shape(),
                &neutral_shape(&q.kind),
                "{name}: {}",
                q.id
            );
        }
    }
    assert!(orders_checked > 2, "{orders_checked}");
}

/// The same question with another answer key: other answers, order, pairs, explanation and
/// sources, and the same screen.
fn rekey(q: &Question) -> Question {
    let mut q = q.clone();
    let next = |i: usize, n: usize| (i + 1) % n;
    let other_text = |a: &TextAnswer| TextAnswer {
        canonical: "zz another answer".into(),
        accept: vec!["zz yet another".into()],
        typos: (a.typos + 1) % 3,
    };
    let complement = |picks: &[usize], n: usize| -> Vec<usize> {
        let rest: Vec<usize> = (0..n).filter(|i| !picks.contains(i)).collect();
        if rest.is_empty() { vec![0] } else { rest }
    };
    q.explanation = Some("Another explanation.".into());
    q.sources = vec![Source::Citation("Another source, p. 1".into())];
    if !q.facts.is_empty() {
        q.facts = vec!["F-OTHER-01".into()];
    }
    if !q.errors.is_empty() {
        q.errors = vec!["E-999-99".into()];
    }
    q.difficulty = q.difficulty.map(|d| match d {
        Difficulty::Easy => Difficulty::Hard,
        _ => Difficulty::Easy,
    });
    q.tags = vec!["other".into()];
    q.kind = match q.kind {
        QuestionKind::SingleChoice { choices, answer } => QuestionKind::SingleChoice {
            answer: next(answer, choices.len()),
            choices,
        },
        QuestionKind::MultipleSelect { choices, answers } => QuestionKind::MultipleSelect {
            answers: complement(&answers, choices.len()),
            choices,
        },
        QuestionKind::TrueFalse { answer } => QuestionKind::TrueFalse { answer: !answer },
        QuestionKind::Ordering { mut items } => {
            items.reverse();
            QuestionKind::Ordering { items }
        }
        QuestionKind::Matching { lefts, mut rights } => {
            rights.rotate_left(1);
            QuestionKind::Matching { lefts, rights }
        }
        QuestionKind::Numeric {
            answer,
            tolerance,
            unit,
        } => QuestionKind::Numeric {
            answer: answer + 1.0,
            tolerance: tolerance + 0.5,
            unit,
        },
        QuestionKind::ShortText { answer } => QuestionKind::ShortText {
            answer: other_text(&answer),
        },
        QuestionKind::Cloze { pieces, blanks } => QuestionKind::Cloze {
            pieces,
            blanks: blanks
                .into_iter()
                .map(|b| match b {
                    Blank::Typed(a) => Blank::Typed(other_text(&a)),
                    Blank::Choice { options, answer } => Blank::Choice {
                        answer: next(answer, options.len()),
                        options,
                    },
                })
                .collect(),
        },
        QuestionKind::SpotError { parts, wrong } => QuestionKind::SpotError {
            wrong: complement(&wrong, parts.len()),
            parts,
        },
    };
    q
}

#[test]
fn what_students_receive_is_the_same_whatever_the_answer_key() {
    for (name, bank) in both_banks() {
        let rekeyed = Bank::new(
            bank.meta.clone(),
            bank.topics.clone(),
            bank.questions.iter().map(rekey).collect(),
        );
        for (a, b) in bank.questions.iter().zip(&rekeyed.questions) {
            assert_ne!(a.kind, b.kind, "{name}: {} kept its key", a.id);
        }
        assert_eq!(
            seal_all(bank).public_text(),
            seal_all(&rekeyed).public_text(),
            "{name}: the public part depends on the key"
        );
    }
}

#[test]
fn every_sealed_question_is_as_long_as_every_other_so_lengths_tell_no_answer() {
    for (name, bank) in both_banks() {
        let lengths: BTreeSet<usize> = ciphertexts(&seal_all(bank)).iter().map(Vec::len).collect();
        assert_eq!(lengths.len(), 1, "{name}: {lengths:?}");
        // Padded to a multiple of 256 bytes, plus GCM's 16-byte tag.
        assert_eq!(lengths.first().unwrap() % 256, 16, "{name}");
    }
    // A bank of one true/false question: true and false seal to the same length.
    let bank = types_bank();
    let tf = bank.question("b-tf").unwrap();
    let alone = |answer: bool| {
        let mut q = tf.clone();
        q.kind = QuestionKind::TrueFalse { answer };
        let one = Bank::new(bank.meta.clone(), bank.topics.clone(), vec![q]);
        ciphertexts(&seal_all(&one))[0].len()
    };
    assert_eq!(alone(true), alone(false));
}

#[test]
fn public_text_leaves_out_only_the_random_bytes() {
    let sealed = seal_all(types_bank());
    let public = sealed.public_text();
    let file: Value = serde_json::from_str(&sealed.to_json()).unwrap();
    let mut random = vec![file["kdf"]["salt"].clone()];
    for part in [&file["key_check"], &file["header"]].into_iter().chain(
        file["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| &q["sealed"]),
    ) {
        random.extend([part["nonce"].clone(), part["ciphertext"].clone()]);
    }
    for value in random {
        assert!(!public.contains(value.as_str().unwrap()));
    }
    for shown in [
        "Where was the Founding Act signed?",
        "Helsinki",
        "NACC",
        "1991",
        "alpha",
    ] {
        assert!(public.contains(shown), "{shown}");
    }
}

#[test]
fn the_sealed_file_has_the_documented_fields() {
    let sealed = seal_all(types_bank());
    let file: Value = serde_json::from_str(&sealed.to_json()).unwrap();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        keys(&file),
        strings(&[
            "bank",
            "cipher",
            "format",
            "header",
            "kdf",
            "key_check",
            "questions",
            "topics",
            "version"
        ])
    );
    assert_eq!(file["format"], json!("accord-sealed-bank"));
    assert_eq!(file["version"], json!(1));
    assert_eq!(file["cipher"], json!("aes-256-gcm"));
    assert_eq!(
        file["kdf"],
        json!({
            "algorithm": "pbkdf2-hmac-sha256",
            // b"sixteen-byte-slt" in base64.
            "salt": "c2l4dGVlbi1ieXRlLXNsdA==",
            "iterations": 600000
        })
    );
    let first = &file["questions"][0];
    assert_eq!(
        keys(first),
        strings(&[
            "id",
            "points_thousandths",
            "prompt",
            "sealed",
            "shape",
            "topic"
        ])
    );
    // a-single's choices Paris, Rome, Madrid, Helsinki, sorted; the answer is nowhere.
    assert_eq!(
        first["shape"],
        json!({"type": "single", "choices": ["Helsinki", "Madrid", "Paris", "Rome"]})
    );
    assert_eq!(keys(&first["sealed"]), strings(&["ciphertext", "nonce"]));
}

// ---------------------------------------------------------------------------------------------
// Opening.

#[test]
fn opening_with_the_passphrase_gives_back_exactly_the_questions_that_were_sealed() {
    for (name, bank) in both_banks() {
        let read = SealedBank::from_json(&seal_all(bank).to_json()).expect("reads back");
        let opened = open(&read, key()).expect("opens");
        let questions: Vec<&Question> = opened.questions().iter().map(|q| q.question()).collect();
        assert_eq!(
            questions,
            bank.questions.iter().collect::<Vec<_>>(),
            "{name}"
        );
        for q in opened.questions() {
            assert_eq!(q.shape(), &neutral_shape(&q.question().kind));
        }
        assert_eq!(opened.meta(), &bank.meta);
        assert_eq!(opened.to_bank().questions, bank.questions);
    }
}

#[test]
fn sealing_some_questions_keeps_their_order_and_only_their_topics() {
    let bank = types_bank();
    let chosen = strings(&["b-num", "a-single"]);
    let sealed = seal(bank, &chosen, key(), SALT, Iterations::MIN, nonces()).unwrap();
    let opened = open(&sealed, key()).unwrap();
    let got: Vec<&str> = opened
        .questions()
        .iter()
        .map(|q| q.question().id.as_str())
        .collect();
    assert_eq!(got, ["b-num", "a-single"]);
    let topics: Vec<&str> = sealed.topics().iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        topics,
        ["alpha", "beta"],
        "both topics are used, in the bank's order"
    );
    let only_alpha = seal(
        bank,
        &strings(&["a-single"]),
        key(),
        SALT,
        Iterations::MIN,
        nonces(),
    );
    let topics: Vec<String> = only_alpha
        .unwrap()
        .topics()
        .iter()
        .map(|t| t.id.clone())
        .collect();
    assert_eq!(topics, ["alpha"]);
}

#[test]
fn a_wrong_passphrase_or_release_code_is_refused_as_a_wrong_passphrase() {
    let sealed = seal_all(types_bank());
    let wrong = derive_key("correct horse battery stapler", &SALT, Iterations::MIN);
    let err = open(&sealed, &wrong).unwrap_err();
    assert_eq!(err, SealError::WrongPassphrase);
    assert!(err.to_string().starts_with("wrong passphrase"), "{err}");
    let other_code = URL_SAFE_NO_PAD.encode([7u8; 32]);
    let other = key_from_release_code(&other_code).unwrap();
    assert_eq!(open(&sealed, &other), Err(SealError::WrongPassphrase));
}

#[test]
fn a_release_code_opens_the_sealed_bank_without_the_passphrase() {
    let sealed = seal_all(types_bank());
    let code = release_code(key());
    assert_eq!(code.len(), 43);
    let from_code = key_from_release_code(&code).unwrap();
    assert_eq!(open(&sealed, &from_code), open(&sealed, key()));
    assert!(open(&sealed, &from_code).is_ok());
}

#[test]
fn the_real_minimum_derivation_runs_in_slices_equals_the_pbkdf2_crate_and_keeps_a_time_budget() {
    let sealed = seal_all(types_bank());
    assert_eq!(sealed.iterations().get(), 600_000);
    let started = Instant::now();
    let mut derivation = sealed.derivation(PASSPHRASE);
    let mut seen = Vec::new();
    let key = loop {
        match derivation.advance(150_000) {
            Progress::Working(next) => {
                seen.push((next.done(), next.total()));
                derivation = next;
            }
            Progress::Done(key) => break key,
        }
    };
    let elapsed = started.elapsed();
    // The first link is computed on creation: 1, then 150,001, 300,001, 450,001; the last
    // slice needs only the remaining 149,999 links.
    assert_eq!(
        seen,
        [(150_001, 600_000), (300_001, 600_000), (450_001, 600_000)]
    );
    let mut expected = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(PASSPHRASE.as_bytes(), &SALT, 600_000, &mut expected);
    assert_eq!(
        URL_SAFE_NO_PAD.decode(release_code(&key)).unwrap(),
        expected
    );
    assert!(open(&sealed, &key).is_ok());
    // About 0.3 s in a release build and 2 to 8 s in a debug one on this project's machines;
    // a minute means something is badly wrong (a loop run twice, the hash unoptimised).
    assert!(
        elapsed < Duration::from_secs(60),
        "600,000 iterations took {elapsed:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Tampering.

fn file(sealed: &SealedBank) -> Value {
    serde_json::from_str(&sealed.to_json()).unwrap()
}

fn reread(file: &Value) -> Result<SealedBank, SealError> {
    SealedBank::from_json(&file.to_string())
}

fn reopen(file: &Value) -> Result<Opened, SealError> {
    open(&reread(file)?, key())
}

fn edit_bytes(value: &mut Value, edit: impl FnOnce(&mut Vec<u8>)) {
    let mut bytes = STANDARD.decode(value.as_str().unwrap()).unwrap();
    edit(&mut bytes);
    *value = json!(STANDARD.encode(bytes));
}

#[test]
fn flipping_any_byte_of_any_question_ciphertext_or_nonce_is_refused_as_tampering() {
    let bank = types_bank();
    let original = file(&seal_all(bank));
    let mut flips = 0;
    for (n, q) in bank.questions.iter().enumerate() {
        let tampered = Err(SealError::TamperedQuestion { id: q.id.clone() });
        for field in ["ciphertext", "nonce"] {
            let len = STANDARD
                .decode(original["questions"][n]["sealed"][field].as_str().unwrap())
                .unwrap()
                .len();
            for byte in 0..len {
                let mut f = original.clone();
                edit_bytes(&mut f["questions"][n]["sealed"][field], |b| b[byte] ^= 0x80);
                assert_eq!(reopen(&f), tampered, "{} {field} byte {byte}", q.id);
                flips += 1;
            }
        }
    }
    assert!(flips > 9 * (12 + 16), "{flips}");
}

#[test]
fn flipping_a_byte_of_the_header_is_tampering_and_of_the_key_check_reads_as_a_wrong_key() {
    let original = file(&seal_all(types_bank()));
    let mut f = original.clone();
    edit_bytes(&mut f["header"]["ciphertext"], |b| b[3] ^= 1);
    assert_eq!(reopen(&f), Err(SealError::TamperedHeader));
    // GCM cannot tell a changed key check from a wrong key: both fail to authenticate.
    let mut f = original.clone();
    edit_bytes(&mut f["key_check"]["ciphertext"], |b| b[0] ^= 1);
    assert_eq!(reopen(&f), Err(SealError::WrongPassphrase));
}

#[test]
fn moving_a_sealed_part_to_another_question_or_from_another_bank_is_refused_as_tampering() {
    let bank = types_bank();
    let original = file(&seal_all(bank));
    let mut swapped = original.clone();
    let first = original["questions"][0]["sealed"].clone();
    swapped["questions"][0]["sealed"] = original["questions"][1]["sealed"].clone();
    swapped["questions"][1]["sealed"] = first;
    assert_eq!(
        reopen(&swapped),
        Err(SealError::TamperedQuestion {
            id: "a-single".into()
        })
    );

    // The same question sealed under the same key, but in a bank with another id.
    let mut other_meta = bank.meta.clone();
    other_meta.id = "another-bank".into();
    let other = Bank::new(other_meta, bank.topics.clone(), bank.questions.clone());
    let other_file = file(&seal_all(&other));
    let mut moved = original.clone();
    moved["questions"][0]["sealed"] = other_file["questions"][0]["sealed"].clone();
    assert_eq!(
        reopen(&moved),
        Err(SealError::TamperedQuestion {
            id: "a-single".into()
        })
    );
}

#[test]
fn changing_the_public_part_is_refused_as_tampering() {
    let original = file(&seal_all(types_bank()));
    let tampered = |id: &str| Err(SealError::TamperedQuestion { id: id.into() });

    let mut f = original.clone();
    f["questions"][0]["prompt"] = json!("Where was the treaty signed?");
    assert_eq!(reopen(&f), tampered("a-single"));

    // Still sorted, so the file reads; but not the choices that were sealed.
    let mut f = original.clone();
    f["questions"][0]["shape"]["choices"][3] = json!("Sofia");
    assert_eq!(reopen(&f), tampered("a-single"));

    let mut f = original.clone();
    f["questions"][5]["points_thousandths"] = json!(5000);
    assert_eq!(reopen(&f), tampered("b-num"));

    let mut f = original.clone();
    f["bank"]["title"] = json!("Another title");
    assert_eq!(reopen(&f), Err(SealError::TamperedHeader));

    let mut f = original.clone();
    f["bank"]["id"] = json!("another-bank");
    assert_eq!(reopen(&f), Err(SealError::TamperedHeader));

    let mut f = original.clone();
    f["questions"].as_array_mut().unwrap().pop();
    assert_eq!(reopen(&f), Err(SealError::TamperedHeader));
}

// ---------------------------------------------------------------------------------------------
// Reading files.

#[test]
fn files_with_fewer_iterations_than_the_minimum_are_refused() {
    let original = file(&seal_all(types_bank()));
    for weak in [1u64, 100_000, 599_999] {
        let mut f = original.clone();
        f["kdf"]["iterations"] = json!(weak);
        assert_eq!(
            reread(&f).map(|_| ()),
            Err(SealError::TooFewIterations {
                found: weak as u32,
                minimum: 600_000
            })
        );
    }
    let mut f = original.clone();
    f["kdf"]["iterations"] = json!(50_000_001);
    assert!(matches!(
        reread(&f),
        Err(SealError::TooManyIterations { .. })
    ));
    f["kdf"]["iterations"] = json!(1u64 << 40);
    assert!(matches!(reread(&f), Err(SealError::Malformed(_))));
    assert!(
        Iterations::new(599_999).is_err(),
        "nor can such a file be sealed"
    );
}

#[test]
fn an_unknown_version_or_another_kind_of_file_is_refused_by_name() {
    let original = file(&seal_all(types_bank()));
    let mut f = original.clone();
    f["version"] = json!(2);
    assert_eq!(
        reread(&f).map(|_| ()),
        Err(SealError::UnknownVersion { found: 2 })
    );
    f["version"] = json!("1");
    assert!(matches!(reread(&f), Err(SealError::Malformed(_))));
    f["format"] = json!("something-else");
    assert_eq!(reread(&f).map(|_| ()), Err(SealError::NotSealed));
    assert_eq!(
        SealedBank::from_json("{}").map(|_| ()),
        Err(SealError::NotSealed)
    );
    let err = SealedBank::from_json("{\"format\": ").unwrap_err();
    assert!(err.to_string().contains("line 1, column"), "{err}");
}

#[test]
fn a_file_that_breaks_the_formats_rules_is_refused_naming_the_place() {
    let original = file(&seal_all(types_bank()));
    let other_nonce = original["questions"][0]["sealed"]["nonce"].clone();
    let nine: Vec<String> = (1..=9).map(|i| format!("c{i}")).collect();
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "unsorted choices",
            Box::new(|f| {
                f["questions"][0]["shape"]["choices"] =
                    json!(["Rome", "Paris", "Madrid", "Helsinki"])
            }),
            "questions[0].shape.choices is not in the neutral (sorted) order",
        ),
        (
            "too many choices",
            Box::new(move |f| f["questions"][0]["shape"]["choices"] = json!(nine)),
            "questions[0].shape.choices has 9 entries; it needs 2 to 8",
        ),
        (
            "a repeated item",
            Box::new(|f| f["questions"][3]["shape"]["items"] = json!(["A", "A", "B"])),
            "questions[3].shape.items has an entry twice",
        ),
        (
            "uneven matching columns",
            Box::new(|f| f["questions"][4]["shape"]["rights"] = json!(["1", "2", "3", "4"])),
            "questions[4].shape has more lefts than rights, or fewer",
        ),
        (
            "a cloze blank out of place",
            Box::new(|f| f["questions"][7]["shape"]["pieces"][1] = json!({"blank": 5})),
            "questions[7].shape.pieces must hold each blank once, in order",
        ),
        (
            "a bad question id",
            Box::new(|f| f["questions"][0]["id"] = json!("Bad Id")),
            "questions[0].id \"Bad Id\" is not an id",
        ),
        (
            "a repeated question id",
            Box::new(|f| f["questions"][1]["id"] = json!("a-single")),
            "questions[1].id is used by an earlier question",
        ),
        (
            "an unknown topic",
            Box::new(|f| f["questions"][0]["topic"] = json!("gamma")),
            "questions[0].topic \"gamma\" is not one of the topics",
        ),
        (
            "an empty prompt",
            Box::new(|f| f["questions"][0]["prompt"] = json!(" ")),
            "questions[0].prompt is empty",
        ),
        (
            "a hidden character",
            Box::new(|f| f["questions"][0]["prompt"] = json!("Where\u{202e} was it?")),
            "questions[0].prompt contains the hidden character U+202E",
        ),
        (
            "no points",
            Box::new(|f| f["questions"][0]["points_thousandths"] = json!(0)),
            "questions[0].points_thousandths 0 is outside 1 to 100000",
        ),
        (
            "an image outside the bank",
            Box::new(|f| f["questions"][0]["image"] = json!({"file": "../x.png", "alt": "x"})),
            "questions[0].image.file is refused",
        ),
        (
            "a short salt",
            Box::new(|f| f["kdf"]["salt"] = json!(STANDARD.encode([1u8; 8]))),
            "kdf.salt has 8 bytes; it must have 16",
        ),
        (
            "broken base64",
            Box::new(|f| f["questions"][2]["sealed"]["nonce"] = json!("!!!")),
            "questions[2].sealed.nonce is not well-formed base64",
        ),
        (
            "a reused nonce",
            Box::new(move |f| f["questions"][1]["sealed"]["nonce"] = other_nonce.clone()),
            "questions[1].sealed.nonce was used before in this file",
        ),
        (
            "a field the format does not have",
            Box::new(|f| f["questions"][0]["answer"] = json!("Paris")),
            "unknown field `answer`",
        ),
        (
            "another algorithm",
            Box::new(|f| f["kdf"]["algorithm"] = json!("md5")),
            "kdf.algorithm \"md5\" is not pbkdf2-hmac-sha256",
        ),
        (
            "no questions",
            Box::new(|f| f["questions"] = json!([])),
            "questions must hold 1 to 10000 questions",
        ),
    ];
    for (what, edit, expected) in cases {
        let mut f = original.clone();
        edit(&mut f);
        match reread(&f) {
            Err(SealError::Malformed(problems)) => assert!(
                problems.iter().any(|p| p.contains(expected)),
                "{what}: {problems:?}"
            ),
            other => panic!("{what}: {:?}", other.map(|_| ())),
        }
    }
}

#[test]
fn sealing_refuses_unknown_repeated_or_no_questions_and_a_repeated_nonce() {
    let bank = types_bank();
    let sealed = |ids: &[&str]| {
        seal(bank, &strings(ids), key(), SALT, Iterations::MIN, nonces()).map(|_| ())
    };
    assert_eq!(sealed(&[]), Err(SealError::NoQuestions));
    assert_eq!(
        sealed(&["a-single", "nope"]),
        Err(SealError::UnknownQuestion { id: "nope".into() })
    );
    assert_eq!(
        sealed(&["a-single", "a-single"]),
        Err(SealError::DuplicateQuestion {
            id: "a-single".into()
        })
    );
    let same = seal(bank, &ids(bank), key(), SALT, Iterations::MIN, || [3u8; 12]);
    assert_eq!(same.map(|_| ()), Err(SealError::RepeatedNonce));
}

#[test]
fn a_question_that_would_not_come_back_the_same_is_not_sealed() {
    let bank = types_bank();
    let mut questions = bank.questions.clone();
    // An answer index past the choices: a Question built by hand, not by the validator.
    if let QuestionKind::SingleChoice { answer, .. } = &mut questions[0].kind {
        *answer = 9;
    }
    let broken = Bank::new(bank.meta.clone(), bank.topics.clone(), questions);
    let err = seal(
        &broken,
        &ids(&broken),
        key(),
        SALT,
        Iterations::MIN,
        nonces(),
    )
    .unwrap_err();
    assert!(
        matches!(&err, SealError::Unsealable { id, .. } if id == "a-single"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// Grading.

/// A response on the bank's lists as the same answer on the neutral shape, found by text
/// (independently of the module's own mapping).
fn to_neutral(kind: &QuestionKind, neutral: &Shape, response: &Response) -> Response {
    let at = |list: &[String], text: &String| list.iter().position(|t| t == text).unwrap();
    let sorted = |mut v: Vec<usize>| {
        v.sort_unstable();
        v
    };
    match (kind.shape(), neutral, response) {
        (Shape::Single { choices: o }, Shape::Single { choices: n }, Response::Choice(i)) => {
            Response::Choice(at(n, &o[*i]))
        }
        (Shape::Multiple { choices: o }, Shape::Multiple { choices: n }, Response::Choices(p)) => {
            Response::Choices(sorted(p.iter().map(|&i| at(n, &o[i])).collect()))
        }
        (Shape::SpotError { parts: o }, Shape::SpotError { parts: n }, Response::Parts(p)) => {
            Response::Parts(sorted(p.iter().map(|&i| at(n, &o[i])).collect()))
        }
        (Shape::Ordering { items: o }, Shape::Ordering { items: n }, Response::Order(order)) => {
            Response::Order(order.iter().map(|&i| at(n, &o[i])).collect())
        }
        (
            Shape::Matching {
                lefts: ol,
                rights: or,
            },
            Shape::Matching {
                lefts: nl,
                rights: nr,
            },
            Response::Pairs(pairs),
        ) => Response::Pairs(
            nl.iter()
                .map(|left| pairs[at(&ol, left)].map(|r| at(nr, &or[r])))
                .collect(),
        ),
        _ => response.clone(),
    }
}

/// Responses worth trying on a question: every pick, order and pairing for short lists, the
/// answer and its neighbours for numbers and texts.
fn responses(kind: &QuestionKind) -> Vec<Response> {
    fn permutations(n: usize) -> Vec<Vec<usize>> {
        if n == 0 {
            return vec![vec![]];
        }
        let mut out = Vec::new();
        for p in permutations(n - 1) {
            for at in 0..=p.len() {
                let mut q = p.clone();
                q.insert(at, n - 1);
                out.push(q);
            }
        }
        out
    }
    let subsets = |n: usize| -> Vec<Vec<usize>> {
        (0u32..1 << n)
            .map(|bits| (0..n).filter(|i| bits & (1 << i) != 0).collect())
            .collect()
    };
    match kind {
        QuestionKind::SingleChoice { choices, .. } => {
            (0..choices.len()).map(Response::Choice).collect()
        }
        QuestionKind::MultipleSelect { choices, .. } => subsets(choices.len())
            .into_iter()
            .map(Response::Choices)
            .collect(),
        QuestionKind::SpotError { parts, .. } => subsets(parts.len())
            .into_iter()
            .map(Response::Parts)
            .collect(),
        QuestionKind::TrueFalse { .. } => vec![Response::Bool(true), Response::Bool(false)],
        QuestionKind::Ordering { items } => permutations(items.len())
            .into_iter()
            .map(Response::Order)
            .collect(),
        QuestionKind::Matching { lefts, .. } => {
            let mut out: Vec<Response> = permutations(lefts.len())
                .into_iter()
                .map(|p| Response::Pairs(p.into_iter().map(Some).collect()))
                .collect();
            out.push(Response::Pairs(vec![None; lefts.len()]));
            out.push(Response::Pairs(
                (0..lefts.len())
                    .map(|i| (i % 2 == 0).then_some(i))
                    .collect(),
            ));
            out
        }
        QuestionKind::Numeric {
            answer, tolerance, ..
        } => [0.0, *tolerance, -tolerance, tolerance + 1.0, 1e6]
            .into_iter()
            .map(|d| Response::Number(answer + d))
            .collect(),
        QuestionKind::ShortText { answer } => {
            let mut out = vec![
                Response::Text(answer.canonical.clone()),
                Response::Text(answer.canonical.to_uppercase()),
                Response::Text("something else".into()),
            ];
            out.extend(answer.accept.iter().cloned().map(Response::Text));
            out
        }
        QuestionKind::Cloze { blanks, .. } => {
            let right: Vec<String> = blanks
                .iter()
                .map(|b| match b {
                    Blank::Typed(a) => a.canonical.clone(),
                    Blank::Choice { options, answer } => options[*answer].clone(),
                })
                .collect();
            let mut out = vec![
                Response::Blanks(right.clone()),
                Response::Blanks(vec![String::new(); blanks.len()]),
            ];
            for (i, blank) in blanks.iter().enumerate() {
                if let Blank::Choice { options, .. } = blank {
                    for option in options {
                        let mut r = right.clone();
                        r[i] = option.clone();
                        out.push(Response::Blanks(r));
                    }
                }
            }
            out
        }
    }
}

#[test]
fn grading_after_decryption_equals_grading_unsealed_for_every_response_tried() {
    for (name, bank) in both_banks() {
        let opened = open(&seal_all(bank), key()).unwrap();
        let mut partial = 0;
        for (q, oq) in bank.questions.iter().zip(opened.questions()) {
            for response in responses(&q.kind) {
                let neutral = to_neutral(&q.kind, oq.shape(), &response);
                let unsealed = score(&q.kind, &response);
                assert_eq!(
                    grade(oq, &neutral),
                    unsealed,
                    "{name}: {} {response:?} given as {neutral:?}",
                    q.id
                );
                partial += usize::from(!unsealed.is_full() && !unsealed.is_zero());
            }
        }
        assert!(partial > 0, "{name}: some partial credit was tried");
    }
}

#[test]
fn a_response_that_does_not_fit_the_neutral_shape_earns_nothing() {
    let opened = open(&seal_all(types_bank()), key()).unwrap();
    let single = opened.question("a-single").unwrap();
    assert_eq!(grade(single, &Response::Choice(4)), Credit::ZERO);
    assert_eq!(grade(single, &Response::Bool(true)), Credit::ZERO);
    // Paris is the answer; it is the third of the sorted choices.
    assert_eq!(grade(single, &Response::Choice(2)), Credit::FULL);
    let order = opened.question("b-order").unwrap();
    assert_eq!(
        grade(order, &Response::Order(vec![0, 1, 1, 2])),
        Credit::ZERO
    );
    // Sorted: Founding Act, NACC, NRC, PfP; the right order NACC, PfP, Founding Act, NRC.
    assert_eq!(
        grade(order, &Response::Order(vec![1, 3, 0, 2])),
        Credit::FULL
    );
}

// ---------------------------------------------------------------------------------------------
// Random banks and damaged files.

fn words(n: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::btree_set("[a-z]{1,6}", n)
        .prop_map(|set| set.into_iter().collect::<Vec<_>>())
        .prop_shuffle()
}

fn text_answer() -> impl Strategy<Value = TextAnswer> {
    (words(1..=3), 0u8..=2).prop_map(|(mut w, typos)| TextAnswer {
        canonical: w.remove(0),
        accept: w,
        typos,
    })
}

fn blank() -> impl Strategy<Value = Blank> {
    prop_oneof![
        text_answer().prop_map(Blank::Typed),
        words(2..=8)
            .prop_flat_map(|o| {
                let n = o.len();
                (Just(o), 0..n)
            })
            .prop_map(|(options, answer)| Blank::Choice { options, answer }),
    ]
}

fn kind() -> impl Strategy<Value = QuestionKind> {
    let picks = |range: std::ops::RangeInclusive<usize>, least: usize| {
        words(range).prop_flat_map(move |list| {
            let n = list.len();
            let most = if least == 1 && n > 1 { n - 1 } else { n };
            (
                Just(list),
                proptest::collection::btree_set(0..n, least..=most),
            )
        })
    };
    prop_oneof![
        words(2..=8)
            .prop_flat_map(|c| {
                let n = c.len();
                (Just(c), 0..n)
            })
            .prop_map(|(choices, answer)| QuestionKind::SingleChoice { choices, answer }),
        picks(2..=8, 0).prop_filter_map("some answer", |(choices, a)| {
            (!a.is_empty()).then(|| QuestionKind::MultipleSelect {
                choices,
                answers: a.into_iter().collect(),
            })
        }),
        any::<bool>().prop_map(|answer| QuestionKind::TrueFalse { answer }),
        words(3..=6).prop_map(|items| QuestionKind::Ordering { items }),
        (3usize..=6)
            .prop_flat_map(|n| (words(n..=n), words(n..=n)))
            .prop_map(|(lefts, rights)| QuestionKind::Matching { lefts, rights }),
        (
            -8_000_000i64..8_000_000,
            0u8..4,
            proptest::option::of("[a-z]{1,4}")
        )
            .prop_map(|(a, t, unit)| QuestionKind::Numeric {
                answer: a as f64 / 8.0,
                tolerance: f64::from(t) / 2.0,
                unit,
            }),
        text_answer().prop_map(|answer| QuestionKind::ShortText { answer }),
        proptest::collection::vec(blank(), 1..=3).prop_map(|blanks| {
            let text: Vec<String> = (1..=blanks.len()).map(|i| format!("w{{{i}}}")).collect();
            QuestionKind::Cloze {
                pieces: split_cloze(&text.join(" and ")),
                blanks,
            }
        }),
        picks(2..=8, 1).prop_map(|(parts, wrong)| QuestionKind::SpotError {
            parts,
            wrong: wrong.into_iter().collect(),
        }),
    ]
}

/// A response on the bank's own lists: in range, though not always a fitting one.
fn response(kind: &QuestionKind) -> BoxedStrategy<Response> {
    let pick_set = |n: usize| {
        proptest::collection::btree_set(0..n, 0..=n).prop_map(|s| s.into_iter().collect())
    };
    match kind {
        QuestionKind::SingleChoice { choices, .. } => {
            (0..choices.len()).prop_map(Response::Choice).boxed()
        }
        QuestionKind::MultipleSelect { choices, .. } => {
            pick_set(choices.len()).prop_map(Response::Choices).boxed()
        }
        QuestionKind::SpotError { parts, .. } => {
            pick_set(parts.len()).prop_map(Response::Parts).boxed()
        }
        QuestionKind::TrueFalse { .. } => any::<bool>().prop_map(Response::Bool).boxed(),
        QuestionKind::Ordering { items } => Just((0..items.len()).collect::<Vec<_>>())
            .prop_shuffle()
            .prop_map(Response::Order)
            .boxed(),
        QuestionKind::Matching { lefts, rights } => {
            proptest::collection::vec(proptest::option::of(0..rights.len()), lefts.len())
                .prop_map(Response::Pairs)
                .boxed()
        }
        QuestionKind::Numeric {
            answer, tolerance, ..
        } => prop_oneof![
            Just(*answer),
            Just(answer + tolerance),
            Just(answer - tolerance - 0.5),
            -1e6f64..1e6,
        ]
        .prop_map(Response::Number)
        .boxed(),
        QuestionKind::ShortText { answer } => {
            let known: Vec<String> = std::iter::once(answer.canonical.clone())
                .chain(answer.accept.iter().cloned())
                .collect();
            prop_oneof![proptest::sample::select(known), "[a-z]{1,7}"]
                .prop_map(Response::Text)
                .boxed()
        }
        QuestionKind::Cloze { blanks, .. } => blanks
            .iter()
            .map(|b| match b {
                Blank::Typed(a) => prop_oneof![Just(a.canonical.clone()), "[a-z]{0,6}"].boxed(),
                Blank::Choice { options, .. } => prop_oneof![
                    proptest::sample::select(options.clone()),
                    Just(String::new())
                ]
                .boxed(),
            })
            .collect::<Vec<_>>()
            .prop_map(Response::Blanks)
            .boxed(),
    }
}

fn random_bank(kinds: Vec<(QuestionKind, u32)>) -> Bank {
    let meta = BankMeta {
        id: "random".into(),
        title: "A random bank".into(),
        description: "Made up by the property test.".into(),
        version: "1".into(),
        language: "en".into(),
        fact_sheet: None,
    };
    let topics = vec![Topic {
        id: "t".into(),
        title: "Topic".into(),
    }];
    let questions = kinds
        .into_iter()
        .enumerate()
        .map(|(i, (kind, points))| Question {
            id: format!("q{i}"),
            topic: "t".into(),
            prompt: format!("Question {i}?"),
            explanation: (i % 2 == 0).then(|| format!("Because of {i}.")),
            facts: vec![],
            errors: vec![],
            sources: vec![],
            difficulty: None,
            tags: vec![],
            points: Weight::from_thousandths(points).unwrap(),
            image: None,
            extract: None,
            reviewed: None,
            kind,
            origin: format!("random.toml:{}", i + 1),
        })
        .collect();
    Bank::new(meta, topics, questions)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn grading_a_random_sealed_bank_equals_grading_it_unsealed(
        (kinds, responses) in proptest::collection::vec((kind(), 1u32..=100_000), 1..=9)
            .prop_flat_map(|kinds| {
                let responses: Vec<BoxedStrategy<Response>> =
                    kinds.iter().map(|(k, _)| response(k)).collect();
                (Just(kinds), responses)
            })
    ) {
        let bank = random_bank(kinds);
        let sealed = seal(&bank, &ids(&bank), key(), SALT, Iterations::MIN, nonces())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let opened = open(&SealedBank::from_json(&sealed.to_json()).unwrap(), key()).unwrap();
        prop_assert_eq!(
            opened.questions().iter().map(|q| q.question()).collect::<Vec<_>>(),
            bank.questions.iter().collect::<Vec<_>>()
        );
        for ((q, oq), response) in bank.questions.iter().zip(opened.questions()).zip(&responses) {
            let neutral = to_neutral(&q.kind, oq.shape(), response);
            prop_assert_eq!(grade(oq, &neutral), score(&q.kind, response), "{} {:?}", q.id, response);
        }
    }

    #[test]
    fn reading_any_text_as_a_sealed_bank_never_panics(
        text in prop_oneof![
            ".{0,300}",
            ".{0,300}".prop_map(|t| format!("{{\"format\":\"accord-sealed-bank\",\"version\":1,{t}")),
        ]
    ) {
        let _ = SealedBank::from_json(&text);
    }

    #[test]
    fn reading_a_damaged_sealed_file_never_panics_and_never_opens_to_other_questions(
        edits in proptest::collection::vec((any::<proptest::sample::Index>(), any::<char>()), 1..=4)
    ) {
        static FILE: OnceLock<String> = OnceLock::new();
        let original = FILE.get_or_init(|| seal_all(types_bank()).to_json());
        let mut chars: Vec<char> = original.chars().collect();
        for (at, c) in edits {
            let i = at.index(chars.len());
            chars[i] = c;
        }
        let damaged: String = chars.into_iter().collect();
        if let Ok(sealed) = SealedBank::from_json(&damaged)
            && let Ok(opened) = open(&sealed, key())
        {
            // A change that opens at all changed nothing that matters (white space, say).
            let questions: Vec<&Question> = opened.questions().iter().map(|q| q.question()).collect();
            prop_assert_eq!(questions, types_bank().questions.iter().collect::<Vec<_>>());
        }
    }
}
