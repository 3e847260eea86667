//! Older record layouts and how they become current ones.
//!
//! Records are migrated lazily when read, and the whole database is rewritten
//! at the current version when it is opened (see `Store::open`), so old
//! layouts only ever need reading here.

use super::codec::{self, CodecError};
use crate::domain::client::same_name;
use crate::domain::text::clean_line;
use crate::domain::time::{self, Timestamp};
use crate::domain::{
    Candidate, CandidateId, Client, ClientId, Engagement, EngagementId, EngagementStatus,
    HiringModel, Location, RateRange, Requirement, RoleId, SkillLevel, Source,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A candidate as schema v1 stored it: one USD hourly rate, no links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateV1 {
    pub id: CandidateId,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub location: Location,
    pub roles: Vec<RoleId>,
    pub skills: Vec<SkillLevel>,
    pub rate_usd: Option<u32>,
    #[serde(with = "time::days::option")]
    pub available_from: Option<NaiveDate>,
    pub source: Source,
    pub tags: Vec<String>,
    #[serde(with = "time::millis")]
    pub created_at: Timestamp,
}

impl From<CandidateV1> for Candidate {
    fn from(old: CandidateV1) -> Candidate {
        Candidate {
            id: old.id,
            name: old.name,
            email: old.email,
            phone: old.phone,
            location: old.location,
            roles: old.roles,
            skills: old.skills,
            rate: old.rate_usd.map(|rate| RateRange::usd(rate, rate)),
            available_from: old.available_from,
            source: old.source,
            tags: old.tags,
            links: Vec::new(),
            created_at: old.created_at,
            company: String::new(),
            title: String::new(),
            external_ids: Vec::new(),
            custom: Vec::new(),
            consent: None,
        }
    }
}

pub fn candidate_from_v1(payload: &[u8]) -> Result<Candidate, CodecError> {
    codec::decode_payload::<CandidateV1>(payload).map(Candidate::from)
}

/// An engagement as schemas v1 and v2 stored it: its client a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EngagementV2 {
    pub id: EngagementId,
    pub client: String,
    pub title: String,
    pub role: RoleId,
    pub requirements: Vec<Requirement>,
    pub headcount: u16,
    pub budget: Option<RateRange>,
    pub model: HiringModel,
    pub status: EngagementStatus,
    #[serde(with = "time::millis")]
    pub opened_at: Timestamp,
    #[serde(with = "time::days::option")]
    pub target_start: Option<NaiveDate>,
}

/// The client an engagement with no client name is given: the firm's own
/// openings.
pub const INTERNAL_CLIENT: &str = "Internal";

/// Engagements of schema v2 as v3 holds them: a client record for each
/// distinct name (names compared folded, the first spelling kept; an
/// empty one becomes [`INTERNAL_CLIENT`]), one of `existing` if it has
/// that name, else a new one numbered from `first_id` in order of first
/// appearance, created when the first of its engagements opened. The
/// owner is not known (empty) and there is no bill rate yet. Returns the
/// new clients and the engagements.
pub fn engagements_from_v2(
    old: Vec<EngagementV2>,
    existing: &[Client],
    first_id: u64,
) -> (Vec<Client>, Vec<Engagement>) {
    let mut clients: Vec<Client> = existing.to_vec();
    let mut engagements = Vec::with_capacity(old.len());
    for e in old {
        let name = match clean_line(&e.client) {
            empty if empty.is_empty() => INTERNAL_CLIENT.to_string(),
            name => name,
        };
        let client = match clients.iter().find(|c| same_name(&c.name, &name)) {
            Some(client) => client.id,
            None => {
                let id = ClientId(first_id + (clients.len() - existing.len()) as u64);
                clients.push(Client {
                    id,
                    name,
                    contacts: Vec::new(),
                    notes: String::new(),
                    created_at: e.opened_at,
                });
                id
            }
        };
        engagements.push(Engagement {
            id: e.id,
            client,
            owner: String::new(),
            title: e.title,
            role: e.role,
            requirements: e.requirements,
            headcount: e.headcount,
            budget: e.budget,
            bill_rate: None,
            model: e.model,
            status: e.status,
            opened_at: e.opened_at,
            target_start: e.target_start,
        });
    }
    (clients.split_off(existing.len()), engagements)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn v2(id: u64, client: &str) -> EngagementV2 {
        EngagementV2 {
            id: EngagementId(id),
            client: client.into(),
            title: format!("Job {id}"),
            role: RoleId::new("devops"),
            requirements: Vec::new(),
            headcount: 1,
            budget: None,
            model: HiringModel::FullTime,
            status: EngagementStatus::Open,
            opened_at: Utc.timestamp_opt(1_700_000_000 + id as i64, 0).unwrap(),
            target_start: None,
        }
    }

    #[test]
    fn each_distinct_client_name_becomes_one_client() {
        let old = vec![
            v2(1, "Acme"),
            v2(2, " ACME "),
            v2(3, ""),
            v2(4, "Zürich Re"),
            v2(5, "zurich re"),
        ];
        let (clients, engagements) = engagements_from_v2(old, &[], 1);
        let names: Vec<&str> = clients.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Acme", "Internal", "Zürich Re"]);
        let links: Vec<u64> = engagements.iter().map(|e| e.client.0).collect();
        assert_eq!(links, [1, 1, 2, 3, 3]);
        assert_eq!(clients[0].created_at, engagements[0].opened_at);
        assert!(
            engagements
                .iter()
                .all(|e| e.owner.is_empty() && e.bill_rate.is_none())
        );
        assert_eq!(engagements[3].title, "Job 4");
        // A migration cut short and run again finds the clients it wrote.
        let again = engagements_from_v2(vec![v2(6, "acme"), v2(7, "Globex")], &clients, 4);
        assert_eq!(
            again
                .0
                .iter()
                .map(|c| (c.id.0, c.name.as_str()))
                .collect::<Vec<_>>(),
            [(4, "Globex")]
        );
        assert_eq!(
            again.1.iter().map(|e| e.client.0).collect::<Vec<_>>(),
            [1, 4]
        );
    }
}
