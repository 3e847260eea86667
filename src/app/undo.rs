//! Undo and redo of stage moves (single, bulk, rejections, withdrawals,
//! re-openings). Each undo is itself a recorded move with the reason
//! "undo", so the event log audits it like any other change.

use super::App;
use crate::domain::{Application, CandidateId, EngagementId, Stage};

/// The moves one action made, as (candidate, from, to).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveSet {
    pub engagement: EngagementId,
    pub moves: Vec<(CandidateId, Stage, Stage)>,
}

/// How many actions can be undone.
const DEPTH: usize = 100;

impl App {
    /// Remembers the moves just made, from the applications' last changes;
    /// a new action forgets what could be redone.
    pub(super) fn remember_moves(
        &mut self,
        engagement: EngagementId,
        applications: &[Application],
    ) {
        let moves: Vec<_> = applications
            .iter()
            .filter_map(|a| {
                let last = a.history.last()?;
                Some((a.candidate, last.from?, last.to))
            })
            .collect();
        if moves.is_empty() {
            return;
        }
        self.undo.push(MoveSet { engagement, moves });
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    pub(super) fn undo_last(&mut self) {
        let Some(set) = self.undo.pop() else {
            return self.complain("nothing to undo");
        };
        let reverts: Vec<_> = set
            .moves
            .iter()
            .map(|&(c, from, to)| (c, to, from))
            .collect();
        if self.apply_reverts(set.engagement, &reverts, false) {
            self.say(format!("undid {} move(s)", set.moves.len()));
            self.redo.push(set);
        } else {
            self.undo.push(set);
        }
    }

    pub(super) fn redo_last(&mut self) {
        let Some(set) = self.redo.pop() else {
            return self.complain("nothing to redo");
        };
        if self.apply_reverts(set.engagement, &set.moves, true) {
            self.say(format!("redid {} move(s)", set.moves.len()));
            self.undo.push(set);
        } else {
            self.redo.push(set);
        }
    }

    /// (candidate, expected stage, target stage) in one transaction.
    fn apply_reverts(
        &mut self,
        engagement: EngagementId,
        reverts: &[(CandidateId, Stage, Stage)],
        redo: bool,
    ) -> bool {
        match self
            .store
            .revert_many(engagement, reverts, redo, &self.stamp())
        {
            Ok(applications) => {
                for application in applications {
                    self.data.put_application(application);
                }
                self.after_pipeline_change();
                true
            }
            Err(error) => {
                self.complain(error.to_string());
                false
            }
        }
    }
}
