//! The key a passphrase gives: PBKDF2-HMAC-SHA256 (RFC 8018) run in steps so a screen can show
//! progress, and the `Key` itself, wiped from memory when dropped and never printed.
//! Nothing here reads a random source or a clock: the salt comes from the caller.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use zeroize::Zeroize;

use super::error::SealError;

/// The fewest PBKDF2-HMAC-SHA256 iterations a sealed file may ask for: the OWASP Password
/// Storage Cheat Sheet's figure for this PRF (600,000, since 2023).
pub const MIN_ITERATIONS: u32 = 600_000;

/// The most a sealed file may ask for: 50 million iterations take minutes in a browser, so a
/// file asking for more is a trap (or a typo), not a stronger seal.
pub const MAX_ITERATIONS: u32 = 50_000_000;

/// How many bytes of salt a sealed bank carries (128 bits, NIST SP 800-132's minimum).
pub const SALT_LEN: usize = 16;

/// The salt: random bytes the caller draws once per sealing.
pub type Salt = [u8; SALT_LEN];

/// An iteration count between [`MIN_ITERATIONS`] and [`MAX_ITERATIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Iterations(u32);

impl Iterations {
    pub const MIN: Iterations = Iterations(MIN_ITERATIONS);

    /// The count, if it is strong enough and not absurd.
    pub fn new(count: u32) -> Result<Iterations, SealError> {
        if count < MIN_ITERATIONS {
            Err(SealError::TooFewIterations {
                found: count,
                minimum: MIN_ITERATIONS,
            })
        } else if count > MAX_ITERATIONS {
            Err(SealError::TooManyIterations {
                found: count,
                maximum: MAX_ITERATIONS,
            })
        } else {
            Ok(Iterations(count))
        }
    }

    /// A count below the minimum, for the unit tests of the derivation itself (the RFC's test
    /// vectors use 1 and 4096 iterations). Nothing outside this crate's tests can make one.
    #[cfg(test)]
    pub(crate) fn weak_for_tests(count: u32) -> Iterations {
        Iterations(count.max(1))
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

/// An AES-256 key. Dropping it overwrites its bytes; `Debug` shows none of them.
#[derive(Clone)]
pub struct Key([u8; 32]);

impl Key {
    pub(crate) fn from_bytes(bytes: [u8; 32]) -> Key {
        Key(bytes)
    }

    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl Drop for Key {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

type HmacSha256 = Hmac<Sha256>;

/// A key derivation under way. PBKDF2 is a chain of HMACs, so it can stop after any link and
/// go on later: the UI runs it a slice at a time and shows `done() / total()` in between.
///
/// Written here rather than calling the `pbkdf2` crate because that crate runs the whole chain
/// in one call, which would freeze a browser tab for seconds with no progress to show. Only the
/// chaining is ours (RFC 8018 §5.2, one 32-byte block: DK = T1 = U1 ⊕ … ⊕ Uc); the HMAC is
/// RustCrypto's, and the tests check the result against the `pbkdf2` crate and RFC vectors.
pub struct Derivation {
    /// HMAC keyed with the passphrase, cloned for each link (as the `pbkdf2` crate does).
    prf: HmacSha256,
    /// The last link, U_done.
    link: [u8; 32],
    /// U1 ⊕ … ⊕ U_done.
    sum: [u8; 32],
    done: u32,
    total: u32,
}

/// Where a derivation is after a slice of work.
pub enum Progress {
    Working(Derivation),
    Done(Key),
}

impl Derivation {
    /// Start deriving the key of `passphrase` (its UTF-8 bytes, as typed: no trimming, no
    /// Unicode normalisation) with `salt` over `iterations` links. Computes the first link.
    pub fn new(passphrase: &str, salt: &Salt, iterations: Iterations) -> Derivation {
        Derivation::start(passphrase.as_bytes(), salt, iterations.0)
    }

    /// The chain for any salt length (the RFC's test vectors use short salts).
    fn start(passphrase: &[u8], salt: &[u8], total: u32) -> Derivation {
        let prf = HmacSha256::new_from_slice(passphrase)
            .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
        // U1 = PRF(P, S ‖ INT(1)): block 1 is the only block of a 32-byte key.
        let mut first = prf.clone();
        first.update(salt);
        first.update(&1u32.to_be_bytes());
        let link: [u8; 32] = first.finalize().into_bytes().into();
        Derivation {
            prf,
            link,
            sum: link,
            done: 1,
            total: total.max(1),
        }
    }

    /// Run at most `links` more links of the chain; the key once the chain is complete.
    pub fn advance(mut self, links: u32) -> Progress {
        let n = links.min(self.total - self.done);
        for _ in 0..n {
            let mut mac = self.prf.clone();
            mac.update(&self.link);
            self.link = mac.finalize().into_bytes().into();
            for (s, l) in self.sum.iter_mut().zip(self.link) {
                *s ^= l;
            }
        }
        self.done += n;
        if self.done == self.total {
            Progress::Done(Key(self.sum))
        } else {
            Progress::Working(self)
        }
    }

    /// How many links are done, of [`Derivation::total`].
    pub fn done(&self) -> u32 {
        self.done
    }

    pub fn total(&self) -> u32 {
        self.total
    }
}

impl Drop for Derivation {
    fn drop(&mut self) {
        self.link.zeroize();
        self.sum.zeroize();
    }
}

/// The key of `passphrase` with `salt`, all at once (slow by design: see [`Derivation`] for
/// the same work in slices).
pub fn derive_key(passphrase: &str, salt: &Salt, iterations: Iterations) -> Key {
    let mut derivation = Derivation::new(passphrase, salt, iterations);
    loop {
        match derivation.advance(u32::MAX) {
            Progress::Done(key) => return key,
            Progress::Working(next) => derivation = next,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Run a derivation in slices of `slice` links.
    fn in_slices(passphrase: &str, salt: &Salt, iterations: Iterations, slice: u32) -> Key {
        let mut derivation = Derivation::new(passphrase, salt, iterations);
        loop {
            match derivation.advance(slice) {
                Progress::Done(key) => return key,
                Progress::Working(next) => {
                    assert!(next.done() < next.total());
                    derivation = next;
                }
            }
        }
    }

    /// The key of the chain with any salt, all at once.
    fn chain(passphrase: &[u8], salt: &[u8], total: u32) -> String {
        match Derivation::start(passphrase, salt, total).advance(u32::MAX) {
            Progress::Done(key) => hex(key.bytes()),
            Progress::Working(_) => panic!("u32::MAX links finish any chain"),
        }
    }

    #[test]
    fn the_derivation_matches_the_rfc_7914_test_vectors() {
        // RFC 7914 §11 gives PBKDF2-HMAC-SHA256 with dkLen = 64; a 32-byte key is the first
        // half of each (the output's first block).
        assert_eq!(
            chain(b"passwd", b"salt", 1),
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        );
        assert_eq!(
            chain(b"Password", b"NaCl", 80_000),
            "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
        );
    }

    #[test]
    fn the_derivation_equals_the_pbkdf2_crate_for_a_sixteen_byte_salt() {
        let salt: Salt = *b"0123456789abcdef";
        for iterations in [1, 2, 3, 4096] {
            let ours = derive_key(
                "correct horse",
                &salt,
                Iterations::weak_for_tests(iterations),
            );
            let mut theirs = [0u8; 32];
            pbkdf2::pbkdf2_hmac::<Sha256>(b"correct horse", &salt, iterations, &mut theirs);
            assert_eq!(ours.bytes(), &theirs, "{iterations} iterations");
        }
    }

    #[test]
    fn slices_of_any_size_give_the_same_key() {
        let salt = [7u8; 16];
        let whole = derive_key("pass", &salt, Iterations::weak_for_tests(1000));
        for slice in [0, 1, 7, 999, 1000, u32::MAX] {
            // A slice of 0 makes no progress: run one slice of 0 first, then go on by 1s.
            let key = if slice == 0 {
                match Derivation::new("pass", &salt, Iterations::weak_for_tests(1000)).advance(0) {
                    Progress::Working(d) => {
                        assert_eq!(d.done(), 1, "the first link is done on creation");
                        in_slices("pass", &salt, Iterations::weak_for_tests(1000), 1)
                    }
                    Progress::Done(_) => panic!("0 links cannot finish 1000"),
                }
            } else {
                in_slices("pass", &salt, Iterations::weak_for_tests(1000), slice)
            };
            assert_eq!(key.bytes(), whole.bytes(), "slice {slice}");
        }
    }

    #[test]
    fn iteration_counts_below_the_minimum_or_above_the_maximum_are_refused() {
        assert_eq!(Iterations::new(600_000).map(Iterations::get), Ok(600_000));
        assert_eq!(
            Iterations::new(599_999),
            Err(SealError::TooFewIterations {
                found: 599_999,
                minimum: 600_000
            })
        );
        assert!(matches!(
            Iterations::new(50_000_001),
            Err(SealError::TooManyIterations { .. })
        ));
    }

    #[test]
    fn a_key_never_prints_its_bytes() {
        let key = Key::from_bytes([0xab; 32]);
        assert_eq!(format!("{key:?}"), "Key(…)");
    }

    proptest! {
        #[test]
        fn any_passphrase_and_salt_derive_what_the_pbkdf2_crate_derives(
            passphrase in ".{0,40}",
            salt in proptest::array::uniform16(any::<u8>()),
            iterations in 1u32..40,
        ) {
            let ours = derive_key(&passphrase, &salt, Iterations::weak_for_tests(iterations));
            let mut theirs = [0u8; 32];
            pbkdf2::pbkdf2_hmac::<Sha256>(passphrase.as_bytes(), &salt, iterations, &mut theirs);
            prop_assert_eq!(ours.bytes(), &theirs);
        }
    }
}
