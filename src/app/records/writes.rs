//! Every write the app makes, each one store call (one transaction,
//! flushed) and the change it makes to the records, published together
//! by `Records::write`.

use super::guard::{Need, On};
use super::{Origin, Records, Snapshot};
use crate::domain::access::Act;
use crate::domain::scope::Access;
use crate::domain::{
    Application, Candidate, CandidateId, Engagement, EngagementId, EventId, Note, NoteId,
    Scorecard, Stage, Stamp,
};
use crate::store::{Merged, Result};

/// Who writes: the session (so that it is not woken by its own write),
/// the stamp the event log records, and the session's access, which every
/// write checks first (`guard.rs`).
#[derive(Debug, Clone)]
pub struct Writer {
    pub origin: Origin,
    pub stamp: Stamp,
    pub access: Access,
}

impl Writer {
    /// A writer with every right (the local user of a database, a test).
    pub fn admin(origin: Origin, stamp: Stamp) -> Writer {
        let access = Access::admin(stamp.actor.clone());
        Writer {
            origin,
            stamp,
            access,
        }
    }
}

/// A write's result and the snapshot it published.
pub type Written<T> = Result<(T, Snapshot)>;

fn put_applications(data: &mut super::data::Data, applications: &[Application]) {
    for application in applications {
        data.put_application(application.clone());
    }
}

impl Records {
    /// Moves cards, each to its own stage, in one transaction.
    pub fn move_many(
        &self,
        by: &Writer,
        engagement: EngagementId,
        moves: &[(CandidateId, Stage)],
        reason: Option<String>,
    ) -> Written<Vec<Application>> {
        self.write(
            by,
            Need(Act::Move, On::Engagement(engagement)),
            |store| store.move_many(engagement, moves, reason, &by.stamp),
            |data, applications| put_applications(data, applications),
        )
    }

    /// Moves cards back or forth again (undo, redo): each only from the
    /// stage it is expected in.
    pub fn revert_many(
        &self,
        by: &Writer,
        engagement: EngagementId,
        reverts: &[(CandidateId, Stage, Stage)],
        redo: bool,
    ) -> Written<Vec<Application>> {
        self.write(
            by,
            Need(Act::Move, On::Engagement(engagement)),
            |store| store.revert_many(engagement, reverts, redo, &by.stamp),
            |data, applications| put_applications(data, applications),
        )
    }

    pub fn add_scorecard(
        &self,
        by: &Writer,
        engagement: EngagementId,
        candidate: CandidateId,
        scorecard: Scorecard,
    ) -> Written<Application> {
        self.write(
            by,
            Need(Act::Scorecard, On::Card(engagement, candidate)),
            |store| store.add_scorecard(engagement, candidate, scorecard, &by.stamp),
            |data, application| data.put_application(application.clone()),
        )
    }

    pub fn add_note(
        &self,
        by: &Writer,
        candidate: CandidateId,
        engagement: Option<EngagementId>,
        text: &str,
    ) -> Written<Note> {
        self.write(
            by,
            Need(
                Act::Note,
                engagement.map_or(On::Candidate(candidate), |e| On::Card(e, candidate)),
            ),
            |store| store.add_note(candidate, engagement, text, &by.stamp),
            |data, note| data.add_note(note.clone()),
        )
    }

    pub fn remove_note(&self, by: &Writer, candidate: CandidateId, note: NoteId) -> Written<()> {
        self.write(
            by,
            Need(Act::Note, On::Candidate(candidate)),
            |store| store.remove_note(candidate, note, &by.stamp),
            |data, ()| data.remove_note(candidate, note),
        )
    }

    /// Adds or removes a tag; the candidates it changed.
    pub fn retag(
        &self,
        by: &Writer,
        ids: &[CandidateId],
        tag: &str,
        remove: bool,
    ) -> Written<Vec<Candidate>> {
        self.write(
            by,
            Need(Act::Edit, On::Records),
            |store| store.retag(ids, tag, remove, &by.stamp),
            |data, changed| {
                for candidate in changed {
                    data.upsert_candidate(candidate.clone());
                }
            },
        )
    }

    pub fn add_candidate(&self, by: &Writer, candidate: Candidate) -> Written<Candidate> {
        self.write(
            by,
            Need(Act::Edit, On::Records),
            |store| store.add_candidate(candidate, &by.stamp),
            |data, stored| {
                data.upsert_candidate(stored.clone());
            },
        )
    }

    pub fn update_candidate(&self, by: &Writer, candidate: Candidate) -> Written<Candidate> {
        self.write(
            by,
            Need(Act::Edit, On::Records),
            |store| {
                store
                    .update_candidate(&candidate, &by.stamp)
                    .map(|()| candidate)
            },
            |data, stored| {
                data.upsert_candidate(stored.clone());
            },
        )
    }

    pub fn merge_candidate(
        &self,
        by: &Writer,
        existing: CandidateId,
        incoming: &Candidate,
    ) -> Written<Merged> {
        self.write(
            by,
            Need(Act::Edit, On::Records),
            |store| store.merge_candidate(existing, incoming, &by.stamp),
            |data, merged| {
                data.upsert_candidate(merged.candidate.clone());
            },
        )
    }

    /// Takes a merge back; the record as it was before it.
    pub fn undo_merge(&self, by: &Writer, merge: EventId) -> Written<Candidate> {
        self.write(
            by,
            Need(Act::Edit, On::Records),
            |store| store.undo_merge(merge, &by.stamp),
            |data, restored| {
                data.upsert_candidate(restored.clone());
            },
        )
    }

    pub fn add_engagement(&self, by: &Writer, engagement: Engagement) -> Written<Engagement> {
        self.write(
            by,
            Need(Act::Edit, On::Records),
            |store| store.add_engagement(engagement, &by.stamp),
            |data, stored| {
                data.upsert_engagement(stored.clone());
            },
        )
    }

    pub fn update_engagement(&self, by: &Writer, engagement: Engagement) -> Written<Engagement> {
        self.write(
            by,
            Need(Act::Edit, On::Engagement(engagement.id)),
            |store| {
                store
                    .update_engagement(&engagement, &by.stamp)
                    .map(|()| engagement)
            },
            |data, stored| {
                data.upsert_engagement(stored.clone());
            },
        )
    }
}
