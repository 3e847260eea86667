//! The placement form. Moving a card to Placed asks for its terms: start
//! and end (empty: open-ended), bill and pay rates. `P` on a placed card
//! changes them: an extension (a new end, the same rates), a renewal (new
//! dates and rates) or an early end (the day, and why). The margin the
//! rates leave shows as they are typed.

use super::picks::Sources;
use super::rules::{self, Rule};
use super::{Field, Form};
use crate::app::action::Action;
use crate::app::prompt::outcome::Outcome;
use crate::domain::{CandidateId, EngagementId, HourlyRate, MoneyPolicy, PlacementId, Terms};
use crate::store::PlacementEdit;
use chrono::NaiveDate;

/// What the form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// The terms of a card being placed.
    Place {
        engagement: EngagementId,
        candidate: CandidateId,
    },
    /// A change to a placement's terms.
    Change { placement: PlacementId },
}

/// What a saved form asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlacementRequest {
    Place {
        engagement: EngagementId,
        candidate: CandidateId,
        terms: Terms,
    },
    Change {
        placement: PlacementId,
        edit: PlacementEdit,
    },
}

/// The changes, in the order of the form's choice.
pub const CHANGES: [&str; 3] = ["extend", "renew", "end early"];

#[derive(Debug, Clone, PartialEq)]
pub struct PlacementForm {
    pub form: Form,
    pub purpose: Purpose,
    /// Whose placement, for the title.
    pub name: String,
    money: MoneyPolicy,
    /// The margin the rates typed leave, or why it is not known.
    pub preview: String,
}

/// The form's fields by name: a change has a choice first.
struct Layout {
    change: Option<usize>,
    start: usize,
    end: usize,
    bill: usize,
    pay: usize,
    currency: usize,
    reason: Option<usize>,
}

impl PlacementForm {
    /// A form over `terms` (a card's proposed ones, or a placement's
    /// standing ones).
    pub fn new(purpose: Purpose, name: String, terms: &Terms, money: MoneyPolicy) -> PlacementForm {
        let mut fields = Vec::new();
        if matches!(purpose, Purpose::Change { .. }) {
            fields.push(Field::choice("Change", CHANGES.to_vec(), 0));
        }
        let end = terms.end.map(|d| d.to_string()).unwrap_or_default();
        fields.extend([
            Field::text("Start", Rule::RequiredDate, &terms.start.to_string()),
            Field::text("End", Rule::Date, &end),
            Field::text("Bill /h", Rule::RequiredRate, &amount(&terms.bill)),
            Field::text("Pay /h", Rule::RequiredRate, &amount(&terms.pay)),
            Field::text("Currency", Rule::Currency, &terms.bill.currency),
        ]);
        if matches!(purpose, Purpose::Change { .. }) {
            fields.push(Field::text("Reason", Rule::Optional, ""));
        }
        let mut form = PlacementForm {
            form: Form::new(fields),
            purpose,
            name,
            money,
            preview: String::new(),
        };
        form.refresh_preview();
        form
    }

    fn layout(&self) -> Layout {
        let shift = usize::from(matches!(self.purpose, Purpose::Change { .. }));
        Layout {
            change: (shift == 1).then_some(0),
            start: shift,
            end: shift + 1,
            bill: shift + 2,
            pay: shift + 3,
            currency: shift + 4,
            reason: (shift == 1).then_some(shift + 5),
        }
    }

    /// Submit: what to write, built and checked.
    pub fn handle(&mut self, action: Action, sources: &Sources) -> Outcome<PlacementRequest> {
        let outcome = self.form.handle(action, sources);
        self.refresh_preview();
        outcome.and_then(|()| match self.build() {
            Some(request) => Outcome::Submit(request),
            None => Outcome::Refuse("not saved: mend the fields marked ✗".into()),
        })
    }

    /// The rates typed, in the currency field's currency.
    fn rates(&self) -> Option<(HourlyRate, HourlyRate)> {
        let at = self.layout();
        let currency = rules::parse_currency(&self.form.text(at.currency));
        let rate = |i: usize| HourlyRate::parse(&self.form.text(i), &currency).ok();
        Some((rate(at.bill)?, rate(at.pay)?))
    }

    fn refresh_preview(&mut self) {
        self.preview = match self.rates() {
            None => "type the bill and pay rates to see the margin".into(),
            Some((bill, pay)) => match self.money.margin(&bill, &pay) {
                Err(missing) => missing.to_string(),
                Ok(m) => {
                    let markup = m
                        .markup
                        .map_or("–".into(), |x| format!("{:.0} %", x * 100.0));
                    let low = if m.is_below(self.money.floor_percent) {
                        format!(" ! below the {:.0} % floor", self.money.floor_percent)
                    } else {
                        String::new()
                    };
                    format!(
                        "spread {:.0}/h · markup {markup} · gross margin {}{low}",
                        m.spread,
                        m.percent()
                    )
                }
            },
        };
    }

    fn build(&mut self) -> Option<PlacementRequest> {
        if !self.form.validate() {
            return None;
        }
        let at = self.layout();
        let date = |i: usize| rules::parse_date(&self.form.text(i)).ok().flatten();
        let (bill, pay) = self.rates()?;
        let terms = Terms {
            start: date(at.start)?,
            end: date(at.end),
            bill,
            pay,
        };
        if let Some(problem) = terms.problem() {
            self.form.set_error(at.end, problem);
            return None;
        }
        match self.purpose.clone() {
            Purpose::Place {
                engagement,
                candidate,
            } => Some(PlacementRequest::Place {
                engagement,
                candidate,
                terms,
            }),
            Purpose::Change { placement } => {
                let edit = self.edit(&at, terms)?;
                Some(PlacementRequest::Change { placement, edit })
            }
        }
    }

    /// The change chosen, from the terms typed.
    fn edit(&mut self, at: &Layout, terms: Terms) -> Option<PlacementEdit> {
        let choice = at.change.map_or(0, |i| self.form.choice(i));
        let reason = at.reason.map(|i| self.form.text(i)).unwrap_or_default();
        match CHANGES.get(choice) {
            Some(&"extend") => Some(PlacementEdit::Extend { end: terms.end }),
            Some(&"renew") => Some(PlacementEdit::Renew { terms }),
            _ => {
                let on: Option<NaiveDate> = terms.end;
                match (on, reason.is_empty()) {
                    (None, _) => {
                        self.form.set_error(at.end, "the day it ends");
                        None
                    }
                    (_, true) => {
                        self.form
                            .set_error(at.reason.unwrap_or(at.end), "why it ends early");
                        None
                    }
                    (Some(on), false) => Some(PlacementEdit::EndEarly { on, reason }),
                }
            }
        }
    }
}

/// A rate's amount as the form shows it: empty when not known (0).
fn amount(rate: &HourlyRate) -> String {
    match rate.amount {
        0 => String::new(),
        n => n.to_string(),
    }
}
