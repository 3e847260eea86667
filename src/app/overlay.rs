//! What can sit on top of a pane: the help screen, the engagement picker,
//! the prompts (reject, note, tag), the palette and the forms.

use super::list::ListCursor;
use crate::domain::{CandidateId, EngagementId, Stage};

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

/// The reasons offered when a candidate withdraws.
pub const WITHDRAW_REASONS: [&str; 5] = [
    "accepted another offer",
    "rate expectations changed",
    "no longer available",
    "personal reasons",
    "other",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: u16 },
    Palette(super::palette::Palette),
    Picker { cursor: ListCursor },
    Reject(RejectPrompt),
    Scorecard(super::scorecard::ScorecardForm),
    Note(super::notes::NotePrompt),
    Tag(super::tags::TagPrompt),
    CandidateForm(Box<super::candidate_form::CandidateForm>),
    EngagementForm(Box<super::engagement_form::EngagementForm>),
}

/// The prompt for taking a card off the board: a rejection or a
/// withdrawal, with a reason from a list and free text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectPrompt {
    /// `Stage::Rejected` or `Stage::Withdrawn`.
    pub exit: Stage,
    pub engagement: EngagementId,
    /// One card, or every marked card.
    pub candidates: Vec<CandidateId>,
    /// Shown in the prompt's title.
    pub name: String,
    /// Index into [`RejectPrompt::reasons`].
    pub reason: usize,
    /// Free text typed after the reason.
    pub detail: String,
}

impl RejectPrompt {
    pub fn reasons(&self) -> &'static [&'static str] {
        if self.exit == Stage::Withdrawn {
            &WITHDRAW_REASONS
        } else {
            &REJECT_REASONS
        }
    }

    /// "rate above budget: asked $140/h", or the reason alone.
    pub fn full_reason(&self) -> String {
        let reasons = self.reasons();
        let reason = reasons[self.reason.min(reasons.len() - 1)];
        let detail = crate::domain::text::clean_line(&self.detail);
        if detail.is_empty() {
            reason.to_string()
        } else {
            format!("{reason}: {detail}")
        }
    }
}
