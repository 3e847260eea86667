//! Consent: `c` in a candidate's detail asks for a consent to record (or,
//! with one on record, offers to withdraw it) and writes it through
//! `Records`, whose guard lets only those who may edit records do so.

use crate::app::App;
use crate::app::overlay::Overlay;
use crate::app::prompt::consent::{ConsentPrompt, ConsentRequest};
use crate::domain::CandidateId;

impl App {
    pub(in crate::app) fn open_consent(&mut self, candidate: CandidateId) {
        let Some(person) = self.data.candidate(candidate) else {
            return self.complain(format!("{candidate} is no longer in the database"));
        };
        if crate::domain::erasure::is_erased(person) {
            return self.complain(format!("{candidate} is erased: there is no one to ask"));
        }
        let today = self.clock.now().date_naive();
        let prompt = ConsentPrompt::new(candidate, &person.name, person.consent.clone(), today);
        self.overlay = Some(Overlay::Consent(Box::new(prompt)));
    }

    /// The prompt confirmed: the consent recorded or withdrawn.
    pub(in crate::app) fn save_consent(&mut self, request: ConsentRequest) {
        self.overlay = None;
        let (candidate, consent) = match request {
            ConsentRequest::Record(candidate, consent) => (candidate, Some(consent)),
            ConsentRequest::Withdraw(candidate) => (candidate, None),
        };
        match self.records.set_consent(&self.writer(), candidate, consent) {
            Ok((stored, snapshot)) => {
                self.adopt(snapshot);
                self.say(match stored.consent {
                    Some(c) => format!("{candidate}: consent recorded, holds until {}", c.until),
                    None => format!("{candidate}: consent withdrawn"),
                });
            }
            Err(error) => self.complain(error.to_string()),
        }
    }
}
