//! The words PostgreSQL's columns hold for a stage, a status and the kind
//! of an event: snake_case, as the schema's CHECK constraints spell them
//! (`postgres/migrations/0001_records.sql`).

use crate::domain::{EngagementStatus, EventKind, Stage};
use std::fmt::{self, Write};

pub fn stage(stage: Stage) -> &'static str {
    match stage {
        Stage::Sourced => "sourced",
        Stage::Screening => "screening",
        Stage::TechnicalInterview => "technical_interview",
        Stage::ClientInterview => "client_interview",
        Stage::Offer => "offer",
        Stage::Placed => "placed",
        Stage::Rejected => "rejected",
        Stage::Withdrawn => "withdrawn",
    }
}

pub fn status(status: EngagementStatus) -> &'static str {
    match status {
        EngagementStatus::Open => "open",
        EngagementStatus::OnHold => "on_hold",
        EngagementStatus::Filled => "filled",
        EngagementStatus::Cancelled => "cancelled",
    }
}

/// The variant's name in snake_case (`StageChanged` is `stage_changed`):
/// read from its derived `Debug`, which starts with it, so that a kind
/// added later has a name without a list to keep in step.
pub fn event_kind(kind: &EventKind) -> String {
    let mut name = NameOnly(String::new());
    // Stops with an error at the end of the name: the rest (a merge's
    // whole images) is never formatted.
    let _ = write!(name, "{kind:?}");
    name.0
}

/// A writer that keeps the first word written to it, in snake_case, and
/// refuses everything after it.
struct NameOnly(String);

impl Write for NameOnly {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        for c in text.chars() {
            if !c.is_ascii_alphanumeric() {
                return Err(fmt::Error);
            }
            if c.is_ascii_uppercase() && !self.0.is_empty() {
                self.0.push('_');
            }
            self.0.push(c.to_ascii_lowercase());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CandidateId, EngagementId};

    #[test]
    fn kinds_are_named_in_snake_case() {
        let moved = EventKind::StageChanged {
            engagement: EngagementId(1),
            candidate: CandidateId(2),
            from: Stage::Sourced,
            to: Stage::Screening,
            reason: None,
        };
        assert_eq!(event_kind(&moved), "stage_changed");
        let added = EventKind::CandidateAdded {
            candidate: CandidateId(2),
        };
        assert_eq!(event_kind(&added), "candidate_added");
    }
}
