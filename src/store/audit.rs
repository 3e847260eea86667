//! The audit of access: who opened a candidate's record and who took
//! records out, kept in the event log beside the changes, so that a
//! subject-access request can be answered (`hireterm audit`); and the
//! log read through a filter (a restricted session's feeds).

use super::Store;
use super::error::Result;
use super::tx;
use crate::domain::{CandidateId, Event, EventKind, Stamp};
use crate::store::kv::Transactional;

/// How far back a filtered read of the log looks at most: a session that
/// sees little of it must not read the whole log on every change.
const SCAN_LIMIT: usize = 20_000;

impl Store {
    /// Records that `stamp.actor` opened the candidate's record.
    pub fn record_view(&self, candidate: CandidateId, stamp: &Stamp) -> Result<()> {
        self.append(stamp, EventKind::CandidateViewed { candidate })
    }

    /// Records an export: `what` was taken out, of these candidates
    /// (`None`: all of them).
    pub fn record_export(
        &self,
        what: &str,
        candidates: Option<Vec<CandidateId>>,
        stamp: &Stamp,
    ) -> Result<()> {
        let what = crate::domain::text::clean_line(what);
        self.append(stamp, EventKind::RecordsExported { what, candidates })
    }

    /// One event on its own, in a transaction, flushed.
    fn append(&self, stamp: &Stamp, kind: EventKind) -> Result<()> {
        self.ensure_writable()?;
        let trees = (&self.meta, &self.events, &self.event_index);
        trees.transaction(|(meta, events, event_index)| {
            tx::append_event(events, event_index, meta, stamp, kind.clone())?;
            Ok(())
        })?;
        self.flush()
    }

    /// Everything the log holds about one person, oldest first (by the
    /// time each event carries, then by its place in the log): the
    /// changes to their record and applications, who opened it, and every
    /// export that held it (an export of everyone counts from the day
    /// they were added).
    pub fn audit_of(&self, candidate: CandidateId) -> Result<Vec<Event>> {
        let since = self.candidate(candidate)?.map(|c| c.created_at);
        let mut found: Vec<Event> = self.events_of(candidate, usize::MAX)?;
        for entry in self.events.iter() {
            let event: Event = super::decode_item(entry)?;
            if let EventKind::RecordsExported { candidates, .. } = &event.kind {
                let held = match candidates {
                    Some(ids) => ids.contains(&candidate),
                    None => since.is_none_or(|added| event.at >= added),
                };
                if held {
                    found.push(event);
                }
            }
        }
        found.sort_by_key(|e| (e.at, e.id));
        Ok(found)
    }

    /// The newest `count` events that `keep` lets through, newest first,
    /// looking back over at most the newest 20,000.
    pub fn recent_events_where(
        &self,
        count: usize,
        keep: impl Fn(&Event) -> bool,
    ) -> Result<Vec<Event>> {
        let mut kept = Vec::new();
        for entry in self.events.iter().rev().take(SCAN_LIMIT) {
            let event: Event = super::decode_item(entry)?;
            if keep(&event) {
                kept.push(event);
                if kept.len() == count {
                    break;
                }
            }
        }
        Ok(kept)
    }

    /// [`Store::events_of`] through `keep`, newest first.
    pub fn events_of_where(
        &self,
        candidate: CandidateId,
        count: usize,
        keep: impl Fn(&Event) -> bool,
    ) -> Result<Vec<Event>> {
        let mut events = self.events_of(candidate, SCAN_LIMIT)?;
        events.retain(|e| keep(e));
        events.truncate(count);
        Ok(events)
    }
}
