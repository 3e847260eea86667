//! Engagements across role types, clients and hiring models.

use super::agency::{currency_of, from_usd};
use super::*;
use crate::domain::HourlyRate;

/// How an engagement's first submittals went against the 48-hour promise
/// (`PromisePolicy::default()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pace {
    /// The shortlist reached the client in time.
    OnTime,
    /// It reached the client after it was due.
    Late,
    /// Opened hours ago: not due yet, and not yet met.
    Pending,
    /// Past due with fewer than the shortlist sent.
    Breached,
}

impl World<'_> {
    /// The engagements and their role indices, going round every role and
    /// hiring model in a seeded order.
    pub(super) fn engagements(&self, count: usize) -> (Vec<Engagement>, Vec<usize>) {
        let mut rng = Rng::new(self.seed, KIND_ORDER, 0);
        let mut roles: Vec<usize> = (0..self.profiles.len()).collect();
        shuffle(&mut roles, &mut rng);
        let models = HiringModel::ALL;
        let shift = rng.below(models.len());
        (0..count)
            .filter_map(|index| {
                let role = *roles.get(index % roles.len().max(1))?;
                let model = models[(index + shift) % models.len()];
                Some((self.engagement(index, role, model), role))
            })
            .unzip()
    }

    pub(super) fn engagement(&self, index: usize, role: usize, model: HiringModel) -> Engagement {
        let mut rng = Rng::new(self.seed, KIND_ENGAGEMENT, index as u64);
        let client = *rng.pick(CLIENTS);
        let client_index = CLIENTS.iter().position(|c| *c == client).unwrap_or(0);
        let mut headcount = rng.weighted(&[40, 30, 15, 10, 5]) as u16 + 1;
        let (profile, role) = (&self.profiles[role], &self.catalog.roles()[role]);
        let pace = self.pace(index);
        // The first two are the oldest and open, so that the stuck
        // applications the demo promises have room to be stuck in; they
        // have seats left after the one placement each may show.
        let days_open = match (index, pace) {
            (0 | 1, _) => (40, 60),
            (_, Pace::OnTime) => (2, 60),
            _ => (5, 60),
        };
        let opened_at = match pace {
            Pace::Pending => self.ago(rng.range(3 * HOUR, 30 * HOUR)),
            _ => self.ago(rng.range(days_open.0 * DAY, days_open.1 * DAY)),
        };
        let status = match index {
            0 | 1 => EngagementStatus::Open,
            // Drawn all the same, so that what follows is drawn as before.
            _ => match (STATUSES[rng.weighted(&[56, 14, 20, 10])], pace) {
                (_, Pace::Pending | Pace::Breached) => EngagementStatus::Open,
                (drawn, _) => drawn,
            },
        };
        if index < 2 {
            headcount = headcount.max(2);
        }
        let currency = currency_of(client);
        let expected = profile.expected_level();
        let budget = budget_for(expected, &mut rng).map(|b| in_currency(b, currency));
        let title = title(&role.name, client, headcount, model, &mut rng);
        let requirements = self.requirements(profile, &mut rng);
        let target_start = Some(opened_at.date_naive() + TimeDelta::days(rng.range(14, 60)));
        // Drawn last, so that titles and requirements are drawn as they
        // were before engagements had bill rates.
        let bill_rate = bill_rate(budget.as_ref(), expected, currency, &mut rng);
        Engagement {
            id: EngagementId(index as u64 + 1),
            client: ClientId(client_index as u64 + 1),
            owner: OWNERS[index % OWNERS.len()].to_string(),
            title,
            role: role.id.clone(),
            requirements,
            headcount,
            budget,
            bill_rate,
            model,
            status,
            opened_at,
            target_start,
        }
    }

    /// How the engagement's first submittals went: the first four show
    /// one of each, the rest are drawn.
    pub(super) fn pace(&self, index: usize) -> Pace {
        const PACES: [Pace; 4] = [Pace::OnTime, Pace::Late, Pace::Pending, Pace::Breached];
        match PACES.get(index) {
            Some(pace) => *pace,
            None => {
                let mut rng = Rng::new(self.seed, KIND_PACE, index as u64);
                PACES[rng.weighted(&[45, 30, 10, 15])]
            }
        }
    }

    /// 3-5 musts from the role's defining skills, 1-4 nice-to-haves from the
    /// rest of them and from related skills.
    pub(super) fn requirements(&self, profile: &Profile, rng: &mut Rng) -> Vec<Requirement> {
        let mut defining = profile.defining.clone();
        shuffle(&mut defining, rng);
        let musts = (rng.range(3, 5) as usize).min(defining.len());
        let mut out: Vec<Requirement> = Vec::new();
        for (index, &(skill, level)) in defining[..musts].iter().enumerate() {
            // Past the first three, a must is a level lower: job orders
            // that ask for everything at its best find nobody.
            let min = i64::from(level) - rng.range(0, 1) - i64::from(index >= 3);
            self.require(&mut out, skill, min, Priority::Must);
        }
        let mut pool: Vec<usize> = defining[musts..].iter().map(|d| d.0).collect();
        for _ in 0..4.min(profile.related.len()) {
            pool.push(*rng.pick(&profile.related));
        }
        let nices = out.len() + rng.range(1, 4) as usize;
        for skill in pool {
            if out.len() < nices {
                let min = rng.range(2, 3);
                self.require(&mut out, skill, min, Priority::Nice);
            }
        }
        out
    }

    pub(super) fn require(
        &self,
        out: &mut Vec<Requirement>,
        skill: usize,
        min: i64,
        priority: Priority,
    ) {
        let held = self.level_of(skill, min);
        if !out.iter().any(|r| r.skill == held.skill) {
            out.push(Requirement {
                skill: held.skill,
                min_level: held.level,
                priority,
            });
        }
    }
}

pub(super) fn title(
    role: &str,
    client: &str,
    headcount: u16,
    model: HiringModel,
    rng: &mut Rng,
) -> String {
    let short = client.split_whitespace().next().unwrap_or(client);
    match rng.below(4) {
        0 if headcount > 1 => {
            let plural = if role.ends_with('s') { "" } else { "s" };
            format!("{headcount} {role}{plural} for {short}")
        }
        0 | 1 => format!("Senior {role}"),
        2 => format!("Lead {role} ({})", model.label()),
        _ => format!("{role} for the {short} {}", rng.pick(PROJECTS)),
    }
}

/// A per-person hourly budget around what the role's expected level costs.
pub(super) fn budget_for(expected: i64, rng: &mut Rng) -> Option<RateRange> {
    if rng.chance(10) {
        return None;
    }
    let raw = 30 + expected * 10 + rng.range(-10, 15);
    let min = (raw / 5 * 5).clamp(25, 140);
    let max = (min + 5 * rng.range(2, 8)).min(150);
    Some(RateRange::usd(min as u32, max as u32))
}

/// A budget in USD as the client's currency states it, in fives.
pub(super) fn in_currency(budget: RateRange, currency: &str) -> RateRange {
    if currency == budget.currency {
        return budget;
    }
    let five = |amount: u32| ((from_usd(amount, currency) + 2) / 5 * 5).max(20);
    let min = five(budget.min);
    RateRange {
        min,
        max: five(budget.max).max(min),
        currency: currency.to_string(),
    }
}

/// The bill rate agreed with the client: most engagements have one,
/// inside the budget (in fives) when there is one.
pub(super) fn bill_rate(
    budget: Option<&RateRange>,
    expected: i64,
    currency: &str,
    rng: &mut Rng,
) -> Option<HourlyRate> {
    match budget {
        Some(b) if rng.chance(85) => {
            let amount = rng.range(i64::from(b.min), i64::from(b.max)) as u32 / 5 * 5;
            Some(HourlyRate::new(amount.clamp(b.min, b.max), &b.currency))
        }
        None if rng.chance(50) => {
            let amount = from_usd((45 + expected * 12) as u32, currency) / 5 * 5;
            Some(HourlyRate::new(amount, currency))
        }
        _ => None,
    }
}
