//! A yes-or-no question before something is done: `y` (or Enter) goes on
//! with what it carries, `n` (or Esc) leaves it.

use super::outcome::Outcome;
use crate::app::action::Action;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm<T> {
    pub question: String,
    /// What a yes does.
    pub then: T,
}

impl<T: Clone> Confirm<T> {
    pub fn new(question: impl Into<String>, then: T) -> Confirm<T> {
        Confirm {
            question: question.into(),
            then,
        }
    }

    pub fn handle(&mut self, action: Action) -> Outcome<T> {
        match action {
            Action::Yes => Outcome::Submit(self.then.clone()),
            Action::No => Outcome::Close,
            _ => Outcome::Stay,
        }
    }
}
