//! What `check` reads: every record of a tree that decodes, and a note
//! of each that does not, for the checks of `check.rs` and
//! `check_agency.rs` alike; whole trees for the small ones, one record
//! at a time for the large ones (`check_sweep.rs`).

use super::error::Result;
use super::records::{Record, decode, describe_key};
use crate::store::kv::Tree;
use sled::IVec;

/// Records of one tree that decoded, keyed by their raw key.
pub(super) type Decoded<R> = Vec<(Vec<u8>, R)>;

/// Decodes a whole tree, noting what does not decode instead of stopping.
pub(super) fn scan<R: Record>(tree: &Tree, problems: &mut Vec<String>) -> Result<Decoded<R>> {
    let mut decoded = Vec::new();
    each(tree.iter(), problems, |key, record: R| {
        decoded.push((key.to_vec(), record))
    })?;
    Ok(decoded)
}

/// Hands each record of `entries` that decodes to `visit` with its key,
/// one at a time, noting each that does not decode instead of stopping.
pub(super) fn each<R: Record>(
    entries: impl Iterator<Item = Result<(IVec, IVec)>>,
    problems: &mut Vec<String>,
    mut visit: impl FnMut(&[u8], R),
) -> Result<()> {
    for entry in entries {
        let (key, bytes) = entry?;
        match decode::<R>(&bytes) {
            Ok(record) => visit(&key, record),
            Err(error) => problems.push(format!("{} {}: {error}", R::TREE, describe_key(&key))),
        }
    }
    Ok(())
}
