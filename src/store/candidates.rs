//! Candidates and the email index that keeps them unique.

use super::Store;
use super::counts;
use super::error::{Result, StoreError};
use super::records::id_from_key;
use super::tx::{self, TxResult};
use crate::domain::text::normalize_email;
use crate::domain::{Candidate, CandidateId, EventKind, Stamp};
use crate::store::kv::Transactional;
use crate::store::kv::TxTree;

impl Store {
    /// Stores a new candidate under a fresh id (the given `id` is ignored)
    /// and returns it as stored.
    pub fn add_candidate(&self, candidate: Candidate, stamp: &Stamp) -> Result<Candidate> {
        self.ensure_writable()?;
        validate(&candidate)?;
        let email = normalize_email(&candidate.email);
        let trees = self.candidate_trees();
        let stored = trees.transaction(|(candidates, emails, meta, events, event_index)| {
            refuse_taken_email(emails, &email, None)?;
            let mut stored = candidate.clone();
            stored.id = CandidateId(tx::reserve_ids(meta, tx::CANDIDATE_SEQ, 1)?);
            tx::put(candidates, &stored.id.to_key(), &stored)?;
            counts::change(meta, None, Some(&stored))?;
            emails.insert(email.as_bytes(), &stored.id.to_key())?;
            let kind = EventKind::CandidateAdded {
                candidate: stored.id,
            };
            tx::append_event(events, event_index, meta, stamp, kind)?;
            Ok(stored)
        })?;
        self.flush()?;
        Ok(stored)
    }

    /// Replaces a stored candidate, moving its email index entry if the
    /// address changed.
    pub fn update_candidate(&self, candidate: &Candidate, stamp: &Stamp) -> Result<()> {
        self.ensure_writable()?;
        validate(candidate)?;
        let id = candidate.id;
        let email = normalize_email(&candidate.email);
        let trees = self.candidate_trees();
        trees.transaction(|(candidates, emails, meta, events, event_index)| {
            let Some(old) = tx::get::<Candidate>(candidates, &id.to_key())? else {
                return tx::abort(StoreError::NoCandidate(id));
            };
            refuse_erased(&old)?;
            let old_email = normalize_email(&old.email);
            if old_email != email {
                refuse_taken_email(emails, &email, Some(id))?;
                emails.remove(old_email.as_bytes())?;
                emails.insert(email.as_bytes(), &id.to_key())?;
            }
            tx::put(candidates, &id.to_key(), candidate)?;
            counts::change(meta, Some(&old), Some(candidate))?;
            tx::append_event(
                events,
                event_index,
                meta,
                stamp,
                EventKind::CandidateUpdated { candidate: id },
            )?;
            Ok(())
        })?;
        self.flush()
    }

    /// Adds (or, with `remove`, takes away) a tag on several candidates in
    /// one transaction; returns those that changed.
    pub fn retag(
        &self,
        ids: &[CandidateId],
        tag: &str,
        remove: bool,
        stamp: &Stamp,
    ) -> Result<Vec<Candidate>> {
        self.ensure_writable()?;
        let tag = crate::domain::text::clean_line(tag);
        if tag.is_empty() || tag.chars().count() > crate::domain::limits::MAX_FIELD_CHARS {
            return Err(StoreError::Invalid(vec![format!(
                "`{tag}` is not a usable tag"
            )]));
        }
        let trees = self.with_log(&self.candidates);
        let changed = trees.transaction(|(candidates, meta, events, event_index)| {
            let mut changed = Vec::new();
            for &id in ids {
                let Some(mut candidate) = tx::get::<Candidate>(candidates, &id.to_key())? else {
                    return tx::abort(StoreError::NoCandidate(id));
                };
                refuse_erased(&candidate)?;
                let before = candidate.clone();
                let has = candidate.tags.contains(&tag);
                match (has, remove) {
                    (false, false) => candidate.tags.push(tag.clone()),
                    (true, true) => candidate.tags.retain(|t| *t != tag),
                    _ => continue,
                }
                tx::put(candidates, &id.to_key(), &candidate)?;
                counts::change(meta, Some(&before), Some(&candidate))?;
                tx::append_event(
                    events,
                    event_index,
                    meta,
                    stamp,
                    EventKind::CandidateUpdated { candidate: id },
                )?;
                changed.push(candidate);
            }
            Ok(changed)
        })?;
        self.flush()?;
        Ok(changed)
    }

    pub fn candidate(&self, id: CandidateId) -> Result<Option<Candidate>> {
        self.get_record(&self.candidates, &id.to_key())
    }

    /// The candidate holding `email`, compared trimmed and lower-cased.
    pub fn candidate_by_email(&self, email: &str) -> Result<Option<Candidate>> {
        match self.emails.get(normalize_email(email).as_bytes())? {
            Some(id) => self.get_record(&self.candidates, &id),
            None => Ok(None),
        }
    }

    /// Every candidate, in id order.
    pub fn candidates(&self) -> Result<Vec<Candidate>> {
        self.load_all(&self.candidates)
    }

    /// How many candidates there are: one key of the counters (sled's
    /// own `len` walks the whole tree; this is asked at every start, for
    /// the loading frame), or that walk while the counters are not built.
    pub fn candidate_count(&self) -> usize {
        match super::counts::read::candidates(&self.meta) {
            Ok(Some(count)) => count,
            // sled's count cannot fail; PostgreSQL's failing leaves the
            // loading frame without its total, nothing worse.
            _ => self.candidates.len().unwrap_or(0),
        }
    }
}

pub(super) fn validate(candidate: &Candidate) -> Result<()> {
    let problems = candidate.problems();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Invalid(problems))
    }
}

/// Aborts when `email` belongs to a candidate other than `owner`.
pub(super) fn refuse_taken_email(
    emails: &TxTree,
    email: &str,
    owner: Option<CandidateId>,
) -> TxResult<()> {
    let Some(existing) = emails.get(email.as_bytes())? else {
        return Ok(());
    };
    let existing = CandidateId(id_from_key(&existing).unwrap_or_default());
    if Some(existing) == owner {
        return Ok(());
    }
    tx::abort(StoreError::DuplicateEmail {
        email: email.to_string(),
        existing,
    })
}

/// Refuses any change to a record [`crate::domain::erasure::erased_image`]
/// made (see [`StoreError::Erased`]).
pub(super) fn refuse_erased(candidate: &Candidate) -> tx::TxResult<()> {
    if crate::domain::erasure::is_erased(candidate) {
        return tx::abort(StoreError::Erased(candidate.id));
    }
    Ok(())
}
