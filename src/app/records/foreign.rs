//! Writes made by another `hireterm serve` instance on the same
//! PostgreSQL database: heard through the store (`Store::listen_others`),
//! they reach this instance's sessions as a new snapshot, and a wake like
//! the background read's. The records they touched are read again
//! (`catch_up.rs`); the first time, and whenever the log did not merely
//! grow, every record is.

use super::catch_up::caught_up;
use super::publish::LOADER;
use super::{Records, lock};
use crate::domain::Event;
use crate::store::postgres::listen::Listener;
use std::sync::{Arc, Mutex, Weak};

/// What an instance keeps to hear the others.
#[derive(Default)]
pub(super) struct Foreign {
    listener: Mutex<Option<Listener>>,
    /// The last event of the log whose effects the snapshot holds, as
    /// read then (`catch_up::starting_point` at the load); `None` when
    /// the log was empty, and the first catch-up reads everything.
    heard: Mutex<Option<Event>>,
}

impl Records {
    /// Starts hearing other instances' writes, where there can be any (a
    /// store on PostgreSQL); a listener that cannot start is said on
    /// stderr and leaves this instance working on its own writes.
    /// `newest` is the log's last event read before the records were:
    /// their catch-up starts after it.
    pub(super) fn hear_others(self: &Arc<Self>, newest: Option<Event>) {
        let Ok(store) = self.store() else {
            return;
        };
        *lock(&self.foreign.heard) = newest;
        let records: Weak<Records> = Arc::downgrade(self);
        let heard = store.listen_others(move || {
            if let Some(records) = records.upgrade() {
                records.catch_up();
            }
        });
        match heard {
            None => {}
            Some(Ok(listener)) => *lock(&self.foreign.listener) = Some(listener),
            Some(Err(error)) => {
                eprintln!("hireterm: other instances' writes will not show: {error}")
            }
        }
    }

    /// Brings the records up to the store's log and publishes them. A
    /// write of this instance's own made meanwhile makes it catch up
    /// again, so that the snapshot published always holds it.
    fn catch_up(&self) {
        let Ok(store) = self.store() else {
            return;
        };
        loop {
            let (version, data) = self.snapshot();
            let heard = lock(&self.foreign.heard).clone();
            // Unreadable now: the next burst (or reconnection) tries
            // again. Nothing new (the listening has just started): no
            // snapshot to publish, nobody to wake.
            let Ok(Some((data, heard))) = caught_up(&store, &data, heard.as_ref()) else {
                return;
            };
            // Only this thread catches up, so `heard` follows what it
            // published.
            if self.publish_over(version, data, LOADER).is_ok() {
                *lock(&self.foreign.heard) = heard;
                return;
            }
        }
    }
}
