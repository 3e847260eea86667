//! Deleting what was entered by mistake: a candidate or an engagement
//! with no applications, a client with no engagements or submittals, a
//! note. Each is one transaction with its event; each returns what it
//! removed, so that an undo can put it back under the same id
//! (`restore_*`, recorded as the record being added again).
//!
//! The records that would forbid a deletion are counted before the
//! transaction (sled's cannot scan): a writer racing in between is the
//! app's to prevent, and it does, since its writes take one lock.

use super::Store;
use super::candidates::{refuse_taken_email, validate};
use super::counts::{self, Tally};
use super::error::{Result, StoreError};
use super::notes::note_key;
use super::tx;
use crate::domain::text::normalize_email;
use crate::domain::{
    Candidate, CandidateId, Client, ClientId, Engagement, EngagementId, EventKind, Note, NoteId,
    Stamp,
};
use crate::store::kv::Transactional;

/// A candidate deleted, with the notes that went with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedCandidate {
    pub candidate: Candidate,
    pub notes: Vec<Note>,
}

/// A change's event, and what it changes of the counters.
type Logged = (EventKind, Tally);

fn refused(message: String) -> StoreError {
    StoreError::Invalid(vec![message])
}

impl Store {
    /// Deletes a candidate who is in no pipeline, with their notes.
    pub fn delete_candidate(&self, id: CandidateId, stamp: &Stamp) -> Result<DeletedCandidate> {
        self.ensure_writable()?;
        let Some(candidate) = self.candidate(id)? else {
            return Err(StoreError::NoCandidate(id));
        };
        let pipelines = self
            .applications()?
            .iter()
            .filter(|a| a.candidate == id)
            .count();
        if pipelines > 0 {
            return Err(refused(format!(
                "{id} {} is in {pipelines} pipelines: only a candidate with no applications \
                 can be deleted (reject or withdraw them instead)",
                candidate.name
            )));
        }
        let notes = self.notes_of(id)?;
        let email = normalize_email(&candidate.email);
        let trees = (
            &self.candidates,
            &self.emails,
            &self.notes,
            &self.meta,
            &self.events,
            &self.event_index,
        );
        trees.transaction(|(candidates, emails, note_tree, meta, events, index)| {
            let before = tx::get::<Candidate>(candidates, &id.to_key())?;
            candidates.remove(id.to_key())?;
            counts::change(meta, before.as_ref(), None)?;
            emails.remove(email.as_bytes())?;
            for note in &notes {
                note_tree.remove(note_key(id, note.id))?;
            }
            let kind = EventKind::CandidateDeleted { candidate: id };
            tx::append_event(events, index, meta, stamp, kind)
        })?;
        self.flush()?;
        Ok(DeletedCandidate { candidate, notes })
    }

    /// Puts a deleted candidate back under their id, notes and all.
    pub fn restore_candidate(&self, deleted: &DeletedCandidate, stamp: &Stamp) -> Result<()> {
        self.ensure_writable()?;
        let candidate = &deleted.candidate;
        validate(candidate)?;
        let (id, email) = (candidate.id, normalize_email(&candidate.email));
        let trees = (
            &self.candidates,
            &self.emails,
            &self.notes,
            &self.meta,
            &self.events,
            &self.event_index,
        );
        trees.transaction(|(candidates, emails, note_tree, meta, events, index)| {
            if candidates.get(id.to_key())?.is_some() {
                return tx::abort(refused(format!("{id} is already there")));
            }
            refuse_taken_email(emails, &email, None)?;
            tx::put(candidates, &id.to_key(), candidate)?;
            counts::change(meta, None, Some(candidate))?;
            emails.insert(email.as_bytes(), &id.to_key())?;
            for note in &deleted.notes {
                tx::put(note_tree, &note_key(id, note.id), note)?;
            }
            let kind = EventKind::CandidateAdded { candidate: id };
            tx::append_event(events, index, meta, stamp, kind)
        })?;
        self.flush()
    }

    /// Deletes an engagement with no applications.
    pub fn delete_engagement(&self, id: EngagementId, stamp: &Stamp) -> Result<Engagement> {
        self.ensure_writable()?;
        let Some(engagement) = self.engagement(id)? else {
            return Err(StoreError::NoEngagement(id));
        };
        let cards = self.applications.scan_prefix(id.to_key()).count();
        if cards > 0 {
            return Err(refused(format!(
                "{id} {} has {cards} applications: only an engagement with none can be \
                 deleted (close it instead)",
                engagement.title
            )));
        }
        let kind = EventKind::EngagementDeleted { engagement: id };
        let mut gone = Tally::default();
        gone.change(Some(&engagement), None);
        self.remove_logged(&self.engagements, &id.to_key(), (kind, gone), stamp)?;
        Ok(engagement)
    }

    /// Puts a deleted engagement back under its id.
    pub fn restore_engagement(&self, engagement: &Engagement, stamp: &Stamp) -> Result<()> {
        let id = engagement.id;
        let kind = EventKind::EngagementAdded { engagement: id };
        let mut back = Tally::default();
        back.change(None, Some(engagement));
        self.put_back_logged(
            &self.engagements,
            &id.to_key(),
            engagement,
            (kind, back),
            stamp,
        )
    }

    /// Deletes a client with no engagements and no submittals.
    pub fn delete_client(&self, id: ClientId, stamp: &Stamp) -> Result<Client> {
        self.ensure_writable()?;
        let Some(client) = self.client(id)? else {
            return Err(StoreError::NoClient(id));
        };
        let engagements = self
            .engagements()?
            .iter()
            .filter(|e| e.client == id)
            .count();
        let submittals = self.submittals()?.iter().filter(|s| s.client == id).count();
        if engagements + submittals > 0 {
            return Err(refused(format!(
                "{id} {} has {engagements} engagements and {submittals} submittals: only a \
                 client with none can be deleted",
                client.name
            )));
        }
        let kind = EventKind::ClientDeleted { client: id };
        let mut gone = Tally::default();
        gone.change(Some(&client), None);
        self.remove_logged(&self.clients, &id.to_key(), (kind, gone), stamp)?;
        Ok(client)
    }

    /// Puts a deleted client back under its id.
    pub fn restore_client(&self, client: &Client, stamp: &Stamp) -> Result<()> {
        let kind = EventKind::ClientAdded { client: client.id };
        let mut back = Tally::default();
        back.change(None, Some(client));
        self.put_back_logged(
            &self.clients,
            &client.id.to_key(),
            client,
            (kind, back),
            stamp,
        )
    }

    /// Deletes a note, found by its id alone.
    pub fn delete_note(&self, id: NoteId, stamp: &Stamp) -> Result<Note> {
        let Some(note) = self.notes()?.into_iter().find(|n| n.id == id) else {
            return Err(refused(format!("there is no note {id}")));
        };
        self.remove_note(note.candidate, id, stamp)?;
        Ok(note)
    }

    /// Puts a deleted note back under its id.
    pub fn restore_note(&self, note: &Note, stamp: &Stamp) -> Result<()> {
        let kind = EventKind::NoteAdded {
            candidate: note.candidate,
            engagement: note.engagement,
            note: note.id,
        };
        self.put_back_logged(
            &self.notes,
            &note_key(note.candidate, note.id),
            note,
            (kind, Tally::default()),
            stamp,
        )
    }

    fn remove_logged(
        &self,
        tree: &crate::store::kv::Tree,
        key: &[u8],
        (kind, counted): Logged,
        stamp: &Stamp,
    ) -> Result<()> {
        let trees = self.with_log(tree);
        trees.transaction(|(records, meta, events, index)| {
            records.remove(key)?;
            counted.apply(meta)?;
            tx::append_event(events, index, meta, stamp, kind.clone())
        })?;
        self.flush()
    }

    fn put_back_logged<R: super::Record>(
        &self,
        tree: &crate::store::kv::Tree,
        key: &[u8],
        record: &R,
        (kind, counted): Logged,
        stamp: &Stamp,
    ) -> Result<()> {
        self.ensure_writable()?;
        let trees = self.with_log(tree);
        trees.transaction(|(records, meta, events, index)| {
            if records.get(key)?.is_some() {
                return tx::abort(refused("it is already there".into()));
            }
            tx::put(records, key, record)?;
            counted.apply(meta)?;
            tx::append_event(events, index, meta, stamp, kind.clone())
        })?;
        self.flush()
    }
}
