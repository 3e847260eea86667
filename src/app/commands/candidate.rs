//! Adding and editing candidates: the form (`a`, `E`), the look for the
//! same person on file before anything is written, and the three ways on
//! from a duplicate (open it, merge into it, back to the form).

use crate::app::form::candidate::CandidateForm;
use crate::app::overlay::Overlay;
use crate::app::prompt::duplicate::{DuplicateChoice, DuplicatePrompt};
use crate::app::undo::Undoable;
use crate::app::{Action, App};
use crate::domain::text::clean_line;
use crate::domain::{Candidate, CandidateId, DuplicateIndex};

impl App {
    /// `a`, `E` (candidates), `A`, `E` (pipeline): the form each opens.
    pub(in crate::app) fn open_form(&mut self, action: Action) {
        match action {
            Action::AddCandidate => self.open_candidate_form(None),
            Action::EditCandidate => self.edit_candidate_here(),
            Action::AddEngagement => self.open_engagement_form(None),
            Action::EditEngagement => self.edit_engagement_here(),
            _ => {}
        }
    }

    fn open_candidate_form(&mut self, editing: Option<Candidate>) {
        let form = CandidateForm::new(self.catalog, editing);
        self.overlay = Some(Overlay::CandidateForm(Box::new(form)));
    }

    /// `E` on the candidates pane: the candidate in the detail view, else
    /// the row under the cursor.
    fn edit_candidate_here(&mut self) {
        let here = match self.candidates.detail {
            Some(detail) => self.data.candidate(detail.candidate),
            None => self.candidates.selected(&self.data),
        };
        match here.cloned() {
            Some(candidate) => self.open_candidate_form(Some(candidate)),
            None => self.complain("no candidate selected"),
        }
    }

    /// The form built a candidate to save: unless it matches an erased
    /// person (`erase.rs` asks first) or looks like someone on file, on
    /// disk first, then on screen.
    pub(in crate::app) fn save_candidate(&mut self, candidate: Candidate) {
        self.save_candidate_as(candidate, false);
    }

    /// [`App::save_candidate`]; `erased_ok`: a yes was given to adding a
    /// person who matches an erased one (their tombstones then go, as
    /// `hireterm add --allow-erased` does).
    pub(in crate::app) fn save_candidate_as(&mut self, candidate: Candidate, erased_ok: bool) {
        let Some(Overlay::CandidateForm(sheet)) = &self.overlay else {
            return;
        };
        let editing = sheet.editing.is_some();
        let check_duplicate = sheet.needs_duplicate_check(&candidate);
        if !editing && !erased_ok && self.ask_before_adding_erased(&candidate) {
            return;
        }
        if check_duplicate && let Some((existing, reason)) = self.on_file(&candidate) {
            let Some(Overlay::CandidateForm(form)) = self.overlay.take() else {
                return;
            };
            let name = self.data.candidate(existing).map(|c| clean_line(&c.name));
            let prompt = DuplicatePrompt {
                existing,
                name: name.unwrap_or_default(),
                reason,
                incoming: candidate,
                form,
            };
            self.overlay = Some(Overlay::Duplicate(Box::new(prompt)));
            return;
        }
        let by = self.writer();
        let saved = match (editing, erased_ok) {
            (false, false) => self.records.add_candidate(&by, candidate),
            (false, true) => self.records.add_erased_candidate(&by, candidate),
            (true, _) => self.records.update_candidate(&by, candidate),
        };
        match saved {
            Ok((stored, snapshot)) => {
                self.overlay = None;
                let verb = if editing { "saved" } else { "added" };
                self.say(format!("{verb} {} ({})", stored.name, stored.id));
                self.take_in_candidate(snapshot, stored.id);
            }
            Err(error) => self.form_refused(error.to_string()),
        }
    }

    /// Someone on file who looks like the same person, and why.
    fn on_file(
        &self,
        candidate: &Candidate,
    ) -> Option<(CandidateId, crate::domain::DuplicateReason)> {
        let found = DuplicateIndex::new(self.data.candidates()).find(candidate)?;
        Some((found.existing, found.reason))
    }

    /// Shows the store's refusal under the form, which stays open.
    pub(in crate::app) fn form_refused(&mut self, error: String) {
        let form = match &mut self.overlay {
            Some(Overlay::CandidateForm(sheet)) => Some(&mut sheet.form),
            Some(Overlay::EngagementForm(sheet)) => Some(&mut sheet.form),
            Some(Overlay::ClientForm(sheet)) => Some(&mut sheet.form),
            Some(Overlay::PlacementForm(sheet)) => Some(&mut sheet.form),
            _ => None,
        };
        if let Some(form) = form {
            form.error = Some(error.clone());
        }
        self.complain(format!("not saved: {error}"));
    }

    /// Shows a candidate a write has just added or changed: in the table
    /// (under the cursor), in the matrix, and in the search index, which
    /// the records rebuild in the background.
    pub(in crate::app) fn take_in_candidate(
        &mut self,
        snapshot: crate::app::records::Snapshot,
        id: CandidateId,
    ) {
        let before = self.data.candidates().len();
        self.adopt(snapshot);
        if self.data.candidates().len() > before {
            self.candidates.filter = None;
            self.candidates.order = self.data.by_name();
        }
        self.candidates.resort(&self.data, self.catalog);
        let page = self.page_rows();
        self.candidates.select(&self.data, id, page);
        self.rebuild_matrix();
    }

    /// The duplicate prompt's answer.
    pub(in crate::app) fn resolve_duplicate(&mut self, choice: DuplicateChoice) {
        let Some(Overlay::Duplicate(prompt)) = self.overlay.take() else {
            return;
        };
        match choice {
            DuplicateChoice::BackToForm => {
                self.overlay = Some(Overlay::CandidateForm(prompt.form));
                self.say("back to the form: nothing was saved");
            }
            DuplicateChoice::OpenExisting => {
                self.candidates.detail = None;
                self.open_detail(prompt.existing);
                let (name, id) = (prompt.name, prompt.existing);
                self.say(format!("{name} ({id}) opened; the form was not saved"));
            }
            DuplicateChoice::Merge => self.merge_duplicate(*prompt),
        }
    }

    /// Folds the form's new record into the existing one (one
    /// transaction, logged; `u` undoes). Only a new record is merged: an
    /// edited one is stored already.
    fn merge_duplicate(&mut self, prompt: DuplicatePrompt) {
        let (existing, name) = (prompt.existing, prompt.name.clone());
        match self
            .records
            .merge_candidate(&self.writer(), existing, &prompt.incoming)
        {
            Ok((merged, snapshot)) => {
                self.remember(Undoable::Merge {
                    existing,
                    incoming: Box::new(prompt.incoming),
                    event: merged.event,
                });
                self.take_in_candidate(snapshot, existing);
                self.candidates.detail = None;
                self.open_detail(existing);
                let kept = match merged.conflicts.as_slice() {
                    [] => String::new(),
                    conflicts => format!(" · not taken: {}", conflicts.join(", ")),
                };
                self.say(format!("merged into {name} ({existing}) · u undoes{kept}"));
            }
            Err(error) => {
                self.overlay = Some(Overlay::CandidateForm(prompt.form));
                self.form_refused(error.to_string());
                self.complain(format!("not merged: {error}"));
            }
        }
    }
}
