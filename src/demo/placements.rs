//! Placements for the placed cards: start and end dates, pay from the
//! candidate's rate and a bill above it, and what became of them since:
//! extended, renewed, ended early, or ending soon.

use super::*;
use crate::domain::{HourlyRate, Placement, PlacementId, Terms};
use chrono::NaiveDate;

#[rustfmt::skip]
const EARLY_ENDS: &[&str] = &[
    "the client cut the project's budget", "project cancelled", "candidate relocated",
    "the client restructured the team",
];

/// What becomes of a placement's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    /// Starts after a notice period, ends as its hiring model has it.
    Plain,
    /// Ends within a week of now.
    EndsThisWeek,
    /// Ends 10 to 28 days from now.
    EndsThisMonth,
    OpenEnded,
    /// Was ending within days; extended by a few weeks, so ending soon
    /// still.
    Extended,
    /// Was ending within days; renewed on new dates and rates.
    Renewed,
    EndedEarly,
}

/// The first placements show one of each; the rest are drawn.
const FATES: [Fate; 7] = [
    Fate::EndsThisWeek,
    Fate::EndsThisMonth,
    Fate::Renewed,
    Fate::OpenEnded,
    Fate::Extended,
    Fate::EndsThisMonth,
    Fate::Plain,
];

/// Which of the first placements have a thin margin (under 20 %: the
/// client talked the bill down); later ones, one in ten.
const THIN: [usize; 2] = [3, 5];

impl World<'_> {
    /// A placement for each card at Placed, ids 1..=p in the order they
    /// were made. One ends early: the first in an engagement with a seat
    /// still free, so that ending it leaves no filled engagement short.
    pub(super) fn placements(&self, data: &DemoData, roster: &Roster) -> Vec<Placement> {
        let placed = data
            .applications
            .iter()
            .filter(|a| a.stage == Stage::Placed);
        let early = placed.clone().position(|a| {
            data.engagements[a.engagement.0 as usize - 1].status != EngagementStatus::Filled
        });
        let mut out = Vec::new();
        let mut drawn = 0;
        for (serial, app) in placed.enumerate() {
            let mut rng = Rng::new(self.seed, KIND_PLACEMENT, serial as u64);
            let (fate, thin) = match Some(serial) == early {
                true => (Fate::EndedEarly, false),
                false => {
                    drawn += 1;
                    let fate = FATES.get(drawn - 1).copied().unwrap_or_else(|| {
                        use Fate::*;
                        [Plain, OpenEnded, EndsThisMonth, Extended][rng.weighted(&[45, 15, 20, 20])]
                    });
                    let thin = match drawn - 1 < FATES.len() {
                        true => THIN.contains(&(drawn - 1)),
                        false => rng.chance(10),
                    };
                    (fate, thin)
                }
            };
            let engagement = &data.engagements[app.engagement.0 as usize - 1];
            let candidate = roster.get(app.candidate.0 as usize - 1);
            let card = (engagement, candidate, app);
            if let Some(placement) = self.placement(card, fate, thin, &mut rng) {
                out.push(placement);
            }
        }
        out.sort_by_key(|p| (p.started.at, p.engagement, p.candidate));
        for (index, placement) in out.iter_mut().enumerate() {
            placement.id = PlacementId(index as u64 + 1);
        }
        out
    }

    fn placement(
        &self,
        (engagement, candidate, app): (&Engagement, &Candidate, &Application),
        fate: Fate,
        thin: bool,
        rng: &mut Rng,
    ) -> Option<Placement> {
        let entered = app.history.last()?;
        let (placed_at, by) = (entered.at, entered.actor.as_str());
        let placed_on = placed_at.date_naive();
        let today = self.now.date_naive();
        let days = |n: i64| TimeDelta::days(n);
        let (pay, mut bill) = self.proposal(engagement, candidate);
        if thin {
            let margin = rng.range(8, 17) as u32;
            bill.amount = pay.amount * 100 / (100 - margin);
        }
        let start = match fate {
            Fate::Plain | Fate::OpenEnded => placed_on + days(rng.range(3, 14)),
            _ => placed_on,
        };
        let end = match (fate, engagement.model) {
            (Fate::OpenEnded, _) | (Fate::Plain, HiringModel::FullTime) => None,
            (Fate::EndsThisWeek, _) => Some(today + days(rng.range(1, 6))),
            (Fate::EndsThisMonth, _) => Some(today + days(rng.range(10, 28))),
            (Fate::Renewed | Fate::Extended, _) => Some(today + days(rng.range(2, 9))),
            (_, HiringModel::ContractToHire) => Some(start + days(180)),
            _ => Some(start + days(30 * rng.range(3, 12))),
        };
        let terms = Terms {
            start,
            end,
            bill: bill.clone(),
            pay: pay.clone(),
        };
        let ids = (engagement.id, candidate.id);
        let mut placement = Placement::new(PlacementId(0), ids, terms, (placed_at, by)).ok()?;
        // A change comes some time after the placement, before now.
        let span = (self.now - placed_at).num_seconds().max(0);
        let changed_at = placed_at + TimeDelta::seconds(rng.range(span / 3, span * 9 / 10));
        let stamp = (changed_at, by);
        let done = match fate {
            Fate::Extended => placement.extend(end.map(|e| e + days(rng.range(14, 20))), stamp),
            Fate::Renewed => {
                let after = end.unwrap_or(today) + days(1);
                let renewed = Terms {
                    start: after,
                    end: Some(after + days(180)),
                    bill: raised(&bill, 6),
                    pay: raised(&pay, 5),
                };
                placement.renew(renewed, stamp)
            }
            Fate::EndedEarly => {
                let day: NaiveDate = changed_at.date_naive().max(start);
                let reason = *rng.pick(EARLY_ENDS);
                placement.end_early(day, reason, stamp)
            }
            _ => Ok(()),
        };
        // A change refused (never, with these dates) leaves it as made.
        drop(done);
        Some(placement)
    }
}

/// `rate` raised by `percent`, to the unit above.
fn raised(rate: &HourlyRate, percent: u32) -> HourlyRate {
    HourlyRate::new(
        rate.amount + (rate.amount * percent).div_ceil(100),
        &rate.currency,
    )
}
