//! What can sit on top of a pane: the help screen, the engagement picker
//! and the rejection prompt.

use super::list::ListCursor;
use crate::domain::{CandidateId, EngagementId};

/// The reasons offered when rejecting; free text may follow any of them.
pub const REJECT_REASONS: [&str; 7] = [
    "skills below the requirement",
    "rate above budget",
    "failed technical interview",
    "client declined",
    "not available in time",
    "no response",
    "other",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: u16 },
    Palette(super::palette::Palette),
    Picker { cursor: ListCursor },
    Reject(RejectPrompt),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectPrompt {
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    /// Shown in the prompt's title.
    pub name: String,
    /// Index into [`REJECT_REASONS`].
    pub reason: usize,
    /// Free text typed after the reason.
    pub detail: String,
}

impl RejectPrompt {
    /// "rate above budget: asked $140/h", or the reason alone.
    pub fn full_reason(&self) -> String {
        let reason = REJECT_REASONS[self.reason.min(REJECT_REASONS.len() - 1)];
        let detail = crate::domain::text::clean_line(&self.detail);
        if detail.is_empty() {
            reason.to_string()
        } else {
            format!("{reason}: {detail}")
        }
    }
}
