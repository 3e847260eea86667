//! The consent prompt (`c` in a candidate's detail): the consent on
//! record, and a new one to record (given on, until, how it was given);
//! with one on record, a last row withdraws it. Enter records or, on
//! that row, withdraws.

use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::text::TextInput;
use crate::domain::consent::DEFAULT_CONSENT_DAYS;
use crate::domain::limits::MAX_FIELD_CHARS;
use crate::domain::{CandidateId, Consent};
use chrono::NaiveDate;

/// The rows, top to bottom.
pub const GIVEN_ROW: usize = 0;
pub const UNTIL_ROW: usize = 1;
pub const SOURCE_ROW: usize = 2;
/// Shown only while a consent is on record.
pub const WITHDRAW_ROW: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentPrompt {
    pub candidate: CandidateId,
    pub name: String,
    /// The consent on record, if any.
    pub current: Option<Consent>,
    /// `2026-03-01`; today at first.
    pub given: TextInput,
    /// Empty: two years after it was given.
    pub until: TextInput,
    /// How it was given: "email of 1 March", "sign-up form".
    pub source: TextInput,
    pub row: usize,
}

/// What a confirmed prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsentRequest {
    Record(CandidateId, Consent),
    Withdraw(CandidateId),
}

impl ConsentPrompt {
    pub fn new(
        candidate: CandidateId,
        name: &str,
        current: Option<Consent>,
        today: NaiveDate,
    ) -> ConsentPrompt {
        ConsentPrompt {
            candidate,
            name: name.to_string(),
            current,
            given: TextInput::new(&today.to_string()),
            until: TextInput::limited(10),
            source: TextInput::limited(MAX_FIELD_CHARS),
            row: SOURCE_ROW,
        }
    }

    /// The last row: withdrawing, while there is a consent to withdraw.
    pub fn last_row(&self) -> usize {
        match self.current {
            Some(_) => WITHDRAW_ROW,
            None => SOURCE_ROW,
        }
    }

    pub fn handle(&mut self, action: Action) -> Outcome<ConsentRequest> {
        match action {
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(self.last_row()),
            Action::Cancel => return Outcome::Close,
            Action::Confirm if self.row == WITHDRAW_ROW => {
                return Outcome::Submit(ConsentRequest::Withdraw(self.candidate));
            }
            Action::Confirm => return self.record(),
            edit => {
                if let Some(field) = self.field_mut() {
                    field.apply(edit);
                }
            }
        }
        Outcome::Stay
    }

    /// The text field of the row the cursor is on (none on the last).
    pub fn field_mut(&mut self) -> Option<&mut TextInput> {
        match self.row {
            GIVEN_ROW => Some(&mut self.given),
            UNTIL_ROW => Some(&mut self.until),
            SOURCE_ROW => Some(&mut self.source),
            _ => None,
        }
    }

    fn record(&self) -> Outcome<ConsentRequest> {
        let Some(given) = date(&self.given) else {
            return Outcome::Refuse("given on: type a date as 2026-03-01".into());
        };
        let mut consent = Consent::for_days(given, DEFAULT_CONSENT_DAYS, self.source.value());
        if !self.until.value().is_empty() {
            match date(&self.until) {
                Some(until) => consent.until = until,
                None => {
                    return Outcome::Refuse(
                        "until: type a date as 2028-03-01, or leave it empty for two years".into(),
                    );
                }
            }
        }
        if consent.source.is_empty() {
            return Outcome::Refuse("say how consent was given: an email, a form, a call".into());
        }
        match consent.problems().into_iter().next() {
            Some(problem) => Outcome::Refuse(problem.message),
            None => Outcome::Submit(ConsentRequest::Record(self.candidate, consent)),
        }
    }
}

fn date(field: &TextInput) -> Option<NaiveDate> {
    field.value().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or_default()
    }

    fn typed(prompt: &mut ConsentPrompt, text: &str) {
        for c in text.chars() {
            prompt.handle(Action::Insert(c));
        }
    }

    #[test]
    fn a_source_typed_records_two_years_from_today() {
        let mut prompt = ConsentPrompt::new(CandidateId(3), "Ana", None, day("2026-06-01"));
        assert_eq!(prompt.handle(Action::Down), Outcome::Stay);
        assert_eq!(prompt.row, SOURCE_ROW, "no withdraw row without a consent");
        assert!(matches!(prompt.handle(Action::Confirm), Outcome::Refuse(_)));
        typed(&mut prompt, "sign-up form");
        let Outcome::Submit(ConsentRequest::Record(id, consent)) = prompt.handle(Action::Confirm)
        else {
            panic!("recorded");
        };
        assert_eq!(
            (id, consent.given_on, consent.until),
            (CandidateId(3), day("2026-06-01"), day("2028-05-31"))
        );
        assert_eq!(consent.source, "sign-up form");
    }

    #[test]
    fn dates_are_checked_and_the_last_row_withdraws() {
        let held = Consent::for_days(day("2025-01-01"), 730, "form");
        let mut prompt = ConsentPrompt::new(CandidateId(3), "Ana", Some(held), day("2026-06-01"));
        typed(&mut prompt, "email");
        prompt.row = UNTIL_ROW;
        typed(&mut prompt, "2026-01-01");
        let refused = prompt.handle(Action::Confirm);
        assert_eq!(
            refused,
            Outcome::Refuse("consent ends on 2026-01-01 before it was given on 2026-06-01".into())
        );
        prompt.row = GIVEN_ROW;
        prompt.handle(Action::ClearLine);
        typed(&mut prompt, "1 March");
        assert!(
            matches!(prompt.handle(Action::Confirm), Outcome::Refuse(m) if m.starts_with("given on"))
        );
        for _ in 0..5 {
            prompt.handle(Action::Down);
        }
        assert_eq!(prompt.row, WITHDRAW_ROW);
        assert_eq!(
            prompt.handle(Action::Confirm),
            Outcome::Submit(ConsentRequest::Withdraw(CandidateId(3)))
        );
        assert_eq!(prompt.handle(Action::Cancel), Outcome::Close);
    }
}
