//! Many writes to one tree, applied at once.

use sled::IVec;

/// Inserts and removals to apply to one tree atomically
/// ([`Tree::apply_batch`](super::Tree::apply_batch)), in order.
#[derive(Debug, Default, Clone)]
pub struct Batch {
    /// Each key with its new value, or `None` to take it away.
    pub(super) writes: Vec<(IVec, Option<IVec>)>,
}

impl Batch {
    pub fn insert(&mut self, key: impl Into<IVec>, value: impl Into<IVec>) {
        self.writes.push((key.into(), Some(value.into())));
    }

    pub fn remove(&mut self, key: impl Into<IVec>) {
        self.writes.push((key.into(), None));
    }

    /// The same writes as sled's.
    pub(super) fn into_sled(self) -> sled::Batch {
        let mut batch = sled::Batch::default();
        for (key, value) in self.writes {
            match value {
                Some(value) => batch.insert(key, value),
                None => batch.remove(key),
            }
        }
        batch
    }
}
