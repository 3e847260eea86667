//! Stages, the moves between them, and an application's place in a pipeline.

use super::ids::{CandidateId, EngagementId};
use super::scorecard::Scorecard;
use super::time::{self, Timestamp};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where an application stands. The first six are the pipeline in order;
/// `Rejected` and `Withdrawn` are the exits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stage {
    Sourced,
    Screening,
    TechnicalInterview,
    ClientInterview,
    Offer,
    Placed,
    Rejected,
    Withdrawn,
}

impl Stage {
    /// The pipeline stages in order, exits excluded.
    pub const PIPELINE: [Stage; 6] = [
        Stage::Sourced,
        Stage::Screening,
        Stage::TechnicalInterview,
        Stage::ClientInterview,
        Stage::Offer,
        Stage::Placed,
    ];
    pub const ALL: [Stage; 8] = [
        Stage::Sourced,
        Stage::Screening,
        Stage::TechnicalInterview,
        Stage::ClientInterview,
        Stage::Offer,
        Stage::Placed,
        Stage::Rejected,
        Stage::Withdrawn,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Sourced => "Sourced",
            Stage::Screening => "Screening",
            Stage::TechnicalInterview => "Technical interview",
            Stage::ClientInterview => "Client interview",
            Stage::Offer => "Offer",
            Stage::Placed => "Placed",
            Stage::Rejected => "Rejected",
            Stage::Withdrawn => "Withdrawn",
        }
    }

    /// Days in this stage after which an application needs attention;
    /// `None` where time does not matter (placed, exited).
    pub fn aging_threshold_days(self) -> Option<i64> {
        match self {
            Stage::Sourced => Some(7),
            Stage::Screening => Some(2),
            Stage::TechnicalInterview | Stage::ClientInterview => Some(5),
            Stage::Offer => Some(3),
            Stage::Placed | Stage::Rejected | Stage::Withdrawn => None,
        }
    }

    /// A label for narrow places (board column titles).
    pub fn short_label(self) -> &'static str {
        match self {
            Stage::Sourced => "Sourced",
            Stage::Screening => "Screen",
            Stage::TechnicalInterview => "Tech",
            Stage::ClientInterview => "Client",
            Stage::Offer => "Offer",
            Stage::Placed => "Placed",
            Stage::Rejected => "Rejected",
            Stage::Withdrawn => "Withdrawn",
        }
    }

    pub fn is_exit(self) -> bool {
        matches!(self, Stage::Rejected | Stage::Withdrawn)
    }

    /// Still moving through the pipeline: neither placed nor exited.
    pub fn is_active(self) -> bool {
        !self.is_exit() && self != Stage::Placed
    }

    fn position(self) -> Option<usize> {
        Stage::PIPELINE.iter().position(|s| *s == self)
    }

    /// The next pipeline stage, if any.
    pub fn next(self) -> Option<Stage> {
        self.position()
            .and_then(|i| Stage::PIPELINE.get(i + 1).copied())
    }

    /// The previous pipeline stage, if any.
    pub fn previous(self) -> Option<Stage> {
        self.position()
            .and_then(|i| i.checked_sub(1))
            .map(|i| Stage::PIPELINE[i])
    }

    /// Whether an application may move from `self` to `to`:
    /// - forward any number of stages (a referral may skip screening);
    /// - back exactly one stage, to correct a mistake (Placed back to Offer too);
    /// - to an exit from any active stage;
    /// - from an exit, re-opened into any active stage.
    pub fn can_move_to(self, to: Stage) -> bool {
        match (self.position(), to.position()) {
            _ if self == to => false,
            (Some(from), Some(dest)) => dest > from || dest + 1 == from,
            (Some(_), None) => self.is_active(),
            (None, Some(_)) => to.is_active(),
            (None, None) => false,
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One move of an application, as it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    /// `None` for the entry into the pipeline.
    pub from: Option<Stage>,
    pub to: Stage,
    #[serde(with = "time::millis")]
    pub at: Timestamp,
    pub actor: String,
    /// Why, for exits ("rate too high") and corrections.
    pub reason: Option<String>,
}

/// One candidate in one engagement's pipeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    pub stage: Stage,
    /// Every move, oldest first; the last one put it in `stage`.
    pub history: Vec<StageChange>,
    pub scorecards: Vec<Scorecard>,
}

impl Application {
    /// A new application entering the pipeline at `stage`.
    pub fn new(
        engagement: EngagementId,
        candidate: CandidateId,
        stage: Stage,
        at: Timestamp,
        actor: &str,
    ) -> Application {
        Application {
            engagement,
            candidate,
            stage,
            history: vec![StageChange {
                from: None,
                to: stage,
                at,
                actor: actor.to_string(),
                reason: None,
            }],
            scorecards: Vec::new(),
        }
    }

    /// When the application entered its current stage.
    pub fn entered_stage_at(&self) -> Option<Timestamp> {
        self.history.last().map(|change| change.at)
    }

    /// Moves to `to`, recording the change; refuses an illegal move.
    pub fn move_to(
        &mut self,
        to: Stage,
        at: Timestamp,
        actor: &str,
        reason: Option<String>,
    ) -> Result<&StageChange, IllegalMove> {
        if !self.stage.can_move_to(to) {
            return Err(IllegalMove {
                from: self.stage,
                to,
            });
        }
        self.history.push(StageChange {
            from: Some(self.stage),
            to,
            at,
            actor: actor.to_string(),
            reason,
        });
        self.stage = to;
        Ok(&self.history[self.history.len() - 1])
    }
}

/// The reasons an undo and a redo record: they may take an application
/// back (or forward again) by more than the usual one-step move.
pub const UNDO_REASON: &str = "undo";
pub const REDO_REASON: &str = "redo";

/// Whether a recorded change is an undo or redo, exempt from the move rules.
pub fn is_revert(change: &StageChange) -> bool {
    matches!(change.reason.as_deref(), Some(UNDO_REASON | REDO_REASON))
}

impl Application {
    /// Puts the application back in `to` as an undo (or redo) of earlier
    /// moves: recorded like any move, with the reason saying which.
    pub fn revert_to(
        &mut self,
        to: Stage,
        at: Timestamp,
        actor: &str,
        redo: bool,
    ) -> Result<(), IllegalMove> {
        if to == self.stage {
            return Err(IllegalMove {
                from: self.stage,
                to,
            });
        }
        let reason = if redo { REDO_REASON } else { UNDO_REASON };
        self.history.push(StageChange {
            from: Some(self.stage),
            to,
            at,
            actor: actor.to_string(),
            reason: Some(reason.to_string()),
        });
        self.stage = to;
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("cannot move from {from} to {to}")]
pub struct IllegalMove {
    pub from: Stage,
    pub to: Stage,
}

#[cfg(test)]
mod tests {
    use super::Stage::*;
    use super::*;

    #[test]
    fn forward_moves_may_skip_stages() {
        assert!(Sourced.can_move_to(Screening));
        assert!(Sourced.can_move_to(ClientInterview));
        assert!(Offer.can_move_to(Placed));
    }

    #[test]
    fn backward_moves_go_one_stage_only() {
        assert!(TechnicalInterview.can_move_to(Screening));
        assert!(!TechnicalInterview.can_move_to(Sourced));
        assert!(Placed.can_move_to(Offer));
        assert!(!Placed.can_move_to(Screening));
    }

    #[test]
    fn exits_are_reachable_from_active_stages_only() {
        assert!(Screening.can_move_to(Rejected));
        assert!(Offer.can_move_to(Withdrawn));
        assert!(!Placed.can_move_to(Rejected));
        assert!(!Rejected.can_move_to(Withdrawn));
    }

    #[test]
    fn exits_reopen_into_active_stages() {
        assert!(Rejected.can_move_to(Screening));
        assert!(Withdrawn.can_move_to(Offer));
        assert!(!Rejected.can_move_to(Placed));
    }

    #[test]
    fn staying_put_is_not_a_move() {
        for stage in Stage::ALL {
            assert!(!stage.can_move_to(stage), "{stage}");
        }
    }

    #[test]
    fn next_and_previous_walk_the_pipeline() {
        assert_eq!(Sourced.next(), Some(Screening));
        assert_eq!(Placed.next(), None);
        assert_eq!(Sourced.previous(), None);
        assert_eq!(Rejected.next(), None);
    }
}
