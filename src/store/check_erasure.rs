//! `check`'s part for erasures: no stored candidate, and no candidate
//! image kept in a merge or update event, matches a tombstone, and no
//! erasure waits for the files to be rewritten. The records are looked
//! at one at a time, as `check_sweep.rs` reads them: each mark of each
//! (an email or a phone) is hashed and looked up among the tombstones.

use super::Store;
use super::error::Result;
use super::tombstones::{PENDING_PROBLEM, REWRITE_PENDING, SALT_KEY, digest, marks_of};
use crate::domain::Candidate;
use sled::IVec;
use std::collections::{HashMap, HashSet};

/// A tombstone's digest found in a record, and where, in words.
pub(super) type ErasedHit = ([u8; 32], String);

/// What erased people left to look for: their salted digests.
pub(super) struct ErasedMarks {
    salt: IVec,
    digests: HashSet<Vec<u8>>,
}

impl ErasedMarks {
    /// Notes each mark of `candidate` an erased person left, as found
    /// in the `place` it names.
    pub fn note(
        &self,
        candidate: &Candidate,
        place: impl Fn() -> String,
        hits: &mut Vec<ErasedHit>,
    ) {
        for (by, value) in marks_of(candidate) {
            let found = digest(&self.salt, by, &value);
            if self.digests.contains(&found[..]) {
                hits.push((found, format!("{} ({by})", place())));
            }
        }
    }
}

impl Store {
    /// The tombstones' digests, when there are any to look for.
    pub(super) fn erased_marks(&self) -> Result<Option<ErasedMarks>> {
        let tombstones = self.tombstone_tree()?;
        let salt = match self.meta.get(SALT_KEY)? {
            Some(salt) if !tombstones.is_empty()? => salt,
            _ => return Ok(None),
        };
        let digests = tombstones
            .iter()
            .keys()
            .map(|key| Ok(key?.to_vec()))
            .collect::<Result<_>>()?;
        Ok(Some(ErasedMarks { salt, digests }))
    }

    /// Tells of every tombstone a record still matches (`hits`, in the
    /// order read: the last place of a digest is the one told) and of a
    /// pending rewrite. Returns the number of tombstones.
    pub(super) fn check_tombstones(
        &self,
        hits: impl IntoIterator<Item = ErasedHit>,
        problems: &mut Vec<String>,
    ) -> Result<usize> {
        if self.meta.contains_key(REWRITE_PENDING)? {
            problems.push(PENDING_PROBLEM.to_string());
        }
        let tombstones = self.tombstone_tree()?;
        let count = tombstones.len()?;
        let stored: HashMap<[u8; 32], String> = hits.into_iter().collect();
        if stored.is_empty() {
            return Ok(count);
        }
        for entry in tombstones.iter() {
            let (hash, _) = entry?;
            if let Some(place) = stored.get(hash.as_ref()) {
                problems.push(format!(
                    "erasure: {place} still holds the data of an erased person"
                ));
            }
        }
        Ok(count)
    }
}
