//! Engagements across role types, clients and hiring models.

use super::*;
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

    /// Every client of the demo, ids 1..=k in the order of `CLIENTS`.
    pub(super) fn clients(&self) -> Vec<Client> {
        CLIENTS
            .iter()
            .enumerate()
            .map(|(i, name)| Client {
                id: ClientId(i as u64 + 1),
                name: name.to_string(),
                contacts: Vec::new(),
                notes: String::new(),
                created_at: self.ago(120 * DAY),
            })
            .collect()
    }

    pub(super) fn engagement(&self, index: usize, role: usize, model: HiringModel) -> Engagement {
        let mut rng = Rng::new(self.seed, KIND_ENGAGEMENT, index as u64);
        let client = *rng.pick(CLIENTS);
        let client_index = CLIENTS.iter().position(|c| *c == client).unwrap_or(0);
        let headcount = rng.weighted(&[40, 30, 15, 10, 5]) as u16 + 1;
        let (profile, role) = (&self.profiles[role], &self.catalog.roles()[role]);
        // The first two are the oldest and open, so that the stuck
        // applications the demo promises have room to be stuck in.
        let days_open = if index < 2 { (40, 60) } else { (1, 60) };
        let opened_at = self.ago(rng.range(days_open.0 * DAY, days_open.1 * DAY));
        let status = if index < 2 {
            EngagementStatus::Open
        } else {
            STATUSES[rng.weighted(&[70, 12, 10, 8])]
        };
        Engagement {
            id: EngagementId(index as u64 + 1),
            client: ClientId(client_index as u64 + 1),
            owner: OWNERS[index % OWNERS.len()].to_string(),
            title: title(&role.name, client, headcount, model, &mut rng),
            role: role.id.clone(),
            requirements: self.requirements(profile, &mut rng),
            headcount,
            budget: budget_for(profile.expected_level(), &mut rng),
            bill_rate: None,
            model,
            status,
            opened_at,
            target_start: Some(opened_at.date_naive() + TimeDelta::days(rng.range(14, 60))),
        }
    }

    /// 3-5 musts from the role's defining skills, 1-4 nice-to-haves from the
    /// rest of them and from related skills.
    pub(super) fn requirements(&self, profile: &Profile, rng: &mut Rng) -> Vec<Requirement> {
        let mut defining = profile.defining.clone();
        shuffle(&mut defining, rng);
        let musts = (rng.range(3, 5) as usize).min(defining.len());
        let mut out: Vec<Requirement> = Vec::new();
        for &(skill, level) in &defining[..musts] {
            let min = i64::from(level) - rng.range(0, 1);
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
