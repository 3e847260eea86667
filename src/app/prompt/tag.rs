//! The tag prompt: one tag for the candidate in the detail view, or for
//! every marked one (else the row or card under the cursor).

use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::text::TextInput;
use crate::domain::{CandidateId, text};

/// Longest tag typed here.
const MAX_TAG: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagPrompt {
    pub candidates: Vec<CandidateId>,
    pub text: TextInput,
}

impl TagPrompt {
    pub fn new(candidates: Vec<CandidateId>) -> TagPrompt {
        TagPrompt {
            candidates,
            text: TextInput::limited(MAX_TAG),
        }
    }

    /// Enter submits the candidates and the tag, cleaned.
    pub fn handle(&mut self, action: Action) -> Outcome<(Vec<CandidateId>, String)> {
        match action {
            Action::Cancel => Outcome::Close,
            Action::Confirm => {
                let tag = text::clean_line(self.text.text());
                if tag.is_empty() {
                    return Outcome::Refuse("type a tag first".into());
                }
                Outcome::Submit((self.candidates.clone(), tag))
            }
            edit => {
                self.text.apply(edit);
                Outcome::Stay
            }
        }
    }
}
