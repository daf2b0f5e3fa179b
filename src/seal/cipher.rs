//! AES-256-GCM over the parts of a sealed bank, each bound by its associated data to the bank
//! and to its place (the key check, the header, one question), so no blob can be moved.

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit};

use super::kdf::Key;

/// How many bytes a nonce has (GCM's 96 bits).
pub const NONCE_LEN: usize = 12;
/// How many bytes GCM's tag adds to a plaintext.
pub(crate) const TAG_LEN: usize = 16;

/// One encrypted part: its nonce and the ciphertext with its tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Blob {
    pub nonce: [u8; NONCE_LEN],
    pub ciphertext: Vec<u8>,
}

/// Which part of a sealed bank a blob is.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Part<'a> {
    KeyCheck,
    Header,
    Question(&'a str),
}

/// What the key check holds: a known text, so a wrong key shows before anything else.
pub(crate) const KEY_CHECK: &[u8] = b"accord-sealed-bank: this key opens this bank";

/// The associated data of a part: the format, the part, and (but for the key check, which
/// must answer "wrong key" even when the bank's id was changed) the bank's id and the
/// question's, separated by NUL. Ids are lowercase letters, digits and '-', so the fields
/// cannot run into each other.
fn associated_data(bank_id: &str, part: Part) -> Vec<u8> {
    let fields = match part {
        Part::KeyCheck => vec!["key-check"],
        Part::Header => vec!["header", bank_id],
        Part::Question(id) => vec!["question", bank_id, id],
    };
    let mut aad = b"accord-sealed-bank/1".to_vec();
    for field in fields {
        aad.push(0);
        aad.extend_from_slice(field.as_bytes());
    }
    aad
}

fn cipher(key: &Key) -> Aes256Gcm {
    Aes256Gcm::new_from_slice(key.bytes())
        .unwrap_or_else(|_| unreachable!("an AES-256 key is 32 bytes"))
}

/// Encrypt `plaintext` as `part` of the bank `bank_id`. The nonce must never have been used
/// with this key before; the caller draws it at random.
pub(crate) fn encrypt(
    key: &Key,
    nonce: [u8; NONCE_LEN],
    bank_id: &str,
    part: Part,
    plaintext: &[u8],
) -> Blob {
    let aad = associated_data(bank_id, part);
    let ciphertext = cipher(key)
        .encrypt(
            &nonce.into(),
            Payload {
                msg: plaintext,
                aad: &aad,
            },
        )
        .unwrap_or_else(|_| unreachable!("AES-GCM encrypts any message under 64 GiB"));
    Blob { nonce, ciphertext }
}

/// The plaintext of `blob` as `part` of `bank_id`, or `None` if the key is wrong, the blob was
/// changed, or it belongs elsewhere (GCM cannot tell these apart).
pub(crate) fn decrypt(key: &Key, blob: &Blob, bank_id: &str, part: Part) -> Option<Vec<u8>> {
    let aad = associated_data(bank_id, part);
    cipher(key)
        .decrypt(
            &blob.nonce.into(),
            Payload {
                msg: &blob.ciphertext,
                aad: &aad,
            },
        )
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> Key {
        Key::from_bytes([byte; 32])
    }

    #[test]
    fn aes_256_gcm_matches_a_published_test_vector() {
        // McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", Test Case 13: a 256-bit
        // key and a 96-bit IV of zeros, no plaintext, no AAD, give the tag
        // 530f8afbc74536b9a963b4f1c4cb738b. Our AAD is never empty, so this drives the cipher
        // directly.
        let tag = cipher(&key(0))
            .encrypt(&[0u8; 12].into(), Payload { msg: b"", aad: b"" })
            .unwrap();
        let hex: String = tag.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, "530f8afbc74536b9a963b4f1c4cb738b");
    }

    #[test]
    fn associated_data_names_the_format_the_part_and_the_ids() {
        assert_eq!(
            associated_data("nato", Part::Question("q-1")),
            b"accord-sealed-bank/1\0question\0nato\0q-1".to_vec()
        );
        assert_eq!(
            associated_data("nato", Part::KeyCheck),
            b"accord-sealed-bank/1\0key-check".to_vec()
        );
    }

    #[test]
    fn a_blob_opens_only_with_its_key_bank_and_place() {
        let blob = encrypt(&key(1), [9; 12], "bank", Part::Question("q1"), b"secret");
        assert_eq!(blob.ciphertext.len(), b"secret".len() + TAG_LEN);
        assert_eq!(
            decrypt(&key(1), &blob, "bank", Part::Question("q1")).as_deref(),
            Some(&b"secret"[..])
        );
        assert_eq!(decrypt(&key(2), &blob, "bank", Part::Question("q1")), None);
        assert_eq!(decrypt(&key(1), &blob, "bank", Part::Question("q2")), None);
        assert_eq!(decrypt(&key(1), &blob, "other", Part::Question("q1")), None);
        assert_eq!(decrypt(&key(1), &blob, "bank", Part::Header), None);
        assert_eq!(decrypt(&key(1), &blob, "bank", Part::KeyCheck), None);
        let mut flipped = blob.clone();
        flipped.ciphertext[0] ^= 1;
        assert_eq!(
            decrypt(&key(1), &flipped, "bank", Part::Question("q1")),
            None
        );
    }
}
