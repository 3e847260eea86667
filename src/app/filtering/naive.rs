//! The filter worked out the slow, obvious way: every term tested on every
//! candidate, nothing kept between calls. The benchmark's baseline, and
//! the tests' second opinion on the indexed `Finder`.

use crate::app::records::data::Data;
use crate::catalog::Catalog;
use crate::domain::{Candidate, Policy, bench, text::fold};
use crate::filter::{Cmp, Filter, Test};
use chrono::NaiveDate;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// The indices of the candidates `filter` lets through, in order.
pub fn select(filter: &Filter, data: &Data, policy: &Policy, today: NaiveDate) -> Vec<u32> {
    let far = 100_000;
    let placements = data.agency().placements();
    let mut free: Vec<Option<NaiveDate>> = vec![None; data.candidates().len()];
    for f in bench::free_within(data.candidates(), placements, today, far) {
        free[f.index] = Some(f.from);
    }
    let ask = Ask {
        data,
        policy,
        today,
        matcher: SkimMatcherV2::default(),
    };
    (0..data.candidates().len())
        .filter(|&i| {
            filter.groups.iter().all(|g| {
                g.any_of
                    .iter()
                    .any(|t| ask.holds(&t.test, i, free[i]) != t.negated)
            })
        })
        .map(|i| i as u32)
        .collect()
}

struct Ask<'a> {
    data: &'a Data,
    policy: &'a Policy,
    today: NaiveDate,
    matcher: SkimMatcherV2,
}

impl Ask<'_> {
    fn holds(&self, test: &Test, i: usize, free: Option<NaiveDate>) -> bool {
        let c = &self.data.candidates()[i];
        match test {
            Test::Role(role) => c.roles.contains(role),
            Test::Skill { skill, cmp, level } => c
                .skills
                .iter()
                .any(|s| &s.skill == skill && cmp.holds(s.level, *level)),
            Test::Rate {
                cmp,
                amount,
                currency,
            } => self.rate(c, *cmp, *amount, currency.as_deref()),
            Test::Avail { cmp, day } => free.is_some_and(|f| cmp.holds(f, day.resolve(self.today))),
            Test::TimeZone(pattern) => glob::Pattern::new(&fold(pattern))
                .is_ok_and(|p| p.matches(&fold(&c.location.timezone))),
            Test::Country(v) => fold(&c.location.country) == fold(v),
            Test::City(v) => fold(&c.location.city) == fold(v),
            Test::Tag(v) => c.tags.iter().any(|t| fold(t) == fold(v)),
            Test::Source(s) => c.source == *s,
            Test::Stage(stage) => self.apps(c).any(|a| a.stage == *stage),
            Test::Engagement(id) => self.apps(c).any(|a| a.engagement == *id),
            Test::Client(name) => self.apps(c).any(|a| self.client_of(a.engagement, name)),
            Test::Submitted(name) => self.submitted(c, name.as_deref()),
            Test::Placed(yes) => self.seated(c) == *yes,
            Test::Waiting(yes) => self.waiting(c) == *yes,
            Test::Margin { cmp, percent } => self.margin(c, *cmp, *percent),
            Test::Word(word) => self.word(c, word),
        }
    }

    fn rate(&self, c: &Candidate, cmp: Cmp, amount: u32, currency: Option<&str>) -> bool {
        let Some(rate) = &c.rate else { return false };
        let fx = &self.policy.money.fx;
        let to = currency.unwrap_or(fx.base());
        let in_term = |v: u32| fx.convert(f64::from(v), &rate.currency, to).ok();
        let (Some(min), Some(max)) = (in_term(rate.min), in_term(rate.max)) else {
            return false;
        };
        let limit = f64::from(amount);
        match cmp {
            Cmp::Lt | Cmp::Le => cmp.holds(min, limit),
            Cmp::Gt | Cmp::Ge => cmp.holds(max, limit),
            Cmp::Eq => min <= limit && limit <= max,
        }
    }

    fn apps<'c>(
        &'c self,
        c: &'c Candidate,
    ) -> impl Iterator<Item = &'c crate::domain::Application> {
        self.data
            .engagements()
            .iter()
            .flat_map(|e| self.data.pipeline(e.id))
            .filter(move |a| a.candidate == c.id)
    }

    fn client_named(&self, id: crate::domain::ClientId, name: &str) -> bool {
        let client = self.data.agency().client(id);
        client.is_some_and(|c| fold(&c.name).contains(&fold(name)))
    }

    fn client_of(&self, engagement: crate::domain::EngagementId, name: &str) -> bool {
        let e = self.data.engagement(engagement);
        e.is_some_and(|e| self.client_named(e.client, name))
    }

    fn submitted(&self, c: &Candidate, name: Option<&str>) -> bool {
        let all = self.data.agency().submittals();
        all.iter()
            .any(|s| s.candidate == c.id && name.is_none_or(|n| self.client_named(s.client, n)))
    }

    fn waiting(&self, c: &Candidate) -> bool {
        let all = self.data.agency().submittals();
        all.iter().any(|s| s.candidate == c.id && s.awaits_answer())
    }

    fn seated(&self, c: &Candidate) -> bool {
        let all = self.data.agency().placements();
        all.iter()
            .any(|p| p.candidate == c.id && p.is_active(self.today))
    }

    fn margin(&self, c: &Candidate, cmp: Cmp, percent: u32) -> bool {
        let all = self.data.agency().placements();
        let mine = all.iter().filter(|p| p.candidate == c.id);
        let current = mine.clone().find(|p| p.is_active(self.today));
        let latest = mine.max_by_key(|p| p.terms().start);
        let Some(p) = current.or(latest) else {
            return false;
        };
        let terms = p.terms();
        let gross = self
            .policy
            .money
            .margin(&terms.bill, &terms.pay)
            .ok()
            .and_then(|m| m.gross);
        gross.is_some_and(|g| cmp.holds(g * 100.0, f64::from(percent)))
    }

    /// The fuzzy matcher over everything the search indexes of a person.
    fn word(&self, c: &Candidate, word: &str) -> bool {
        let catalog = Catalog::builtin();
        let roles = c.roles.iter().map(|r| catalog.role_name(r));
        let skills = c.skills.iter().map(|s| catalog.skill_name(&s.skill));
        let text = [
            c.name.as_str(),
            &c.location.city,
            &c.location.country,
            &c.email,
        ]
        .into_iter()
        .chain(c.tags.iter().map(String::as_str))
        .chain(roles)
        .chain(skills)
        .collect::<Vec<_>>()
        .join(" ");
        self.matcher
            .fuzzy_match(&fold(&text), &fold(word))
            .is_some()
    }
}
