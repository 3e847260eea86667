//! Writing a note: in `$EDITOR` when the frontend can hand the terminal
//! over to one (the local runner, with `$EDITOR` set), in the inline
//! prompt otherwise.

use crate::app::overlay::Overlay;
use crate::app::prompt::note::{NotePrompt, NoteTarget};
use crate::app::undo::Undoable;
use crate::app::{App, Pane};

impl App {
    /// Lets the frontend offer `$EDITOR` for notes.
    pub fn enable_external_editor(&mut self) {
        self.external_editor = true;
    }

    /// A note the frontend should collect in an external editor, if one
    /// was asked for since the last call.
    pub fn take_external_edit(&mut self) -> Option<NoteTarget> {
        self.pending_edit.take()
    }

    /// The text the external editor returned (`None`: it failed or was
    /// left empty; the inline editor opens instead).
    pub fn finish_external_edit(&mut self, target: NoteTarget, text: Option<String>) {
        match text.filter(|t| !t.trim().is_empty()) {
            Some(text) => self.save_note(target, &text),
            None => self.open_inline_note(target),
        }
    }

    /// `n`: a note on the candidate in the detail view, or on the card
    /// under the cursor in the pipeline (on its application).
    pub(in crate::app) fn open_note_here(&mut self) {
        match self.note_target_here() {
            Some(target) if self.external_editor => self.pending_edit = Some(target),
            Some(target) => self.open_inline_note(target),
            None => self.complain("open a candidate or select a card to write a note"),
        }
    }

    fn open_inline_note(&mut self, target: NoteTarget) {
        let name = self
            .data
            .candidate(target.candidate)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        self.overlay = Some(Overlay::Note(NotePrompt::new(target, name)));
    }

    pub(in crate::app) fn save_note(&mut self, target: NoteTarget, text: &str) {
        self.overlay = None;
        let written =
            self.records
                .add_note(&self.writer(), target.candidate, target.engagement, text);
        match written {
            Ok((note, snapshot)) => {
                self.remember(Undoable::Note { note });
                self.adopt(snapshot);
                self.say("note saved");
            }
            Err(error) => self.complain(error.to_string()),
        }
    }

    /// The note target for `n` where the user is.
    pub(in crate::app) fn note_target_here(&self) -> Option<NoteTarget> {
        if self.pane == Pane::Candidates {
            let detail = self.candidates.detail?;
            return Some(NoteTarget {
                candidate: detail.candidate,
                engagement: None,
            });
        }
        let card = self.selected_card()?;
        Some(NoteTarget {
            candidate: card.candidate,
            engagement: self.engagement,
        })
    }
}
