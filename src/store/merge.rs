//! Merging a duplicate into an existing candidate, and taking it back.

use super::Store;
use super::counts;
use super::error::{Result, StoreError};
use super::tx;
use crate::domain::duplicate::{conflicts, merge};
use crate::domain::text::normalize_email;
use crate::domain::{Candidate, CandidateId, EventId, EventKind, Stamp};
use crate::store::kv::Transactional;

/// A merge as stored: the record after it, the event to undo it by, and
/// the offered values the stored record kept its own over (see
/// [`conflicts`]); the event keeps them too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub candidate: Candidate,
    pub event: EventId,
    pub conflicts: Vec<String>,
}

impl Store {
    /// Folds `incoming` into the stored candidate `existing` (see
    /// [`merge`]) in one transaction with its event, which keeps the record
    /// as it was so that [`Store::undo_merge`] can restore it.
    pub fn merge_candidate(
        &self,
        existing: CandidateId,
        incoming: &Candidate,
        stamp: &Stamp,
    ) -> Result<Merged> {
        self.ensure_writable()?;
        let trees = self.with_log(&self.candidates);
        let merged = trees.transaction(|(candidates, meta, events, event_index)| {
            let Some(before) = tx::get::<Candidate>(candidates, &existing.to_key())? else {
                return tx::abort(StoreError::NoCandidate(existing));
            };
            super::candidates::refuse_erased(&before)?;
            let after = merge(&before, incoming);
            if let Err(problem) = super::candidates::validate(&after) {
                return tx::abort(problem);
            }
            tx::put(candidates, &existing.to_key(), &after)?;
            counts::change(meta, Some(&before), Some(&after))?;
            let conflicts = conflicts(&before, incoming);
            let kind = EventKind::CandidateMerged {
                candidate: existing,
                before: Box::new(before),
                after: Box::new(after.clone()),
                incoming: Box::new(incoming.clone()),
            };
            let event = tx::append_event(events, event_index, meta, stamp, kind)?;
            Ok(Merged {
                candidate: after,
                event,
                conflicts,
            })
        })?;
        self.flush()?;
        Ok(merged)
    }

    /// Replaces the stored candidate `after.id` with `after`: a second
    /// import's update of a record it made (found by its id in another
    /// system), from the file's record `incoming`. Its event keeps the
    /// images a merge's does, so that the import's rollback (and
    /// `unmerge`) can take it back; like a merge it keeps the stored email.
    /// Not flushed: the import flushes once at its end.
    pub fn update_from_import(
        &self,
        after: &Candidate,
        incoming: &Candidate,
        stamp: &Stamp,
    ) -> Result<EventId> {
        self.ensure_writable()?;
        super::candidates::validate(after)?;
        let id = after.id;
        let trees = self.with_log(&self.candidates);
        trees.transaction(|(candidates, meta, events, event_index)| {
            let Some(before) = tx::get::<Candidate>(candidates, &id.to_key())? else {
                return tx::abort(StoreError::NoCandidate(id));
            };
            super::candidates::refuse_erased(&before)?;
            if normalize_email(&before.email) != normalize_email(&after.email) {
                return tx::abort(StoreError::Invalid(vec![format!(
                    "an update of {id} from a file must keep its email"
                )]));
            }
            tx::put(candidates, &id.to_key(), after)?;
            counts::change(meta, Some(&before), Some(after))?;
            let kind = EventKind::CandidateUpdatedFromFile {
                candidate: id,
                before: Box::new(before),
                after: Box::new(after.clone()),
                incoming: Box::new(incoming.clone()),
            };
            tx::append_event(events, event_index, meta, stamp, kind)
        })
    }

    /// Restores the record a merge changed, if it has not changed since.
    pub fn undo_merge(&self, merge: EventId, stamp: &Stamp) -> Result<Candidate> {
        self.ensure_writable()?;
        let trees = self.with_log(&self.candidates);
        let restored = trees.transaction(|(candidates, meta, events, event_index)| {
            let Some(event) = tx::get::<crate::domain::Event>(events, &merge.to_key())? else {
                return tx::abort(StoreError::NotAMerge(merge));
            };
            let (EventKind::CandidateMerged {
                candidate,
                before,
                after,
                ..
            }
            | EventKind::CandidateUpdatedFromFile {
                candidate,
                before,
                after,
                ..
            }) = event.kind
            else {
                return tx::abort(StoreError::NotAMerge(merge));
            };
            let current = tx::get::<Candidate>(candidates, &candidate.to_key())?;
            if current.as_ref() != Some(&*after) {
                return tx::abort(StoreError::ChangedSinceMerge { candidate, merge });
            }
            tx::put(candidates, &candidate.to_key(), &*before)?;
            counts::change(meta, current.as_ref(), Some(&before))?;
            let kind = EventKind::MergeUndone { candidate, merge };
            tx::append_event(events, event_index, meta, stamp, kind)?;
            Ok(*before)
        })?;
        self.flush()?;
        Ok(restored)
    }
}
