//! A tree's entries in key order (or reversed), read lazily.

use super::pg::PgIter;
use crate::store::error::{Result, StoreError};
use sled::IVec;

/// The entries of a tree, or of a range or prefix of it, in key order.
pub struct Iter(pub(super) Engine);

// sled's iterator is kept in place: it is every scan's, on the hot path;
// PostgreSQL's, with its two pages, is boxed.
#[allow(clippy::large_enum_variant)]
pub(super) enum Engine {
    Sled(sled::Iter),
    Pg(Box<PgIter>),
}

impl Iterator for Iter {
    type Item = Result<(IVec, IVec)>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            Engine::Sled(iter) => iter.next().map(|entry| entry.map_err(StoreError::from)),
            Engine::Pg(iter) => iter.next(),
        }
    }
}

impl DoubleEndedIterator for Iter {
    fn next_back(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            Engine::Sled(iter) => iter
                .next_back()
                .map(|entry| entry.map_err(StoreError::from)),
            Engine::Pg(iter) => iter.next_back(),
        }
    }
}

impl Iter {
    /// The keys alone.
    pub fn keys(self) -> impl DoubleEndedIterator<Item = Result<IVec>> {
        self.map(|entry| entry.map(|(key, _)| key))
    }

    /// The values alone.
    pub fn values(self) -> impl DoubleEndedIterator<Item = Result<IVec>> {
        self.map(|entry| entry.map(|(_, value)| value))
    }
}
