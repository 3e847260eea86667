//! The prompt for taking cards off the board: a rejection or a
//! withdrawal, with a reason from a list and free text after it.

use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::text::TextInput;
use crate::domain::{CandidateId, EngagementId, Stage, text};

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

/// Longest free text accepted after the reason.
const MAX_DETAIL: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExitPrompt {
    /// `Stage::Rejected` or `Stage::Withdrawn`.
    pub exit: Stage,
    pub engagement: EngagementId,
    /// One card, or every marked card.
    pub candidates: Vec<CandidateId>,
    /// Shown in the prompt's title.
    pub name: String,
    /// Index into [`ExitPrompt::reasons`].
    pub reason: usize,
    /// Free text typed after the reason.
    pub detail: TextInput,
}

/// What a confirmed prompt asks for: these cards off the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExitRequest {
    pub exit: Stage,
    pub engagement: EngagementId,
    pub candidates: Vec<CandidateId>,
    pub name: String,
    pub reason: String,
}

impl ExitPrompt {
    pub fn new(
        exit: Stage,
        engagement: EngagementId,
        candidates: Vec<CandidateId>,
        name: String,
    ) -> ExitPrompt {
        ExitPrompt {
            exit,
            engagement,
            candidates,
            name,
            reason: 0,
            detail: TextInput::limited(MAX_DETAIL),
        }
    }

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
        let detail = text::clean_line(self.detail.text());
        if detail.is_empty() {
            reason.to_string()
        } else {
            format!("{reason}: {detail}")
        }
    }

    /// Up and down pick a reason, typing writes the detail.
    pub fn handle(&mut self, action: Action) -> Outcome<ExitRequest> {
        match action {
            Action::Up => self.reason = self.reason.saturating_sub(1),
            Action::Down => self.reason = (self.reason + 1).min(self.reasons().len() - 1),
            Action::Cancel => return Outcome::Close,
            Action::Confirm => {
                return Outcome::Submit(ExitRequest {
                    exit: self.exit,
                    engagement: self.engagement,
                    candidates: self.candidates.clone(),
                    name: self.name.clone(),
                    reason: self.full_reason(),
                });
            }
            edit => {
                self.detail.apply(edit);
            }
        }
        Outcome::Stay
    }
}
