//! An application's stage history and what it adds up to. Every change
//! is kept, undos included (so the log audits them); the effective path
//! is the stays the history adds up to once undone moves are taken out.
//! It is the one meaning of "in this stage since" that the board,
//! Attention, My work, the detail and the reports share.
//!
//! An undo (a change whose reason is `undo`) going back to where the last
//! move came from cancels that move: the application never entered the
//! stage, and its stay in the stage before goes on as if uninterrupted.
//! A redo is a move like any other: it enters the stage again, at the
//! redo's time. A re-opened application (an exit, then an active stage)
//! simply goes on.

use super::stage::Stage;
use super::time::{self, Timestamp};
use serde::{Deserialize, Serialize};

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

/// The reasons an undo and a redo record: they may take an application
/// back (or forward again) by more than the usual one-step move.
pub const UNDO_REASON: &str = "undo";
pub const REDO_REASON: &str = "redo";

/// Whether a recorded change is an undo or redo, exempt from the move rules.
pub fn is_revert(change: &StageChange) -> bool {
    matches!(change.reason.as_deref(), Some(UNDO_REASON | REDO_REASON))
}

/// Whether a recorded change is an undo.
pub fn is_undo(change: &StageChange) -> bool {
    change.reason.as_deref() == Some(UNDO_REASON)
}

/// A stay in one stage: when it began, and when it ended and where to
/// (`None` while the application is still there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stay {
    pub stage: Stage,
    pub entered: Timestamp,
    pub left: Option<(Timestamp, Stage)>,
}

impl Stay {
    /// Days from entering to leaving (fractional), for a finished stay.
    pub fn days(&self) -> Option<f64> {
        let (left, _) = self.left?;
        Some(fractional_days(self.entered, left))
    }

    /// Whether it ended by moving on to a later pipeline stage (not back,
    /// not to an exit).
    pub fn left_forward(&self) -> bool {
        self.left.is_some_and(|(_, to)| is_forward(self.stage, to))
    }
}

/// Whether `to` is a pipeline stage after `from`.
pub fn is_forward(from: Stage, to: Stage) -> bool {
    !to.is_exit() && !from.is_exit() && to > from
}

/// Days from `from` to `to`, fractional, never negative.
pub fn fractional_days(from: Timestamp, to: Timestamp) -> f64 {
    ((to - from).num_milliseconds().max(0) as f64) / 86_400_000.0
}

/// Writes the effective path of `history` into `path` (cleared first; a
/// buffer reused across applications, so that none allocates).
pub fn effective_path(history: &[StageChange], path: &mut Vec<Stay>) {
    path.clear();
    for change in history {
        let n = path.len();
        if is_undo(change) && n >= 2 && path[n - 2].stage == change.to {
            path.pop();
            if let Some(before) = path.last_mut() {
                before.left = None;
            }
            continue;
        }
        if let Some(last) = path.last_mut() {
            last.left = Some((change.at, change.to));
        }
        path.push(Stay {
            stage: change.to,
            entered: change.at,
            left: None,
        });
    }
}

/// When the effective path entered the stage the history ends in: the
/// last change's time, unless undos took moves back (then the time the
/// application had entered the stage it was put back in).
pub fn entered_current_stage(history: &[StageChange]) -> Option<Timestamp> {
    // Most histories hold no undo: no path to build.
    if !history.iter().any(is_undo) {
        return history.last().map(|change| change.at);
    }
    let mut path = Vec::with_capacity(history.len());
    effective_path(history, &mut path);
    path.last().map(|stay| stay.entered)
}

#[cfg(test)]
mod tests {
    use super::Stage::*;
    use super::*;
    use crate::domain::testing::at;

    fn change(from: Option<Stage>, to: Stage, day: u32, reason: Option<&str>) -> StageChange {
        StageChange {
            from,
            to,
            at: at(day),
            actor: "ana".into(),
            reason: reason.map(str::to_string),
        }
    }

    fn path_of(history: &[StageChange]) -> Vec<(Stage, u32, Option<Stage>)> {
        let mut path = Vec::new();
        effective_path(history, &mut path);
        let day = |t: Timestamp| chrono::Datelike::day(&t);
        let shown = path
            .iter()
            .map(|s| (s.stage, day(s.entered), s.left.map(|(_, to)| to)))
            .collect();
        // One meaning of "entered the current stage" for every reader.
        assert_eq!(
            entered_current_stage(history),
            path.last().map(|s| s.entered)
        );
        shown
    }

    #[test]
    fn an_undone_move_never_entered_its_stage() {
        let history = [
            change(None, Sourced, 1, None),
            change(Some(Sourced), Screening, 2, None),
            change(Some(Screening), Rejected, 10, None),
            change(Some(Rejected), Screening, 10, Some("undo")),
        ];
        assert_eq!(
            path_of(&history),
            [(Sourced, 1, Some(Screening)), (Screening, 2, None)],
            "back in screening since day 2, as if never rejected"
        );
        assert_eq!(entered_current_stage(&history), Some(at(2)));
    }

    #[test]
    fn undos_in_a_row_take_back_moves_in_a_row() {
        let history = [
            change(None, Sourced, 1, None),
            change(Some(Sourced), Screening, 2, None),
            change(Some(Screening), TechnicalInterview, 5, None),
            change(Some(TechnicalInterview), Screening, 6, Some("undo")),
            change(Some(Screening), Sourced, 6, Some("undo")),
        ];
        assert_eq!(path_of(&history), [(Sourced, 1, None)]);
    }

    #[test]
    fn a_redo_enters_again_at_its_own_time() {
        let history = [
            change(None, Sourced, 1, None),
            change(Some(Sourced), Screening, 2, None),
            change(Some(Screening), Sourced, 3, Some("undo")),
            change(Some(Sourced), Screening, 5, Some("redo")),
        ];
        assert_eq!(
            path_of(&history),
            [(Sourced, 1, Some(Screening)), (Screening, 5, None)]
        );
    }

    #[test]
    fn a_reopened_application_goes_on_after_its_exit() {
        let history = [
            change(None, Screening, 1, None),
            change(Some(Screening), Rejected, 2, None),
            change(Some(Rejected), Screening, 6, None),
            change(Some(Screening), TechnicalInterview, 8, None),
        ];
        let path = path_of(&history);
        assert_eq!(path.len(), 4);
        assert_eq!(path[0], (Screening, 1, Some(Rejected)));
        assert_eq!(path[2], (Screening, 6, Some(TechnicalInterview)));
    }

    #[test]
    fn an_undo_with_nothing_to_cancel_is_a_plain_move() {
        // Only the entry so far: the undo cannot take it back.
        let history = [
            change(None, Screening, 1, None),
            change(Some(Screening), Sourced, 2, Some("undo")),
        ];
        assert_eq!(
            path_of(&history),
            [(Screening, 1, Some(Sourced)), (Sourced, 2, None)]
        );
    }

    #[test]
    fn forward_means_a_later_pipeline_stage() {
        assert!(is_forward(Screening, ClientInterview));
        assert!(!is_forward(Screening, Sourced));
        assert!(!is_forward(Offer, Withdrawn));
        assert!(!is_forward(Rejected, Screening), "a re-open is no pass");
        assert!((fractional_days(at(1), at(3)) - 2.0).abs() < 1e-9);
        assert_eq!(fractional_days(at(3), at(1)), 0.0);
    }
}
