//! Tombstones: what is kept of an erased person, so that the same person
//! is not added again unasked: a salted SHA-256 of each normalised email
//! and of the phone's last digits, with the time of the erasure. The salt
//! is random per database (in `meta`), so a hash cannot be looked up in a
//! table made elsewhere; nothing else about the person is kept.

use super::Store;
use super::error::Result;
use crate::domain::erasure::{emails_of, phone_key};
use crate::domain::{Candidate, Timestamp};
use crate::store::kv::Tree;
use sha2::{Digest, Sha256};
use std::fmt;

/// The tree: hash -> the erasure's time (milliseconds, big-endian).
pub(super) const TREE: &str = "tombstones";
/// Where the salt lives in `meta`.
pub(super) const SALT_KEY: &[u8] = b"erasure:salt";
/// In `meta`: an erasure was made and the files were not rewritten since
/// (see `compact.rs`).
pub(super) const REWRITE_PENDING: &[u8] = b"erasure:rewrite-pending";
/// What `check` says of a pending rewrite.
pub(super) const PENDING_PROBLEM: &str = "erasure: an erasure's rewrite is pending: erased \
     data may remain in the database's files until it is closed";

/// A person on file who matches an erased one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasedMatch {
    /// `email` or `phone`.
    pub by: &'static str,
    pub erased_at: Timestamp,
}

impl fmt::Display for ErasedMatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a person with this {} was erased on {}",
            self.by,
            self.erased_at.format("%Y-%m-%d")
        )
    }
}

/// What identifies a person to a tombstone: each email and the phone.
pub(super) fn marks_of(candidate: &Candidate) -> Vec<(&'static str, String)> {
    let mut marks: Vec<_> = emails_of(candidate)
        .into_iter()
        .map(|email| ("email", email))
        .collect();
    marks.extend(
        candidate
            .phone
            .as_deref()
            .and_then(phone_key)
            .map(|p| ("phone", p)),
    );
    marks
}

/// The salted hash a tombstone is keyed by.
pub(super) fn digest(salt: &[u8], by: &str, value: &str) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(by.as_bytes());
    hasher.update([0]);
    hasher.update(value.as_bytes());
    hasher.finalize().into()
}

/// A fresh random salt, for a database's first erasure.
pub(super) fn new_salt() -> [u8; 16] {
    use rand::RngExt;
    rand::rng().random()
}

fn read_time(bytes: &[u8]) -> Option<Timestamp> {
    let millis = i64::from_be_bytes(bytes.try_into().ok()?);
    chrono::DateTime::from_timestamp_millis(millis)
}

impl Store {
    pub(super) fn tombstone_tree(&self) -> Result<Tree> {
        match self.postgres() {
            Some(pg) => Tree::on_postgres(pg, TREE),
            None => Tree::open(self.sled_db("erasure")?, TREE),
        }
    }

    fn salt(&self) -> Result<Option<sled::IVec>> {
        self.meta.get(SALT_KEY)
    }

    /// The erased person `candidate` matches, if any (by email first).
    pub fn erased_match(&self, candidate: &Candidate) -> Result<Option<ErasedMatch>> {
        let Some(salt) = self.salt()? else {
            return Ok(None);
        };
        let tombstones = self.tombstone_tree()?;
        for (by, value) in marks_of(candidate) {
            if let Some(at) = tombstones.get(digest(&salt, by, &value))? {
                let erased_at = read_time(&at).unwrap_or_default();
                return Ok(Some(ErasedMatch { by, erased_at }));
            }
        }
        Ok(None)
    }

    /// Removes the tombstones `candidate` matches: the person was added
    /// again on purpose (`--allow-erased`), and gave their data anew.
    pub fn forget_tombstones(&self, candidate: &Candidate) -> Result<()> {
        self.ensure_writable()?;
        let Some(salt) = self.salt()? else {
            return Ok(());
        };
        let tombstones = self.tombstone_tree()?;
        for (by, value) in marks_of(candidate) {
            tombstones.remove(digest(&salt, by, &value))?;
        }
        self.flush()
    }

    /// Removes every tombstone a stored candidate matches: after an
    /// import allowed to bring erased people back.
    pub fn forget_returned_tombstones(&self) -> Result<()> {
        self.ensure_writable()?;
        let tombstones = self.tombstone_tree()?;
        let salt = match self.salt()? {
            Some(salt) if !tombstones.is_empty()? => salt,
            _ => return Ok(()),
        };
        let mut batch = crate::store::kv::Batch::default();
        for candidate in self.each_candidate() {
            for (by, value) in marks_of(&candidate?) {
                let key = digest(&salt, by, &value);
                if tombstones.contains_key(key)? {
                    batch.remove(&key);
                }
            }
        }
        tombstones.apply_batch(batch)?;
        self.flush()
    }
}
