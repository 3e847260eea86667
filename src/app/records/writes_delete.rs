//! The writes that take records out: a record entered by mistake deleted
//! (and put back by an undo), a person erased, and a person who matches
//! an erased one added again on purpose. Each is checked against the
//! writer's role first (`guard.rs`), like every other write.

use super::guard::{Need, On};
use super::writes::{Writer, Written};
use super::{Records, data::Data};
use crate::domain::access::Act;
use crate::domain::{
    Application, Candidate, CandidateId, Client, ClientId, Engagement, EngagementId, Note,
    Placement, Submittal,
};
use crate::store::{DeletedCandidate, Result, Store};

/// Every record about a person, as the store holds them once erased.
#[derive(Debug, Clone)]
pub struct ErasedPerson {
    pub candidate: Candidate,
    pub notes: Vec<Note>,
    pub applications: Vec<Application>,
    pub submittals: Vec<Submittal>,
    pub placements: Vec<Placement>,
}

impl ErasedPerson {
    fn read(store: &Store, id: CandidateId) -> Result<ErasedPerson> {
        let mine = |candidate: CandidateId| candidate == id;
        Ok(ErasedPerson {
            candidate: store
                .candidate(id)?
                .ok_or(crate::store::StoreError::NoCandidate(id))?,
            notes: store.notes_of(id)?,
            applications: (store.applications()?.into_iter())
                .filter(|a| mine(a.candidate))
                .collect(),
            submittals: (store.submittals()?.into_iter())
                .filter(|s| mine(s.candidate))
                .collect(),
            placements: (store.placements()?.into_iter())
                .filter(|p| mine(p.candidate))
                .collect(),
        })
    }

    fn apply(&self, data: &mut Data) {
        data.upsert_candidate(self.candidate.clone());
        data.put_notes(self.candidate.id, self.notes.clone());
        for application in &self.applications {
            data.put_application(application.clone());
        }
        let agency = data.agency_mut();
        for submittal in &self.submittals {
            agency.put_submittal(submittal.clone());
        }
        for placement in &self.placements {
            agency.put_placement(placement.clone());
        }
    }
}

impl Records {
    pub fn delete_candidate(&self, by: &Writer, id: CandidateId) -> Written<DeletedCandidate> {
        self.write(
            by,
            Need(Act::Delete, On::Candidate(id)),
            |store| store.delete_candidate(id, &by.stamp),
            |data, _| data.remove_candidate(id),
        )
    }

    /// Puts a deleted candidate back (an undo), notes and all.
    pub fn restore_candidate(&self, by: &Writer, deleted: &DeletedCandidate) -> Written<()> {
        let candidate = &deleted.candidate;
        self.write(
            by,
            Need(Act::Delete, On::Records),
            |store| store.restore_candidate(deleted, &by.stamp),
            |data, ()| {
                data.upsert_candidate(candidate.clone());
                data.put_notes(candidate.id, deleted.notes.clone());
            },
        )
    }

    pub fn delete_engagement(&self, by: &Writer, id: EngagementId) -> Written<Engagement> {
        self.write(
            by,
            Need(Act::Delete, On::Engagement(id)),
            |store| store.delete_engagement(id, &by.stamp),
            |data, _| data.remove_engagement(id),
        )
    }

    pub fn restore_engagement(&self, by: &Writer, engagement: &Engagement) -> Written<()> {
        self.write(
            by,
            Need(Act::Delete, On::Records),
            |store| store.restore_engagement(engagement, &by.stamp),
            |data, ()| {
                data.upsert_engagement(engagement.clone());
            },
        )
    }

    pub fn delete_client(&self, by: &Writer, id: ClientId) -> Written<Client> {
        self.write(
            by,
            Need(Act::Delete, On::Records),
            |store| store.delete_client(id, &by.stamp),
            |data, _| data.agency_mut().remove_client(id),
        )
    }

    pub fn restore_client(&self, by: &Writer, client: &Client) -> Written<()> {
        self.write(
            by,
            Need(Act::Delete, On::Records),
            |store| store.restore_client(client, &by.stamp),
            |data, ()| data.agency_mut().put_client(client.clone()),
        )
    }

    /// Deletes `note` (as the session shows it: its candidate is what the
    /// role is checked against).
    pub fn delete_note(&self, by: &Writer, note: &Note) -> Written<Note> {
        self.write(
            by,
            Need(Act::Delete, On::Candidate(note.candidate)),
            |store| store.delete_note(note.id, &by.stamp),
            |data, deleted| data.remove_note(deleted.candidate, deleted.id),
        )
    }

    pub fn restore_note(&self, by: &Writer, note: &Note) -> Written<()> {
        self.write(
            by,
            Need(Act::Delete, On::Candidate(note.candidate)),
            |store| store.restore_note(note, &by.stamp),
            |data, ()| data.put_back_note(note.clone()),
        )
    }

    /// Erases a person's data for good (admins only): the records about
    /// them as they now are.
    pub fn erase_candidate(
        &self,
        by: &Writer,
        id: CandidateId,
        reason: &str,
    ) -> Written<ErasedPerson> {
        self.write(
            by,
            Need(Act::Erase, On::Candidate(id)),
            |store| {
                store.erase_candidate(id, reason, &by.stamp)?;
                ErasedPerson::read(store, id)
            },
            |data, erased| erased.apply(data),
        )
    }

    /// Adds a person who matches an erased one, having asked: their
    /// tombstones go first, as `hireterm add --allow-erased` does.
    pub fn add_erased_candidate(&self, by: &Writer, candidate: Candidate) -> Written<Candidate> {
        self.write(
            by,
            Need(Act::Edit, On::Records),
            |store| {
                store.forget_tombstones(&candidate)?;
                store.add_candidate(candidate, &by.stamp)
            },
            |data, stored| {
                data.upsert_candidate(stored.clone());
            },
        )
    }
}
