//! An application's effective path: the stays its history adds up to
//! once undone moves are taken out. An undo (a change whose reason is
//! `undo`, see `domain::pipeline`) going back to where the last move came
//! from cancels that move: the application never entered the stage, and
//! its stay in the stage before goes on as if uninterrupted. A redo is a
//! move like any other: it enters the stage again, at the redo's time. A
//! re-opened application (an exit, then an active stage) simply goes on.

use crate::domain::pipeline::UNDO_REASON;
use crate::domain::{Stage, StageChange, Timestamp};

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
        Some(days_between(self.entered, left))
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
pub fn days_between(from: Timestamp, to: Timestamp) -> f64 {
    ((to - from).num_milliseconds().max(0) as f64) / 86_400_000.0
}

/// Whether a change is an undo.
fn is_undo(change: &StageChange) -> bool {
    change.reason.as_deref() == Some(UNDO_REASON)
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

/// The last stay in `stage` that began within `[start, end)`, if any.
pub fn last_entry_between(
    path: &[Stay],
    stage: Stage,
    start: Timestamp,
    end: Timestamp,
) -> Option<&Stay> {
    path.iter()
        .rev()
        .find(|s| s.stage == stage && start <= s.entered && s.entered < end)
}

/// Whether the path enters `stage` at or after `since`.
pub fn enters_after(path: &[Stay], stage: Stage, since: Timestamp) -> bool {
    path.iter().any(|s| s.stage == stage && s.entered >= since)
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
        path.iter()
            .map(|s| (s.stage, day(s.entered), s.left.map(|(_, to)| to)))
            .collect()
    }

    #[test]
    fn an_undone_move_never_entered_its_stage() {
        let history = [
            change(None, Sourced, 1, None),
            change(Some(Sourced), Screening, 2, None),
            change(Some(Screening), Rejected, 3, None),
            change(Some(Rejected), Screening, 4, Some("undo")),
        ];
        assert_eq!(
            path_of(&history),
            [(Sourced, 1, Some(Screening)), (Screening, 2, None)],
            "back in screening since day 2, as if never rejected"
        );
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
        assert!((days_between(at(1), at(3)) - 2.0).abs() < 1e-9);
        assert_eq!(days_between(at(3), at(1)), 0.0);
    }
}
