//! Reading the event log from a point: what an instance on PostgreSQL
//! reads when another instance's writes are heard, to know which records
//! they touched (`app/records/catch_up.rs`).

use super::{Result, Store, decode_item};
use crate::domain::{Event, EventId};

impl Store {
    /// One event, if the log holds it.
    pub fn event(&self, id: EventId) -> Result<Option<Event>> {
        self.get_record(&self.events, &id.to_key())
    }

    /// The events after `after`, oldest first, at most `count`.
    pub fn events_after(&self, after: EventId, count: usize) -> Result<Vec<Event>> {
        let Some(next) = after.0.checked_add(1) else {
            return Ok(Vec::new());
        };
        self.events
            .range(EventId(next).to_key()..)
            .take(count)
            .map(decode_item)
            .collect()
    }
}
