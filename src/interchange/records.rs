//! The shapes records take in an export: candidates as the import columns,
//! the rest as close to the domain types as serde allows, with instants as
//! RFC 3339 in UTC with milliseconds and dates as YYYY-MM-DD.

use super::columns::Column;
use super::fields::join_list;
use crate::domain::text::{clean, clean_line};
use crate::domain::{
    Application, Candidate, CandidateId, EngagementId, EngagementStatus, HiringModel, Note, NoteId,
    RateRange, Recommendation, Requirement, RoleId, Scorecard, SkillId, Stage, StageChange,
    Timestamp,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Instants as `2026-06-01T09:00:00.000Z`: fixed width, so exports compare
/// byte for byte.
pub mod rfc3339 {
    use crate::domain::Timestamp;
    use chrono::SecondsFormat;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn format(at: &Timestamp) -> String {
        at.to_rfc3339_opts(SecondsFormat::Millis, true)
    }

    pub fn serialize<S: Serializer>(at: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(at))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let text = String::deserialize(d)?;
        super::super::row::timestamp(&text)
            .map_err(D::Error::custom)?
            .ok_or_else(|| D::Error::custom("the time is empty"))
    }
}

/// A candidate's values under the import column names, as text: one CSV
/// row, in [`Column::ALL`] order.
pub fn candidate_cells(c: &Candidate) -> Vec<String> {
    Column::ALL
        .iter()
        .map(|column| match column {
            Column::Id => c.id.0.to_string(),
            Column::Name => clean_line(&c.name),
            Column::Email => clean_line(&c.email),
            Column::Phone => clean_line(c.phone.as_deref().unwrap_or("")),
            Column::City => clean_line(&c.location.city),
            Column::Country => clean_line(&c.location.country),
            Column::Timezone => clean_line(&c.location.timezone),
            Column::Roles => join_list(c.roles.iter().map(RoleId::as_str)),
            Column::Skills => skills_cell(c),
            Column::Rate => c.rate.as_ref().map(rate_text).unwrap_or_default(),
            Column::Currency => c
                .rate
                .as_ref()
                .map(|r| r.currency.clone())
                .unwrap_or_default(),
            Column::AvailableFrom => c.available_from.map(|d| d.to_string()).unwrap_or_default(),
            Column::Source => c.source.label().to_string(),
            Column::Tags => join_list(cleaned(&c.tags).iter().map(String::as_str)),
            Column::Links => join_list(cleaned(&c.links).iter().map(String::as_str)),
            Column::CreatedAt => rfc3339::format(&c.created_at),
        })
        .collect()
}

fn cleaned(items: &[String]) -> Vec<String> {
    items.iter().map(|i| clean_line(i)).collect()
}

fn skills_cell(c: &Candidate) -> String {
    let items: Vec<String> = c
        .skills
        .iter()
        .map(|s| format!("{}:{}", s.skill, s.level))
        .collect();
    join_list(items.iter().map(String::as_str))
}

/// `80` or `60-90`, as the importer reads it back.
pub fn rate_text(rate: &RateRange) -> String {
    if rate.min == rate.max {
        rate.min.to_string()
    } else {
        format!("{}-{}", rate.min, rate.max)
    }
}

/// A candidate as a JSON object with the import field names; lists as
/// arrays, skills as an object in the candidate's order.
#[derive(Serialize)]
pub struct CandidateJson {
    id: u64,
    name: String,
    email: String,
    phone: Option<String>,
    city: String,
    country: String,
    timezone: String,
    roles: Vec<String>,
    skills: SkillMap,
    rate: Option<String>,
    currency: Option<String>,
    available_from: Option<NaiveDate>,
    source: &'static str,
    tags: Vec<String>,
    links: Vec<String>,
    #[serde(with = "rfc3339")]
    created_at: Timestamp,
}

/// Skills serialised as `{"kubernetes": 4, ...}` in the stored order.
struct SkillMap(Vec<(String, u8)>);

impl Serialize for SkillMap {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl From<&Candidate> for CandidateJson {
    fn from(c: &Candidate) -> CandidateJson {
        let phone = c.phone.as_deref().map(clean_line).filter(|p| !p.is_empty());
        CandidateJson {
            id: c.id.0,
            name: clean_line(&c.name),
            email: clean_line(&c.email),
            phone,
            city: clean_line(&c.location.city),
            country: clean_line(&c.location.country),
            timezone: clean_line(&c.location.timezone),
            roles: c.roles.iter().map(|r| r.0.clone()).collect(),
            skills: SkillMap(
                c.skills
                    .iter()
                    .map(|s| (s.skill.0.clone(), s.level.get()))
                    .collect(),
            ),
            rate: c.rate.as_ref().map(rate_text),
            currency: c.rate.as_ref().map(|r| r.currency.clone()),
            available_from: c.available_from,
            source: c.source.label(),
            tags: cleaned(&c.tags),
            links: cleaned(&c.links),
            created_at: c.created_at,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EngagementRecord {
    pub id: EngagementId,
    pub client: String,
    pub title: String,
    pub role: RoleId,
    pub requirements: Vec<Requirement>,
    pub headcount: u16,
    pub budget: Option<RateRange>,
    pub model: HiringModel,
    pub status: EngagementStatus,
    #[serde(with = "rfc3339")]
    pub opened_at: Timestamp,
    pub target_start: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationRecord {
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    pub stage: Stage,
    pub history: Vec<ChangeRecord>,
    pub scorecards: Vec<ScorecardRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeRecord {
    pub from: Option<Stage>,
    pub to: Stage,
    #[serde(with = "rfc3339")]
    pub at: Timestamp,
    pub actor: String,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScorecardRecord {
    pub stage: Stage,
    pub author: String,
    #[serde(with = "rfc3339")]
    pub at: Timestamp,
    pub ratings: Vec<(SkillId, u8)>,
    pub recommendation: Recommendation,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRecord {
    pub id: NoteId,
    pub candidate: CandidateId,
    pub engagement: Option<EngagementId>,
    #[serde(with = "rfc3339")]
    pub at: Timestamp,
    pub author: String,
    pub text: String,
}

impl From<&crate::domain::Engagement> for EngagementRecord {
    fn from(e: &crate::domain::Engagement) -> EngagementRecord {
        EngagementRecord {
            id: e.id,
            client: clean_line(&e.client),
            title: clean_line(&e.title),
            role: e.role.clone(),
            requirements: e.requirements.clone(),
            headcount: e.headcount,
            budget: e.budget.clone(),
            model: e.model,
            status: e.status,
            opened_at: e.opened_at,
            target_start: e.target_start,
        }
    }
}

impl EngagementRecord {
    pub fn into_domain(self) -> crate::domain::Engagement {
        crate::domain::Engagement {
            id: self.id,
            client: clean_line(&self.client),
            title: clean_line(&self.title),
            role: self.role,
            requirements: self.requirements,
            headcount: self.headcount,
            budget: self.budget,
            model: self.model,
            status: self.status,
            opened_at: self.opened_at,
            target_start: self.target_start,
        }
    }
}

impl From<&Application> for ApplicationRecord {
    fn from(a: &Application) -> ApplicationRecord {
        ApplicationRecord {
            engagement: a.engagement,
            candidate: a.candidate,
            stage: a.stage,
            history: a.history.iter().map(ChangeRecord::from).collect(),
            scorecards: a.scorecards.iter().map(ScorecardRecord::from).collect(),
        }
    }
}

impl ApplicationRecord {
    pub fn into_domain(self) -> Application {
        Application {
            engagement: self.engagement,
            candidate: self.candidate,
            stage: self.stage,
            history: self
                .history
                .into_iter()
                .map(ChangeRecord::into_domain)
                .collect(),
            scorecards: self
                .scorecards
                .into_iter()
                .map(ScorecardRecord::into_domain)
                .collect(),
        }
    }
}

impl From<&StageChange> for ChangeRecord {
    fn from(c: &StageChange) -> ChangeRecord {
        ChangeRecord {
            from: c.from,
            to: c.to,
            at: c.at,
            actor: clean_line(&c.actor),
            reason: c.reason.as_deref().map(clean_line),
        }
    }
}

impl ChangeRecord {
    fn into_domain(self) -> StageChange {
        StageChange {
            from: self.from,
            to: self.to,
            at: self.at,
            actor: clean_line(&self.actor),
            reason: self.reason.as_deref().map(clean_line),
        }
    }
}

impl From<&Scorecard> for ScorecardRecord {
    fn from(s: &Scorecard) -> ScorecardRecord {
        ScorecardRecord {
            stage: s.stage,
            author: clean_line(&s.author),
            at: s.at,
            ratings: s.ratings.clone(),
            recommendation: s.recommendation,
            notes: clean(&s.notes, true),
        }
    }
}

impl ScorecardRecord {
    fn into_domain(self) -> Scorecard {
        Scorecard {
            stage: self.stage,
            author: clean_line(&self.author),
            at: self.at,
            ratings: self.ratings,
            recommendation: self.recommendation,
            notes: clean(&self.notes, true),
        }
    }
}

impl From<&Note> for NoteRecord {
    fn from(n: &Note) -> NoteRecord {
        NoteRecord {
            id: n.id,
            candidate: n.candidate,
            engagement: n.engagement,
            at: n.at,
            author: clean_line(&n.author),
            text: clean(&n.text, true),
        }
    }
}

impl NoteRecord {
    pub fn into_domain(self) -> Note {
        Note {
            id: self.id,
            candidate: self.candidate,
            engagement: self.engagement,
            at: self.at,
            author: clean_line(&self.author),
            text: clean(&self.text, true),
        }
    }
}
