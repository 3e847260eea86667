//! Many notes at once, as another system's export brings them: each with
//! its own time and author (its event stamped with them, not with the
//! import's), under fresh ids, one transaction per call.

use super::Store;
use super::error::Result;
use super::notes::{note_key, refuse_misplaced, stored_text};
use super::tx;
use crate::domain::{EventKind, Note, NoteId, Stamp};
use crate::store::kv::Transactional;

impl Store {
    /// Adds `notes` under fresh ids (the ids they carry are ignored),
    /// returned in input order, in one transaction: all or none. Each is
    /// stored at its own `at` by its own `author`, its text cleaned as
    /// [`Store::add_note`] cleans it, and its event stamped with the
    /// same time and author. Refuses the whole call if a note's text
    /// cannot be stored or its candidate (or, with an engagement, its
    /// application) is not there or was erased. Not flushed: an import
    /// calls this once a chunk, and its journal flushes at the end (see
    /// [`Store::finish_import`]); anyone else calls [`Store::flush`].
    pub fn add_notes(&self, notes: &[Note]) -> Result<Vec<NoteId>> {
        self.ensure_writable()?;
        let texts = (notes.iter())
            .map(|note| stored_text(&note.text))
            .collect::<Result<Vec<String>>>()?;
        let trees = (
            &self.notes,
            &self.candidates,
            &self.applications,
            &self.meta,
            &self.events,
            &self.event_index,
        );
        trees.transaction(|(stored, candidates, apps, meta, events, event_index)| {
            let first = tx::reserve_ids(meta, tx::NOTE_SEQ, notes.len() as u64)?;
            let mut ids = Vec::with_capacity(notes.len());
            for (offset, (note, text)) in notes.iter().zip(&texts).enumerate() {
                refuse_misplaced(candidates, apps, note.candidate, note.engagement)?;
                let id = NoteId(first + offset as u64);
                let note = Note {
                    id,
                    text: text.clone(),
                    ..note.clone()
                };
                tx::put(stored, &note_key(note.candidate, id), &note)?;
                let kind = EventKind::NoteAdded {
                    candidate: note.candidate,
                    engagement: note.engagement,
                    note: id,
                };
                let stamp = Stamp::new(note.at, note.author.clone());
                tx::append_event(events, event_index, meta, &stamp, kind)?;
                ids.push(id);
            }
            Ok(ids)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::testing::{at, candidate_with};
    use crate::domain::{CandidateId, EngagementId, EventKind, Note, NoteId, Stamp};
    use crate::store::{Store, StoreError};

    fn note(candidate: CandidateId, day: u32, author: &str, text: &str) -> Note {
        Note {
            id: NoteId(0),
            candidate,
            engagement: None,
            at: at(day),
            author: author.into(),
            text: text.into(),
        }
    }

    #[test]
    fn notes_keep_their_time_and_author_and_take_fresh_ids() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("db")).unwrap();
        let stamp = Stamp::new(at(20), "importer");
        let person = store.add_candidate(candidate_with(&[]), &stamp).unwrap();
        store.add_note(person.id, None, "first", &stamp).unwrap();
        let given = [
            note(person.id, 3, "Rui", "Called.\r\nWill call back\u{1b}[2J"),
            note(person.id, 4, "王芳", "面试很好"),
        ];
        let ids = store.add_notes(&given).unwrap();
        assert_eq!(ids, [NoteId(2), NoteId(3)]);
        let stored = store.notes_of(person.id).unwrap();
        assert_eq!(stored.len(), 3);
        assert_eq!(stored[1].text, "Called.\nWill call back[2J");
        assert_eq!((stored[2].at, stored[2].author.as_str()), (at(4), "王芳"));
        let events = store.events_of(person.id, 10).unwrap();
        let added: Vec<_> = (events.iter())
            .filter(|e| matches!(e.kind, EventKind::NoteAdded { .. }))
            .map(|e| (e.at, e.actor.as_str()))
            .collect();
        assert!(added.contains(&(at(3), "Rui")), "{added:?}");
        assert!(added.contains(&(at(4), "王芳")), "{added:?}");
        assert!(store.check().unwrap().problems.is_empty());
    }

    #[test]
    fn a_bad_note_refuses_the_whole_call() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("db")).unwrap();
        let stamp = Stamp::new(at(20), "importer");
        let person = store.add_candidate(candidate_with(&[]), &stamp).unwrap();
        let good = note(person.id, 3, "Rui", "fine");
        for (bad, expected) in [
            (note(CandidateId(99), 3, "Rui", "x"), "no candidate C99"),
            (note(person.id, 3, "Rui", " \u{200b} "), "the note is empty"),
            (
                Note {
                    engagement: Some(EngagementId(4)),
                    ..good.clone()
                },
                "E4",
            ),
        ] {
            let error = store.add_notes(&[good.clone(), bad]).unwrap_err();
            assert!(error.to_string().contains(expected), "{error}");
        }
        assert!(store.notes_of(person.id).unwrap().is_empty());
        let erased = store.erase_candidate(person.id, "asked to be forgotten", &stamp);
        assert!(erased.is_ok(), "{erased:?}");
        let error = store.add_notes(&[good]).unwrap_err();
        assert!(matches!(error, StoreError::Erased(_)), "{error}");
    }
}
