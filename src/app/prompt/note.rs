//! The inline note editor (when `$EDITOR` is not at hand): typing writes,
//! Enter saves, Esc discards.

use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::text::TextInput;
use crate::domain::{CandidateId, EngagementId};

/// Longest note written inline.
const MAX_INLINE: usize = 2000;

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
    pub text: TextInput,
}

impl NotePrompt {
    pub fn new(target: NoteTarget, name: String) -> NotePrompt {
        NotePrompt {
            target,
            name,
            text: TextInput::limited(MAX_INLINE).keeping_breaks(),
        }
    }

    /// Enter submits the target and the text.
    pub fn handle(&mut self, action: Action) -> Outcome<(NoteTarget, String)> {
        match action {
            Action::Cancel => Outcome::Close,
            Action::Confirm => Outcome::Submit((self.target, self.text.text().to_string())),
            edit => {
                self.text.apply(edit);
                Outcome::Stay
            }
        }
    }
}
