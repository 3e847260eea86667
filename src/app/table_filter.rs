//! The filter on the candidates table: the parsed filter, its canonical
//! text for the header, and an order of its own ("best fit first") that a
//! filter set from the palette keeps until the user sorts. Also which
//! skills the table's "Top skills" column shows first.

use crate::catalog::Catalog;
use crate::domain::text::grouped;
use crate::domain::{Candidate, Engagement, Priority, RoleId, SkillId, role_fit};
use crate::filter::{Filter, Test};

/// A filter the table shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveFilter {
    pub filter: Filter,
    /// `role:devops skill:kubernetes>=4`: the filter's canonical text.
    pub text: String,
    /// The rows' order while the filter keeps it and the user has not
    /// sorted; `None`: the table's sort.
    pub ranking: Option<Ranking>,
}

/// An order a filter brings with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ranking {
    /// Best fit to the role's defining skills first (a role from the
    /// palette).
    RoleFit(RoleId),
    /// Highest level first (a skill from the palette).
    SkillLevel(SkillId),
}

impl ActiveFilter {
    pub fn new(filter: Filter) -> ActiveFilter {
        ActiveFilter {
            text: filter.to_string(),
            filter,
            ranking: None,
        }
    }

    /// The filter with its order, if the filter still asks for what the
    /// order ranks (a refined `role:devops` keeps best fit first).
    pub fn ranked(mut self, ranking: Option<Ranking>) -> ActiveFilter {
        self.ranking = ranking.filter(|r| r.fits(&self.filter));
        self
    }

    /// "best fit first", while the filter's own order holds.
    pub fn ordered_by(&self) -> Option<&'static str> {
        self.ranking.as_ref().map(Ranking::label)
    }
}

impl Ranking {
    pub fn label(&self) -> &'static str {
        match self {
            Ranking::RoleFit(_) => "best fit first",
            Ranking::SkillLevel(_) => "highest level first",
        }
    }

    /// Whether `filter` holds a plain term on what this ranks.
    fn fits(&self, filter: &Filter) -> bool {
        plain_tests(filter).any(|test| match (self, test) {
            (Ranking::RoleFit(role), Test::Role(r)) => r == role,
            (Ranking::SkillLevel(skill), Test::Skill { skill: s, .. }) => s == skill,
            _ => false,
        })
    }

    /// A candidate's rank, higher first.
    pub fn rank(&self, candidate: &Candidate, catalog: &Catalog) -> u8 {
        match self {
            Ranking::RoleFit(role) => catalog.role(role).map_or(0, |r| role_fit(candidate, r)),
            Ranking::SkillLevel(skill) => candidate.level(skill).get(),
        }
    }
}

/// The tests of the terms that must hold by themselves: not negated, not
/// one of several alternatives.
fn plain_tests(filter: &Filter) -> impl Iterator<Item = &Test> {
    let alone = filter.groups.iter().filter(|g| g.any_of.len() == 1);
    alone
        .flat_map(|g| &g.any_of)
        .filter(|t| !t.negated)
        .map(|t| &t.test)
}

/// The skills "Top skills" shows first: those the filter names (any term
/// not negated), else the engagement's requirements, musts first.
pub fn focus_skills(
    filter: Option<&ActiveFilter>,
    engagement: Option<&Engagement>,
) -> Vec<SkillId> {
    let mut named: Vec<SkillId> = Vec::new();
    let terms = filter.into_iter().flat_map(|f| &f.filter.groups);
    for term in terms.flat_map(|g| &g.any_of).filter(|t| !t.negated) {
        if let Test::Skill { skill, .. } = &term.test
            && !named.contains(skill)
        {
            named.push(skill.clone());
        }
    }
    if !named.is_empty() {
        return named;
    }
    let Some(engagement) = engagement else {
        return named;
    };
    let by = |priority: Priority| {
        let wanted = engagement.requirements.iter();
        wanted
            .filter(move |r| r.priority == priority)
            .map(|r| r.skill.clone())
    };
    by(Priority::Must).chain(by(Priority::Nice)).collect()
}

/// "37 of 3,000": how many a filter lets through, of everyone.
pub fn count_of(shown: usize, total: usize) -> String {
    format!("{} of {}", grouped(shown as i64), grouped(total as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> ActiveFilter {
        ActiveFilter::new(crate::filter::parse(text, Catalog::builtin()).unwrap_or_default())
    }

    #[test]
    fn a_ranking_stays_while_the_filter_asks_for_its_role() {
        let devops = Some(Ranking::RoleFit(RoleId::new("devops")));
        let refined = parsed("role:sre rate<=80").ranked(devops.clone());
        assert_eq!(refined.ordered_by(), Some("best fit first"));
        assert_eq!(refined.text, "role:devops rate<=80");
        for text in ["-role:devops", "role:devops or role:backend", "rate<=80"] {
            assert_eq!(parsed(text).ranked(devops.clone()).ranking, None, "{text}");
        }
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(count_of(37, 3000), "37 of 3,000");
        assert_eq!(count_of(0, 100_000), "0 of 100,000");
        assert_eq!(count_of(999, 1_234_567), "999 of 1,234,567");
    }

    #[test]
    fn the_skills_a_filter_names_come_first() {
        let filter = parsed("skill:k8s>=4 -skill:java skill:go or skill:rust");
        let focus = focus_skills(Some(&filter), None);
        let ids: Vec<&str> = focus.iter().map(|s| s.as_str()).collect();
        assert_eq!(ids, ["kubernetes", "go", "rust"]);
        assert!(focus_skills(Some(&parsed("rate<=80")), None).is_empty());
    }
}
