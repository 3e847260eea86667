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
mod roster;
mod routes;
mod stream;
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
#[cfg(test)]
mod tests_stream;

use cultures::CULTURES;
use data::*;
use engagements::Pace;
use pipelines::Pool;
use rng::*;
use roster::Roster;
pub use stream::{write, write_streamed};

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

/// Generates the demo data for `options` from the skills and roles of
/// `catalog`, all of it in memory (see [`write_streamed`] for a demo too
/// large to hold).
pub fn generate(options: &DemoOptions, catalog: &Catalog) -> DemoData {
    let world = World::new(options, catalog);
    let (candidates, by_role) = world.candidates(options.candidates);
    let mut roster = Roster::All(&candidates);
    let rest = world.around(world.clients(), &mut roster, &by_role, options.engagements);
    DemoData { candidates, ..rest }
}

impl World<'_> {
    /// Everything but the candidates, which `roster` and `by_role` (their
    /// indices by primary role) stand for: engagements, their pipelines,
    /// the submittals and the placements.
    fn around(
        &self,
        clients: Vec<Client>,
        roster: &mut Roster,
        by_role: &[Vec<usize>],
        engagements: usize,
    ) -> DemoData {
        let (engagements, roles) = self.engagements(engagements);
        let mut applications = Vec::new();
        let mut sends = Vec::new();
        for (index, (engagement, role)) in engagements.iter().zip(roles).enumerate() {
            let mut pool = Pool {
                roster: &mut *roster,
                same_role: &by_role[role],
            };
            self.pipeline(index, engagement, &mut pool, &mut applications, &mut sends);
            roster.trim();
        }
        let mut data = DemoData {
            clients,
            engagements,
            applications,
            ..DemoData::default()
        };
        data.submittals = self.submittals(&data, roster, &sends);
        data.placements = self.placements(&data, roster);
        settle_statuses(&mut data, self.now);
        data
    }
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
