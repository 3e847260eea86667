//! Erasing a person (`X`, admins only): the prompt says what happens (the
//! personal data removed for good, not undoable, backups taken before
//! still holding it), then asks for the reason, which the event log keeps,
//! and for the candidate's id typed back. Only both together submit.

use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::text::TextInput;
use crate::domain::CandidateId;

/// Longest reason typed.
const MAX_REASON: usize = 200;
/// Longest id typed back.
const MAX_TYPED: usize = 24;

/// The fields, in screen order.
pub const REASON: usize = 0;
pub const TYPED: usize = 1;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasePrompt {
    pub candidate: CandidateId,
    pub name: String,
    pub reason: TextInput,
    /// The candidate's id, typed back to confirm.
    pub typed: TextInput,
    /// The field being typed in: [`REASON`] or [`TYPED`].
    pub field: usize,
}

/// What the prompt asks for once both fields are right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EraseRequest {
    pub candidate: CandidateId,
    pub reason: String,
}

impl ErasePrompt {
    pub fn new(candidate: CandidateId, name: String) -> ErasePrompt {
        ErasePrompt {
            candidate,
            name,
            reason: TextInput::limited(MAX_REASON),
            typed: TextInput::limited(MAX_TYPED),
            field: REASON,
        }
    }

    /// Up and down (Tab) change the field; Enter on the reason goes on to
    /// the id, Enter on the id erases if both are right.
    pub fn handle(&mut self, action: Action) -> Outcome<EraseRequest> {
        match action {
            Action::Up => self.field = REASON,
            Action::Down => self.field = TYPED,
            Action::Cancel => return Outcome::Close,
            Action::Confirm if self.field == REASON && self.typed.is_empty() => {
                return match self.reason.value().is_empty() {
                    true => Outcome::Refuse(self.needs_reason()),
                    false => {
                        self.field = TYPED;
                        Outcome::Stay
                    }
                };
            }
            Action::Confirm => return self.submit(),
            edit => {
                self.input().apply(edit);
            }
        }
        Outcome::Stay
    }

    /// Pasted text, into the field being typed in.
    pub fn paste(&mut self, text: &str) {
        self.input().insert(text);
    }

    fn input(&mut self) -> &mut TextInput {
        match self.field {
            REASON => &mut self.reason,
            _ => &mut self.typed,
        }
    }

    fn submit(&mut self) -> Outcome<EraseRequest> {
        let reason = self.reason.value();
        if reason.is_empty() {
            self.field = REASON;
            return Outcome::Refuse(self.needs_reason());
        }
        let typed = self.typed.value();
        if !typed.eq_ignore_ascii_case(&self.candidate.to_string()) {
            self.field = TYPED;
            return Outcome::Refuse(format!(
                "type {} to confirm (not {}): nothing was erased",
                self.candidate,
                match typed.is_empty() {
                    true => "nothing".to_string(),
                    false => format!("`{typed}`"),
                }
            ));
        }
        Outcome::Submit(EraseRequest {
            candidate: self.candidate,
            reason,
        })
    }

    fn needs_reason(&self) -> String {
        "type the reason first (a request's reference, say): the event log keeps it".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(prompt: &mut ErasePrompt, text: &str) {
        for c in text.chars() {
            prompt.handle(Action::Insert(c));
        }
    }

    #[test]
    fn only_a_reason_and_the_id_typed_back_erase() {
        let mut prompt = ErasePrompt::new(CandidateId(12), "Ana Lima".into());
        assert!(matches!(prompt.handle(Action::Confirm), Outcome::Refuse(_)));
        typed(&mut prompt, "request R-7");
        assert_eq!(prompt.handle(Action::Confirm), Outcome::Stay);
        assert_eq!(prompt.field, TYPED);
        typed(&mut prompt, "C13");
        let Outcome::Refuse(why) = prompt.handle(Action::Confirm) else {
            panic!("a wrong id erases nothing");
        };
        assert_eq!(why, "type C12 to confirm (not `C13`): nothing was erased");
        prompt.typed.clear();
        typed(&mut prompt, "c12");
        assert_eq!(
            prompt.handle(Action::Confirm),
            Outcome::Submit(EraseRequest {
                candidate: CandidateId(12),
                reason: "request R-7".into(),
            })
        );
    }

    #[test]
    fn an_empty_reason_is_refused_even_with_the_id() {
        let mut prompt = ErasePrompt::new(CandidateId(12), "Ana Lima".into());
        prompt.handle(Action::Down);
        typed(&mut prompt, "C12");
        assert!(matches!(prompt.handle(Action::Confirm), Outcome::Refuse(_)));
        assert_eq!(prompt.field, REASON);
    }
}
