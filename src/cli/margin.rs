//! Money as the placement commands print it: a placement's terms with
//! the spread, markup and gross margin they leave, flagged `!` below the
//! floor of `config.toml`, and a missing exchange rate said, not guessed.

use crate::domain::{HourlyRate, Margin, MoneyPolicy, Terms};
use serde::Serialize;

/// `2026-07-01 to 2026-12-31, bill $95/h, pay $70/h, spread $25/h,
/// markup 36 %, margin 26 %`, with `!` when the margin is below the floor.
pub fn describe(terms: &Terms, money: &MoneyPolicy) -> String {
    let end = terms.end.map_or("open-ended".into(), |e| e.to_string());
    format!(
        "{} to {end}, bill {}, pay {}, {}",
        terms.start,
        terms.bill,
        terms.pay,
        margin_text(&Money::of(terms, money))
    )
}

/// The margin of some terms, or why it is unknown.
#[derive(Serialize)]
pub struct Money {
    spread: Option<f64>,
    markup_percent: Option<f64>,
    margin_percent: Option<f64>,
    /// Below `[money] margin_floor_percent`.
    below_floor: bool,
    /// Why the margin is unknown (a missing exchange rate), if it is.
    unknown: Option<String>,
    #[serde(skip)]
    currency: String,
}

impl Money {
    pub fn of(terms: &Terms, money: &MoneyPolicy) -> Money {
        let margin: Result<Margin, _> = money.margin(&terms.bill, &terms.pay);
        let round = |x: f64| (x * 10.0).round() / 10.0;
        Money {
            spread: margin.as_ref().ok().map(|m| round(m.spread)),
            markup_percent: margin
                .as_ref()
                .ok()
                .and_then(|m| m.markup)
                .map(|x| round(x * 100.0)),
            margin_percent: margin
                .as_ref()
                .ok()
                .and_then(|m| m.gross)
                .map(|x| round(x * 100.0)),
            below_floor: margin
                .as_ref()
                .is_ok_and(|m| m.is_below(money.floor_percent)),
            unknown: margin.as_ref().err().map(|e| e.to_string()),
            currency: terms.bill.currency.clone(),
        }
    }
}

pub fn margin_text(m: &Money) -> String {
    if let Some(unknown) = &m.unknown {
        return format!("margin unknown: {unknown}");
    }
    let percent = |x: Option<f64>| x.map_or("–".into(), |x| format!("{x:.0} %"));
    let spread = m.spread.unwrap_or_default();
    let spread = HourlyRate::new(spread.abs().round() as u32, &m.currency);
    let sign = if m.spread.is_some_and(|s| s < 0.0) {
        "-"
    } else {
        ""
    };
    format!(
        "spread {sign}{spread}, markup {}, margin {}{}",
        percent(m.markup_percent),
        percent(m.margin_percent),
        if m.below_floor {
            " ! below the floor"
        } else {
            ""
        }
    )
}
