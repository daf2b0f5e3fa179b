//! Release codes: after the exam the teacher hands out the derived key itself as 43 characters
//! of base64url, so students' apps open the sealed bank without the slow derivation.
//! The code IS the key: whoever holds it can read every answer of that sealed bank.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::error::SealError;
use super::kdf::Key;

/// How many characters a release code has: 32 bytes in base64url without padding.
pub const RELEASE_CODE_LEN: usize = 43;

/// The key as a release code. Anyone with the code can open the sealed bank: hand it out only
/// when the answers may be read (after the exam).
pub fn release_code(key: &Key) -> String {
    URL_SAFE_NO_PAD.encode(key.bytes())
}

/// The key a release code stands for (spaces around it are ignored). Whether it opens a given
/// sealed bank is for [`super::open`] to say.
pub fn key_from_release_code(code: &str) -> Result<Key, SealError> {
    let code = code.trim();
    let n = code.chars().count();
    if n != RELEASE_CODE_LEN {
        return Err(SealError::BadReleaseCode(format!(
            "a release code has {RELEASE_CODE_LEN} characters; this one has {n}"
        )));
    }
    let bytes = URL_SAFE_NO_PAD.decode(code).map_err(|_| {
        SealError::BadReleaseCode(
            "a release code has only letters, digits, '-' and '_'; check for a mistyped character"
                .to_string(),
        )
    })?;
    let bytes: [u8; 32] = bytes.try_into().map_err(|_| {
        SealError::BadReleaseCode(format!(
            "a release code holds 32 bytes; check the last character of {}",
            crate::text::quoted(code, 50)
        ))
    })?;
    Ok(Key::from_bytes(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_release_code_is_the_key_in_base64url() {
        // 0xfb 0xfb 0xfb is 111110 111111 101111 111011: 62 63 47 59, "-_v7" in base64url;
        // 32 bytes are 10 such groups and 2 bytes left, 111110 111111 1011(00): "-_s".
        let key = Key::from_bytes([0xfb; 32]);
        let code = release_code(&key);
        assert_eq!(code, format!("{}-_s", "-_v7".repeat(10)));
        assert_eq!(code.len(), RELEASE_CODE_LEN);
        let back = key_from_release_code(&format!("  {code}\n")).unwrap();
        assert_eq!(back.bytes(), key.bytes());
    }

    #[test]
    fn codes_of_the_wrong_length_or_alphabet_are_refused_with_a_reason() {
        let err = key_from_release_code("abc").unwrap_err().to_string();
        assert!(err.contains("has 3"), "{err}");
        let err = key_from_release_code(&"+".repeat(43))
            .unwrap_err()
            .to_string();
        assert!(err.contains("letters, digits"), "{err}");
        // The last character carries 2 unused bits; a code where they are not zero is not
        // one this app wrote ("t" is 101101, "s" is 101100).
        let err = key_from_release_code(&format!("{}-_t", "-_v7".repeat(10)));
        assert!(matches!(err, Err(SealError::BadReleaseCode(_))));
    }

    proptest! {
        #[test]
        fn reading_any_text_as_a_release_code_never_panics(text in ".{0,60}") {
            let _ = key_from_release_code(&text);
        }

        #[test]
        fn every_key_comes_back_from_its_code(bytes in proptest::array::uniform32(any::<u8>())) {
            let key = Key::from_bytes(bytes);
            let back = key_from_release_code(&release_code(&key)).unwrap();
            prop_assert_eq!(back.bytes(), &bytes);
        }
    }
}
