//! Client submittals: `S` on a card sends the candidate's profile to the
//! client's contacts at a bill rate (asking first if the client had them
//! within the resubmission window); `a` records the client's answer, an
//! interview request moving the card on to Client interview.

use crate::app::App;
use crate::app::overlay::Overlay;
use crate::app::pending::Pending;
use crate::app::pipeline::CardRef;
use crate::app::prompt::answer::{AnswerPrompt, AnswerRequest};
use crate::app::prompt::confirm::Confirm;
use crate::app::prompt::submit::{SubmitPrompt, SubmitRequest};
use crate::app::text::TextInput;
use crate::app::undo::{MoveSet, Undoable};
use crate::domain::{AnswerKind, Stage, earlier_submittal};
use crate::store::SubmittalDraft;

impl App {
    /// `S` on a card: the submittal prompt, the profile written.
    pub(in crate::app) fn open_submit(&mut self, card: CardRef) {
        let Some(engagement) = self.engagement().cloned() else {
            return;
        };
        let agency = self.data.agency();
        let (Some(client), Some(candidate)) = (
            agency.client(engagement.client),
            self.data.candidate(card.candidate),
        ) else {
            return self.complain("the engagement's client is not on file");
        };
        let bill = engagement.quoted_bill_rate();
        let profile = crate::interchange::profile::render(
            candidate,
            &engagement,
            client,
            self.catalog,
            bill.as_ref(),
        );
        let mut input = TextInput::limited(20);
        input.insert(
            &bill
                .as_ref()
                .map_or(String::new(), |b| b.amount.to_string()),
        );
        let currency = bill.map_or_else(|| "USD".to_string(), |b| b.currency);
        let prompt = SubmitPrompt {
            engagement: engagement.id,
            candidate: card.candidate,
            name: card.name,
            client: client.name.clone(),
            contacts: client.contacts.iter().map(|c| (c.clone(), true)).collect(),
            bill: input,
            currency,
            profile,
            row: client.contacts.len(),
        };
        self.overlay = Some(Overlay::Submit(Box::new(prompt)));
    }

    /// The prompt confirmed: sent, unless the client had this person
    /// within the window (then asked first, naming the earlier one).
    pub(in crate::app) fn send_submittal(&mut self, request: SubmitRequest) {
        self.overlay = None;
        let agency = self.data.agency();
        let client = self.data.engagement(request.engagement).map(|e| e.client);
        let window = self.policy.resubmit_days;
        let now = self.clock.now();
        let earlier = client.and_then(|client| {
            earlier_submittal(agency.submittals(), request.candidate, client, window, now)
        });
        match earlier {
            Some(earlier) => {
                let question = format!(
                    "{} was sent to {} on {} ({}, {}). Send again? (y/n)",
                    request.name,
                    agency.client_name(earlier.client),
                    earlier.at.format("%Y-%m-%d"),
                    earlier.id,
                    earlier.engagement,
                );
                self.overlay = Some(Overlay::Confirm(Confirm::new(
                    question,
                    Pending::Submit(request),
                )));
            }
            None => self.record_submittal(request),
        }
    }

    /// Writes the submittal.
    pub(in crate::app) fn record_submittal(&mut self, request: SubmitRequest) {
        let draft = SubmittalDraft {
            engagement: request.engagement,
            candidate: request.candidate,
            to: request.to.clone(),
            bill_rate: request.bill_rate.clone(),
            profile: request.profile.clone(),
        };
        match self.records.submit(&self.writer(), draft) {
            Ok((submittal, snapshot)) => {
                self.remember(Undoable::Submitted {
                    submittal: submittal.id,
                    request: Box::new(request.clone()),
                });
                self.adopt(snapshot);
                let to = match submittal.to.len() {
                    0 => "the client".to_string(),
                    1 => submittal.to[0].clone(),
                    n => format!("{n} contacts"),
                };
                self.say(format!(
                    "{} submitted to {to} ({}) · u undoes",
                    request.name, submittal.id
                ));
            }
            Err(error) => self.complain(format!("not sent: {error}")),
        }
    }

    /// `a` on a card: the answer to its latest submittal.
    pub(in crate::app) fn open_answer(&mut self, card: CardRef) {
        let Some(engagement) = self.engagement else {
            return;
        };
        let latest = self
            .data
            .agency()
            .submittals_of(engagement, card.candidate)
            .last();
        match latest {
            Some(submittal) => {
                let prompt = AnswerPrompt::new(submittal.id, card.name);
                self.overlay = Some(Overlay::Answer(prompt));
            }
            None => self.complain(format!(
                "{} has not been submitted to the client: S submits",
                card.name
            )),
        }
    }

    /// The answer written; an interview request also moves the card on to
    /// Client interview if it is before it (one undo takes both back).
    pub(in crate::app) fn save_answer(&mut self, request: AnswerRequest) {
        self.overlay = None;
        let by = self.writer();
        let written = self.records.answer_submittal(
            &by,
            request.submittal,
            request.kind,
            request.reason.clone(),
        );
        let (submittal, snapshot) = match written {
            Ok(done) => done,
            Err(error) => return self.complain(error.to_string()),
        };
        self.adopt(snapshot);
        let moved = match request.kind {
            AnswerKind::InterviewRequested => self.on_to_client_interview(&submittal),
            _ => None,
        };
        let note = if moved.is_some() {
            " · moved to Client interview"
        } else {
            ""
        };
        self.remember(Undoable::Answered {
            submittal: submittal.id,
            request: Box::new(request.clone()),
            moved,
        });
        self.say(format!(
            "{}: {}{note} · u undoes",
            request.name,
            request.kind.label()
        ));
    }

    /// Moves a submittal's card on to Client interview if it is before
    /// it (part of the answer: a client's guest may); the move.
    fn on_to_client_interview(&mut self, submittal: &crate::domain::Submittal) -> Option<MoveSet> {
        let (engagement, candidate) = (submittal.engagement, submittal.candidate);
        let app = self
            .data
            .pipeline(engagement)
            .iter()
            .find(|a| a.candidate == candidate)?;
        let from = app.stage;
        if !(from.is_active() && from < Stage::ClientInterview) {
            return None;
        }
        let reason = Some("the client asked for an interview".to_string());
        match (self.records).move_on_answer(&self.writer(), submittal.id, reason) {
            Ok((_, snapshot)) => {
                self.adopt(snapshot);
                Some(MoveSet {
                    engagement,
                    moves: vec![(candidate, from, Stage::ClientInterview)],
                })
            }
            Err(error) => {
                self.complain(error.to_string());
                None
            }
        }
    }
}
