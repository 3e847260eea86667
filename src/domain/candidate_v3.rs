//! A candidate as schemas v2 and v3 stored it, before company, title,
//! external ids, custom fields and consent. Records in that layout are
//! rewritten when the database is opened (`store::migrate`); this reads
//! them, and the candidate images a merge event keeps.
//!
//! It lives in the domain, beside [`super::event`], because the images
//! sit inside an event's payload: bincode is not self-describing, so the
//! event's own deserializer must know which layout it is reading.
//! [`with_v3_images`] says so for the duration of one decode.

use super::candidate::{Candidate, Location, Source};
use super::ids::CandidateId;
use super::rate::RateRange;
use super::role::RoleId;
use super::skill::SkillLevel;
use super::time::{self, Timestamp};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};
use std::cell::Cell;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateV3 {
    pub id: CandidateId,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub location: Location,
    pub roles: Vec<RoleId>,
    pub skills: Vec<SkillLevel>,
    pub rate: Option<RateRange>,
    #[serde(with = "time::days::option")]
    pub available_from: Option<NaiveDate>,
    pub source: Source,
    pub tags: Vec<String>,
    pub links: Vec<String>,
    #[serde(with = "time::millis")]
    pub created_at: Timestamp,
}

impl From<CandidateV3> for Candidate {
    fn from(old: CandidateV3) -> Candidate {
        Candidate {
            id: old.id,
            name: old.name,
            email: old.email,
            phone: old.phone,
            location: old.location,
            roles: old.roles,
            skills: old.skills,
            rate: old.rate,
            available_from: old.available_from,
            source: old.source,
            tags: old.tags,
            links: old.links,
            created_at: old.created_at,
            company: String::new(),
            title: String::new(),
            external_ids: Vec::new(),
            custom: Vec::new(),
            consent: None,
        }
    }
}

thread_local! {
    static READING_V3: Cell<bool> = const { Cell::new(false) };
}

/// Runs `decode` with every candidate image read in the v3 layout.
pub fn with_v3_images<T>(decode: impl FnOnce() -> T) -> T {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            READING_V3.with(|flag| flag.set(self.0));
        }
    }
    let _reset = Reset(READING_V3.with(|flag| flag.replace(true)));
    decode()
}

/// The deserializer of an event's candidate image: the current layout,
/// or v3's inside [`with_v3_images`].
pub fn image<'de, D: Deserializer<'de>>(d: D) -> Result<Box<Candidate>, D::Error> {
    if READING_V3.with(Cell::get) {
        CandidateV3::deserialize(d).map(|old| Box::new(old.into()))
    } else {
        Candidate::deserialize(d).map(Box::new)
    }
}
