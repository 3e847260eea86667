//! Deleting what was entered by mistake (`D`, `N` in the detail, `:delete
//! ID`): a candidate or an engagement with no applications, a client with
//! no engagements or submittals, a note. The app asks first, naming what
//! goes; a refusal (the role, or records that depend on it) says why and
//! writes nothing, and the write itself is checked again below
//! (`records/guard.rs`). `u` puts the record back (`undo_delete.rs`).

use crate::app::overlay::Overlay;
use crate::app::pending::{Doomed, Pending};
use crate::app::prompt::confirm::Confirm;
use crate::app::prompt::delete::{NoteChoice, summary};
use crate::app::records::Snapshot;
use crate::app::undo::Undoable;
use crate::app::undo_delete::Deleted;
use crate::app::{App, Pane};
use crate::domain::access::Act;
use crate::domain::text::clean_line;
use crate::domain::{CandidateId, ClientId, EngagementId, NoteId};

impl App {
    /// `D`: the candidate in the detail or under the cursor; on the
    /// pipeline, the engagement shown.
    pub(in crate::app) fn open_delete_here(&mut self) {
        let doomed = match (self.pane, self.candidates.detail) {
            (Pane::Pipeline, _) => self.engagement.map(Doomed::Engagement),
            (_, Some(detail)) => Some(Doomed::Candidate(detail.candidate)),
            (Pane::Candidates, None) => {
                let selected = self.candidates.selected(&self.data);
                selected.map(|c| Doomed::Candidate(c.id))
            }
            _ => None,
        };
        match doomed {
            Some(doomed) => self.ask_delete(doomed),
            None => self.complain("nothing selected to delete"),
        }
    }

    /// `N` in the detail: one of the candidate's notes, chosen first when
    /// there are several.
    pub(in crate::app) fn open_delete_note(&mut self) {
        let Some(detail) = self.candidates.detail else {
            return;
        };
        let (id, name) = (detail.candidate, self.name_of(detail.candidate));
        match self.data.notes_of(id) {
            [] => self.complain(format!("{} has no notes", clean_line(&name))),
            [only] => self.ask_delete(Doomed::Note(only.clone())),
            notes => {
                let choice = NoteChoice::new(id, clean_line(&name), notes);
                self.overlay = Some(Overlay::DeleteNote(choice));
            }
        }
    }

    /// `:delete C12` (or E3, N5, CL2).
    pub(in crate::app) fn delete_by_id(&mut self, text: &str) {
        match self.doomed_by_id(text) {
            Ok(doomed) => self.ask_delete(doomed),
            Err(why) => self.complain(why),
        }
    }

    /// The question before a deletion, or why there can be none.
    pub(in crate::app) fn ask_delete(&mut self, doomed: Doomed) {
        self.overlay = None;
        if !self.may(Act::Delete) {
            let refusal = self.role().refusal(Act::Delete);
            return self.complain(refusal);
        }
        match self.delete_question(&doomed) {
            Ok(question) => {
                let question = Confirm::new(question, Pending::Delete(doomed));
                self.overlay = Some(Overlay::Confirm(question));
            }
            Err(why) => self.complain(why),
        }
    }

    /// A yes to the question: the deletion, remembered for `u`.
    pub(in crate::app) fn delete(&mut self, doomed: Doomed) {
        match self.delete_now(doomed) {
            Ok((deleted, snapshot)) => {
                self.took_in_deletion(&deleted, snapshot, false);
                self.say(format!("deleted {} · u undoes", deleted.describe()));
                self.remember(Undoable::Deleted(Box::new(deleted)));
            }
            Err(error) => self.complain(format!("nothing was deleted: {error}")),
        }
    }

    fn delete_now(&mut self, doomed: Doomed) -> crate::store::Result<(Deleted, Snapshot)> {
        let (by, records) = (self.writer(), &self.records);
        Ok(match doomed {
            Doomed::Candidate(id) => {
                let (deleted, snapshot) = records.delete_candidate(&by, id)?;
                (Deleted::Candidate(Box::new(deleted)), snapshot)
            }
            Doomed::Engagement(id) => {
                let (deleted, snapshot) = records.delete_engagement(&by, id)?;
                (Deleted::Engagement(deleted), snapshot)
            }
            Doomed::Client(id) => {
                let (deleted, snapshot) = records.delete_client(&by, id)?;
                (Deleted::Client(deleted), snapshot)
            }
            Doomed::Note(note) => {
                let (deleted, snapshot) = records.delete_note(&by, &note)?;
                (Deleted::Note(deleted), snapshot)
            }
        })
    }

    /// What the question says goes, or why it may not (the store's
    /// rules, told before asking).
    fn delete_question(&self, doomed: &Doomed) -> Result<String, String> {
        let question = match doomed {
            Doomed::Candidate(id) => self.candidate_question(*id)?,
            Doomed::Engagement(id) => self.engagement_question(*id)?,
            Doomed::Client(id) => self.client_question(*id)?,
            Doomed::Note(note) => format!(
                "Delete note {} of {} {} ({})?",
                note.id,
                note.candidate,
                clean_line(&self.name_of(note.candidate)),
                summary(note)
            ),
        };
        Ok(format!("{question} u undoes it."))
    }

    fn candidate_question(&self, id: CandidateId) -> Result<String, String> {
        let candidate = (self.data.candidate(id)).ok_or(format!("there is no candidate {id}"))?;
        let name = clean_line(&candidate.name);
        let cards = self.data.applications_of(id).len();
        if cards > 0 {
            return Err(format!(
                "{id} {name} is in {cards} pipelines: only a candidate with no applications \
                 can be deleted (reject or withdraw them instead); nothing was deleted"
            ));
        }
        let notes = match self.data.notes_of(id).len() {
            0 => String::new(),
            1 => "; their note goes too".into(),
            n => format!("; their {n} notes go too"),
        };
        Ok(format!(
            "Delete {id} {name}? They have no applications{notes}."
        ))
    }

    fn engagement_question(&self, id: EngagementId) -> Result<String, String> {
        let engagement =
            (self.data.engagement(id)).ok_or(format!("there is no engagement {id}"))?;
        let title = clean_line(&engagement.title);
        let cards = self.data.pipeline(id).len();
        if cards > 0 {
            return Err(format!(
                "{id} {title} has {cards} applications: only an engagement with none can be \
                 deleted (close it instead); nothing was deleted"
            ));
        }
        let client = clean_line(&self.data.agency().client_name(engagement.client));
        Ok(format!(
            "Delete {id} {title} ({client})? It has no applications."
        ))
    }

    fn client_question(&self, id: ClientId) -> Result<String, String> {
        let agency = self.data.agency();
        let client = agency
            .client(id)
            .ok_or(format!("there is no client {id}"))?;
        let name = clean_line(&client.name);
        let engagements = (self.data.engagements().iter())
            .filter(|e| e.client == id)
            .count();
        let submittals = (agency.submittals().iter())
            .filter(|s| s.client == id)
            .count();
        if engagements + submittals > 0 {
            return Err(format!(
                "{id} {name} has {engagements} engagements and {submittals} submittals: only \
                 a client with none can be deleted; nothing was deleted"
            ));
        }
        Ok(format!(
            "Delete client {id} {name}? It has no engagements and no submittals."
        ))
    }

    /// `C12`, `E3`, `N5`, `CL2` as the record they name.
    fn doomed_by_id(&self, text: &str) -> Result<Doomed, String> {
        let text = clean_line(text).to_uppercase();
        match text.as_bytes() {
            [] => Err("say what to delete: :delete C12, E3, N5 or CL2".to_string()),
            [b'C', b'L', ..] => text.parse::<ClientId>().map(Doomed::Client),
            [b'C', ..] => text.parse::<CandidateId>().map(Doomed::Candidate),
            [b'E', ..] => text.parse::<EngagementId>().map(Doomed::Engagement),
            [b'N', ..] => self.note_by_id(&text),
            _ => Err(format!(
                "`{text}` names no record: :delete C12, E3, N5 or CL2"
            )),
        }
    }

    fn note_by_id(&self, text: &str) -> Result<Doomed, String> {
        let id: NoteId = text.parse()?;
        let note = self.data.note(id).ok_or(format!("there is no note {id}"))?;
        Ok(Doomed::Note(note.clone()))
    }
}
