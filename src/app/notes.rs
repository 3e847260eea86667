//! Writing a note from the TUI: in `$EDITOR` when the frontend can hand
//! the terminal over to one (the local runner, with `$EDITOR` set), in an
//! inline editor otherwise.

use super::overlay::Overlay;
use super::{App, Key, KeyCode, Pane};
use crate::domain::{CandidateId, EngagementId, text};

/// What a note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoteTarget {
    pub candidate: CandidateId,
    /// Set for a note on an application.
    pub engagement: Option<EngagementId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotePrompt {
    pub target: NoteTarget,
    pub name: String,
    pub text: String,
}

const MAX_INLINE: usize = 2000;

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
    pub(super) fn start_note(&mut self, target: NoteTarget) {
        if self.external_editor {
            self.pending_edit = Some(target);
        } else {
            self.open_inline_note(target);
        }
    }

    fn open_inline_note(&mut self, target: NoteTarget) {
        let name = self
            .data
            .candidate(target.candidate)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        self.overlay = Some(Overlay::Note(NotePrompt {
            target,
            name,
            text: String::new(),
        }));
    }

    /// Typing writes, Enter saves, Esc discards.
    pub(super) fn note_prompt_key(&mut self, key: Key) {
        let Some(Overlay::Note(prompt)) = &mut self.overlay else {
            return;
        };
        match key.code {
            KeyCode::Esc => {
                self.overlay = None;
                self.say("note discarded");
            }
            KeyCode::Enter => {
                let (target, text) = (prompt.target, prompt.text.clone());
                self.overlay = None;
                self.save_note(target, &text);
            }
            KeyCode::Backspace => {
                prompt.text.pop();
            }
            KeyCode::Char(c)
                if !key.mods.ctrl && !key.mods.alt && prompt.text.chars().count() < MAX_INLINE =>
            {
                prompt.text.push_str(&text::clean(&c.to_string(), false));
            }
            _ => {}
        }
    }

    pub(super) fn paste_into_note(&mut self, pasted: &str) {
        if let Some(Overlay::Note(prompt)) = &mut self.overlay {
            let room = MAX_INLINE.saturating_sub(prompt.text.chars().count());
            prompt
                .text
                .extend(text::clean(pasted, true).chars().take(room));
        }
    }

    fn save_note(&mut self, target: NoteTarget, text: &str) {
        match self
            .store
            .add_note(target.candidate, target.engagement, text, &self.stamp())
        {
            Ok(note) => {
                self.remember(super::undo::Undoable::Note { note: note.clone() });
                self.refresh_notes(note.candidate);
                self.refresh_feeds();
                self.say("note saved");
            }
            Err(error) => self.complain(error.to_string()),
        }
    }

    /// The note target for `n` where the user is.
    pub(super) fn note_target_here(&self) -> Option<NoteTarget> {
        if self.pane == Pane::Candidates {
            let detail = self.candidates.detail?;
            return Some(NoteTarget {
                candidate: detail.candidate,
                engagement: None,
            });
        }
        let engagement = self.engagement()?;
        let board = super::pipeline::board(&self.data, engagement, self.clock.now());
        let card = self.pipeline.selected(&board)?;
        Some(NoteTarget {
            candidate: card.candidate.id,
            engagement: Some(engagement.id),
        })
    }
}
