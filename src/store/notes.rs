//! Notes on candidates and applications, each written with its event.

use super::Store;
use super::error::{Result, StoreError};
use super::records::application_key;
use super::tx::{self, TxResult};
use crate::domain::note::note_text;
use crate::domain::{Candidate, CandidateId, EngagementId, EventKind, Note, NoteId, Stamp};
use crate::store::kv::Transactional;
use crate::store::kv::TxTree;

/// The text a note is stored with (see [`note_text`]), or why it
/// cannot be stored.
pub(super) fn stored_text(raw: &str) -> Result<String> {
    note_text(raw).map_err(|problem| StoreError::Invalid(vec![problem]))
}

/// The candidate a note is written on, refused when they are not there.
pub(super) fn require_candidate(
    candidates: &TxTree,
    candidate: CandidateId,
) -> TxResult<Candidate> {
    match tx::get::<Candidate>(candidates, &candidate.to_key())? {
        Some(person) => Ok(person),
        None => tx::abort(StoreError::NoCandidate(candidate)),
    }
}

/// Refuses a new note on a candidate who is not there or was erased, or
/// on an application (`engagement`) that is not there.
pub(super) fn refuse_misplaced(
    candidates: &TxTree,
    apps: &TxTree,
    candidate: CandidateId,
    engagement: Option<EngagementId>,
) -> TxResult<()> {
    let person = require_candidate(candidates, candidate)?;
    super::candidates::refuse_erased(&person)?;
    if let Some(engagement) = engagement
        && apps.get(application_key(engagement, candidate))?.is_none()
    {
        return tx::abort(StoreError::NoApplication {
            engagement,
            candidate,
        });
    }
    Ok(())
}

pub(super) fn note_key(candidate: CandidateId, note: NoteId) -> [u8; 16] {
    let mut key = [0u8; 16];
    key[..8].copy_from_slice(&candidate.to_key());
    key[8..].copy_from_slice(&note.to_key());
    key
}

impl Store {
    /// Adds a note to a candidate, or to one of their applications when
    /// `engagement` is given. The text is cleaned (newlines kept).
    pub fn add_note(
        &self,
        candidate: CandidateId,
        engagement: Option<EngagementId>,
        text: &str,
        stamp: &Stamp,
    ) -> Result<Note> {
        // One note is a batch of one: the same checks, ids and event.
        let draft = Note {
            id: NoteId(0),
            candidate,
            engagement,
            at: stamp.at,
            author: stamp.actor.clone(),
            text: text.to_string(),
        };
        let ids = self.add_notes(std::slice::from_ref(&draft))?;
        self.flush()?;
        let id = ids.first().copied().unwrap_or(NoteId(0));
        Ok(Note {
            id,
            text: stored_text(text)?,
            ..draft
        })
    }

    /// Removes a note (an undo), recording that it was removed.
    pub fn remove_note(&self, candidate: CandidateId, note: NoteId, stamp: &Stamp) -> Result<()> {
        self.ensure_writable()?;
        let key = note_key(candidate, note);
        let trees = self.with_log(&self.notes);
        trees.transaction(|(notes, meta, events, event_index)| {
            if notes.remove(key)?.is_none() {
                return tx::abort(StoreError::Invalid(vec![format!(
                    "note {note} is not there"
                )]));
            }
            tx::append_event(
                events,
                event_index,
                meta,
                stamp,
                EventKind::NoteRemoved { candidate, note },
            )?;
            Ok(())
        })?;
        self.flush()
    }

    /// A candidate's notes, oldest first.
    pub fn notes_of(&self, candidate: CandidateId) -> Result<Vec<Note>> {
        self.notes
            .scan_prefix(candidate.to_key())
            .map(super::decode_item)
            .collect()
    }

    /// Every note, by candidate.
    pub fn notes(&self) -> Result<Vec<Note>> {
        self.load_all(&self.notes)
    }
}
