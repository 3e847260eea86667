//! Writes made by another `hireterm serve` instance on the same
//! PostgreSQL database: heard through the store (`Store::listen_others`),
//! they reach this instance's sessions as a new snapshot, read again
//! from the store, and a wake like the background read's.
//!
//! Reading every record again is the simple, certainly-complete catch
//! up: nothing another instance wrote can be missed, whatever its kind,
//! and a burst of events is one read. It costs a full read per burst,
//! which a large database will want narrowed to the records the events
//! name.

use super::data::Data;
use super::{Records, lock};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Weak};

impl Records {
    /// Starts hearing other instances' writes, where there can be any (a
    /// store on PostgreSQL); a listener that cannot start is said on
    /// stderr and leaves this instance working on its own writes.
    pub(super) fn hear_others(self: &Arc<Self>) {
        let Ok(store) = self.store() else {
            return;
        };
        let records: Weak<Records> = Arc::downgrade(self);
        let heard = store.listen_others(move || {
            if let Some(records) = records.upgrade() {
                records.catch_up();
            }
        });
        match heard {
            None => {}
            Some(Ok(listener)) => *lock(&self.foreign) = Some(listener),
            Some(Err(error)) => {
                eprintln!("hireterm: other instances' writes will not show: {error}")
            }
        }
    }

    /// Reads the records again and publishes them. A write of this
    /// instance's own made meanwhile makes it read again, so that the
    /// snapshot published always holds it.
    fn catch_up(&self) {
        let Ok(store) = self.store() else {
            return;
        };
        loop {
            let (version, _) = self.snapshot();
            // Unreadable now: the next burst (or reconnection) tries again.
            let Ok(data) = Data::load(&store) else {
                return;
            };
            let mut current = lock(&self.current);
            if current.0 != version {
                continue;
            }
            let data = Arc::new(data);
            *current = (version + 1, Arc::clone(&data));
            self.version.store(version + 1, Ordering::Release);
            drop(current);
            lock(&self.search).wanted((version + 1, data), self.catalog);
            self.wake_all();
            return;
        }
    }
}
