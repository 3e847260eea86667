//! What `check` reads: every record of a tree that decodes, and a note
//! of each that does not, for the checks of `check.rs` and
//! `check_agency.rs` alike.

use super::error::Result;
use super::records::{Record, decode, describe_key};
use sled::Tree;

/// Records of one tree that decoded, keyed by their raw key.
pub(super) type Decoded<R> = Vec<(Vec<u8>, R)>;

/// Decodes a whole tree, noting what does not decode instead of stopping.
pub(super) fn scan<R: Record>(tree: &Tree, problems: &mut Vec<String>) -> Result<Decoded<R>> {
    let mut decoded = Vec::new();
    for entry in tree.iter() {
        let (key, bytes) = entry?;
        match decode::<R>(&bytes) {
            Ok(record) => decoded.push((key.to_vec(), record)),
            Err(error) => problems.push(format!("{} {}: {error}", R::TREE, describe_key(&key))),
        }
    }
    Ok(decoded)
}
