//! An engagement: what a client or team needs filled.

use super::ids::{ClientId, EngagementId};
use super::limits::MAX_LIST_LEN;
use super::money::HourlyRate;
use super::problem::{FieldProblem, one_line_problems, rate_field_problem};
use super::rate::RateRange;
use super::role::RoleId;
use super::skill::{Level, SkillId};
use super::time::{self, Timestamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Engagement {
    pub id: EngagementId,
    /// The client company (or internal team) it is for.
    pub client: ClientId,
    /// The recruiter responsible.
    pub owner: String,
    pub title: String,
    pub role: RoleId,
    pub requirements: Vec<Requirement>,
    pub headcount: u16,
    /// Hourly budget per person: what the client said it would pay.
    pub budget: Option<RateRange>,
    /// What the client pays an hour per person, as agreed; submittals and
    /// placements may set their own.
    pub bill_rate: Option<HourlyRate>,
    pub model: HiringModel,
    pub status: EngagementStatus,
    #[serde(with = "time::millis")]
    pub opened_at: Timestamp,
    #[serde(with = "time::days::option")]
    pub target_start: Option<NaiveDate>,
}

/// Most people one engagement may ask for.
pub const MAX_HEADCOUNT: u16 = 10_000;

/// What is wrong with a headcount, if anything.
pub fn headcount_problem(headcount: u16) -> Option<String> {
    (!(1..=MAX_HEADCOUNT).contains(&headcount))
        .then(|| format!("headcount {headcount} is not 1 to {MAX_HEADCOUNT}"))
}

/// What an engagement's requirements lack, if anything: at least one
/// skill, and at least one of them a must-have. The forms apply this rule;
/// `problems` (and so the store and the importer) does not yet, since
/// records written before it may hold no requirements.
pub fn requirements_problem(requirements: &[Requirement]) -> Option<String> {
    if requirements.is_empty() {
        return Some("at least one required skill, with its level".into());
    }
    (!requirements.iter().any(|r| r.priority == Priority::Must))
        .then(|| "at least one must-have skill".into())
}

impl Engagement {
    /// Every problem that makes this record unfit to store, in field order:
    /// the one set of rules the form, the importer and the store apply.
    pub fn problems(&self) -> Vec<String> {
        self.field_problems()
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    /// [`Engagement::problems`], each with the field it is about.
    pub fn field_problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.title.trim().is_empty() {
            problems.push(FieldProblem::new("title", "title is empty"));
        }
        let headcount = headcount_problem(self.headcount);
        problems.extend(headcount.map(|message| FieldProblem::new("headcount", message)));
        problems.extend(one_line_problems("title", &self.title));
        problems.extend(one_line_problems("owner", &self.owner));
        let bill = self.bill_rate.as_ref().and_then(HourlyRate::problem);
        problems.extend(bill.map(|message| FieldProblem::new("bill rate", message)));
        let budget = self.budget.as_ref();
        problems.extend(budget.and_then(|b| rate_field_problem("budget", b)));
        if self.requirements.len() > MAX_LIST_LEN {
            let count = self.requirements.len();
            let message = format!("{count} requirements is more than {MAX_LIST_LEN}");
            problems.push(FieldProblem::new("requirements", message));
        }
        let unclean = self
            .requirements
            .iter()
            .find(|r| !super::text::is_clean(&r.skill.0, false));
        if let Some(requirement) = unclean {
            let id = super::text::clean_line(&requirement.skill.0);
            let message = format!("skill id `{id}` holds control characters");
            problems.push(FieldProblem::new("requirements", message));
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
    /// The bill rate to quote: the one agreed, else the top of the budget.
    pub fn quoted_bill_rate(&self) -> Option<HourlyRate> {
        self.bill_rate.clone().or_else(|| {
            let budget = self.budget.as_ref()?;
            Some(HourlyRate::new(budget.max, &budget.currency))
        })
    }

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
