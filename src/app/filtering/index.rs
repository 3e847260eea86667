//! What the filter reads, laid out for it once per change of the records:
//! postings (which candidates hold a role, a skill at a level, a tag, a
//! place) and sorted columns (rate, first free day), so that a term costs
//! what it matches, not a walk over every candidate.

use crate::app::records::data::Data;
use crate::domain::{Candidate, Policy, RoleId, SkillId, Source, bench, text::fold};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Candidate indices (into `Data::candidates`), ascending.
pub type Postings = Vec<u32>;

pub struct FilterIndex {
    pub len: usize,
    pub today: NaiveDate,
    /// The currency rates are kept in.
    pub base_currency: String,
    pub roles: HashMap<RoleId, Postings>,
    /// Per skill, the candidates at each level 0-5.
    pub skills: HashMap<SkillId, [Postings; 6]>,
    /// (lowest rate in the base currency, index), by rate.
    pub rates_by_min: Vec<(f64, u32)>,
    /// (highest rate in the base currency, index), by rate.
    pub rates_by_max: Vec<(f64, u32)>,
    /// (first free day, index), by day: the bench's rule.
    pub free_from: Vec<(NaiveDate, u32)>,
    /// Folded value to postings.
    pub time_zones: HashMap<String, Postings>,
    pub countries: HashMap<String, Postings>,
    pub cities: HashMap<String, Postings>,
    pub tags: HashMap<String, Postings>,
    pub sources: HashMap<Source, Postings>,
}

impl FilterIndex {
    pub fn build(data: &Data, policy: &Policy, today: NaiveDate) -> FilterIndex {
        let candidates = data.candidates();
        let base_currency = policy.money.fx.base().to_string();
        let mut index = FilterIndex {
            len: candidates.len(),
            today,
            base_currency,
            roles: HashMap::new(),
            skills: HashMap::new(),
            rates_by_min: Vec::new(),
            rates_by_max: Vec::new(),
            free_from: free_days(data, today),
            time_zones: HashMap::new(),
            countries: HashMap::new(),
            cities: HashMap::new(),
            tags: HashMap::new(),
            sources: HashMap::new(),
        };
        for (i, c) in candidates.iter().enumerate() {
            index.add(i as u32, c, policy);
        }
        index.rates_by_min.sort_by(|a, b| a.0.total_cmp(&b.0));
        index.rates_by_max.sort_by(|a, b| a.0.total_cmp(&b.0));
        index
    }

    fn add(&mut self, i: u32, c: &Candidate, policy: &Policy) {
        for role in &c.roles {
            self.roles.entry(role.clone()).or_default().push(i);
        }
        for held in &c.skills {
            let levels = self.skills.entry(held.skill.clone()).or_default();
            levels[usize::from(held.level.get())].push(i);
        }
        if let Some((min, max)) = rate_in(c, policy, &self.base_currency) {
            self.rates_by_min.push((min, i));
            self.rates_by_max.push((max, i));
        }
        push_text(&mut self.time_zones, &c.location.timezone, i);
        push_text(&mut self.countries, &c.location.country, i);
        push_text(&mut self.cities, &c.location.city, i);
        for tag in &c.tags {
            push_text(&mut self.tags, tag, i);
        }
        self.sources.entry(c.source).or_default().push(i);
    }
}

/// A candidate's rate range in `base`; `None` without a rate, or in a
/// currency with no exchange rate (such a candidate matches no rate term
/// rather than a wrong one).
fn rate_in(c: &Candidate, policy: &Policy, base: &str) -> Option<(f64, f64)> {
    let rate = c.rate.as_ref()?;
    let fx = &policy.money.fx;
    let min = fx.convert(f64::from(rate.min), &rate.currency, base).ok()?;
    let max = fx.convert(f64::from(rate.max), &rate.currency, base).ok()?;
    Some((min, max))
}

fn push_text(map: &mut HashMap<String, Postings>, value: &str, i: u32) {
    let folded = fold(value.trim());
    if folded.is_empty() {
        return;
    }
    let list = map.entry(folded).or_default();
    if list.last() != Some(&i) {
        list.push(i);
    }
}

/// Everyone's first free day, by the bench's rule, sorted by day.
fn free_days(data: &Data, today: NaiveDate) -> Vec<(NaiveDate, u32)> {
    // Anyone free within three centuries: everyone whose day is known.
    let everyone = 100_000;
    let placements = data.agency().placements();
    let mut days: Vec<(NaiveDate, u32)> =
        bench::free_within(data.candidates(), placements, today, everyone)
            .into_iter()
            .map(|free| (free.from, free.index as u32))
            .collect();
    days.sort_unstable();
    days
}
