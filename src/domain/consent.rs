//! A candidate's consent to be kept: when it was given, until when, and
//! how (an email, a form, a call). Retention rules spare a person whose
//! consent holds; one that runs out soon is worth a call first.

use super::problem::{FieldProblem, one_line_problems};
use super::time;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How long a consent holds when no end is given: two years, the common
/// term of agencies' privacy notices.
pub const DEFAULT_CONSENT_DAYS: u32 = 730;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    #[serde(with = "time::days")]
    pub given_on: NaiveDate,
    /// The last day it holds.
    #[serde(with = "time::days")]
    pub until: NaiveDate,
    /// How it was given: "email of 2026-03-02", "sign-up form".
    pub source: String,
}

impl Consent {
    /// A consent given on `given_on` that holds `days` days.
    pub fn for_days(given_on: NaiveDate, days: u32, source: impl Into<String>) -> Consent {
        Consent {
            given_on,
            until: given_on + chrono::Days::new(u64::from(days)),
            source: source.into(),
        }
    }

    /// Whether it still holds on `today`.
    pub fn holds_on(&self, today: NaiveDate) -> bool {
        today <= self.until
    }

    /// Days from `today` until it ends (negative once it has).
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        (self.until - today).num_days()
    }

    /// Whether it holds on `today` and ends within `days` days of it:
    /// time to ask the person again.
    pub fn ends_within(&self, today: NaiveDate, days: u32) -> bool {
        self.holds_on(today) && self.days_left(today) <= i64::from(days)
    }

    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = one_line_problems("consent source", &self.source);
        if self.source.trim().is_empty() {
            problems.push(FieldProblem::new(
                "consent source",
                "consent needs its source (how it was given)",
            ));
        }
        if self.until < self.given_on {
            let message = format!(
                "consent ends on {} before it was given on {}",
                self.until, self.given_on
            );
            problems.push(FieldProblem::new("consent", message));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_consent_holds_through_its_last_day() {
        let consent = Consent::for_days(day("2026-01-01"), 30, "email");
        assert_eq!(consent.until, day("2026-01-31"));
        assert!(consent.holds_on(day("2026-01-31")));
        assert!(!consent.holds_on(day("2026-02-01")));
        assert_eq!(consent.days_left(day("2026-01-21")), 10);
        assert!(consent.ends_within(day("2026-01-21"), 10));
        assert!(!consent.ends_within(day("2026-01-20"), 10));
        assert!(
            !consent.ends_within(day("2026-02-01"), 10),
            "an ended one is no warning"
        );
        assert!(consent.problems().is_empty());
    }

    #[test]
    fn a_consent_without_source_or_ending_before_it_began_is_refused() {
        let mut consent = Consent::for_days(day("2026-01-01"), 0, " ");
        consent.until = day("2025-12-31");
        let fields: Vec<&str> = consent.problems().iter().map(|p| p.field).collect();
        assert_eq!(fields, ["consent source", "consent"]);
    }
}
