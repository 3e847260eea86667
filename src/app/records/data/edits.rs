//! Records taken out of a snapshot (deleted by mistake, or put back by an
//! undo), a candidate's notes replaced whole (after an erasure), and a
//! note found by its id alone (`:delete N5`).

use super::Data;
use crate::domain::{CandidateId, EngagementId, Note, NoteId};
use std::sync::Arc;

impl Data {
    /// Drops a candidate the store has just deleted, with their notes.
    /// Indices into the candidates after theirs shift down by one: a
    /// caller holding some rebuilds them (`App::adopt` does).
    pub fn remove_candidate(&mut self, id: CandidateId) {
        self.touch(id);
        if let Some(index) = self.index_of(id) {
            Arc::make_mut(&mut self.candidates).remove(index);
            Arc::make_mut(&mut self.latest).remove(index);
            self.rank_names();
        }
        if self.notes.contains_key(&id) {
            self.put_notes(id, Vec::new());
        }
    }

    /// A candidate's notes, as the store now has them (oldest first).
    pub fn put_notes(&mut self, candidate: CandidateId, notes: Vec<Note>) {
        let all = Arc::make_mut(&mut self.notes);
        match notes.is_empty() {
            true => all.remove(&candidate),
            false => all.insert(candidate, notes),
        };
    }

    /// Puts back a note the store has just restored, in its place among
    /// the candidate's (by id: ids grow with time).
    pub fn put_back_note(&mut self, note: Note) {
        let notes = Arc::make_mut(&mut self.notes)
            .entry(note.candidate)
            .or_default();
        let at = notes.partition_point(|n| n.id < note.id);
        notes.insert(at, note);
    }

    /// Drops an engagement the store has just deleted (it had no cards).
    pub fn remove_engagement(&mut self, id: EngagementId) {
        Arc::make_mut(&mut self.engagements).retain(|e| e.id != id);
        if self.pipelines.contains_key(&id) {
            Arc::make_mut(&mut self.pipelines).remove(&id);
        }
    }

    /// The note with this id, whoever's it is.
    pub fn note(&self, id: NoteId) -> Option<&Note> {
        self.notes.values().flatten().find(|n| n.id == id)
    }
}
