//! One term of a filter, worked out over every candidate at once: the
//! set of candidates (by index) it holds for. Terms on a candidate's own
//! fields read the index's postings and sorted columns; terms on the
//! agency's records (pipelines, submittals, placements) walk those, which
//! are far fewer than the candidates.

use super::index::{FilterIndex, Postings};
use crate::app::records::data::Data;
use crate::domain::{CandidateId, Policy, Stage, text::fold};
use crate::filter::{Cmp, Test};
use fixedbitset::FixedBitSet;

/// What a plain word of a filter finds: the app's fuzzy search.
pub trait Words {
    /// Adds to `found` the candidates (indices) the search finds for `word`.
    fn mark_matching(&self, word: &str, found: &mut FixedBitSet);
}

/// What one test needs to be worked out.
pub struct Scope<'a> {
    pub data: &'a Data,
    pub index: &'a FilterIndex,
    pub policy: &'a Policy,
    pub words: &'a dyn Words,
}

impl Scope<'_> {
    /// The candidates `test` holds for (not negated).
    pub fn holds(&self, test: &Test) -> FixedBitSet {
        let ix = self.index;
        match test {
            Test::Role(role) => self.from(ix.roles.get(role)),
            Test::Skill { skill, cmp, level } => {
                let mut set = self.empty();
                for (at, list) in ix
                    .skills
                    .get(skill)
                    .into_iter()
                    .flat_map(|l| l.iter().enumerate())
                {
                    if cmp.holds(at as u8, level.get()) {
                        set.extend(list.iter().map(|&i| i as usize));
                    }
                }
                set
            }
            Test::Rate {
                cmp,
                amount,
                currency,
            } => self.rate(*cmp, *amount, currency.as_deref()),
            Test::Avail { cmp, day } => {
                let day = day.resolve(ix.today);
                self.column(&ix.free_from, *cmp, day)
            }
            Test::TimeZone(pattern) => self.time_zone(pattern),
            Test::Country(value) => self.from(ix.countries.get(&fold(value))),
            Test::City(value) => self.from(ix.cities.get(&fold(value))),
            Test::Tag(value) => self.from(ix.tags.get(&fold(value))),
            Test::Source(source) => self.from(ix.sources.get(source)),
            Test::Stage(stage) => self.applications(|_, s| s == *stage),
            Test::Engagement(id) => self.applications(|e, _| e == *id),
            Test::Client(name) => self.client(name),
            Test::Submitted(name) => self.submitted(name.as_deref()),
            Test::Placed(yes) => self.placed(*yes),
            Test::Waiting(yes) => self.waiting(*yes),
            Test::Margin { cmp, percent } => self.margin(*cmp, *percent),
            Test::Word(word) => {
                let mut set = self.empty();
                self.words.mark_matching(word, &mut set);
                set
            }
        }
    }

    fn empty(&self) -> FixedBitSet {
        FixedBitSet::with_capacity(self.index.len)
    }

    fn from(&self, postings: Option<&Postings>) -> FixedBitSet {
        self.ids(postings.into_iter().flatten().copied())
    }

    fn ids(&self, indices: impl IntoIterator<Item = u32>) -> FixedBitSet {
        let mut set = self.empty();
        set.extend(indices.into_iter().map(|i| i as usize));
        set
    }

    /// The candidates of a sorted column whose value compares with
    /// `limit` as `cmp` says: a binary search finds the run that passes.
    fn column<T: PartialOrd + Copy>(&self, column: &[(T, u32)], cmp: Cmp, limit: T) -> FixedBitSet {
        let below = column.partition_point(|(v, _)| *v < limit);
        let up_to = column.partition_point(|(v, _)| *v <= limit);
        let run = match cmp {
            Cmp::Lt => &column[..below],
            Cmp::Le => &column[..up_to],
            Cmp::Eq => &column[below..up_to],
            Cmp::Ge => &column[below..],
            Cmp::Gt => &column[up_to..],
        };
        self.ids(run.iter().map(|(_, i)| *i))
    }

    /// A range holds when any rate in it does: `<`/`<=` read the lowest
    /// rate, `>`/`>=` the highest, `=` both.
    fn rate(&self, cmp: Cmp, amount: u32, currency: Option<&str>) -> FixedBitSet {
        let ix = self.index;
        let fx = &self.policy.money.fx;
        let from = currency.unwrap_or(&ix.base_currency);
        let Ok(limit) = fx.convert(f64::from(amount), from, &ix.base_currency) else {
            return self.empty();
        };
        match cmp {
            Cmp::Lt | Cmp::Le => self.column(&ix.rates_by_min, cmp, limit),
            Cmp::Gt | Cmp::Ge => self.column(&ix.rates_by_max, cmp, limit),
            Cmp::Eq => {
                let mut set = self.column(&ix.rates_by_min, Cmp::Le, limit);
                set.intersect_with(&self.column(&ix.rates_by_max, Cmp::Ge, limit));
                set
            }
        }
    }

    fn time_zone(&self, pattern: &str) -> FixedBitSet {
        let options = glob::MatchOptions {
            case_sensitive: false,
            ..glob::MatchOptions::new()
        };
        let Ok(pattern) = glob::Pattern::new(&fold(pattern)) else {
            return self.empty();
        };
        let mut set = self.empty();
        for (zone, list) in &self.index.time_zones {
            if pattern.matches_with(zone, options) {
                set.extend(list.iter().map(|&i| i as usize));
            }
        }
        set
    }

    /// Candidates with an application passing `keep(engagement, stage)`.
    fn applications(
        &self,
        keep: impl Fn(crate::domain::EngagementId, Stage) -> bool,
    ) -> FixedBitSet {
        let data = self.data;
        let ids = data
            .engagements()
            .iter()
            .flat_map(|e| data.pipeline(e.id))
            .filter(|a| keep(a.engagement, a.stage))
            .map(|a| a.candidate);
        self.candidates(ids)
    }

    fn candidates(&self, ids: impl Iterator<Item = CandidateId>) -> FixedBitSet {
        let data = self.data;
        self.ids(ids.filter_map(|id| data.index_of(id)).map(|i| i as u32))
    }

    /// Clients whose folded name contains `name` (folded).
    fn client_matches(&self, id: crate::domain::ClientId, name: &str) -> bool {
        let agency = self.data.agency();
        agency
            .client(id)
            .is_some_and(|c| fold(&c.name).contains(&fold(name)))
    }

    fn client(&self, name: &str) -> FixedBitSet {
        let data = self.data;
        let ids = data
            .engagements()
            .iter()
            .filter(|e| self.client_matches(e.client, name))
            .flat_map(|e| data.pipeline(e.id))
            .map(|a| a.candidate);
        self.candidates(ids)
    }

    fn submitted(&self, name: Option<&str>) -> FixedBitSet {
        let submittals = self.data.agency().submittals();
        let ids = submittals
            .iter()
            .filter(|s| name.is_none_or(|n| self.client_matches(s.client, n)))
            .map(|s| s.candidate);
        self.candidates(ids)
    }

    fn placed(&self, yes: bool) -> FixedBitSet {
        let today = self.index.today;
        let placements = self.data.agency().placements();
        let seated = placements
            .iter()
            .filter(|p| p.is_active(today))
            .map(|p| p.candidate);
        let mut set = self.candidates(seated);
        if !yes {
            set.toggle_range(..);
        }
        set
    }

    /// Candidates with a submittal the client still owes an answer on.
    fn waiting(&self, yes: bool) -> FixedBitSet {
        let submittals = self.data.agency().submittals();
        let owed = submittals
            .iter()
            .filter(|s| s.awaits_answer())
            .map(|s| s.candidate);
        let mut set = self.candidates(owed);
        if !yes {
            set.toggle_range(..);
        }
        set
    }

    /// Each candidate's current placement, else their latest, judged by
    /// its gross margin in whole percent.
    fn margin(&self, cmp: Cmp, percent: u32) -> FixedBitSet {
        let today = self.index.today;
        let mut latest: std::collections::HashMap<CandidateId, &crate::domain::Placement> =
            std::collections::HashMap::new();
        for p in self.data.agency().placements() {
            let slot = latest.entry(p.candidate).or_insert(p);
            if p.is_active(today) || !slot.is_active(today) && p.terms().start >= slot.terms().start
            {
                *slot = p;
            }
        }
        let money = &self.policy.money;
        let ids = latest.into_iter().filter_map(|(id, p)| {
            let terms = p.terms();
            let gross = money.margin(&terms.bill, &terms.pay).ok()?.gross?;
            cmp.holds(gross * 100.0, f64::from(percent)).then_some(id)
        });
        self.candidates(ids)
    }
}

impl Words for crate::search::SearchIndex {
    fn mark_matching(&self, word: &str, found: &mut FixedBitSet) {
        self.mark_candidates(word, |i| found.insert(i as usize));
    }
}
