//! An open form's keys: the duplicate prompt's table while it shows, else
//! the `[form]` table (tab, enter, ctrl-s, esc...), else the editing keys.
//! Only those tables are read, never the global one: in a form `q` and `j`
//! are letters, not commands.

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
        match self.keymap.lookup_in(Context::Form, key) {
            Some(action) => self.form_update(action),
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

    fn form_update(&mut self, action: Action) {
        let Some(form) = self.form_mut() else {
            return;
        };
        match action {
            Action::NextField => form.move_focus(1),
            Action::PrevField => form.move_focus(-1),
            Action::MatchUp => form.step(-1),
            Action::MatchDown => form.step(1),
            Action::Accept => form.accept(),
            // Esc first closes the matches; on a settled field it discards.
            Action::Cancel if !form.close_completion() => {
                self.overlay = None;
                self.say("form discarded: nothing was saved");
            }
            Action::Save => match &self.overlay {
                Some(Overlay::CandidateForm(_)) => self.save_candidate_form(),
                Some(Overlay::EngagementForm(_)) => self.save_engagement_form(),
                _ => {}
            },
            _ => {}
        }
    }

    pub(in crate::app) fn paste_into_form(&mut self, text: &str) {
        if self.context() == Context::Duplicate {
            return;
        }
        let catalog = self.catalog;
        if let Some(form) = self.form_mut() {
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
