//! Margin by client and by engagement, from the placements running in
//! the period (their standing terms overlap it: started by its last day,
//! not ended before its first), each at its standing bill and pay rates.
//!
//! Per client (or engagement) and per currency of the bill rate, never
//! adding different currencies together:
//!
//! - **spread** of a placement = bill − pay, an hour (the pay converted
//!   to the bill's currency through `[currency]` first, as everywhere:
//!   `domain::money::Margin`);
//! - **total spread** = the sum over the placements (what an hour of
//!   all of them leaves); **average spread** = total ÷ placements;
//! - **gross margin** = Σ (bill − pay − burden) ÷ Σ bill, where burden =
//!   pay × `[money] burden_percent` (0 % unless configured).
//!
//! A placement whose pay currency has no exchange rate is counted apart
//! (`unknown`) and left out of the sums: a margin is never guessed.

use super::input::{InScope, Period, Records, Scope};
use crate::domain::{ClientId, EngagementId, MoneyPolicy, Placement};
use std::collections::BTreeMap;

/// What the rows are per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarginBy {
    Client,
    Engagement,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MarginRow {
    pub client: ClientId,
    pub client_name: String,
    /// `None` for a client's row.
    pub engagement: Option<EngagementId>,
    /// The engagement's title, for an engagement's row.
    pub title: String,
    /// Of the bill rates.
    pub currency: String,
    pub placements: u64,
    pub total_spread: f64,
    /// `None` when no placement's margin is known.
    pub average_spread: Option<f64>,
    pub gross_margin: Option<f64>,
    /// Placements with no exchange rate for their pay, left out.
    pub unknown: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Margins {
    pub by: MarginBy,
    /// By client name (or engagement id), then currency.
    pub rows: Vec<MarginRow>,
}

#[derive(Default)]
struct Sums {
    placements: u64,
    spread: f64,
    earned: f64,
    billed: f64,
    unknown: u64,
}

pub fn margins(
    records: &Records,
    period: Period,
    scope: &Scope,
    money: &MoneyPolicy,
    by: MarginBy,
) -> Margins {
    let in_scope = InScope::new(records, scope);
    let running = records
        .placements
        .iter()
        .filter(|p| in_scope.has(p.engagement) && runs_during(p, period));
    let mut rows: Vec<MarginRow> = sum_up(records, running, money, by)
        .into_iter()
        .map(|((group, currency), sum)| row(records, by, group, currency, &sum))
        .collect();
    if by == MarginBy::Client {
        rows.sort_by_cached_key(|r| (r.client_name.to_lowercase(), r.currency.clone()));
    }
    Margins { by, rows }
}

/// The sums per group (a client's or an engagement's id) and currency.
fn sum_up<'a>(
    records: &Records,
    placements: impl Iterator<Item = &'a Placement>,
    money: &MoneyPolicy,
    by: MarginBy,
) -> BTreeMap<(u64, String), Sums> {
    let mut sums: BTreeMap<(u64, String), Sums> = BTreeMap::new();
    for placement in placements {
        let group = match by {
            MarginBy::Engagement => Some(placement.engagement.0),
            MarginBy::Client => records.engagement(placement.engagement).map(|e| e.client.0),
        };
        let Some(group) = group else { continue };
        let terms = placement.terms();
        let sum = sums
            .entry((group, terms.bill.currency.clone()))
            .or_default();
        match money.margin(&terms.bill, &terms.pay) {
            Ok(margin) => {
                sum.placements += 1;
                sum.spread += margin.spread;
                sum.earned += margin.spread - margin.burden;
                sum.billed += margin.bill;
            }
            Err(_) => sum.unknown += 1,
        }
    }
    sums
}

/// Whether its standing terms overlap the period.
fn runs_during(placement: &Placement, period: Period) -> bool {
    let terms = placement.terms();
    terms.start <= period.until() && terms.end.is_none_or(|end| end >= period.since())
}

fn row(records: &Records, by: MarginBy, group: u64, currency: String, sum: &Sums) -> MarginRow {
    let engagement = match by {
        MarginBy::Engagement => records.engagement(EngagementId(group)),
        MarginBy::Client => None,
    };
    let client = engagement.map_or(ClientId(group), |e| e.client);
    MarginRow {
        client,
        client_name: records
            .client(client)
            .map_or_else(|| client.to_string(), |c| c.name.clone()),
        engagement: (by == MarginBy::Engagement).then_some(EngagementId(group)),
        title: engagement.map(|e| e.title.clone()).unwrap_or_default(),
        currency,
        placements: sum.placements,
        total_spread: sum.spread,
        average_spread: (sum.placements > 0).then(|| sum.spread / sum.placements as f64),
        gross_margin: (sum.billed > 0.0).then(|| sum.earned / sum.billed),
        unknown: sum.unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{World, jan, usd};
    use super::*;
    use crate::domain::{Fx, HourlyRate};

    fn world() -> World {
        let mut world = World::new();
        world.client(2, "Globex");
        world.engagement(2, 2, "bo", 1);
        world.engagement(3, 1, "bo", 1);
        world.place(1, 1, 2, "ana", usd(100, 70));
        world.place(3, 2, 3, "ana", usd(90, 70));
        world.place(2, 3, 3, "bo", usd(80, 60));
        let eur = (HourlyRate::new(100, "EUR"), HourlyRate::new(80, "EUR"));
        world.place(2, 4, 3, "bo", eur);
        let chf_pay = (HourlyRate::usd(100), HourlyRate::new(50, "CHF"));
        world.place(2, 5, 3, "bo", chf_pay);
        world
    }

    fn money(burden_percent: f64) -> MoneyPolicy {
        MoneyPolicy {
            fx: Fx::new("USD", [("EUR".to_string(), 1.1)]).unwrap_or_default(),
            burden_percent,
            floor_percent: 20.0,
        }
    }

    #[test]
    fn by_client_each_currency_apart_and_unknown_rates_left_out() {
        let margins = margins(
            &world().records(),
            jan(1, 31),
            &Scope::All,
            &money(0.0),
            MarginBy::Client,
        );
        let shown: Vec<(&str, &str, u64, f64, u64)> = margins
            .rows
            .iter()
            .map(|r| {
                (
                    r.client_name.as_str(),
                    r.currency.as_str(),
                    r.placements,
                    r.total_spread,
                    r.unknown,
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("Acme", "USD", 2, 50.0, 0),
                ("Globex", "EUR", 1, 20.0, 0),
                ("Globex", "USD", 1, 20.0, 1),
            ]
        );
        let acme = &margins.rows[0];
        assert_eq!(acme.average_spread, Some(25.0));
        assert_eq!(acme.gross_margin, Some(50.0 / 190.0));
    }

    #[test]
    fn burden_lowers_the_gross_margin_but_not_the_spread() {
        let margins = margins(
            &world().records(),
            jan(1, 31),
            &Scope::All,
            &money(10.0),
            MarginBy::Engagement,
        );
        let first = &margins.rows[0];
        assert_eq!(
            (first.engagement, first.total_spread),
            (Some(EngagementId(1)), 30.0)
        );
        assert_eq!(first.gross_margin, Some(0.23));
        assert_eq!(first.title, "Platform engineers");
    }

    #[test]
    fn only_placements_running_in_the_period_count() {
        let mut world = world();
        world.placements[0].started.terms.end = Some(jan(1, 1).until());
        let margins = margins(
            &world.records(),
            jan(2, 31),
            &Scope::Client(ClientId(1)),
            &money(0.0),
            MarginBy::Client,
        );
        assert_eq!(margins.rows.len(), 1);
        assert_eq!(
            (margins.rows[0].placements, margins.rows[0].total_spread),
            (1, 20.0)
        );
        let none = super::margins(
            &world.records(),
            jan(1, 1),
            &Scope::All,
            &money(0.0),
            MarginBy::Client,
        );
        assert!(none.rows.is_empty(), "none had started");
    }
}
