//! Stages: where an application stands in a pipeline, and which moves
//! between them are allowed. A leaf: applications, scorecards and events
//! all name a stage.

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
