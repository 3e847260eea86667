//! Catching up with another instance's writes by reading only what they
//! touched: the events after the last one this instance has taken in
//! name the records to read again. Reading every record again (what a
//! long burst, a replaced log or an empty one at the load does) costs
//! about 0.4 s at 100,000 candidates; this costs a few reads per event.
//!
//! It relies on the log growing in commit order: every write takes its
//! event's id from one counter row in the same serializable transaction
//! (`store/tx.rs`), so a write that took a lower id has committed before
//! any that took a higher one could. A log that did not merely grow (a
//! `restore --force`, an erasure that rewrote the last event taken in)
//! shows as that last event changed or gone, and is read whole again.

use super::agency::Agency;
use super::data::Data;
use crate::domain::{CandidateId, EngagementId, Event, EventKind};
use crate::store::{Result, Store};
use std::collections::BTreeSet;

/// More events at once than this (an import, a restore) are cheaper to
/// take in by reading every record again.
const MOST_EVENTS: usize = 500;

/// `data` brought up to the store's log, and the last event it now
/// holds the effects of: the events after `heard` taken in one by one
/// when they can be, else everything read again; `None` when the log
/// holds nothing after `heard`.
pub(super) fn caught_up(
    store: &Store,
    data: &Data,
    heard: Option<&Event>,
) -> Result<Option<(Data, Option<Event>)>> {
    if let Some(last) = heard
        && store.event(last.id)?.as_ref() == Some(last)
    {
        let events = store.events_after(last.id, MOST_EVENTS + 1)?;
        if events.is_empty() {
            return Ok(None);
        }
        if events.len() <= MOST_EVENTS {
            let mut data = data.clone();
            Touched::by(&events).read_into(store, &mut data)?;
            let newest = events.last().unwrap_or(last);
            return Ok(Some((data, Some(newest.clone()))));
        }
    }
    everything(store).map(Some)
}

/// Every record read again; the newest event is read first, so that
/// whatever is written meanwhile comes after it and is read next time.
fn everything(store: &Store) -> Result<(Data, Option<Event>)> {
    let newest = store.recent_events(1)?.pop();
    Ok((Data::load(store)?, newest))
}

/// Where a catch-up starts: the log's last event, read before the
/// records are, where another process can write the database (nothing
/// to read on a folder).
pub(super) fn starting_point(store: &Store) -> Result<Option<Event>> {
    match store.hears_others() {
        true => Ok(store.recent_events(1)?.pop()),
        false => Ok(None),
    }
}

/// The records a run of events touched.
#[derive(Debug, Default, PartialEq)]
struct Touched {
    /// Read again with their notes.
    candidates: BTreeSet<CandidateId>,
    /// Read again with every card the snapshot holds of theirs (a
    /// deletion or an erasure rewrites or takes them all).
    whole: BTreeSet<CandidateId>,
    applications: BTreeSet<(EngagementId, CandidateId)>,
    engagements: BTreeSet<EngagementId>,
    /// Clients, submittals, placements and interviewers, read again
    /// together (they are few beside the candidates).
    agency: bool,
}

impl Touched {
    fn by(events: &[Event]) -> Touched {
        let mut touched = Touched::default();
        for event in events {
            touched.take(&event.kind);
        }
        touched
    }

    /// Notes what one event touched. Every kind is named, so that a new
    /// one does not compile until it says what a catch-up reads for it.
    fn take(&mut self, kind: &EventKind) {
        use EventKind as K;
        self.candidates.extend(kind.candidate());
        self.applications.extend(kind.application());
        match kind {
            K::ScorecardAdded {
                engagement,
                candidate,
                ..
            }
            | K::ApplicationRemoved {
                engagement,
                candidate,
            } => {
                self.applications.insert((*engagement, *candidate));
            }
            K::Submitted {
                engagement,
                candidate,
                ..
            }
            | K::PlacementChanged {
                engagement,
                candidate,
                ..
            } => {
                self.applications.insert((*engagement, *candidate));
                self.agency = true;
            }
            K::SubmittalAnswered { .. }
            | K::SubmittalRetracted { .. }
            | K::PlacementChangeUndone { .. }
            | K::ClientAdded { .. }
            | K::ClientUpdated { .. }
            | K::ClientDeleted { .. }
            | K::InterviewerAssigned { .. } => self.agency = true,
            K::EngagementAdded { engagement }
            | K::EngagementUpdated { engagement }
            | K::EngagementDeleted { engagement } => {
                self.engagements.insert(*engagement);
            }
            K::CandidateErased { candidate, .. }
            | K::CandidateDeleted { candidate }
            | K::CandidateMerged { candidate, .. }
            | K::MergeUndone { candidate, .. } => {
                // Their submittals and placements are rewritten too (an
                // erasure takes the free text out of them).
                self.whole.insert(*candidate);
                self.agency = true;
            }
            // Their candidate (with its notes), named above, or the
            // application, is all they touch; an export touches nothing.
            K::ApplicationOpened { .. }
            | K::StageChanged { .. }
            | K::CandidateAdded { .. }
            | K::CandidateUpdated { .. }
            | K::CandidateUpdatedFromFile { .. }
            | K::NoteAdded { .. }
            | K::NoteRemoved { .. }
            | K::CandidateViewed { .. }
            | K::ConsentRecorded { .. }
            | K::ConsentWithdrawn { .. }
            | K::RecordsExported { .. } => {}
        }
    }

    /// Reads every touched record from `store` into `data`: as stored
    /// now, or taken out where the store no longer has it. A record read
    /// the same as held is left as it is: taking one in copies the list
    /// it is in (every candidate, every note) for the new snapshot, which
    /// a move must not pay for its candidate.
    fn read_into(&self, store: &Store, data: &mut Data) -> Result<()> {
        for &id in &self.engagements {
            match store.engagement(id)? {
                Some(engagement) if data.engagement(id) != Some(&engagement) => {
                    data.upsert_engagement(engagement);
                }
                Some(_) => {}
                None => data.remove_engagement(id),
            }
        }
        for &id in self.candidates.union(&self.whole) {
            match store.candidate(id)? {
                Some(candidate) if data.candidate(id) != Some(&candidate) => {
                    data.upsert_candidate(candidate);
                }
                Some(_) => {}
                None => data.remove_candidate(id),
            }
            let notes = store.notes_of(id)?;
            if data.notes_of(id) != notes.as_slice() {
                data.put_notes(id, notes);
            }
        }
        for (engagement, candidate) in self.cards(data) {
            let held = (data.pipeline(engagement).iter()).find(|app| app.candidate == candidate);
            match store.application(engagement, candidate)? {
                Some(app) if held != Some(&app) => data.put_application(app),
                None if held.is_some() => data.remove_application(engagement, candidate),
                _ => {}
            }
        }
        if self.agency {
            *data.agency_mut() = Agency::load(store)?;
        }
        Ok(())
    }

    /// The cards to read again: those the events name, and every card
    /// the snapshot holds of a candidate touched whole.
    fn cards(&self, data: &Data) -> BTreeSet<(EngagementId, CandidateId)> {
        let mut cards = self.applications.clone();
        for &id in &self.whole {
            let held = data.applications_of(id).into_iter();
            cards.extend(held.map(|app| (app.engagement, app.candidate)));
        }
        cards
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Stage, SubmittalId};

    #[test]
    fn each_kind_names_what_it_touched() {
        let (e, c) = (EngagementId(3), CandidateId(7));
        let moved = EventKind::StageChanged {
            engagement: e,
            candidate: c,
            from: Stage::Sourced,
            to: Stage::Screening,
            reason: None,
        };
        let answered = EventKind::SubmittalRetracted {
            submittal: SubmittalId(1),
            candidate: c,
            answer_only: true,
        };
        let mut touched = Touched::default();
        touched.take(&moved);
        assert_eq!(touched.applications, BTreeSet::from([(e, c)]));
        assert_eq!(touched.candidates, BTreeSet::from([c]));
        assert!(!touched.agency);
        touched.take(&answered);
        assert!(touched.agency);
        touched.take(&EventKind::CandidateViewed {
            candidate: CandidateId(9),
        });
        assert!(touched.whole.is_empty() && touched.engagements.is_empty());
    }
}
