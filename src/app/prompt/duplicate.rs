//! The duplicate prompt: saving a candidate found the same person on file
//! (same email, or same name and phone), so nothing was written. The user
//! opens the existing record, merges the form into it, or goes back to
//! the form with everything kept (the prompt holds the form meanwhile).

use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::form::candidate::CandidateForm;
use crate::domain::{Candidate, CandidateId, DuplicateReason};

/// "Ana Lima (C12) has the same email": open, merge or back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicatePrompt {
    pub existing: CandidateId,
    pub name: String,
    pub reason: DuplicateReason,
    /// The record the form would have saved.
    pub incoming: Candidate,
    /// The form, as it was when saving found the duplicate.
    pub form: Box<CandidateForm>,
}

/// The way on the user chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateChoice {
    OpenExisting,
    Merge,
    BackToForm,
}

impl DuplicatePrompt {
    /// Whether the form edits a stored record (then it cannot be merged).
    pub fn editing(&self) -> bool {
        self.form.editing.is_some()
    }

    pub fn handle(&mut self, action: Action) -> Outcome<DuplicateChoice> {
        match action {
            Action::OpenExisting => Outcome::Submit(DuplicateChoice::OpenExisting),
            Action::Merge if self.editing() => {
                Outcome::Refuse("only a new candidate can be merged: open the other record".into())
            }
            Action::Merge => Outcome::Submit(DuplicateChoice::Merge),
            Action::Back => Outcome::Submit(DuplicateChoice::BackToForm),
            _ => Outcome::Stay,
        }
    }
}
