//! Money by the hour: a rate in one currency, the table that converts
//! between currencies (from the config file, never the network), and the
//! margin a placement leaves.
//!
//! - spread = bill − pay
//! - markup = spread ÷ pay
//! - burden = pay × the burden percentage (the agency's costs per hour
//!   worked: payroll taxes, insurance, benefits; 0 % unless configured)
//! - gross margin = (bill − pay − burden) ÷ bill
//!
//! Pay 20, bill 30, no burden: spread 10, markup 50 %, margin 33.3 %.

use super::codes::currency_code_problem;
use super::rate::{MAX_RATE, currency_problem};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// An hourly rate in one currency, in whole units.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HourlyRate {
    pub amount: u32,
    /// ISO 4217 code, such as `USD`.
    pub currency: String,
}

impl HourlyRate {
    pub fn new(amount: u32, currency: &str) -> HourlyRate {
        HourlyRate {
            amount,
            currency: currency.to_string(),
        }
    }

    pub fn usd(amount: u32) -> HourlyRate {
        HourlyRate::new(amount, "USD")
    }

    /// What is wrong with it, if anything.
    pub fn problem(&self) -> Option<String> {
        if self.amount > MAX_RATE {
            return Some(format!("rate {} is above {MAX_RATE} an hour", self.amount));
        }
        currency_problem(&self.currency)
    }

    /// `95 EUR` → 95 EUR; `95` → 95 in `default_currency`.
    pub fn parse(text: &str, default_currency: &str) -> Result<HourlyRate, String> {
        let mut words = text.split_whitespace();
        let amount = words.next().unwrap_or("");
        let amount = amount.trim_start_matches('$').trim_end_matches("/h");
        let amount: u32 = amount
            .parse()
            .map_err(|_| format!("`{}` is not a rate like 95 or 95 EUR", text.trim()))?;
        let currency = words.next().unwrap_or(default_currency).to_uppercase();
        let rate = HourlyRate::new(amount, &currency);
        // Typed, so the code must be one ISO 4217 knows (a stored rate
        // is held only to its shape: see `codes`).
        let problem = rate
            .problem()
            .or_else(|| super::codes::currency_code_problem(&rate.currency));
        match (problem, words.next()) {
            (Some(problem), _) => Err(problem),
            (None, Some(extra)) => Err(format!("`{extra}` after the rate")),
            (None, None) => Ok(rate),
        }
    }
}

impl fmt::Display for HourlyRate {
    /// `$95/h`, `95/h EUR`: as rate ranges are shown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.currency.as_str() {
            "USD" => write!(f, "${}/h", self.amount),
            code => write!(f, "{}/h {code}", self.amount),
        }
    }
}

/// No rate is known between two currencies: hireterm says so rather than
/// guess.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no exchange rate from {from} to {to}: add it under [currency] in config.toml")]
pub struct MissingRate {
    pub from: String,
    pub to: String,
}

/// Exchange rates, each currency's value in one base currency:
/// `[currency] base = "USD"`, `rates = { EUR = 1.08 }` (1 EUR is 1.08 USD).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fx {
    base: String,
    /// Units of `base` one unit of the currency is worth.
    rates: BTreeMap<String, f64>,
}

impl Fx {
    /// A table in `base`; `rates` maps a code to its value in `base`.
    pub fn new(base: &str, rates: impl IntoIterator<Item = (String, f64)>) -> Result<Fx, String> {
        let base = base.to_uppercase();
        if let Some(problem) = currency_code_problem(&base) {
            return Err(problem);
        }
        let mut table = BTreeMap::new();
        for (code, value) in rates {
            let code = code.to_uppercase();
            if let Some(problem) = currency_code_problem(&code) {
                return Err(problem);
            }
            if !(value.is_finite() && value > 0.0) {
                return Err(format!("the rate of {code} must be a positive number"));
            }
            table.insert(code, value);
        }
        table.insert(base.clone(), 1.0);
        Ok(Fx { base, rates: table })
    }

    /// The currency everything is reported in.
    pub fn base(&self) -> &str {
        if self.base.is_empty() {
            "USD"
        } else {
            &self.base
        }
    }

    /// `amount` of `from` in `to`.
    pub fn convert(&self, amount: f64, from: &str, to: &str) -> Result<f64, MissingRate> {
        if from == to {
            return Ok(amount);
        }
        let value = |code: &str| {
            self.rates.get(code).copied().ok_or_else(|| MissingRate {
                from: from.to_string(),
                to: to.to_string(),
            })
        };
        Ok(amount * value(from)? / value(to)?)
    }
}

/// What a bill and a pay rate leave, per hour, in the bill's currency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margin {
    pub bill: f64,
    pub pay: f64,
    pub burden: f64,
    /// bill − pay.
    pub spread: f64,
    /// spread ÷ pay (`None` when pay is 0).
    pub markup: Option<f64>,
    /// (bill − pay − burden) ÷ bill (`None` when bill is 0).
    pub gross: Option<f64>,
}

impl Margin {
    /// The margin of `bill` over `pay`, with `burden_percent` of pay on
    /// top of it; the pay converted to the bill's currency first.
    pub fn of(
        bill: &HourlyRate,
        pay: &HourlyRate,
        burden_percent: f64,
        fx: &Fx,
    ) -> Result<Margin, MissingRate> {
        let bill_amount = f64::from(bill.amount);
        let pay = fx.convert(f64::from(pay.amount), &pay.currency, &bill.currency)?;
        let burden = pay * burden_percent / 100.0;
        let spread = bill_amount - pay;
        Ok(Margin {
            bill: bill_amount,
            pay,
            burden,
            spread,
            markup: (pay > 0.0).then(|| spread / pay),
            gross: (bill_amount > 0.0).then(|| (spread - burden) / bill_amount),
        })
    }

    /// Whether the gross margin is under `floor_percent` (an unknown one
    /// is not: nothing is refused or flagged on a guess).
    pub fn is_below(&self, floor_percent: f64) -> bool {
        self.gross.is_some_and(|g| g * 100.0 < floor_percent)
    }

    /// `28 %` (the gross margin, rounded), or `–` when there is none.
    pub fn percent(&self) -> String {
        match self.gross {
            Some(gross) => format!("{:.0} %", gross * 100.0),
            None => "–".into(),
        }
    }
}

/// The money settings of the config file: the exchange rates, the burden
/// and the margin below which a card is flagged.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyPolicy {
    pub fx: Fx,
    /// Percentage of pay added to it as the agency's costs (default 0).
    pub burden_percent: f64,
    /// A gross margin below this percentage is flagged (default 20).
    pub floor_percent: f64,
}

impl Default for MoneyPolicy {
    fn default() -> Self {
        MoneyPolicy {
            fx: Fx::default(),
            burden_percent: 0.0,
            floor_percent: 20.0,
        }
    }
}

impl MoneyPolicy {
    pub fn margin(&self, bill: &HourlyRate, pay: &HourlyRate) -> Result<Margin, MissingRate> {
        Margin::of(bill, pay, self.burden_percent, &self.fx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn pay_20_bill_30_is_a_50_percent_markup_and_a_third_margin() {
        let m = Margin::of(
            &HourlyRate::usd(30),
            &HourlyRate::usd(20),
            0.0,
            &Fx::default(),
        );
        let m = m.unwrap();
        assert!(close(m.spread, 10.0));
        assert!(close(m.markup.unwrap(), 0.5));
        assert!(close(m.gross.unwrap(), 1.0 / 3.0));
        assert_eq!(m.percent(), "33 %");
        assert!(!m.is_below(20.0) && m.is_below(34.0));
    }

    #[test]
    fn burden_is_a_share_of_pay_taken_from_the_margin() {
        let fx = Fx::default();
        let m = Margin::of(&HourlyRate::usd(100), &HourlyRate::usd(70), 10.0, &fx).unwrap();
        assert!(close(m.burden, 7.0));
        assert!(close(m.spread, 30.0), "the spread leaves burden out");
        assert!(close(m.gross.unwrap(), 0.23));
        assert!(m.is_below(25.0));
    }

    #[test]
    fn zero_rates_give_no_ratio_rather_than_infinity() {
        let fx = Fx::default();
        let free = Margin::of(&HourlyRate::usd(0), &HourlyRate::usd(0), 0.0, &fx).unwrap();
        assert_eq!((free.markup, free.gross), (None, None));
        assert!(!free.is_below(20.0), "an unknown margin is not flagged");
        assert_eq!(free.percent(), "–");
    }

    #[test]
    fn currencies_convert_through_the_base_and_a_missing_rate_is_said() {
        let fx = Fx::new("usd", [("EUR".into(), 1.25), ("gbp".into(), 1.5)]).unwrap();
        assert!(close(fx.convert(100.0, "EUR", "USD").unwrap(), 125.0));
        assert!(close(fx.convert(150.0, "USD", "GBP").unwrap(), 100.0));
        assert!(close(fx.convert(150.0, "GBP", "EUR").unwrap(), 180.0));
        let missing = fx.convert(1.0, "CHF", "USD").unwrap_err();
        assert_eq!(
            missing.to_string(),
            "no exchange rate from CHF to USD: add it under [currency] in config.toml"
        );
        // Pay in EUR, bill in USD: the pay is converted first.
        let m = Margin::of(&HourlyRate::usd(100), &HourlyRate::new(60, "EUR"), 0.0, &fx).unwrap();
        assert!(close(m.pay, 75.0) && close(m.gross.unwrap(), 0.25));
        let unknown = Margin::of(&HourlyRate::usd(100), &HourlyRate::new(60, "CHF"), 0.0, &fx);
        assert!(unknown.is_err(), "never guessed");
    }

    #[test]
    fn a_table_refuses_what_is_not_a_rate() {
        assert!(Fx::new("dollars", []).is_err());
        assert!(Fx::new("USD", [("EUR".into(), 0.0)]).is_err());
        assert!(Fx::new("USD", [("EUR".into(), f64::NAN)]).is_err());
        assert_eq!(Fx::new("eur", []).unwrap().base(), "EUR");
        assert_eq!(Fx::default().base(), "USD");
    }

    #[test]
    fn rates_parse_with_or_without_their_currency() {
        assert_eq!(HourlyRate::parse("95", "USD"), Ok(HourlyRate::usd(95)));
        assert_eq!(
            HourlyRate::parse(" 80 eur ", "USD"),
            Ok(HourlyRate::new(80, "EUR"))
        );
        assert_eq!(HourlyRate::parse("$70/h", "USD"), Ok(HourlyRate::usd(70)));
        assert!(HourlyRate::parse("lots", "USD").is_err());
        assert!(HourlyRate::parse("95 euros", "USD").is_err());
        assert!(HourlyRate::parse("100001", "USD").is_err());
        assert!(HourlyRate::parse("90 EUR extra", "USD").is_err());
        assert_eq!(HourlyRate::new(80, "EUR").to_string(), "80/h EUR");
        assert_eq!(HourlyRate::usd(80).to_string(), "$80/h");
    }
}
