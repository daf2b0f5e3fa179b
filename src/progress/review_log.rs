//! The review log: every answer ever given, packed into 8 bytes a review and stored as one
//! base64 string with a table of question ids, so 100,000 reviews fit in localStorage.
//!
//! Record layout (little-endian): question index u16 · seconds since 2020-01-01 u32 ·
//! credit in thousandths (10 bits) and flags (6 bits) u16.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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
    /// Credit in thousandths (0..=1000).
    pub credit: u16,
    pub flags: ReviewFlags,
}

/// Extra facts about a review, in 6 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ReviewFlags(u8);

impl ReviewFlags {
    /// Synthesised from schema-1 counts during migration, not a real answer at that moment.
    pub const MIGRATED: ReviewFlags = ReviewFlags(1);

    pub fn contains(self, other: ReviewFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

impl Review {
    /// A review at `at` ms, kept to the second and within the log's range (2020 to 2156).
    pub fn new(question: &str, at: u64, credit: u16) -> Review {
        let at = at.clamp(EPOCH_MS, EPOCH_MS + u64::from(u32::MAX) * 1000);
        Review {
            at: at - at % 1000,
            question: question.to_string(),
            credit: credit.min(1000),
            flags: ReviewFlags::default(),
        }
    }
}

/// All reviews of one bank, oldest first, without duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewLog {
    reviews: Vec<Review>,
}

impl ReviewLog {
    pub fn new() -> Self {
        Self::default()
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
    data: String,
}

impl Serialize for ReviewLog {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut ids: Vec<String> = Vec::new();
        let mut index: BTreeMap<&str, u16> = BTreeMap::new();
        let mut bytes = Vec::with_capacity(self.reviews.len() * RECORD);
        for review in &self.reviews {
            let i = *index.entry(review.question.as_str()).or_insert_with(|| {
                ids.push(review.question.clone());
                (ids.len() - 1) as u16
            });
            let seconds =
                (review.at.saturating_sub(EPOCH_MS) / 1000).min(u64::from(u32::MAX)) as u32;
            let packed = review.credit.min(1000) | (u16::from(review.flags.0 & 0x3f) << 10);
            bytes.extend_from_slice(&i.to_le_bytes());
            bytes.extend_from_slice(&seconds.to_le_bytes());
            bytes.extend_from_slice(&packed.to_le_bytes());
        }
        Packed {
            ids,
            data: base64::encode(&bytes),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ReviewLog {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let packed = Packed::deserialize(deserializer)?;
        let bytes = base64::decode(&packed.data)
            .ok_or_else(|| D::Error::custom("review log is not valid base64"))?;
        if !bytes.len().is_multiple_of(RECORD) {
            return Err(D::Error::custom("review log has a partial record"));
        }
        let mut log = ReviewLog::new();
        for record in bytes.chunks_exact(RECORD) {
            let i = usize::from(u16::from_le_bytes([record[0], record[1]]));
            let seconds = u32::from_le_bytes([record[2], record[3], record[4], record[5]]);
            let bits = u16::from_le_bytes([record[6], record[7]]);
            let question = packed.ids.get(i).cloned().ok_or_else(|| {
                D::Error::custom("review log names a question index it does not list")
            })?;
            let credit = bits & 0x3ff;
            if credit > 1000 {
                return Err(D::Error::custom("review log has a credit above 1000"));
            }
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

/// Standard base64 (RFC 4648, with padding): small enough to own rather than depend on.
mod base64 {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for (k, shift) in [18, 12, 6, 0].into_iter().enumerate() {
                if k <= chunk.len() {
                    out.push(ALPHABET[((n >> shift) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let text = text.as_bytes();
        if !text.len().is_multiple_of(4) {
            return None;
        }
        let value = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|v| v as u32);
        let mut out = Vec::with_capacity(text.len() / 4 * 3);
        for chunk in text.chunks(4) {
            let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
            if pad > 2 {
                return None;
            }
            let mut n = 0u32;
            for &c in &chunk[..4 - pad] {
                n = (n << 6) | value(c)?;
            }
            n <<= 6 * pad as u32;
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            out.extend_from_slice(&bytes[..3 - pad]);
        }
        Some(out)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn round_trips_rfc4648_vectors() {
            for (plain, coded) in [
                ("", ""),
                ("f", "Zg=="),
                ("fo", "Zm8="),
                ("foo", "Zm9v"),
                ("foobar", "Zm9vYmFy"),
            ] {
                assert_eq!(encode(plain.as_bytes()), coded);
                assert_eq!(decode(coded).unwrap(), plain.as_bytes());
            }
            assert_eq!(decode("Zm9v!A=="), None);
            assert_eq!(decode("Zm9"), None);
        }
    }
}
