//! Many records at once (demo data, imports): everything is checked before
//! anything is written, then written in chunks of one transaction each.

use super::Store;
use super::candidates::validate as validate_candidate;
use super::counts::Tally;
use super::engagements::validate as validate_engagement;
use super::error::{Result, StoreError};
use super::records::application_key;
use super::tx;
use crate::domain::text::normalize_email;
use crate::domain::{
    Application, Candidate, CandidateId, Engagement, EngagementId, EventKind, Stamp,
};
use crate::store::kv::Transactional;
use std::collections::HashSet;

/// Records per transaction: large enough to amortise the commit, small
/// enough to keep a transaction's write set modest.
const CHUNK: usize = 1000;

/// What a bulk load wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulkReport {
    pub clients: usize,
    pub candidates: usize,
    pub engagements: usize,
    pub applications: usize,
    pub submittals: usize,
    pub placements: usize,
}

impl Store {
    /// Adds candidates under fresh ids, returned in input order. Refuses the
    /// whole set, writing nothing, if any is invalid or any email is taken.
    pub fn add_candidates(
        &self,
        candidates: &[Candidate],
        stamp: &Stamp,
    ) -> Result<Vec<CandidateId>> {
        self.add_candidates_stamped(candidates, |_| stamp.clone())
    }

    /// [`Store::add_candidates`], each one's event stamped at the record's
    /// own `created_at` (by `actor`): data whose history lies in the past,
    /// as the demo's, where when a person was added is when they were
    /// last heard of (retention counts from it).
    pub fn add_candidates_as_created(
        &self,
        candidates: &[Candidate],
        actor: &str,
    ) -> Result<Vec<CandidateId>> {
        self.add_candidates_stamped(candidates, |c| Stamp::new(c.created_at, actor))
    }

    fn add_candidates_stamped(
        &self,
        candidates: &[Candidate],
        stamp_of: impl Fn(&Candidate) -> Stamp,
    ) -> Result<Vec<CandidateId>> {
        self.check_new_candidates(candidates)?;
        let mut ids = Vec::with_capacity(candidates.len());
        for chunk in candidates.chunks(CHUNK) {
            ids.extend(self.write_candidate_chunk(chunk, &stamp_of)?);
        }
        self.flush()?;
        Ok(ids)
    }

    fn check_new_candidates(&self, candidates: &[Candidate]) -> Result<()> {
        let mut seen = HashSet::with_capacity(candidates.len());
        for (index, candidate) in candidates.iter().enumerate() {
            validate_candidate(candidate).map_err(|e| at_row(index, e))?;
            let email = normalize_email(&candidate.email);
            if let Some(existing) = self.candidate_by_email(&email)? {
                return Err(at_row(
                    index,
                    StoreError::DuplicateEmail {
                        email,
                        existing: existing.id,
                    },
                ));
            }
            if !seen.insert(email.clone()) {
                return Err(at_row(
                    index,
                    StoreError::Invalid(vec![format!("email {email} appears twice")]),
                ));
            }
        }
        Ok(())
    }

    fn write_candidate_chunk(
        &self,
        chunk: &[Candidate],
        stamp_of: &impl Fn(&Candidate) -> Stamp,
    ) -> Result<Vec<CandidateId>> {
        self.ensure_writable()?;
        let trees = self.candidate_trees();
        trees.transaction(|(candidates, emails, meta, events, event_index)| {
            let first = tx::reserve_ids(meta, tx::CANDIDATE_SEQ, chunk.len() as u64)?;
            let (mut ids, mut counted) = (Vec::with_capacity(chunk.len()), Tally::default());
            for (offset, candidate) in chunk.iter().enumerate() {
                let id = CandidateId(first + offset as u64);
                let email = normalize_email(&candidate.email);
                super::candidates::refuse_taken_email(emails, &email, None)?;
                let stored = Candidate {
                    id,
                    ..candidate.clone()
                };
                tx::put(candidates, &id.to_key(), &stored)?;
                counted.change(None, Some(&stored));
                emails.insert(email.as_bytes(), &id.to_key())?;
                tx::append_event(
                    events,
                    event_index,
                    meta,
                    &stamp_of(candidate),
                    EventKind::CandidateAdded { candidate: id },
                )?;
                ids.push(id);
            }
            counted.apply(meta)?;
            Ok(ids)
        })
    }

    /// Adds engagements under fresh ids, returned in input order.
    pub fn add_engagements(
        &self,
        engagements: &[Engagement],
        stamp: &Stamp,
    ) -> Result<Vec<EngagementId>> {
        self.ensure_writable()?;
        for (index, engagement) in engagements.iter().enumerate() {
            validate_engagement(engagement).map_err(|e| at_row(index, e))?;
            self.require_client(engagement)
                .map_err(|e| at_row(index, e))?;
        }
        let trees = self.with_log(&self.engagements);
        let ids = trees.transaction(|(stored, meta, events, event_index)| {
            let first = tx::reserve_ids(meta, tx::ENGAGEMENT_SEQ, engagements.len() as u64)?;
            let (mut ids, mut counted) = (Vec::with_capacity(engagements.len()), Tally::default());
            for (offset, engagement) in engagements.iter().enumerate() {
                let id = EngagementId(first + offset as u64);
                let engagement = Engagement {
                    id,
                    ..engagement.clone()
                };
                tx::put(stored, &id.to_key(), &engagement)?;
                counted.change(None, Some(&engagement));
                tx::append_event(
                    events,
                    event_index,
                    meta,
                    stamp,
                    EventKind::EngagementAdded { engagement: id },
                )?;
                ids.push(id);
            }
            counted.apply(meta)?;
            Ok(ids)
        })?;
        self.flush()?;
        Ok(ids)
    }

    /// Adds applications with the histories they carry (backdated ones
    /// included); each history entry becomes an event with its own time and
    /// actor. Refuses the whole set if any references a missing record, is
    /// already stored, or has an illegal history.
    pub fn add_applications(&self, applications: &[Application]) -> Result<usize> {
        self.check_new_applications(applications)?;
        for chunk in applications.chunks(CHUNK) {
            self.write_application_chunk(chunk)?;
        }
        self.flush()?;
        Ok(applications.len())
    }

    fn check_new_applications(&self, applications: &[Application]) -> Result<()> {
        let mut seen = HashSet::with_capacity(applications.len());
        for (index, app) in applications.iter().enumerate() {
            let problem = |e| Err(at_row(index, e));
            if !self.engagements.contains_key(app.engagement.to_key())? {
                return problem(StoreError::NoEngagement(app.engagement));
            }
            if !self.candidates.contains_key(app.candidate.to_key())? {
                return problem(StoreError::NoCandidate(app.candidate));
            }
            let key = application_key(app.engagement, app.candidate);
            if !seen.insert(key) || self.applications.contains_key(key)? {
                let (engagement, candidate) = (app.engagement, app.candidate);
                return problem(StoreError::AlreadyApplied {
                    engagement,
                    candidate,
                });
            }
            if let Some(flaw) = super::check::history_flaw(app) {
                return problem(StoreError::Invalid(vec![flaw]));
            }
        }
        Ok(())
    }

    fn write_application_chunk(&self, chunk: &[Application]) -> Result<()> {
        self.ensure_writable()?;
        let trees = self.with_log(&self.applications);
        trees.transaction(|(apps, meta, events, event_index)| {
            let mut counted = Tally::default();
            for app in chunk {
                tx::put(apps, &application_key(app.engagement, app.candidate), app)?;
                counted.change(None, Some(app));
                for change in &app.history {
                    let stamp = Stamp::new(change.at, change.actor.clone());
                    let kind = EventKind::for_change(app.engagement, app.candidate, change);
                    tx::append_event(events, event_index, meta, &stamp, kind)?;
                }
            }
            counted.apply(meta)
        })
    }
}

/// Names the input record an error came from.
pub(super) fn at_row(index: usize, error: StoreError) -> StoreError {
    StoreError::AtRecord {
        index,
        source: Box::new(error),
    }
}
