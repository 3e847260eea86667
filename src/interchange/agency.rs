//! The agency's records as an export writes them (version 2): clients with
//! their contacts, submittals with the client's answers, placements with
//! their history of terms. Close to the domain types, with instants as
//! RFC 3339 in UTC with milliseconds, dates as YYYY-MM-DD, and every text
//! cleaned on the way out; and each flattened to one CSV row, nested
//! values as compact JSON in a cell (as `flat` does for engagements).

use super::records::{day, rfc3339, ymd};
use crate::domain::text::{clean, clean_line};
use crate::domain::{
    AnswerKind, CandidateId, ChangeKind, Client, ClientId, Contact, EngagementId, HourlyRate,
    Placement, PlacementChange, PlacementId, Submittal, SubmittalId, Timestamp,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientRecord {
    pub id: ClientId,
    pub name: String,
    pub contacts: Vec<ContactRecord>,
    pub notes: String,
    #[serde(with = "rfc3339")]
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactRecord {
    pub name: String,
    pub email: String,
    #[serde(default)]
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmittalRecord {
    pub id: SubmittalId,
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    pub client: ClientId,
    /// The emails of the client's contacts it went to.
    pub to: Vec<String>,
    #[serde(with = "rfc3339")]
    pub at: Timestamp,
    pub by: String,
    pub bill_rate: Option<HourlyRate>,
    pub profile: String,
    pub answers: Vec<AnswerRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerRecord {
    pub kind: AnswerKind,
    pub reason: Option<String>,
    #[serde(with = "rfc3339")]
    pub at: Timestamp,
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacementRecord {
    pub id: PlacementId,
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    /// The start, then every change since, oldest first.
    pub history: Vec<TermsRecord>,
}

/// One entry of a placement's history: what happened and the terms from
/// then on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermsRecord {
    pub kind: ChangeKind,
    #[serde(with = "day")]
    pub start: NaiveDate,
    #[serde(default, with = "ymd")]
    pub end: Option<NaiveDate>,
    pub bill: HourlyRate,
    pub pay: HourlyRate,
    pub reason: Option<String>,
    #[serde(with = "rfc3339")]
    pub at: Timestamp,
    pub by: String,
}

/// A rate with its currency cleaned, as every code is on the way out.
fn rate(rate: &HourlyRate) -> HourlyRate {
    HourlyRate::new(rate.amount, &clean_line(&rate.currency))
}

impl From<&Client> for ClientRecord {
    fn from(c: &Client) -> ClientRecord {
        ClientRecord {
            id: c.id,
            name: clean_line(&c.name),
            contacts: c.contacts.iter().map(ContactRecord::from).collect(),
            notes: clean(&c.notes, true),
            created_at: c.created_at,
        }
    }
}

impl From<&Contact> for ContactRecord {
    fn from(c: &Contact) -> ContactRecord {
        ContactRecord {
            name: clean_line(&c.name),
            email: clean_line(&c.email),
            phone: c.phone.as_deref().map(clean_line).filter(|p| !p.is_empty()),
        }
    }
}

impl From<&Submittal> for SubmittalRecord {
    fn from(s: &Submittal) -> SubmittalRecord {
        SubmittalRecord {
            id: s.id,
            engagement: s.engagement,
            candidate: s.candidate,
            client: s.client,
            to: s.to.iter().map(|e| clean_line(e)).collect(),
            at: s.at,
            by: clean_line(&s.by),
            bill_rate: s.bill_rate.as_ref().map(rate),
            profile: clean(&s.profile, true),
            answers: s
                .answers
                .iter()
                .map(|a| AnswerRecord {
                    kind: a.kind,
                    reason: a.reason.as_deref().map(clean_line),
                    at: a.at,
                    by: clean_line(&a.by),
                })
                .collect(),
        }
    }
}

impl From<&Placement> for PlacementRecord {
    fn from(p: &Placement) -> PlacementRecord {
        PlacementRecord {
            id: p.id,
            engagement: p.engagement,
            candidate: p.candidate,
            history: p.history().map(TermsRecord::from).collect(),
        }
    }
}

impl From<&PlacementChange> for TermsRecord {
    fn from(c: &PlacementChange) -> TermsRecord {
        TermsRecord {
            kind: c.kind,
            start: c.terms.start,
            end: c.terms.end,
            bill: rate(&c.terms.bill),
            pay: rate(&c.terms.pay),
            reason: c.reason.as_deref().map(clean_line),
            at: c.at,
            by: clean_line(&c.by),
        }
    }
}

/// A client as one CSV row; its contacts as JSON.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientCsv {
    pub id: ClientId,
    pub name: String,
    /// JSON: `[{"name":"Jane Roe","email":"jane@acme.com","phone":null}]`.
    pub contacts: String,
    pub notes: String,
    #[serde(with = "rfc3339")]
    pub created_at: Timestamp,
}

/// A submittal as one CSV row; its addressees and answers as JSON.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmittalCsv {
    pub id: SubmittalId,
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    pub client: ClientId,
    /// JSON: `["jane@acme.com"]`.
    pub to: String,
    #[serde(with = "rfc3339")]
    pub at: Timestamp,
    pub by: String,
    /// `95 USD`, empty for none.
    pub bill_rate: String,
    pub profile: String,
    /// JSON: the answers, oldest first.
    pub answers: String,
}

/// A placement as one CSV row; its history as JSON.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacementCsv {
    pub id: PlacementId,
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    /// JSON: the start, then each change.
    pub history: String,
}

impl ClientCsv {
    pub fn new(c: &ClientRecord) -> Result<ClientCsv, serde_json::Error> {
        Ok(ClientCsv {
            id: c.id,
            name: c.name.clone(),
            contacts: serde_json::to_string(&c.contacts)?,
            notes: c.notes.clone(),
            created_at: c.created_at,
        })
    }

    /// Back to the record; the message names the cell at fault.
    pub fn into_record(self) -> Result<ClientRecord, String> {
        Ok(ClientRecord {
            id: self.id,
            name: self.name,
            contacts: serde_json::from_str(&self.contacts).map_err(|e| format!("contacts: {e}"))?,
            notes: self.notes,
            created_at: self.created_at,
        })
    }
}

impl SubmittalCsv {
    pub fn new(s: &SubmittalRecord) -> Result<SubmittalCsv, serde_json::Error> {
        Ok(SubmittalCsv {
            id: s.id,
            engagement: s.engagement,
            candidate: s.candidate,
            client: s.client,
            to: serde_json::to_string(&s.to)?,
            at: s.at,
            by: s.by.clone(),
            bill_rate: s
                .bill_rate
                .as_ref()
                .map(|b| format!("{} {}", b.amount, b.currency))
                .unwrap_or_default(),
            profile: s.profile.clone(),
            answers: serde_json::to_string(&s.answers)?,
        })
    }

    pub fn into_record(self) -> Result<SubmittalRecord, String> {
        let bill_rate = match self.bill_rate.trim() {
            "" => None,
            text => Some(HourlyRate::parse(text, "USD").map_err(|e| format!("bill_rate: {e}"))?),
        };
        Ok(SubmittalRecord {
            id: self.id,
            engagement: self.engagement,
            candidate: self.candidate,
            client: self.client,
            to: serde_json::from_str(&self.to).map_err(|e| format!("to: {e}"))?,
            at: self.at,
            by: self.by,
            bill_rate,
            profile: self.profile,
            answers: serde_json::from_str(&self.answers).map_err(|e| format!("answers: {e}"))?,
        })
    }
}

impl PlacementCsv {
    pub fn new(p: &PlacementRecord) -> Result<PlacementCsv, serde_json::Error> {
        Ok(PlacementCsv {
            id: p.id,
            engagement: p.engagement,
            candidate: p.candidate,
            history: serde_json::to_string(&p.history)?,
        })
    }

    pub fn into_record(self) -> Result<PlacementRecord, String> {
        Ok(PlacementRecord {
            id: self.id,
            engagement: self.engagement,
            candidate: self.candidate,
            history: serde_json::from_str(&self.history).map_err(|e| format!("history: {e}"))?,
        })
    }
}
