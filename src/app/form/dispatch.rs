//! An open form's keys: the duplicate prompt's table while it shows, else
//! the `[form]` table (tab, enter, ctrl-s, esc...), else the editing keys.
//! Only those tables are read, never the global one: in a form `q` and `j`
//! are letters, not commands. Esc on a changed form asks before it throws
//! the changes away; the next key answers.

use super::Form;
use crate::app::overlay::Overlay;
use crate::app::{Action, App, Context, Key, Status};

impl App {
    pub(in crate::app) fn form_key(&mut self, key: Key) {
        self.status = Status::default();
        if self.context() == Context::Duplicate {
            if let Some(action) = self.keymap.lookup_in(Context::Duplicate, key) {
                self.duplicate_update(action);
            }
            return;
        }
        // The question an esc asked is answered by this key, whatever it is.
        let asked = self
            .form_mut()
            .is_some_and(|form| std::mem::take(&mut form.discard_asked));
        match self.keymap.lookup_in(Context::Form, key) {
            Some(action) => self.form_update(action, asked),
            None => {
                let catalog = self.catalog;
                if let Some(form) = self.form_mut() {
                    form.edit(key, catalog);
                }
            }
        }
    }

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

    fn form_update(&mut self, action: Action, asked: bool) {
        let Some(form) = self.form_mut() else {
            return;
        };
        match action {
            Action::NextField => form.move_focus(1),
            Action::PrevField => form.move_focus(-1),
            Action::MatchUp => form.step(-1),
            Action::MatchDown => form.step(1),
            Action::Accept => form.accept(),
            Action::Cancel => self.cancel_form(asked),
            Action::Save => match &self.overlay {
                Some(Overlay::CandidateForm(_)) => self.save_candidate_form(),
                Some(Overlay::EngagementForm(_)) => self.save_engagement_form(),
                _ => {}
            },
            _ => {}
        }
    }

    /// Esc: first closes the matches (or drops a pick waiting for its
    /// level); then discards an unchanged form at once, and a changed one
    /// only when the esc before it asked.
    fn cancel_form(&mut self, asked: bool) {
        let Some(form) = self.form_mut() else {
            return;
        };
        if form.close_completion() {
            return;
        }
        if asked || !form.is_changed() {
            self.overlay = None;
            self.say("form discarded: nothing was saved");
        } else {
            form.discard_asked = true;
        }
    }

    pub(in crate::app) fn paste_into_form(&mut self, text: &str) {
        if self.context() == Context::Duplicate {
            return;
        }
        let catalog = self.catalog;
        if let Some(form) = self.form_mut() {
            form.discard_asked = false;
            form.paste(text, catalog);
        }
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.overlay {
            Some(Overlay::CandidateForm(sheet)) => Some(&mut sheet.form),
            Some(Overlay::EngagementForm(sheet)) => Some(&mut sheet.form),
            _ => None,
        }
    }
}
