//! The duplicate prompt: saving a candidate found the same person on file
//! (same email, or same name and phone), so nothing was written. The user
//! opens the existing record, merges the form into it (one transaction,
//! logged, `u` undoes), or goes back to the form with everything kept.

use super::overlay::Overlay;
use super::undo::Undoable;
use super::{Action, App};

impl App {
    /// The keys of the `[duplicate]` section.
    pub(super) fn duplicate_update(&mut self, action: Action) {
        match action {
            Action::OpenExisting => self.open_existing(),
            Action::Merge => self.merge_duplicate(),
            Action::Back => {
                if let Some(Overlay::CandidateForm(sheet)) = &mut self.overlay {
                    sheet.duplicate = None;
                }
                self.say("back to the form: nothing was saved");
            }
            _ => {}
        }
    }

    /// Leaves the form unsaved and shows the record already on file.
    fn open_existing(&mut self) {
        let Some(Overlay::CandidateForm(sheet)) = &self.overlay else {
            return;
        };
        let Some(prompt) = &sheet.duplicate else {
            return;
        };
        let (existing, name) = (prompt.existing, prompt.name.clone());
        self.overlay = None;
        self.candidates.detail = None;
        self.open_detail(existing);
        self.say(format!(
            "{name} ({existing}) opened; the form was not saved"
        ));
    }

    /// Folds the form's record into the existing one. Only a new record is
    /// merged: an edited one is stored already, and folding two stored
    /// records into one would need their applications and notes moved.
    fn merge_duplicate(&mut self) {
        let stamp = self.stamp();
        let Some(Overlay::CandidateForm(sheet)) = &mut self.overlay else {
            return;
        };
        let Some(prompt) = &sheet.duplicate else {
            return;
        };
        if sheet.editing.is_some() {
            return self.complain("only a new candidate can be merged: open the other record");
        }
        let (existing, name) = (prompt.existing, prompt.name.clone());
        let incoming = prompt.incoming.clone();
        match self.store.merge_candidate(existing, &incoming, &stamp) {
            Ok(merged) => {
                self.overlay = None;
                self.remember(Undoable::Merge {
                    existing,
                    incoming: Box::new(incoming),
                    event: merged.event,
                });
                self.take_in_candidate(merged.candidate.id);
                self.candidates.detail = None;
                self.open_detail(existing);
                let kept = match merged.conflicts.as_slice() {
                    [] => String::new(),
                    conflicts => format!(" · not taken: {}", conflicts.join(", ")),
                };
                self.say(format!("merged into {name} ({existing}) · u undoes{kept}"));
            }
            Err(error) => {
                sheet.duplicate = None;
                sheet.form.error = Some(error.to_string());
                self.complain(format!("not merged: {error}"));
            }
        }
    }
}
