//! A candidate's consent to be kept, recorded or withdrawn with its event
//! in one transaction; and what retention reads of the log: each
//! person's last activity.

use super::Store;
use super::error::{Result, StoreError};
use super::tx;
use crate::domain::{Candidate, CandidateId, Consent, Event, EventKind, Stamp, Timestamp};
use crate::store::kv::Transactional;
use std::collections::HashMap;

impl Store {
    /// Records a candidate's consent (`Some`, replacing any before it) or
    /// withdraws it (`None`); returns the candidate as stored. Refuses a
    /// consent that does not hold together, and withdrawing one that is
    /// not there.
    pub fn set_consent(
        &self,
        id: CandidateId,
        consent: Option<Consent>,
        stamp: &Stamp,
    ) -> Result<Candidate> {
        self.ensure_writable()?;
        let consent = consent.map(|mut c| {
            c.source = crate::domain::text::clean_line(&c.source)
                .trim()
                .to_string();
            c
        });
        let problems = consent.iter().flat_map(Consent::problems);
        let problems: Vec<String> = problems.map(|p| p.message).collect();
        if !problems.is_empty() {
            return Err(StoreError::Invalid(problems));
        }
        let trees = self.with_log(&self.candidates);
        let stored = trees.transaction(|(candidates, meta, events, event_index)| {
            let Some(mut candidate) = tx::get::<Candidate>(candidates, &id.to_key())? else {
                return tx::abort(StoreError::NoCandidate(id));
            };
            let kind = match &consent {
                Some(consent) => EventKind::ConsentRecorded {
                    candidate: id,
                    consent: consent.clone(),
                },
                None if candidate.consent.is_none() => {
                    return tx::abort(invalid(format!("{id} has no consent on record")));
                }
                None => EventKind::ConsentWithdrawn { candidate: id },
            };
            if crate::domain::erasure::is_erased(&candidate) {
                return tx::abort(invalid(format!("{id} is erased")));
            }
            let before = candidate.clone();
            candidate.consent = consent.clone();
            tx::put(candidates, &id.to_key(), &candidate)?;
            super::counts::change(meta, Some(&before), Some(&candidate))?;
            tx::append_event(events, event_index, meta, stamp, kind)?;
            Ok(candidate)
        })?;
        self.flush()?;
        Ok(stored)
    }

    /// Each candidate's newest event that `counts` as activity (by its
    /// time: the log's order is the order of writing, and imported or
    /// generated histories are written after the records they are about).
    pub fn last_activities(
        &self,
        counts: impl Fn(&EventKind) -> bool,
    ) -> Result<HashMap<CandidateId, Timestamp>> {
        let mut last: HashMap<CandidateId, Timestamp> = HashMap::new();
        for entry in self.events.iter() {
            let event: Event = super::decode_item(entry)?;
            let Some(candidate) = event.kind.candidate().filter(|_| counts(&event.kind)) else {
                continue;
            };
            let newest = last.entry(candidate).or_insert(event.at);
            *newest = (*newest).max(event.at);
        }
        Ok(last)
    }
}

fn invalid(message: String) -> StoreError {
    StoreError::Invalid(vec![message])
}
