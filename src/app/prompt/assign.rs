//! The interviewers prompt: who is assigned to the engagement shown, and
//! a name to assign (`-name` takes them off).

use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::text::TextInput;
use crate::domain::{EngagementId, text};

/// Longest name typed here (as a key's user name).
const MAX_NAME: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignPrompt {
    pub engagement: EngagementId,
    /// The interviewers assigned now.
    pub assigned: Vec<String>,
    pub text: TextInput,
}

/// What the prompt asks for: a name, to assign or (`remove`) take off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignRequest {
    pub engagement: EngagementId,
    pub name: String,
    pub remove: bool,
}

impl AssignPrompt {
    pub fn new(engagement: EngagementId, assigned: Vec<String>) -> AssignPrompt {
        AssignPrompt {
            engagement,
            assigned,
            text: TextInput::limited(MAX_NAME + 1),
        }
    }

    pub fn handle(&mut self, action: Action) -> Outcome<AssignRequest> {
        match action {
            Action::Cancel => Outcome::Close,
            Action::Confirm => {
                let typed = text::clean_line(self.text.text());
                let (remove, name) = match typed.trim().strip_prefix('-') {
                    Some(name) => (true, name.trim().to_string()),
                    None => (false, typed.trim().to_string()),
                };
                if name.is_empty() {
                    return Outcome::Refuse("type the interviewer's user name".into());
                }
                Outcome::Submit(AssignRequest {
                    engagement: self.engagement,
                    name,
                    remove,
                })
            }
            edit => {
                self.text.apply(edit);
                Outcome::Stay
            }
        }
    }
}
