//! An application's place in a pipeline: its moves between stages (the
//! stages and their rules are in `stage`; what a history with undos adds
//! up to is in `history`), undo and redo, its scorecards.

use super::history::entered_current_stage;
pub use super::history::{REDO_REASON, StageChange, UNDO_REASON, is_revert};
use super::ids::{CandidateId, EngagementId};
use super::scorecard::Scorecard;
use super::stage::Stage;
use super::time::Timestamp;
use serde::{Deserialize, Serialize};

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

    /// When the application entered its current stage: an undo puts it
    /// back in a stage as of the time it had entered it (see `history`).
    pub fn entered_stage_at(&self) -> Option<Timestamp> {
        entered_current_stage(&self.history)
    }

    /// When the application last changed stage, an undo or redo included.
    pub fn last_changed_at(&self) -> Option<Timestamp> {
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

/// What is wrong with a move to `to` given `reason`: an exit (a rejection,
/// a withdrawal) needs a reason that says something. The one rule for
/// the app's prompts, `hireterm reject` and `hireterm move` alike, applied
/// by the store to every move it is asked for.
pub fn exit_reason_problem(to: Stage, reason: Option<&str>) -> Option<String> {
    let noun = match to {
        Stage::Rejected => "rejection",
        Stage::Withdrawn => "withdrawal",
        _ => return None,
    };
    let given = reason.is_some_and(|r| !r.trim().is_empty());
    (!given).then(|| format!("a {noun} needs a reason"))
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
