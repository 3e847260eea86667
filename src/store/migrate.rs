//! Older record layouts and how they become current ones.
//!
//! Records are migrated lazily when read, and the whole database is rewritten
//! at the current version when it is opened (see `Store::open`), so old
//! layouts only ever need reading here.

use super::codec::{self, CodecError};
use crate::domain::time::{self, Timestamp};
use crate::domain::{Candidate, CandidateId, Location, RateRange, RoleId, SkillLevel, Source};
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
        }
    }
}

pub fn candidate_from_v1(payload: &[u8]) -> Result<Candidate, CodecError> {
    codec::decode_payload::<CandidateV1>(payload).map(Candidate::from)
}
