//! Placements: `>` on a card at Offer asks for the terms before it goes
//! to Placed; `P` on a placed card extends, renews or ends its placement.

use crate::app::App;
use crate::app::form::placement::{PlacementForm, PlacementRequest, Purpose};
use crate::app::overlay::Overlay;
use crate::app::pipeline::CardRef;
use crate::app::undo::Undoable;
use crate::domain::{EngagementId, HourlyRate, Terms};

impl App {
    /// The terms for placing `card`: the start the engagement wants (or
    /// today), open-ended, the bill rate last proposed for the card (else
    /// the engagement's), the pay the candidate asks at least.
    pub(in crate::app) fn open_place(&mut self, engagement: EngagementId, card: CardRef) {
        let Some(e) = self.data.engagement(engagement) else {
            return;
        };
        let today = self.clock.now().date_naive();
        let submitted = self
            .data
            .agency()
            .submittals_of(engagement, card.candidate)
            .last();
        let bill = submitted
            .and_then(|s| s.bill_rate.clone())
            .or_else(|| e.quoted_bill_rate())
            .unwrap_or_else(|| HourlyRate::usd(0));
        let asked = self
            .data
            .candidate(card.candidate)
            .and_then(|c| c.rate.clone());
        let pay = asked.map_or_else(
            || HourlyRate::new(0, &bill.currency),
            |r| HourlyRate::new(r.min, &r.currency),
        );
        let terms = Terms {
            start: e.target_start.filter(|d| *d > today).unwrap_or(today),
            end: None,
            bill,
            pay,
        };
        let purpose = Purpose::Place {
            engagement,
            candidate: card.candidate,
        };
        let form = PlacementForm::new(purpose, card.name, &terms, self.policy.money.clone());
        self.overlay = Some(Overlay::PlacementForm(Box::new(form)));
    }

    /// `P` on a placed card: its placement's change form.
    pub(in crate::app) fn open_change_placement(&mut self, card: CardRef) {
        let Some(engagement) = self.engagement else {
            return;
        };
        let Some(placement) = self.data.agency().placement_of(engagement, card.candidate) else {
            return self.complain(format!(
                "{} has no placement here: > at Offer places",
                card.name
            ));
        };
        let purpose = Purpose::Change {
            placement: placement.id,
        };
        let terms = placement.terms().clone();
        let form = PlacementForm::new(purpose, card.name, &terms, self.policy.money.clone());
        self.overlay = Some(Overlay::PlacementForm(Box::new(form)));
    }

    /// The form saved: placed, or the placement changed.
    pub(in crate::app) fn save_placement(&mut self, request: PlacementRequest) {
        let by = self.writer();
        let done = match request.clone() {
            PlacementRequest::Place {
                engagement,
                candidate,
                terms,
            } => self
                .records
                .place(&by, engagement, candidate, terms)
                .map(|(placed, snapshot)| {
                    let filled =
                        placed.engagement.status == crate::domain::EngagementStatus::Filled;
                    let note = if filled {
                        " · the engagement is filled"
                    } else {
                        ""
                    };
                    let message = format!("placed ({}){note} · u undoes", placed.placement.id);
                    (
                        Undoable::Placed {
                            placement: placed.placement.id,
                            request,
                        },
                        message,
                        snapshot,
                    )
                }),
            PlacementRequest::Change { placement, edit } => self
                .records
                .change_placement(&by, placement, edit)
                .map(|(changed, snapshot)| {
                    let message = format!(
                        "{}: {} · u undoes",
                        changed.id,
                        changed.latest().kind.label()
                    );
                    (
                        Undoable::PlacementChanged { placement, request },
                        message,
                        snapshot,
                    )
                }),
        };
        match done {
            Ok((undoable, message, snapshot)) => {
                self.overlay = None;
                self.remember(undoable);
                self.adopt(snapshot);
                self.say(message);
            }
            Err(error) => self.form_refused(error.to_string()),
        }
    }
}
