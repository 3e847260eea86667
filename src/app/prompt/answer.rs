//! The client's answer to a submittal: interview requested, rejected (with
//! the client's reason) or on hold.

use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::text::TextInput;
use crate::domain::{AnswerKind, SubmittalId};

/// Longest reason typed.
const MAX_REASON: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerPrompt {
    pub submittal: SubmittalId,
    pub name: String,
    /// Index into [`AnswerKind::ALL`].
    pub kind: usize,
    pub reason: TextInput,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRequest {
    pub submittal: SubmittalId,
    pub name: String,
    pub kind: AnswerKind,
    pub reason: Option<String>,
}

impl AnswerPrompt {
    pub fn new(submittal: SubmittalId, name: String) -> AnswerPrompt {
        AnswerPrompt {
            submittal,
            name,
            kind: 0,
            reason: TextInput::limited(MAX_REASON),
        }
    }

    pub fn chosen(&self) -> AnswerKind {
        AnswerKind::ALL[self.kind.min(AnswerKind::ALL.len() - 1)]
    }

    /// Up and down pick the answer, typing writes the reason.
    pub fn handle(&mut self, action: Action) -> Outcome<AnswerRequest> {
        match action {
            Action::Up => self.kind = self.kind.saturating_sub(1),
            Action::Down => self.kind = (self.kind + 1).min(AnswerKind::ALL.len() - 1),
            Action::Cancel => return Outcome::Close,
            Action::Confirm => {
                let reason = Some(self.reason.value()).filter(|r| !r.is_empty());
                if self.chosen() == AnswerKind::Rejected && reason.is_none() {
                    return Outcome::Refuse("type the client's reason for the rejection".into());
                }
                return Outcome::Submit(AnswerRequest {
                    submittal: self.submittal,
                    name: self.name.clone(),
                    kind: self.chosen(),
                    reason,
                });
            }
            edit => {
                self.reason.apply(edit);
            }
        }
        Outcome::Stay
    }
}
