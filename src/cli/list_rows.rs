//! What `hireterm list` prints of a candidate: the app table's cells as
//! text (aligned, or CSV) and every field as JSON; `hireterm search`
//! borrows the rate, first free day and top skills for its candidate
//! hits. Stored text is cleaned of control characters here, once.

use crate::app::records::data::Data;
use crate::catalog::Catalog;
use crate::domain::text::clean;
use crate::domain::{Candidate, Placement, RateRange, SkillId, SkillLevel, bench};
use crate::filter::{ColumnKey, Filter, Test};
use chrono::NaiveDate;
use serde::Serialize;
use std::cmp::Reverse;

/// Skills shown per candidate, as in the table's "Top skills".
pub const TOP_SKILLS: usize = 3;

/// A candidate as `list --json` prints them.
#[derive(Serialize)]
pub struct Listed {
    id: String,
    name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    email: String,
    roles: Vec<Named>,
    skills: Vec<SkillShown>,
    rate: Option<RateShown>,
    /// The first day they are free (the bench's rule), `YYYY-MM-DD`.
    available: Option<String>,
    location: String,
    timezone: String,
    /// The stage of their latest move in any pipeline.
    stage: Option<&'static str>,
}

#[derive(Serialize)]
pub struct Named {
    id: String,
    name: String,
}

#[derive(Serialize)]
pub struct SkillShown {
    id: String,
    name: String,
    level: u8,
}

#[derive(Serialize)]
pub struct RateShown {
    min: u32,
    max: u32,
    currency: String,
}

impl From<&RateRange> for RateShown {
    fn from(rate: &RateRange) -> RateShown {
        RateShown {
            min: rate.min,
            max: rate.max,
            currency: clean(&rate.currency, false),
        }
    }
}

/// Each candidate's first free day (index as in `candidates`), by the
/// bench's rule, as the filter's `avail` reads it; `None`: unknown.
pub fn first_free_days(
    candidates: &[Candidate],
    placements: &[Placement],
    today: NaiveDate,
) -> Vec<Option<NaiveDate>> {
    let everyone = 100_000; // days: anyone whose day is known
    let mut free = vec![None; candidates.len()];
    for f in bench::free_within(candidates, placements, today, everyone) {
        free[f.index] = Some(f.from);
    }
    free
}

/// The skills a filter asks for (not negated), so that they show first.
pub fn named_skills(filter: &Filter) -> Vec<SkillId> {
    let terms = filter.groups.iter().flat_map(|g| &g.any_of);
    let skills = terms.filter(|t| !t.negated).filter_map(|t| match &t.test {
        Test::Skill { skill, .. } => Some(skill.clone()),
        _ => None,
    });
    skills.collect()
}

/// Their strongest skills, those in `named` first (in that order).
pub fn top_skills<'c>(c: &'c Candidate, named: &[SkillId]) -> Vec<&'c SkillLevel> {
    let mut skills: Vec<&SkillLevel> = c.skills.iter().collect();
    let first = |s: &SkillLevel| named.iter().position(|n| *n == s.skill);
    skills.sort_by_key(|s| (first(s).unwrap_or(usize::MAX), Reverse(s.level)));
    skills.truncate(TOP_SKILLS);
    skills
}

/// Top skills with their catalog names, for JSON.
pub fn skills_shown(c: &Candidate, named: &[SkillId], catalog: &Catalog) -> Vec<SkillShown> {
    let shown = top_skills(c, named).into_iter().map(|s| SkillShown {
        id: clean(s.skill.as_str(), false),
        name: clean(catalog.skill_name(&s.skill), false),
        level: s.level.get(),
    });
    shown.collect()
}

/// One snapshot's candidates, ready to print.
pub struct Sheet<'a> {
    pub data: &'a Data,
    pub catalog: &'static Catalog,
    pub today: NaiveDate,
    pub free: Vec<Option<NaiveDate>>,
    /// Skills the filter names, shown first.
    pub named: Vec<SkillId>,
}

impl Sheet<'_> {
    /// The cell of `column` for candidate `index`, as the app's table
    /// shows it; for CSV, a missing value is empty and a day is a date.
    pub fn cell(&self, column: ColumnKey, index: u32, for_csv: bool) -> String {
        let c = &self.data.candidates()[index as usize];
        let missing = if for_csv { "" } else { "—" };
        let text = match column {
            ColumnKey::Name => c.name.clone(),
            ColumnKey::Role => c
                .primary_role()
                .map_or(missing.into(), |r| self.catalog.role_name(r).to_string()),
            ColumnKey::Skills => self.skills_text(c),
            ColumnKey::Location => c.location.to_string(),
            ColumnKey::Rate => c.rate.as_ref().map_or(missing.into(), |r| r.to_string()),
            ColumnKey::Available => match self.free[index as usize] {
                None => missing.into(),
                Some(day) if day <= self.today && !for_csv => "now".into(),
                Some(day) => day.format("%Y-%m-%d").to_string(),
            },
            ColumnKey::Stage => {
                let stage = self.data.current_stage(index as usize);
                stage.map_or(missing, |s| s.label()).to_string()
            }
        };
        clean(&text, false)
    }

    /// "Kubernetes 4 · Go 3 · Helm 3", the filter's skills first.
    fn skills_text(&self, c: &Candidate) -> String {
        let shown = top_skills(c, &self.named).into_iter().map(|s| {
            let name = self.catalog.skill_name(&s.skill);
            format!("{name} {}", s.level)
        });
        shown.collect::<Vec<_>>().join(" · ")
    }

    /// Everything `list --json` says of candidate `index`.
    pub fn listed(&self, index: u32) -> Listed {
        let c = &self.data.candidates()[index as usize];
        let text = |t: &str| clean(t, false);
        let roles = c.roles.iter().map(|r| Named {
            id: text(r.as_str()),
            name: text(self.catalog.role_name(r)),
        });
        Listed {
            id: c.id.to_string(),
            name: text(&c.name),
            email: text(&c.email),
            roles: roles.collect(),
            skills: skills_shown(c, &self.named, self.catalog),
            rate: c.rate.as_ref().map(RateShown::from),
            available: self.free[index as usize].map(|d| d.format("%Y-%m-%d").to_string()),
            location: text(&c.location.to_string()),
            timezone: text(&c.location.timezone),
            stage: self.data.current_stage(index as usize).map(|s| s.label()),
        }
    }
}
