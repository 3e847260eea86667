//! Publishing a new snapshot and telling whoever needs to know: the
//! search index when what it covers changed, the screens when anything
//! did. One route for a write (made under the lock), the background read
//! of every candidate and another instance's catch-up (made off it).

use super::data::{Changed, Data};
use super::{Origin, Records, Snapshot, lock};
use std::sync::Arc;
use std::sync::atomic::Ordering;

/// Not a session: a wake from the loader (or another instance's writes)
/// reaches every session.
pub(super) const LOADER: Origin = Origin::MAX;

impl Records {
    /// Publishes `data`, made off the lock from the snapshot of
    /// `version`, as the next one if nothing was written since; else
    /// gives it back, to be made again from the newer snapshot.
    pub(super) fn publish_over(
        &self,
        version: u64,
        data: Data,
        origin: Origin,
    ) -> Result<(), Data> {
        let (published, changed) = {
            let mut current = lock(&self.current);
            if current.0 != version {
                return Err(data);
            }
            let changed = data.changed_since(&current.1);
            *current = (version + 1, Arc::new(data));
            self.version.store(version + 1, Ordering::Release);
            ((current.0, Arc::clone(&current.1)), changed)
        };
        self.announce(published, changed, origin);
        Ok(())
    }

    /// Rebuilds the search index when what it covers changed, and wakes
    /// every screen when anything did.
    pub(super) fn announce(&self, published: Snapshot, changed: Changed, origin: Origin) {
        if changed.candidates || changed.engagements || changed.clients {
            lock(&self.search).wanted(published, self.catalog);
        }
        if changed.any() {
            self.wake(origin);
        }
    }

    /// Wakes every screen, telling it who changed the records.
    pub(super) fn wake(&self, origin: Origin) {
        for (_, wake) in lock(&self.watchers).iter() {
            wake(origin);
        }
    }
}
