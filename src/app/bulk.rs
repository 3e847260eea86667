//! Marks on the board and the actions that apply to all of them at once,
//! in one transaction.

use super::App;
use crate::domain::{CandidateId, Stage};

impl App {
    pub(super) fn toggle_mark(&mut self, candidate: CandidateId) {
        if !self.marks.remove(&candidate) {
            self.marks.insert(candidate);
        }
        self.say(format!("{} marked", self.marks.len()));
    }

    pub(super) fn mark_all(&mut self, candidates: Vec<CandidateId>) {
        self.marks.extend(candidates);
        self.say(format!("{} marked", self.marks.len()));
    }

    pub(super) fn clear_marks(&mut self) {
        self.marks.clear();
        self.say("marks cleared");
    }

    /// Moves every marked card one stage, in one transaction. Cards that
    /// cannot go that way (already first or last) are left and counted.
    pub(super) fn move_marked(&mut self, forward: bool) {
        let Some(engagement) = self.engagement else {
            return;
        };
        let pipeline = self.data.pipeline(engagement);
        let mut moves = Vec::new();
        for app in pipeline
            .iter()
            .filter(|a| self.marks.contains(&a.candidate))
        {
            let target = if forward {
                app.stage.next()
            } else {
                app.stage.previous()
            };
            if let Some(to) = target.filter(|to| app.stage.can_move_to(*to)) {
                moves.push((app.candidate, to));
            }
        }
        let skipped = self.marks.len() - moves.len();
        match self
            .store
            .move_many(engagement, &moves, None, &self.stamp())
        {
            Ok(applications) => {
                let moved = applications.len();
                self.remember_moves(engagement, &applications);
                for application in applications {
                    self.write_data(|data| data.put_application(application));
                }
                self.marks.clear();
                self.after_pipeline_change();
                let way = if forward { "forward" } else { "back" };
                let note = if skipped > 0 {
                    format!(" ({skipped} could not move {way})")
                } else {
                    String::new()
                };
                self.say(format!("moved {moved} marked cards {way}{note}"));
            }
            Err(error) => self.complain(error.to_string()),
        }
    }

    pub(super) fn open_exit_for_marks(&mut self, exit: Stage) {
        let Some(engagement) = self.engagement else {
            return;
        };
        let candidates: Vec<CandidateId> = self
            .data
            .pipeline(engagement)
            .iter()
            .filter(|a| self.marks.contains(&a.candidate) && a.stage.can_move_to(exit))
            .map(|a| a.candidate)
            .collect();
        let name = format!("{} marked cards", candidates.len());
        self.open_exit_for(exit, candidates, name);
    }
}
