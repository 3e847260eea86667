//! Engagements and applications flattened for one CSV row each: nested
//! values (requirements, histories, scorecards) are compact JSON in a cell,
//! so that a spreadsheet still shows one record per row.

use super::records::{ApplicationRecord, EngagementRecord, rate_text, rfc3339, ymd};
use super::row;
use crate::domain::text::clean_line;
use crate::domain::{
    CandidateId, ClientId, EngagementId, EngagementStatus, HiringModel, HourlyRate, RoleId, Stage,
    Timestamp,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EngagementCsv {
    pub id: EngagementId,
    pub client: String,
    /// Empty in folders written before version 2: the client is then
    /// found (or made) by name.
    #[serde(default)]
    pub client_id: Option<ClientId>,
    #[serde(default)]
    pub owner: String,
    pub title: String,
    pub role: RoleId,
    /// JSON: `[{"skill":"kubernetes","min_level":3,"priority":"Must"}]`.
    pub requirements: String,
    pub headcount: u16,
    /// `60-90`, empty for none.
    pub budget: String,
    pub currency: String,
    /// `95 USD`, empty for none.
    #[serde(default)]
    pub bill_rate: String,
    pub model: HiringModel,
    pub status: EngagementStatus,
    #[serde(with = "rfc3339")]
    pub opened_at: Timestamp,
    #[serde(default, with = "ymd")]
    pub target_start: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationCsv {
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    pub stage: Stage,
    /// JSON: the stage changes, oldest first.
    pub history: String,
    /// JSON: the scorecards.
    pub scorecards: String,
}

impl EngagementCsv {
    pub fn new(e: &EngagementRecord) -> Result<EngagementCsv, serde_json::Error> {
        Ok(EngagementCsv {
            id: e.id,
            client: e.client.clone(),
            client_id: e.client_id,
            owner: e.owner.clone(),
            title: e.title.clone(),
            role: e.role.clone(),
            requirements: serde_json::to_string(&e.requirements)?,
            headcount: e.headcount,
            budget: e.budget.as_ref().map(rate_text).unwrap_or_default(),
            currency: e
                .budget
                .as_ref()
                .map(|b| b.currency.clone())
                .unwrap_or_default(),
            bill_rate: e
                .bill_rate
                .as_ref()
                .map(|b| format!("{} {}", b.amount, b.currency))
                .unwrap_or_default(),
            model: e.model,
            status: e.status,
            opened_at: e.opened_at,
            target_start: e.target_start,
        })
    }

    /// Back to the record; the message names the cell at fault.
    pub fn into_record(self) -> Result<EngagementRecord, String> {
        let requirements =
            serde_json::from_str(&self.requirements).map_err(|e| format!("requirements: {e}"))?;
        let mut budget = row::rate(self.budget.trim()).map_err(|e| format!("budget: {e}"))?;
        if let (Some(budget), Some(code)) = (
            budget.as_mut(),
            row::currency_code(&clean_line(&self.currency))
                .map_err(|e| format!("currency: {e}"))?,
        ) {
            budget.currency = code;
        }
        let bill_rate = match self.bill_rate.trim() {
            "" => None,
            text => Some(HourlyRate::parse(text, "USD").map_err(|e| format!("bill_rate: {e}"))?),
        };
        Ok(EngagementRecord {
            id: self.id,
            client: self.client,
            client_id: self.client_id,
            owner: self.owner,
            title: self.title,
            role: self.role,
            requirements,
            headcount: self.headcount,
            budget,
            bill_rate,
            model: self.model,
            status: self.status,
            opened_at: self.opened_at,
            target_start: self.target_start,
        })
    }
}

impl ApplicationCsv {
    pub fn new(a: &ApplicationRecord) -> Result<ApplicationCsv, serde_json::Error> {
        Ok(ApplicationCsv {
            engagement: a.engagement,
            candidate: a.candidate,
            stage: a.stage,
            history: serde_json::to_string(&a.history)?,
            scorecards: serde_json::to_string(&a.scorecards)?,
        })
    }

    pub fn into_record(self) -> Result<ApplicationRecord, String> {
        Ok(ApplicationRecord {
            engagement: self.engagement,
            candidate: self.candidate,
            stage: self.stage,
            history: serde_json::from_str(&self.history).map_err(|e| format!("history: {e}"))?,
            scorecards: serde_json::from_str(&self.scorecards)
                .map_err(|e| format!("scorecards: {e}"))?,
        })
    }
}
