//! The sealed bank as students receive it, versioned JSON: public metadata and topics, the key
//! derivation's parameters, a key check, a sealed header, and per question what a learner sees
//! (its neutral shape) beside its sealed part. Reading checks the file by meaning (`check`).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use super::check;
use super::cipher::{Blob, NONCE_LEN, TAG_LEN};
use super::error::SealError;
use super::kdf::{Derivation, Iterations, SALT_LEN, Salt};
use crate::bank::{BankMeta, Extract, Image, Shape, Topic, Weight};

/// What the file says it is.
pub const FORMAT: &str = "accord-sealed-bank";
/// The one format version this app reads and writes.
pub const VERSION: u64 = 1;
pub const KDF_ALGORITHM: &str = "pbkdf2-hmac-sha256";
pub const CIPHER: &str = "aes-256-gcm";
/// The largest sealed file read: far above any bank (the default bank seals to under 1 MiB).
pub const MAX_FILE_BYTES: usize = 16 << 20;
/// The largest sealed part of one question.
pub const MAX_BLOB_BYTES: usize = 256 << 10;

/// A sealed bank, checked: every list within its limits and in neutral order, every id valid,
/// every nonce distinct, the key derivation at least [`super::MIN_ITERATIONS`] strong.
#[derive(Debug, Clone, PartialEq)]
pub struct SealedBank {
    pub(crate) meta: BankMeta,
    pub(crate) topics: Vec<Topic>,
    pub(crate) salt: Salt,
    pub(crate) iterations: Iterations,
    pub(crate) key_check: Blob,
    pub(crate) header: Blob,
    pub(crate) questions: Vec<SealedQuestion>,
}

/// One question as a learner may see it before the key is released, and its sealed part.
#[derive(Debug, Clone, PartialEq)]
pub struct SealedQuestion {
    pub(crate) id: String,
    pub(crate) topic: String,
    pub(crate) prompt: String,
    pub(crate) points: Weight,
    pub(crate) image: Option<Image>,
    pub(crate) extract: Option<Extract>,
    pub(crate) shape: Shape,
    pub(crate) sealed: Blob,
}

impl SealedQuestion {
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn topic(&self) -> &str {
        &self.topic
    }
    pub fn prompt(&self) -> &str {
        &self.prompt
    }
    pub fn points(&self) -> Weight {
        self.points
    }
    pub fn image(&self) -> Option<&Image> {
        self.image.as_ref()
    }
    pub fn extract(&self) -> Option<&Extract> {
        self.extract.as_ref()
    }
    /// The shape to render, every list in neutral order: responses index into these lists.
    pub fn shape(&self) -> &Shape {
        &self.shape
    }
}

// The file, field for field. Unknown fields are refused: a newer writer bumps the version.

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileV1 {
    format: String,
    version: u64,
    bank: MetaFile,
    topics: Vec<TopicFile>,
    kdf: KdfFile,
    cipher: String,
    key_check: BlobFile,
    header: BlobFile,
    questions: Vec<QuestionFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MetaFile {
    id: String,
    title: String,
    description: String,
    version: String,
    language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fact_sheet: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TopicFile {
    id: String,
    title: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KdfFile {
    algorithm: String,
    salt: String,
    iterations: u64,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BlobFile {
    nonce: String,
    ciphertext: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ImageFile {
    file: String,
    alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    caption: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtractFile {
    text: String,
    attribution: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    id: String,
    topic: String,
    prompt: String,
    points_thousandths: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    image: Option<ImageFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    extract: Option<ExtractFile>,
    shape: Shape,
    sealed: BlobFile,
}

/// What the sealed header holds: the public metadata, topics and list of questions, so that
/// none of them can be changed, dropped or reordered unseen.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HeaderData {
    bank: MetaFile,
    topics: Vec<TopicFile>,
    questions: Vec<String>,
}

/// The first two fields, read before the rest so that a newer version gets its own message.
#[derive(Deserialize)]
struct Probe {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

impl MetaFile {
    fn of(meta: &BankMeta) -> MetaFile {
        MetaFile {
            id: meta.id.clone(),
            title: meta.title.clone(),
            description: meta.description.clone(),
            version: meta.version.clone(),
            language: meta.language.clone(),
            fact_sheet: meta.fact_sheet.clone(),
        }
    }
}

fn topics_file(topics: &[Topic]) -> Vec<TopicFile> {
    topics
        .iter()
        .map(|t| TopicFile {
            id: t.id.clone(),
            title: t.title.clone(),
        })
        .collect()
}

/// The plaintext of the header of a bank with these parts.
pub(crate) fn header_plaintext(meta: &BankMeta, topics: &[Topic], ids: &[&str]) -> Vec<u8> {
    let header = HeaderData {
        bank: MetaFile::of(meta),
        topics: topics_file(topics),
        questions: ids.iter().map(|id| id.to_string()).collect(),
    };
    serde_json::to_vec(&header).unwrap_or_else(|_| unreachable!("plain data serializes"))
}

fn blob_file(blob: &Blob) -> BlobFile {
    BlobFile {
        nonce: STANDARD.encode(blob.nonce),
        ciphertext: STANDARD.encode(&blob.ciphertext),
    }
}

/// Reads the file's base64 fields, writing down what is wrong with each.
struct Reader {
    problems: Vec<String>,
}

impl Reader {
    fn bytes(&mut self, at: &str, text: &str) -> Option<Vec<u8>> {
        match STANDARD.decode(text) {
            Ok(bytes) => Some(bytes),
            Err(_) => {
                self.problems
                    .push(format!("{at} is not well-formed base64"));
                None
            }
        }
    }

    fn array<const N: usize>(&mut self, at: &str, text: &str) -> Option<[u8; N]> {
        let bytes = self.bytes(at, text)?;
        let n = bytes.len();
        let array = bytes.try_into().ok();
        if array.is_none() {
            self.problems
                .push(format!("{at} has {n} bytes; it must have {N}"));
        }
        array
    }

    fn blob(&mut self, at: &str, file: &BlobFile) -> Option<Blob> {
        let nonce = self.array::<NONCE_LEN>(&format!("{at}.nonce"), &file.nonce);
        let ciphertext = self.bytes(&format!("{at}.ciphertext"), &file.ciphertext);
        if let Some(c) = &ciphertext
            && !(TAG_LEN..=MAX_BLOB_BYTES).contains(&c.len())
        {
            self.problems.push(format!(
                "{at}.ciphertext has {} bytes; a sealed part has {TAG_LEN} to {MAX_BLOB_BYTES}",
                c.len()
            ));
            return None;
        }
        Some(Blob {
            nonce: nonce?,
            ciphertext: ciphertext?,
        })
    }
}

/// A serde_json error as a place in the file and what is wrong there.
fn json_problem(e: &serde_json::Error) -> String {
    crate::text::escape_controls(&format!("line {}, column {}: {}", e.line(), e.column(), e))
}

impl SealedBank {
    pub fn meta(&self) -> &BankMeta {
        &self.meta
    }

    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    pub fn questions(&self) -> &[SealedQuestion] {
        &self.questions
    }

    pub fn question(&self, id: &str) -> Option<&SealedQuestion> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn salt(&self) -> &Salt {
        &self.salt
    }

    pub fn iterations(&self) -> Iterations {
        self.iterations
    }

    /// Start deriving this bank's key from a passphrase (run it with `advance`, showing
    /// progress, then `open` with the key).
    pub fn derivation(&self, passphrase: &str) -> Derivation {
        Derivation::new(passphrase, &self.salt, self.iterations)
    }

    /// The file, as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        let file = FileV1 {
            format: FORMAT.to_string(),
            version: VERSION,
            bank: MetaFile::of(&self.meta),
            topics: topics_file(&self.topics),
            kdf: KdfFile {
                algorithm: KDF_ALGORITHM.to_string(),
                salt: STANDARD.encode(self.salt),
                iterations: u64::from(self.iterations.get()),
            },
            cipher: CIPHER.to_string(),
            key_check: blob_file(&self.key_check),
            header: blob_file(&self.header),
            questions: self
                .questions
                .iter()
                .map(|q| QuestionFile {
                    id: q.id.clone(),
                    topic: q.topic.clone(),
                    prompt: q.prompt.clone(),
                    points_thousandths: q.points.thousandths(),
                    image: q.image.as_ref().map(|i| ImageFile {
                        file: i.file.clone(),
                        alt: i.alt.clone(),
                        caption: i.caption.clone(),
                    }),
                    extract: q.extract.as_ref().map(|e| ExtractFile {
                        text: e.text.clone(),
                        attribution: e.attribution.clone(),
                    }),
                    shape: q.shape.clone(),
                    sealed: blob_file(&q.sealed),
                })
                .collect(),
        };
        serde_json::to_string_pretty(&file).unwrap_or_else(|_| unreachable!("plain data"))
    }

    /// Read a sealed file: its format and version first, then the key derivation's strength,
    /// then everything else by meaning. Nothing in it is trusted.
    pub fn from_json(text: &str) -> Result<SealedBank, SealError> {
        if text.len() > MAX_FILE_BYTES {
            return Err(SealError::Malformed(vec![format!(
                "the file has {} bytes; a sealed exam has at most {MAX_FILE_BYTES}",
                text.len()
            )]));
        }
        let probe: Probe =
            serde_json::from_str(text).map_err(|e| SealError::Malformed(vec![json_problem(&e)]))?;
        if probe.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(SealError::NotSealed);
        }
        match probe.version.as_ref().map(|v| v.as_u64()) {
            Some(Some(VERSION)) => {}
            Some(Some(found)) => return Err(SealError::UnknownVersion { found }),
            _ => {
                return Err(SealError::Malformed(vec![
                    "`version` is missing or not a whole number".to_string(),
                ]));
            }
        }
        let file: FileV1 =
            serde_json::from_str(text).map_err(|e| SealError::Malformed(vec![json_problem(&e)]))?;
        let iterations = Iterations::new(u32::try_from(file.kdf.iterations).unwrap_or(u32::MAX))
            .map_err(|e| match e {
                SealError::TooManyIterations { maximum, .. }
                    if file.kdf.iterations > u64::from(u32::MAX) =>
                {
                    SealError::Malformed(vec![format!(
                        "kdf.iterations {} is far above the most, {maximum}",
                        file.kdf.iterations
                    )])
                }
                other => other,
            })?;
        let mut read = Reader {
            problems: Vec::new(),
        };
        if file.kdf.algorithm != KDF_ALGORITHM {
            read.problems.push(format!(
                "kdf.algorithm {} is not {KDF_ALGORITHM}",
                crate::text::quoted(&file.kdf.algorithm, 40)
            ));
        }
        if file.cipher != CIPHER {
            read.problems.push(format!(
                "cipher {} is not {CIPHER}",
                crate::text::quoted(&file.cipher, 40)
            ));
        }
        let salt = read.array::<SALT_LEN>("kdf.salt", &file.kdf.salt);
        let key_check = read.blob("key_check", &file.key_check);
        let header = read.blob("header", &file.header);
        let mut questions = Vec::with_capacity(file.questions.len());
        for (n, q) in file.questions.into_iter().enumerate() {
            let at = format!("questions[{n}]");
            let sealed = read.blob(&format!("{at}.sealed"), &q.sealed);
            let points = Weight::from_thousandths(q.points_thousandths);
            if points.is_none() {
                read.problems.push(format!(
                    "{at}.points_thousandths {} is outside 1 to {}",
                    q.points_thousandths,
                    Weight::MAX.thousandths()
                ));
            }
            if let (Some(sealed), Some(points)) = (sealed, points) {
                questions.push(SealedQuestion {
                    id: q.id,
                    topic: q.topic,
                    prompt: q.prompt,
                    points,
                    image: q.image.map(|i| Image {
                        file: i.file,
                        alt: i.alt,
                        caption: i.caption,
                    }),
                    extract: q.extract.map(|e| Extract {
                        text: e.text,
                        attribution: e.attribution,
                    }),
                    shape: q.shape,
                    sealed,
                });
            }
        }
        let (Some(salt), Some(key_check), Some(header), true) =
            (salt, key_check, header, read.problems.is_empty())
        else {
            return Err(SealError::Malformed(read.problems));
        };
        let bank = SealedBank {
            meta: BankMeta {
                id: file.bank.id,
                title: file.bank.title,
                description: file.bank.description,
                version: file.bank.version,
                language: file.bank.language,
                fact_sheet: file.bank.fact_sheet,
            },
            topics: file
                .topics
                .into_iter()
                .map(|t| Topic {
                    id: t.id,
                    title: t.title,
                })
                .collect(),
            salt,
            iterations,
            key_check,
            header,
            questions,
        };
        let problems = check::problems(&bank);
        if problems.is_empty() {
            Ok(bank)
        } else {
            Err(SealError::Malformed(problems))
        }
    }

    /// Everything a student's browser receives, as plain texts to search: every key, text and
    /// number of the file, unescaped (lists in order, an object's keys alphabetical), except
    /// the salt, nonces and ciphertexts.
    /// Those are random bytes, whose base64 holds any short text (a year, "Paris") by chance;
    /// what they hold is what the tests that decrypt them check.
    pub fn public_strings(&self) -> Vec<String> {
        let value: serde_json::Value =
            serde_json::from_str(&self.to_json()).unwrap_or(serde_json::Value::Null);
        let mut out = Vec::new();
        collect_text(&value, &mut out);
        out
    }

    /// [`SealedBank::public_strings`] one per line, to search for a text or a sequence.
    pub fn public_text(&self) -> String {
        self.public_strings().join("\n")
    }
}

fn collect_text(value: &serde_json::Value, out: &mut Vec<String>) {
    use serde_json::Value;
    match value {
        Value::Null => {}
        Value::Bool(b) => out.push(b.to_string()),
        Value::Number(n) => out.push(n.to_string()),
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| collect_text(v, out)),
        Value::Object(map) => {
            for (key, v) in map {
                out.push(key.clone());
                if !matches!(key.as_str(), "salt" | "nonce" | "ciphertext") {
                    collect_text(v, out);
                }
            }
        }
    }
}
