//! Rates: an hourly rate range in one currency (a candidate's expectation,
//! an engagement's budget) and the rules for its numbers and currency
//! code. A leaf: candidates, engagements and field problems all read it.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Hourly rates and budgets above this are a typo, in any currency.
pub const MAX_RATE: u32 = 100_000;

/// A range of hourly rates in one currency, in whole units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateRange {
    pub min: u32,
    pub max: u32,
    /// ISO 4217 code, such as `USD`.
    pub currency: String,
}

impl RateRange {
    pub fn usd(min: u32, max: u32) -> Self {
        RateRange {
            min,
            max,
            currency: "USD".into(),
        }
    }
}

impl fmt::Display for RateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `$60-90/h`, `60-90/h EUR`: as an hourly rate is shown.
        let sign = if self.currency == "USD" { "$" } else { "" };
        let code = match sign {
            "" => format!(" {}", self.currency),
            _ => String::new(),
        };
        if self.min == self.max {
            write!(f, "{sign}{}/h{code}", self.min)
        } else {
            write!(f, "{sign}{}-{}/h{code}", self.min, self.max)
        }
    }
}

/// What is wrong with a rate range or budget, if anything: its numbers
/// ([`range_problem`]) first, then its currency ([`currency_problem`]).
pub fn rate_problem(rate: &RateRange) -> Option<String> {
    range_problem(rate.min, rate.max).or_else(|| currency_problem(&rate.currency))
}

/// What is wrong with the numbers of a rate range or budget, if anything.
pub fn range_problem(min: u32, max: u32) -> Option<String> {
    if min > max {
        return Some(format!("rate minimum {min} is above maximum {max}"));
    }
    (max > MAX_RATE).then(|| format!("rate {max} is above {MAX_RATE} an hour"))
}

/// What is wrong with a currency code, if anything: it is three capital
/// letters, such as `USD`.
pub fn currency_problem(code: &str) -> Option<String> {
    (code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()))
        .then(|| format!("currency `{code}` is not a 3-letter code like USD"))
}
