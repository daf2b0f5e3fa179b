//! Raw deflate for result codes, with flate2's pure-Rust backend: used by the teacher's page
//! and the CLI. (The learner's page compresses with the browser's `CompressionStream`, the
//! same raw deflate, so its own wasm carries no compressor.)

use std::io::{Read, Write};

pub fn deflate(text: &str) -> Vec<u8> {
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(text.as_bytes())
        .expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}

/// The most bytes a result code may inflate to: a code of a few kilobytes could otherwise
/// expand to gigabytes.
const MAX_INFLATED: u64 = 4 << 20;

/// The text of raw-deflated bytes, if they inflate to UTF-8 of at most 4 MB (a longer text
/// is refused, not cut short).
pub fn inflate(bytes: &[u8]) -> Option<String> {
    let mut text = String::new();
    flate2::read::DeflateDecoder::new(bytes)
        .take(MAX_INFLATED + 1)
        .read_to_string(&mut text)
        .ok()?;
    (text.len() as u64 <= MAX_INFLATED).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deflate_round_trips_and_refuses_garbage() {
        let text = "accord ".repeat(100);
        let packed = deflate(&text);
        assert!(packed.len() < text.len() / 5);
        assert_eq!(inflate(&packed).as_deref(), Some(text.as_str()));
        assert_eq!(inflate(&[0xff, 0xfe, 0xfd]), None);
    }
}
