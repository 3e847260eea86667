//! An engagement: what a client or team needs filled.

use super::candidate::RateRange;
use super::ids::EngagementId;
use super::role::RoleId;
use super::skill::{Level, SkillId};
use super::time::{self, Timestamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Engagement {
    pub id: EngagementId,
    /// The client company or internal team.
    pub client: String,
    pub title: String,
    pub role: RoleId,
    pub requirements: Vec<Requirement>,
    pub headcount: u16,
    /// Hourly budget per person.
    pub budget: Option<RateRange>,
    pub model: HiringModel,
    pub status: EngagementStatus,
    #[serde(with = "time::millis")]
    pub opened_at: Timestamp,
    #[serde(with = "time::days::option")]
    pub target_start: Option<NaiveDate>,
}

/// A skill the engagement asks for, at a minimum level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    pub skill: SkillId,
    pub min_level: Level,
    pub priority: Priority,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Priority {
    Must,
    Nice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HiringModel {
    StaffAugmentation,
    DedicatedTeam,
    ContractToHire,
    FullTime,
}

impl HiringModel {
    pub const ALL: [HiringModel; 4] = [
        HiringModel::StaffAugmentation,
        HiringModel::DedicatedTeam,
        HiringModel::ContractToHire,
        HiringModel::FullTime,
    ];

    pub fn label(self) -> &'static str {
        match self {
            HiringModel::StaffAugmentation => "staff augmentation",
            HiringModel::DedicatedTeam => "dedicated team",
            HiringModel::ContractToHire => "contract-to-hire",
            HiringModel::FullTime => "full-time",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EngagementStatus {
    Open,
    OnHold,
    Filled,
    Cancelled,
}

impl EngagementStatus {
    pub const ALL: [EngagementStatus; 4] = [
        EngagementStatus::Open,
        EngagementStatus::OnHold,
        EngagementStatus::Filled,
        EngagementStatus::Cancelled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EngagementStatus::Open => "open",
            EngagementStatus::OnHold => "on hold",
            EngagementStatus::Filled => "filled",
            EngagementStatus::Cancelled => "cancelled",
        }
    }
}

impl Engagement {
    pub fn musts(&self) -> impl Iterator<Item = &Requirement> {
        self.requirements
            .iter()
            .filter(|r| r.priority == Priority::Must)
    }

    pub fn nices(&self) -> impl Iterator<Item = &Requirement> {
        self.requirements
            .iter()
            .filter(|r| r.priority == Priority::Nice)
    }
}
