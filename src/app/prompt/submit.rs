//! The submittal prompt: the client's contacts to send to (all chosen at
//! first; space leaves one out), the bill rate proposed, and the profile
//! that will be sent, as it will be sent.

use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::text::TextInput;
use crate::domain::{CandidateId, Contact, EngagementId, HourlyRate};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmitPrompt {
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    pub name: String,
    pub client: String,
    /// The client's contacts, each chosen or not.
    pub contacts: Vec<(Contact, bool)>,
    /// `95`, or `95 EUR`; in `currency` when no code is typed.
    pub bill: TextInput,
    pub currency: String,
    pub profile: String,
    /// A contact's row, or the bill rate's (the last).
    pub row: usize,
}

/// What a confirmed prompt asks to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmitRequest {
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    pub name: String,
    pub to: Vec<String>,
    pub bill_rate: Option<HourlyRate>,
    pub profile: String,
}

impl SubmitPrompt {
    pub fn bill_row(&self) -> usize {
        self.contacts.len()
    }

    /// Up and down pick a row, space chooses a contact, typing writes the
    /// bill rate, Enter sends.
    pub fn handle(&mut self, action: Action) -> Outcome<SubmitRequest> {
        match action {
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(self.bill_row()),
            Action::Toggle => match self.contacts.get_mut(self.row) {
                Some((_, chosen)) => *chosen = !*chosen,
                None => {
                    self.bill.apply(Action::Insert(' '));
                }
            },
            Action::Cancel => return Outcome::Close,
            Action::Confirm => return self.request(),
            edit => {
                self.bill.apply(edit);
            }
        }
        Outcome::Stay
    }

    fn request(&self) -> Outcome<SubmitRequest> {
        let bill_rate = match self.bill.value().as_str() {
            "" => None,
            text => match HourlyRate::parse(text, &self.currency) {
                Ok(rate) => Some(rate),
                Err(problem) => return Outcome::Refuse(format!("bill rate: {problem}")),
            },
        };
        let to = self
            .contacts
            .iter()
            .filter(|(_, on)| *on)
            .map(|(c, _)| c.email.clone());
        Outcome::Submit(SubmitRequest {
            engagement: self.engagement,
            candidate: self.candidate,
            name: self.name.clone(),
            to: to.collect(),
            bill_rate,
            profile: self.profile.clone(),
        })
    }
}
