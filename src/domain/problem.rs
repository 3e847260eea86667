//! A problem with a record, named with the field it is about, so that a
//! form can show it beside that field. `Candidate::problems` and
//! `Engagement::problems` are these messages without their fields.

use super::limits::MAX_FIELD_CHARS;
use super::rate::{RateRange, currency_problem, range_problem};
use super::text;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// The record's field, worded as its messages word it: `name`,
    /// `phone`, `rate`, `currency`, `tag`, `tags`, `headcount`...
    pub field: &'static str,
    pub message: String,
}

impl FieldProblem {
    pub fn new(field: &'static str, message: impl Into<String>) -> FieldProblem {
        FieldProblem {
            field,
            message: message.into(),
        }
    }
}

/// What is wrong with a one-line field: too long, or holding control
/// characters.
pub fn one_line_problems(field: &'static str, value: &str) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    if value.chars().count() > MAX_FIELD_CHARS {
        let message = format!("{field} is longer than {MAX_FIELD_CHARS} characters");
        problems.push(FieldProblem::new(field, message));
    }
    if !text::is_clean(value, false) {
        let message = format!("{field} holds control characters");
        problems.push(FieldProblem::new(field, message));
    }
    problems
}

/// [`super::rate::rate_problem`], with its field: `range` (`rate` or
/// `budget`) for the numbers, `currency` for the code.
pub fn rate_field_problem(range: &'static str, rate: &RateRange) -> Option<FieldProblem> {
    if let Some(message) = range_problem(rate.min, rate.max) {
        return Some(FieldProblem::new(range, message));
    }
    currency_problem(&rate.currency).map(|message| FieldProblem::new("currency", message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::engagement::{headcount_problem, requirements_problem};
    use crate::domain::testing::{candidate_with, engagement_with};

    fn fields(problems: &[FieldProblem]) -> Vec<&str> {
        problems.iter().map(|p| p.field).collect()
    }

    #[test]
    fn a_candidates_problems_name_their_fields() {
        let mut c = candidate_with(&[("go", 3)]);
        c.name = " ".into();
        c.phone = Some("12-34".into());
        c.location.city = "x".repeat(MAX_FIELD_CHARS + 1);
        c.rate = Some(RateRange::usd(90, 60));
        c.tags = vec!["ok".into(), "bad\u{1b}[2J".into()];
        let problems = c.field_problems();
        assert_eq!(fields(&problems), ["name", "city", "tag", "rate", "phone"]);
        let messages: Vec<String> = problems.into_iter().map(|p| p.message).collect();
        assert_eq!(c.problems(), messages);
        assert_eq!(messages[3], "rate minimum 90 is above maximum 60");

        c.rate = Some(RateRange {
            currency: "usd".into(),
            ..RateRange::usd(250, 300)
        });
        c.phone = Some("+44 (0)20 7946 0958 ext. 12".into());
        c.name = "Ana".into();
        c.location.city.clear();
        c.tags.clear();
        assert_eq!(fields(&c.field_problems()), ["currency"]);
    }

    #[test]
    fn rates_split_into_numbers_and_currency() {
        assert_eq!(range_problem(250, 300), None);
        assert!(range_problem(0, 100_001).is_some());
        assert!(range_problem(2, 1).is_some());
        assert_eq!(currency_problem("CHF"), None);
        assert!(currency_problem("US").is_some());
        assert!(currency_problem("eur").is_some());
    }

    #[test]
    fn an_engagements_problems_name_their_fields() {
        let mut e = engagement_with(&[("go", 2, true)]);
        assert!(e.field_problems().is_empty());
        e.headcount = 0;
        e.owner = "Ana\u{202E}".into();
        e.budget = Some(RateRange::usd(60, 200_000));
        e.bill_rate = Some(crate::domain::HourlyRate::new(95, "dollars"));
        let problems = e.field_problems();
        assert_eq!(
            fields(&problems),
            ["headcount", "owner", "bill rate", "budget"]
        );
        assert_eq!(headcount_problem(600), None);
        assert!(headcount_problem(10_001).is_some());
    }

    #[test]
    fn an_engagement_needs_a_must_have_skill() {
        let nice_only = engagement_with(&[("go", 2, false)]);
        let must = engagement_with(&[("go", 2, false), ("rust", 3, true)]);
        assert!(requirements_problem(&[]).is_some());
        assert_eq!(
            requirements_problem(&nice_only.requirements).as_deref(),
            Some("at least one must-have skill")
        );
        assert_eq!(requirements_problem(&must.requirements), None);
    }
}
