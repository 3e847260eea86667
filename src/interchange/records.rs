//! The shapes records take in an export: candidates as the import columns,
//! the rest as close to the domain types as serde allows, with instants as
//! RFC 3339 in UTC with milliseconds and dates as YYYY-MM-DD.

use super::columns::Column;
use crate::domain::text::join_list;
use crate::domain::text::{clean, clean_line};
use crate::domain::{
    Application, Candidate, CandidateId, ClientId, Consent, EngagementId, EngagementStatus,
    HiringModel, Note, NoteId, RateRange, Recommendation, Requirement, RoleId, Scorecard, SkillId,
    Stage, StageChange, Timestamp,
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

/// Optional dates as `2026-07-01`, read back within the years an export
/// can write (see [`super::row::date`]).
pub mod ymd {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => s.serialize_some(&date.to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(text) => super::super::row::date(text.trim()).map_err(D::Error::custom),
            None => Ok(None),
        }
    }
}

/// Required dates as `2026-07-01`, read back as [`ymd`] reads them.
pub mod day {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&date.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        super::super::row::date(text.trim())
            .map_err(D::Error::custom)?
            .ok_or_else(|| D::Error::custom("the date is empty"))
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
            Column::Roles => join_list(roles(c).iter().map(String::as_str)),
            Column::Skills => skills_cell(c),
            Column::Rate => c.rate.as_ref().map(rate_text).unwrap_or_default(),
            Column::Currency => c
                .rate
                .as_ref()
                .map(|r| clean_line(&r.currency))
                .unwrap_or_default(),
            Column::AvailableFrom => c.available_from.map(|d| d.to_string()).unwrap_or_default(),
            Column::Source => c.source.label().to_string(),
            Column::Tags => join_list(cleaned(&c.tags).iter().map(String::as_str)),
            Column::Links => join_list(cleaned(&c.links).iter().map(String::as_str)),
            Column::CreatedAt => rfc3339::format(&c.created_at),
            Column::Company => clean_line(&c.company),
            Column::Title => clean_line(&c.title),
            Column::ExternalIds => join_list(external_ids(c).iter().map(String::as_str)),
            Column::ConsentGiven => consent_cell(c, |k| k.given_on.to_string()),
            Column::ConsentUntil => consent_cell(c, |k| k.until.to_string()),
            Column::ConsentSource => consent_cell(c, |k| clean_line(&k.source)),
        })
        .collect()
}

/// `system:id` items, as the importer reads them back.
fn external_ids(c: &Candidate) -> Vec<String> {
    (c.external_ids.iter())
        .map(|e| format!("{}:{}", clean_line(&e.system), clean_line(&e.id)))
        .collect()
}

fn consent_cell(c: &Candidate, cell: impl Fn(&Consent) -> String) -> String {
    c.consent.as_ref().map(cell).unwrap_or_default()
}

fn cleaned(items: &[String]) -> Vec<String> {
    items.iter().map(|i| clean_line(i)).collect()
}

/// Ids and codes are the catalog's and the store's, but an older or
/// foreign writer may have left anything in them: an export cleans them
/// like any text.
fn roles(c: &Candidate) -> Vec<String> {
    c.roles.iter().map(|r| clean_line(r.as_str())).collect()
}

fn skill_id(id: &SkillId) -> SkillId {
    SkillId::new(clean_line(id.as_str()))
}

fn clean_rate(rate: &RateRange) -> RateRange {
    RateRange {
        currency: clean_line(&rate.currency),
        ..rate.clone()
    }
}

fn skills_cell(c: &Candidate) -> String {
    let items: Vec<String> = c
        .skills
        .iter()
        .map(|s| format!("{}:{}", skill_id(&s.skill), s.level))
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
    #[serde(skip_serializing_if = "String::is_empty")]
    company: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    external_ids: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    consent_given: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    consent_until: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    consent_source: Option<String>,
    /// See `custom` for how these read back.
    #[serde(skip_serializing_if = "super::custom::Object::is_empty")]
    custom: super::custom::Object,
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
            roles: roles(c),
            skills: SkillMap(
                c.skills
                    .iter()
                    .map(|s| (skill_id(&s.skill).0.into_owned(), s.level.get()))
                    .collect(),
            ),
            rate: c.rate.as_ref().map(rate_text),
            currency: c.rate.as_ref().map(|r| clean_line(&r.currency)),
            available_from: c.available_from,
            source: c.source.label(),
            tags: cleaned(&c.tags),
            links: cleaned(&c.links),
            created_at: c.created_at,
            company: clean_line(&c.company),
            title: clean_line(&c.title),
            external_ids: external_ids(c),
            consent_given: c.consent.as_ref().map(|k| k.given_on),
            consent_until: c.consent.as_ref().map(|k| k.until),
            consent_source: c.consent.as_ref().map(|k| clean_line(&k.source)),
            custom: super::custom::Object::of(c),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EngagementRecord {
    pub id: EngagementId,
    /// The client's name, for the reader. Without `client_id` (version 1
    /// documents), the client of that name is found (or made) on import.
    pub client: String,
    /// The client's id (version 2): the client of the file it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<ClientId>,
    /// The recruiter responsible (absent from exports before schema 3).
    #[serde(default)]
    pub owner: String,
    pub title: String,
    pub role: RoleId,
    pub requirements: Vec<Requirement>,
    pub headcount: u16,
    pub budget: Option<RateRange>,
    #[serde(default)]
    pub bill_rate: Option<crate::domain::HourlyRate>,
    pub model: HiringModel,
    pub status: EngagementStatus,
    #[serde(with = "rfc3339")]
    pub opened_at: Timestamp,
    #[serde(default, with = "ymd")]
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

impl EngagementRecord {
    /// The record of `e`, whose client is called `client`.
    pub fn of(e: &crate::domain::Engagement, client: &str) -> EngagementRecord {
        EngagementRecord {
            id: e.id,
            client: clean_line(client),
            client_id: Some(e.client),
            owner: clean_line(&e.owner),
            title: clean_line(&e.title),
            role: RoleId::new(clean_line(e.role.as_str())),
            requirements: e
                .requirements
                .iter()
                .map(|r| Requirement {
                    skill: skill_id(&r.skill),
                    ..r.clone()
                })
                .collect(),
            headcount: e.headcount,
            budget: e.budget.as_ref().map(clean_rate),
            bill_rate: e
                .bill_rate
                .as_ref()
                .map(|b| crate::domain::HourlyRate::new(b.amount, &clean_line(&b.currency))),
            model: e.model,
            status: e.status,
            opened_at: e.opened_at,
            target_start: e.target_start,
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

impl From<&Scorecard> for ScorecardRecord {
    fn from(s: &Scorecard) -> ScorecardRecord {
        ScorecardRecord {
            stage: s.stage,
            author: clean_line(&s.author),
            at: s.at,
            ratings: s.ratings.iter().map(|(k, r)| (skill_id(k), *r)).collect(),
            recommendation: s.recommendation,
            notes: clean(&s.notes, true),
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
