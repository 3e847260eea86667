//! Deterministic demo data: clients, candidates, engagements and their
//! pipelines, the profiles sent to clients and the placements made,
//! realistic enough to exercise every screen, from 20 records to a million.
//!
//! Everything derives from [`DemoOptions`] and the catalog: nothing reads the
//! clock, the disk or the store, so the same options always give the same
//! data. Each record draws from its own random stream (seed, kind, index), so
//! candidate 17 is the same whether 500 or 1,000,000 are generated.

use crate::catalog::Catalog;
use crate::domain::{
    Application, Candidate, CandidateId, Category, Engagement, EngagementId, EngagementStatus,
    HiringModel, Level, Location, Priority, RateRange, Requirement, Role, SkillLevel, Source,
    Stage, Timestamp,
};
use crate::domain::{Client, ClientId, Placement, PlacementId, Stamp, Submittal, SubmittalId};
use crate::store::{BulkReport, Store};
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use std::fmt::Write as _;

mod agency;
mod consents;
mod cultures;
mod data;
mod engagements;
mod fit;
mod names;
mod people;
mod pipelines;
mod placements;
mod rng;
mod routes;
mod submittals;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_agency;
#[cfg(test)]
mod tests_consents;
#[cfg(test)]
mod tests_names;
#[cfg(test)]
mod tests_placements;

use cultures::CULTURES;
use data::*;
use engagements::Pace;
use pipelines::Pool;
use rng::*;

/// How much demo data to make, and from which seed and instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    pub candidates: usize,
    pub engagements: usize,
    pub seed: u64,
    /// Every generated instant lies at or before this one.
    pub now: Timestamp,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            candidates: 500,
            engagements: 12,
            seed: 42,
            now: Utc
                .with_ymd_and_hms(2026, 6, 1, 9, 0, 0)
                .single()
                .unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoData {
    /// Ids 1..=k, in order.
    pub clients: Vec<Client>,
    /// Ids 1..=n, in order.
    pub candidates: Vec<Candidate>,
    /// Ids 1..=m, in order.
    pub engagements: Vec<Engagement>,
    /// Grouped by engagement, in engagement order.
    pub applications: Vec<Application>,
    /// Ids 1..=s, in the order they were sent.
    pub submittals: Vec<Submittal>,
    /// Ids 1..=p, in the order they were made.
    pub placements: Vec<Placement>,
}

/// Writes generated data to a store, mapping the generator's ids to the
/// ones the store hands out (they differ when the store is not empty).
pub fn write(store: &Store, mut data: DemoData, stamp: &Stamp) -> crate::store::Result<BulkReport> {
    // Generated ids are 1..=n in order, so id k maps to position k - 1.
    let remap = |id: u64, ids: &[u64]| {
        ids.get((id as usize).wrapping_sub(1))
            .copied()
            .unwrap_or(id)
    };
    let client_ids: Vec<u64> = store
        .add_clients(&data.clients, stamp)?
        .iter()
        .map(|c| c.0)
        .collect();
    for engagement in &mut data.engagements {
        engagement.client = ClientId(remap(engagement.client.0, &client_ids));
    }
    // Each person was added when their record says, long ago for some:
    // retention counts from it.
    let candidate_ids = store.add_candidates_as_created(&data.candidates, &stamp.actor)?;
    let engagement_ids = store.add_engagements(&data.engagements, stamp)?;
    let candidates: Vec<u64> = candidate_ids.iter().map(|c| c.0).collect();
    let engagements: Vec<u64> = engagement_ids.iter().map(|e| e.0).collect();
    let card = |engagement: &mut EngagementId, candidate: &mut CandidateId| {
        *engagement = EngagementId(remap(engagement.0, &engagements));
        *candidate = CandidateId(remap(candidate.0, &candidates));
    };
    for app in &mut data.applications {
        card(&mut app.engagement, &mut app.candidate);
    }
    let applications = store.add_applications(&data.applications)?;
    // Submittal and placement ids are kept as given: shift them past the
    // store's.
    let (next_submittal, next_placement) = store.next_ids()?;
    for s in &mut data.submittals {
        s.id = SubmittalId(s.id.0 + next_submittal.0 - 1);
        s.client = ClientId(remap(s.client.0, &client_ids));
        card(&mut s.engagement, &mut s.candidate);
    }
    for p in &mut data.placements {
        p.id = PlacementId(p.id.0 + next_placement.0 - 1);
        card(&mut p.engagement, &mut p.candidate);
    }
    Ok(BulkReport {
        clients: client_ids.len(),
        candidates: candidate_ids.len(),
        engagements: engagement_ids.len(),
        applications,
        submittals: store.add_submittals(&data.submittals)?,
        placements: store.add_placements(&data.placements)?,
    })
}

/// Generates the demo data for `options` from the skills and roles of
/// `catalog`.
pub fn generate(options: &DemoOptions, catalog: &Catalog) -> DemoData {
    let world = World::new(options, catalog);
    let (candidates, by_role) = world.candidates(options.candidates);
    let (engagements, roles) = world.engagements(options.engagements);
    let mut applications = Vec::new();
    let mut sends = Vec::new();
    for (index, (engagement, role)) in engagements.iter().zip(roles).enumerate() {
        let pool = Pool {
            candidates: &candidates,
            same_role: &by_role[role],
        };
        world.pipeline(index, engagement, &pool, &mut applications, &mut sends);
    }
    let mut data = DemoData {
        clients: world.clients(),
        candidates,
        engagements,
        applications,
        ..DemoData::default()
    };
    data.submittals = world.submittals(&data, &sends);
    data.placements = world.placements(&data);
    settle_statuses(&mut data, world.now);
    data
}

/// An open engagement whose placements hold its headcount is filled; a
/// "filled" one with seats free is open (as `Store::place` keeps them).
fn settle_statuses(data: &mut DemoData, now: Timestamp) {
    let today = now.date_naive();
    for engagement in &mut data.engagements {
        let seats = data
            .placements
            .iter()
            .filter(|p| p.engagement == engagement.id && p.holds_a_seat(today))
            .count();
        let full = seats >= usize::from(engagement.headcount);
        engagement.status = match (engagement.status, full) {
            (EngagementStatus::Open, true) => EngagementStatus::Filled,
            (EngagementStatus::Filled, false) => EngagementStatus::Open,
            (status, _) => status,
        };
    }
}

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

const KIND_CANDIDATE: u64 = 1;
const KIND_ENGAGEMENT: u64 = 2;
const KIND_PIPELINE: u64 = 3;
const KIND_ORDER: u64 = 4;
const KIND_CLIENT: u64 = 5;
const KIND_RATES: u64 = 6;
const KIND_PACE: u64 = 7;
const KIND_SUBMITTAL: u64 = 8;
const KIND_PLACEMENT: u64 = 9;
const KIND_ON_FILE: u64 = 10;

/// The options and the catalog, indexed once for every record drawn.
struct World<'a> {
    catalog: &'a Catalog,
    seed: u64,
    now: Timestamp,
    profiles: Vec<Profile>,
    /// Catalog indices of the skills outside soft skills.
    technical: Vec<usize>,
    soft: Vec<usize>,
}

/// What a holder of one role plausibly knows, as catalog skill indices.
struct Profile {
    /// The skills defining the role, with the level a good fit holds.
    defining: Vec<(usize, u8)>,
    /// Other skills of the defining skills' categories, plus version control
    /// and testing, which every back-end developer touches.
    related: Vec<usize>,
}

impl<'a> World<'a> {
    fn new(options: &DemoOptions, catalog: &'a Catalog) -> World<'a> {
        let skills = catalog.skills();
        let (soft, technical): (Vec<usize>, Vec<usize>) =
            (0..skills.len()).partition(|&i| skills[i].category == Category::SoftSkills);
        World {
            catalog,
            seed: options.seed,
            // Whole seconds, so that instants survive the store's millisecond
            // encoding unchanged.
            now: DateTime::from_timestamp(options.now.timestamp(), 0).unwrap_or(options.now),
            profiles: catalog
                .roles()
                .iter()
                .map(|r| profile(r, catalog))
                .collect(),
            technical,
            soft,
        }
    }

    fn ago(&self, seconds: i64) -> Timestamp {
        self.now - TimeDelta::seconds(seconds)
    }

    fn level_of(&self, skill: usize, level: i64) -> SkillLevel {
        SkillLevel {
            skill: self.catalog.skills()[skill].id.clone(),
            level: Level::new(level.clamp(1, 5) as u8).unwrap_or(Level::NONE),
        }
    }
}

impl Profile {
    /// The mean level the role expects, 3 when it defines no skills.
    fn expected_level(&self) -> i64 {
        let sum: i64 = self.defining.iter().map(|d| i64::from(d.1)).sum();
        sum.checked_div(self.defining.len() as i64).unwrap_or(3)
    }
}

fn profile(role: &Role, catalog: &Catalog) -> Profile {
    let skills = catalog.skills();
    let defining: Vec<(usize, u8)> = role
        .skills
        .iter()
        .filter_map(|rs| {
            let index = skills.iter().position(|s| s.id == rs.skill)?;
            Some((index, rs.level.get()))
        })
        .collect();
    let mut categories = vec![Category::VersionControl, Category::Testing];
    categories.extend(defining.iter().map(|&(i, _)| skills[i].category));
    let related = (0..skills.len())
        .filter(|&i| {
            skills[i].category != Category::SoftSkills
                && categories.contains(&skills[i].category)
                && !defining.iter().any(|&(d, _)| d == i)
        })
        .collect();
    Profile { defining, related }
}
