//! The review log: every answer ever given, packed into 8 bytes a review and stored as one
//! base64 string with a table of question ids, so 100,000 reviews fit in localStorage.
//!
//! Record layout (little-endian): question index (u16, or u32 when the table has more than
//! 65,536 ids: `width` says which) · seconds since 2020-01-01 u32 · credit in thousandths
//! (10 bits) and flags (6 bits) u16.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::quiz::Credit;

/// 2020-01-01T00:00:00Z in ms since the Unix epoch; review times count seconds from here.
const EPOCH_MS: u64 = 1_577_836_800_000;
const RECORD: usize = 8;

/// One answer, as the log keeps it. A review is identified by all its fields, so merging
/// and importing never count one twice; the price is that two answers to the same question
/// with the same credit in the same second (two tabs at once) count as one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Review {
    /// When, in ms since the Unix epoch, rounded down to the second.
    pub at: u64,
    pub question: String,
    pub credit: Credit,
    pub flags: ReviewFlags,
}

/// Extra facts about a review, in 6 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ReviewFlags(u8);

impl ReviewFlags {
    /// Synthesised from schema-1 counts during migration, not a real answer at that moment.
    pub const MIGRATED: ReviewFlags = ReviewFlags(1);
    /// Carried over from the per-question counts of schema 2 (which the log now replaces):
    /// it counts as an answer, but its time is unknown, so scheduling and charts skip it.
    pub const CARRIED: ReviewFlags = ReviewFlags(2);

    pub fn contains(self, other: ReviewFlags) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn with(self, other: ReviewFlags) -> ReviewFlags {
        ReviewFlags(self.0 | other.0)
    }
}

impl Review {
    /// A review at `at` ms, kept to the second and within the log's range (2020 to 2156).
    pub fn new(question: &str, at: u64, credit: Credit) -> Review {
        let at = at.clamp(EPOCH_MS, EPOCH_MS + u64::from(u32::MAX) * 1000);
        Review {
            at: at - at % 1000,
            question: question.to_string(),
            credit,
            flags: ReviewFlags::default(),
        }
    }

    /// Whether the review happened at the time it says: not carried over from counts.
    pub fn is_timed(&self) -> bool {
        !self.flags.contains(ReviewFlags::CARRIED)
    }
}

/// One question's answers, derived from the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionRecord<'a> {
    pub seen: u32,
    /// Answers with full credit.
    pub right: u32,
    pub latest: &'a Review,
}

/// All reviews of one bank, oldest first, without duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewLog {
    reviews: Vec<Review>,
}

impl ReviewLog {
    pub const fn new() -> Self {
        ReviewLog {
            reviews: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.reviews.len()
    }

    pub fn is_empty(&self) -> bool {
        self.reviews.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Review> {
        self.reviews.iter()
    }

    /// Add a review, keeping time order; an identical review already present is not added twice.
    pub fn push(&mut self, review: Review) {
        match self.reviews.binary_search(&review) {
            Ok(_) => {}
            Err(at) => self.reviews.insert(at, review),
        }
    }

    /// Every review of both logs, once each.
    pub fn merge(&mut self, other: &ReviewLog) {
        let mut all = std::mem::take(&mut self.reviews);
        all.extend(other.reviews.iter().cloned());
        all.sort();
        all.dedup();
        self.reviews = all;
    }

    /// The reviews that happened at the time they say (not carried over from counts).
    pub fn timed(&self) -> impl Iterator<Item = &Review> {
        self.reviews.iter().filter(|r| r.is_timed())
    }

    /// What the log says of each answered question: how often, how often right, and the
    /// latest answer. This replaces the per-question counts older schemas stored.
    pub fn records(&self) -> BTreeMap<&str, QuestionRecord<'_>> {
        let mut map: BTreeMap<&str, QuestionRecord> = BTreeMap::new();
        for review in &self.reviews {
            let record = map
                .entry(review.question.as_str())
                .or_insert(QuestionRecord {
                    seen: 0,
                    right: 0,
                    latest: review,
                });
            record.seen += 1;
            record.right += u32::from(review.credit.is_full());
            // Reviews are in time order, carried ones first: the last one is the latest.
            record.latest = review;
        }
        map
    }

    /// Reviews per question, oldest first.
    pub fn by_question(&self) -> BTreeMap<&str, Vec<&Review>> {
        let mut map: BTreeMap<&str, Vec<&Review>> = BTreeMap::new();
        for review in &self.reviews {
            map.entry(review.question.as_str())
                .or_default()
                .push(review);
        }
        map
    }
}

/// The stored form: question ids once, then the packed records.
#[derive(Serialize, Deserialize)]
struct Packed {
    ids: Vec<String>,
    /// Bytes of the question index in each record: 2 (absent in older saves) or 4.
    #[serde(default = "narrow", skip_serializing_if = "is_narrow")]
    width: u8,
    data: String,
}

fn narrow() -> u8 {
    2
}

fn is_narrow(width: &u8) -> bool {
    *width == 2
}

impl Serialize for ReviewLog {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut ids: Vec<String> = Vec::new();
        let mut index: BTreeMap<&str, u32> = BTreeMap::new();
        for review in &self.reviews {
            index.entry(review.question.as_str()).or_insert_with(|| {
                ids.push(review.question.clone());
                (ids.len() - 1) as u32
            });
        }
        // Past 65,536 ids a u16 index would wrap and pin answers on the wrong question.
        let width: usize = if ids.len() > usize::from(u16::MAX) + 1 {
            4
        } else {
            2
        };
        let mut bytes = Vec::with_capacity(self.reviews.len() * (RECORD + width - 2));
        for review in &self.reviews {
            let i = index[review.question.as_str()];
            bytes.extend_from_slice(&i.to_le_bytes()[..width]);
            let seconds =
                (review.at.saturating_sub(EPOCH_MS) / 1000).min(u64::from(u32::MAX)) as u32;
            bytes.extend_from_slice(&seconds.to_le_bytes());
            let packed = review.credit.thousandths() | (u16::from(review.flags.0 & 0x3f) << 10);
            bytes.extend_from_slice(&packed.to_le_bytes());
        }
        Packed {
            ids,
            width: width as u8,
            data: crate::codec::base64_encode(&bytes),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ReviewLog {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let packed = Packed::deserialize(deserializer)?;
        let width = match packed.width {
            2 => 2,
            4 => 4,
            other => {
                return Err(D::Error::custom(format!(
                    "review log has an index width of {other} bytes"
                )));
            }
        };
        let record = RECORD - 2 + width;
        let bytes = crate::codec::base64_decode(&packed.data)
            .ok_or_else(|| D::Error::custom("review log is not valid base64"))?;
        if !bytes.len().is_multiple_of(record) {
            return Err(D::Error::custom("review log has a partial record"));
        }
        let mut log = ReviewLog::new();
        log.reviews.reserve(bytes.len() / record);
        for chunk in bytes.chunks_exact(record) {
            let mut index = [0u8; 4];
            index[..width].copy_from_slice(&chunk[..width]);
            let i = u32::from_le_bytes(index) as usize;
            let rest = &chunk[width..];
            let seconds = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
            let bits = u16::from_le_bytes([rest[4], rest[5]]);
            let question = packed.ids.get(i).cloned().ok_or_else(|| {
                D::Error::custom("review log names a question index it does not list")
            })?;
            let credit = Credit::from_thousandths(bits & 0x3ff)
                .ok_or_else(|| D::Error::custom("review log has a credit above 1000"))?;
            log.reviews.push(Review {
                at: EPOCH_MS + u64::from(seconds) * 1000,
                question,
                credit,
                flags: ReviewFlags((bits >> 10) as u8),
            });
        }
        log.reviews.sort();
        log.reviews.dedup();
        Ok(log)
    }
}
