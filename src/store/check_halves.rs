//! `check` reads each large tree in two halves at once, one on a thread
//! of its own, and so does the app's load of every candidate: reading
//! sled's pages and decoding records is most of their time, and both run
//! on every core this way.

use super::error::Result;
use crate::store::kv::Tree;
use sled::IVec;

/// What `sweep` makes of the lower and of the upper half of `tree`'s
/// keys, in key order: the two halves together hold every record once.
pub(super) fn in_halves<T: Send>(
    tree: &Tree,
    sweep: impl Fn(crate::store::kv::Iter) -> Result<T> + Sync,
) -> Result<[T; 2]> {
    in_halves_at(tree, middle_key(tree)?, |entries, _| sweep(entries))
}

/// As [`in_halves`], split at `middle`; `sweep` is told whether it reads
/// the upper half (the keys from `middle` on).
pub(super) fn in_halves_at<T: Send>(
    tree: &Tree,
    middle: [u8; 8],
    sweep: impl Fn(crate::store::kv::Iter, bool) -> Result<T> + Sync,
) -> Result<[T; 2]> {
    std::thread::scope(|scope| {
        let lower = scope.spawn(|| sweep(tree.range(..middle), false));
        let upper = sweep(tree.range(middle..), true);
        let lower = lower
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Ok([lower?, upper?])
    })
}

/// A key halfway between the tree's first and last, by their first eight
/// bytes read as a number: most trees are keyed by ids, which that
/// spreads evenly. Any key at all splits the tree into two ranges that
/// hold every record between them; a good one only balances them.
pub(super) fn middle_key(tree: &Tree) -> Result<[u8; 8]> {
    let first = leading_number(tree.first()?);
    let last = leading_number(tree.last()?).max(first);
    Ok((first + (last - first) / 2).to_be_bytes())
}

/// The first eight bytes of an entry's key as a big-endian number, short
/// keys padded with zeros; none for no entry.
fn leading_number(entry: Option<(IVec, IVec)>) -> u64 {
    let mut bytes = [0u8; 8];
    if let Some((key, _)) = entry {
        let len = key.len().min(8);
        bytes[..len].copy_from_slice(&key[..len]);
    }
    u64::from_be_bytes(bytes)
}
