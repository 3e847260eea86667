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

/// Most people one engagement may ask for.
pub const MAX_HEADCOUNT: u16 = 10_000;

impl Engagement {
    /// Every problem that makes this record unfit to store, in field order:
    /// the one set of rules the form, the importer and the store apply.
    pub fn problems(&self) -> Vec<String> {
        use super::candidate::{MAX_FIELD_CHARS, MAX_LIST_LEN, rate_problem};
        let mut problems = Vec::new();
        if self.title.trim().is_empty() {
            problems.push("title is empty".to_string());
        }
        if !(1..=MAX_HEADCOUNT).contains(&self.headcount) {
            problems.push(format!(
                "headcount {} is not 1 to {MAX_HEADCOUNT}",
                self.headcount
            ));
        }
        for (field, value) in [("title", &self.title), ("client", &self.client)] {
            if value.chars().count() > MAX_FIELD_CHARS {
                problems.push(format!(
                    "{field} is longer than {MAX_FIELD_CHARS} characters"
                ));
            }
            if !super::text::is_clean(value, false) {
                problems.push(format!("{field} holds control characters"));
            }
        }
        problems.extend(self.budget.as_ref().and_then(rate_problem));
        if self.requirements.len() > MAX_LIST_LEN {
            problems.push(format!(
                "{} requirements is more than {MAX_LIST_LEN}",
                self.requirements.len()
            ));
        }
        let unclean = self
            .requirements
            .iter()
            .find(|r| !super::text::is_clean(&r.skill.0, false));
        if let Some(requirement) = unclean {
            problems.push(format!(
                "skill id `{}` holds control characters",
                super::text::clean_line(&requirement.skill.0)
            ));
        }
        problems
    }
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
