//! Small encodings shared by the core: base64 (standard, and URL-safe for links and codes) and
//! the FNV-1a checksum. Owned rather than depended on: a few dozen lines, and the learner's
//! page stays small. (The teacher's page also has the `base64` crate, through `seal`.)

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn encode_with(bytes: &[u8], alphabet: &[u8; 64], pad: bool) -> String {
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
                out.push(alphabet[((n >> shift) & 63) as usize] as char);
            } else if pad {
                out.push('=');
            }
        }
    }
    out
}

fn decode_with(text: &str, alphabet: &[u8; 64], padded: bool) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if padded && !text.len().is_multiple_of(4) {
        return None;
    }
    if !padded && text.len() % 4 == 1 {
        return None;
    }
    let value = |c: u8| alphabet.iter().position(|&a| a == c).map(|v| v as u32);
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.chunks(4) {
        let pad = if padded {
            chunk.iter().rev().take_while(|&&c| c == b'=').count()
        } else {
            4 - chunk.len()
        };
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

/// Standard base64 (RFC 4648), with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    encode_with(bytes, STANDARD, true)
}

pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    decode_with(text, STANDARD, true)
}

/// URL-safe base64 (RFC 4648 §5), without padding: for links and codes.
pub fn base64url_encode(bytes: &[u8]) -> String {
    encode_with(bytes, URL_SAFE, false)
}

pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    decode_with(text, URL_SAFE, false)
}

/// 64-bit FNV-1a: a checksum for spotting damage or change, not for secrets.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The checksum as 16 lowercase hex digits.
pub fn fnv1a64_hex(bytes: &[u8]) -> String {
    format!("{:016x}", fnv1a64(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn round_trips_rfc4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64_encode(plain.as_bytes()), coded);
            assert_eq!(base64_decode(coded).unwrap(), plain.as_bytes());
            assert_eq!(
                base64url_encode(plain.as_bytes()),
                coded.trim_end_matches('=')
            );
        }
        assert_eq!(base64_decode("Zm9v!A=="), None);
        assert_eq!(base64_decode("Zm9"), None);
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("-_8").unwrap(), [0xfb, 0xff]);
        assert_eq!(base64url_decode("A"), None);
    }

    #[test]
    fn fnv1a_matches_the_published_vector() {
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    proptest! {
        #[test]
        fn base64url_round_trips_and_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200), text in ".{0,80}") {
            prop_assert_eq!(base64url_decode(&base64url_encode(&bytes)).unwrap(), bytes.clone());
            prop_assert_eq!(base64_decode(&base64_encode(&bytes)).unwrap(), bytes);
            let _ = base64url_decode(&text);
            let _ = base64_decode(&text);
        }
    }
}
